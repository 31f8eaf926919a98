// The deferral vocabulary (src/model/deferral-vocabulary.ts): word lists compiled into one pattern
// each, and the names of Operation in other languages that corporate English keeps.
import { describe, expect, it } from 'vitest';
import { findDeferralPhrase } from '../../src/model/deferral.js';
import { alt, list } from '../../src/model/deferral-vocabulary.js';

/** The pattern of a list, whole (anchored), as the matcher would use it. */
const whole = (words: readonly string[]): RegExp => new RegExp(`^${list(words)}$`);

describe('list', () => {
  it('matches each entry and nothing in between', () => {
    const re = whole(['size', 'sizes', 'sized', 'sizing', 'set']);
    for (const w of ['size', 'sizes', 'sized', 'sizing', 'set']) expect(re.test(w), w).toBe(true);
    for (const w of ['siz', 'sizesd', 'se', 'sett', '']) expect(re.test(w), w).toBe(false);
  });

  it('prefers the longest entry sharing a beginning, so an unanchored match takes the whole word', () => {
    expect(new RegExp(list(['scale', 'scale up', 'scale out'])).exec('we scale up now')?.[0]).toBe('scale up');
    expect(new RegExp(list(['go', 'go-live'])).exec('after go-live')?.[0]).toBe('go-live');
  });

  it('reads a space as any run of spaces or a hyphen, and a hyphen as a hyphen, a space or nothing', () => {
    const re = whole(['best effort', 'go-live']);
    for (const w of ['best effort', 'best   effort', 'best-effort', 'go-live', 'go live', 'golive']) expect(re.test(w), w).toBe(true);
    for (const w of ['besteffort', 'go--live', 'go_live']) expect(re.test(w), w).toBe(false);
  });

  it('lets a final particle stand after the object: "figure it out", "pick this up", "sort the backups out"', () => {
    const re = whole(['figure out', 'pick up', 'sort out']);
    for (const w of ['figure out', 'figure it out', 'pick this up', 'pick them up', 'sort the backups out', 'pick something up']) expect(re.test(w), w).toBe(true);
    // only one word in the gap, and only a particle at the end of an entry opens one
    for (const w of ['figure all of it out', 'pick the big one up']) expect(re.test(w), w).toBe(false);
    expect(whole(['take ownership']).test('take full ownership')).toBe(false);
    // a particle inside an entry is a plain word
    expect(whole(['up to speed']).test('up it to speed')).toBe(false);
  });

  it('takes the characters of regular expressions literally', () => {
    const re = whole(['24/7', 'i/o', 'a.b', 'c+', '(x)', 'y?', 'z*', '$1', '^k', 'p|q', '[r]', 's\\t', '{2}']);
    for (const w of ['24/7', 'i/o', 'a.b', 'c+', '(x)', 'y?', 'z*', '$1', '^k', 'p|q', '[r]', 's\\t', '{2}']) expect(re.test(w), w).toBe(true);
    for (const w of ['a-b', 'axb', 'cc', 'x', 'y', '', 'zz', 'p', 'q', 'r', '22']) expect(re.test(w), w).toBe(false);
  });

  it('is built once per list', () => {
    const words = ['ops', 'sre'];
    expect(list(words)).toBe(list(words));
    expect(list(['ops'])).toBe('(?:ops)');
    expect(list([])).toBe('(?:)');
  });
});

describe('alt', () => {
  it('joins patterns as one non-capturing group', () => {
    expect(alt('a', 'b+', 'c')).toBe('(?:a|b+|c)');
    expect(new RegExp(`^${alt('ab', 'cd')}$`).test('abcd')).toBe(false);
    expect(new RegExp(`^x${alt('ab', 'cd')}$`).test('xcd')).toBe(true);
  });
});

describe('names of Operation in other languages', () => {
  // Bug: the actors were marked from `\b`, which without the u flag sees no word start before "é":
  // "équipe run" and "équipe exploitation" were in the list and never found.
  it.each([
    ['The équipe run will decide the RTO.', 'The équipe run will decide the RTO'],
    ['Left to the équipe exploitation.', 'Left to the équipe exploitation'],
    ['Équipe run to decide.', 'Équipe run to decide'],
    ['équipe exploitation will tune the alerts.', 'équipe exploitation will tune the alerts'],
    ['The équipe RUN will tune post-MEP.', 'The équipe RUN will tune post-MEP'],
    ['Left to exploitation.', 'Left to exploitation'],
    ['explotación will decide the RTO.', 'explotación will decide the RTO'],
    ['Left to beheer.', 'Left to beheer'],
    ['Betrieb will size it.', 'Betrieb will size it'],
    ['Thresholds: the MCO team will set them.', 'the MCO team will set them'],
  ])('finds %j', (text, phrase) => {
    expect(findDeferralPhrase(text)).toBe(phrase);
  });

  it('finds a name only at the start of a word, accented letters included', () => {
    // "réquipe run", "caféops": no name starts inside a word
    expect(findDeferralPhrase('Left to the réquipe run.')).toBeUndefined();
    expect(findDeferralPhrase('Left to the caféops.')).toBeUndefined();
    expect(findDeferralPhrase('Left to dataops.')).toBe('Left to dataops');
  });
});
