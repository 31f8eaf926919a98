import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/resolve.js';
import { lint, type LintResult } from '../src/engine/lint.js';
import { RULES_BY_ID } from '../src/rules/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOW = '2026-11-26';
const run = (path: string): Promise<LintResult> => lint({ paths: [path], cwd: ROOT, config: resolveConfig({}), now: NOW });

const CLEAN = ['payments-api', 'auth-service', 'fx-rates'];

/** `# <rule-id>: why` comments: the gaps each example file says it shows. */
function annotations(): Array<{ file: string; line: number; ruleId: string }> {
  const out: Array<{ file: string; line: number; ruleId: string }> = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) {
        readFileSync(p, 'utf8')
          .split('\n')
          .forEach((text, i) => {
            const m = /^\s*#\s*([a-z0-9-]+):/.exec(text);
            if (m && RULES_BY_ID.has(m[1] as string)) out.push({ file: relative(ROOT, p).split('\\').join('/'), line: i + 1, ruleId: m[1] as string });
          });
      }
    }
  };
  walk(join(ROOT, 'examples'));
  return out;
}

describe('examples/', () => {
  it('shows each foundation rule at least once', async () => {
    const result = await run('examples');
    const fired = new Set(result.findings.map((f) => f.ruleId));
    for (const id of [
      'availability-target-unmeasurable',
      'capacity-demand-undefined',
      'continuity-objectives-missing',
      'duplicate-service',
      'schema',
      'security-classification-missing',
      'warranty-area-missing',
      'warranty-deferred-to-operation',
      'warranty-placeholder-value',
      'yaml-syntax',
    ]) {
      expect(fired, id).toContain(id);
    }
  });

  it('shows the portfolio rule on the legacy estate, linted as a portfolio of its own', async () => {
    const result = await run('examples/legacy-estate');
    expect(result.summary.reactiveShare).toBe(1);
    expect(result.findings.filter((f) => f.ruleId === 'portfolio-reactive-provider')).toHaveLength(1);
  });

  it('keeps the clean services clean (a waived finding is not a problem)', async () => {
    const result = await run('examples');
    for (const name of CLEAN) {
      expect(result.services.some((s) => s.name === name), name).toBe(true);
      expect(result.findings.filter((f) => f.service === name && !f.waived).map((f) => `${f.ruleId}: ${f.message}`), name).toEqual([]);
    }
  });

  it('raises every rule that a `# <rule-id>:` comment announces, in that file', async () => {
    const result = await run('examples');
    const notes = annotations();
    expect(notes.length).toBeGreaterThan(10);
    for (const n of notes) {
      expect(
        result.findings.some((f) => f.file === n.file && f.ruleId === n.ruleId),
        `${n.file}:${n.line} announces ${n.ruleId}`,
      ).toBe(true);
    }
  });

  it('reads several files, some of them multi-document, with 8 to 12 distinct services', async () => {
    const result = await run('examples');
    const names = new Set(result.services.map((s) => s.name));
    expect(names.size).toBeGreaterThanOrEqual(8);
    expect(names.size).toBeLessThanOrEqual(12);
    expect(result.files.length).toBeGreaterThanOrEqual(5);
    expect(result.services.filter((s) => s.doc > 0).length).toBeGreaterThanOrEqual(2);
  });
});
