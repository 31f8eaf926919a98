import { describe, expect, it } from 'vitest';
import { continuityRecoveryOptionMismatch } from '../../src/rules/continuity-recovery-option-mismatch.js';
import { lintYaml, positionsOf } from '../support/lint-yaml.js';
import { CLEAN_CRITICAL, expectExamples, findingsOf, swap } from '../support/critical-service.js';

const ID = 'continuity-recovery-option-mismatch';
const OPTION: [number, number, string] = [34, 23, '/spec/warranty/continuity/recoveryOption'];
const recovery = (option: string, rto: string): string => swap(swap(CLEAN_CRITICAL, 'recoveryOption: warm-standby', `recoveryOption: ${option}`), 'rto: 15m', `rto: ${rto}`);

describe(ID, () => {
  it('is the rule its file names, and its examples fail and pass', () => {
    expect(continuityRecoveryOptionMismatch.meta.id).toBe(ID);
    expect(continuityRecoveryOptionMismatch.meta.area).toBe('continuity');
    expectExamples(continuityRecoveryOptionMismatch);
  });

  it('accepts each option exactly at its shortest rto and flags one step shorter, at recoveryOption', () => {
    for (const [option, enough, tooShort] of [
      ['backup-restore', '4h', '239m'],
      ['pilot-light', '1h', '59m'],
      ['warm-standby', '5m', '299s'],
    ] as const) {
      expect([option, positionsOf(lintYaml(recovery(option, enough)), ID)]).toEqual([option, []]);
      expect([option, positionsOf(lintYaml(recovery(option, tooShort)), ID)]).toEqual([option, [OPTION]]);
    }
  });

  it('suggests the cheapest option that meets the rto', () => {
    const findings = findingsOf(recovery('backup-restore', '239m'), ID);
    expect(findings.map((f) => f.area)).toEqual(['continuity']);
    expect(findings[0]?.message).toBe(
      'service "payments-api" relies on backup-restore, which needs at least 4h to recover, but its continuity.rto is 3h59m; choose pilot-light or faster, or agree a longer rto.',
    );
    expect(findingsOf(recovery('warm-standby', '1m'), ID)[0]?.message).toContain('choose hot-standby or faster');
    // An rto exactly at an option's shortest is met by that option.
    expect(findingsOf(recovery('backup-restore', '1h'), ID)[0]?.message).toContain('choose pilot-light or faster');
    expect(findingsOf(recovery('pilot-light', '5m'), ID)[0]?.message).toContain('choose warm-standby or faster');
  });

  it('sets no minimum for hot-standby, active-active or a manual workaround', () => {
    for (const option of ['hot-standby', 'active-active', 'manual-workaround']) {
      expect(positionsOf(lintYaml(recovery(option, '1m')), ID)).toEqual([]);
    }
  });

  it('needs both an rto and a recovery option', () => {
    expect(positionsOf(lintYaml(recovery('backup-restore', 'TBD')), ID)).toEqual([]);
    expect(positionsOf(lintYaml(recovery('backup-and-pray', '1m')), ID)).toEqual([]);
  });
});
