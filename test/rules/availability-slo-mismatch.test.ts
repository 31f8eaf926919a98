import { describe, expect, it } from 'vitest';
import { CLEAN_LOW, lintYaml, positionsOf, rulesOf } from '../support/lint-yaml.js';
import { edit, expectExamplesHold, findingsOf } from './helpers.js';

const ID = 'availability-slo-mismatch';

/** CLEAN_LOW ("search", 99.0% over 30d) as `services/search.yaml`, beside SLO files. */
function withSlos(slos: Record<string, string>, service = CLEAN_LOW, explicit = true) {
  return lintYaml([{ file: 'services/search.yaml', text: service }, ...Object.entries(slos).map(([file, text]) => ({ file, text }))], { explicit });
}

/** An OpenSLO v1 SLO about `service` with one objective (`objective` is its YAML, e.g. `target: 0.99`). */
const openslo = (objective: string, window = '30d', service = 'search', name = 'search-availability'): string =>
  `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
  displayName: Search availability
spec:
  service: ${service}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: ${window}
      isRolling: true
  objectives:
    - displayName: requests succeed
      ${objective}
`;

const sloth = (objective: number, service = 'search'): string => `version: "prometheus/v1"
service: "${service}"
labels:
  owner: team-search
slos:
  - name: "requests-availability"
    objective: ${objective}
    description: "Common SLO based on availability for HTTP request responses."
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="search",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="search"}[{{.window}}]))
    alerting:
      name: SearchHighErrorRate
      labels:
        category: "availability"
`;

