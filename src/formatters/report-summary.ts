// The one page a service manager reads first (and `--summary` prints alone): the reactive share
// against the threshold, the change since the previous run, the top risks, and the rollups per
// tier and per owner. It fits in SUMMARY_LINES lines whatever the catalog size: the owner rollup
// gives way first, then the top risks.
import type { Chalk } from 'chalk';
import { AREAS, type Area } from '../types.js';
import { pointsChange, type Comparison } from './compare.js';
import { escapeText } from './escape.js';
import { sharePercent, thresholdPercent, type CellState, type ServiceRow } from './portfolio-view.js';
import type { ReportModel } from './report-model.js';
import type { Rollup } from './rollups.js';
import { textTable, type TextColumn } from './text-table.js';
import { wrap } from './text-layout.js';

/** The most lines the summary takes, header included. */
export const SUMMARY_LINES = 40;

export interface SummaryGlyphs {
  ellipsis: string;
  filled: string;
  empty: string;
  mark: string;
  arrow: string;
  cells: Record<CellState, string>;
}

export const AREA_SHORT: Record<Area, string> = { availability: 'avl', capacity: 'cap', continuity: 'con', security: 'sec' };

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

export function shareBar(share: number, threshold: number | null, size: number, g: Pick<SummaryGlyphs, 'filled' | 'empty' | 'mark'>): string {
  const filled = Math.round(share * size);
  const cells = Array.from({ length: size }, (_, i) => (i < filled ? g.filled : g.empty));
  if (threshold !== null && threshold > 0 && threshold < 1) cells[Math.min(size - 1, Math.round(threshold * size))] = g.mark;
  return cells.join('');
}

/** One sentence on the trend, the same in every format (values from files escaped by the caller's `safe`). */
export function trendSentence(cmp: Comparison, threshold: number, arrow: string, safe: (s: string) => string = escapeText): string {
  const since = cmp.since === null ? `Since ${safe(cmp.source)}` : `Since ${cmp.since} (${safe(cmp.source)})`;
  const parts = [`${plural(cmp.added.length, 'new finding')}, ${cmp.fixed.length} fixed, ${cmp.stillOpen} still open`];
  if (cmp.waivedSince.length > 0) parts[0] += `, ${cmp.waivedSince.length} waived since`;
  if (cmp.services) parts.push(`${plural(cmp.services.added.length, 'service')} added, ${cmp.services.removed.length} removed`);
  const { before, after } = cmp.reactive;
  if (before.overall !== null && after.overall !== null) {
    const change = pointsChange(before.overall, after.overall);
    parts.push(`reactive share ${sharePercent(before.overall, threshold)} ${arrow} ${sharePercent(after.overall, threshold)} (${change})`);
  }
  return `${since}: ${parts.join('; ')}.`;
}

export function rollupColumns(label: string, keyOf: (r: Rollup) => string, threshold: number): Array<TextColumn<Rollup>> {
  return [
    {
      title: label,
      // Stryker disable next-line StringLiteral: textTable pads every align but 'right' and 'center' as 'left', so '' renders the same
      align: 'left',
      value: (r) => `  ${keyOf(r)}`,
      min: 12,
    },
    { title: 'services', align: 'right', value: (r) => String(r.services) },
    { title: 'errors', align: 'right', value: (r) => String(r.errors) },
    { title: 'warnings', align: 'right', value: (r) => String(r.warnings) },
    { title: 'reactive', align: 'right', value: (r) => (r.reactive === null ? '-' : sharePercent(r.reactive, threshold)) },
  ];
}

/** An owner as the text report prints it: escaped (NO_OWNER has nothing to escape). */
export const ownerText = (key: string): string => escapeText(key);

