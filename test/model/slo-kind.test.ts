// Which SLO objectives measure availability (and so are compared with availability.target): the
// objective's own words first, most specific first, then a threshold, then its document's words.
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../src/model/slo/read.js';

describe('kindOf', () => {
  it("decides by the first of the objective's own words that names a kind, skipping the missing ones", () => {
    expect(kindOf([undefined, 'p99 latency', 'availability of checkout'], false)).toBe('other');
    expect(kindOf([undefined, 'successful requests', 'fast responses'], false)).toBe('availability');
    expect(kindOf(['checkout', undefined, 'queue backlog'], false)).toBe('other');
  });

  it('takes an objective that compares a value with a threshold for another kind, unless its words say availability', () => {
    expect(kindOf(['checkout'], true)).toBe('other');
    expect(kindOf(['uptime of checkout'], true)).toBe('availability');
    expect(kindOf([], true, ['availability'])).toBe('other');
  });

  it("falls back to the document's words: another kind only when they name one and not availability", () => {
    expect(kindOf(['checkout'], false, [undefined, 'checkout-latency'])).toBe('other');
    expect(kindOf(['checkout'], false, ['checkout', undefined, 'p95 duration'])).toBe('other');
    expect(kindOf(['checkout'], false, ['availability and latency'])).toBe('availability');
    // the words are read together: an undefined one adds nothing that could name a kind
    expect(kindOf(['checkout'], false, [undefined, 'success rate', 'slow path'])).toBe('availability');
    // words apart: "queue" and "up" are two words ("up" says availability), not "queueup"
    expect(kindOf(['checkout'], false, ['queue', 'up'])).toBe('availability');
  });

  it('takes an objective nothing names for availability', () => {
    expect(kindOf([], false)).toBe('availability');
    expect(kindOf([undefined, 'checkout'], false, [undefined, 'payments'])).toBe('availability');
  });
});
