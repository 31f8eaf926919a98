// -f sarif, result by result: the region of a finding whatever positions it has, the properties
// it carries, the rule it points to, and the justification of a waived one.
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, sarif, toUri } from '../../src/formatters/sarif.js';
import type { FormatContext } from '../../src/formatters/types.js';
import type { LintResult } from '../../src/lint-types.js';
import type { Finding } from '../../src/types.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';
import { CTX, sampleResult } from './support.js';

type Result = Record<string, any>;
const resultsOf = (r: LintResult, ctx: FormatContext = CTX): Result[] => (JSON.parse(sarif(r, ctx)) as { runs: Array<{ results: Result[] }> }).runs[0]!.results;

/** The first error of sampleResult (a placeholder at 11:15-11:18), changed as a case needs. */
function withFinding(over: Partial<Finding>): Result {
  const r = sampleResult();
  const base = r.findings.find((f) => f.ruleId === 'warranty-placeholder-value' && !f.waived)!;
  r.findings = [{ ...base, ...over }];
  return resultsOf(r)[0]!;
}
const region = (over: Partial<Finding>): unknown => withFinding(over).locations[0].physicalLocation.region;

describe('sarif: regions', () => {
  it('keeps a region as found', () => {
    expect(region({})).toEqual({ startLine: 11, startColumn: 15, endLine: 11, endColumn: 18 });
    expect(region({ line: 2, column: 3, endLine: 5, endColumn: 1 })).toEqual({ startLine: 2, startColumn: 3, endLine: 5, endColumn: 1 });
  });

  it('starts at column 1 without a column, and ends where it starts without an end', () => {
    expect(region({ column: null, endLine: null, endColumn: null })).toEqual({ startLine: 11, startColumn: 1, endLine: 11, endColumn: 1 });
    expect(region({ column: 4, endLine: null, endColumn: null })).toEqual({ startLine: 11, startColumn: 4, endLine: 11, endColumn: 4 });
  });

  it('never ends before it starts: an end line above is the start line, an end column before is the start column', () => {
    expect(region({ line: 11, column: 15, endLine: 9, endColumn: 20 })).toEqual({ startLine: 11, startColumn: 15, endLine: 11, endColumn: 20 });
    expect(region({ line: 11, column: 15, endLine: 11, endColumn: 3 })).toEqual({ startLine: 11, startColumn: 15, endLine: 11, endColumn: 15 });
    expect(region({ line: 11, column: 15, endLine: 11, endColumn: 15 })).toEqual({ startLine: 11, startColumn: 15, endLine: 11, endColumn: 15 });
  });

  it('on a later line, ends at column 1 without an end column, however far the start column', () => {
    expect(region({ line: 11, column: 15, endLine: 12, endColumn: null })).toEqual({ startLine: 11, startColumn: 15, endLine: 12, endColumn: 1 });
    expect(region({ line: 11, column: 15, endLine: 12, endColumn: 2 })).toEqual({ startLine: 11, startColumn: 15, endLine: 12, endColumn: 2 });
  });

  it('places a finding of a file without a line at the top of its file', () => {
    const res = withFinding({ line: null, column: null, endLine: null, endColumn: null });
    expect(res.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'services/pay%20ments.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } }]);
  });

  it('gives no location at all when nothing was read and the finding has no file', () => {
    const r = sampleResult();
    r.files = [];
    r.findings = r.findings.filter((f) => f.file === null);
    const [res] = resultsOf(r);
    expect(res!.locations).toBeUndefined();
    expect(res!.properties).toEqual({ portfolio: true });
  });
});

describe('sarif: what a result carries', () => {
  it('service, area and pointer as properties when the finding has them, and no properties otherwise', () => {
    expect(withFinding({ service: 's', area: 'security', pointer: '/spec' }).properties).toEqual({ service: 's', area: 'security', pointer: '/spec' });
    expect(withFinding({ service: null, area: null, pointer: null }).properties).toBeUndefined();
    expect(withFinding({ service: null, area: 'capacity', pointer: null }).properties).toEqual({ area: 'capacity' });
    expect(withFinding({ service: null, area: null, pointer: '/x' }).properties).toEqual({ pointer: '/x' });
  });

  it('the index of its rule, and no index for a rule not in the list', () => {
    const log = JSON.parse(sarif(sampleResult(), CTX)) as { runs: Array<{ tool: { driver: { rules: Result[] } }; results: Result[] }> };
    const rules = log.runs[0]!.tool.driver.rules;
    for (const res of log.runs[0]!.results) expect(rules[res.ruleIndex as number]!.id).toBe(res.ruleId);
    expect(log.runs[0]!.results[0]!.ruleIndex).toBe(rules.findIndex((r) => r.id === 'warranty-placeholder-value'));
    const unknown = withFinding({ ruleId: 'no-such-rule' });
    expect(unknown.ruleIndex).toBeUndefined();
    expect(Object.keys(unknown)).toEqual(['ruleId', 'level', 'message', 'locations', 'partialFingerprints', 'properties']);
  });

  it('its fingerprint under the versioned key, and no suppression unless waived', () => {
    const res = withFinding({ fingerprint: 'abc' });
    expect(res.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: 'abc' });
    expect(FINGERPRINT_KEY).toBe('warrantyLintFingerprint/v1');
    expect(res.suppressions).toBeUndefined();
  });

  it('names each rule as an identifier, and links its help', () => {
    const rules = (JSON.parse(sarif(sampleResult(), CTX)) as { runs: Array<{ tool: { driver: { rules: Result[] } } }> }).runs[0]!.tool.driver.rules;
    const area = rules.find((r) => r.id === 'warranty-area-missing')!;
    expect(area.name).toBe('WarrantyAreaMissing');
    expect(area.help.text).toBe(`${area.help.text.split('\n\n')[0]}\n\n${area.fullDescription.text}\n\nMore: ${area.helpUri}`);
    expect(area.help.markdown.startsWith('**How to fix:** ')).toBe(true);
    expect(area.help.markdown).toContain(`\n\n**Why it matters:** ${area.fullDescription.text}\n\n`);
    expect(rules.find((r) => r.id === 'availability-slo-mismatch')!.properties.tags).toEqual(['warranty', 'availability']);
    expect(rules.find((r) => r.id === 'waiver-expired')!.properties.tags).toEqual(['warranty']);
    expect(rules.every((r) => /^[A-Z][A-Za-z0-9]*$/.test(r.name as string))).toBe(true);
  });

  it('writes the root as a file uri ending in one slash', () => {
    const log = JSON.parse(sarif(sampleResult(), { ...CTX, root: '/repo/' })) as { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }> }> };
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///repo/');
    const sub = JSON.parse(sarif(sampleResult(), { ...CTX, cwd: '/repo/sub' })) as { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Result[] }> };
    expect(sub.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///repo/sub/');
  });

  it('a file next to the root, whose name starts with two dots, is still inside it', () => {
    const res = withFinding({ file: '..hidden.yaml' });
    expect(res.locations[0].physicalLocation.artifactLocation).toEqual({ uri: '..hidden.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('encodes each segment of a path, keeping the slashes', () => {
    expect(toUri('a b/c#d/e?f%')).toBe('a%20b/c%23d/e%3Ff%25');
  });
});