/** The summary's lines, in at most `budget` lines (what the header leaves of SUMMARY_LINES). */
export function summaryLines(model: ReportModel, width: number, g: SummaryGlyphs, c: InstanceType<typeof Chalk>, budget: number): string[] {
  const { view } = model;
  const { overall, byArea, threshold } = view.reactive;
  const para = (text: string): string[] => wrap(text, width);

  // Reactive share, overall against the threshold, then per area.
  const reactive: string[] = [];
  if (overall === null) reactive.push(...para('Reactive share: no service was read, so there is nothing to measure.'));
  else {
    const over = overall >= threshold;
    const head = `Reactive share  ${sharePercent(overall, threshold)}  ${over ? 'AT OR OVER' : 'under'} the ${thresholdPercent(threshold)} threshold`;
    const size = Math.min(40, width - head.length - 4);
    const painted = over ? c.red.bold(head) : c.bold(head);
    reactive.push(size >= 10 ? `${painted}  [${shareBar(overall, threshold, size, g)}]` : painted);
    reactive.push(...wrap(AREAS.map((a) => `${a} ${byArea[a] === null ? '-' : sharePercent(byArea[a] as number, threshold)}`).join(',  '), width, '  by area: ', '           '));
  }
  const trend = model.comparison ? wrap(trendSentence(model.comparison, threshold, g.arrow), width) : [];

  const riskColumns: Array<TextColumn<ServiceRow>> = [
    { title: 'Top risks', align: 'left', value: (r) => `${String(model.risks.indexOf(r) + 1).padStart(3)}. ${escapeText(r.service.name ?? `(unnamed, ${r.service.file})`)}`, min: 16, middle: true },
    { title: 'tier', align: 'left', value: (r) => r.service.tier },
    { title: 'owner', align: 'left', value: (r) => (r.service.owner === undefined ? '-' : escapeText(r.service.owner)), min: 10, optional: true },
    { title: 'errors', align: 'right', value: (r) => String(r.errors) },
    { title: 'warnings', align: 'right', value: (r) => String(r.warnings), optional: true },
    ...AREAS.map((a): TextColumn<ServiceRow> => ({ title: AREA_SHORT[a], align: 'center', value: (r) => g.cells[r.cells[a]] })),
  ];
  const risks = (n: number): string[] =>
    model.risks.length === 0 ? ['Top risks: no service has an open error.'] : textTable(model.risks.slice(0, n), riskColumns, width, g.ellipsis, '');
  const tiers = textTable(model.tiers, rollupColumns('By tier', (r) => r.key, threshold), width, g.ellipsis, '');
  const owners = (n: number): string[] => {
    if (model.owners.length === 0) return [];
    const shown = model.owners.slice(0, n);
    const label = shown.length < model.owners.length ? `By owner (worst ${shown.length} of ${model.owners.length})` : 'By owner';
    const lines = textTable(shown, rollupColumns(label, (r) => ownerText(r.key), threshold), width, g.ellipsis, '');
    if (shown.length < model.owners.length) lines.push(...para(`${plural(model.owners.length - shown.length, 'more owner')}: see BY OWNER in the full report.`));
    return lines;
  };

  const w = view.weights;
  const legend = wrap(
    `Top risks: services with open errors, by errors x tier weight (critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}). ` +
      `Cells: ${g.cells.defined} defined, ${g.cells.flagged} defined with open findings, ${g.cells.incomplete} incomplete, ${g.cells.deferred} deferred, ${g.cells.placeholder} placeholder, ${g.cells.missing} missing, ${g.cells.waived} waived. ` +
      'errors, warnings: open (not waived); reactive: tier-weighted share of areas missing or deferred to Operation.',
    width,
  );
  const assemble = (nRisks: number, nOwners: number): string[] => {
    const blocks = [reactive, trend, risks(nRisks), tiers, owners(nOwners), legend].filter((b) => b.length > 0);
    return blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
  };
  return fit(assemble, model.risks.length, Math.min(model.owners.length, budget), budget);
}

function fit(assemble: (risks: number, owners: number) => string[], risks: number, owners: number, budget: number): string[] {
  let r = risks;
  let o = owners;
  let lines = assemble(r, o);
  // The owner rollup gives way first (down to 3 owners), then the top risks (down to 3), then both.
  while (lines.length > budget && o > 3) lines = assemble(r, --o);
  while (lines.length > budget && r > 3) lines = assemble(--r, o);
  while (lines.length > budget && (o > 0 || r > 1)) lines = o > 0 ? assemble(r, --o) : assemble(--r, o);
  return lines;
}
