// The deferral matcher measured on a labelled corpus (issue 17): recall over the deferrals, false
// positives over the near-misses. The corpus lives in test/fixtures/deferral/: each .yaml or .json
// file is a list, of strings labelled by the file's name (`deferrals*` or `near-misses*`), or of
// `{ text, deferral: true|false }` entries. WARRANTY_LINT_DEFERRAL_CORPUS=<dir> measures another
// corpus of the same shape instead (one written by others, say), with the same thresholds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findDeferralPhrase } from '../../src/model/deferral.js';

const MIN_RECALL = 0.95;
const MAX_FALSE_POSITIVES = 0.02;

interface Example {
  text: string;
  deferral: boolean;
  file: string;
}

function labelOf(file: string): boolean | undefined {
  if (/^deferrals?\b/i.test(file)) return true;
  if (/^near[-_ ]?miss(?:es)?\b/i.test(file)) return false;
  return undefined;
}

function loadCorpus(dir: string): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.(?:ya?ml|json)$/.test(f)).sort()) {
    const entries: unknown = parse(readFileSync(join(dir, file), 'utf8'));
    if (!Array.isArray(entries)) throw new Error(`${file}: expected a list`);
    for (const e of entries) {
      if (typeof e === 'string') {
        const deferral = labelOf(file);
        if (deferral === undefined) throw new Error(`${file}: a list of strings needs a file named deferrals… or near-misses…`);
        out.push({ text: e, deferral, file });
      } else if (e !== null && typeof e === 'object' && typeof (e as Example).text === 'string' && typeof (e as Example).deferral === 'boolean') {
        out.push({ text: (e as Example).text, deferral: (e as Example).deferral, file });
      } else {
        // A colon in an unquoted entry makes a mapping: say so rather than mislabel it.
        throw new Error(`${file}: ${JSON.stringify(e)} is neither a string nor { text, deferral }`);
      }
    }
  }
  return out;
}

const dir = process.env.WARRANTY_LINT_DEFERRAL_CORPUS ?? new URL('../fixtures/deferral/', import.meta.url).pathname;
const corpus = loadCorpus(dir);
const deferrals = corpus.filter((e) => e.deferral);
const nearMisses = corpus.filter((e) => !e.deferral);

describe('deferral corpus', () => {
  it('is large enough to measure: at least 150 deferrals and 150 near-misses, no text twice', () => {
    expect(deferrals.length).toBeGreaterThanOrEqual(150);
    expect(nearMisses.length).toBeGreaterThanOrEqual(150);
    const texts = corpus.map((e) => e.text.trim().toLowerCase());
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it(`finds at least ${MIN_RECALL * 100}% of the deferrals and flags at most ${MAX_FALSE_POSITIVES * 100}% of the near-misses`, () => {
    const missed = deferrals.filter((e) => findDeferralPhrase(e.text) === undefined);
    const flagged = nearMisses.map((e) => ({ ...e, phrase: findDeferralPhrase(e.text) })).filter((e) => e.phrase !== undefined);
    const recall = (deferrals.length - missed.length) / deferrals.length;
    const falsePositives = flagged.length / nearMisses.length;
    const lines = [
      `deferral corpus (${dir}): recall ${(recall * 100).toFixed(1)}% (${deferrals.length - missed.length}/${deferrals.length}), ` +
        `false positives ${(falsePositives * 100).toFixed(1)}% (${flagged.length}/${nearMisses.length})`,
      ...missed.map((e) => `  missed: ${JSON.stringify(e.text)}`),
      ...flagged.map((e) => `  flagged: ${JSON.stringify(e.text)} ("${e.phrase}")`),
    ];
    console.log(lines.join('\n'));
    expect(recall, lines.join('\n')).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(falsePositives, lines.join('\n')).toBeLessThanOrEqual(MAX_FALSE_POSITIVES);
  });
});
