// README's Backstage section: what users copy works as written. Its example Component lints clean
// (with the catalog export beside it for its dependency), and its config loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/run-cli.js';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

/** The fenced blocks of a language between a heading and the next heading of the same or a higher level (not inside a fence). */
function blocks(heading: string, lang: string): string[] {
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const level = (/^#+/.exec(heading) as RegExpExecArray)[0].length;
  const out: string[] = [];
  let fence: { lang: string; lines: string[] } | undefined;
  for (const line of lines.slice(start + 1)) {
    if (fence) {
      if (line === '```') {
        if (fence.lang === lang) out.push(fence.lines.join('\n') + '\n');
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const open = /^```(\w*)$/.exec(line);
    if (open) fence = { lang: open[1] as string, lines: [] };
    else if (/^(#+) /.exec(line) && (/^#+/.exec(line) as RegExpExecArray)[0].length <= level) break;
  }
  return out;
}

describe("README's Backstage section", () => {
  it('its example catalog-info.yaml lints clean, its dependency resolved by the catalog export it shows', async () => {
    const [entity] = blocks('## Backstage', 'yaml');
    const [exported] = blocks('### A catalog export for dependencies', 'json');
    const root = tempTree({ 'catalog-info.yaml': entity!, 'catalog.json': exported! });
    const r = await runCli(['--now', '2026-11-26', '--catalog', 'catalog.json', '-f', 'json', 'catalog-info.yaml'], root);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; waived: boolean }>; summary: { services: number } };
    expect(json.summary.services).toBe(1);
    // Clean: the one finding left is the waived one the example shows a waiver for.
    expect(json.findings.filter((f) => !f.waived)).toEqual([]);
    expect(json.findings.map((f) => f.ruleId)).toEqual(['continuity-test-stale']);
    expect(r.code).toBe(0);
    // Without the export its dependency is unknown: the export is what resolves it.
    const alone = await runCli(['--now', '2026-11-26', '-f', 'json', 'catalog-info.yaml'], root);
    expect((JSON.parse(alone.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toContain('dependency-unknown');
  });

  it('its Location example is followed, and says which target it did not follow', async () => {
    const [location] = blocks('### Locations', 'yaml');
    const [entity] = blocks('## Backstage', 'yaml');
    const [exported] = blocks('### A catalog export for dependencies', 'json');
    const root = tempTree({ 'root.yaml': location!, 'catalog-info.yaml': entity!, 'services/fx/catalog-info.yaml': entity!.replace('name: payments-api', 'name: fx-rates'), 'catalog.json': exported! });
    const r = await runCli(['--now', '2026-11-26', '--catalog', 'catalog.json', '-f', 'json', 'root.yaml'], root);
    const json = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string; waived: boolean }>; summary: { services: number } };
    expect(json.summary.services).toBe(2);
    expect(json.findings.filter((f) => !f.waived).map((f) => [f.file, f.ruleId])).toEqual([['root.yaml', 'input-skipped']]);
  });

  it('its config loads, and --print-config shows the lifecycle and tier mapping resolved', async () => {
    const [config] = blocks('### Configuration for Backstage', 'yaml');
    const root = tempTree({ '.warranty-lintrc.yaml': config! });
    const r = await runCli(['--print-config', 'catalog-info.yaml'], root);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout) as { backstage: { serviceTypes: string[]; lifecycle: Record<string, string>; tier: unknown } };
    expect(printed.backstage.serviceTypes).toEqual(['service', 'website']);
    expect(printed.backstage.lifecycle).toMatchObject({ incubating: 'design', sunset: 'operation', ga: 'operation', retired: 'operation', 'end-of-life': 'operation', experimental: 'design' });
    expect(printed.backstage.tier).toEqual({ from: ['/spec/warranty/tier', '/metadata/labels/tier'], values: { 'tier-1': 'critical', 'tier-2': 'high', 'tier-3': 'medium', 'tier-4': 'low' } });
  });
});
