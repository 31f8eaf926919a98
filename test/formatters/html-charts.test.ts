// The HTML report's pictures drawn exactly: the gauge's arc and marks sit where the share and the
// threshold put them on a half circle centred at (110, 110), and the share bar's fill and tick
// where the share and threshold fall on its width. Positions are checked against geometry worked
// out by hand (0 at the left, 1 at the right, ½ at the top), not against the formula.
import { describe, expect, it } from 'vitest';
import { gauge, shareBar, stagesSection } from '../../src/formatters/html-charts.js';
import { buildView } from '../../src/formatters/portfolio-view.js';
import { lintExamples } from '../fixtures/report/cab.js';

/** The attributes of the first element `tag` with class `cls` in an SVG string. */
function attrs(svg: string, tag: string, cls?: string): Record<string, string> | undefined {
  const re = new RegExp(`<${tag}\\b([^>]*)>`, 'g');
  for (const m of svg.matchAll(re)) {
    const found = Object.fromEntries([...(m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    if (cls === undefined || (found.class ?? '').split(' ').includes(cls)) return found;
  }
  return undefined;
}
const numbers = (d: string): number[] => d.split(/[\s,]+/).filter((t) => t !== '' && !/^[A-Za-z]$/.test(t)).map(Number);

describe('gauge', () => {
  it('draws the track from the left end (30, 110) to the right end (190, 110) of a radius-80 half circle', () => {
    const track = attrs(gauge(0.5, 0.2, null), 'path', 'track');
    expect(numbers(track?.d ?? '')).toEqual([30, 110, 80, 80, 0, 0, 1, 190, 110]);
  });

  it('ends the value arc where the share lies on the half circle', () => {
    expect(numbers(attrs(gauge(0.5, 0.9, null), 'path', 'value')?.d ?? '').slice(-2)).toEqual([110, 30]);
    // a quarter: 135° from the right, so 80·cos 45° = 56.57 left of and above the centre
    expect(numbers(attrs(gauge(0.25, 0.9, null), 'path', 'value')?.d ?? '').slice(-2)).toEqual([53.43, 53.43]);
    expect(numbers(attrs(gauge(0.75, 0.9, null), 'path', 'value')?.d ?? '').slice(-2)).toEqual([166.57, 53.43]);
    expect(numbers(attrs(gauge(1, 0.9, null), 'path', 'value')?.d ?? '').slice(-2)).toEqual([190, 110]);
  });

  it('clamps a share outside 0..1 to the ends of the arc', () => {
    expect(numbers(attrs(gauge(1.7, 0.5, null), 'path', 'value')?.d ?? '').slice(-2)).toEqual([190, 110]);
    // the previous run's mark is clamped the same way
    expect(attrs(gauge(0.5, 0.5, -0.4), 'circle', 'previous')).toMatchObject({ cx: '30', cy: '110' });
    expect(attrs(gauge(0.5, 0.5, 3), 'circle', 'previous')).toMatchObject({ cx: '190', cy: '110' });
  });

  it('draws no value arc for a share of 0 or one not measured, and says which', () => {
    const zero = gauge(0, 0.2, null);
    expect(attrs(zero, 'path', 'value')).toBeUndefined();
    expect(zero).toContain('aria-label="reactive share 0% against a threshold of 20%"');
    expect(zero).toContain('<text class="label" x="110" y="100">0%</text>');
    const none = gauge(null, 0.2, null);
    expect(attrs(none, 'path', 'value')).toBeUndefined();
    expect(none).toContain('aria-label="reactive share not measured against a threshold of 20%"');
    expect(none).toContain('<text class="label" x="110" y="100">-</text>');
  });

  it('marks a share at or over the threshold as over, and one under it not', () => {
    expect(attrs(gauge(0.3, 0.3, null), 'path', 'value')?.class).toBe('value over');
    expect(attrs(gauge(0.31, 0.3, null), 'path', 'value')?.class).toBe('value over');
    expect(attrs(gauge(0.29, 0.3, null), 'path', 'value')?.class).toBe('value');
    expect(gauge(0.42, 0.3, null)).toContain('aria-label="reactive share 42% against a threshold of 30%"');
  });

  it('crosses the arc at the threshold with a line from radius 66 to 94 and labels it at radius 104', () => {
    const svg = gauge(0.1, 0.5, null);
    expect(attrs(svg, 'line', 'threshold')).toMatchObject({ x1: '110', y1: '44', x2: '110', y2: '16' });
    expect(svg).toContain('<text x="110" y="6" text-anchor="middle">50%</text>');
    // at 0 the line lies along the diameter, left of the centre
    expect(attrs(gauge(0.1, 0, null), 'line', 'threshold')).toMatchObject({ x1: '44', y1: '110', x2: '16', y2: '110' });
  });

  it("marks the previous run's share on the arc, with its figure, only when there is one", () => {
    const svg = gauge(0.4, 0.3, 0.5);
    expect(attrs(svg, 'circle', 'previous')).toMatchObject({ cx: '110', cy: '30', r: '5' });
    expect(svg).toContain('<title>previous run: 50%</title>');
    expect(attrs(gauge(0.4, 0.3, null), 'circle', 'previous')).toBeUndefined();
  });

  it('labels both ends of the scale under them', () => {
    expect(gauge(0.4, 0.3, null)).toContain('<text x="30" y="128" text-anchor="middle">0%</text><text x="190" y="128" text-anchor="middle">100%</text>');
  });
});

describe('shareBar', () => {
  it('fills the share of the width and ticks the threshold one pixel in from the left edge', () => {
    const svg = shareBar(0.25, 0.5, 160);
    expect(attrs(svg, 'rect', 'bar-fill')).toMatchObject({ x: '1', width: '40' });
    expect(attrs(svg, 'line', 'tick')).toMatchObject({ x1: '81', x2: '81' });
    expect(attrs(svg, 'svg')).toMatchObject({ width: '162', viewBox: '0 0 162 14' });
  });

  it('marks a fill at or over the threshold as over', () => {
    expect(attrs(shareBar(0.5, 0.5), 'rect', 'bar-fill')?.class).toBe('bar-fill over');
    expect(attrs(shareBar(0.49, 0.5), 'rect', 'bar-fill')?.class).toBe('bar-fill');
  });

  it('draws no fill for a share of 0, one that rounds to 0, or one not measured', () => {
    for (const share of [0, 0.001, null]) expect(attrs(shareBar(share, 0.2), 'rect', 'bar-fill')).toBeUndefined();
    expect(attrs(shareBar(null, 0.2), 'rect', 'bar-bg')).toMatchObject({ width: '160' });
  });
});

describe('shareBar and stagesSection', () => {
  it('marks a bar over the threshold, and only that one', () => {
    expect(shareBar(0.25, 0.3)).toContain('<rect class="bar-fill" x="1" y="2" width="40" height="10"/>');
    expect(shareBar(0.5, 0.3)).toContain('<rect class="bar-fill over" x="1" y="2" width="80" height="10"/>');
    // No share (nothing measured) draws the empty track and the threshold only.
    expect(shareBar(null, 0.3)).toBe('<svg width="162" height="14" viewBox="0 0 162 14" aria-hidden="true"><rect class="bar-bg" x="1" y="2" width="160" height="10"/><line class="tick" x1="49" y1="0" x2="49" y2="14"/></svg>');
  });

  it('labels each row of the stages chart at its own height, overall first', async () => {
    const out: string[] = [];
    stagesSection(buildView(await lintExamples()), out);
    expect(out.slice(0, 2)).toEqual(['<section id="stages">', '<h2>Where warranty is planned</h2>']);
    const labels = [...out.join('\n').matchAll(/<text x="0" y="(\d+)">([a-z]+)<\/text>/g)].map((m) => `${m[2]}@${m[1]}`);
    expect(labels).toEqual(['overall@19', 'availability@45', 'capacity@71', 'continuity@97', 'security@123']);
  });
});
