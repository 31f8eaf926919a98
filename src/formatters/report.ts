// The portfolio report (SPEC §7 "report"): what a service manager prints, mails or attaches to a
// design review. Plain text that aligns in a terminal and survives a file or an e-mail: no colour
// unless allowed, ASCII on request or when the locale is not UTF-8, every line within the width.
import { Chalk } from 'chalk';
import { PLANNED_IN, type PlannedIn } from '../model/portfolio.js';
import { AREAS, type Area, type Finding } from '../types.js';
import { escapeText } from './escape.js';
import {
  accountableOwner,
  reactiveVerdict,
  sloFilesRead,
  sharePercent,
  stageSplit,
  thresholdPercent,
  wholePercents,
  type CellState,
  type PortfolioView,
  type ServiceRow,
} from './portfolio-view.js';
import { buildReportModel, sourceParts } from './report-model.js';
import { changesSection, ownersSection, waiversSection, type Heading, type Para } from './report-sections.js';
import { AREA_SHORT, SUMMARY_LINES, shareBar, summaryLines, type SummaryGlyphs } from './report-summary.js';
import { displayWidth, padEnd, padStart, truncate, truncateMiddle, wrap } from './text-layout.js';
import type { FormatContext, Formatter } from './types.js';

export const DEFAULT_WIDTH = 100;
/** Narrower than this, the matrix cannot hold a name; the report lays out at this width. */
export const MIN_WIDTH = 60;

interface Glyphs extends SummaryGlyphs {
  rule: string;
  title: string;
  stages: Record<PlannedIn, string>;
}

const UNICODE: Glyphs = {
  rule: '─',
  title: '═',
  ellipsis: '…',
  filled: '█',
  empty: '░',
  mark: '│',
  arrow: '→',
  cells: { defined: '✓', flagged: '!', incomplete: '-', deferred: '~', placeholder: '?', missing: '✗', waived: 'w' },
  stages: { strategy: '█', design: '▓', transition: '▒', operation: '░', missing: ' ' },
};

const ASCII: Glyphs = {
  rule: '-',
  title: '=',
  ellipsis: '...',
  filled: '#',
  empty: '.',
  mark: '|',
  arrow: '->',
  cells: { defined: '+', flagged: '!', incomplete: '-', deferred: '~', placeholder: '?', missing: 'x', waived: 'w' },
  stages: { strategy: 'S', design: 'D', transition: 'T', operation: 'O', missing: ' ' },
};

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** A value read from a file, made safe to print (SPEC §8). */
const safe = (text: string): string => escapeText(text);

export const report: Formatter = (result, ctx) => {
  const width = Math.max(MIN_WIDTH, Math.floor(ctx.width ?? DEFAULT_WIDTH));
  const g = ctx.ascii ? ASCII : UNICODE;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const model = buildReportModel(result, ctx);
  const { view } = model;
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', c.bold(text), g.rule.repeat(Math.min(width, displayWidth(text))));
  };
  const para = (text: string): void => {
    out.push(...wrap(text, width));
  };

  // Header: what was read, from where, and what is open.
  const title = `WARRANTY REPORT  ${safe(result.today)}`;
  const by = `warranty-lint ${safe(ctx.version)}`;
  out.push(displayWidth(title) + 2 + displayWidth(by) <= width ? c.bold(title) + padStart(by, width - displayWidth(title)) : c.bold(title));
  out.push(g.title.repeat(width));
  if (ctx.source) {
    const { paths, where } = sourceParts(ctx.source);
    para(`Catalog: ${safe(paths)}, ${safe(where)}.`);
  }
  const s = result.summary;
  // Files of SLOs (OpenSLO, Sloth) are read, for availability-slo-mismatch: not skipped.
  const skipped = view.files.read - view.files.catalog - view.files.slo;
  const slos = sloFilesRead(view.files.slo);
  para(
    `Read ${plural(s.services, 'service')} in ${plural(view.files.catalog, 'catalog file')}${slos}` +
      (skipped > 0 ? `; ${plural(skipped, 'other YAML file')} skipped (not service definitions).` : '.'),
  );
  para(
    `Open findings: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info', 'infos')}; ` +
      `${s.waived} waived, ${s.baselined} baselined.`,
  );
  out.push('');
  out.push(...summaryLines(model, width, g, c, SUMMARY_LINES - out.length));
  if (ctx.summaryOnly) return out.join('\n') + '\n';

  reactiveSection(view, width, g, heading, para, out);
  plannedSection(view, width, g, heading, para, out);
  heading('COVERAGE MATRIX');
  out.push(...matrix(view.rows, width, g, c));
  if (model.comparison) changesSection(model.comparison, view, width, g, heading, para, out);
  ownersSection(model, width, g, heading, para, out);
  waiversSection(model, width, heading, para, out);
  gapsSection(view, ctx, width, c, heading, para, out);
  return out.join('\n') + '\n';
};


