// The portfolio view every report format reads (src/formatters/portfolio-view.ts): the state of
// each cell, which service each finding is about, the rows' counts and order, the files read, the
// remediation sentences, and the percentages that must never cross the threshold.
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/engine/finding.js';
import type { LintResult } from '../../src/engine/lint.js';
import {
  accountableOwner,
  buildView,
  cellState,
  CELL_SEVERITY,
  CELL_STATES,
  joinFindings,
  reactiveVerdict,
  remediationOf,
  sharePercent,
  sloFilesRead,
  stageSplit,
  thresholdPercent,
  wholePercents,
  wholeShare,
  type PortfolioView,
} from '../../src/formatters/portfolio-view.js';
import type { AreaModel, Service } from '../../src/model/types.js';
import type { RuleMeta } from '../../src/rules/types.js';
import type { Area, Finding, Severity } from '../../src/types.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const BASE = lintYaml(CLEAN_LOW).services[0] as Service;

function service(over: Partial<Service> = {}, areas: Partial<Record<Area, Partial<AreaModel>>> = {}): Service {
  const merged = { ...BASE.areas };
  for (const [a, m] of Object.entries(areas)) merged[a as Area] = { ...BASE.areas[a as Area], ...m } as never;
  return { ...BASE, name: 'svc', file: 'svc.yaml', doc: 0, ...over, areas: merged };
}

function finding(over: { ruleId?: string; severity?: Severity; area?: Area | null; file?: string | null; document?: number | null; waived?: boolean; pointer?: string | null } = {}): Finding {
  const f = makeFinding({
    ruleId: over.ruleId ?? 'warranty-area-missing',
    severity: over.severity ?? 'error',
    message: 'm',
    file: over.file === undefined ? 'svc.yaml' : over.file,
    range: null,
    service: null,
    area: over.area ?? null,
    pointer: over.pointer === undefined ? '/spec' : over.pointer,
    document: over.document === undefined ? 0 : over.document,
  });
  return over.waived ? { ...f, waived: true } : f;
}

function result(services: Service[], findings: Finding[], extra: Partial<LintResult> = {}): LintResult {
  const base = lintYaml(CLEAN_LOW);
  return { ...base, services, findings, ...extra, summary: { ...base.summary, ...extra.summary } };
}

describe('cellState', () => {
  it('is waived only when there are findings about the area and every one is waived', () => {
    const s = service();
    expect(cellState(s, 'availability', [finding({ area: 'availability', waived: true }), finding({ area: 'availability', waived: true })])).toBe('waived');
    expect(cellState(s, 'availability', [finding({ area: 'availability', waived: true }), finding({ area: 'availability' })])).toBe('flagged');
    expect(cellState(s, 'availability', [finding({ area: 'capacity', waived: true })])).toBe('defined');
    expect(cellState(s, 'availability', [])).toBe('defined');
  });

  it("is flagged by an open finding about the area only, not another area's", () => {
    const s = service();
    expect(cellState(s, 'security', [finding({ area: 'security' })])).toBe('flagged');
    expect(cellState(s, 'security', [finding({ area: 'capacity' }), finding({ area: null })])).toBe('defined');
  });

  it("tells the model's state: a placeholder area first, then missing, deferred, a placeholder inside, incomplete", () => {
    expect(cellState(service({}, { capacity: { placeholder: true, status: 'missing' } }), 'capacity', [])).toBe('placeholder');
    expect(cellState(service({}, { capacity: { placeholder: true, status: 'deferred' } }), 'capacity', [])).toBe('placeholder');
    expect(cellState(service({}, { capacity: { status: 'missing' } }), 'capacity', [finding({ area: 'capacity' })])).toBe('missing');
    expect(cellState(service({}, { capacity: { status: 'deferred' } }), 'capacity', [])).toBe('deferred');
    const inside = service({ placeholders: [{ ...(BASE.placeholders[0] ?? {}), area: 'continuity' } as Service['placeholders'][number]] });
    expect(cellState(inside, 'continuity', [])).toBe('placeholder');
    expect(cellState(inside, 'availability', [])).toBe('defined');
    const noTarget = service({}, { availability: { values: { ...BASE.areas.availability.values, target: undefined } as never } });
    expect(cellState(noTarget, 'availability', [])).toBe('incomplete');
    expect(cellState(noTarget, 'availability', [finding({ area: 'availability' })])).toBe('incomplete');
  });

  it('lists the states, worst first by severity', () => {
    expect(CELL_STATES).toEqual(['defined', 'flagged', 'incomplete', 'deferred', 'placeholder', 'missing', 'waived']);
    expect([...CELL_STATES].sort((a, b) => CELL_SEVERITY[b] - CELL_SEVERITY[a])).toEqual(['missing', 'placeholder', 'deferred', 'incomplete', 'flagged', 'waived', 'defined']);
  });
});

