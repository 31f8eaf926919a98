// When a waiver is in force and what it covers (src/model/waiver.ts): from its expiry to the day
// itself, no further ahead than limits allow, for its rule and, when it names one, its area only.
import { describe, expect, it } from 'vitest';
import type { Waiver } from '../../src/model/types.js';
import { waiverCovers, waiverFor, waiverInForce } from '../../src/model/waiver.js';

const TODAY = 20_000;
const waiver = (extra: Partial<Waiver> = {}): Waiver => ({ index: 0, pointer: '/spec/waivers/0', rule: 'warranty-area-missing', reason: 'r', approvedBy: 'a', expires: TODAY + 30, ...extra });

describe('waiverInForce', () => {
  it('holds up to and including its expiry day, and no further ahead than maxDays', () => {
    expect(waiverInForce(waiver({ expires: TODAY }), TODAY, 90)).toBe(true);
    expect(waiverInForce(waiver({ expires: TODAY - 1 }), TODAY, 90)).toBe(false);
    expect(waiverInForce(waiver({ expires: TODAY + 90 }), TODAY, 90)).toBe(true);
    expect(waiverInForce(waiver({ expires: TODAY + 91 }), TODAY, 90)).toBe(false);
  });

  it('needs a rule and an expiry', () => {
    expect(waiverInForce(waiver({ rule: undefined }), TODAY, 90)).toBe(false);
    expect(waiverInForce(waiver({ expires: undefined }), TODAY, 90)).toBe(false);
  });
});

describe('waiverCovers and waiverFor', () => {
  const missing = (area: string | null) => ({ ruleId: 'warranty-area-missing', area });

  it('covers its rule in every area, or in the area it names only', () => {
    expect(waiverCovers(waiver(), missing('security'), TODAY, 90)).toBe(true);
    expect(waiverCovers(waiver(), missing(null), TODAY, 90)).toBe(true);
    expect(waiverCovers(waiver({ area: 'security' }), missing('security'), TODAY, 90)).toBe(true);
    expect(waiverCovers(waiver({ area: 'security' }), missing('capacity'), TODAY, 90)).toBe(false);
    expect(waiverCovers(waiver(), { ruleId: 'schema', area: 'security' }, TODAY, 90)).toBe(false);
    expect(waiverCovers(waiver({ expires: TODAY - 1 }), missing('security'), TODAY, 90)).toBe(false);
  });

  it('finds the first waiver of a service that covers a finding', () => {
    const expired = waiver({ index: 0, expires: TODAY - 1 });
    const other = waiver({ index: 1, area: 'capacity' });
    const first = waiver({ index: 2, area: 'security' });
    const second = waiver({ index: 3 });
    expect(waiverFor({ waivers: [expired, other, first, second] }, missing('security'), TODAY, 90)).toBe(first);
    expect(waiverFor({ waivers: [expired, other] }, missing('security'), TODAY, 90)).toBeUndefined();
  });
});