const bar = shareBar;

function reactiveSection(view: PortfolioView, width: number, g: Glyphs, heading: Heading, para: Para, out: string[]): void {
  const { overall, byArea, threshold } = view.reactive;
  heading('REACTIVE SHARE');
  const w = view.weights;
  para(`Share of warranty requirements (service x area) that are missing or deferred to Operation, weighted by tier (critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}); the threshold is ${thresholdPercent(threshold)} (${g.mark} on the bars).`);
  out.push('');
  const rows: Array<[string, number | null]> = [['overall', overall], ...AREAS.map((a): [string, number | null] => [a, byArea[a]])];
  const label = 14;
  const pct = 7;
  const size = Math.min(50, width - 2 - label - pct - 4);
  for (const [name, share] of rows) {
    const value = share === null ? '-' : sharePercent(share, threshold);
    const line = `  ${padEnd(name, label)}${padStart(value, pct - 1)} `;
    out.push(share === null || size < 10 ? line.trimEnd() : `${line} [${bar(share, threshold, size, g)}]`);
  }
  out.push('');
  para(reactiveVerdict(overall, threshold));
}

function plannedSection(view: PortfolioView, width: number, g: Glyphs, heading: Heading, para: Para, out: string[]): void {
  heading('WHERE WARRANTY IS PLANNED');
  para('Share of warranty requirements (service x area), tier-weighted, by the lifecycle stage they were planned in, beside the reactive share.');
  out.push('');
  const label = 14;
  const long = [...PLANNED_IN, 'reactive'];
  const short = ['strat', 'design', 'trans', 'oper', 'miss', 'react'];
  const colsWidth = (names: string[]): number => names.reduce((sum, n) => sum + Math.max(4, n.length) + 2, 0);
  const names = 2 + label + colsWidth(long) <= width ? long : short;
  const table = 2 + label + colsWidth(names);
  const size = Math.min(40, width - table - 4);
  const overall = stageSplit(view, 'overall');
  const withBar = size >= 10 && overall !== null;
  out.push(`  ${padEnd('', label)}${names.map((n) => padStart(n, Math.max(4, n.length) + 2)).join('')}`.trimEnd());
  for (const key of ['overall', ...AREAS] as const) {
    const split = stageSplit(view, key);
    const values = split === null ? names.map(() => '-') : [...PLANNED_IN.map((st) => `${split.percents[st]}%`), `${split.reactive}%`];
    const cols = values.map((v, i) => padStart(v, Math.max(4, (names[i] as string).length) + 2)).join('');
    let line = `  ${padEnd(key, label)}${cols}`;
    if (withBar && split !== null) {
      const segments = wholePercents(PLANNED_IN.map((st) => view.planned[key][st]), size);
      line += `  [${segments.map((n, i) => g.stages[PLANNED_IN[i] as PlannedIn].repeat(n)).join('')}]`;
    }
    out.push(line.trimEnd());
  }
  out.push('');
  if (withBar) {
    out.push(...wrap(`Bars: ${PLANNED_IN.map((st) => `${g.stages[st] === ' ' ? '(blank)' : g.stages[st]}\u00a0${st}`).join(', ')}.`, width).map((l) => l.replace(/\u00a0/g, ' ')));
  }
  if (overall !== null) {
    const op = overall.percents.operation;
    const defined = op - overall.deferred;
    para(
      `Reactive = missing + deferred to Operation: overall ${overall.percents.missing}% + ${overall.deferred}% = ${overall.reactive}%. ` +
        (defined > 0
          ? `The other ${defined}% of operation is defined, in services already in operation whose areas have no plannedIn: planned late, but not reactive.`
          : 'Everything counted under operation is deferred to Operation.'),
    );
  }
  para(
    "Stage of an area: its plannedIn; without one, the service's lifecycleStage (where its definition is written); " +
      'an area deferred to Operation counts as operation whatever its plannedIn says; missing: the area is absent, empty or a placeholder.',
  );
}