describe('joinFindings', () => {
  it("files each finding under its document's service, findings about none apart, and a repeated name's under the first", () => {
    const first = service({ name: 'pay', file: 'a.yaml', doc: 0 });
    const other = service({ name: 'search', file: 'a.yaml', doc: 1 });
    const again = service({ name: 'pay', file: 'b.yaml', doc: 0 });
    const nameless1 = service({ name: null, file: 'c.yaml', doc: 0 });
    const nameless2 = service({ name: null, file: 'c.yaml', doc: 1 });
    const f1 = finding({ file: 'a.yaml', document: 0 });
    const f2 = finding({ file: 'a.yaml', document: 1 });
    const f3 = finding({ file: 'b.yaml', document: 0, ruleId: 'duplicate-service' });
    const f4 = finding({ file: 'a.yaml', document: 0 });
    const f5 = finding({ file: null, document: null });
    const f6 = finding({ file: 'c.yaml', document: 1 });
    const f7 = finding({ file: 'zzz.yaml', document: 0 });
    const joined = joinFindings({ services: [first, other, again, nameless1, nameless2], findings: [f1, f2, f3, f4, f5, f6, f7] });
    expect([...joined.byService.entries()].map(([s, fs]) => [s, fs])).toEqual([
      [first, [f1, f3, f4]],
      [other, [f2]],
      [nameless2, [f6]],
    ]);
    expect(joined.byService.get(first)?.[1]).toBe(f3);
    expect(joined.other).toEqual([f5, f7]);
    expect([...joined.repeats.entries()]).toEqual([[f3, again]]);
    expect(joined.repeats.get(f3)).toBe(again);
    expect([...joined.repeating]).toEqual([again]);
    expect(joined.repeating.has(again)).toBe(true);
  });
});

