// The deferral matcher measured on a labelled corpus (issue 17): recall over the deferrals, false
// positives over the near-misses. The corpus lives in test/fixtures/deferral/: each .yaml or .json
// file is a list, of strings labelled by the file's name (`deferrals*` or `near-misses*`), or of
// `{ text, deferral: true|false }` entries. The files at the top form one set, each folder another
// (held-out-N/: written before the matcher changes that followed, see the folder's README.md); each
// set's figures are printed, and the thresholds hold for each set on its own and for all of them
// together, except a folder named fresh-N: a held-out set written after the last round of changes,
// whose figure measures how the matcher generalises (README.md keeps it). It is printed, not gated,
// until the next round of general changes, which renames it held-out-N and gates it.
// WARRANTY_LINT_DEFERRAL_CORPUS=<dir> measures another corpus of the same shape instead (one written
// by others, say), with the same thresholds.
// A rate lets one sentence in twenty change unnoticed, so the phrase quoted for each text of the
// built-in corpus (or none) is also pinned, in deferral-corpus.phrases.json: a change to the matcher
// shows there sentence by sentence. After a change meant to alter them, review the differences the
// test lists, then rewrite the file with
//   WL_UPDATE_DEFERRAL_PHRASES=1 npx vitest run test/model/deferral-corpus.test.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findDeferralPhrase } from '../../src/model/deferral.js';

const MIN_RECALL = 0.95;
const MAX_FALSE_POSITIVES = 0.02;

interface Example {
  text: string;
  deferral: boolean;
  file: string;
  set: string;
}

/** A set written after the last round of changes: measured and printed, not yet gated. */
const isFresh = (set: string): boolean => /^fresh-/.test(set);

function labelOf(file: string): boolean | undefined {
  if (/^deferrals?\b/i.test(file)) return true;
  if (/^near[-_ ]?miss(?:es)?\b/i.test(file)) return false;
  return undefined;
}

function loadSet(dir: string, set: string): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.(?:ya?ml|json)$/.test(f)).sort()) {
    const entries: unknown = parse(readFileSync(join(dir, file), 'utf8'));
    if (!Array.isArray(entries)) throw new Error(`${file}: expected a list`);
    for (const e of entries) {
      if (typeof e === 'string') {
        const deferral = labelOf(file);
        if (deferral === undefined) throw new Error(`${file}: a list of strings needs a file named deferrals… or near-misses…`);
        out.push({ text: e, deferral, file, set });
      } else if (e !== null && typeof e === 'object' && typeof (e as Example).text === 'string' && typeof (e as Example).deferral === 'boolean') {
        out.push({ text: (e as Example).text, deferral: (e as Example).deferral, file, set });
      } else {
        // A colon in an unquoted entry makes a mapping: say so rather than mislabel it.
        throw new Error(`${file}: ${JSON.stringify(e)} is neither a string nor { text, deferral }`);
      }
    }
  }
  return out;
}

/** The files at the top of `dir` as one set, and each folder as another. */
function loadCorpus(dir: string): Example[] {
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return [...loadSet(dir, '(top)'), ...folders.flatMap((f) => loadSet(join(dir, f), f))];
}

interface Figures {
  recall: number;
  falsePositives: number;
  line: string;
}

/** The matcher's answers, computed once per run of this file: both tests read the whole corpus. */
const answers = new Map<string, string | undefined>();
function phraseOf(text: string): string | undefined {
  if (!answers.has(text)) answers.set(text, findDeferralPhrase(text));
  return answers.get(text);
}

function measure(name: string, examples: readonly Example[]): Figures & { missed: Example[]; flagged: Array<Example & { phrase: string }> } {
  const deferrals = examples.filter((e) => e.deferral);
  const nearMisses = examples.filter((e) => !e.deferral);
  const missed = deferrals.filter((e) => phraseOf(e.text) === undefined);
  const flagged = nearMisses.flatMap((e) => {
    const phrase = phraseOf(e.text);
    return phrase === undefined ? [] : [{ ...e, phrase }];
  });
  const recall = deferrals.length === 0 ? 1 : (deferrals.length - missed.length) / deferrals.length;
  const falsePositives = nearMisses.length === 0 ? 0 : flagged.length / nearMisses.length;
  const line =
    `${name}: recall ${(recall * 100).toFixed(1)}% (${deferrals.length - missed.length}/${deferrals.length}), ` +
    `false positives ${(falsePositives * 100).toFixed(1)}% (${flagged.length}/${nearMisses.length})`;
  return { recall, falsePositives, line, missed, flagged };
}

