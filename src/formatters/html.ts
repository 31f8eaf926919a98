// The report as one self-contained HTML page (`-f html=report.html`): the picture for a slide or
// a review. A coverage heat map (services × areas, worst first, grouped by tier or owner), the
// reactive share as a gauge against the threshold (with the previous run's when compared), the
// stages as stacked bars, the rollups, the waiver register and the gaps, filterable. No network:
// the stylesheet and script are inline and the Content-Security-Policy allows only them. Every
// value from a file is escaped (control characters visibly, then as HTML).
import { createHash } from 'node:crypto';
import { AREAS, TIERS, type Area, type Finding } from '../types.js';
import { pointsChange, type ChangedFinding, type Comparison } from './compare.js';
import { escapeText } from './escape.js';
import { CSS, SCRIPT } from './html-assets.js';
import { gauge, shareBar, stagesSection } from './html-charts.js';
import { accountableOwner, reactiveVerdict, sloFilesRead, sharePercent, thresholdPercent, type CellState, type PortfolioView, type ServiceRow } from './portfolio-view.js';
import { buildReportModel, sourceParts, type ReportModel } from './report-model.js';
import { trendSentence } from './report-summary.js';
import { NO_OWNER, WAIVER_STATUS, ownerKey, type Rollup } from './rollups.js';
import type { Formatter } from './types.js';

