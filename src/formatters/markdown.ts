// The report as GitHub-flavoured Markdown, for a pull request comment or $GITHUB_STEP_SUMMARY:
// the same content as the text report, in tables. Text from files is escaped so that it can
// neither break a table nor inject markup, links, HTML or mentions.
import { PLANNED_IN } from '../model/portfolio.js';
import { AREAS, type Finding } from '../types.js';
import { pointsChange, type ChangedFinding, type Comparison } from './compare.js';
import { escapeText } from './escape.js';
import { accountableOwner, reactiveVerdict, sloFilesRead, sharePercent, stageSplit, thresholdPercent, type CellState, type ServiceRow } from './portfolio-view.js';
import { buildReportModel, sourceParts, type ReportModel } from './report-model.js';
import { NO_OWNER, WAIVER_STATUS, type Rollup } from './rollups.js';
import type { Formatter } from './types.js';

/** GitHub refuses comments over 65,536 characters: tables stop short of it and say what was left out. */
export const MARKDOWN_BUDGET = 60_000;

/**
 * Text from a file, made inert in a table cell: control characters and newlines escaped visibly
 * (SPEC §8), HTML special characters as entities, Markdown punctuation backslash-escaped (`|` would
 * end the cell), and `@` kept from becoming a mention with a zero-width space.
 */
