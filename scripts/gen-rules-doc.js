#!/usr/bin/env node
// Writes docs/rules.md from the rule metadata of the built package (`npm run docs` builds first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../dist/docs/rules-doc.js';
import { RULES } from '../dist/rules/index.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderRulesDoc(RULES));
console.log(`wrote ${target} (${RULES.length} rules)`);