/** Text (from a file or not) as HTML text or attribute value: controls escaped visibly (SPEC §8), then markup characters as entities. */
export function escapeHtml(text: string): string {
  return escapeText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const h = escapeHtml;
/** Heat-map rows per table body: a body off screen is not laid out until it scrolls into view. */
const HEAT_CHUNK = 100;
const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const STATE_LABEL: Record<CellState, string> = {
  defined: 'defined',
  flagged: 'defined, with findings',
  incomplete: 'incomplete',
  deferred: 'deferred',
  placeholder: 'placeholder',
  missing: 'missing',
  waived: 'waived',
};
const STATE_GLYPH: Record<CellState, string> = { defined: '✓', flagged: '!', incomplete: '−', deferred: '~', placeholder: '?', missing: '✗', waived: 'w' };
const STATE_MEANING: Record<CellState, string> = {
  defined: 'every essential field set, no open finding',
  flagged: 'open findings about the area',
  incomplete: 'an essential field is missing',
  deferred: 'deferred to Operation',
  placeholder: 'a value such as TBD',
  missing: 'absent or empty',
  waived: 'every finding about the area is waived',
};

export const html: Formatter = (result, ctx) => {
  const model = buildReportModel(result, ctx);
  const { view } = model;
  const s = result.summary;
  const body: string[] = [];

  body.push('<header class="top">');
  body.push(`<h1>Warranty report, ${h(result.today)}</h1>`);
  if (ctx.source) {
    const { paths, where } = sourceParts(ctx.source);
    const full = ctx.source.git ? ` title="commit ${h(ctx.source.git.commit)}"` : '';
    body.push(`<p>Catalog: <code>${h(paths)}</code>, <span${full}>${h(where)}</span>.</p>`);
  }
  // Files of SLOs (OpenSLO, Sloth) are read, for availability-slo-mismatch: not skipped.
  const skipped = view.files.read - view.files.catalog - view.files.slo;
  const slos = sloFilesRead(view.files.slo);
  body.push(
    `<p>Read ${plural(s.services, 'service')} in ${plural(view.files.catalog, 'catalog file')}${slos}${skipped > 0 ? ` (${plural(skipped, 'other YAML file')} skipped: not service definitions)` : ''} with warranty-lint ${h(ctx.version)}. ` +
      `Open findings: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info', 'infos')}; ${s.waived} waived, ${s.baselined} baselined.</p>`,
  );
  body.push('</header>', '<main>');

  summarySection(model, body);
  if (!ctx.summaryOnly) {
    if (model.comparison) changesSection(model.comparison, view, body);
    stagesSection(view, body);
    exploreSection(model, body);
    waiversSection(model, body);
    gapsSection(view, body);
  }
  body.push('</main>');
  if (!ctx.summaryOnly) body.push(`<script>${SCRIPT}</script>`);

  const csp = `default-src 'none'; style-src ${sha256(CSS)}; script-src ${sha256(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Warranty report ${h(result.today)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

const pct = (share: number | null | undefined, threshold: number): string => (share === null || share === undefined ? '-' : sharePercent(share, threshold));
const serviceName = (r: ServiceRow): string => h(r.service.name ?? `(unnamed, ${r.service.file})`);
const ownerText = (key: string): string => (key === NO_OWNER ? '<em>(no owner)</em>' : h(key));

function rollupTable(rows: readonly Rollup[], label: string, keyText: (k: string) => string, threshold: number): string {
  return [
    '<table>',
    `<thead><tr><th scope="col">${label}</th><th scope="col" class="num">services</th><th scope="col" class="num">open errors</th><th scope="col" class="num">open warnings</th><th scope="col" class="num">reactive share</th></tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr><th scope="row">${keyText(r.key)}</th><td class="num">${r.services}</td><td class="num">${r.errors}</td><td class="num">${r.warnings}</td><td class="num">${pct(r.reactive, threshold)}</td></tr>`),
    '</tbody></table>',
  ].join('\n');
}

function cellTd(state: CellState, area: Area): string {
  return `<td class="cell ${state}" title="${area}: ${STATE_LABEL[state]}">${STATE_GLYPH[state]}</td>`;
}

function summarySection(model: ReportModel, out: string[]): void {
  const { view } = model;
  const { overall, byArea, threshold } = view.reactive;
  const previous = model.comparison?.reactive.before.overall ?? null;
  out.push('<section id="summary">', '<h2>Summary</h2>', '<div class="cards">');
  out.push('<div class="card">', '<h3>Reactive share against the threshold</h3>', gauge(overall, threshold, previous));
  if (model.comparison && previous !== null && overall !== null) {
    out.push(`<p>Previous run: ${sharePercent(previous, threshold)} → now ${sharePercent(overall, threshold)} (${pointsChange(previous, overall)}); the grey dot marks the previous run.</p>`);
  }
  out.push(`<p class="note">${h(reactiveVerdict(overall, threshold))}</p>`, '</div>');
  out.push('<div class="card">', '<h3>By area</h3>', '<table>', '<tbody>');
  for (const a of AREAS) {
    const before = model.comparison?.reactive.before.byArea?.[a];
    const trend = model.comparison && before !== undefined ? ` <span class="note nowrap">(was ${pct(before, threshold)})</span>` : '';
    out.push(`<tr><th scope="row">${a}</th><td class="num">${pct(byArea[a], threshold)}</td><td class="nowrap">${shareBar(byArea[a], threshold)}${trend}</td></tr>`);
  }
  out.push('</tbody>', '</table>', `<p class="note">Tier-weighted share of (service, area) pairs missing or deferred to Operation; the black tick is the ${thresholdPercent(threshold)} threshold.</p>`, '</div>');
  if (model.comparison) {
    const c = model.comparison;
    out.push('<div class="card">', '<h3>Since the previous run</h3>');
    out.push(`<p><span class="big plus">+${c.added.length}</span> new &nbsp; <span class="big minus">−${c.fixed.length}</span> fixed &nbsp; ${c.stillOpen} still open</p>`);
    out.push(`<p class="note">${h(trendSentence(c, threshold, '→'))}</p>`, '</div>');
  }
  out.push('</div>');

  out.push('<h3>Top risks</h3>');
  if (model.risks.length === 0) out.push('<p>No service has an open error.</p>');
  else {
    out.push('<table>', `<thead><tr><th scope="col" class="num">#</th><th scope="col">service</th><th scope="col">tier</th><th scope="col">owner</th><th scope="col" class="num">open errors</th><th scope="col" class="num">open warnings</th>${AREAS.map((a) => `<th scope="col">${a}</th>`).join('')}</tr></thead>`, '<tbody>');
    model.risks.forEach((r, i) => {
      out.push(`<tr><td class="num">${i + 1}</td><th scope="row">${serviceName(r)}</th><td>${r.service.tier}</td><td>${ownerText(ownerKey(r.service))}</td><td class="num">${r.errors}</td><td class="num">${r.warnings}</td>${AREAS.map((a) => cellTd(r.cells[a], a)).join('')}</tr>`);
    });
    out.push('</tbody></table>');
    const w = view.weights;
    out.push(`<p class="note">Services with open errors, by errors × tier weight (critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}); at most ten.</p>`);
  }
  out.push('<div class="cards">');
  out.push('<div class="card">', '<h3>By tier</h3>', rollupTable(model.tiers, 'tier', (k) => h(k), threshold), '</div>');
  out.push('<div class="card">', `<h3>By owner (${model.owners.length})</h3>`, '<div class="scroll">', rollupTable(model.owners, 'owner', ownerText, threshold), '</div>', '<p class="note">Worst first: open errors weighted by tier, then the reactive share.</p>', '</div>');
  out.push('</div>', '</section>');
}

