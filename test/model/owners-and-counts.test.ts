// Generic owners in the forms catalogs write them, and which services a portfolio share counts.
import { describe, expect, it } from 'vitest';
import { countedServices } from '../../src/model/portfolio.js';
import { isGenericOwner } from '../../src/model/vocabulary.js';
import type { Service } from '../../src/model/types.js';

describe('isGenericOwner', () => {
  const aliases = ['ops', 'on-call', 'it-support'];

  it('sees an alias through an entity ref, a namespace, a handle or an e-mail domain', () => {
    for (const owner of ['ops', 'group:default/ops', 'group:ops', 'default/ops', '@ops', 'ops@example.com', ' ops ', 'OnCall', 'on-call', 'team-ops', 'the-ops-team', 'ops-on-call'])
      expect([owner, isGenericOwner(owner, aliases)]).toEqual([owner, true]);
  });

  it('keeps an owner with a word of its own, and one with no words at all', () => {
    for (const owner of ['payments-ops', 'group:default/payments', 'jones@example.com', 'team', '@', '---', 'opsx'])
      expect([owner, isGenericOwner(owner, aliases)]).toEqual([owner, false]);
  });

  it('gives the same answer when asked again (answers are remembered per alias list)', () => {
    expect(isGenericOwner('team-ops', aliases)).toBe(true);
    expect(isGenericOwner('team-ops', aliases)).toBe(true);
    expect(isGenericOwner('team-ops', ['sre'])).toBe(false);
  });
});

describe('countedServices', () => {
  it('counts a name once, the first time, and every unnamed service', () => {
    const s = (name: string | null, file: string) => ({ name, file }) as Service;
    const services = [s('a', '1.yaml'), s(null, '2.yaml'), s('a', '3.yaml'), s(null, '4.yaml'), s('b', '5.yaml')];
    expect(countedServices(services).map((x) => x.file)).toEqual(['1.yaml', '2.yaml', '4.yaml', '5.yaml']);
  });
});
