// Findings meet services by document (src/model/documents.ts): the file and the document's index,
// or the document's own file when a finding is in a substituted one.
import { describe, expect, it } from 'vitest';
import { ServicesByDocument } from '../../src/model/documents.js';
import type { Service } from '../../src/model/types.js';

const svc = (file: string, doc: number, name: string): Service => ({ file, doc, name }) as Service;

describe('ServicesByDocument', () => {
  it('takes no file for no file, not for a file named "null"', () => {
    const named = svc('null', 0, 'n');
    const byDoc = new ServicesByDocument([named]);
    expect(byDoc.of({ file: 'null', document: 0 })).toBe(named);
    expect(byDoc.of({ file: null, document: 0 })).toBeUndefined();
    expect(byDoc.of({ file: null, document: 0, documentFile: 'null' })).toBe(named);
  });

  const a0 = svc('a.yaml', 0, 'a0');
  const a1 = svc('a.yaml', 1, 'a1');
  const b0 = svc('b.yaml', 0, 'b0');
  // A file whose name ends in a digit must not meet another document of a shorter name.
  const a10 = svc('a.yaml1', 0, 'a10');
  const byDoc = new ServicesByDocument([a0, a1, b0, a10]);

  it('finds the service of a file and document index', () => {
    expect(byDoc.of({ file: 'a.yaml', document: 0 })).toBe(a0);
    expect(byDoc.of({ file: 'a.yaml', document: 1 })).toBe(a1);
    expect(byDoc.of({ file: 'b.yaml', document: 0 })).toBe(b0);
    expect(byDoc.of({ file: 'a.yaml1', document: 0 })).toBe(a10);
    expect(byDoc.of({ file: 'b.yaml', document: 1 })).toBeUndefined();
    expect(byDoc.of({ file: 'c.yaml', document: 0 })).toBeUndefined();
  });

  it("takes the document's own file over the finding's", () => {
    expect(byDoc.of({ file: 'shared/warranty.yaml', document: 1, documentFile: 'a.yaml' })).toBe(a1);
    expect(byDoc.of({ file: null, document: 0, documentFile: 'b.yaml' })).toBe(b0);
  });

  it('finds none for a finding about a file or the portfolio', () => {
    expect(byDoc.of({ file: 'a.yaml', document: null })).toBeUndefined();
    expect(byDoc.of({ file: null, document: null })).toBeUndefined();
    expect(byDoc.of({ file: null, document: 0 })).toBeUndefined();
  });
});
