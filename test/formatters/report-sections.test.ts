// The text report's sections of changes, owners and waivers (src/formatters/report-sections.ts),
// called directly on hand-built models so that each line's wording is pinned.
import { describe, expect, it } from 'vitest';
import type { ChangedFinding, Comparison } from '../../src/formatters/compare.js';
import type { PortfolioView } from '../../src/formatters/portfolio-view.js';
import type { ReportModel } from '../../src/formatters/report-model.js';
import { changesSection, ownersSection, waiversSection } from '../../src/formatters/report-sections.js';
import { G } from './support.js';
import type { Rollup, WaiverEntry } from '../../src/formatters/rollups.js';


const VIEW = { reactive: { overall: 0.5, byArea: { availability: 0, capacity: 1, continuity: 0.5, security: 0.25 }, threshold: 0.8 } } as unknown as PortfolioView;

/** Runs a section, with headings as `# text` and paragraphs as `¶ text`. */
function run(section: (heading: (t: string) => void, para: (t: string) => void, out: string[]) => void): string[] {
  const out: string[] = [];
  section(
    (t) => out.push(`# ${t}`),
    (t) => out.push(`¶ ${t}`),
    out,
  );
  return out;
}

function entry(over: Partial<WaiverEntry>): WaiverEntry {
  return { service: 'pay', file: 'pay.yaml', tier: 'high', rule: 'r', area: null, approvedBy: 'cio', reason: 'why', expires: '2027-01-31', daysLeft: 66, expired: false, status: 'in-force', ...over };
}

const model = (over: Partial<ReportModel>): ReportModel => ({ view: VIEW, risks: [], tiers: [], owners: [], waivers: [], comparison: null, ...over });

describe('waiversSection', () => {
  it('says when no service has a waiver', () => {
    expect(run((h, p, out) => waiversSection(model({}), 80, h, p, out))).toEqual(['# WAIVER REGISTER', '¶ No service has a waiver.']);
  });

  it('gives each waiver its service, rule and area, status, approver, expiry and reason', () => {
    const lines = run((h, p, out) =>
      waiversSection(
        model({
          waivers: [
            entry({ service: 'loyalty', rule: 'continuity-objectives-missing', area: 'continuity', approvedBy: 'head', reason: 'RPO later.', expires: '2026-10-31', daysLeft: -26, expired: true, status: 'expired' }),
            entry({ service: 'one', daysLeft: -1, expires: '2026-11-25', expired: true, status: 'expired' }),
            entry({ service: null, file: 'x.yaml', rule: null, approvedBy: null, reason: null, expires: null, daysLeft: null, status: 'invalid' }),
            entry({ service: 'bad-day', expires: '2027-01-01', daysLeft: null, status: 'invalid' }),
            entry({ service: 'today', daysLeft: 1, expires: '2026-11-27', status: 'unused' }),
            entry({ service: 'long', daysLeft: 400, status: 'too-long' }),
            entry({ service: 'ok', daysLeft: 66 }),
          ],
        }),
        100,
        h,
        p,
        out,
      ),
    );
    expect(lines).toEqual([
      '# WAIVER REGISTER',
      '¶ Every waiver, expired ones first: the service, what it waives, who approved it, why, and until when. A waiver that is not in force suppresses nothing.',
      '',
      '  loyalty  continuity-objectives-missing (continuity)  EXPIRED',
      '    approved by head; expired 2026-10-31, 26 days ago',
      '    reason: RPO later.',
      '',
      '  one  r  EXPIRED',
      '    approved by cio; expired 2026-11-25, 1 day ago',
      '    reason: why',
      '',
      '  (unnamed, x.yaml)  (no rule)  INVALID (no rule or no valid expiry)',
      '    approved by (nobody); no expiry',
      '    reason: (none given)',
      '',
      '  bad-day  r  INVALID (no rule or no valid expiry)',
      '    approved by cio; expires 2027-01-01',
      '    reason: why',
      '',
      '  today  r  in force, unused',
      '    approved by cio; expires 2026-11-27, 1 day left',
      '    reason: why',
      '',
      '  long  r  NOT IN FORCE (longer than waivers.maxDays)',
      '    approved by cio; expires 2027-01-31, 400 days left',
      '    reason: why',
      '',
      '  ok  r  in force',
      '    approved by cio; expires 2027-01-31, 66 days left',
      '    reason: why',
    ]);
  });

  it('counts a waiver expiring today as in force, with 0 days left', () => {
    const lines = run((h, p, out) => waiversSection(model({ waivers: [entry({ expires: '2026-11-26', daysLeft: 0 })] }), 100, h, p, out));
    expect(lines[4]).toBe('    approved by cio; expires 2026-11-26, 0 days left');
  });

  it('wraps the reason under itself and escapes what came from files', () => {
    const lines = run((h, p, out) => waiversSection(model({ waivers: [entry({ service: 'a\u001b[31mb', reason: 'one two three four five six seven' })] }), 24, h, p, out));
    expect(lines.slice(3)).toEqual(['  a\\x1b[31mb  r  in', '    force', '    approved by cio;', '    expires 2027-01-31,', '    66 days left', '    reason: one two', '            three four', '            five six', '            seven']);
  });
});

