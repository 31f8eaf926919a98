// The HTML report as a person sees it: Debian's Chromium, headless, driven by playwright-core
// (`.ci/run` installs chromium when it is missing). The page loads with no console error, the heat
// map has one cell per service and area, the owner filter shows only that owner's services, the
// page is not blank, prints, and a hostile service name shows as text.
//
// The README's screenshot (docs/report.png) is taken here: refresh it with
//
//   UPDATE_SCREENSHOT=1 npx vitest run test/browser/html-report.test.ts
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildView } from '../../src/formatters/portfolio-view.js';
import { html } from '../../src/formatters/html.js';
import { VERSION } from '../../src/version.js';
import { generateTexts } from '../../bench/generate.js';
import { lintYaml } from '../support/lint-yaml.js';
import { EXAMPLES_CTX, ROOT, lintExamples, previousExamples } from '../fixtures/report/cab.js';
import { CTX } from '../fixtures/report/support.js';
import { HOSTILE_NAME, hostileYaml } from '../support/hostile-service.js';

const CHROMIUM = '/usr/bin/chromium';
// The machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  dir = mkdtempSync(join(tmpdir(), 'wl-html-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the page from a file, as a reader opens an attachment, collecting what the console says. */
async function open(name: string, text: string): Promise<{ page: Page; problems: string[] }> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

describe('the HTML report in a browser', () => {
  it('lists a long gaps list a page at a time, and the filters count what they select', async () => {
    const result = lintYaml(generateTexts(300, 7));
    const total = result.findings.length;
    expect(total).toBeGreaterThan(600);
    const { page, problems } = await open('many.html', html(result, CTX));
    expect(await page.locator('#heat tr.svc').count()).toBe(300);
    expect(await page.locator('#gap-list tr.gap').count()).toBe(500);
    await page.click('#more');
    expect(await page.locator('#gap-list tr.gap').count()).toBe(Math.min(1000, total));
    await page.selectOption('#filters select[name="tier"]', 'critical');
    const critical = result.findings.filter((f) => result.services.find((s) => s.file === f.file && s.name === f.service)?.tier === 'critical').length;
    expect(await page.locator('#shown').textContent()).toMatch(new RegExp(`and ${critical} of ${total} findings\\.$`));
    expect(new Set(await page.locator('#gap-list tbody.gsvc').evaluateAll((g) => g.map((b) => (b as HTMLElement).dataset.tier)))).toEqual(new Set(['critical']));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads with no console error, one heat-map cell per service and area, and filters by owner', async () => {
    const result = await lintExamples();
    const { page, problems } = await open('examples.html', html(result, { ...EXAMPLES_CTX, previous: previousExamples() }));
    // One row per service: the later notification-service (retail/) repeats a name and is not one.
    const rows = buildView(result).rows.length;
    expect(rows).toBe(11);
    expect(await page.locator('#heat tr.svc').count()).toBe(rows);
    expect(await page.locator('#heat td.cell').count()).toBe(rows * 4);
    for (const row of await page.locator('#heat tr.svc').all()) expect(await row.locator('td.cell').count()).toBe(4);
    expect(await page.locator('#filters').isVisible()).toBe(true);

    await page.selectOption('#filters select[name="owner"]', 'team-storefront');
    const visible = page.locator('#heat tr.svc:visible');
    expect(await visible.count()).toBe(1);
    expect(new Set(await visible.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.owner)))).toEqual(new Set(['team-storefront']));
    expect(await visible.locator('th').allTextContents()).toEqual(['checkout-web']);
    const gapGroups = page.locator('#gap-list tbody.gsvc:visible');
    expect(await gapGroups.count()).toBe(1);
    expect(new Set(await gapGroups.evaluateAll((g) => g.map((b) => (b as HTMLElement).dataset.owner)))).toEqual(new Set(['team-storefront']));
    await page.selectOption('#filters select[name="severity"]', 'error');
    expect(await page.locator('#gap-list tr.gap:visible').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.severity))).toEqual(['error']);
    expect(await page.locator('#shown').textContent()).toBe(`Showing 1 of ${rows} services and 1 of ${result.findings.length} findings.`);
    await page.click('#clear');
    expect(await page.locator('#heat tr.svc:visible').count()).toBe(rows);

    // Grouped by owner at the reader's choice: the worst owner first.
    await page.selectOption('#filters select[name="group"]', 'owner');
    const groups = await page.locator('#heat tr.group th').allTextContents();
    expect(groups[0]).toBe('owner team-integration · 1 service');
    expect(groups).toHaveLength(10);
    expect(await page.locator('#heat tr.svc').count()).toBe(rows);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is not blank, and prints without its controls', async () => {
    const result = await lintExamples();
    const { page, problems } = await open('shot.html', html(result, { ...EXAMPLES_CTX, version: VERSION, previous: previousExamples() }));
    const shot = await page.screenshot();
    const blank = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const empty = await blank.screenshot();
    await blank.close();
    // A white page compresses to almost nothing; the report's text, gauge and colours do not.
    expect(shot.length).toBeGreaterThan(empty.length * 10);
    if (process.env.UPDATE_SCREENSHOT === '1') writeFileSync(join(ROOT, 'docs', 'report.png'), shot);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a hostile service name as text, and runs none of the markup smuggled into values', async () => {
    const { page, problems } = await open('hostile.html', html(lintYaml(hostileYaml()), CTX));
    expect(await page.locator('#heat tr.svc th').first().textContent()).toBe(HOSTILE_NAME);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('#heat img, #gap-list img, #heat script, #gap-list script').count()).toBe(0);
    expect(await page.locator('#heat tr.svc td').nth(1).textContent()).toContain('</td></tr></table><script>window.pwned=3</script>');
    expect((await page.locator('#gap-list td.msg').allTextContents()).some((t) => t.includes('TBD</td></tr></table><script>window.pwned=3</script>'))).toBe(true);
    expect(await page.locator('#gap-list tr.ghead th').first().textContent()).toContain(HOSTILE_NAME);
    expect(problems).toEqual([]);
    await page.close();
  });
});