describe(ID, () => {
  it('holds its own examples', () => expectExamplesHold(ID));

  it('flags an OpenSLO target below the warranty target, at availability.target, naming the SLO file, line and values', () => {
    const r = withSlos({ 'slos/search.yaml': openslo('target: 0.985') });
    expect(positionsOf(r, ID)).toEqual([[11, 15, '/spec/warranty/availability/target']]);
    expect(findingsOf(r, ID)[0]?.message).toBe(
      'service "search" promises availability.target 99%, but the SLO "search-availability" (slos/search.yaml:14) sets 98.5%: the objective Operation measures and alerts on is below the warranty.',
    );
    expect(findingsOf(r, ID)[0]?.area).toBe('availability');
  });

  it('passes an SLO at or above the target (a stricter internal objective is fine), as a ratio or in percent', () => {
    for (const objective of ['target: 0.99', 'target: 0.9995', 'targetPercent: 99', 'targetPercent: 99.5']) {
      expect(rulesOf(withSlos({ 'slos/search.yaml': openslo(objective) })), objective).not.toContain(ID);
    }
    expect(positionsOf(withSlos({ 'slos/search.yaml': openslo('targetPercent: 98') }), ID)).toEqual([[11, 15, '/spec/warranty/availability/target']]);
  });

  it('flags another time window at availability.window, and compares windows as durations: 4w is 28d, 1M is 30d', () => {
    const r = withSlos({ 'slos/search.yaml': openslo('target: 0.99', '28d') });
    expect(positionsOf(r, ID)).toEqual([[12, 15, '/spec/warranty/availability/window']]);
    expect(findingsOf(r, ID)[0]?.message).toBe(
      'service "search" has availability.window 30d, but the SLO "search-availability" (slos/search.yaml:14) is measured over 28d: an error budget over another period cannot show whether the warranty is kept.',
    );
    expect(rulesOf(withSlos({ 'slos/search.yaml': openslo('target: 0.99', '1M') }))).not.toContain(ID);
    expect(rulesOf(withSlos({ 'slos/search.yaml': openslo('target: 0.99', '720h') }))).not.toContain(ID);
    const fourWeeks = edit(CLEAN_LOW, 'window: 30d', 'window: 28d');
    expect(rulesOf(withSlos({ 'slos/search.yaml': openslo('target: 0.99', '4w') }, fourWeeks))).not.toContain(ID);
    expect(rulesOf(withSlos({ 'slos/search.yaml': openslo('target: 0.99', '4w') }, edit(CLEAN_LOW, 'window: 30d', 'window: P28D')))).not.toContain(ID);
  });

  it("reads OpenSLO v1alpha's timeWindows { unit, count }", () => {
    const alpha = openslo('target: 0.99').replace('openslo/v1', 'openslo/v1alpha').replace(/timeWindow:\n.*\n.*\n/, 'timeWindows:\n    - unit: Week\n      count: 4\n');
    const r = withSlos({ 'slos/search.yaml': alpha });
    expect(findingsOf(r, ID).map((f) => f.message)).toEqual([expect.stringContaining('is measured over 4 Week')]);
  });

  it("compares a Sloth file over Sloth's default period, 30 days", () => {
    expect(rulesOf(withSlos({ 'slos/search.yaml': sloth(99.0) }))).not.toContain(ID);
    const r = withSlos({ 'slos/search.yaml': sloth(98) }, edit(CLEAN_LOW, 'window: 30d', 'window: 7d'));
    expect(findingsOf(r, ID).map((f) => [f.line, f.message])).toEqual([
      [11, 'service "search" promises availability.target 99%, but the SLO "requests-availability" (slos/search.yaml:7) sets 98%: the objective Operation measures and alerts on is below the warranty.'],
      [12, `service "search" has availability.window 7d, but the SLO "requests-availability" (slos/search.yaml:7) is measured over 30d (Sloth's default period): an error budget over another period cannot show whether the warranty is kept.`],
    ]);
  });

  it('with several SLOs for a service: one finding per field, naming the weakest target and the first other window, and how many more disagree', () => {
    const r = withSlos({
      'slos/a.yaml': openslo('target: 0.98', '28d', 'search', 'search-a'),
      'slos/b.yaml': openslo('target: 0.95', '7d', 'search', 'search-b'),
      'slos/c.yaml': openslo('target: 0.999', '30d', 'search', 'search-c'),
    });
    expect(findingsOf(r, ID).map((f) => f.message)).toEqual([
      expect.stringMatching(/^service "search" promises availability.target 99%, but the SLO "search-b" \(slos\/b.yaml:14\) sets 95% \(and 1 more SLO\):/),
      expect.stringMatching(/^service "search" has availability.window 30d, but the SLO "search-a" \(slos\/a.yaml:14\) is measured over 28d \(and 1 more SLO\):/),
    ]);
  });

  it('reads the objectives of one document: each is compared, the ones about latency are not availability', () => {
    const two = openslo('target: 0.99').replace(
      '  objectives:\n    - displayName: requests succeed\n      target: 0.99\n',
      '  objectives:\n    - displayName: requests succeed\n      target: 0.99\n    - displayName: p99 latency under 300ms\n      op: lte\n      value: 300\n      target: 0.9\n',
    );
    expect(rulesOf(withSlos({ 'slos/search.yaml': two }))).not.toContain(ID);
    const latencyOnly = openslo('target: 0.5', '7d', 'search', 'search-latency').replace('displayName: Search availability', 'displayName: Search latency').replace('requests succeed', 'p95 latency');
    expect(rulesOf(withSlos({ 'slos/search.yaml': latencyOnly }))).not.toContain(ID);
  });

  it('names the service by OpenSLO spec.service or Sloth service, compared in any case; other services and other kinds are not compared', () => {
    expect(rulesOf(withSlos({ 'slos/x.yaml': openslo('target: 0.9', '30d', 'Search') }))).toContain(ID);
    expect(rulesOf(withSlos({ 'slos/x.yaml': openslo('target: 0.9', '30d', 'checkout') }))).not.toContain(ID);
    expect(rulesOf(withSlos({ 'slos/x.yaml': sloth(90, 'checkout') }))).not.toContain(ID);
    const serviceKind = 'apiVersion: openslo/v1\nkind: Service\nmetadata: { name: search }\nspec: { description: Search }\n';
    expect(withSlos({ 'slos/x.yaml': serviceKind }).findings.filter((f) => f.file === 'slos/x.yaml')).toEqual([]);
  });

  it('compares nothing it cannot read: no target in the warranty, no window in the SLO', () => {
    const noWindow = openslo('target: 0.9').replace(/ {2}timeWindow:\n.*\n.*\n/, '');
    expect(findingsOf(withSlos({ 'slos/x.yaml': noWindow }), ID).map((f) => f.pointer)).toEqual(['/spec/warranty/availability/target']);
    const noTarget = edit(CLEAN_LOW, '      target: 99.0\n', '');
    expect(findingsOf(withSlos({ 'slos/x.yaml': openslo('target: 0.9', '7d') }, noTarget), ID).map((f) => f.pointer)).toEqual(['/spec/warranty/availability/window']);
  });

  it('is reported for critical services as an error', () => {
    const critical = edit(CLEAN_LOW, 'tier: low', 'tier: critical');
    expect(findingsOf(withSlos({ 'slos/x.yaml': openslo('target: 0.9') }, critical), ID)[0]?.severity).toBe('error');
    expect(findingsOf(withSlos({ 'slos/x.yaml': openslo('target: 0.9') }), ID)[0]?.severity).toBe('warning');
  });
});

