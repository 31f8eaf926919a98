// Issue 16's "done when" on a generated 2,000-service catalog: the summary fits in 40 lines at any
// width, the full report, the HTML and the CSV are produced, and --compare against a run with one
// service fixed and one broken shows exactly those changes. The catalog is linted once (twice: as
// it was, and as it is now) for the whole file.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../src/formatters/compare.js';
import { csv } from '../src/formatters/csv.js';
import { html } from '../src/formatters/html.js';
import { json } from '../src/formatters/json.js';
import { markdown } from '../src/formatters/markdown.js';
import { buildView } from '../src/formatters/portfolio-view.js';
import { report } from '../src/formatters/report.js';
import { SUMMARY_LINES } from '../src/formatters/report-summary.js';
import { parsePreviousRun, type PreviousRun } from '../src/formatters/run-record.js';
import { displayWidth } from '../src/formatters/text-layout.js';
import { generatedPair, SOURCE, type GeneratedPair } from './fixtures/report/cab.js';
import { CTX } from './fixtures/report/support.js';

const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

let pair: GeneratedPair;
let previous: PreviousRun;
beforeAll(() => {
  pair = generatedPair(2000);
  previous = parsePreviousRun(json(pair.previous, CTX) as string, 'previous.json');
}, 120_000);

describe('a generated 2,000-service catalog', () => {
  it('has a summary that fits in 40 lines at any width, with or without a comparison', () => {
    expect(pair.current.summary.services).toBe(2000);
    for (const [width, ascii] of [[60, true], [80, false], [100, false], [160, false]] as const) {
      for (const compare of [undefined, previous]) {
        const text = report(pair.current, { ...CTX, width, ascii, summaryOnly: true, source: SOURCE, previous: compare });
        expect(lines(text).length).toBeLessThanOrEqual(SUMMARY_LINES);
        expect(Math.max(...lines(text).map(displayWidth))).toBeLessThanOrEqual(width);
        expect(text).toMatch(/^Top risks/m);
        expect(text).toMatch(/^By tier/m);
        expect(text).toMatch(/^By owner/m);
        if (compare) expect(text).toMatch(/^Since /m);
      }
    }
  });

  it('produces the full report (opening with the same summary), the HTML and the CSV', () => {
    const ctx = { ...CTX, source: SOURCE, previous };
    const full = report(pair.current, ctx);
    expect(full.startsWith(report(pair.current, { ...ctx, summaryOnly: true }))).toBe(true);
    for (const heading of ['REACTIVE SHARE', 'WHERE WARRANTY IS PLANNED', 'COVERAGE MATRIX', 'CHANGES SINCE 2026-11-26', 'BY OWNER', 'WAIVER REGISTER', 'GAPS BY SERVICE']) expect(full).toContain(`\n${heading}\n`);
    const page = html(pair.current, ctx);
    expect(page.match(/<tr class="svc"/g)).toHaveLength(2000);
    expect(page.match(/<td class="cell /g)?.length).toBeGreaterThanOrEqual(2000 * 4);
    const table = csv(pair.current, ctx).split('\r\n');
    expect(table[0]).toBe('service,file,tier,stage,owner,open,errors,warnings,waived,availability,capacity,continuity,security');
    expect(table.filter((l) => l !== '')).toHaveLength(2001);
    expect(markdown(pair.current, ctx).length).toBeGreaterThan(0);
  });

  it('compared with the run before one service was fixed and one broken, shows exactly those changes', () => {
    const { current, fixed, broken } = pair;
    const cmp = compareRuns(current, buildView(current).weights, previous);
    expect(cmp.added.length).toBeGreaterThan(0);
    expect(cmp.fixed.length).toBeGreaterThan(0);
    expect(new Set(cmp.added.map((f) => f.service))).toEqual(new Set([broken]));
    expect(new Set(cmp.fixed.map((f) => f.service))).toEqual(new Set([fixed]));
    expect(cmp.waivedSince).toEqual([]);
    expect(cmp.services).toEqual({ added: [], removed: [] });
    expect(cmp.changedServices.map((c) => c.service).sort()).toEqual([broken, fixed].sort());
    expect(cmp.areaChanges).toContainEqual({ service: broken, area: 'security', before: 'defined', after: 'missing' });
    expect(cmp.areaChanges.every((a) => a.service === broken || a.service === fixed)).toBe(true);
    // Everything else is still open, finding for finding.
    const openBefore = previous.findings.filter((f) => !f.waived).length;
    expect(cmp.stillOpen).toBe(openBefore - cmp.fixed.length);
    expect(cmp.stillOpen + cmp.added.length).toBe(current.findings.filter((f) => !f.waived).length);

    const text = report(current, { ...CTX, previous, summaryOnly: true });
    expect(text.replace(/\n/g, ' ')).toContain(`Since 2026-11-26 (previous.json): ${cmp.added.length} new finding${cmp.added.length === 1 ? '' : 's'}, ${cmp.fixed.length} fixed, ${cmp.stillOpen} still open; 0 services added, 0 removed;`);
    const md = markdown(current, { ...CTX, previous });
    expect(md).toContain(`this change adds ${cmp.added.length} finding${cmp.added.length === 1 ? '' : 's'} and fixes ${cmp.fixed.length} (${cmp.stillOpen} still open)`);
  });
});
