// Durations, percentages, dates and sizes as service definitions and configs write them, and as
// messages print them back.
import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, parseDay, parseDuration, parsePercent, parseSize } from '../../src/model/units.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['15m', 900],
    ['4h', 14_400],
    ['30d', 2_592_000],
    ['2w', 1_209_600],
    ['0m', 0],
    ['120m', 7200],
  ])('reads the short form %j as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    ['PT4H', 14_400],
    ['PT15M', 900],
    ['PT30S', 30],
    ['PT1.5S', 1.5],
    ['P30D', 2_592_000],
    ['P2W', 1_209_600],
    ['P1M', 2_592_000],
    ['P1Y', 31_536_000],
    ['P1DT1H1M1S', 86_400 + 3600 + 60 + 1],
    ['P1Y2M3W4DT5H6M7S', 31_536_000 + 2 * 2_592_000 + 3 * 604_800 + 4 * 86_400 + 5 * 3600 + 6 * 60 + 7],
  ])('reads the ISO 8601 form %j as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '4', 'h', '4 h', ' 4h', '4h ', '4H', '4y', '1.5h', '-4h', 'P', 'PT', 'P1H', 'PT4', 'P4D1H', 'xPT4H', 'PT4Hx', 'P1DT', 'four hours'])('is undefined for %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each([4, null, undefined, true, ['4h'], { h: 4 }])('is undefined for the non-string %j', (value) => {
    expect(parseDuration(value)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1s'],
    [59, '59s'],
    [60, '1m'],
    [900, '15m'],
    [3600, '1h'],
    [5400, '1h30m'],
    [3661, '1h1m1s'],
    [86_400, '1d'],
    [90_000, '1d1h'],
    [2_592_000, '30d'],
    [172_800 + 60, '2d1m'],
    [89.6, '1m30s'],
  ])('writes %d seconds as %j', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('writes back the short durations parseDuration reads, and an ISO one in short form', () => {
    for (const text of ['30s', '15m', '4h', '30d']) expect(formatDuration(parseDuration(text) as number)).toBe(text);
    expect(formatDuration(parseDuration('PT1H30M') as number)).toBe('1h30m');
  });
});

describe('what is text only when it is a string', () => {
  it('reads no list whose text would be a percent, a day or a size', () => {
    expect(parsePercent(['99%'])).toBeUndefined();
    expect(parseDay(['2026-01-01'])).toBeUndefined();
    expect(parseSize(['10MiB'])).toBeUndefined();
    expect(parsePercent('x99%')).toBeUndefined();
    expect(parsePercent('99%x')).toBeUndefined();
  });
});

describe('parsePercent', () => {
  // A string needs its % sign: a bare "99.9" is a schema finding, not a target.
  it.each([
    [99.9, 99.9],
    [100, 100],
    [0, 0],
    ['99.95%', 99.95],
    [' 99.9 % ', 99.9],
    ['99%', 99],
  ])('reads %j as %d', (value, n) => {
    expect(parsePercent(value)).toBe(n);
  });

  it.each(['', '99.9', '%', 'ninety-nine', '99.9.9', '.9', '9.', '-1', '99,9', NaN, Infinity, null, undefined, true])('is undefined for %j', (value) => {
    expect(parsePercent(value)).toBeUndefined();
  });
});

describe('parseDay and formatDay', () => {
  it('counts days since 1970-01-01', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay('2026-11-26')).toBe(20_783);
    expect(parseDay('1969-12-31')).toBe(-1);
  });

  it('takes a leap day only in a leap year, and no day a month does not have', () => {
    expect(parseDay('2028-02-29')).toBe((parseDay('2028-02-28') as number) + 1);
    expect(parseDay('2000-02-29')).toBeDefined();
    for (const text of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) {
      expect([text, parseDay(text)]).toEqual([text, undefined]);
    }
  });

  it.each(['', '2026-1-01', '2026-01-1', '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', ' 2026-01-01', '2026-01-01 ', 'tomorrow'])('is undefined for %j', (text) => {
    expect(parseDay(text)).toBeUndefined();
  });

  it.each([20_783, null, undefined, new Date(0)])('is undefined for the non-string %j', (value) => {
    expect(parseDay(value)).toBeUndefined();
  });

  it('formats a day back as YYYY-MM-DD', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(20_783)).toBe('2026-11-26');
    for (const text of ['2000-02-29', '2026-12-31', '2027-01-01', '1969-12-31']) expect(formatDay(parseDay(text) as number)).toBe(text);
  });
});

describe('parseSize', () => {
  it.each([
    [0, 0],
    [1000, 1000],
    [1.5, 1.5],
    ['1000', 1000],
    ['10B', 10],
    ['512KB', 512_000],
    ['512KiB', 524_288],
    ['10MB', 10_000_000],
    ['10MiB', 10_485_760],
    ['1GB', 1e9],
    ['1GiB', 1_073_741_824],
    ['10mib', 10_485_760],
    [' 1.5 KiB ', 1536],
    ['0.5KB', 500],
    ['1.0001KB', 1000],
  ])('reads %j as %d bytes', (value, bytes) => {
    expect(parseSize(value)).toBe(bytes);
  });

  it.each([-1, NaN, Infinity, '', 'ten', '10 TB', '10M', 'MiB', '-10MiB', '10MiBs', '1,000', null, undefined, true])('is undefined for %j', (value) => {
    expect(parseSize(value)).toBeUndefined();
  });
});
