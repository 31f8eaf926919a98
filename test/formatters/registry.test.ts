// The formatter registry (index.ts), textOf (types.ts), escapeText (escape.ts), and json's text
// for a run with nothing in it.
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/formatters/escape.js';
import { csv } from '../../src/formatters/csv.js';
import { github } from '../../src/formatters/github.js';
import { html } from '../../src/formatters/html.js';
import { FORMAT_NAMES, loadFormatter } from '../../src/formatters/index.js';
import { json } from '../../src/formatters/json.js';
import { junit } from '../../src/formatters/junit.js';
import { markdown } from '../../src/formatters/markdown.js';
import { report } from '../../src/formatters/report.js';
import { sarif } from '../../src/formatters/sarif.js';
import { stylish } from '../../src/formatters/stylish.js';
import { textOf, type Formatter } from '../../src/formatters/types.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

const CTX = { color: false, cwd: '/', version: '0.0.0' };

describe('loadFormatter', () => {
  it('names the nine formats, and loads each one by its name', async () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'report', 'html', 'csv']);
    const loaded = { stylish, json, sarif, junit, github, markdown, report, html, csv } as Record<string, Formatter>;
    for (const name of FORMAT_NAMES) expect(await loadFormatter(name)).toBe(loaded[name]);
  });

  it('has no formatter of an unknown name, nor of an inherited property', async () => {
    expect(await loadFormatter('xml')).toBeUndefined();
    expect(await loadFormatter('')).toBeUndefined();
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(await loadFormatter(name)).toBeUndefined();
  });
});

describe('textOf', () => {
  it('streams a streaming format, in pieces that join to its whole text', () => {
    const result = lintYaml(CLEAN_LOW.replace('target: 99.0', 'target: TBD'));
    const text = textOf(json, result, CTX);
    expect(typeof text).not.toBe('string');
    expect([...(text as Iterable<string>)].join('')).toBe(json(result, CTX));
  });

  it('gives another format every finding as an array, once, and returns its text', () => {
    const result = lintYaml(CLEAN_LOW.replace('target: 99.0', 'target: TBD'));
    const seen: unknown[] = [];
    const plain: Formatter = (r) => {
      seen.push(r.findings);
      return `${Array.isArray(r.findings)} ${r.findings.length} ${r.services.length}`;
    };
    const once = function* () {
      yield* result.findings;
    };
    expect(textOf(plain, { ...result, findings: once() }, CTX)).toBe('true 1 1');
    expect(seen).toHaveLength(1);
  });
});

describe('escapeText', () => {
  it('shows newline, return and tab by their escapes, other C0 and C1 controls as \\x, the rest as \\u', () => {
    expect(escapeText('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeText('\u0000\u001f\u007f\u0080\u009f')).toBe('\\x00\\x1f\\x7f\\x80\\x9f');
    expect(escapeText('\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069')).toBe('\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069');
  });

  it('leaves other text as it is, every character of it', () => {
    const text = ' ~\u00a0\u00ff\u0100\u061b\u061d\u200d\u2010\u2027\u202f\u2065\u206a é 😀';
    expect(escapeText(text)).toBe(text);
  });
});

describe('json of an empty run', () => {
  it('writes empty lists as [] and the rest as JSON.stringify does', () => {
    const result = lintYaml([]);
    expect(result.services).toEqual([]);
    expect(json(result, CTX)).toBe(JSON.stringify({ version: 1, findings: [], summary: result.summary, today: result.today, services: [] }, null, 2) + '\n');
  });
});
