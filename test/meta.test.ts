// Keeps the registry, the rule files, the generated reference, the examples and the tests in step:
// adding a rule without its docs, examples or tests fails the build. It iterates the registry and
// the directory, so rules added later are checked without touching this file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docsUrl } from '../src/docs/url.js';
import { RULES, RULES_BY_ID } from '../src/rules/index.js';
import type { Rule } from '../src/rules/types.js';
import { renderRulesDoc, severityLabel } from '../src/docs/rules-doc.js';
import { VERSION } from '../src/version.js';
import { lintYaml } from './support/lint-yaml.js';
import { FLAGGED } from '../src/rules/support/example.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RULES_DIR = join(root, 'src', 'rules');
const NOT_RULES = new Set(['index.ts', 'types.ts']);
const ruleFiles = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f))
  .sort();
const ids = RULES.map((r) => r.meta.id);

/** Engine rules whose failure no single YAML text can show (a broken link, a hundred findings): their examples are prose. */
const NOT_SHOWN_BY_ONE_TEXT = new Set(['file-unreadable', 'too-many-findings']);
/** The date the examples are written for (waiver expiry dates depend on it). */
const EXAMPLES_NOW = '2026-11-26';

/** SPEC §4: every rule and its `recommended` severity, with tier variants. */
const SPEC_RULES: Record<string, string> = {
  'yaml-syntax': 'error',
  'file-unreadable': 'error',
  'no-service': 'error',
  'too-many-findings': 'info',
  schema: 'error',
  'duplicate-service': 'error',
  'warranty-area-missing': 'error (low tier: warning)',
  'availability-target-unmeasurable': 'error',
  'capacity-demand-undefined': 'error',
  'continuity-objectives-missing': 'error',
  'security-classification-missing': 'error',
  'tier-detail-missing': 'warning',
  'warranty-placeholder-value': 'error',
  'warranty-deferred-to-operation': 'error (medium tier: warning, low tier: warning)',
  'warranty-not-agreed': 'warning',
  'warranty-owner-missing': 'warning',
  'warranty-owner-generic': 'warning',
  'tier-minimums-unmet': 'warning',
  'availability-exceeds-dependency-ceiling': 'warning',
  'availability-rto-budget-conflict': 'warning',
  'continuity-objectives-inconsistent': 'error',
  'continuity-dependency-inversion': 'error',
  'continuity-recovery-option-mismatch': 'warning',
  'continuity-test-stale': 'warning (critical tier: error)',
  'security-controls-insufficient': 'error',
  'security-sensitive-data-underclassified': 'error',
  'dependency-unknown': 'warning',
  'dependency-tier-inversion': 'warning',
  'warranty-overspecified': 'info',
  'waiver-expired': 'error',
  'waiver-unused': 'warning',
  'portfolio-reactive-provider': 'error',
};

const isRule = (v: unknown): v is Rule =>
  typeof v === 'object' && v !== null && 'meta' in v && 'scope' in v && typeof (v as { meta: { id?: unknown } }).meta.id === 'string';

describe('the rule registry', () => {
  it('holds exactly one rule per file of src/rules, and every file exports the registered rule whose id is its name', async () => {
    expect(ruleFiles.map((f) => basename(f, '.ts'))).toEqual([...ids].sort());
    for (const file of ruleFiles) {
      const mod = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as Record<string, unknown>;
      const rules = Object.values(mod).filter(isRule);
      expect(rules.map((r) => r.meta.id), file).toEqual([basename(file, '.ts')]);
      expect(RULES_BY_ID.get(basename(file, '.ts')), `${file} is not the registered object`).toBe(rules[0]);
    }
  });

  it('is sorted by id, without duplicates', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every SPEC §4 rule, each with its SPEC default severity', () => {
    for (const [id, severity] of Object.entries(SPEC_RULES)) {
      expect(RULES_BY_ID.has(id), `${id} is not registered`).toBe(true);
      expect(severityLabel((RULES_BY_ID.get(id) as Rule).meta), id).toBe(severity);
    }
  });

  it.each(ids)('%s has complete metadata', (id) => {
    const { meta, scope } = RULES_BY_ID.get(id) as Rule;
    expect(meta.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(['engine', 'service', 'catalog', 'waivers']).toContain(scope);
    for (const field of ['description', 'rationale', 'remediation'] as const) {
      expect(meta[field].trim().length, `${id}: ${field}`).toBeGreaterThan(20);
      expect(meta[field], `${id}: ${field} is one paragraph`).not.toMatch(/\n/);
    }
    expect(meta.examples.fail.trim(), `${id}: fail example`).not.toBe('');
    expect(meta.examples.pass.trim(), `${id}: pass example`).not.toBe('');
    expect(meta.examples.fail, `${id}: the examples differ`).not.toBe(meta.examples.pass);
    expect(docsUrl(id)).toMatch(new RegExp(`/docs/rules\\.md#${id}$`));
  });
});

describe('rule examples', () => {
  const shown = RULES.filter((r) => !NOT_SHOWN_BY_ONE_TEXT.has(r.meta.id));

  it('leaves out only engine rules that one YAML text cannot show', () => {
    for (const id of NOT_SHOWN_BY_ONE_TEXT) expect(RULES_BY_ID.get(id)?.scope, id).toBe('engine');
  });

  it.each(shown.map((r) => r.meta.id))('%s: the failing example raises the rule at the lines it marks, the passing one does not', (id) => {
    const { examples } = (RULES_BY_ID.get(id) as Rule).meta;
    const fail = lintYaml(examples.fail, { now: EXAMPLES_NOW });
    const raised = fail.findings.filter((f) => f.ruleId === id);
    expect(raised, `${id}: the failing example must raise it`).not.toEqual([]);
    // Each line a finding is at carries the marker, and no other line does (a finding about the
    // portfolio has no line, and its example marks none).
    const marked = examples.fail.split('\n').flatMap((line, i) => (line.includes(FLAGGED.trim()) ? [i + 1] : []));
    const lines = [...new Set(raised.flatMap((f) => (f.line === null ? [] : [f.line])))].sort((a, b) => a - b);
    expect(lines, `${id}: the lines marked "${FLAGGED.trim()}" in the failing example`).toEqual(marked);
    const pass = lintYaml(examples.pass, { now: EXAMPLES_NOW });
    expect(
      pass.findings.filter((f) => f.ruleId === id && !f.waived).map((f) => f.message),
      `${id}: the passing example must not raise it`,
    ).toEqual([]);
  });
});

describe('the rules reference', () => {
  it('docs/rules.md is what `npm run docs` generates from the metadata (run it after changing a rule)', () => {
    const path = join(root, 'docs', 'rules.md');
    expect(existsSync(path), 'docs/rules.md is missing: run `npm run docs`').toBe(true);
    expect(readFileSync(path, 'utf8'), 'docs/rules.md is out of date: run `npm run docs`').toBe(renderRulesDoc(RULES));
  });

  it('has a section for every rule, whose anchor is the id that docsUrl points at', () => {
    const doc = renderRulesDoc(RULES);
    const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    // After the rules, the answers to what SPEC leaves open (src/docs/open-questions.ts).
    expect(headings).toEqual([...ids, 'Answers to questions SPEC leaves open']);
  });
});

describe('tests', () => {
  it.each(ids)('%s has its own test file, test/rules/<id>.test.ts, that names it', (id) => {
    const path = join(root, 'test', 'rules', `${id}.test.ts`);
    expect(existsSync(path), `test/rules/${id}.test.ts is missing`).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(`'${id}'`);
  });
});

describe('the version', () => {
  it('src/version.ts matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
