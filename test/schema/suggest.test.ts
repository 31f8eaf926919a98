import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../support/fast-check-seed.js';
import { didYouMean, editDistance } from '../../src/schema/suggest.js';

/** The textbook optimal string alignment distance, with fresh rows: the reference for the fast one. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('targte', 'target')).toBe(1);
    expect(editDistance('rto', 'rpo')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('agrees with the textbook distance on any strings, one call after another (its rows are reused)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'é'), maxLength: 90 });
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        const bounded = editDistance(a, b, max);
        if (exact <= max) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(max);
      }),
      { numRuns: 400 },
    );
  });

  it('gives up above the bound: any value above it, never a wrong one below', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBeGreaterThan(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('didYouMean', () => {
  it('suggests the closest candidate within its allowance, the first of equals', () => {
    expect(didYouMean('targte', ['target', 'window'])).toBe('target');
    expect(didYouMean('paymnets', ['payments', 'payment-gateway'])).toBe('payments');
    expect(didYouMean('Confidential', ['public', 'confidential'])).toBe('confidential');
    expect(didYouMean('xyz', ['target', 'window'])).toBeUndefined();
    expect(didYouMean('ab', ['ax', 'ay'])).toBe('ax');
  });

  it('gives what the distance alone gives: its length and character bounds only skip candidates that could not win', () => {
    /** The plain search, without the bounds. */
    const plain = (input: string, candidates: readonly string[]): string | undefined => {
      let best: string | undefined;
      let bestScore = Infinity;
      for (const c of candidates) {
        const limit = Math.min(Math.max(1, Math.floor(Math.max(input.length, c.length) / 3)), bestScore - 1);
        if (limit < 0) break;
        const score = editDistance(input.toLowerCase(), c.toLowerCase(), limit);
        if (score <= limit) {
          best = c;
          bestScore = score;
        }
      }
      return best;
    };
    // Characters whose bits collide (a and !: 97 and 33), case that changes length (İ), digits and dashes.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '!', '-', '1', 'İ', 'é', 'z'), maxLength: 14 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 30 }), (input, candidates) => {
        expect(didYouMean(input, candidates)).toBe(plain(input, candidates));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays exact over a large catalog of names', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `service-${i.toString(36)}`);
    expect(didYouMean('servcie-zz', names)).toBe('service-zz');
    expect(didYouMean('completely-unrelated-name', names)).toBeUndefined();
  });
});