interface Column {
  title: string;
  width: number;
  /** Left when absent. */
  align?: 'right' | 'center';
  /** Cut long values in the middle (service names), not at the end. */
  middle?: boolean;
  value: (row: ServiceRow) => string;
}

/** One row per service, worst first; columns that do not fit are dropped (owner first, then stage). */
function matrix(rows: readonly ServiceRow[], width: number, g: Glyphs, c: InstanceType<typeof Chalk>): string[] {
  const out: string[] = [];
  if (rows.length === 0) {
    out.push('No service was read.');
    return out;
  }
  const nameOf = (r: ServiceRow): string => safe(r.service.name ?? `(unnamed, ${r.service.file})`);
  const ownerOf = (r: ServiceRow): string => (r.service.owner === undefined ? '-' : safe(r.service.owner));
  const natural = (f: (r: ServiceRow) => string, title: string): number => Math.max(title.length, ...rows.map((r) => displayWidth(f(r))));
  const tier: Column = { title: 'tier', width: 8, value: (r) => r.service.tier };
  const stage: Column = { title: 'stage', width: 10, value: (r) => r.service.stage };
  const gaps: Column = { title: 'gaps', width: Math.max(4, ...rows.map((r) => String(r.open).length)), align: 'right', value: (r) => String(r.open) };
  const areas: Column[] = AREAS.map((a) => ({ title: AREA_SHORT[a], width: 3, align: 'center', value: (r) => g.cells[r.cells[a]] }));
  const nameNatural = natural(nameOf, 'service');
  const ownerNatural = natural(ownerOf, 'owner');
  const minName = 12;
  const minOwner = 10;
  let cols: Column[] = [tier, stage, gaps, ...areas];
  // Room for the name column, and for the owner column with its separator if it fits.
  let avail = width - 2 - cols.reduce((sum, col) => sum + 2 + col.width, 0);
  let owner: Column | undefined;
  let nameWidth: number;
  if (avail >= minName + 2 + minOwner) {
    // Both natural widths when they fit (each min() below then gives its natural width back);
    // else the owner gets up to 40% and the name the rest, and the owner what the name leaves.
    let ownerWidth = Math.min(ownerNatural, Math.max(minOwner, Math.floor((avail - 2) * 0.4)));
    nameWidth = Math.min(nameNatural, avail - 2 - ownerWidth);
    ownerWidth = Math.min(ownerNatural, avail - 2 - nameWidth);
    owner = { title: 'owner', width: ownerWidth, value: ownerOf };
  } else {
    if (avail < minName) {
      cols = cols.filter((col) => col !== stage);
      avail += 2 + stage.width;
    }
    nameWidth = Math.min(nameNatural, Math.max(1, avail));
  }
  const name: Column = { title: 'service', width: nameWidth, value: nameOf, middle: true };
  const all: Column[] = [name, tier, ...(cols.includes(stage) ? [stage] : []), ...(owner ? [owner] : []), gaps, ...areas];

  const cell = (col: Column, text: string): string => {
    const t = (col.middle ? truncateMiddle : truncate)(text, col.width, g.ellipsis);
    if (col.align === 'right') return padStart(t, col.width);
    if (col.align === 'center') {
      const left = Math.floor((col.width - displayWidth(t)) / 2);
      return padEnd(' '.repeat(left) + t, col.width);
    }
    return padEnd(t, col.width);
  };
  const paint: Record<CellState, (s: string) => string> = { defined: c.green, flagged: c.cyan, incomplete: c.yellow, deferred: c.yellow, placeholder: c.yellow, missing: c.red, waived: c.dim };
  out.push(('  ' + all.map((col) => cell(col, col.title)).join('  ')).trimEnd());
  for (const r of rows) {
    const parts = all.map((col) => {
      const text = cell(col, col.value(r));
      const area = areas.indexOf(col);
      return area === -1 ? text : paint[r.cells[AREAS[area] as Area]](text);
    });
    out.push(('  ' + parts.join('  ')).trimEnd());
  }
  out.push('');
  // Non-breaking spaces keep each glyph beside its meaning when the legend wraps.
  const legend = (text: string): string[] => wrap(text, width).map((l) => l.replace(/\u00a0/g, ' '));
  const nb = (glyph: string, meaning: string): string => `${glyph}\u00a0${meaning.replace(/ /g, '\u00a0')}`;
  out.push(
    ...legend(`Areas: ${AREAS.map((a) => nb(AREA_SHORT[a], a)).join(', ')}.`),
    ...legend(
      `Cells: ${nb(g.cells.defined, 'defined')}, ${nb(g.cells.flagged, 'defined, with open findings')} about the area, ${nb(g.cells.incomplete, 'incomplete')} (an essential field is missing), ${nb(g.cells.deferred, 'deferred to Operation')}, ${nb(g.cells.placeholder, 'placeholder')}, ` +
        `${nb(g.cells.missing, 'missing')}, ${nb(g.cells.waived, 'waived')} (every finding about the area is waived).`,
    ),
    ...legend(`gaps: open findings (not waived) of the service. Worst first: tier, then errors, then gaps.${owner ? '' : ' Owners are in the gaps below.'}`),
  );
  return out;
}