function changesSection(c: Comparison, view: PortfolioView, out: string[]): void {
  const threshold = view.reactive.threshold;
  out.push('<section id="changes">', `<h2>Changes since ${c.since === null ? 'the previous run' : h(c.since)}</h2>`);
  out.push(`<p class="note">Compared with ${h(c.source)}, by fingerprint (rule, service, area and field): a finding that only moved in its file is not new. Open findings only.</p>`);
  out.push('<table>', '<thead><tr><th scope="col">reactive share</th><th scope="col" class="num">before</th><th scope="col" class="num">after</th><th scope="col">change</th></tr></thead>', '<tbody>');
  const row = (label: string, before: number | null | undefined, after: number | null | undefined): void => {
    out.push(`<tr><th scope="row">${label}</th><td class="num">${pct(before, threshold)}</td><td class="num">${pct(after, threshold)}</td><td>${pointsChange(before ?? null, after ?? null) || '-'}</td></tr>`);
  };
  row('overall', c.reactive.before.overall, c.reactive.after.overall);
  for (const a of AREAS) row(a, c.reactive.before.byArea?.[a], c.reactive.after.byArea?.[a]);
  out.push('</tbody></table>');
  const names = (list: readonly string[]): string => (list.length === 0 ? 'none' : list.map(h).join(', '));
  if (c.services) out.push(`<p>Services added: ${names(c.services.added)}. Services removed: ${names(c.services.removed)}.</p>`);
  else out.push('<p class="note">The previous result does not record its services (written by an older warranty-lint): shares per area and services added or removed are not compared.</p>');
  const list = (title: string, findings: readonly ChangedFinding[]): void => {
    out.push(`<h3>${title} (${findings.length})</h3>`);
    if (findings.length === 0) return;
    out.push('<div class="scroll"><table>', '<thead><tr><th scope="col">severity</th><th scope="col">rule</th><th scope="col">service</th><th scope="col">file:line</th><th scope="col">message</th></tr></thead>', '<tbody>');
    for (const f of findings) {
      const where = f.file === null ? '(portfolio)' : h(f.line === null ? f.file : `${f.file}:${f.line}`);
      out.push(`<tr><td class="sev-${f.severity}">${f.severity}</td><td><code>${h(f.ruleId)}</code></td><td>${f.service === null ? '-' : h(f.service)}</td><td>${where}</td><td class="msg">${h(f.message)}</td></tr>`);
    }
    out.push('</tbody></table></div>');
  };
  list('New findings', c.added);
  list('Fixed findings', c.fixed);
  if (c.waivedSince.length > 0) list('Waived since', c.waivedSince);
  out.push('</section>');
}

