// Where catalog findings land once their documents are gone: at declared positions kept while
// parsing, at any other pointer by reading the file again, and only as a last resort at the
// nearest kept position above the pointer.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lint } from '../../src/engine/lint.js';
import { nearestKeptRange, rangeAfterParse } from '../../src/load/locate.js';
import { dependencyUnknown } from '../../src/rules/dependency-unknown.js';
import type { CatalogReport } from '../../src/rules/types.js';
import { sketch } from '../support/catalog.js';
import { tempTree } from '../support/run-cli.js';

const r = (line: number, column: number) => ({ line, column, endLine: line, endColumn: column + 1 });

describe('positions after the document is gone', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('walks up to the nearest kept key, then the document start (the last resort)', () => {
    const anchors = { '': r(1, 1), '/spec/dependsOn/0': r(9, 7), 'key:/spec/warranty': r(11, 3) };
    expect(nearestKeptRange(anchors, '/spec/dependsOn/0')).toEqual(r(9, 7));
    expect(nearestKeptRange(anchors, '/spec/dependsOn/0/service')).toEqual(r(9, 7));
    expect(nearestKeptRange(anchors, '/spec/warranty/continuity/rto')).toEqual(r(11, 3));
    expect(nearestKeptRange(anchors, '/metadata/name')).toEqual(r(1, 1));
    expect(nearestKeptRange({}, '/metadata/name')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });

  it('prefers a kept range, then the document read again, then the walk up', () => {
    const anchors = { '': r(1, 1), '/spec/dependsOn/0': r(9, 7) };
    const reread = vi.fn(() => () => r(20, 5));
    expect(rangeAfterParse(anchors, '/spec/dependsOn/0', 'value', reread)).toEqual(r(9, 7));
    expect(reread).not.toHaveBeenCalled();
    expect(rangeAfterParse(anchors, '/spec/warranty/continuity/rto', 'value', reread)).toEqual(r(20, 5));
    expect(rangeAfterParse(anchors, '/spec/dependsOn/0/x', 'value', () => undefined)).toEqual(r(9, 7));
  });

  /** A catalog rule reporting where no catalog rule declared a position: continuity.rto. */
  function reportAtRto(): void {
    vi.spyOn(dependencyUnknown, 'check').mockImplementation(function* ({ services }): Generator<CatalogReport> {
      for (const service of services) yield { service, pointer: `${service.areas.continuity.pointer}/rto`, message: 'about the rto' };
    });
  }

  it('places a catalog finding at an undeclared pointer exactly, by reading the file again', async () => {
    reportAtRto();
    const text = sketch({ name: 'a', rto: '4h', rpo: '1h' });
    const root = tempTree({ 'a.yaml': text });
    const result = await lint({ cwd: root, paths: ['a.yaml'], config: resolveConfig({}), now: '2026-11-26' });
    const found = result.findings.filter((f) => f.ruleId === 'dependency-unknown');
    const rtoLine = text.split('\n').findIndex((l) => l.trim().startsWith('rto:')) + 1;
    expect(found.map((f) => [f.line, f.column, f.pointer])).toEqual([[rtoLine, 12, '/spec/warranty/continuity/rto']]);
  });

  it('does so for standard input too, which cannot be read again', async () => {
    reportAtRto();
    const text = sketch({ name: 'a', rto: '4h', rpo: '1h' });
    const result = await lint({ cwd: '/', stdin: { text, filename: 'svc.yaml' }, config: resolveConfig({}), now: '2026-11-26' });
    const rtoLine = text.split('\n').findIndex((l) => l.trim().startsWith('rto:')) + 1;
    expect(result.findings.filter((f) => f.ruleId === 'dependency-unknown').map((f) => f.line)).toEqual([rtoLine]);
  });

  it('falls back to the nearest kept position when the file is gone', async () => {
    const text = sketch({ name: 'a', rto: '4h', rpo: '1h' });
    const root = tempTree({ 'a.yaml': text });
    vi.spyOn(dependencyUnknown, 'check').mockImplementation(function* ({ services }): Generator<CatalogReport> {
      rmSync(join(root, 'a.yaml'));
      for (const service of services) yield { service, pointer: `${service.areas.continuity.pointer}/rto`, message: 'about the rto' };
    });
    const result = await lint({ cwd: root, paths: ['a.yaml'], config: resolveConfig({}), now: '2026-11-26' });
    // The document's first key: no position under continuity was kept.
    expect(result.findings.filter((f) => f.ruleId === 'dependency-unknown').map((f) => [f.line, f.column])).toEqual([[1, 1]]);
  });
});
