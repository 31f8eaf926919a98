import { describe, expect, it } from 'vitest';
import { findDeferralPhrase, placeholderKind } from '../../src/model/vocabulary.js';

// Prose as teams really write it in service definitions.
const DEFERRING: Array<[string, string]> = [
  ['Ops will monitor and scale as needed.', 'Ops will monitor and scale as needed'],
  ['The SRE team will decide the RTO.', 'The SRE team will decide the RTO'],
  ["Ops'll sort it out", "Ops'll sort it out"],
  ['Left to the operations team.', 'Left to the operations team'],
  ['ops to decide', 'ops to decide'],
  ['To be decided after go-live.', 'To be decided after go-live'],
  ['RPO will be agreed with the business once we are live', 'will be agreed with the business once we are live'],
  ['TBD post-launch', 'TBD post-launch'],
  ['Revisit after GA', 'after GA'],
  ['scale up as needed', 'scale up as needed'],
  ['Add more nodes when required', 'Add more nodes when required'],
  ['Handled by incident management.', 'Handled by incident management'],
  ['Outages go via the incident process', 'via the incident process'],
  ['Capacity is reactive for now', 'reactive'],
  ['We monitor and adjust.', 'monitor and adjust'],
  ['fix it when it breaks', 'fix it when it breaks'],
  ['deal with issues as they come up', 'deal with issues as they come up'],
  ['Numbers to be defined later.', 'to be defined later'],
  ['Thresholds get tuned in production.', 'tuned in production'],
  ['wait and see', 'wait and see'],
  ['Sized based on incidents', 'based on incidents'],
  ['Once we have real traffic we will size it.', 'Once we have real traffic'],
  ['After the first outage we will add DR.', 'After the first outage'],
];

const NOT_DEFERRING = [
  'Proactive, not reactive.',
  'A non-reactive batch job.',
  'Rather than reactive firefighting we load test quarterly.',
  'SLI is the share of successful authorisations.',
  'Ops will be paged when the error budget burn rate exceeds 2x.',
  'Data must be encrypted in production.',
  'Peak measured during the Black Friday 2025 load test.',
  'it will handle 2x peak with autoscaling',
  'The platform will scale to 3 zones.',
  'Failover drill booked for 2027-01-12.',
  'Agreed in the design review on 2026-03-01.',
  'Mon-Fri 08:00-18:00 Europe/Paris',
  'Built on the Spring WebFlux reactive stack; 10k rps per pod.',
  'Uses reactive-streams back-pressure towards the card network.',
  'Reactive programming keeps thread count low.',
];

describe('deferral phrases', () => {
  it.each(DEFERRING)('finds the deferral in %j', (text, phrase) => {
    expect(findDeferralPhrase(text)).toBe(phrase);
  });

  it('matches whatever the case', () => {
    expect(findDeferralPhrase('OPS WILL MONITOR')).toBe('OPS WILL MONITOR');
    expect(findDeferralPhrase('Handled By Incident Management')).toBe('Handled By Incident Management');
    expect(findDeferralPhrase('REACTIVELY')).toBe('REACTIVELY');
  });

  it.each(NOT_DEFERRING)('finds no deferral in %j', (text) => {
    expect(findDeferralPhrase(text)).toBeUndefined();
  });
});

describe('placeholders and vague values', () => {
  it.each(['TBD', 'tbc', 'TODO', '?', '???', '-', 'n/a', 'N/A', 'unknown', '<fill me in>', 'TBD - waiting for vendor', 'to be agreed', 'later'])('%j is a placeholder', (v) => {
    expect(placeholderKind(v)).toBe('placeholder');
  });

  it.each(['high', 'Adequate', 'best effort', 'as needed', 'ASAP', 'standard', 'business hours'])('%j is vague', (v) => {
    expect(placeholderKind(v)).toBe('vague');
  });

  it.each(['', '   ', null])('%j is empty', (v) => {
    expect(placeholderKind(v)).toBe('empty');
  });

  it.each(['24x7', 'Mon-Fri 08:00-18:00 Europe/Paris', '15m', 'none', 'jane.doe', 'team-payments', 99.9, true])('%j is a value', (v) => {
    expect(placeholderKind(v)).toBeUndefined();
  });

  it('adds the configured words', () => {
    expect(placeholderKind('pending')).toBeUndefined();
    expect(placeholderKind('Pending', ['pending'])).toBe('placeholder');
  });
});
