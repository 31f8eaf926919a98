// Which fields of a warranty name a document (src/model/evidence.ts), with their pointers and the
// names people read them by; and which security policy identifiers read as paths.
import { describe, expect, it } from 'vitest';
import { evidenceReferences, looksLikePath } from '../../src/model/evidence.js';
import type { Service } from '../../src/model/types.js';

describe('looksLikePath', () => {
  it.each(['docs/isp.md', 'docs\\isp.md', './isp', '.isp', '~/isp', 'isp-2024.pdf', 'ISP.PDF', 'plan.markdown', 'plan.yml', 'plan.yaml', 'plan.htm', 'plan.html', 'plan.docx', 'sheet.xls', 'p.jpeg', 'p.jpg', 'https://wiki.example/isp', 'confluence:ISP', 'a+b:x'])(
    'takes %j for a path',
    (v) => {
      expect(looksLikePath(v)).toBe(true);
    },
  );

  it.each(['ISP-2024', 'isp.v2', 'plan.md.bak', 'mdx', 'a.pdfx', 'x:y', '1a:b', '1ab:c', 'policy ab:', 'isp.'])('takes %j for a name kept elsewhere', (v) => {
    expect(looksLikePath(v)).toBe(false);
  });

  it('trims the value first', () => {
    expect(looksLikePath('  ./isp  ')).toBe(true);
    expect(looksLikePath('  isp.pdf  ')).toBe(true);
    expect(looksLikePath(' https://x ')).toBe(true);
  });
});

function service(values: { capacity?: object; continuity?: object; security?: object }): Service {
  const area = (name: string, v: object | undefined) => ({ pointer: `/spec/warranty/${name}`, values: v ?? {} });
  return {
    areas: {
      availability: area('availability', {}),
      capacity: area('capacity', values.capacity),
      continuity: area('continuity', values.continuity),
      security: area('security', values.security),
    },
  } as unknown as Service;
}

describe('evidenceReferences', () => {
  it('lists the load test report, the plan, the last test report and a policy that is a path, in that order', () => {
    const s = service({
      capacity: { loadTest: { report: 'reports/load.html' } },
      continuity: { plan: 'https://wiki.example/dr', lastTest: { report: 'docs/dr-test.md' } },
      security: { policy: 'policies/isp.pdf' },
    });
    expect(evidenceReferences(s)).toEqual([
      { pointer: '/spec/warranty/capacity/loadTest/report', field: 'capacity.loadTest.report', area: 'capacity', reference: 'reports/load.html' },
      { pointer: '/spec/warranty/continuity/plan', field: 'continuity.plan', area: 'continuity', reference: 'https://wiki.example/dr' },
      { pointer: '/spec/warranty/continuity/lastTest/report', field: 'continuity.lastTest.report', area: 'continuity', reference: 'docs/dr-test.md' },
      { pointer: '/spec/warranty/security/policy', field: 'security.policy', area: 'security', reference: 'policies/isp.pdf' },
    ]);
  });

  it('leaves out a policy named by an identifier, fields not written and blank ones', () => {
    const s = service({ capacity: { loadTest: { date: 1 } }, continuity: { plan: '   ', lastTest: {} }, security: { policy: 'ISP-2024' } });
    expect(evidenceReferences(s)).toEqual([]);
    expect(evidenceReferences(service({}))).toEqual([]);
  });

  it('keeps a plan that is not a path: it always names a document', () => {
    expect(evidenceReferences(service({ continuity: { plan: 'DR plan' } }))).toEqual([{ pointer: '/spec/warranty/continuity/plan', field: 'continuity.plan', area: 'continuity', reference: 'DR plan' }]);
  });
});
