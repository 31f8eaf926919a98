import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/schema/suggest.js';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('targte', 'target')).toBe(1);
    expect(editDistance('rto', 'rpo')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
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

  it('stays exact over a large catalog of names', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `service-${i.toString(36)}`);
    expect(didYouMean('servcie-zz', names)).toBe('service-zz');
    expect(didYouMean('completely-unrelated-name', names)).toBeUndefined();
  });
});
