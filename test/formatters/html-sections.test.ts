// -f html, section by section: what each part of the page says (summary cards, top risks,
// rollups, heat map and its filters, waiver register, gaps and their data), on the examples and on
// small catalogs made for one case each.
import { describe, expect, it } from 'vitest';
import { gapsData, html } from '../../src/formatters/html.js';
import { buildView } from '../../src/formatters/portfolio-view.js';
import { EXAMPLES_CTX, lintExamples, previousExamples } from '../fixtures/report/cab.js';
import { CTX, lintFixture } from '../fixtures/report/support.js';
import { CLEAN_LOW, lintYaml, type YamlFile } from '../support/lint-yaml.js';

const section = (page: string, id: string): string => new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(page)?.[0] ?? '';
const lines = (page: string, id: string): string[] => section(page, id).split('\n');
const named = (name: string, text = CLEAN_LOW): string => text.replace('name: search', `name: ${name}`);
const broken = (name: string): string => named(name, CLEAN_LOW.replace('target: 99.0', 'target: TBD'));

describe('html: the summary', () => {
  it('without a comparison: the gauge card, the areas without a trend, no card of changes', async () => {
    const page = html(await lintExamples(), EXAMPLES_CTX);
    const summary = section(page, 'summary');
    expect(summary).not.toContain('Previous run:');
    expect(summary).not.toContain('(was ');
    expect(summary).not.toContain('Since the previous run');
    expect(summary).not.toContain('class="previous"');
    expect(summary).toContain('<p class="note">Under the 80% threshold: ');
    expect(lines(page, 'summary')).toContain(
      '<tr><th scope="row">capacity</th><td class="num">16%</td><td class="nowrap"><svg width="162" height="14" viewBox="0 0 162 14" aria-hidden="true"><rect class="bar-bg" x="1" y="2" width="160" height="10"/><rect class="bar-fill" x="1" y="2" width="26" height="10"/><line class="tick" x1="129" y1="0" x2="129" y2="14"/></svg></td></tr>',
    );
    expect(summary).not.toContain('<section id="changes">');
    expect(page).not.toContain('<section id="changes">');
  });

  it('with a comparison: the previous share on the gauge, each area as it was, the card of changes', async () => {
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous: previousExamples() });
    const l = lines(page, 'summary');
    expect(l).toContain('<p>Previous run: 12% → now 12% (no change); the grey dot marks the previous run.</p>');
    expect(l.filter((x) => x.includes('<span class="note nowrap">(was '))).toHaveLength(4);
    expect(l.find((x) => x.startsWith('<tr><th scope="row">capacity</th>'))).toMatch(/<\/svg> <span class="note nowrap">\(was 17%\)<\/span><\/td><\/tr>$/);
    const card = l.indexOf('<h3>Since the previous run</h3>');
    expect(l.slice(card - 1, card + 4)).toEqual([
      '<div class="card">',
      '<h3>Since the previous run</h3>',
      '<p><span class="big plus">+6</span> new &nbsp; <span class="big minus">−1</span> fixed &nbsp; 30 still open</p>',
      '<p class="note">Since 2026-10-26 (last-month.json): 6 new findings, 1 fixed, 30 still open; 1 service added, 0 removed; reactive share 12% → 12% (no change).</p>',
      '</div>',
    ]);
    expect(section(page, 'summary')).toMatch(/<circle class="previous" [^>]*><title>previous run: 12%<\/title><\/circle>/);
  });

  it('with a previous run of no recorded share: no previous dot, no sentence of it, areas as "-"', async () => {
    const previous = { ...previousExamples(), reactiveShare: null, services: null };
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous });
    const summary = section(page, 'summary');
    expect(summary).not.toContain('Previous run:');
    expect(summary).not.toContain('class="previous"');
    // No shares per area recorded: nothing to say they were.
    expect(summary).not.toContain('(was ');
    expect(summary).toContain('<h3>Since the previous run</h3>');
  });

  it('ranks the top risks with their number, tier, owner, counts and cells, and gives the weights', async () => {
    const l = lines(html(await lintExamples(), EXAMPLES_CTX), 'summary');
    const head = l.indexOf('<h3>Top risks</h3>');
    expect(l[head + 1]).toBe('<table>');
    expect(l[head + 2]).toBe(
      '<thead><tr><th scope="col" class="num">#</th><th scope="col">service</th><th scope="col">tier</th><th scope="col">owner</th><th scope="col" class="num">open errors</th><th scope="col" class="num">open warnings</th><th scope="col">availability</th><th scope="col">capacity</th><th scope="col">continuity</th><th scope="col">security</th></tr></thead>',
    );
    expect(l[head + 4]).toBe(
      '<tr><td class="num">1</td><th scope="row">order-bridge</th><td>high</td><td>team-integration</td><td class="num">4</td><td class="num">0</td><td class="cell deferred" title="availability: deferred">~</td><td class="cell missing" title="capacity: missing">✗</td><td class="cell deferred" title="continuity: deferred">~</td><td class="cell deferred" title="security: deferred">~</td></tr>',
    );
    expect(l[head + 5]).toMatch(/^<tr><td class="num">2<\/td><th scope="row">loyalty-points<\/th>.*<td class="cell incomplete" title="continuity: incomplete">−<\/td>/);
    expect(l).toContain('<p class="note">Services with open errors, by errors × tier weight (critical 4, high 3, medium 2, low 1); at most ten.</p>');
  });

  it('says so when no service has an open error, with no table of risks', () => {
    const page = html(lintYaml(CLEAN_LOW), CTX);
    const l = lines(page, 'summary');
    expect(l[l.indexOf('<h3>Top risks</h3>') + 1]).toBe('<p>No service has an open error.</p>');
    expect(section(page, 'summary')).not.toContain('at most ten');
  });

  it('rolls up by tier and by owner, worst owner first, with a share or "-" where none is counted', async () => {
    const l = lines(html(await lintExamples(), EXAMPLES_CTX), 'summary');
    const tiers = l.indexOf('<h3>By tier</h3>');
    expect(l.slice(tiers + 1, tiers + 5)).toEqual([
      '<table>',
      '<thead><tr><th scope="col">tier</th><th scope="col" class="num">services</th><th scope="col" class="num">open errors</th><th scope="col" class="num">open warnings</th><th scope="col" class="num">reactive share</th></tr></thead>',
      '<tbody>',
      '<tr><th scope="row">critical</th><td class="num">3</td><td class="num">1</td><td class="num">2</td><td class="num">0%</td></tr>',
    ]);
    expect(l).toContain('<h3>By owner (10)</h3>');
    expect(l[l.indexOf('<h3>By owner (10)</h3>') + 5]).toBe('<tr><th scope="row">team-integration</th><td class="num">1</td><td class="num">4</td><td class="num">0</td><td class="num">100%</td></tr>');
    expect(l).toContain('<p class="note">Worst first: open errors weighted by tier, then the reactive share.</p>');
  });

  it('shows a service without owner as "(no owner)", in the risks, the rollup and the heat map', () => {
    const page = html(lintYaml(broken('orphan').replace('  owner: team-search\n', '')), CTX);
    expect(section(page, 'summary')).toContain('<th scope="row">orphan</th><td>low</td><td><em>(no owner)</em></td>');
    expect(section(page, 'summary')).toContain('<h3>By owner (1)</h3>');
    expect(section(page, 'summary')).toContain('<tr><th scope="row"><em>(no owner)</em></th><td class="num">1</td>');
    expect(section(page, 'coverage')).toContain('<td><em>(no owner)</em></td>');
  });
});

