// The pictures of the HTML report, drawn as inline SVG (no script, no external resource): the
// reactive share as a gauge against the threshold, a share as a bar with the threshold marked,
// and the lifecycle stages as stacked bars beside the reactive share.
import { PLANNED_IN } from '../model/portfolio.js';
import { AREAS } from '../types.js';
import { sharePercent, stageSplit, thresholdPercent, type PortfolioView } from './portfolio-view.js';

/** A point on the gauge's half circle for a share (0 at the left, 1 at the right). */
function onArc(share: number, radius: number): [number, number] {
  const a = Math.PI * (1 - Math.min(1, Math.max(0, share)));
  return [+(110 + radius * Math.cos(a)).toFixed(2), +(110 - radius * Math.sin(a)).toFixed(2)];
}

export function gauge(share: number | null, threshold: number, previous: number | null): string {
  const r = 80;
  const [sx, sy] = onArc(0, r);
  const [ex, ey] = onArc(1, r);
  const parts = [`<svg class="gauge" viewBox="0 0 220 140" width="260" height="165" role="img" aria-label="reactive share ${share === null ? 'not measured' : sharePercent(share, threshold)} against a threshold of ${thresholdPercent(threshold)}">`];
  parts.push(`<path class="track" d="M ${sx} ${sy} A ${r} ${r} 0 0 1 ${ex} ${ey}"/>`);
  if (share !== null && share > 0) {
    const [vx, vy] = onArc(share, r);
    parts.push(`<path class="value${share >= threshold ? ' over' : ''}" d="M ${sx} ${sy} A ${r} ${r} 0 0 1 ${vx} ${vy}"/>`);
  }
  const [t1x, t1y] = onArc(threshold, r - 14);
  const [t2x, t2y] = onArc(threshold, r + 14);
  parts.push(`<line class="threshold" x1="${t1x}" y1="${t1y}" x2="${t2x}" y2="${t2y}"/>`);
  const [lx, ly] = onArc(threshold, r + 24);
  parts.push(`<text x="${lx}" y="${ly}" text-anchor="middle">${thresholdPercent(threshold)}</text>`);
  if (previous !== null) {
    const [px, py] = onArc(previous, r);
    parts.push(`<circle class="previous" cx="${px}" cy="${py}" r="5"><title>previous run: ${sharePercent(previous, threshold)}</title></circle>`);
  }
  parts.push(`<text class="label" x="110" y="100">${share === null ? '-' : sharePercent(share, threshold)}</text>`);
  parts.push(`<text class="sub" x="110" y="122">reactive share</text>`);
  parts.push(`<text x="${sx}" y="128" text-anchor="middle">0%</text><text x="${ex}" y="128" text-anchor="middle">100%</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** A horizontal bar for a share, with the threshold marked. */
export function shareBar(share: number | null, threshold: number, width = 160): string {
  const fill = share === null ? 0 : Math.round(share * width);
  const t = Math.round(threshold * width);
  return (
    `<svg width="${width + 2}" height="14" viewBox="0 0 ${width + 2} 14" aria-hidden="true">` +
    `<rect class="bar-bg" x="1" y="2" width="${width}" height="10"/>` +
    (fill > 0 ? `<rect class="bar-fill${share !== null && share >= threshold ? ' over' : ''}" x="1" y="2" width="${fill}" height="10"/>` : '') +
    `<line class="tick" x1="${t + 1}" y1="0" x2="${t + 1}" y2="14"/></svg>`
  );
}

export function stagesSection(view: PortfolioView, out: string[]): void {
  out.push('<section id="stages">', '<h2>Where warranty is planned</h2>');
  const rows = (['overall', ...AREAS] as const).map((key) => ({ key, split: stageSplit(view, key) }));
  const width = 520;
  const rowH = 26;
  const svg = [`<svg width="${width + 200}" height="${rows.length * rowH + 6}" viewBox="0 0 ${width + 200} ${rows.length * rowH + 6}" role="img" aria-label="share of warranty requirements by the lifecycle stage they were planned in">`];
  rows.forEach(({ key, split }, i) => {
    const y = i * rowH + 4;
    svg.push(`<text x="0" y="${y + 15}">${key}</text>`);
    if (split === null) return;
    let x = 100;
    for (const st of PLANNED_IN) {
      const w = (split.percents[st] / 100) * width;
      if (w > 0) svg.push(`<rect class="s-${st}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 8}"><title>${key}: ${st} ${split.percents[st]}%</title></rect>`);
      x += w;
    }
    svg.push(`<text x="${100 + width + 10}" y="${y + 15}">reactive ${split.reactive}%</text>`);
  });
  svg.push('</svg>');
  out.push(svg.join(''));
  out.push(`<p class="note">${PLANNED_IN.map((st) => `<span class="key s-${st}"></span>${st}`).join(' ')}</p>`);
  out.push('<table>', `<thead><tr><th scope="col"></th>${PLANNED_IN.map((st) => `<th scope="col" class="num">${st}</th>`).join('')}<th scope="col" class="num">reactive</th></tr></thead>`, '<tbody>');
  for (const { key, split } of rows) {
    out.push(`<tr><th scope="row">${key}</th>${PLANNED_IN.map((st) => `<td class="num">${split === null ? '-' : `${split.percents[st]}%`}</td>`).join('')}<td class="num">${split === null ? '-' : `${split.reactive}%`}</td></tr>`);
  }
  out.push('</tbody></table>');
  const overall = rows[0]?.split;
  if (overall) {
    const defined = overall.percents.operation - overall.deferred;
    out.push(
      `<p class="note">Reactive = missing + deferred to Operation: ${overall.percents.missing}% + ${overall.deferred}% = ${overall.reactive}%.` +
        (defined > 0 ? ` The other ${defined}% of operation is defined, in services already in operation whose areas have no plannedIn: planned late, but not reactive.` : '') +
        " Stage of an area: its plannedIn; without one, the service's lifecycleStage; an area deferred to Operation counts as operation; missing: absent, empty or a placeholder.</p>",
    );
  }
  out.push('</section>');
}