describe('sarif: why a waived result is waived', () => {
  const waivedBy = (waiver: string, ctx: FormatContext = CTX): string => {
    const text = CLEAN_LOW.replace(/ {4}security:[\s\S]*/, '') + `  waivers:\n    - ${waiver}\n`;
    const res = resultsOf(lintYaml(text), ctx).find((x) => x.suppressions)!;
    return res.suppressions[0].justification as string;
  };

  it('one day left, in the singular', () => {
    expect(waivedBy('{ rule: warranty-area-missing, reason: Soon., approvedBy: cio, expires: 2026-11-27 }')).toBe('Waived until 2026-11-27 (1 day left) by cio: Soon.');
    expect(waivedBy('{ rule: warranty-area-missing, reason: Today., approvedBy: cio, expires: 2026-11-26 }')).toBe('Waived until 2026-11-26 (0 days left) by cio: Today.');
  });

  it('says who approved and why, or that nobody is named and no reason given', () => {
    expect(waivedBy('{ rule: warranty-area-missing, expires: 2026-12-06 }')).toBe('Waived until 2026-12-06 (10 days left) by an unnamed approver: no reason given');
  });

  it('names the waiver by the waiver limit in effect, 180 days unless told', () => {
    const far = '{ rule: warranty-area-missing, reason: Long., approvedBy: cio, expires: 2027-05-20 }';
    expect(waivedBy(far)).toBe('Waived until 2027-05-20 (175 days left) by cio: Long.');
    expect(waivedBy(far, { ...CTX, waiverMaxDays: 100 })).toBe('Waived by a waiver in the service definition (spec.waivers).');
    expect(waivedBy(far, { ...CTX, waiverMaxDays: 175 })).toBe('Waived until 2027-05-20 (175 days left) by cio: Long.');
  });
});