describe('html: the header', () => {
  it('counts in the singular and the plural, and says nothing of skipped files when none was skipped', () => {
    const one = html(lintYaml(CLEAN_LOW), CTX);
    expect(one).toContain('<p>Read 1 service in 1 catalog file with warranty-lint 0.0.0-test. Open findings: 0 errors, 0 warnings, 0 infos; 0 waived, 0 baselined.</p>');
    const two = html(lintYaml([{ file: 'a.yaml', text: broken('a') }, { file: 'b.yaml', text: named('b') }]), CTX);
    expect(two).toContain('<p>Read 2 services in 2 catalog files with warranty-lint 0.0.0-test. Open findings: 1 error, ');
  });

  it('names the date in the title, and gives a detached commit no branch', async () => {
    const page = html(lintYaml(CLEAN_LOW), { ...CTX, source: { paths: ['a', 'b', 'c', 'd'], folder: '/r', git: { root: '/r', commit: 'abcdef0123456789', branch: null } } });
    expect(page).toContain('<title>Warranty report 2026-11-26</title>');
    expect(page).toContain('<p>Catalog: <code>a, b, c and 1 more</code>, <span title="commit abcdef0123456789">git detached HEAD, commit abcdef012345 (/r)</span>.</p>');
  });
});

describe('html: the summary alone', () => {
  it('has the header and the summary, and no other section and no script', async () => {
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous: previousExamples(), summaryOnly: true });
    expect(page).toContain('<section id="summary">');
    for (const id of ['changes', 'stages', 'coverage', 'waivers', 'gaps']) expect(page).not.toContain(`<section id="${id}">`);
    expect(page).not.toContain('<script');
    expect(page).toContain('<h3>Since the previous run</h3>');
  });

  it('in full, the sections come in order, and the one script after </main>', async () => {
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous: previousExamples() });
    const order = [...page.matchAll(/<section id="([a-z]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(['summary', 'changes', 'stages', 'coverage', 'waivers', 'gaps']);
    expect(page).toMatch(/<\/section>\n<\/main>\n<script>[\s\S]+<\/script>\n<\/body>\n<\/html>\n$/);
  });
});

