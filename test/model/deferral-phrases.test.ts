import { describe, expect, it } from 'vitest';
import { deferralMatcher, findDeferralPhrase } from '../../src/model/deferral.js';
import { placeholderKind } from '../../src/model/vocabulary.js';

// Prose as teams really write it in service definitions, and the phrase each finding quotes.
const DEFERRING: Array<[string, string]> = [
  // SPEC §2's own examples
  ['Ops will monitor and scale as needed.', 'Ops will monitor and scale as needed'],
  ['To be decided after go-live.', 'To be decided after go-live'],
  ['scale up as needed', 'scale up as needed'],
  ['Handled by incident management.', 'Handled by incident management'],
  ['Capacity is reactive for now', 'reactive'],
  // issue 17's examples: who, when and what in the teams' own words
  ['To be sized by the run team once live', 'To be sized by the run team once live'],
  ['SRE will tune alerts post go-live', 'SRE will tune alerts post go-live'],
  ['left to BAU', 'left to BAU'],
  ['L2 will pick it up via tickets', 'L2 will pick it up via tickets'],
  ['capacity to be revisited during hypercare', 'to be revisited during hypercare'],
  // who
  ['The SRE team will decide the RTO.', 'The SRE team will decide the RTO'],
  ["Ops'll sort it out", "Ops'll sort it out"],
  ['Left to the operations team.', 'Left to the operations team'],
  ['ops to decide', 'ops to decide'],
  ['We agreed that the NOC will set the thresholds.', 'the NOC will set the thresholds'],
  ['Service desk to triage and raise P1 if needed.', 'Service desk to triage and raise P1 if needed'],
  ['The recovery option is a decision for the run team.', 'decision for the run team'],
  ['Alerting levels: the NOC\'s call.', "the NOC's call"],
  ['We will let the on-call engineers decide.', 'let the on-call engineers decide'],
  // when
  ['RPO will be agreed with the business once we are live', 'will be agreed with the business once we are live'],
  ['TBD post-launch', 'TBD post-launch'],
  ['Revisit after GA', 'Revisit after GA'],
  ['Numbers to be defined later.', 'to be defined later'],
  ['Thresholds get tuned in production.', 'tuned in production'],
  ['Once we have real traffic we will size it.', 'Once we have real traffic we will size'],
  ['Post-GA.', 'Post-GA'],
  // what: reacting instead of planning
  ['Add more nodes when required', 'Add more nodes when required'],
  ['Outages go via the incident process', 'via the incident process'],
  ['We monitor and adjust.', 'monitor and adjust'],
  ['fix it when it breaks', 'fix it when it breaks'],
  ['deal with issues as they come up', 'deal with issues as they come up'],
  ['wait and see', 'wait and see'],
  ['Sized based on incidents', 'based on incidents'],
  ['After the first outage we will add DR.', 'After the first outage'],
  // the phrase of several clauses is the one that defers, and overlapping finds read as one phrase
  ['Backups run nightly. Restore time: the on-call engineer will decide.', 'the on-call engineer will decide'],
  ['Ops will monitor and scale as needed after go-live.', 'Ops will monitor and scale as needed after go-live'],
];

