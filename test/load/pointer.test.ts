import { describe, expect, it } from 'vitest';
import { escapeSegment, joinPointer, pointerToPath, splitPointer } from '../../src/load/pointer.js';

describe('JSON pointers (RFC 6901)', () => {
  it('escapes ~ and / in a segment, and nothing else', () => {
    expect(escapeSegment('target')).toBe('target');
    expect(escapeSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapeSegment('~1')).toBe('~01');
    expect(escapeSegment(3)).toBe('3');
  });

  it('round-trips any key through join and split', () => {
    for (const key of ['plain', 'a/b', '~', '~1', '/~0/', '', 'x-ünïcode key']) {
      expect(splitPointer(joinPointer('/spec', key))).toEqual(['spec', key]);
    }
    expect(splitPointer('')).toEqual([]);
  });

  it('names a place as people read it', () => {
    expect(pointerToPath('/spec/warranty/continuity/rto')).toBe('spec.warranty.continuity.rto');
    expect(pointerToPath('/spec/dependsOn/0')).toBe('spec.dependsOn[0]');
  });
});
