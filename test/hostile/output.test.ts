// Output safety: nothing from a file can forge lines, colours, links or CI annotations in human
// output; json carries the exact values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/formatters/escape.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';
import { runCli, tempTree } from './helpers.js';

/** Every character escapeText must never let through. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escapeText', () => {
  it.each([
    ['ANSI colour (CSI)', 'a\u001b[31mred\u001b[0m', 'a\\x1b[31mred\\x1b[0m'],
    ['screen clear', '\u001b[2J\u001b[H', '\\x1b[2J\\x1b[H'],
    ['OSC 8 hyperlink', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', '\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07'],
    ['OSC title with ST', '\u001b]0;pwned\u001b\\', '\\x1b]0;pwned\\x1b\\'],
    ['C1 CSI and NEL', 'x\u009b31my\u0085z', 'x\\x9b31my\\x85z'],
    ['CR and LF', 'line\r\n::error::forged', 'line\\r\\n::error::forged'],
    ['tab, NUL, backspace, DEL', '\t\u0000\u0008\u007f', '\\t\\x00\\x08\\x7f'],
    ['bidi override (Trojan Source)', 'admin\u202e\u2066// evil\u2069\u202c', 'admin\\u202e\\u2066// evil\\u2069\\u202c'],
    ['bidi marks and line separators', '\u200e\u200f\u061c\u2028\u2029', '\\u200e\\u200f\\u061c\\u2028\\u2029'],
  ])('%s', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
    expect(escapeText(input)).not.toMatch(RAW);
    expect(escapeText(input)).not.toContain('\n');
  });

  it('leaves ordinary text, including non-ASCII and emoji, as it is', () => {
    const text = 'équipe 検索 🚀 "quoted" \\ back-slash';
    expect(escapeText(text)).toBe(text);
  });
});

describe('stylish and json on a hostile tree', () => {
  it('escapes values and file names in stylish output, and json carries them exactly', async () => {
    const { root, cleanup } = tempTree();
    try {
      const evilValue = 'TBD\u001b]8;;https://evil.example\u0007\u202e\r\n::error file=x,line=1::forged\u001b[2J';
      const evilName = 'evil\n::error file=a.yaml,line=1::forged\u001b[31m\u202e.yaml';
      // The value reaches messages through schema errors (an invalid tier) and the service name.
      const text = CLEAN_LOW.replace('tier: low', `tier: ${JSON.stringify(evilValue)}`).replace('name: search', `name: ${JSON.stringify('x' + evilValue)}`);
      writeFileSync(join(root, evilName), text);
      const stylish = await runCli(['--now', '2026-11-26', '.'], root);
      expect(stylish.code).toBe(1);
      expect(stylish.stdout).not.toMatch(RAW);
      for (const line of stylish.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
      expect(stylish.stdout).toContain('evil\\n::error file=a.yaml,line=1::forged\\x1b[31m\\u202e.yaml');
      expect(stylish.stdout).toContain('\\x1b]8;;https://evil.example\\x07\\u202e\\r\\n::error');

      const json = await runCli(['--now', '2026-11-26', '-f', 'json', '.'], root);
      const out = JSON.parse(json.stdout) as { findings: Array<{ file: string; message: string }> };
      expect(out.findings.length).toBeGreaterThan(0);
      expect(out.findings.every((f) => f.file === evilName)).toBe(true);
      expect(out.findings.some((f) => f.message.includes('\u202e\r\n::error'))).toBe(true);
    } finally {
      cleanup();
    }
  });
});

describe('html and csv on the same hostile tree', () => {
  it('escapes values and file names: no markup, control or bidi character gets through, and no cell is a formula', async () => {
    const { root, cleanup } = tempTree();
    try {
      const evilValue = 'TBD\u001b]8;;https://evil.example\u0007\u202e\r\n<script>alert(1)</script><img src=x onerror=alert(2)>';
      const evilName = 'evil\n<b onclick=x>bold\u001b[31m\u202e.yaml';
      const text = CLEAN_LOW.replace('tier: low', `tier: ${JSON.stringify(evilValue)}`)
        .replace('name: search', `name: ${JSON.stringify('x' + evilValue)}`)
        .replace('owner: team-search', `owner: ${JSON.stringify('=HYPERLINK("https://evil.example")' + evilValue)}`);
      writeFileSync(join(root, evilName), text);
      const page = await runCli(['--now', '2026-11-26', '-f', 'html', '.'], root);
      expect(page.code).toBe(1);
      expect(page.stdout).not.toMatch(RAW);
      // The page's own script and the gaps' JSON data block, in which nothing can close the block.
      expect(page.stdout.match(/<script/gi)).toEqual(['<script', '<script']);
      const data = /<script type="application\/json" id="gap-data">([\s\S]*?)<\/script>/.exec(page.stdout)?.[1] as string;
      expect(data).not.toMatch(/[<>&]/);
      // The file name reaches the page only through the gaps' data, which the page's script writes as text.
      expect(JSON.stringify(JSON.parse(data))).toContain(JSON.stringify('evil\\n<b onclick=x>bold\\x1b[31m\\u202e.yaml').slice(1, -1));
      expect(page.stdout).not.toMatch(/<img|<b /i);
      expect(page.stdout).toContain('x' + 'TBD\\x1b]8;;https://evil.example\\x07\\u202e\\r\\n&#60;script&#62;alert(1)&#60;/script&#62;');

      const table = await runCli(['--now', '2026-11-26', '-f', 'csv', '.'], root);
      // Rows end in CRLF (RFC 4180); no other control character is left.
      expect(table.stdout.replace(/\r\n/g, '\n')).not.toMatch(RAW);
      const [head, row, ...rest] = table.stdout.split('\r\n');
      expect(head).toMatch(/^service,file,/);
      expect(rest).toEqual(['']);
      expect(row).toContain(`"'=HYPERLINK(""https://evil.example"")TBD\\x1b]8;;`);
    } finally {
      cleanup();
    }
  });
});