describe('ownersSection', () => {
  it('says when no service was read', () => {
    expect(run((h, p, out) => ownersSection(model({}), 80, G, h, p, out))).toEqual([
      '# BY OWNER',
      '¶ Every service owner (metadata.owner), worst first: open errors weighted by tier, then the reactive share of their services.',
      '',
      '¶ No service was read.',
    ]);
  });

  it('lists every owner in a table, escaping owners from files but not "(no owner)"', () => {
    const owners: Rollup[] = [
      { key: 'team-a', services: 2, errors: 3, warnings: 1, open: 4, weightedErrors: 9, reactive: 0.796 },
      { key: '(no owner)', services: 1, errors: 0, warnings: 0, open: 0, weightedErrors: 0, reactive: null },
      { key: 'x\u0007y', services: 1, errors: 0, warnings: 0, open: 0, weightedErrors: 0, reactive: 0 },
    ];
    expect(run((h, p, out) => ownersSection(model({ owners }), 80, G, h, p, out)).slice(3)).toEqual([
      'owner         services  errors  warnings  reactive',
      '  team-a             2       3         1     79.6%',
      '  (no owner)         1       0         0         -',
      '  x\\x07y             1       0         0        0%',
    ]);
  });
});

describe('changesSection', () => {
  const changed = (over: Partial<ChangedFinding>): ChangedFinding => ({ ruleId: 'rule-x', severity: 'error', message: 'msg', file: 'a.yaml', line: 3, service: 'svc', area: null, fingerprint: 'fp', ...over });
  const comparison = (over: Partial<Comparison>): Comparison => ({
    since: '2026-10-26',
    source: 'before.json',
    added: [],
    fixed: [],
    waivedSince: [],
    stillOpen: 0,
    services: { added: [], removed: [] },
    changedServices: [],
    areaChanges: [],
    reactive: { before: { overall: 0.5, byArea: { availability: 0, capacity: 1, continuity: 0.5, security: 0.25 } }, after: { overall: 0.46, byArea: { availability: 0, capacity: 0.9, continuity: 0.5, security: null } } },
    ...over,
  });

  it('compares the reactive shares, lists services added and removed, and says when nothing is new or fixed', () => {
    const lines = run((h, p, out) => changesSection(comparison({ services: { added: ['n1', 'n\u0007'], removed: [] } }), VIEW, 100, G, h, p, out));
    expect(lines).toEqual([
      '# CHANGES SINCE 2026-10-26',
      '¶ Compared with before.json (linted on 2026-10-26), finding by finding, by fingerprint (rule, service, area and field), so a finding that only moved in its file is not new. Open findings only: waived ones do not count.',
      '',
      'Reactive share  before  after  change',
      '  overall          50%    46%  -4 points',
      '  availability      0%     0%  no change',
      '  capacity        100%    90%  -10 points',
      '  continuity       50%    50%  no change',
      '  security         25%      -  -',
      '',
      '¶ Services added (2): n1, n\\x07.',
      '¶ Services removed (0): none.',
      '',
      '¶ New findings (0): none.',
      '',
      '¶ Fixed findings (0): none.',
    ]);
  });

  it('says when the previous run recorded no date and no services', () => {
    const cmp = comparison({ since: null, services: null, reactive: { before: { overall: null, byArea: null }, after: { overall: 0.2, byArea: null } } });
    const lines = run((h, p, out) => changesSection(cmp, VIEW, 200, G, h, p, out));
    expect(lines.slice(0, 2)).toEqual([
      '# CHANGES SINCE THE PREVIOUS RUN',
      '¶ Compared with before.json, finding by finding, by fingerprint (rule, service, area and field), so a finding that only moved in its file is not new. Open findings only: waived ones do not count.',
    ]);
    expect(lines).toContain('  overall            -    20%  -');
    expect(lines).toContain('  capacity           -      -  -');
    expect(lines).toContain(
      '¶ The previous result does not record its services (written by an older warranty-lint): shares per area and services added or removed cannot be compared.',
    );
    expect(lines.some((l) => l.startsWith('¶ Services added'))).toBe(false);
  });

  it('lists areas that changed, services whose findings changed (at most 20), and each new, fixed and waived finding', () => {
    const many = Array.from({ length: 22 }, (_, i) => ({ service: `s${i}`, added: i, fixed: 1 }));
    const cmp = comparison({
      areaChanges: [{ service: 'pay', area: 'capacity', before: 'missing', after: 'defined' }],
      changedServices: many,
      added: [changed({}), changed({ file: null, line: null, service: null, severity: 'warning', ruleId: 'portfolio-x', message: 'reactive' })],
      fixed: [changed({ line: null, service: 'old' })],
      waivedSince: [changed({ service: 'w', message: 'waived now' })],
    });
    const lines = run((h, p, out) => changesSection(cmp, VIEW, 100, G, h, p, out));
    const from = (start: string): string[] => lines.slice(lines.indexOf(start));
    expect(from('¶ Areas whose state changed (1):').slice(0, 3)).toEqual(['¶ Areas whose state changed (1):', '  pay capacity: missing -> defined', '¶ Services whose open findings changed (22), most changed first:']);
    const services = from('¶ Services whose open findings changed (22), most changed first:');
    expect(services.slice(1, 3)).toEqual(['  s0: 0 new, 1 fixed', '  s1: 1 new, 1 fixed']);
    expect(services[20]).toBe('  s19: 19 new, 1 fixed');
    expect(services[21]).toBe('  and 2 more services, in the lists below.');
    expect(from('¶ New findings (2):')).toEqual([
      '¶ New findings (2):',
      '  error  rule-x  svc  a.yaml:3',
      '    msg',
      '  warning  portfolio-x  (portfolio)',
      '    reactive',
      '',
      '¶ Fixed findings (1):',
      '  error  rule-x  old  a.yaml',
      '    msg',
      '',
      '¶ Waived since (1):',
      '  error  rule-x  w  a.yaml:3',
      '    waived now',
    ]);
  });

  it('indents the continuation of each wrapped line under its entry', () => {
    const cmp = comparison({
      services: null,
      areaChanges: [{ service: 'payments-gateway-eu', area: 'continuity', before: 'deferred', after: 'defined' }],
      changedServices: [{ service: 'payments-gateway-eu-west', added: 12, fixed: 3 }],
      added: [changed({ ruleId: 'continuity-objectives-missing', service: 'payments-gateway', file: 'services/payments.yaml', message: 'one two three four five six seven' })],
    });
    const lines = run((h, p, out) => changesSection(cmp, VIEW, 30, G, h, p, out));
    const from = (start: string, n: number): string[] => lines.slice(lines.indexOf(start), lines.indexOf(start) + n);
    expect(from('  payments-gateway-eu', 3)).toEqual(['  payments-gateway-eu', '    continuity: deferred ->', '    defined']);
    expect(from('  payments-gateway-eu-west: 12', 2)).toEqual(['  payments-gateway-eu-west: 12', '    new, 3 fixed']);
    expect(from('  error', 6)).toEqual(['  error', '      continuity-objectives-mi', '      ssing  payments-gateway', '      services/payments.yaml:3', '    one two three four five', '    six seven']);
  });

  it('counts one service beyond the twenty shown as "1 more service"', () => {
    const cmp = comparison({ changedServices: Array.from({ length: 21 }, (_, i) => ({ service: `s${i}`, added: 1, fixed: 0 })) });
    const lines = run((h, p, out) => changesSection(cmp, VIEW, 100, G, h, p, out));
    expect(lines).toContain('  and 1 more service, in the lists below.');
    const exactly = run((h, p, out) => changesSection(comparison({ changedServices: Array.from({ length: 20 }, (_, i) => ({ service: `s${i}`, added: 1, fixed: 0 })) }), VIEW, 100, G, h, p, out));
    expect(exactly.some((l) => l.includes('more service'))).toBe(false);
    expect(exactly).toContain('  s19: 1 new, 0 fixed');
  });
});
