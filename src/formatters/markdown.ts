// The report as GitHub-flavoured Markdown, for a pull request comment or $GITHUB_STEP_SUMMARY:
// the same content as the text report, in tables. Text from files is escaped so that it can
// neither break a table nor inject markup, links, HTML or mentions.
import { PLANNED_IN } from '../model/portfolio.js';
import { AREAS, type Finding } from '../types.js';
import { escapeText } from './escape.js';
import { accountableOwner, buildView, reactiveVerdict, sharePercent, thresholdPercent, wholePercents, type CellState, type ServiceRow } from './portfolio-view.js';
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

const CELL: Record<CellState, string> = { defined: 'defined', incomplete: '**incomplete**', deferred: '**deferred**', placeholder: '**placeholder**', missing: '**missing**', waived: '_waived_' };

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

export const markdown: Formatter = (result, ctx) => {
  const view = buildView(result, ctx.portfolio);
  const s = result.summary;
  const { overall, byArea, threshold } = view.reactive;
  const out: string[] = [];
  out.push(`## Warranty report, ${escapeMarkdown(result.today)}`, '');
  out.push(`Read ${plural(s.files, 'file')} and ${plural(s.services, 'service')} with warranty-lint ${escapeMarkdown(ctx.version)}.`, '');
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

  out.push('### Where warranty is planned', '');
  const planned = (key: 'overall' | (typeof AREAS)[number]): string[] => {
    const shares = PLANNED_IN.map((st) => view.planned[key][st]);
    const empty = shares.every((x) => x === 0);
    const share = key === 'overall' ? overall : byArea[key];
    return [key === 'overall' ? '**overall**' : key, share === null ? '-' : sharePercent(share, threshold), ...wholePercents(shares).map((p) => (empty ? '-' : `${p}%`))];
  };
  out.push(
    ...table(['area', 'reactive share', ...PLANNED_IN], ['l', 'r', 'r', 'r', 'r', 'r', 'r'], [...AREAS.map(planned), planned('overall')]),
    '',
    "Reactive share: missing or deferred to Operation, tier-weighted " +
      `(critical ${view.weights.critical}, high ${view.weights.high}, medium ${view.weights.medium}, low ${view.weights.low}). ` +
      "Stage of an area: its `plannedIn`; without one, the service's `lifecycleStage`; an area deferred to Operation counts as operation; missing: absent, empty or a placeholder.",
    '',
  );

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
      'Cells: defined; **incomplete**, an essential field is missing; **deferred** to Operation; **placeholder**, a value such as TBD; ' +
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
      ...table(['file:line', 'severity', 'rule', 'service', 'owner', 'message'], ['l', 'l', 'l', 'l', 'l', 'l'], listed),
    );
    if (listed.length < findingRows.length) out.push('', `_${plural(findingRows.length - listed.length, 'more finding')} not shown here: run \`warranty-lint report\` for the full list._`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
};
