// Word wrap as the report uses it for every paragraph and finding (src/formatters/text-layout.ts).
import { describe, expect, it } from 'vitest';
import { padEnd, padStart, truncate, truncateMiddle, wrap } from '../../src/formatters/text-layout.js';

describe('wrap', () => {
  it('gives one line for empty text, with the first prefix and no trailing spaces', () => {
    expect(wrap('', 10)).toEqual(['']);
    expect(wrap('', 10, '    ')).toEqual(['']);
    expect(wrap('', 10, '> ')).toEqual(['>']);
  });

  it('drops the spaces before the first word and at the end of a line', () => {
    expect(wrap('  a b', 10)).toEqual(['a b']);
    expect(wrap('   alpha', 10, '  ')).toEqual(['  alpha']);
    expect(wrap('alpha   beta', 8)).toEqual(['alpha', 'beta']);
  });

  it('keeps a word whole on the first line when it fits there, though it is wider than the later lines allow', () => {
    expect(wrap('abcdefgh', 10, '', '    ')).toEqual(['abcdefgh']);
    expect(wrap('abcdefghij', 10, '', '    ')).toEqual(['abcdefghij']);
    expect(wrap('abcdefghijk', 10, '', '    ')).toEqual(['abcdef', '    ghijk']);
  });

  it('breaks before a word that does not fit and keeps the spaces between words that do', () => {
    expect(wrap('ab  cd ef', 6)).toEqual(['ab  cd', 'ef']);
    expect(wrap('ab cd', 5)).toEqual(['ab cd']);
    expect(wrap('ab cde', 5)).toEqual(['ab', 'cde']);
  });
});

describe('truncate', () => {
  it('keeps text that fits, and cuts the rest to the width, ellipsis included', () => {
    expect(truncate('abcd', 4, '…')).toBe('abcd');
    expect(truncate('abcde', 4, '…')).toBe('abc…');
    expect(truncate('abcde', 4, '..')).toBe('ab..');
  });

  it('gives as much of the ellipsis as fits when there is no room for text', () => {
    expect(truncate('abcdef', 3, '...')).toBe('...');
    expect(truncate('\u200babcdef', 3, '...')).toBe('...');
    expect(truncate('abcdef', 2, '...')).toBe('..');
    expect(truncate('abcdef', 0, '...')).toBe('');
    expect(truncate('abcdef', -1, '...')).toBe('');
  });

  it('never splits a wide character or a character from its combining marks', () => {
    expect(truncate('決済サービス', 5, '…')).toBe('決済…');
    expect(truncate('a決済', 3, '…')).toBe('a…');
    expect(truncate('e\u0301e\u0301e\u0301', 2, '…')).toBe('e\u0301…');
  });
});

describe('padEnd and padStart', () => {
  it('pad to the display width, wide characters taking two columns, and never cut', () => {
    expect(padEnd('決', 4)).toBe('決  ');
    expect(padStart('決', 4)).toBe('  決');
    expect(padEnd('ab', 3)).toBe('ab ');
    expect(padStart('ab', 3)).toBe(' ab');
    expect(padEnd('abcdef', 3)).toBe('abcdef');
    expect(padStart('abcdef', 3)).toBe('abcdef');
  });
});

describe('wrap, words longer than a line', () => {
  it('splits a word where the line ends, fitting pieces exactly', () => {
    expect(wrap('abcdef', 3)).toEqual(['abc', 'def']);
    expect(wrap('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
  });

  it('puts a wide character alone on a line narrower than it', () => {
    expect(wrap('決済', 1)).toEqual(['決', '済']);
    expect(wrap('決済サ', 4)).toEqual(['決済', 'サ']);
  });

  it('splits to the room left by the wider prefix, and at least one column', () => {
    expect(wrap('abcdefghij', 6, '> ', '    ')).toEqual(['> ab', '    cd', '    ef', '    gh', '    ij']);
    expect(wrap('abc', 2, '    ')).toEqual(['    a', '    b', '    c']);
    expect(wrap('abcdefgh', 10, '  ')).toEqual(['  abcdefgh']);
    expect(wrap('abcdefghi', 10, '  ')).toEqual(['  abcdefgh', '  i']);
  });

  it('goes on after the last piece of a split word as after any word', () => {
    expect(wrap('abcdefg hi', 4)).toEqual(['abcd', 'efg', 'hi']);
    expect(wrap('abcdefg h', 5)).toEqual(['abcde', 'fg h']);
  });

  it('counts the width of each word added to a line', () => {
    expect(wrap('a b c d', 5)).toEqual(['a b c', 'd']);
    expect(wrap('ab  cd', 5)).toEqual(['ab', 'cd']);
    expect(wrap('決 済 サ', 5)).toEqual(['決 済', 'サ']);
    expect(wrap('a   ', 10)).toEqual(['a']);
  });
});

describe('truncateMiddle', () => {
  it('keeps text that fits', () => {
    expect(truncateMiddle('abcde', 5, '…')).toBe('abcde');
  });

  it('keeps 60% of the room for the start and the rest for the end', () => {
    expect(truncateMiddle('abcdefghij', 5, '…')).toBe('abc…j');
    expect(truncateMiddle('abcdefghijklmnop', 11, '…')).toBe('abcdef…mnop');
    expect(truncateMiddle('abcdefghijklmnop', 9, '...')).toBe('abcd...op');
  });

  it('cuts at the end when there is room for fewer than four characters', () => {
    expect(truncateMiddle('abcdefgh', 4, '…')).toBe('abc…');
    expect(truncateMiddle('abcdefgh', 6, '...')).toBe('abc...');
  });

  it('counts wide characters as two columns on both sides', () => {
    expect(truncateMiddle('決済サービス-決済サービス', 9, '…')).toBe('決済…ビス');
    expect(truncateMiddle('決済サービス-決済サービス', 10, '…')).toBe('決済サ…ス');
  });
});
