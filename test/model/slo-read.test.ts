// What the SLO formats share (src/model/slo/read.ts): percents from ratios and as written, and
// windows from OpenSLO's shorthand and v1alpha's unit and count, in whole seconds.
import { describe, expect, it } from 'vitest';
import { isObj, percent, percentOfRatio, shorthandSeconds, text, unitCountSeconds } from '../../src/model/slo/read.js';

const DAY = 86_400;

describe('isObj and text', () => {
  it('takes a mapping for an object, not null or a list', () => {
    expect(isObj({})).toBe(true);
    expect(isObj(null)).toBe(false);
    expect(isObj([])).toBe(false);
    expect(isObj('x')).toBe(false);
  });

  it('trims a text, and gives nothing for a blank one or another type', () => {
    expect(text('  checkout ')).toBe('checkout');
    expect(text('   ')).toBeUndefined();
    expect(text('')).toBeUndefined();
    expect(text(5)).toBeUndefined();
  });
});

describe('percentOfRatio', () => {
  it('reads a ratio as a percent, rounded to what was meant', () => {
    expect(percentOfRatio(0.999)).toBe(99.9);
    expect(percentOfRatio(0.9995)).toBe(99.95);
    expect(percentOfRatio(0.99999)).toBe(99.999);
    expect(percentOfRatio(1)).toBe(100);
    expect(percentOfRatio(1e-10)).toBe(1e-8);
  });

  it('gives nothing for 0, a negative ratio, one over 1, or no finite number', () => {
    expect(percentOfRatio(0)).toBeUndefined();
    expect(percentOfRatio(-0.5)).toBeUndefined();
    expect(percentOfRatio(1.0001)).toBeUndefined();
    expect(percentOfRatio(99.9)).toBeUndefined();
    expect(percentOfRatio(Number.NaN)).toBeUndefined();
    expect(percentOfRatio(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(percentOfRatio('0.999')).toBeUndefined();
  });
});

describe('percent', () => {
  it('keeps a percent over 0 and up to 100', () => {
    expect(percent(99.9)).toBe(99.9);
    expect(percent(100)).toBe(100);
    expect(percent(0.5)).toBe(0.5);
  });

  it('gives nothing for 0, a negative one, one over 100, or no finite number', () => {
    expect(percent(0)).toBeUndefined();
    expect(percent(-1)).toBeUndefined();
    expect(percent(100.01)).toBeUndefined();
    expect(percent(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(percent('99.9')).toBeUndefined();
  });
});

describe('shorthandSeconds', () => {
  it('reads calendar months, quarters and years as 30, 90 and 365 days', () => {
    expect(shorthandSeconds('1M')).toBe(30 * DAY);
    expect(shorthandSeconds('2Q')).toBe(180 * DAY);
    expect(shorthandSeconds('1Y')).toBe(365 * DAY);
    expect(shorthandSeconds(' 3M ')).toBe(90 * DAY);
    expect(shorthandSeconds('12M')).toBe(360 * DAY);
  });

  it('reads the durations of the warranty too, trimmed', () => {
    expect(shorthandSeconds('28d')).toBe(28 * DAY);
    expect(shorthandSeconds('4w')).toBe(28 * DAY);
    expect(shorthandSeconds(' 28d ')).toBe(28 * DAY);
    expect(shorthandSeconds('PT1H')).toBe(3600);
  });

  it('gives nothing for a zero, a fraction, a window too long to count, text of another kind, or no text', () => {
    expect(shorthandSeconds('0d')).toBeUndefined();
    expect(shorthandSeconds('0M')).toBeUndefined();
    expect(shorthandSeconds('PT1.5S')).toBeUndefined();
    expect(shorthandSeconds(`${'9'.repeat(20)}d`)).toBeUndefined();
    expect(shorthandSeconds(`${'9'.repeat(20)}M`)).toBeUndefined();
    expect(shorthandSeconds('1m1M')).toBeUndefined();
    expect(shorthandSeconds('1Mx')).toBeUndefined();
    expect(shorthandSeconds('1M1')).toBeUndefined();
    expect(shorthandSeconds('M')).toBeUndefined();
    expect(shorthandSeconds('1X')).toBeUndefined();
    expect(shorthandSeconds('a month')).toBeUndefined();
    expect(shorthandSeconds(28)).toBeUndefined();
  });
});

describe('unitCountSeconds', () => {
  it('reads each unit, in any case', () => {
    expect(unitCountSeconds('Second', 30)).toBe(30);
    expect(unitCountSeconds('minute', 5)).toBe(300);
    expect(unitCountSeconds('HOUR', 2)).toBe(7200);
    expect(unitCountSeconds('Day', 28)).toBe(28 * DAY);
    expect(unitCountSeconds('Week', 1)).toBe(7 * DAY);
    expect(unitCountSeconds('Month', 1)).toBe(30 * DAY);
    expect(unitCountSeconds('Quarter', 1)).toBe(90 * DAY);
    expect(unitCountSeconds('Year', 1)).toBe(365 * DAY);
  });

  it('gives nothing for an unknown unit, a count of 0 or less, or one that makes no whole window', () => {
    expect(unitCountSeconds('Fortnight', 1)).toBeUndefined();
    expect(unitCountSeconds('toString', 1)).toBeUndefined();
    expect(unitCountSeconds(7, 1)).toBeUndefined();
    expect(unitCountSeconds('Day', 0)).toBeUndefined();
    expect(unitCountSeconds('Day', -1)).toBeUndefined();
    expect(unitCountSeconds('Day', '28')).toBeUndefined();
    expect(unitCountSeconds('Day', Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(unitCountSeconds('Second', 0.5)).toBeUndefined();
    expect(unitCountSeconds('Year', 1e300)).toBeUndefined();
  });
});
