// Word wrap as the report uses it for every paragraph and finding (src/formatters/text-layout.ts).
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/formatters/text-layout.js';

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
