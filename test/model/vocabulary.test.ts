// The words the rules judge values by (src/model/vocabulary.ts): placeholders, vague words and
// empty values, and generic owners made of aliases and filler words.
import { describe, expect, it } from 'vitest';
import { isGenericOwner, placeholderKind } from '../../src/model/vocabulary.js';

describe('placeholderKind', () => {
  it('takes null and a blank string for empty, and a value of another type for fine', () => {
    expect(placeholderKind(null)).toBe('empty');
    expect(placeholderKind('')).toBe('empty');
    expect(placeholderKind(' \t ')).toBe('empty');
    expect(placeholderKind(undefined)).toBeUndefined();
    expect(placeholderKind(0)).toBeUndefined();
    expect(placeholderKind(false)).toBeUndefined();
    expect(placeholderKind(['TBD'])).toBeUndefined();
    expect(placeholderKind({ a: 'TBD' })).toBeUndefined();
  });

  it.each(['TBD', 'tbd', ' TBD ', 'TBD.', 'TBD!!', 'TBD.!.', 'To  Be\tDefined', 'n/a', 'N/A', 'not applicable', 'later', 'placeholder', 'xxx'])('takes %j for a placeholder', (v) => {
    expect(placeholderKind(v)).toBe('placeholder');
  });

  it.each(['?', '???', '-', '---', '<fill me in>', '<>', '...', '…', 'TBD: ask ops', 'todo later', 'FIXME soon', 'tbc-2026'])('takes the pattern %j for a placeholder', (v) => {
    expect(placeholderKind(v)).toBe('placeholder');
  });

  it.each(['High', 'best effort', 'As  soon as possible', 'business hours.', 'always on', 'unlimited'])('takes %j for vague', (v) => {
    expect(placeholderKind(v)).toBe('vague');
  });

  it.each(['4h', '99.9', 'TBDx', 'tbda', 'xTBD', '<a<b>', '....', '?!', '-?', 'a-', 'high availability', 'not high', 'todos', '. TBD', 'laterx'])('takes %j for a value', (v) => {
    expect(placeholderKind(v)).toBeUndefined();
  });

  it('matches a pattern on the trimmed value', () => {
    expect(placeholderKind(' ??? ')).toBe('placeholder');
    expect(placeholderKind('\t<owner>\n')).toBe('placeholder');
  });

  it('has no extra words unless given: other text is a value', () => {
    for (const v of ['ask bob', 'Stryker was here', 'see runbook']) expect(placeholderKind(v)).toBeUndefined();
  });

  it('takes the extra words of the config in any case and spacing, with trailing punctuation dropped', () => {
    expect(placeholderKind('Ask  Bob', ['ask bob'])).toBe('placeholder');
    expect(placeholderKind('ask bob', [' ASK BOB. '])).toBe('placeholder');
    expect(placeholderKind('ask bob', ['ask'])).toBeUndefined();
    expect(placeholderKind('ask bob')).toBeUndefined();
  });

  it('drops only trailing dots and exclamation marks, however many', () => {
    expect(placeholderKind('later' + '.'.repeat(10_000))).toBe('placeholder');
    expect(placeholderKind('later!')).toBe('placeholder');
    expect(placeholderKind('later.!.')).toBe('placeholder');
    expect(placeholderKind('High!')).toBe('vague');
    expect(placeholderKind('later?')).toBeUndefined();
    expect(placeholderKind('later,')).toBeUndefined();
    expect(placeholderKind('.later')).toBeUndefined();
  });
});

describe('isGenericOwner', () => {
  it('splits camel case, and any run of other characters, into words', () => {
    expect(isGenericOwner('teamOps', ['ops'])).toBe(true);
    expect(isGenericOwner('OPS', ['ops'])).toBe(true);
    expect(isGenericOwner('ops__team..group', ['ops'])).toBe(true);
    expect(isGenericOwner('ops2', ['ops'])).toBe(false);
    expect(isGenericOwner('SreOnCall', ['sre', 'on-call'])).toBe(true);
    expect(isGenericOwner('-ops-', ['ops'])).toBe(true);
    expect(isGenericOwner('ops', ['-ops-'])).toBe(true);
  });

  it('covers the name end to end by alias sequences of several words, and not a part of one', () => {
    expect(isGenericOwner('on-call', ['on-call'])).toBe(true);
    expect(isGenericOwner('on', ['on-call'])).toBe(false);
    expect(isGenericOwner('call-on', ['on-call'])).toBe(false);
    expect(isGenericOwner('on-call-ops', ['on-call', 'ops'])).toBe(true);
    expect(isGenericOwner('ops-on', ['on-call', 'ops'])).toBe(false);
    expect(isGenericOwner('ops-x', ['ops'])).toBe(false);
    expect(isGenericOwner('x-ops', ['ops'])).toBe(false);
    expect(isGenericOwner('on-x', ['on-call'])).toBe(false);
    expect(isGenericOwner('x-call', ['on-call'])).toBe(false);
    expect(isGenericOwner('ops-ops', ['ops'])).toBe(true);
  });

  it('ignores an alias with no words, and finds nothing generic with no aliases', () => {
    expect(isGenericOwner('ops', ['', '--', 'ops'])).toBe(true);
    expect(isGenericOwner('ops', ['--'])).toBe(false);
    expect(isGenericOwner('ops', [])).toBe(false);
  });

  it('drops the kind and namespace of a reference, a handle and a domain, but keeps a word of its own', () => {
    expect(isGenericOwner('user:default/ops', ['ops'])).toBe(true);
    expect(isGenericOwner('user:ops', ['ops'])).toBe(true);
    expect(isGenericOwner('u:ops', ['ops'])).toBe(true);
    expect(isGenericOwner('ops payments:', ['ops'])).toBe(false);
    expect(isGenericOwner('group:a/b/ops', ['ops'])).toBe(true);
    expect(isGenericOwner('payments/ops', ['ops'])).toBe(true);
    expect(isGenericOwner('ops/payments', ['ops'])).toBe(false);
    expect(isGenericOwner('ops@payments.example', ['ops'])).toBe(true);
    expect(isGenericOwner('payments@ops.example', ['ops'])).toBe(false);
    expect(isGenericOwner('group:payments', ['ops'])).toBe(false);
    expect(isGenericOwner('ops: payments', ['ops'])).toBe(false);
    expect(isGenericOwner('  @ops  ', ['ops'])).toBe(true);
    expect(isGenericOwner('x@ops', ['ops'])).toBe(false);
  });

  it('judges each alias list on its own, whichever was asked first', () => {
    const opsOnly = ['ops'];
    const sreOnly = ['sre'];
    expect(isGenericOwner('sre', opsOnly)).toBe(false);
    expect(isGenericOwner('sre', sreOnly)).toBe(true);
    expect(isGenericOwner('sre', opsOnly)).toBe(false);
  });
});
