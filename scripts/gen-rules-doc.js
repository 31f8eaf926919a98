#!/usr/bin/env node
// Writes what is generated from the rule metadata of the built package (`npm run docs` builds
// first): docs/rules.md, and the rule ids in schemas/config.schema.json. Tests fail when either is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../dist/docs/rules-doc.js';
import { schemaFileText, withRuleIds } from '../dist/config/schema.js';
import { RULES } from '../dist/rules/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs', 'rules.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderRulesDoc(RULES));
console.log(`wrote ${target} (${RULES.length} rules)`);
const schemaFile = join(root, 'schemas', 'config.schema.json');
writeFileSync(schemaFile, schemaFileText(withRuleIds(JSON.parse(readFileSync(schemaFile, 'utf8')))));
console.log(`wrote ${schemaFile} (rule ids)`);
