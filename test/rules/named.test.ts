// How a rule's message names its service (src/rules/types.ts `named`): by its quoted name, or as
// "the unnamed service" when metadata.name is missing, so that the sentence still reads.
import { describe, expect, it } from 'vitest';
import { quote } from '../../src/rules/types.js';
import { CLEAN_LOW, lintYaml } from '../support/lint-yaml.js';

describe('named', () => {
  it('names a service by its name, and one without a name as the unnamed service', () => {
    const placeholder = CLEAN_LOW.replace('target: 99.0', 'target: TBD');
    const message = (text: string): string | undefined => lintYaml(text).findings.find((f) => f.ruleId === 'warranty-placeholder-value')?.message;
    expect(message(placeholder)).toMatch(/^service "search" has the placeholder/);
    expect(message(placeholder.replace('  name: search\n', ''))).toMatch(/^the unnamed service has the placeholder/);
  });
});

describe('quote', () => {
  it('quotes a value up to its limit whole, and cuts a longer one to the limit, the ellipsis included', () => {
    expect(quote('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(quote('x'.repeat(81))).toBe(`"${'x'.repeat(79)}…"`);
    expect(quote('abcdef', 4)).toBe('"abc…"');
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
  });
});