describe('html: the changes', () => {
  it('lists findings waived since, with a portfolio finding as "(portfolio)" and a finding without a line by its file', async () => {
    const result = lintYaml([{ file: 'a.yaml', text: broken('a') }]);
    const previous = {
      source: 'before.json',
      today: '2026-10-01',
      reactiveShare: 0.1,
      services: null,
      findings: [
        { ruleId: 'warranty-area-missing', severity: 'error' as const, message: 'whole', file: null, line: null, service: null, area: null, fingerprint: 'p1', waived: false },
        { ruleId: 'schema', severity: 'warning' as const, message: 'in a file', file: 'old.yaml', line: null, service: null, area: null, fingerprint: 'p2', waived: false },
      ],
    };
    const l = lines(html(result, { ...CTX, previous }), 'changes');
    expect(l).toContain('<h3>Fixed findings (2)</h3>');
    expect(l).toContain('<tr><td class="sev-error">error</td><td><code>warranty-area-missing</code></td><td>-</td><td>(portfolio)</td><td class="msg">whole</td></tr>');
    expect(l).toContain('<tr><td class="sev-warning">warning</td><td><code>schema</code></td><td>-</td><td>old.yaml</td><td class="msg">in a file</td></tr>');
    expect(l).not.toContain('<h3>Waived since (0)</h3>');
    const placeholder = result.findings.find((f) => f.ruleId === 'warranty-placeholder-value')!;
    const waivedNow = { ...result, findings: result.findings.map((f) => (f === placeholder ? { ...f, waived: true } : f)) };
    const before = { ...previous, findings: [{ ...placeholder, waived: false }] };
    const w = lines(html(waivedNow, { ...CTX, previous: before }), 'changes');
    expect(w).toContain('<h3>Waived since (1)</h3>');
    expect(w).toContain('<h3>New findings (0)</h3>');
    expect(w[w.indexOf('<h3>New findings (0)</h3>') + 1]).toBe('<h3>Fixed findings (0)</h3>');
  });

  it('says "none" for no service added or removed', async () => {
    const result = lintYaml([{ file: 'a.yaml', text: named('a') }]);
    const previous = { source: 'b.json', today: null, reactiveShare: 0, findings: [], services: [{ name: 'a', file: 'a.yaml', doc: 0, tier: 'low' as const, stage: 'design', owner: null, areas: { availability: 'defined' as const, capacity: 'defined' as const, continuity: 'defined' as const, security: 'defined' as const } }] };
    expect(section(html(result, { ...CTX, previous }), 'changes')).toContain('<p>Services added: none. Services removed: none.</p>');
  });
});

