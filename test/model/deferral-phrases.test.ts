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
  ['After the first outage we will add DR.', 'After the first outage we will add'],
  // the phrase of several clauses is the one that defers, and overlapping finds read as one phrase
  ['Backups run nightly. Restore time: the on-call engineer will decide.', 'the on-call engineer will decide'],
  ['Ops will monitor and scale as needed after go-live.', 'Ops will monitor and scale as needed after go-live'],
  // round 3 of issue 17 (general forms, each measured on a held-out set first)
  ["The vendor's ops team will set the thresholds.", "The vendor's ops team will set the thresholds"],
  ["Our partner's NOC will decide the RTO.", "Our partner's NOC will decide the RTO"],
  ['After cutover the SRE team owns the monitoring.', 'After cutover the SRE team owns the monitoring'],
  ['Failover handled on a best-effort basis.', 'best-effort'],
  ['Restarts on request.', 'Restarts on request'],
  ['Rebuilt if the node gets evicted.', 'if the node gets evicted'],
  ['NOC: alert tuning after 2 weeks live.', 'tuning after 2 weeks live'],
  ['Action on ops to set the RPO.', 'on ops to set'],
  ['Capacity adapted depending on demand.', 'adapted depending on demand'],
  ['Replica count held back until launch.', 'held back'],
  ['SysOps to decide.', 'SysOps to decide'],
  ['Level 2 support picks this up.', 'Level 2 support picks this up'],
  ['We react to alerts instead of forecasting up front.', 'react to alerts'],
  // round 4
  ['Once up and running, the NOC will set alarms.', 'Once up and running, the NOC will set alarms'],
  ['After we hand over, support decides.', 'After we hand over, support decides'],
  ['Come launch, infra takes it from there.', 'Come launch, infra takes it from there'],
  ['Retention to be agreed with the DBAs after a quarter of production.', 'to be agreed with the DBAs after a quarter of production'],
  ['Size it when it comes to it.', 'Size it when it comes to it'],
  ['Tweak as we learn.', 'Tweak as we learn'],
  ['Add shards as the order data grows.', 'Add shards as the order data grows'],
  ['Bump memory if it starts timing out.', 'Bump memory if it starts timing out'],
  ['Ops plan to revisit this in hypercare.', 'Ops plan to revisit this in hypercare'],
  ['Vendor support will patch when needed.', 'Vendor support will patch when needed'],
  ['Left with BAU until launch.', 'Left with BAU'],
  ['At the discretion of the run team.', 'discretion of the run team'],
  ['Kicked into the long grass.', 'Kicked into the long grass'],
  ['Until the NOC is up to speed, we watch it ourselves.', 'Until the NOC is up to speed'],
  ['Reboots done by whoever is on duty.', 'done by whoever is on duty'],
  ['Whoever operates the service will choose the RPO.', 'Whoever operates the service will choose the RPO'],
  ['Add nodes when needed by the business.', 'Add nodes when needed'],
  // round 5
  ['Thresholds to be set by operations following service transition.', 'to be set by operations following service transition'],
  ['Event rules to be configured by the SOC upon onboarding.', 'to be configured by the SOC upon onboarding'],
  ['Limits established iteratively by the run team.', 'established iteratively by the run team'],
  ['Restart it if it dies.', 'Restart it if it dies'],
  ['Scale up on customer complaints.', 'Scale up on customer complaints'],
  ['Add workers if we see throttling.', 'Add workers if we see throttling'],
  ["Fix latency problems when they're reported.", "Fix latency problems when they're reported"],
  ['The on-call engineer decides whether to page the vendor.', 'The on-call engineer decides whether to page the vendor'],
  ['Second level support is to supply the restore steps.', 'Second level support is to supply the restore steps'],
  ['Peak to be reviewed after the first holiday season.', 'to be reviewed after the first holiday season'],
  ["Quotas set once there's real usage.", "set once there's real usage"],
  ['Moved to the BAU backlog.', 'Moved to the BAU backlog'],
  ['Retention is to define with the DBAs.', 'define with the DBAs'],
  ["Let's ask ops after launch.", 'ask ops'],
  ["Disk extended when it's full.", "extended when it's full"],
  ["We'll grow the cluster with demand.", "grow the cluster with demand"],
  ['To be reviewed by SRE after launch.', 'To be reviewed by SRE after launch'],
  // round 6
  ['The hosting team sizes it from there.', 'The hosting team sizes it from there'],
  ['A question for the capacity team.', 'question for the capacity team'],
  ['Retention pending sign-off from the DBAs.', 'pending sign-off from the DBAs'],
  ['Add memory when it hurts.', 'Add memory when it hurts'],
  ["We'll buy more when we run out.", "We'll buy more when we run out"],
  ['Alerts will show us what to watch.', 'Alerts will show us'],
  ['Whenever they get to it.', 'Whenever they get to it'],
  ['Once the project closes, BAU owns it.', 'Once the project closes, BAU owns it'],
  ['L3 to document restores post go-live.', 'L3 to document restores post go-live'],
  // round 7
  ['Follow-up (SRE): alert routing.', 'Follow-up (SRE)'],
  ['Restores: L2 after go-live.', 'Restores: L2 after go-live'],
  ['Retention: DBAs, ongoing.', ': DBAs'],
  ['The run team can work the limits out in hypercare.', 'The run team can work the limits out in hypercare'],
  ['The decision is with the NOC.', 'decision is with the NOC'],
  ['SRE are willing to own failover after launch.', 'SRE are willing to own failover after launch'],
  ['Monitor + adjust', 'Monitor + adjust'],
  ['Left to beheer after the livegang.', 'Left to beheer after the livegang'],
  // round 8: the request after a comma or a second predicate, instructions to the receiving team, contract deadlines
  ['Limits were never agreed, please tune them after a month of traffic.', 'tune them after a month of traffic'],
  ['Headroom has not been modelled and will be set from production metrics.', 'will be set from production metrics'],
  ['Thresholds: you will need to choose them once you see how it performs.', 'will need to choose them once you see how it performs'],
  ['The RPO shall be agreed by the supplier within sixty (60) days of commencement.', 'shall be agreed by the supplier within sixty (60) days of commencement'],
  ['Failover is out of scope for the design phase and will be worked out by ops.', 'worked out by ops'],
  // round 9: contract periods and qualified events, running states in other words, the people served starting, "something X will", "one" as an object
  ['Capacity will be re-baselined after the first two reporting periods.', 'will be re-baselined after the first two reporting periods'],
  ['The RPO will be agreed within three months of the Full Service Commencement.', 'will be agreed within three months of the Full Service Commencement'],
  ['The SLA will be set after the system is productive for a quarter.', 'will be set after the system is productive'],
  ['The receiving operator will decide the headroom once they have run it for a bit.', 'The receiving operator will decide the headroom once they have run it for a bit'],
  ['Patch cadence to be defined after project closure.', 'Patch cadence to be defined after project closure'],
  ['Data ops will tune the cluster after observing the batch loads for a few weeks.', 'Data ops will tune the cluster after observing the batch loads for a few weeks'],
  ['Replication will be introduced once traffic warrants it.', 'will be introduced once traffic warrants'],
  ['Headroom: ops to populate after go-live.', 'ops to populate after go-live'],
  ['RPO: the DBAs will work one out when they get the time.', 'the DBAs will work one out when they get the time'],
  ['Failover: whoever ends up supporting this to define it.', 'whoever ends up supporting this to define it'],
  ['Error budget: the pager rota will show us what is realistic.', 'will show us what is realistic'],
  ['Chat log: "could we let the run team choose the RTO?"', 'could we let the run team choose the RTO?'],
  ['Targets to be set by ops after transition is complete.', 'to be set by ops after transition'],
  ['Ops will tune the alerts when the rollout is approved.', 'Ops will tune the alerts when the rollout is approved'],
  ['The Provider will establish monitoring thresholds during the Initial Operating Period.', 'will establish monitoring thresholds during the Initial Operating Period'],
  ['Sizing will settle itself once the platform has seen a few month-ends.', 'Sizing will settle itself once the platform has seen a few month-ends'],
  ['Presumably the cloud team will sort it once traffic ramps.', 'will sort it once traffic ramps'],
  ["We'll decide on DR when we have real revenue depending on it.", "We'll decide on DR when we have real revenue"],
  // round 9: a warranty topic keeps a deferral that also names other work
  ['Support hours for the new countries will be set once users start working.', 'will be set once users start working'],
  ['Response times for the payment screens: ops to populate after go-live.', 'ops to populate after go-live'],
];