describe('buildView', () => {
  it("counts each row's open findings, errors, warnings and waived; info counts as open only", () => {
    const s = service();
    const view = buildView(
      result(
        [s],
        [finding({ severity: 'error' }), finding({ severity: 'warning' }), finding({ severity: 'info' }), finding({ severity: 'warning', waived: true }), finding({ severity: 'error' }), finding({ severity: 'error', waived: true }), finding({ severity: 'warning' })],
      ),
    );
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({ open: 5, errors: 2, warnings: 2, waived: 2 });
    expect(view.rows[0]?.findings).toHaveLength(7);
  });

  it("drops a document repeating a name from the rows, lists its findings with the first, and judges the first's cells on its own findings", () => {
    const first = service({ name: 'pay', file: 'a.yaml' });
    const again = service({ name: 'pay', file: 'b.yaml' });
    const own = finding({ file: 'a.yaml', area: 'capacity' });
    const theirs = finding({ file: 'b.yaml', area: 'security' });
    const view = buildView(result([first, again], [own, theirs]));
    expect(view.rows.map((r) => r.service)).toEqual([first]);
    const row = view.rows[0];
    expect(row?.findings).toEqual([own, theirs]);
    expect(row?.cells).toEqual({ availability: 'defined', capacity: 'flagged', continuity: 'defined', security: 'defined' });
    expect(row?.repeats.get(theirs)).toBe(again);
    expect(row).toMatchObject({ open: 2, errors: 2 });
    // Without any repeat, every finding judges the cells.
    const alone = buildView(result([first], [own, finding({ file: 'a.yaml', area: 'security' })]));
    expect(alone.rows[0]?.cells).toMatchObject({ capacity: 'flagged', security: 'flagged' });
  });

  it('orders rows by tier, then open errors, then open findings, then name, file and document', () => {
    const svc = (name: string | null, tier: Service['tier'], file: string, doc = 0): Service => service({ name, tier, file, doc });
    const services = [
      svc('low-a', 'low', 'l.yaml'),
      svc('crit', 'critical', 'c.yaml'),
      svc('Alpha', 'medium', 'm2.yaml'),
      svc('e2', 'medium', 'e.yaml'),
      svc('o2', 'medium', 'o.yaml'),
      svc('z', 'medium', 'z2.yaml'),
      svc(null, 'medium', 'z1.yaml', 0),
      svc(null, 'medium', 'z1.yaml', 1),
      svc(null, 'medium', 'y1.yaml', 0),
      svc('b', 'medium', 'm1.yaml'),
      svc('high', 'high', 'h.yaml'),
    ];
    const findings = [
      finding({ file: 'e.yaml' }),
      finding({ file: 'e.yaml' }),
      finding({ file: 'o.yaml' }),
      finding({ file: 'o.yaml', severity: 'warning' }),
      finding({ file: 'o.yaml', severity: 'warning' }),
      finding({ file: 'm1.yaml', severity: 'warning' }),
    ];
    const view = buildView(result(services, findings));
    expect(view.rows.map((r) => `${r.service.name}@${r.service.file}#${r.service.doc}`)).toEqual([
      'crit@c.yaml#0',
      'high@h.yaml#0',
      'e2@e.yaml#0',
      'o2@o.yaml#0',
      'b@m1.yaml#0',
      'null@y1.yaml#0',
      'null@z1.yaml#0',
      'null@z1.yaml#1',
      'Alpha@m2.yaml#0',
      'z@z2.yaml#0',
      'low-a@l.yaml#0',
    ]);
  });

  it('counts catalog files (holding a service or a finding), every file read, and the files read for their SLOs only', () => {
    const s1 = service({ name: 'a', file: 'a.yaml' });
    const s2 = service({ name: 'b', file: 'a.yaml', doc: 1 });
    const findings = [finding({ file: 'broken.yaml', document: null }), finding({ file: null, document: null }), finding({ file: 'a.yaml' }), finding({ file: 'other.yaml', document: null })];
    const base = result([s1, s2], findings, { sloFiles: ['slo.yaml', 'a.yaml', 'slo2.yaml'] });
    expect(buildView({ ...base, summary: { ...base.summary, files: 7 } }).files).toEqual({ catalog: 3, read: 7, slo: 2 });
    // Never fewer files read than catalog files.
    expect(buildView({ ...base, summary: { ...base.summary, files: 1 } }).files).toEqual({ catalog: 3, read: 3, slo: 2 });
    expect(buildView({ ...base, sloFiles: undefined }).files.slo).toBe(0);
  });

  it("carries the reactive shares, the stages and the portfolio's weights and threshold", () => {
    const s = service({ name: 'x' }, { capacity: { status: 'missing' } });
    const base = result([s], []);
    const portfolio = { reactiveThreshold: 0.6, weights: { critical: 9, high: 3, medium: 2, low: 1 } };
    const view = buildView({ ...base, summary: { ...base.summary, reactiveShare: 0.25 } }, portfolio);
    expect(view.reactive).toEqual({ overall: 0.25, byArea: { availability: 0, capacity: 1, continuity: 0, security: 0 }, threshold: 0.6 });
    expect(view.weights).toBe(portfolio.weights);
    expect(view.planned.capacity.missing).toBe(1);
    expect(view.planned.overall.missing).toBe(0.25);
    // Without a portfolio, the default one.
    expect(buildView(base).reactive.threshold).toBe(0.8);
    expect(buildView(base).weights).toEqual({ critical: 4, high: 3, medium: 2, low: 1 });
    expect(view.other).toEqual([]);
  });

  it("gives a rule's remediation on one line: the run's own rules first, else the built-in rule's", () => {
    const rules = [
      { id: 'my-policy', remediation: '  Add an\n   owner\tfor it.  ' },
      { id: 'silent', remediation: undefined },
    ] as unknown as RuleMeta[];
    const view = buildView(result([], [], { rules }));
    expect(view.remediation('my-policy')).toBe('Add an owner for it.');
    expect(view.remediation('silent')).toBeUndefined();
    expect(view.remediation('warranty-area-missing')).toBe(remediationOf('warranty-area-missing'));
    expect(view.remediation('no-such-rule')).toBeUndefined();
    expect(buildView(result([], [], { rules: undefined })).remediation('warranty-area-missing')).toBe(remediationOf('warranty-area-missing'));
  });
});

