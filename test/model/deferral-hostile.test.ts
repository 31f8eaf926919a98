// The deferral matcher runs on every text field of every service (10,000 services in a catalog),
// so a text built to make it backtrack must still be read in one pass. Each string below is about
// 100 KB of what its patterns look for, repeated without ever completing a match (or completing
// one at the very end): quadratic work on such a string takes minutes, linear work milliseconds,
// so finishing inside the test timeout is the check (no timing is asserted).
import { describe, expect, it } from 'vitest';
import { deferralMatcher, findDeferralPhrase } from '../../src/model/deferral.js';

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length));

const HOSTILE: Array<[string, string]> = [
  ['actors without a verb', fill('the ops team ')],
  ['possessive actors', fill("the client's ops ")],
  ['actors and modals that never reach a verb', fill('ops will the ')],
  ['moments without a cue', fill('after go-live ')],
  ['conditions that never complete', fill('when the ')],
  ['open questions that never close', fill('who can the noc ')],
  ['a question mark far from its actor', `ops ${fill('x ')}?`],
  ['words of the hints only', fill('as if when once where ')],
  ['one word without spaces', fill('ops')],
  ['hyphens and spaces of list entries', fill('best - - ')],
  ['possessives without an owner', fill("'s ")],
  ['determiners before nothing', fill('the our a ')],
  ['verbs by an actor that never ends its noun phrase', fill('sized by the ops ')],
  ['later phases as subjects', fill('phase 2 adds ')],
  ['abbreviations and arrows', fill('w/ -> b/c ')],
];

describe('deferral matcher on hostile text', () => {
  it.each(HOSTILE)('reads %s (100 KB) in one pass', (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(SIZE);
    const phrase = findDeferralPhrase(text);
    // whatever it finds is a phrase of the text, not the text
    if (phrase !== undefined) expect(phrase.length).toBeLessThan(1_000);
  });

  it('reads hostile text with configured phrases and exceptions in one pass', () => {
    const m = deferralMatcher({ phrases: ['queued with the ccoe'], ignore: ['ops will'] });
    expect(m(fill('queued with the '))).toBeUndefined();
    expect(m(fill('ops will the '))).toBeUndefined();
    expect(m(`${fill('queued with the ')}ccoe`)).toBe('queued with the ccoe');
  });

  it('still finds a deferral at the end of 100 KB of near-matches', () => {
    expect(findDeferralPhrase(`${fill('the ops team ')}. Ops will size it after go-live.`)).toBe('Ops will size it after go-live');
  });
});