describe('html: the heat map', () => {
  it('offers each tier, each owner sorted by name, each area and no area, as filters', async () => {
    const s = section(html(await lintExamples(), EXAMPLES_CTX), 'coverage');
    expect(s).toContain('<label>tier<select name="tier"><option value="">all tiers</option><option value="critical">critical</option><option value="high">high</option><option value="medium">medium</option><option value="low">low</option></select></label>');
    const owners = /<select name="owner">(.*?)<\/select>/.exec(s)?.[1] ?? '';
    const values = [...owners.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
    expect(values[0]).toEqual(['', 'all owners']);
    const names = values.slice(1).map((v) => v[0]);
    expect(names).toHaveLength(10);
    expect(names).toEqual([...names].sort());
    expect(values.slice(1).every(([v, label]) => v === label)).toBe(true);
    expect(s).toContain('<option value="security">security</option><option value="none">no area</option></select></label>');
  });

  it('explains each cell state in its legend', async () => {
    const s = section(html(lintYaml(CLEAN_LOW), CTX), 'coverage');
    expect(s).toContain(
      '<p class="note"><span class="key defined"></span>✓ defined (every essential field set, no open finding) <span class="key flagged"></span>! defined, with findings (open findings about the area) <span class="key incomplete"></span>− incomplete (an essential field is missing) <span class="key deferred"></span>~ deferred (deferred to Operation) <span class="key placeholder"></span>? placeholder (a value such as TBD) <span class="key missing"></span>✗ missing (absent or empty) <span class="key waived"></span>w waived (every finding about the area is waived). Worst first:',
    );
  });

  it('groups rows by tier, skipping empty tiers, each row with its tier rank, owner and owner rank', async () => {
    const s = lines(html(await lintExamples(), EXAMPLES_CTX), 'coverage');
    expect(s.filter((l) => l.startsWith('<tbody class="ghead">'))).toEqual([
      '<tbody class="ghead"><tr class="group"><th colspan="8" scope="colgroup">tier critical · 3 services</th></tr></tbody>',
      '<tbody class="ghead"><tr class="group"><th colspan="8" scope="colgroup">tier high · 4 services</th></tr></tbody>',
      '<tbody class="ghead"><tr class="group"><th colspan="8" scope="colgroup">tier medium · 3 services</th></tr></tbody>',
      '<tbody class="ghead"><tr class="group"><th colspan="8" scope="colgroup">tier low · 1 service</th></tr></tbody>',
    ]);
    expect(s).toContain(
      '<tr class="svc" data-tier="high" data-trank="1" data-owner="team-integration" data-orank="0"><th scope="row">order-bridge</th><td>high</td><td>team-integration</td><td class="num">4</td><td class="cell deferred" title="availability: deferred">~</td><td class="cell missing" title="capacity: missing">✗</td><td class="cell deferred" title="continuity: deferred">~</td><td class="cell deferred" title="security: deferred">~</td></tr>',
    );
    expect(s.some((l) => l.includes('data-tier="critical" data-trank="0" data-owner="team-identity" data-orank="3"'))).toBe(true);
    const one = lines(html(lintYaml(named('solo').replace('tier: low', 'tier: medium')), CTX), 'coverage');
    expect(one.filter((l) => l.startsWith('<tbody class="ghead">'))).toEqual(['<tbody class="ghead"><tr class="group"><th colspan="8" scope="colgroup">tier medium · 1 service</th></tr></tbody>']);
  });

  it('puts rows in bodies of 100', () => {
    const files: YamlFile[] = Array.from({ length: 200 }, (_, i) => ({ file: `s${i}.yaml`, text: named(`svc-${String(i).padStart(3, '0')}`) }));
    const s = lines(html(lintYaml(files), CTX), 'coverage');
    const sizes: number[] = [];
    for (const l of s) {
      if (l === '<tbody class="chunk">') sizes.push(0);
      else if (l.startsWith('<tr class="svc"')) sizes[sizes.length - 1]! += 1;
    }
    expect(sizes).toEqual([100, 100]);
  });

  it('names a service without a name by its file', () => {
    const page = html(lintYaml([{ file: 'x/anon.yaml', text: CLEAN_LOW.replace('name: search', 'name: ""') }]), CTX);
    expect(section(page, 'coverage')).toContain('<th scope="row">(unnamed, x/anon.yaml)</th>');
  });
});

describe('html: the waiver register', () => {
  it('says so when no service has a waiver', () => {
    expect(lines(html(lintYaml(CLEAN_LOW), CTX), 'waivers')).toEqual(['<section id="waivers">', '<h2>Waiver register</h2>', '<p>No service has a waiver.</p>', '</section>']);
  });

  it('shows "-" for what a waiver does not say, and its status', () => {
    const text =
      named('w').replace(/ {4}security:[\s\S]*/, '') +
      '  waivers:\n    - { rule: warranty-area-missing, reason: Booked., approvedBy: cio, expires: 2026-12-31 }\n    - { rule: warranty-placeholder-value }\n    - { area: capacity, rule: tier-detail-missing, reason: r, approvedBy: x, expires: 2026-12-01 }\n    - { area: continuity }\n';
    const l = lines(html(lintYaml(text), CTX), 'waivers');
    expect(l).toContain('<tr><th scope="row">w</th><td><code>warranty-placeholder-value</code></td><td>-</td><td>-</td><td class="msg">-</td><td>-</td><td class="num">-</td><td class="status-invalid">invalid (no rule or no valid expiry)</td></tr>');
    expect(l).toContain('<tr><th scope="row">w</th><td>-</td><td>continuity</td><td>-</td><td class="msg">-</td><td>-</td><td class="num">-</td><td class="status-invalid">invalid (no rule or no valid expiry)</td></tr>');
    expect(l).toContain('<tr><th scope="row">w</th><td><code>tier-detail-missing</code></td><td>capacity</td><td>x</td><td class="msg">r</td><td>2026-12-01</td><td class="num">5</td><td class="status-unused">in force, unused</td></tr>');
    expect(l).toContain('<tr><th scope="row">w</th><td><code>warranty-area-missing</code></td><td>-</td><td>cio</td><td class="msg">Booked.</td><td>2026-12-31</td><td class="num">35</td><td class="status-in-force">in force</td></tr>');
  });
});

describe('html: the gaps', () => {
  it('counts every finding, of services and of no service', () => {
    const result = lintYaml([{ file: 'a.yaml', text: broken('a') }, { file: 'b.yaml', text: 'not: a service\n' }]);
    const total = result.findings.length;
    expect(section(html(result, CTX), 'gaps')).toContain(`<p class="note">${total} finding${total === 1 ? '' : 's'}, worst service first:`);
    expect(section(html(lintYaml(broken('a')), CTX), 'gaps')).toContain('<p class="note">1 finding, worst service first:');
  });

  it('gives the script one group per service with findings, then the findings of no service', () => {
    const result = lintYaml([
      { file: 'a.yaml', text: broken('a') },
      { file: 'c.yaml', text: named('c') },
      { file: 'b.yaml', text: broken('b').replace('name: b', 'name: b\n  description: "<&>"') },
    ]);
    const portfolio = { ...result.findings[0]!, file: null, line: null, service: null, area: null, document: null, message: 'portfolio <b>', waived: true };
    const inFile = { ...result.findings[0]!, file: 'z.yaml', line: null, service: null, area: null, document: null, message: 'file' };
    const atLine = { ...inFile, line: 7, severity: 'info' as const };
    result.findings.push(portfolio, inFile, atLine);
    const data = JSON.parse(gapsData(buildView(result))) as unknown[][];
    expect(data.map((g) => g.slice(0, 5))).toEqual([
      ['a', 'low', 'team-search', 'a.yaml', 1],
      ['b', 'low', 'team-search', 'b.yaml', 1],
      ['Files and portfolio (no service)', '', '', '', 3],
    ]);
    expect(data[0]![5]).toEqual([['error', 0, 'availability', 'warranty-placeholder-value', 'team-search', '11', result.findings[0]!.message]]);
    expect(data[2]![5]).toEqual([
      ['error', 1, 'none', 'warranty-placeholder-value', '-', '(portfolio)', 'portfolio <b>'],
      ['error', 0, 'none', 'warranty-placeholder-value', '-', 'z.yaml', 'file'],
      ['info', 0, 'none', 'warranty-placeholder-value', '-', 'z.yaml:7', 'file'],
    ]);
  });

  it('writes <, >, & and the line separators as \\u escapes, control characters visibly', () => {
    const result = lintYaml(broken('a'));
    result.findings[0] = { ...result.findings[0]!, message: 'a<b>c&d\u2028e\u2029f\u0007', line: null };
    const text = gapsData(buildView(result));
    // U+2028 and U+2029 are escaped visibly first, as every control character.
    expect(text).toContain('"a\\u003cb\\u003ec\\u0026d\\\\u2028e\\\\u2029f\\\\x07"');
    expect(text).toContain('"team-search","-","a');
  });

  it('has no group at all for a catalog without findings', () => {
    expect(gapsData(buildView(lintYaml(CLEAN_LOW)))).toBe('[]');
  });
});

describe('html: cases of one kind each', () => {
  it('a portfolio with no service, compared with a run that had a share: no previous share to set beside none', () => {
    const previous = { source: 'b.json', today: '2026-10-01', reactiveShare: 0.2, findings: [], services: null };
    const summary = section(html(lintYaml([]), { ...CTX, previous }), 'summary');
    expect(summary).not.toContain('Previous run:');
    expect(summary).toContain('<h3>Since the previous run</h3>');
  });

  it('a tier with no service has no share: "-"', () => {
    expect(section(html(lintYaml(CLEAN_LOW), CTX), 'summary')).toContain('<tr><th scope="row">critical</th><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">-</td></tr>');
  });

  it('a waiver of a service without a name is named by its file; a finding of a service without owner has no one accountable', () => {
    const text = CLEAN_LOW.replace('name: search', 'name: ""').replace('  owner: team-search\n', '').replace(/ {4}security:[\s\S]*/, '') + '  waivers:\n    - { rule: tier-detail-missing, reason: r, approvedBy: x, expires: 2026-12-01 }\n';
    const result = lintYaml([{ file: 'x/anon.yaml', text }]);
    expect(section(html(result, CTX), 'waivers')).toContain('<tr><th scope="row">(unnamed, x/anon.yaml)</th>');
    const data = JSON.parse(gapsData(buildView(result))) as Array<[string, string, string, string, number, string[][]]>;
    expect(data[0]!.slice(0, 4)).toEqual(['(unnamed, x/anon.yaml)', 'low', '(no owner)', 'x/anon.yaml']);
    expect(data[0]![5].every((row) => row[4] === '-')).toBe(true);
  });

  it('counts the findings of no service among the gaps', () => {
    const result = lintYaml([{ file: 'a.yaml', text: broken('a') }, { file: 'b.yaml', text: 'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: [\n' }]);
    const other = result.findings.filter((f) => f.service === null).length;
    expect(other).toBeGreaterThan(0);
    const total = result.findings.length;
    expect(total).toBeGreaterThan(other);
    expect(section(html(result, CTX), 'gaps')).toContain(`<p class="note">${total} findings, worst service first:`);
  });
});

describe('html: the page outline', () => {
  it('opens with the head a browser needs, and closes the page', async () => {
    const page = html(lintYaml(CLEAN_LOW), CTX);
    const head = page.split('\n').slice(0, 7);
    expect(head[0]).toBe('<!DOCTYPE html>');
    expect(head[1]).toBe('<html lang="en">');
    expect(head[2]).toBe('<head>');
    expect(head[3]).toBe('<meta charset="utf-8">');
    expect(head[4]).toMatch(/^<meta http-equiv="Content-Security-Policy" content="[^"]+">$/);
    expect(head[5]).toBe('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(head[6]).toBe('<title>Warranty report 2026-11-26</title>');
    expect(page).toMatch(/<\/style>\n<\/head>\n<body>\n<header class="top">\n/);
    expect(page).toMatch(/<\/header>\n<main>\n<section id="summary">\n<h2>Summary<\/h2>\n<div class="cards">\n<div class="card">\n<h3>Reactive share against the threshold<\/h3>\n<svg /);
  });

  it('has these headings, in this order', async () => {
    const page = html(await lintExamples(), { ...EXAMPLES_CTX, previous: previousExamples() });
    expect(page.split('\n').filter((l) => /^<h[23]>/.test(l))).toEqual([
      '<h2>Summary</h2>',
      '<h3>Reactive share against the threshold</h3>',
      '<h3>By area</h3>',
      '<h3>Since the previous run</h3>',
      '<h3>Top risks</h3>',
      '<h3>By tier</h3>',
      '<h3>By owner (10)</h3>',
      '<h2>Changes since 2026-10-26</h2>',
      '<h3>New findings (6)</h3>',
      '<h3>Fixed findings (1)</h3>',
      '<h2>Where warranty is planned</h2>',
      '<h2>Coverage heat map</h2>',
      '<h2>Waiver register</h2>',
      '<h2>Gaps</h2>',
    ]);
  });

  it('says what its tables and lists are', async () => {
    const l = html(await lintExamples(), { ...EXAMPLES_CTX, previous: previousExamples() }).split('\n');
    for (const line of [
      '<p class="note">Tier-weighted share of (service, area) pairs missing or deferred to Operation; the black tick is the 80% threshold.</p>',
      '<p class="note">Every waiver, expired ones first. A waiver that is not in force suppresses nothing.</p>',
      '<p class="note">37 findings, worst service first: the line, the rule and the accountable owner (the area\'s owner, else the service\'s). Use the filters above.</p>',
      '<noscript><p>The list of gaps needs JavaScript; <code>warranty-lint report</code> prints every one as text.</p></noscript>',
      '<table id="gap-list">',
      '<thead><tr><th scope="col">severity</th><th scope="col">area</th><th scope="col">rule</th><th scope="col">accountable</th><th scope="col" class="num">line</th><th scope="col">message</th></tr></thead>',
      '<p class="screen-only"><button type="button" id="more" hidden>show more</button></p>',
      '<thead><tr><th scope="col">service</th><th scope="col">rule</th><th scope="col">area</th><th scope="col">approved by</th><th scope="col">reason</th><th scope="col">expires</th><th scope="col" class="num">days left</th><th scope="col">status</th></tr></thead>',
      '<thead><tr><th scope="col">service</th><th scope="col">tier</th><th scope="col">owner</th><th scope="col" class="num">open</th><th scope="col">availability</th><th scope="col">capacity</th><th scope="col">continuity</th><th scope="col">security</th></tr></thead>',
      '<table id="heat" class="heat">',
      '<div id="filters" class="filters" role="search" hidden>',
      '<label>group the heat map by<select name="group"><option value="tier">tier</option><option value="owner">owner</option></select></label>',
      '<label>severity (gaps)<select name="severity"><option value="">all severities</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select></label>',
      '<button type="button" id="clear">clear</button>',
      '<output id="shown"></output>',
    ]) {
      expect(l).toContain(line);
    }
    expect(l.find((x) => x.startsWith('<p class="note"><span class="key defined">'))).toMatch(/\. Worst first: tier, then open errors, then open findings\. Tier and owner filter the heat map and the gaps; area and severity filter the gaps\.<\/p>$/);
  });
});

describe('html: balanced markup', () => {
  it('closes every section, table, body of rows and box it opens, and carries the gaps data', async () => {
    const page = html(await lintFixture('catalog'), CTX);
    const count = (re: RegExp): number => (page.match(re) ?? []).length;
    for (const tag of ['section', 'table', 'tbody', 'div', 'select', 'label']) expect([tag, count(new RegExp(`<${tag}[ >]`, 'g'))]).toEqual([tag, count(new RegExp(`</${tag}>`, 'g'))]);
    expect(section(page, 'waivers')).toContain('<div class="scroll"><table>\n<thead>');
    expect(section(page, 'waivers')).toMatch(/<\/tr>\n<\/tbody><\/table><\/div>\n<\/section>$/);
    expect(section(page, 'coverage')).toMatch(/<\/tr>\n<\/tbody>\n<\/table>\n<\/section>$/);
    expect(section(page, 'gaps')).toContain('</th></tr></thead>\n</table>\n<p class="screen-only">');
    expect(section(page, 'gaps')).toContain('<script type="application/json" id="gap-data">[["');
    expect(page).toContain('<label>area (gaps)<select name="area"><option value="">all areas</option><option value="availability">availability</option><option value="capacity">capacity</option><option value="continuity">continuity</option><option value="security">security</option><option value="none">no area</option></select></label>');
    expect(page).toMatch(/<select name="owner"><option value="">all owners<\/option><option value="[^"]+">[^<]+<\/option><option value=/);
    expect(page).toContain('<output id="shown"></output>\n</div>\n<p class="note">');
  });
});
