// applyWaivers and addSloEvidence: two steps of settle() over the run's findings, met with their
// services by document (file and index).
import { describe, expect, it } from 'vitest';
import { makeFinding, unpack, type KeptFinding } from '../../src/engine/finding.js';
import { StringPool } from '../../src/engine/compact.js';
import { addSloEvidence } from '../../src/engine/slo-evidence.js';
import { applyWaivers } from '../../src/engine/waivers.js';
import { ServicesByDocument } from '../../src/model/documents.js';
import { SloIndex, type Slo } from '../../src/model/slo/index.js';
import type { Service, Waiver } from '../../src/model/types.js';
import type { Area } from '../../src/types.js';

const TODAY = 20_000;
const service = (file: string, doc: number, waivers: Waiver[], name = 'svc') => ({ file, doc, name, waivers }) as unknown as Service;
const waiver = (index: number, rule: string, area?: Area, expires = TODAY + 10): Waiver => ({ index, pointer: `/waivers/${index}`, rule, ...(area ? { area } : {}), expires });
const finding = (ruleId: string, file: string | null, document: number | null, area: Area | null = null, service: string | null = 'svc', message = `${ruleId} of "svc".`) =>
  makeFinding({ ruleId, severity: 'error', message, file, range: null, service, area, pointer: null, document });
const WAIVER_RULES = new Set(['waiver-expired', 'waiver-unused']);

describe('applyWaivers', () => {
  it("marks the findings a service's waivers cover, and says which waivers were used, by service", () => {
    const a = service('a.yaml', 0, [waiver(0, 'schema'), waiver(1, 'dependency-unknown', 'continuity'), waiver(2, 'never-found')]);
    const b = service('a.yaml', 1, [waiver(0, 'schema')]);
    const findings = [finding('schema', 'a.yaml', 0), finding('dependency-unknown', 'a.yaml', 0, 'continuity'), finding('dependency-unknown', 'a.yaml', 0, 'capacity'), finding('schema', 'a.yaml', 1), finding('schema', 'b.yaml', 0)];
    const used = applyWaivers(findings, new ServicesByDocument([a, b]), TODAY, 90, WAIVER_RULES);
    expect(findings.map((f) => f.waived)).toEqual([true, true, false, true, false]);
    expect([...used]).toEqual([
      [a, new Set([0, 1])],
      [b, new Set([0])],
    ]);
  });

  it('records every waiver that covers a finding, not only the first', () => {
    const a = service('a.yaml', 0, [waiver(3, 'schema'), waiver(5, 'schema', 'capacity')]);
    const findings = [finding('schema', 'a.yaml', 0, 'capacity')];
    const used = applyWaivers(findings, new ServicesByDocument([a]), TODAY, 90, WAIVER_RULES);
    expect(used.get(a)).toEqual(new Set([3, 5]));
    expect(findings[0]?.waived).toBe(true);
  });

  it('never waives the findings of waiver rules, nor findings about no service', () => {
    const a = service('a.yaml', 0, [waiver(0, 'waiver-unused'), waiver(1, 'schema')]);
    const findings = [finding('waiver-unused', 'a.yaml', 0), finding('schema', 'a.yaml', null), finding('schema', null, null)];
    const used = applyWaivers(findings, new ServicesByDocument([a]), TODAY, 90, WAIVER_RULES);
    expect(findings.map((f) => f.waived)).toEqual([false, false, false]);
    expect(used.size).toBe(0);
  });

  it('uses only waivers in force today (not expired, not past waivers.maxDays)', () => {
    const a = service('a.yaml', 0, [waiver(0, 'schema', undefined, TODAY - 1), waiver(1, 'schema', undefined, TODAY + 100)]);
    const findings = [finding('schema', 'a.yaml', 0)];
    expect(applyWaivers(findings, new ServicesByDocument([a]), TODAY, 90, WAIVER_RULES).size).toBe(0);
    expect(findings[0]?.waived).toBe(false);
    expect(applyWaivers(findings, new ServicesByDocument([a]), TODAY, 100, WAIVER_RULES).get(a)).toEqual(new Set([1]));
    expect(findings[0]?.waived).toBe(true);
  });

  it('meets a finding in a substituted file with the service of its document', () => {
    const a = service('a.yaml', 2, [waiver(0, 'schema')]);
    const f = makeFinding({ ruleId: 'schema', severity: 'error', message: 'm', file: 'a.yaml', range: { line: 1, column: 1, endLine: 1, endColumn: 2, file: 'values.yaml' }, service: 'svc', area: null, pointer: null, document: 2 });
    expect(f.file).toBe('values.yaml');
    applyWaivers([f], new ServicesByDocument([a]), TODAY, 90, WAIVER_RULES);
    expect(f.waived).toBe(true);
  });
});