/** The filters (shown once the script runs) and the heat map they act on. */
function exploreSection(model: ReportModel, out: string[]): void {
  const { view } = model;
  const ownerRank = new Map(model.owners.map((o, i) => [o.key, i]));
  const option = (value: string, label: string): string => `<option value="${h(value)}">${label}</option>`;
  out.push('<section id="coverage">', '<h2>Coverage heat map</h2>');
  out.push(
    // Not a <form>: nothing is submitted; the script shows the controls once it runs.
    '<div id="filters" class="filters" role="search" hidden>',
    '<label>group the heat map by<select name="group"><option value="tier">tier</option><option value="owner">owner</option></select></label>',
    `<label>tier<select name="tier"><option value="">all tiers</option>${TIERS.map((t) => option(t, t)).join('')}</select></label>`,
    // Stryker disable next-line EqualityOperator: owner keys are distinct, so `<=` is `<`.
    `<label>owner<select name="owner"><option value="">all owners</option>${[...model.owners].sort((a, b) => (a.key < b.key ? -1 : 1)).map((o) => option(o.key, h(o.key))).join('')}</select></label>`,
    `<label>area (gaps)<select name="area"><option value="">all areas</option>${AREAS.map((a) => option(a, a)).join('')}<option value="none">no area</option></select></label>`,
    '<label>severity (gaps)<select name="severity"><option value="">all severities</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select></label>',
    '<button type="button" id="clear">clear</button>',
    '<output id="shown"></output>',
    '</div>',
  );
  out.push(`<p class="note">${CELL_LEGEND()} Worst first: tier, then open errors, then open findings. Tier and owner filter the heat map and the gaps; area and severity filter the gaps.</p>`);
  out.push('<table id="heat" class="heat">');
  out.push(`<thead><tr><th scope="col">service</th><th scope="col">tier</th><th scope="col">owner</th><th scope="col" class="num">open</th>${AREAS.map((a) => `<th scope="col">${a}</th>`).join('')}</tr></thead>`);
  // Without the script the map stays grouped by tier: the rows are already worst first. Rows come
  // in bodies of HEAT_CHUNK, which the browser lays out only when they scroll into view.
  for (const tier of TIERS) {
    const rows = view.rows.filter((r) => r.service.tier === tier);
    if (rows.length === 0) continue;
    out.push(`<tbody class="ghead"><tr class="group"><th colspan="${4 + AREAS.length}" scope="colgroup">tier ${tier} · ${plural(rows.length, 'service')}</th></tr></tbody>`);
    for (let i = 0; i < rows.length; i += HEAT_CHUNK) {
      out.push('<tbody class="chunk">');
      for (const r of rows.slice(i, i + HEAT_CHUNK)) {
        const owner = ownerKey(r.service);
        out.push(
          `<tr class="svc" data-tier="${r.service.tier}" data-trank="${TIERS.indexOf(r.service.tier)}" data-owner="${h(owner)}" data-orank="${ownerRank.get(owner) ?? 0}">` +
            `<th scope="row">${serviceName(r)}</th><td>${r.service.tier}</td><td>${ownerText(owner)}</td><td class="num">${r.open}</td>${AREAS.map((a) => cellTd(r.cells[a], a)).join('')}</tr>`,
        );
      }
      out.push('</tbody>');
    }
  }
  out.push('</table>', '</section>');
}

const CELL_LEGEND = (): string =>
  (Object.keys(STATE_LABEL) as CellState[]).map((st) => `<span class="key ${st}"></span>${STATE_GLYPH[st]} ${STATE_LABEL[st]} (${STATE_MEANING[st]})`).join(' ') + '.';