const NOT_DEFERRING = [
  // round 3 of issue 17: a mechanism, the users' own requests, a later phase's scope, past and superseded work
  'Reactive scaling from a warm pool of 4 nodes.',
  'Exports can be run on request by any user.',
  'Phase 3 adds the mobile channel.',
  'Capacity as designed.',
  'Pool sizes were derived from the 2025 peak after go-live.',
  'Retired the reactive process in 2024.',
  'Alerts go via tickets per the routing matrix.',
  // round 4: superseded, automatic, a requirement's source, a rejected way, values restated
  'Initially best effort, now a 99.9% SLO.',
  'We used to firefight; now capacity is planned.',
  'Failover is automatic when needed.',
  'If a pod dies, Kubernetes restarts it.',
  'Routine alerts are not used; paging is planned.',
  'Post-GA: same thresholds.',
  'Logs are kept as required by the audit team (400 days).',
  // round 5: verified, a place in the document, negated with "to be", restated, a later release's feature, a matrix
  'Reviewed by SRE.',
  'Later in this file, the DR section lists the steps.',
  'Not to be handled reactively.',
  'post-GA: no change',
  'Support for gRPC is a feature of the next release.',
  'Handled by L2 according to the OLA.',
  // round 6: Operation receives what design made; closed notes; hours and frequencies beside routine work; results of tests
  'The NOC will receive the runbooks at go-live, with all alerts set.',
  'Ops will get admin access from day one.',
  'Ops apply the agreed patch window from launch.',
  'Who: ops. When: after launch. Done.',
  '[ops] done',
  'Cover 07-19 by the service desk.',
  'Key rotation every 30 days (SecOps task).',
  'Sized from the load test results by SRE.',
  'Out of scope of this document: phase 2.',
  // round 7: past changes, completion in a short note, keeping what is set, hyphenated quantities, data from a pilot
  'Capacity was added after go-live and is now in the plan.',
  'Thresholds: SLOs set',
  'After launch, ops keep the thresholds as defined here.',
  'Incident response owned by L2 with 30-minute response.',
  'Sizing from the pilot: 4 nodes.',
  // round 8: product scope, the project's schedule, software "reactive", things built and in force
  'The admin UI will get a dark mode later.',
  'Pricing will be reviewed after launch by the product owner.',
  'The migration of the last tenants takes place later, in wave 3.',
  'The search box is reactive to keystrokes.',
  'Retries with exponential backoff make the client reactive to transient errors.',
  'The status dashboard is owned by the NOC.',
  'Once live, patching follows the standard change calendar.',
  'Failover drill - done by the NOC on 14/03.',
  'Network monitoring covers the service from go-live.',
  'Hosts are sized for 500 users and tuned accordingly.',
  // round 9: other work than a warranty decision (people, what is written for users, defects, business reports), software "reactive"
  'We plan to recruit two testers after the pilot.',
  'The onboarding survey will be sent out by the service desk once live.',
  'A user guide will be written later by the support team.',
  'Typos and cosmetic bugs will be fixed after go-live by the project team.',
  'Management reports will be built in a later release.',
  'Onboarding sessions for new joiners will be organised by HR after launch.',
  'Events are consumed reactively off the message bus.',
  'Ad-hoc analytics queries run on the shared warehouse.',
  'Cache entries are refreshed reactively when the source record changes.',
  'Preview environments are spun up ad hoc per pull request.',
  'Events are handled reactively by the consumer group.',
  'The service is built on a reactive, non-blocking stack.',
  'The team will onboard two more developers after the pilot.',
  'Knowledge articles will be written by L1 once the service is live.',
  'A webinar for partners will be held once the service is live.',
  'Our designers will refine the icons later.',
  'The steering committee will decide on the second country rollout after the pilot.',
  'Additional payment methods are planned for phase 2.',
  'Search results update reactively as the user types.',
  'Exports run ad hoc when the analyst clicks the button.',
  // round 9: a later phase or a deadline after launch that schedules a named thing of the product's scope
  'Single sign-on for partner accounts is planned for phase 2.',
  'The archive module will be migrated in a later sprint.',
  'The Spanish version of the app will be delivered within 3 months of launch.',
  'Help desk staff will get a refresher course after go-live.',
  'The contract with the vendor will be renewed after the first year of operation.',
  'Once in production, the data protection officer will review the privacy notice.',
  // round 9: a bare future after a moment, said of a named subject with no actor, verb of the lists or warranty topic
  'After go-live the project board will be dissolved.',
  'Once the service is live, the architects will move on to the next project.',
  'Post-launch, the team will celebrate with a dinner.',
  // round 9: what Operation owns now, with the rest of its sentence saying where the values are kept
  'SRE own the alerting for this platform; the rules are kept in the alert register.',
  'The run team owns the thresholds; the values are listed in the service catalogue.',
  'The DBAs own the backups; schedule and retention are in the backup policy BP-7.',
  'L2 owns incident response; see the escalation matrix below.',
  'The NOC owns the alerting; rules are in alerts/rules.yaml.',
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
  const matcher = deferralMatcher({ phrases: ['queued with the  CCoE', 'BAU-ready'], ignore: ['ops will decide the patch day'] });

  it('adds its phrases, case-insensitively and whatever the spaces, as whole words', () => {
    expect(matcher('Capacity is Queued with the CCoE for now.')).toBe('Queued with the CCoE');
    expect(matcher('BAU-ready')).toBe('BAU-ready');
    expect(matcher('queued with the CCoEs')).toBeUndefined();
    expect(findDeferralPhrase('Queued with the CCoE.')).toBeUndefined();
  });

  it('never counts ignored text, and still reads the text around it', () => {
    expect(matcher('Ops will decide the patch day.')).toBeUndefined();
    expect(findDeferralPhrase('Ops will decide the patch day.')).toBe('Ops will decide the patch day');
    expect(matcher('Ops will decide the patch day; sizing left to BAU.')).toBe('left to BAU');
  });

  it('applies the same guards to its phrases as to the built-in ones', () => {
    expect(matcher('Not queued with the CCoE: agreed here.')).toBeUndefined();
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