describe('addSloEvidence', () => {
  const slo = (over: Partial<Slo> = {}): Slo => ({ name: 'checkout-availability', service: 'checkout', target: 99.9, targetPointer: '/spec/target', window: 2_419_200, windowText: '28d', kind: 'availability', file: 'slos/checkout.yaml', doc: 0, format: 'openslo', range: { line: 12, column: 3, endLine: 12, endColumn: 8 }, ...over });
  const checkout = service('a.yaml', 0, [], 'checkout');
  const documents = new ServicesByDocument([checkout, service('b.yaml', 0, [], 'Other')]);
  const missing = (ruleId = 'warranty-area-missing', area: Area | null = 'availability', file = 'a.yaml', name = 'checkout') => finding(ruleId, file, 0, area, name, `service "${name}" has no availability.`);
  const EVIDENCE = ' An SLO of 99.9% over 28d exists in slos/checkout.yaml: adopt it as the availability target and window.';

  it("adds to a missing availability area's finding the SLO found for its service", () => {
    const findings = [missing(), missing('warranty-missing', null)];
    addSloEvidence(findings, documents, new SloIndex([slo()]));
    expect(findings.map((f) => f.message)).toEqual([`service "checkout" has no availability.${EVIDENCE}`, `service "checkout" has no availability.${EVIDENCE}`]);
  });

  it('says how many more SLOs there are', () => {
    const findings = [missing()];
    addSloEvidence(findings, documents, new SloIndex([slo(), slo({ name: 'b' }), slo({ name: 'c', kind: 'other' })]));
    expect(findings[0]?.message).toBe('service "checkout" has no availability. An SLO of 99.9% over 28d exists in slos/checkout.yaml (and 1 more SLO for it): adopt it as the availability target and window.');
  });

  it('leaves other findings, other areas, services with no SLO and findings about no service as they are', () => {
    const findings = [missing('warranty-area-missing', 'capacity'), missing('schema', 'availability'), missing('warranty-area-missing', 'availability', 'b.yaml', 'Other'), missing('warranty-area-missing', 'availability', 'nowhere.yaml')];
    const before = findings.map((f) => f.message);
    addSloEvidence(findings, documents, new SloIndex([slo(), slo({ service: 'other', kind: 'other' })]));
    expect(findings.map((f) => f.message)).toEqual(before);
  });

  it('does nothing without SLOs', () => {
    const findings = [missing()];
    addSloEvidence(findings, documents, undefined);
    addSloEvidence(findings, documents, new SloIndex([]));
    expect(findings[0]?.message).toBe('service "checkout" has no availability.');
  });

  it('replaces the pieces of a packed message, never changing those it shares with other findings', () => {
    const pool = new StringPool();
    const kept = pool.compactResult({ file: 'a.yaml', findings: [missing(), missing('warranty-area-missing', 'availability', 'a.yaml', 'checkout')], services: [], brokenDocuments: 0 }).findings;
    const [a, b] = kept as [KeptFinding, KeptFinding];
    const shared = a.message;
    expect(b.message).toBe(shared);
    addSloEvidence([a], documents, new SloIndex([slo()]));
    expect(unpack(a).message).toBe(`service "checkout" has no availability.${EVIDENCE}`);
    expect(unpack(b).message).toBe('service "checkout" has no availability.');
    expect(b.message).toBe(shared);
    expect(Array.isArray(a.message)).toBe(true);
    expect((a.message as readonly string[]).length).toBe((shared as readonly string[]).length);
  });

  it('keeps every piece of a packed message that names its service more than once', () => {
    const pool = new StringPool();
    const message = 'service "checkout" has no availability; checkout is missing it.';
    const [f] = pool.compactResult({ file: 'a.yaml', findings: [finding('warranty-missing', 'a.yaml', 0, null, 'checkout', message)], services: [], brokenDocuments: 0 }).findings as [KeptFinding];
    expect(f.message).toHaveLength(3);
    addSloEvidence([f], documents, new SloIndex([slo()]));
    expect(unpack(f).message).toBe(`${message}${EVIDENCE}`);
  });

  it('adds the evidence to a packed message that ends with the service name', () => {
    const pool = new StringPool();
    const [f] = pool.compactResult({ file: 'a.yaml', findings: [finding('warranty-missing', 'a.yaml', 0, null, 'checkout', 'no warranty for checkout')], services: [], brokenDocuments: 0 }).findings as [KeptFinding];
    expect(f.message).toEqual(['no warranty for ', '']);
    addSloEvidence([f], documents, new SloIndex([slo()]));
    expect(unpack(f).message).toBe(`no warranty for checkout${EVIDENCE}`);
  });
});
