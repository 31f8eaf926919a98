import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/run-cli.js';
import { RULES } from '../../src/rules/index.js';

/** The rules commands read and write nothing: a write is a bug. */
const quietIo = (): ReturnType<typeof fakeIo> =>
  fakeIo('/nonexistent', {
    over: {
      writeFile: () => {
        throw new Error('the rules commands write no file');
      },
    },
  });

describe('warranty-lint rules', () => {
  it('lists every rule of the registry, one line each, with area, default severity and description', async () => {
    const io = quietIo();
    expect(await main(['node', 'warranty-lint', 'rules'], io)).toBe(0);
    expect(io.err).toBe('');
    const lines = io.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^rule\s+area\s+severity\s+description$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(RULES.map((r) => r.meta.id));
    const area = lines.find((l) => l.startsWith('warranty-area-missing '));
    expect(area).toMatch(/^warranty-area-missing\s+-\s+error \(low: warning\)\s+One of the four warranty areas/);
    const ceiling = lines.find((l) => l.startsWith('availability-exceeds-dependency-ceiling '));
    expect(ceiling).toMatch(/^availability-exceeds-dependency-ceiling\s+availability\s+warning\s+The availability target is above/);
  });
});

describe('warranty-lint explain', () => {
  it('prints why it matters, a failing and a passing example and how to fix it', async () => {
    const io = quietIo();
    expect(await main(['node', 'warranty-lint', 'explain', 'continuity-dependency-inversion'], io)).toBe(0);
    const text = io.out;
    const order = ['continuity-dependency-inversion  (continuity, error)', 'Why it matters', 'Fails', 'Passes', 'How to fix', 'More: '];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('    continuity: { rto: 4h, rpo: 15m, recoveryOption: pilot-light }');
    expect(text).toContain('docs/rules.md#continuity-dependency-inversion');
  });

  it("prints a rule's details, as the rules reference has them, before the link, and none for a rule without", async () => {
    const io = quietIo();
    expect(await main(['node', 'warranty-lint', 'explain', 'availability-slo-mismatch'], io)).toBe(0);
    const text = io.out;
    expect(text.indexOf('\nDetails\n')).toBeGreaterThan(text.indexOf('How to fix'));
    expect(text.indexOf('\nDetails\n')).toBeLessThan(text.indexOf('More: '));
    expect(text).toContain('\n  SLO files are found by the same walk and limits as definitions');
    // list items keep their words, without markdown's emphasis
    expect(text).toContain('\n  - Windows are compared as durations: `28d` = `4w` = `P28D`');
    const plain = quietIo();
    expect(await main(['node', 'warranty-lint', 'explain', 'continuity-dependency-inversion'], plain)).toBe(0);
    expect(plain.out).not.toContain('Details');
  });

  it('works for every rule of the registry', async () => {
    for (const r of RULES) {
      const io = quietIo();
      expect(await main(['node', 'warranty-lint', 'explain', r.meta.id], io)).toBe(0);
      expect(io.out).toContain(r.meta.remediation);
      expect(io.out).toContain(r.meta.rationale);
    }
  });

  it('refuses an unknown rule with exit 2 and the list of supported rules', async () => {
    const io = quietIo();
    expect(await main(['node', 'warranty-lint', 'explain', 'no-such-rule'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toBe(`warranty-lint: unknown rule "no-such-rule". Supported rules are: ${RULES.map((r) => r.meta.id).join(', ')}\n`);
  });

  it('asks for the rule when none is given (exit 2)', async () => {
    const io = quietIo();
    expect(await main(['node', 'warranty-lint', 'explain'], io)).toBe(2);
    expect(io.err).toMatch(/missing required argument 'rule'/);
  });
});