describe('remediationOf', () => {
  it("gives a built-in rule's remediation with its white space collapsed, and nothing for an unknown rule", () => {
    const text = remediationOf('warranty-area-missing');
    expect(text).toBeTypeOf('string');
    expect(text).not.toMatch(/\s{2}|\n|^\s|\s$/);
    expect(text?.length).toBeGreaterThan(20);
    expect(remediationOf('nope')).toBeUndefined();
  });
});

describe('accountableOwner', () => {
  it("names the area's owner, else the service owner, of the document the finding is about", () => {
    const first = service({ owner: 'team-first' }, { security: { owner: 'sec-team' } });
    const again = service({ owner: 'team-again', file: 'b.yaml' }, { capacity: { owner: 'cap-again' } });
    const aboutAgain = finding({ area: 'availability' });
    const aboutAgainCap = finding({ area: 'capacity' });
    const row = { service: first, repeats: new Map([[aboutAgain, again], [aboutAgainCap, again]]) };
    expect(accountableOwner(row, finding({ area: 'security' }))).toBe('sec-team');
    expect(accountableOwner(row, finding({ area: 'availability' }))).toBe('team-first');
    expect(accountableOwner(row, finding({ area: null }))).toBe('team-first');
    expect(accountableOwner(row, aboutAgain)).toBe('team-again');
    expect(accountableOwner(row, aboutAgainCap)).toBe('cap-again');
    const { owner: _o, ...ownerless } = first;
    expect(accountableOwner({ service: ownerless as Service, repeats: new Map() }, finding({ area: null }))).toBeUndefined();
  });
});