const BUILT_IN = new URL('../fixtures/deferral/', import.meta.url).pathname;
const PINNED = new URL('./deferral-corpus.phrases.json', import.meta.url);
const dir = process.env.WARRANTY_LINT_DEFERRAL_CORPUS ?? BUILT_IN;
const corpus = loadCorpus(dir);
const deferrals = corpus.filter((e) => e.deferral);
const nearMisses = corpus.filter((e) => !e.deferral);

/** Phrase (or null) by text, by set and file: `held-out-3/deferrals.yaml`. */
type Pinned = Record<string, Record<string, string | null>>;

describe('deferral corpus', () => {
  // a run of the tests that does not load this file afresh still computes every answer afresh
  beforeAll(() => answers.clear());

  it('quotes the same phrase, or none, for every text of the built-in corpus (deferral-corpus.phrases.json)', () => {
    const actual: Pinned = {};
    for (const e of loadCorpus(BUILT_IN)) (actual[`${e.set}/${e.file}`] ??= {})[e.text] = phraseOf(e.text) ?? null;
    if (process.env.WL_UPDATE_DEFERRAL_PHRASES === '1') writeFileSync(PINNED, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(PINNED, 'utf8')) as Pinned;
    const entries = (p: Pinned, file: string): Map<string, string | null> => new Map(Object.entries(p[file] ?? {}));
    const changes: string[] = [];
    for (const file of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const want = entries(expected, file);
      const got = entries(actual, file);
      for (const text of new Set([...want.keys(), ...got.keys()])) {
        if (want.get(text) !== got.get(text)) changes.push(`${file}: ${JSON.stringify(text)}: ${JSON.stringify(want.get(text))} -> ${JSON.stringify(got.get(text))}`);
      }
    }
    expect(changes).toEqual([]);
  });

  it('is large enough to measure: at least 150 deferrals and 150 near-misses, no text twice', () => {
    expect(deferrals.length).toBeGreaterThanOrEqual(150);
    expect(nearMisses.length).toBeGreaterThanOrEqual(150);
    const texts = corpus.map((e) => e.text.trim().toLowerCase());
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it(`finds at least ${MIN_RECALL * 100}% of the deferrals and flags at most ${MAX_FALSE_POSITIVES * 100}% of the near-misses, in the whole corpus and in each set`, () => {
    const gated = corpus.filter((e) => !isFresh(e.set));
    const all = measure(`deferral corpus (${dir}), fresh sets left out`, gated);
    const names = [...new Set(corpus.map((e) => e.set))];
    const sets = names.filter((n) => !isFresh(n)).map((set) => measure(`  set ${set}`, corpus.filter((e) => e.set === set)));
    const fresh = names.filter(isFresh).map((set) => measure(`  set ${set} (fresh: measured, not gated)`, corpus.filter((e) => e.set === set)));
    const lines = [
      all.line,
      ...sets.map((s) => s.line),
      ...fresh.map((s) => s.line),
      ...[all, ...fresh].flatMap((f) => f.missed.map((e) => `  missed (${e.set}): ${JSON.stringify(e.text)}`)),
      ...[all, ...fresh].flatMap((f) => f.flagged.map((e) => `  flagged (${e.set}): ${JSON.stringify(e.text)} ("${e.phrase}")`)),
    ];
    console.log(lines.join('\n'));
    for (const f of [all, ...sets]) {
      expect(f.recall, `${f.line}\n${lines.join('\n')}`).toBeGreaterThanOrEqual(MIN_RECALL);
      expect(f.falsePositives, `${f.line}\n${lines.join('\n')}`).toBeLessThanOrEqual(MAX_FALSE_POSITIVES);
    }
  });
});
