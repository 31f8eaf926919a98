// evidenceOf: each reference to evidence of a service (a DR plan, a test report, a policy), with what
// it points at in the repository, and where a missing file was looked for, relative to the
// working directory.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceOf } from '../../src/engine/evidence.js';
import type { Service } from '../../src/model/types.js';

const repo = realpathSync(mkdtempSync(join(tmpdir(), 'wl-evidence-of-')));
mkdirSync(join(repo, '.git'));
mkdirSync(join(repo, 'services', 'docs'), { recursive: true });
writeFileSync(join(repo, 'services', 'docs', 'dr.md'), '# DR\n');
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const area = (name: string, values: object) => ({ pointer: `/warranty/${name}`, values });
function service(continuity: object, capacity: object = {}, security: object = {}): Service {
  return { areas: { availability: area('availability', {}), capacity: area('capacity', capacity), continuity: area('continuity', { stateful: true, ...continuity }), security: area('security', security) } } as unknown as Service;
}

describe('evidenceOf', () => {
  it('gives nothing for a service that names no evidence', () => {
    expect(evidenceOf(service({}), 'services/a.yaml', repo)).toEqual([]);
  });

  it('says, for each reference in order, what it points at', () => {
    const s = service({ plan: 'docs/dr.md', lastTest: { report: 'https://wiki.example.com/t' } }, { loadTest: { report: 'reports/load.md' } }, { policy: 'file:///etc/policy.md' });
    expect(evidenceOf(s, 'services/a.yaml', repo)).toEqual([
      { pointer: '/warranty/capacity/loadTest/report', field: 'capacity.loadTest.report', area: 'capacity', reference: 'reports/load.md', status: 'missing', looked: ['services/reports/load.md', 'reports/load.md'] },
      { pointer: '/warranty/continuity/plan', field: 'continuity.plan', area: 'continuity', reference: 'docs/dr.md', status: 'exists' },
      { pointer: '/warranty/continuity/lastTest/report', field: 'continuity.lastTest.report', area: 'continuity', reference: 'https://wiki.example.com/t', status: 'url' },
      { pointer: '/warranty/security/policy', field: 'security.policy', area: 'security', reference: 'file:///etc/policy.md', status: 'file-url' },
    ]);
  });

  it('shows where it looked relative to the working directory, the process\'s when none is given', () => {
    const s = service({ plan: 'missing.md' });
    expect(evidenceOf(s, 'services/a.yaml', repo)[0]?.looked).toEqual(['services/missing.md', 'missing.md']);
    expect(evidenceOf(s, 'a.yaml', join(repo, 'services'))[0]?.looked).toEqual(['missing.md', '../missing.md']);
    const fromProcess = evidenceOf(s, join(repo, 'services', 'a.yaml'), undefined)[0]?.looked;
    expect(fromProcess).toEqual([relative(process.cwd(), join(repo, 'services', 'missing.md')), relative(process.cwd(), join(repo, 'missing.md'))]);
  });

  it('finds the repository once for all the references of a service, from the definition', () => {
    const s = service({ plan: 'a.md', lastTest: { report: 'b.md' } });
    const [a, b] = evidenceOf(s, 'services/a.yaml', repo);
    expect(a?.looked).toEqual(['services/a.md', 'a.md']);
    expect(b?.looked).toEqual(['services/b.md', 'b.md']);
    expect(evidenceOf(service({ plan: '../../outside.md' }), 'services/a.yaml', repo)[0]?.status).toBe('outside');
  });
});
