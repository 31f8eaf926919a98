// lintSloDocument, through lintText: an SLO document's schema findings (about no service) and its
// objectives kept for the catalog rules, less what the schema reported (its one finding is the
// schema's: a refused target or window is not compared).
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { lintText } from '../../src/engine/process-file.js';

const OPENSLO = (spec: string, version = 'v1'): string => `apiVersion: openslo/${version}\nkind: SLO\nmetadata: { name: s }\nspec:\n  service: search\n${spec}`;
/** Linted as the second document of slos/s.yaml (the first is not an SLO). */
const lint = (text: string, config = resolveConfig({})) => lintText(`x: 1\n---\n${text}`, { path: 'slos/s.yaml', file: 'slos/s.yaml', explicit: true }, { config, today: 20_000 });

describe('an SLO document', () => {
  it('keeps each objective with its file, document, format and the place of its target', () => {
    const r = lint(OPENSLO('  objectives: [{ target: 0.99, displayName: a }, { target: 0.95, displayName: b }]\n  timeWindow: [{ duration: 28d }]\n'));
    expect(r.findings).toEqual([]);
    expect(r.slos).toEqual([
      { name: 's (a)', service: 'search', target: 99, targetPointer: '/spec/objectives/0/target', window: 2_419_200, windowText: '28d', kind: 'availability', file: 'slos/s.yaml', doc: 1, format: 'openslo', range: { line: 8, column: 26, endLine: 8, endColumn: 30 } },
      { name: 's (b)', service: 'search', target: 95, targetPointer: '/spec/objectives/1/target', window: 2_419_200, windowText: '28d', kind: 'availability', file: 'slos/s.yaml', doc: 1, format: 'openslo', range: { line: 8, column: 60, endLine: 8, endColumn: 64 } },
    ]);
  });

  it('reports what the schema refuses, about no service, and drops that target only', () => {
    const r = lint(OPENSLO('  objectives: [{ target: "0.5", displayName: a }, { target: 0.95, displayName: b }]\n  timeWindow: [{ duration: 28d }]\n'));
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.pointer, f.message, f.file, f.document, f.service, f.area])).toEqual([
      ['schema', 'error', 8, 26, '/spec/objectives/0/target', 'the OpenSLO SLO "s": spec.objectives[0].target must be a number (got "0.5")', 'slos/s.yaml', 1, null, null],
    ]);
    expect(r.slos?.map((s) => [s.name, s.target, s.window])).toEqual([
      ['s (a)', undefined, 2_419_200],
      ['s (b)', 95, 2_419_200],
    ]);
    expect(r.slos?.[0] && 'target' in r.slos[0]).toBe(false);
  });

  it('drops the window of every objective when any part of the time window was refused', () => {
    for (const text of [
      OPENSLO('  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 28d }, { duration: 3 fortnights }]\n'),
      OPENSLO('  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 28d, isRolling: 3 }]\n'),
      OPENSLO('  objectives: [{ target: 0.99 }]\n  timeWindows: [{ unit: Day, count: 28 }, { unit: x, count: 2 }]\n', 'v1alpha'),
    ]) {
      const r = lint(text);
      expect(r.findings.map((f) => f.ruleId)).toEqual(['schema']);
      expect(r.slos?.map((s) => [s.target, s.window, s.windowText, 'window' in s, 'windowText' in s])).toEqual([[99, undefined, undefined, false, false]]);
    }
    // A refused objective leaves the window alone.
    const r = lint(OPENSLO('  objectives: [{ target: "x" }]\n  timeWindow: [{ duration: 28d }]\n'));
    expect(r.slos?.map((s) => [s.target, s.window, s.windowText])).toEqual([[undefined, 2_419_200, '28d']]);
  });

  it('keeps a target the schema did not refuse when another objective was', () => {
    const r = lint(OPENSLO('  objectives: [{ target: 0.99 }, { target: 0.9 }, { target: 2 }]\n  timeWindow: [{ duration: 7d }]\n'));
    expect(r.findings.map((f) => f.pointer)).toEqual(['/spec/objectives/2/target']);
    expect(r.slos?.map((s) => s.target)).toEqual([99, 90, undefined]);
  });

  it('gives its findings the severity the config gives schema for the file', () => {
    const text = OPENSLO('  objectives: [{ target: "x" }]\n');
    expect(lint(text, resolveConfig({ rules: { schema: 'warning' } })).findings.map((f) => f.severity)).toEqual(['warning']);
    expect(lint(text, resolveConfig({ overrides: [{ files: ['slos/**'], rules: { schema: 'info' } }] })).findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('reads Sloth documents alike', () => {
    const r = lint('version: prometheus/v1\nservice: search\nslos: [{ name: availability, objective: "x" }, { name: b, objective: 98 }]\n');
    expect(r.findings.map((f) => [f.pointer, f.line, f.column])).toEqual([['/slos/0/objective', 5, 41]]);
    expect(r.slos?.map((s) => [s.name, s.format, s.target, s.windowText])).toEqual([
      ['availability', 'sloth', undefined, "30d (Sloth's default period)"],
      ['b', 'sloth', 98, "30d (Sloth's default period)"],
    ]);
  });
});