function waiversSection(model: ReportModel, out: string[]): void {
  out.push('<section id="waivers">', '<h2>Waiver register</h2>');
  if (model.waivers.length === 0) {
    out.push('<p>No service has a waiver.</p>', '</section>');
    return;
  }
  out.push('<p class="note">Every waiver, expired ones first. A waiver that is not in force suppresses nothing.</p>');
  out.push('<div class="scroll"><table>', '<thead><tr><th scope="col">service</th><th scope="col">rule</th><th scope="col">area</th><th scope="col">approved by</th><th scope="col">reason</th><th scope="col">expires</th><th scope="col" class="num">days left</th><th scope="col">status</th></tr></thead>', '<tbody>');
  for (const w of model.waivers) {
    out.push(
      `<tr><th scope="row">${h(w.service ?? `(unnamed, ${w.file})`)}</th><td>${w.rule === null ? '-' : `<code>${h(w.rule)}</code>`}</td><td>${w.area ?? '-'}</td><td>${w.approvedBy === null ? '-' : h(w.approvedBy)}</td>` +
        `<td class="msg">${w.reason === null ? '-' : h(w.reason)}</td><td>${w.expires ?? '-'}</td><td class="num">${w.daysLeft ?? '-'}</td><td class="status-${w.status}">${WAIVER_STATUS[w.status]}</td></tr>`,
    );
  }
  out.push('</tbody></table></div>', '</section>');
}

/**
 * The data of the gaps list, for the script to render what the filters select (a page of rows at a
 * time: a table of 50,000 findings takes a browser minutes to lay out). A JSON data block, never
 * executed, with `<`, `>` and `&` written as \u escapes so that no value can end the block.
 */
export function gapsData(view: PortfolioView): string {
  type Row = [severity: string, waived: 0 | 1, area: string, rule: string, accountable: string, where: string, message: string];
  const rowOf = (f: Finding, r: ServiceRow | undefined): Row => [
    f.severity,
    f.waived ? 1 : 0,
    f.area ?? 'none',
    escapeText(f.ruleId),
    r ? escapeText(accountableOwner(r, f) ?? '-') : '-',
    r ? (f.line === null ? '-' : String(f.line)) : f.file === null ? '(portfolio)' : escapeText(f.line === null ? f.file : `${f.file}:${f.line}`),
    escapeText(f.message),
  ];
  const groups: Array<[name: string, tier: string, owner: string, file: string, open: number, rows: Row[]]> = [];
  for (const r of view.rows) {
    if (r.findings.length === 0) continue;
    const sv = r.service;
    groups.push([escapeText(sv.name ?? `(unnamed, ${sv.file})`), sv.tier, escapeText(ownerKey(sv)), escapeText(sv.file), r.open, r.findings.map((f) => rowOf(f, r))]);
  }
  if (view.other.length > 0) groups.push(['Files and portfolio (no service)', '', '', '', view.other.length, view.other.map((f) => rowOf(f, undefined))]);
  // Every text here went through escapeText, which already writes U+2028 and U+2029 visibly.
  return JSON.stringify(groups).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function gapsSection(view: PortfolioView, out: string[]): void {
  const total = view.rows.reduce((n, r) => n + r.findings.length, 0) + view.other.length;
  out.push('<section id="gaps">', '<h2>Gaps</h2>');
  out.push(`<p class="note">${plural(total, 'finding')}, worst service first: the line, the rule and the accountable owner (the area's owner, else the service's). Use the filters above.</p>`);
  out.push('<noscript><p>The list of gaps needs JavaScript; <code>warranty-lint report</code> prints every one as text.</p></noscript>');
  out.push('<table id="gap-list">', '<thead><tr><th scope="col">severity</th><th scope="col">area</th><th scope="col">rule</th><th scope="col">accountable</th><th scope="col" class="num">line</th><th scope="col">message</th></tr></thead>', '</table>');
  out.push('<p class="screen-only"><button type="button" id="more" hidden>show more</button></p>');
  out.push(`<script type="application/json" id="gap-data">${gapsData(view)}</script>`);
  out.push('</section>');
}