describe('percentages', () => {
  it('never rounds a share across the threshold, either way', () => {
    expect(sharePercent(0.7968, 0.8)).toBe('79.6%');
    expect(sharePercent(0.7512, 0.751)).toBe('75.2%');
    expect(sharePercent(0.8, 0.8)).toBe('80%');
    expect(sharePercent(0.751, 0.751)).toBe('75.1%');
    expect(sharePercent(0.504, 0.8)).toBe('50%');
    expect(sharePercent(0.506, 0.8)).toBe('51%');
    expect(sharePercent(0.7968)).toBe('80%');
    expect(sharePercent(0.9, 0.8)).toBe('90%');
  });

  it('gives the threshold as written', () => {
    expect(thresholdPercent(0.8)).toBe('80%');
    expect(thresholdPercent(0.755)).toBe('75.5%');
    expect(thresholdPercent(0.12345)).toBe('12.3%');
  });

  it('makes whole percents that add up to the total by the largest remainders, ties to the first', () => {
    expect(wholePercents([1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(wholePercents([1, 2], 10)).toEqual([3, 7]);
    expect(wholePercents([2, 2])).toEqual([50, 50]);
    expect(wholePercents([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(wholePercents([0.2, 0.5, 0.3])).toEqual([20, 50, 30]);
    expect(wholePercents([0, 0, 0], 30)).toEqual([0, 0, 0]);
    expect(wholePercents([0.125, 0.875], 20)).toEqual([3, 17]);
  });

  it('gives the whole percent the report prints, never crossing the threshold', () => {
    expect(wholeShare(0.796, 0.8)).toBe(79);
    expect(wholeShare(0.756, 0.757)).toBe(75);
    expect(wholeShare(0.7512, 0.751)).toBe(76);
    expect(wholeShare(0.8, 0.8)).toBe(80);
    expect(wholeShare(0.751, 0.751)).toBe(76);
    expect(wholeShare(0.5, 0.8)).toBe(50);
    expect(wholeShare(0.506, 0.8)).toBe(51);
  });

  it('says what the reactive share means', () => {
    const test = "by the founding text's test (80% or more of warranty activity performed in Service Operation means a very reactive provider)";
    expect(reactiveVerdict(null, 0.8)).toBe('No service was read, so there is no reactive share to measure.');
    expect(reactiveVerdict(0.8, 0.8)).toBe(`At or over the 80% threshold: ${test}, this portfolio is a reactive provider, handling its warranty in Operation after incidents instead of designing it in.`);
    expect(reactiveVerdict(0, 0.8)).toBe(`Nothing is missing or deferred to Operation: ${test}, this portfolio plans its warranty before Operation.`);
    expect(reactiveVerdict(0.7968, 0.8)).toBe(`Under the 80% threshold: ${test}, this portfolio is not a reactive provider, but 79.6% of its warranty is still left to be handled in Operation, after incidents.`);
    expect(reactiveVerdict(0, 0)).toContain('At or over the 0% threshold');
  });

  it('says how many SLO files were read, if any', () => {
    expect(sloFilesRead(0)).toBe('');
    expect(sloFilesRead(1)).toBe(', SLOs in 1 file');
    expect(sloFilesRead(3)).toBe(', SLOs in 3 files');
  });
});

describe('stageSplit', () => {
  const zero = { strategy: 0, design: 0, transition: 0, operation: 0, missing: 0 };
  function view(planned: Partial<PortfolioView['planned']>, overall: number | null, byArea: Partial<Record<Area, number | null>> = {}, threshold = 0.8): PortfolioView {
    return {
      rows: [],
      other: [],
      reactive: { overall, byArea: { availability: null, capacity: null, continuity: null, security: null, ...byArea }, threshold },
      planned: { overall: zero, availability: zero, capacity: zero, continuity: zero, security: zero, ...planned },
      weights: { critical: 4, high: 3, medium: 2, low: 1 },
      files: { catalog: 0, read: 0, slo: 0 },
      remediation: () => undefined,
    };
  }

  it('splits operation into deferred and defined, so that missing + deferred is the reactive share', () => {
    const v = view({ overall: { strategy: 0.1, design: 0.5, transition: 0.1, operation: 0.2, missing: 0.1 } }, 0.25);
    expect(stageSplit(v, 'overall')).toEqual({ percents: { strategy: 10, design: 50, transition: 10, operation: 20, missing: 10 }, deferred: 15, reactive: 25 });
  });

  it("reads an area's own stages and reactive share", () => {
    const v = view({ capacity: { strategy: 0, design: 0.5, transition: 0, operation: 0, missing: 0.5 } }, 0.9, { capacity: 0.5 });
    expect(stageSplit(v, 'capacity')).toEqual({ percents: { strategy: 0, design: 50, transition: 0, operation: 0, missing: 50 }, deferred: 0, reactive: 50 });
  });

  it('keeps the reactive part from crossing the threshold, and the rest adding up to 100', () => {
    const v = view({ overall: { strategy: 0, design: 0.204, transition: 0, operation: 0, missing: 0.796 } }, 0.796);
    expect(stageSplit(v, 'overall')).toEqual({ percents: { strategy: 0, design: 21, transition: 0, operation: 0, missing: 79 }, deferred: 0, reactive: 79 });
  });

  it('never gives a negative part when the shares disagree by rounding', () => {
    // Reactive under missing: nothing is deferred.
    const under = view({ overall: { strategy: 0, design: 0.7, transition: 0, operation: 0, missing: 0.3 } }, 0.2);
    expect(stageSplit(under, 'overall')).toEqual({ percents: { strategy: 0, design: 80, transition: 0, operation: 0, missing: 20 }, deferred: 0, reactive: 20 });
    // More deferred than operation: no operation is defined.
    const over = view({ overall: { strategy: 0, design: 0.7, transition: 0, operation: 0.1, missing: 0 } }, 0.3);
    expect(stageSplit(over, 'overall')).toEqual({ percents: { strategy: 0, design: 70, transition: 0, operation: 30, missing: 0 }, deferred: 30, reactive: 30 });
  });

  it('puts nothing in missing or deferred when the reactive share rounds to 0', () => {
    const v = view({ overall: { strategy: 0, design: 0.996, transition: 0, operation: 0, missing: 0.004 } }, 0.004);
    expect(stageSplit(v, 'overall')).toEqual({ percents: { strategy: 0, design: 100, transition: 0, operation: 0, missing: 0 }, deferred: 0, reactive: 0 });
  });

  it('is null without a reactive share or without any stage', () => {
    expect(stageSplit(view({ overall: { ...zero, design: 1 } }, null), 'overall')).toBeNull();
    expect(stageSplit(view({}, 0.5), 'overall')).toBeNull();
    expect(stageSplit(view({ security: { ...zero, design: 1 } }, 0.5, { security: null }), 'security')).toBeNull();
    expect(stageSplit(view({ security: { ...zero, missing: 1 } }, null, { security: 1 }), 'security')).toEqual({ percents: { ...zero, missing: 100 }, deferred: 0, reactive: 100 });
  });
});