describe('an SLO for a service without availability requirements', () => {
  const noAvailability = edit(CLEAN_LOW, '    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '');

  it('is named as evidence in warranty-area-missing, to adopt', () => {
    const r = withSlos({ 'slos/search.yaml': openslo('target: 0.999', '28d') }, noAvailability);
    expect(findingsOf(r, 'warranty-area-missing').map((f) => f.message)).toEqual([
      'service "search" defines no availability requirements (spec.warranty.availability is absent or empty). An SLO of 99.9% over 28d exists in slos/search.yaml: adopt it as the availability target and window.',
    ]);
    expect(rulesOf(r)).not.toContain(ID);
  });

  it('names the first SLO and counts the others; says nothing about other areas or other services', () => {
    const r = withSlos({ 'slos/a.yaml': sloth(99.5), 'slos/b.yaml': openslo('target: 0.99') }, noAvailability);
    expect(findingsOf(r, 'warranty-area-missing').map((f) => f.message)).toEqual([
      expect.stringContaining(`An SLO of 99.5% over 30d (Sloth's default period) exists in slos/a.yaml (and 1 more SLO for it): adopt it`),
    ]);
    const noCapacity = edit(CLEAN_LOW, '    capacity:\n      peak: { value: 50, unit: rps }\n      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }\n', '');
    const other = withSlos({ 'slos/a.yaml': sloth(99.5) }, noCapacity);
    expect(findingsOf(other, 'warranty-area-missing').map((f) => f.message)).toEqual([expect.not.stringContaining('SLO')]);
    const elsewhere = withSlos({ 'slos/a.yaml': sloth(99.5, 'checkout') }, noAvailability);
    expect(findingsOf(elsewhere, 'warranty-area-missing').map((f) => f.message)).toEqual([expect.not.stringContaining('SLO')]);
  });
});

describe('the SLO evidence in warranty-area-missing', () => {
  const noAvailability = edit(CLEAN_LOW, '    availability:\n      target: 99.0\n      window: 30d\n      serviceHours: 24x7\n', '');
  const evidence = (slos: Record<string, string>) => findingsOf(withSlos(slos, noAvailability), 'warranty-area-missing').map((f) => f.message);
  const prefix = 'service "search" defines no availability requirements (spec.warranty.availability is absent or empty). ';

  it('counts two or more other SLOs in the plural', () => {
    expect(evidence({ 'slos/a.yaml': openslo('target: 0.999', '28d'), 'slos/b.yaml': sloth(99.5), 'slos/c.yaml': sloth(99) })).toEqual([
      `${prefix}An SLO of 99.9% over 28d exists in slos/a.yaml (and 2 more SLOs for it): adopt it as the availability target and window.`,
    ]);
  });

  it('says no window, or no target, when the first SLO states none', () => {
    const noWindow = openslo('target: 0.999').replace(/ {2}timeWindow:\n.*\n.*\n/, '');
    expect(evidence({ 'slos/a.yaml': noWindow })).toEqual([`${prefix}An SLO of 99.9% exists in slos/a.yaml: adopt it as the availability target and window.`]);
    expect(evidence({ 'slos/a.yaml': openslo('target: high', '28d') })).toEqual([`${prefix}An SLO over 28d exists in slos/a.yaml: adopt it as the availability target and window.`]);
  });
});

describe('SLO files in a run', () => {
  it('are read in a walk and named on the command line without noise: no input-skipped, no no-service', () => {
    for (const explicit of [true, false]) {
      const r = withSlos({ 'slos/a.yaml': sloth(99), 'slos/b.yaml': openslo('target: 0.99') }, CLEAN_LOW, explicit);
      expect(r.findings.filter((f) => f.file !== 'services/search.yaml'), `explicit: ${explicit}`).toEqual([]);
    }
  });

  it('an OpenSLO file of other kinds only (Service, SLI) is not a file without a service either', () => {
    const r = lintYaml([{ file: 'slos/sli.yaml', text: 'apiVersion: openslo/v1\nkind: SLI\nmetadata: { name: errors }\nspec: { ratioMetric: {} }\n' }]);
    expect(r.findings).toEqual([]);
  });

  it('a broken SLO file is a yaml-syntax finding, never skipped as someone else\'s YAML nor a crash', () => {
    const broken = 'apiVersion: openslo/v1\nkind: SLO\nspec: [unclosed\n';
    for (const explicit of [true, false]) {
      expect(rulesOf(lintYaml([{ file: 'slos/x.yaml', text: broken }], { explicit })), `explicit: ${explicit}`).toEqual(['yaml-syntax']);
    }
  });

  it('an SLO file over the size limit is reported as any file is', () => {
    const big = `${sloth(99)}# ${'x'.repeat(2000)}\n`;
    const r = lintYaml([{ file: 'slos/x.yaml', text: big }], { config: { limits: { maxFileSize: 1000 } } });
    expect(rulesOf(r)).toEqual(['yaml-syntax']);
    expect(r.findings[0]?.message).toMatch(/too large|limit/i);
  });
});