function gapsSection(view: PortfolioView, ctx: FormatContext, width: number, c: InstanceType<typeof Chalk>, heading: Heading, para: Para, out: string[]): void {
  heading('GAPS BY SERVICE');
  const shown = (f: Finding): boolean => !ctx.quiet || (f.severity === 'error' && !f.waived);
  const paint = (f: Finding, text: string): string => (f.waived ? c.dim(text) : f.severity === 'error' ? c.red(text) : f.severity === 'warning' ? c.yellow(text) : c.blue(text));
  let listed = 0;
  for (const row of view.rows) {
    const findings = row.findings.filter(shown);
    if (findings.length === 0) continue;
    listed++;
    const sv = row.service;
    const facts = [sv.tier, sv.stage, `owner ${sv.owner === undefined ? '(none)' : safe(sv.owner)}`, plural(row.open, 'open finding')];
    if (row.waived > 0) facts.push(`${row.waived} waived`);
    out.push('');
    const header = wrap(`${safe(sv.name ?? '(unnamed service)')}  (${facts.join(', ')})`, width);
    out.push(c.bold(header[0] as string), ...header.slice(1));
    for (const f of findings) findingLines(f, accountableOwner(row, f) ?? '(none)', width, paint, view.remediation(f.ruleId), out);
  }
  const others = view.other.filter(shown);
  if (others.length > 0) {
    listed++;
    out.push('', c.bold('Files and portfolio (no service)'));
    for (const f of others) findingLines(f, undefined, width, paint, view.remediation(f.ruleId), out);
  }
  const clean = view.rows.filter((r) => !r.findings.some(shown)).length;
  out.push('');
  if (listed === 0) para(ctx.quiet ? 'No open errors.' : 'No findings: no gap to list.');
  if (clean > 0 && listed > 0) para(`${plural(clean, 'service has', 'services have')} no ${ctx.quiet ? 'open errors' : 'findings'} and ${clean === 1 ? 'is' : 'are'} not listed.`);
}

function findingLines(f: Finding, owner: string | undefined, width: number, paint: (f: Finding, s: string) => string, fix: string | undefined, out: string[]): void {
  const where = f.file === null ? '(portfolio)' : f.line === null ? safe(f.file) : `${safe(f.file)}:${f.line}`;
  const status = f.waived ? `waived ${f.severity}` : f.severity;
  const who = owner === undefined ? '' : `  owner\u00a0${safe(owner)}`;
  const unglue = (l: string): string => l.replace(/\u00a0/g, ' ');
  const rest = `${status}  ${f.ruleId}${who}`;
  // file:line stays whole on its line when it can (terminals make it a link); the rest follows.
  const oneLine = `  ${where}  ${rest}`;
  const head = displayWidth(unglue(oneLine)) <= width ? [unglue(oneLine)] : [...wrap(where, width, '  '), ...wrap(rest, width, '      ').map(unglue)];
  const first = head[0] as string;
  const lead = `  ${where}  `;
  const painted = first.startsWith(lead + status) ? lead + paint(f, status) + first.slice(lead.length + status.length) : first;
  out.push(painted, ...head.slice(1));
  out.push(...wrap(safe(f.message), width, '    '));
  if (fix !== undefined && !f.waived) out.push(...wrap(`fix: ${fix}`, width, '    ', '         '));
}
