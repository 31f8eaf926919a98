// One service document (src/engine/lint-service.ts): how schema problems are named and held back
// under placeholders, empty areas and substitutions not made, the order of a document's findings,
// rules turned off, a rule's crash, a report's area and narrowed range, and the positions kept.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type UserConfig } from '../../src/config/resolve.js';
import { RuleCrash } from '../../src/errors.js';
import { lintFile, lintText, type FileResult } from '../../src/engine/process-file.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import type { ServiceRule } from '../../src/rules/types.js';
import type { Report } from '../../src/types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { tempTree } from '../support/run-cli.js';

const DAY = Date.UTC(2026, 10, 26) / 86_400_000;
const lintIt = (text: string, user: UserConfig = {}): FileResult => lintText(text, { path: 'a.yaml', file: 'a.yaml', explicit: true }, { config: resolveConfig(user), today: DAY });
const rows = (r: FileResult) => r.findings.map((f) => [f.ruleId, f.line, f.column, f.pointer]);
const placeholderRule = RULES_BY_ID.get('warranty-placeholder-value') as ServiceRule;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('schema problems', () => {
  it('name the service, or the document when it has no usable name', () => {
    const bad = CLEAN_LOW.replace('tier: low', 'tier: gold');
    const messages = (text: string) => lintIt(text).findings.filter((f) => f.ruleId === 'schema').map((f) => f.message);
    expect(messages(bad)).toEqual([expect.stringMatching(/^service "search": /)]);
    const unnamed = messages(bad.replace('name: search', 'name: ""'));
    expect(unnamed).toHaveLength(2);
    expect(unnamed.every((m) => m.startsWith('document 1: '))).toBe(true);
    expect(messages(`${CLEAN_LOW}---\n${bad.replace('name: search', 'name: 12')}`).every((m) => m.startsWith('document 2: '))).toBe(true);
    expect(messages(`${CLEAN_LOW}---\n${bad.replace('name: search', 'name: 12')}`).length).toBeGreaterThan(0);
  });

  it('are not reported under a placeholder: the placeholder is', () => {
    expect(rows(lintIt(CLEAN_LOW.replace('rto: 6h', 'rto: TBD')))).toEqual([['warranty-placeholder-value', 18, 12, '/spec/warranty/continuity/rto']]);
    const area = CLEAN_LOW.replace('    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '    availability: TBD\n');
    expect(lintIt(area).findings.map((f) => [f.ruleId, f.pointer])).toEqual([['warranty-placeholder-value', '/spec/warranty/availability']]);
  });

  it('are not reported for an area left empty, nor for a warranty left empty: those are missing areas', () => {
    const empty = CLEAN_LOW.replace('    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '    availability:\n');
    expect(lintIt(empty).findings.map((f) => [f.ruleId, f.pointer])).toEqual([['warranty-area-missing', '/spec/warranty/availability']]);
    const none = CLEAN_LOW.slice(0, CLEAN_LOW.indexOf('  warranty:')) + '  warranty:\n';
    const found = lintIt(none).findings;
    expect(found.filter((f) => f.ruleId === 'schema')).toEqual([]);
    expect(found.filter((f) => f.ruleId === 'warranty-area-missing')).toHaveLength(4);
  });

  it('leave a service with no warranty at all to the rules', () => {
    const none = CLEAN_LOW.slice(0, CLEAN_LOW.indexOf('  warranty:')) + '  dependsOn: []\n';
    const r = lintIt(none);
    expect(r.services.map((s) => s.name)).toEqual(['search']);
    expect(r.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('are not reported under a substitution that could not be made: it is, first, and nothing below it', () => {
    const text = CLEAN_LOW.replace('    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '    availability: { $yaml: ./nope.yaml }\n').replace('lifecycleStage: design', 'lifecycleStage: nope');
    const root = tempTree({ 'a.yaml': text });
    const r = lintFile({ path: join(root, 'a.yaml'), file: 'a.yaml', explicit: true }, { config: resolveConfig({}), today: DAY, cwd: root });
    expect(r.findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['file-unreadable', '/spec/warranty/availability'],
      ['schema', '/metadata/lifecycleStage'],
    ]);
  });
});

describe('service rules', () => {
  it('report after the document’s schema problems, each placed where it points', () => {
    const text = CLEAN_LOW.replace('lifecycleStage: design', 'lifecycleStage: nope').replace('rto: 6h', 'rto: TBD');
    expect(rows(lintIt(text))).toEqual([
      ['schema', 7, 19, '/metadata/lifecycleStage'],
      ['warranty-placeholder-value', 18, 12, '/spec/warranty/continuity/rto'],
    ]);
  });

  it('are not run when turned off', () => {
    const check = vi.spyOn(placeholderRule, 'check');
    const text = CLEAN_LOW.replace('rto: 6h', 'rto: TBD');
    expect(lintIt(text, { rules: { 'warranty-placeholder-value': 'off' } }).findings).toEqual([]);
    expect(check).not.toHaveBeenCalled();
    expect(lintIt(text).findings.map((f) => f.ruleId)).toEqual(['warranty-placeholder-value']);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('crash as the rule that threw', () => {
    vi.spyOn(placeholderRule, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => lintIt(CLEAN_LOW)).toThrow(RuleCrash);
    expect(() => lintIt(CLEAN_LOW)).toThrow('rule warranty-placeholder-value failed: boom');
  });

  it('take a report’s own area when it gives one (null too), else the rule’s', () => {
    vi.spyOn(placeholderRule, 'check').mockImplementation((): Report[] => [
      { pointer: '/metadata/tier', message: 'own' },
      { pointer: '/metadata/tier', message: 'security', area: 'security' },
      { pointer: '/metadata/tier', message: 'none', area: null },
    ]);
    expect(lintIt(CLEAN_LOW).findings.map((f) => [f.message, f.area, f.service, f.document, f.file])).toEqual([
      ['own', placeholderRule.meta.area, 'search', 0, 'a.yaml'],
      ['security', 'security', 'search', 0, 'a.yaml'],
      ['none', null, 'search', 0, 'a.yaml'],
    ]);
  });

  it('narrow a report to the text it names inside a value, and point at a key when asked', () => {
    vi.spyOn(placeholderRule, 'check').mockImplementation((): Report[] => [
      { pointer: '/metadata/owner', message: 'text', text: 'search' },
      { pointer: '/metadata/owner', message: 'value' },
      { pointer: '/metadata/owner', message: 'key', at: 'key' },
    ]);
    expect(lintIt(CLEAN_LOW).findings.map((f) => [f.message, f.line, f.column, f.endColumn])).toEqual([
      ['text', 5, 15, 21],
      ['value', 5, 10, 21],
      ['key', 5, 3, 8],
    ]);
  });
});

describe('what a service keeps', () => {
  it('keeps the positions catalog rules will need, and the document’s start', () => {
    const [service] = lintIt(`# a comment\n${CLEAN_LOW}`).services;
    expect(service?.anchors?.['']).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 11 });
    expect(service?.anchors?.['/metadata/name']).toEqual({ line: 5, column: 9, endLine: 5, endColumn: 15 });
  });

  it('reads its evidence only when evidence-missing is on', () => {
    const [on] = lintIt(CLEAN_LOW).services;
    expect(on?.evidence).toBeDefined();
    const [off] = lintIt(CLEAN_LOW, { rules: { 'evidence-missing': 'off' } }).services;
    expect(off?.evidence).toBeUndefined();
  });
});