const NOT_DEFERRING = [
  // done or agreed in design
  'The operations team reviewed and agreed this in design.',
  'Thresholds were agreed with the NOC during design.',
  'Ops signed off the continuity plan before go-live.',
  'Agreed in the design review on 2026-03-01.',
  // negations
  'Not left to ops.',
  'Nothing in this area is deferred to operations.',
  'Never scale as needed: capacity is provisioned for twice the forecast peak.',
  'Proactive, not reactive.',
  'A non-reactive batch job.',
  'Rather than reactive firefighting we load test quarterly.',
  'Reactive maintenance is not acceptable for this tier.',
  // operational facts that are requirements
  'Service hours follow the operating calendar.',
  'Ops will be paged when the error budget burn rate exceeds 2x.',
  'On-call will fail over to the second region within 5 minutes, per runbook RB-4.',
  'SRE will review this file every quarter.',
  'After go-live the target rises to 99.95%, as agreed with the business.',
  'Data must be encrypted in production.',
  'it will handle 2x peak with autoscaling',
  'The platform will scale to 3 zones.',
  'Support staff handle password resets.',
  // runbooks
  'Ops will monitor the saturation dashboard.',
  'Failover steps are in the NOC runbook RB-42.',
  // "operational", "operations", "reactive", "support" in other senses
  'The operational data store keeps 90 days of orders.',
  'Read operations will set a shared lock.',
  'Each operation will set its own timeout.',
  'The post-go-live review confirmed the targets.',
  'Built on the Spring WebFlux reactive stack; 10k rps per pod.',
  'Uses reactive-streams back-pressure towards the card network.',
  'Reactive programming keeps thread count low.',
  'This service supports the service desk tooling.',
  'SLI is the share of successful authorisations.',
  'Mon-Fri 08:00-18:00 Europe/Paris',
];

describe('deferral phrases', () => {
  it.each(DEFERRING)('finds the deferral in %j', (text, phrase) => {
    expect(findDeferralPhrase(text)).toBe(phrase);
  });

  it('matches whatever the case', () => {
    expect(findDeferralPhrase('OPS WILL MONITOR')).toBe('OPS WILL MONITOR');
    expect(findDeferralPhrase('Handled By Incident Management')).toBe('Handled By Incident Management');
    expect(findDeferralPhrase('REACTIVELY')).toBe('REACTIVELY');
    expect(findDeferralPhrase('TO BE SIZED BY THE RUN TEAM ONCE LIVE')).toBe('TO BE SIZED BY THE RUN TEAM ONCE LIVE');
  });

  it.each(NOT_DEFERRING)('finds no deferral in %j', (text) => {
    expect(findDeferralPhrase(text)).toBeUndefined();
  });

  it('reads "not X until go-live" as waiting for go-live', () => {
    expect(findDeferralPhrase("We can't size it until we are live.")).toBe('size it until we are live');
  });
});

describe('deferral phrases from config', () => {
  const matcher = deferralMatcher({ phrases: ['parked with the  CCoE', 'BAU-ready'], ignore: ['ops will decide the patch day'] });

  it('adds its phrases, case-insensitively and whatever the spaces, as whole words', () => {
    expect(matcher('Capacity is Parked with the CCoE for now.')).toBe('Parked with the CCoE');
    expect(matcher('BAU-ready')).toBe('BAU-ready');
    expect(matcher('parked with the CCoEs')).toBeUndefined();
    expect(findDeferralPhrase('Parked with the CCoE.')).toBeUndefined();
  });

  it('never counts ignored text, and still reads the text around it', () => {
    expect(matcher('Ops will decide the patch day.')).toBeUndefined();
    expect(findDeferralPhrase('Ops will decide the patch day.')).toBe('Ops will decide the patch day');
    expect(matcher('Ops will decide the patch day; sizing left to BAU.')).toBe('left to BAU');
  });

  it('applies the same guards to its phrases as to the built-in ones', () => {
    expect(matcher('Not parked with the CCoE: agreed here.')).toBeUndefined();
  });

  it('is the built-in matcher when the config adds nothing, and is compiled once per config', () => {
    expect(deferralMatcher({ phrases: [], ignore: [] })).toBe(findDeferralPhrase);
    expect(deferralMatcher(undefined)).toBe(findDeferralPhrase);
    const config = { phrases: ['x'], ignore: [] };
    expect(deferralMatcher(config)).toBe(deferralMatcher(config));
  });

  it('takes phrases with regular-expression characters literally', () => {
    const m = deferralMatcher({ phrases: ['(ops)?', 'a.b'], ignore: [] });
    expect(m('owner (ops)? yes')).toBe('(ops)?');
    expect(m('axb')).toBeUndefined();
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