export function escapeMarkdown(text: string): string {
  return escapeText(text)
    .replace(/[\\`*_[\]{}()~|#!]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=\w)/g, '@\u200b');
}

const CELL: Record<CellState, string> = { defined: 'defined', flagged: 'defined, **with findings**', incomplete: '**incomplete**', deferred: '**deferred**', placeholder: '**placeholder**', missing: '**missing**', waived: '_waived_' };

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

const table = (head: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] => [
  `| ${head.join(' | ')} |`,
  `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

/** The first rows that fit in `budget` characters. */
function fit(rows: string[][], budget: number): string[][] {
  const out: string[][] = [];
  let used = 0;
  for (const r of rows) {
    const n = r.join(' | ').length + 5;
    if (used + n > budget) break;
    out.push(r);
    used += n;
  }
  return out;
}

/** Owners listed in the summary's rollup at most; the rest are counted. */
const SUMMARY_OWNERS = 25;
/** New and fixed findings, and waivers, listed at most each; the rest are counted. */
const CHANGES_LISTED = 50;

/** The trend in one sentence, as a pull request comment puts it: "this change adds 2 findings, fixes 3; reactive share 12% → 14%". */
export function trendMarkdown(cmp: Comparison, threshold: number): string {
  const since = cmp.since === null ? `**Since ${escapeMarkdown(cmp.source)}**` : `**Since ${cmp.since}** (${escapeMarkdown(cmp.source)})`;
  const parts = [`this change adds ${plural(cmp.added.length, 'finding')} and fixes ${cmp.fixed.length} (${cmp.stillOpen} still open${cmp.waivedSince.length > 0 ? `, ${cmp.waivedSince.length} waived since` : ''})`];
  const { before, after } = cmp.reactive;
  if (before.overall !== null && after.overall !== null) {
    parts.push(`reactive share ${sharePercent(before.overall, threshold)} → ${sharePercent(after.overall, threshold)} (${pointsChange(before.overall, after.overall)})`);
  }
  if (cmp.services) parts.push(`${plural(cmp.services.added.length, 'service')} added, ${cmp.services.removed.length} removed`);
  return `${since}: ${parts.join('; ')}.`;
}

const rollupRow = (r: Rollup, key: string, threshold: number): string[] => [key, String(r.services), String(r.errors), String(r.warnings), r.reactive === null ? '-' : sharePercent(r.reactive, threshold)];
const ownerCell = (key: string): string => (key === NO_OWNER ? '_(no owner)_' : escapeMarkdown(key));

function summaryMarkdown(model: ReportModel, out: string[]): void {
  const { view } = model;
  const threshold = view.reactive.threshold;
  const name = (r: ServiceRow): string => escapeMarkdown(r.service.name ?? `(unnamed, ${r.service.file})`);
  out.push('### Top risks', '');
  if (model.risks.length === 0) out.push('No service has an open error.', '');
  else {
    out.push(
      ...table(
        ['#', 'service', 'tier', 'owner', 'errors', 'warnings', ...AREAS],
        ['r', 'l', 'l', 'l', 'r', 'r', 'l', 'l', 'l', 'l'],
        model.risks.map((r, i) => [String(i + 1), name(r), r.service.tier, r.service.owner === undefined ? '-' : escapeMarkdown(r.service.owner), String(r.errors), String(r.warnings), ...AREAS.map((a) => CELL[r.cells[a]])]),
      ),
      '',
      `Services with open errors, by errors × tier weight (critical ${view.weights.critical}, high ${view.weights.high}, medium ${view.weights.medium}, low ${view.weights.low}).`,
      '',
    );
  }
  out.push('### By tier', '', ...table(['tier', 'services', 'errors', 'warnings', 'reactive share'], ['l', 'r', 'r', 'r', 'r'], model.tiers.map((r) => rollupRow(r, r.key, threshold))), '');
  out.push('### By owner', '');
  if (model.owners.length === 0) out.push('No service was read.', '');
  else {
    const shown = model.owners.slice(0, SUMMARY_OWNERS);
    out.push(...table(['owner', 'services', 'errors', 'warnings', 'reactive share'], ['l', 'r', 'r', 'r', 'r'], shown.map((r) => rollupRow(r, ownerCell(r.key), threshold))), '');
    if (shown.length < model.owners.length) out.push(`_${plural(model.owners.length - shown.length, 'more owner')}, with fewer open errors: run \`warranty-lint report\` for all._`, '');
    out.push('Errors and warnings are open (not waived); worst first, by open errors weighted by tier.', '');
  }
}

function changesMarkdown(cmp: Comparison, threshold: number, out: string[]): void {
  out.push(`### Changes since ${cmp.since ?? 'the previous run'}`, '');
  const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : sharePercent(v, threshold));
  out.push(
    ...table(
      ['reactive share', 'before', 'after', 'change'],
      ['l', 'r', 'r', 'l'],
      [
        ['**overall**', pct(cmp.reactive.before.overall), pct(cmp.reactive.after.overall), pointsChange(cmp.reactive.before.overall, cmp.reactive.after.overall) || '-'],
        ...AREAS.map((a) => [a, pct(cmp.reactive.before.byArea?.[a]), pct(cmp.reactive.after.byArea?.[a]), pointsChange(cmp.reactive.before.byArea?.[a] ?? null, cmp.reactive.after.byArea?.[a] ?? null) || '-']),
      ],
    ),
    '',
  );
  const names = (list: readonly string[]): string => (list.length === 0 ? 'none' : list.map(escapeMarkdown).join(', '));
  if (cmp.services) out.push(`Services added: ${names(cmp.services.added)}. Services removed: ${names(cmp.services.removed)}.`, '');
  else out.push('_The previous result does not record its services (written by an older warranty-lint): shares per area and services added or removed are not compared._', '');
  const list = (title: string, findings: readonly ChangedFinding[]): void => {
    if (findings.length === 0) return;
    const shown = findings.slice(0, CHANGES_LISTED);
    out.push(`<details${findings.length <= 20 ? ' open' : ''}><summary>${title}: ${findings.length}</summary>`, '');
    out.push(
      ...table(
        ['severity', 'rule', 'service', 'file:line', 'message'],
        ['l', 'l', 'l', 'l', 'l'],
        shown.map((f) => [f.severity, `\`${f.ruleId}\``, f.service === null ? '-' : escapeMarkdown(f.service), f.file === null ? '(portfolio)' : escapeMarkdown(f.line === null ? f.file : `${f.file}:${f.line}`), escapeMarkdown(f.message)]),
      ),
    );
    if (shown.length < findings.length) out.push('', `_${plural(findings.length - shown.length, 'more')} not shown here: run \`warranty-lint report --compare\` for the full list._`);
    out.push('', '</details>', '');
  };
  list('New findings', cmp.added);
  list('Fixed findings', cmp.fixed);
  list('Waived since', cmp.waivedSince);
}

function waiversMarkdown(model: ReportModel, out: string[]): void {
  out.push('### Waivers', '');
  if (model.waivers.length === 0) {
    out.push('No service has a waiver.', '');
    return;
  }
  out.push(
    `<details${model.waivers.length <= 20 ? ' open' : ''}><summary>${plural(model.waivers.length, 'waiver')}, expired first</summary>`,
    '',
    ...table(
      ['service', 'rule', 'area', 'approved by', 'reason', 'expires', 'days left', 'status'],
      ['l', 'l', 'l', 'l', 'l', 'l', 'r', 'l'],
      model.waivers.slice(0, CHANGES_LISTED).map((w) => [
        escapeMarkdown(w.service ?? `(unnamed, ${w.file})`),
        w.rule === null ? '-' : escapeMarkdown(w.rule),
        w.area ?? '-',
        w.approvedBy === null ? '-' : escapeMarkdown(w.approvedBy),
        w.reason === null ? '-' : escapeMarkdown(w.reason),
        w.expires ?? '-',
        w.daysLeft === null ? '-' : String(w.daysLeft),
        w.status === 'in-force' || w.status === 'unused' ? WAIVER_STATUS[w.status] : `**${WAIVER_STATUS[w.status]}**`,
      ]),
    ),
  );
  if (model.waivers.length > CHANGES_LISTED) out.push('', `_${plural(model.waivers.length - CHANGES_LISTED, 'more waiver')} not shown here: run \`warranty-lint report\` for the whole register._`);
  out.push('', '</details>', '');
}

export const markdown: Formatter = (result, ctx) => {
  const model = buildReportModel(result, ctx);
  const { view } = model;
  const s = result.summary;
  const { overall, byArea, threshold } = view.reactive;
  const out: string[] = [];
  out.push(`## Warranty report, ${escapeMarkdown(result.today)}`, '');
  if (ctx.source) {
    const { paths, where } = sourceParts(ctx.source);
    out.push(`Catalog: ${escapeMarkdown(paths)}, ${escapeMarkdown(where)}.`, '');
  }
  // Files of SLOs (OpenSLO, Sloth) are read, for availability-slo-mismatch: not skipped.
  const skipped = view.files.read - view.files.catalog - view.files.slo;
  const slos = sloFilesRead(view.files.slo);
  out.push(
    `Read ${plural(s.services, 'service')} in ${plural(view.files.catalog, 'catalog file')}${slos}${skipped > 0 ? ` (${plural(skipped, 'other YAML file')} skipped: not service definitions)` : ''} with warranty-lint ${escapeMarkdown(ctx.version)}.`,
    '',
  );
  if (model.comparison) out.push(trendMarkdown(model.comparison, threshold), '');
  out.push(
    ...table(
      ['errors', 'warnings', 'infos', 'waived', 'baselined', 'reactive share', 'threshold'],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
      [[String(s.errors), String(s.warnings), String(s.infos), String(s.waived), String(s.baselined), overall === null ? '-' : `**${sharePercent(overall, threshold)}**`, thresholdPercent(threshold)]],
    ),
    '',
    `> ${reactiveVerdict(overall, threshold)}`,
    '',
  );
  summaryMarkdown(model, out);
  if (ctx.summaryOnly) return out.join('\n');

  out.push('### Where warranty is planned', '');
  const split = stageSplit(view, 'overall');
  const planned = (key: 'overall' | (typeof AREAS)[number]): string[] => {
    const row = stageSplit(view, key);
    const share = key === 'overall' ? overall : byArea[key];
    return [key === 'overall' ? '**overall**' : key, share === null ? '-' : sharePercent(share, threshold), ...PLANNED_IN.map((st) => (row === null ? '-' : `${row.percents[st]}%`))];
  };
  out.push(
    ...table(['area', 'reactive share', ...PLANNED_IN], ['l', 'r', 'r', 'r', 'r', 'r', 'r'], [...AREAS.map(planned), planned('overall')]),
    '',
    "Reactive share: missing or deferred to Operation, tier-weighted " +
      `(critical ${view.weights.critical}, high ${view.weights.high}, medium ${view.weights.medium}, low ${view.weights.low})` +
      (split === null
        ? '. '
        : `: overall ${split.percents.missing}% missing + ${split.deferred}% deferred = ${split.reactive}%` +
          (split.percents.operation > split.deferred ? `; the other ${split.percents.operation - split.deferred}% of operation is defined, in services already in operation whose areas have no \`plannedIn\` (planned late, not reactive). ` : '. ')) +
      "Stage of an area: its `plannedIn`; without one, the service's `lifecycleStage`; an area deferred to Operation counts as operation; missing: absent, empty or a placeholder.",
    '',
  );
  if (model.comparison) changesMarkdown(model.comparison, threshold, out);
  waiversMarkdown(model, out);

  // A PR comment has a size limit. The findings table gets at least half of what is left; the
  // coverage table drops services with nothing to say first (every area defined, no finding).
  const remaining = MARKDOWN_BUDGET - out.join('\n').length - 2_000;
  const shown = (f: Finding): boolean => !ctx.quiet || (f.severity === 'error' && !f.waived);
  const findings: Array<[Finding, ServiceRow | undefined]> = [
    ...view.rows.flatMap((r) => r.findings.filter(shown).map((f): [Finding, ServiceRow] => [f, r])),
    ...view.other.filter(shown).map((f): [Finding, undefined] => [f, undefined]),
  ];
  const findingRow = ([f, r]: [Finding, ServiceRow | undefined]): string[] => {
    const where = f.file === null ? '(portfolio)' : escapeMarkdown(f.line === null ? f.file : `${f.file}:${f.line}`);
    const owner = r ? accountableOwner(r, f) : undefined;
    return [
      where,
      f.waived ? `waived ${f.severity}` : f.severity,
      `[\`${f.ruleId}\`](${f.docsUrl})`,
      f.service === null ? '-' : escapeMarkdown(f.service),
      owner === undefined ? '-' : escapeMarkdown(owner),
      escapeMarkdown(f.message),
    ];
  };
  const coverageRow = (r: ServiceRow): string[] => [
    escapeMarkdown(r.service.name ?? `(unnamed, ${r.service.file})`),
    r.service.tier,
    r.service.stage,
    r.service.owner === undefined ? '-' : escapeMarkdown(r.service.owner),
    String(r.open),
    ...AREAS.map((a) => CELL[r.cells[a]]),
  ];
  const size = (rows: string[][]): number => rows.reduce((n, r) => n + r.join(' | ').length + 5, 0);
  const findingRows = findings.map(findingRow);
  const quiet = (r: ServiceRow): boolean => r.findings.length === 0 && AREAS.every((a) => r.cells[a] === 'defined');
  const allRows = view.rows.map(coverageRow);
  const busyRows = view.rows.filter((r) => !quiet(r)).map(coverageRow);
  const coverageBudget = Math.max(remaining / 2, remaining - size(findingRows));
  const coverageRows = size(allRows) <= coverageBudget ? allRows : busyRows;
  const leftOut = allRows.length - coverageRows.length;
  const coverage = fit(coverageRows, coverageBudget);
  const listed = fit(findingRows, remaining - size(coverage));

  out.push('### Coverage', '');
  if (view.rows.length === 0) out.push('No service was read.', '');
  else {
    out.push(
      `<details${view.rows.length <= 50 ? ' open' : ''}><summary>${plural(view.rows.length, 'service')}, worst first (tier, then errors, then open findings)</summary>`,
      '',
      ...table(['service', 'tier', 'stage', 'owner', 'gaps', ...AREAS], ['l', 'l', 'l', 'l', 'r', 'l', 'l', 'l', 'l'], coverage),
    );
    out.push(
      '',
      'Cells: defined; defined, **with findings**, open findings about the area; **incomplete**, an essential field is missing; **deferred** to Operation; **placeholder**, a value such as TBD; ' +
        '**missing**, the area is absent or empty; _waived_, every finding about the area is waived. gaps: open findings (not waived).',
    );
    if (leftOut > 0) out.push('', `_${plural(leftOut, 'service')} with every area defined and no finding ${leftOut === 1 ? 'is' : 'are'} left out to keep this short._`);
    if (coverage.length < coverageRows.length) out.push('', `_${plural(coverageRows.length - coverage.length, 'more service')} not shown here: run \`warranty-lint report\` for the full list._`);
    out.push('', '</details>', '');
  }

  out.push('### Findings', '');
  if (findings.length === 0) out.push(ctx.quiet ? 'No open errors.' : 'No findings.', '');
  else {
    out.push(
      `<details${findings.length <= 50 ? ' open' : ''}><summary>${plural(findings.length, 'finding')}, worst service first</summary>`,
      '',
      ...table(
        ['file:line', 'severity', 'rule', 'service', 'owner', 'message'],
        // Stryker disable next-line StringLiteral: table() tells only 'r' from the rest, so an empty alignment renders as 'l' does
        ['l', 'l', 'l', 'l', 'l', 'l'],
        listed,
      ),
    );
    if (listed.length < findingRows.length) out.push('', `_${plural(findingRows.length - listed.length, 'more finding')} not shown here: run \`warranty-lint report\` for the full list._`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
};
