// The sections of the text report that came with the one-page summary: the changes since the
// previous run, every owner, and the waiver register. Laid out like the rest of report.ts.
import { AREAS } from '../types.js';
import { pointsChange, type ChangedFinding, type Comparison } from './compare.js';
import { escapeText } from './escape.js';
import { sharePercent, type PortfolioView } from './portfolio-view.js';
import type { ReportModel } from './report-model.js';
import { ownerText, rollupColumns, type SummaryGlyphs } from './report-summary.js';
import { WAIVER_STATUS, type WaiverEntry } from './rollups.js';
import { textTable } from './text-table.js';
import { wrap } from './text-layout.js';

export type Heading = (text: string) => void;
export type Para = (text: string) => void;

const safe = (text: string): string => escapeText(text);
const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

export function changesSection(cmp: Comparison, view: PortfolioView, width: number, g: SummaryGlyphs, heading: Heading, para: Para, out: string[]): void {
  const threshold = view.reactive.threshold;
  heading(cmp.since === null ? 'CHANGES SINCE THE PREVIOUS RUN' : `CHANGES SINCE ${cmp.since}`);
  para(
    `Compared with ${safe(cmp.source)}${cmp.since === null ? '' : ` (linted on ${cmp.since})`}, finding by finding, by fingerprint (rule, service, area and field), ` +
      'so a finding that only moved in its file is not new. Open findings only: waived ones do not count.',
  );
  out.push('');
  const rows: Array<{ key: string; before: number | null; after: number | null }> = [
    { key: 'overall', before: cmp.reactive.before.overall, after: cmp.reactive.after.overall },
    ...AREAS.map((a) => ({ key: a, before: cmp.reactive.before.byArea?.[a] ?? null, after: cmp.reactive.after.byArea?.[a] ?? null })),
  ];
  const pct = (v: number | null): string => (v === null ? '-' : sharePercent(v, threshold));
  out.push(
    ...textTable(
      rows,
      [
        { title: 'Reactive share', align: 'left', value: (r) => `  ${r.key}` },
        { title: 'before', align: 'right', value: (r) => pct(r.before) },
        { title: 'after', align: 'right', value: (r) => pct(r.after) },
        { title: 'change', align: 'left', value: (r) => pointsChange(r.before, r.after) || '-' },
      ],
      width,
      g.ellipsis,
      '',
    ),
  );
  if (cmp.reactive.before.byArea === null) para('The previous result does not record its services (written by an older warranty-lint): shares per area and services added or removed cannot be compared.');
  out.push('');
  const names = (list: readonly string[]): string => (list.length === 0 ? 'none' : list.map(safe).join(', '));
  if (cmp.services) {
    para(`Services added (${cmp.services.added.length}): ${names(cmp.services.added)}.`);
    para(`Services removed (${cmp.services.removed.length}): ${names(cmp.services.removed)}.`);
  }
  if (cmp.areaChanges.length > 0) {
    para(`Areas whose state changed (${cmp.areaChanges.length}):`);
    for (const a of cmp.areaChanges) out.push(...wrap(`${safe(a.service)} ${a.area}: ${a.before} ${g.arrow} ${a.after}`, width, '  ', '    '));
  }
  if (cmp.changedServices.length > 0) {
    para(`Services whose open findings changed (${cmp.changedServices.length}), most changed first:`);
    const shown = cmp.changedServices.slice(0, 20);
    for (const e of shown) out.push(...wrap(`${safe(e.service)}: ${e.added} new, ${e.fixed} fixed`, width, '  ', '    '));
    if (shown.length < cmp.changedServices.length) out.push(...wrap(`and ${plural(cmp.changedServices.length - shown.length, 'more service')}, in the lists below.`, width, '  '));
  }
  const list = (title: string, findings: readonly ChangedFinding[]): void => {
    out.push('');
    para(`${title} (${findings.length})${findings.length === 0 ? ': none.' : ':'}`);
    for (const f of findings) {
      const where = f.file === null ? '(portfolio)' : f.line === null ? safe(f.file) : `${safe(f.file)}:${f.line}`;
      out.push(...wrap(`${f.severity}  ${f.ruleId}  ${f.service === null ? '' : `${safe(f.service)}  `}${where}`, width, '  ', '      '));
      out.push(...wrap(safe(f.message), width, '    '));
    }
  };
  list('New findings', cmp.added);
  list('Fixed findings', cmp.fixed);
  if (cmp.waivedSince.length > 0) list('Waived since', cmp.waivedSince);
}

export function ownersSection(model: ReportModel, width: number, g: SummaryGlyphs, heading: Heading, para: Para, out: string[]): void {
  heading('BY OWNER');
  para('Every service owner (metadata.owner), worst first: open errors weighted by tier, then the reactive share of their services.');
  out.push('');
  if (model.owners.length === 0) para('No service was read.');
  else out.push(...textTable(model.owners, rollupColumns('owner', (r) => ownerText(r.key), model.view.reactive.threshold), width, g.ellipsis, ''));
}

export function waiversSection(model: ReportModel, width: number, heading: Heading, para: Para, out: string[]): void {
  heading('WAIVER REGISTER');
  if (model.waivers.length === 0) {
    para('No service has a waiver.');
    return;
  }
  para('Every waiver, expired ones first: the service, what it waives, who approved it, why, and until when. A waiver that is not in force suppresses nothing.');
  // Upper case for what suppresses nothing: it stands out in plain text.
  const status = (w: WaiverEntry): string => (w.status === 'in-force' || w.status === 'unused' ? WAIVER_STATUS[w.status] : WAIVER_STATUS[w.status].replace(/^[^(]+/, (m) => m.toUpperCase()));
  for (const w of model.waivers) {
    const when =
      w.expires === null ? 'no expiry' : w.daysLeft === null ? `expires ${w.expires}` : w.daysLeft < 0 ? `expired ${w.expires}, ${plural(-w.daysLeft, 'day')} ago` : `expires ${w.expires}, ${plural(w.daysLeft, 'day')} left`;
    const what = `${w.rule === null ? '(no rule)' : safe(w.rule)}${w.area === null ? '' : ` (${w.area})`}`;
    out.push('');
    out.push(...wrap(`${safe(w.service ?? `(unnamed, ${w.file})`)}  ${what}  ${status(w)}`, width, '  ', '    '));
    out.push(...wrap(`approved by ${w.approvedBy === null ? '(nobody)' : safe(w.approvedBy)}; ${when}`, width, '    '));
    out.push(...wrap(`reason: ${w.reason === null ? '(none given)' : safe(w.reason)}`, width, '    ', '            '));
  }
}
