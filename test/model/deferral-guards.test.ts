// The guards of the deferral matcher (src/model/deferral-guards.ts), each on the clause as the
// matcher reads it (lower case): what in the words around a match says it is no deferral after all.
import { describe, expect, it } from 'vitest';
import {
  answered,
  artifactInCare,
  automaticOrSelfService,
  bareFuture,
  closedNote,
  completed,
  contingency,
  deadline,
  evidenced,
  inForceFrom,
  laterScope,
  negated,
  otherWork,
  projectEventScheduled,
  referenced,
  rejected,
  settled,
  startsWithUntil,
  superseded,
} from '../../src/model/deferral-guards.js';

describe('negated', () => {
  it('reads a negation in the words near the phrase', () => {
    expect(negated('not left to ops', 'not left to ops')).toBe(true);
    expect(negated("won't scale as needed", '')).toBe(true);
    expect(negated('left to ops', 'left to ops')).toBe(false);
    // "not yet" and "no later than" put off, they do not negate
    expect(negated('not yet sized by ops', '')).toBe(false);
  });

  it('reads a negative subject further back, and only there', () => {
    expect(negated('is deferred to operations', 'nothing in this area is deferred to operations')).toBe(true);
    expect(negated('nothing is deferred to operations', 'is deferred to operations')).toBe(false);
  });
});

describe('rejected', () => {
  it('reads a rejection after the phrase', () => {
    expect(rejected(' is not acceptable for this tier')).toBe(true);
    expect(rejected(', but we decided against it')).toBe(true);
    expect(rejected(' until the pilot ends')).toBe(false);
  });
});

describe('startsWithUntil', () => {
  it('is a phrase that starts with "until" or "till", as a word', () => {
    expect(startsWithUntil('until we are live')).toBe(true);
    expect(startsWithUntil('till launch')).toBe(true);
    expect(startsWithUntil('untiled floors')).toBe(false);
    expect(startsWithUntil('size it until we are live')).toBe(false);
  });
});

describe('settled', () => {
  it('is work done or agreed in design', () => {
    expect(settled('thresholds were agreed with the noc during design')).toBe(true);
    expect(settled('ops will size it after go-live')).toBe(false);
  });

  it('is not when the clause defers in so many words, or names design as what left the work out', () => {
    expect(settled('deferred at the design review')).toBe(false);
    expect(settled('failover is out of scope for the design phase')).toBe(false);
    expect(settled('failover was decided in the design phase')).toBe(true);
  });

  it('reads only what a reported decision says, not who reported it', () => {
    // "the design review agreed that…": the review settles nothing, what it agreed is a deferral
    expect(settled('the design review agreed that ops will size it')).toBe(false);
    expect(settled('the design review agreed that it is fixed in the design phase')).toBe(true);
  });
});

describe('completed', () => {
  it('is work done now', () => {
    expect(completed('deferred items are all closed')).toBe(true);
    expect(completed('ops will close them after go-live')).toBe(false);
  });
});

describe('answered', () => {
  const q = 'do ops need to act at go-live? ';

  it('is a question followed by an answer', () => {
    expect(answered(`${q}no, all areas are agreed.`, 0)).toBe(true);
    expect(answered(`${q}2 nodes`, 0)).toBe(true);
    // a word that only starts like an open answer is an answer
    expect(answered(`${q}tbdx`, 0)).toBe(true);
    expect(answered(`${q}opened yesterday`, 0)).toBe(true);
  });

  it('is not a question with no answer, or an answer that is itself open', () => {
    expect(answered(q, 0)).toBe(false);
    expect(answered(`${q}...`, 0)).toBe(false);
    expect(answered(`${q}or the noc?`, 0)).toBe(false);
    for (const open of ['tbd', 'tbc', 'tba', 'not yet', 'not  yet', 'unknown', 'open']) expect(answered(`${q}${open}`, 0), open).toBe(false);
    // an open word further on does not make the answer open
    expect(answered(`${q}yes, not yet signed`, 0)).toBe(true);
  });

  it('is only the question that the match is in: none after it, none past the end of its sentence', () => {
    expect(answered('ops will decide', 0)).toBe(false);
    expect(answered('? yes', 0)).toBe(true);
    for (const end of ['.', ';', '!', '\n']) expect(answered(`ops will decide${end} can the noc help? yes`, 0), JSON.stringify(end)).toBe(false);
    expect(answered('ops will decide. can the noc help? yes', 17)).toBe(true);
    expect(answered('can the noc help? yes. ops will decide', 23)).toBe(false);
  });
});

describe('contingency', () => {
  it('is a "what if" asked just before the phrase', () => {
    expect(contingency('what if ', 'the region fails')).toBe(true);
    expect(contingency('so, what if ', 'it breaks')).toBe(true);
    expect(contingency('what if the region fails? ', 'we fail over')).toBe(false);
    expect(contingency('somewhat if ', 'x')).toBe(false);
    expect(contingency('what  if\t', 'it breaks')).toBe(true);
    expect(contingency('what if  ', 'it breaks')).toBe(true);
  });

  it('is a "what" before a phrase that starts with "if"', () => {
    expect(contingency('what ', 'if the region fails')).toBe(true);
    expect(contingency('what ', 'when the region fails')).toBe(false);
    expect(contingency('what ', 'iffy capacity')).toBe(false);
    expect(contingency('so ', 'if the region fails')).toBe(false);
    expect(contingency('somewhat ', 'if the region fails')).toBe(false);
    expect(contingency('what  ', 'if the region fails')).toBe(true);
    expect(contingency('what is it? so ', 'if the region fails')).toBe(false);
    expect(contingency('what ', 'so if the region fails')).toBe(false);
  });
});

describe('closedNote', () => {
  it('is a short note that ends with a word of completion', () => {
    expect(closedNote('who: sre. done.', 3)).toBe(true);
    expect(closedNote('who: sre. done.', 15)).toBe(true);
    expect(closedNote('who: sre. done.', 16)).toBe(false);
    expect(closedNote('who: sre. open.', 3)).toBe(false);
  });
});

describe('otherWork', () => {
  it('is other work than a warranty decision, only when no warranty topic is named', () => {
    expect(otherWork('revisit the pricing tiers later')).toBe(true);
    expect(otherWork('the mobile app capacity will be sized after launch')).toBe(false);
    expect(otherWork('ops will decide after go-live')).toBe(false);
  });
});

describe('bareFuture', () => {
  const says = (clause: string): boolean => bareFuture(clause, clause, clause);

  it('is a future said of a named subject of its own', () => {
    expect(says('after go-live the project board will be dissolved')).toBe(true);
    expect(says("the architects'll move on")).toBe(true);
    expect(says('the architects are going to move on')).toBe(true);
  });

  it('is not with an actor or a verb of the lists marked, or a warranty topic named', () => {
    const clause = 'after go-live the project board will be dissolved';
    for (const mark of ['\x01', '\x03', '\x05', '\x07', '\x0b']) expect(bareFuture(clause, `${mark}${clause}`, clause), JSON.stringify(mark)).toBe(false);
    expect(bareFuture(clause, '\x02\x04\x06\x08\x0c', clause)).toBe(true);
    expect(says('after go-live the capacity board will be dissolved')).toBe(false);
  });

  it('is not without a future', () => {
    expect(says('after go-live the project board is dissolved')).toBe(false);
  });

  it('reads the subject from the clause with its moments marked, and not words that name nothing', () => {
    // the moment's own words, marked, are no subject: only "will" and "be" are left
    expect(bareFuture('after go-live it will be done', 'after go-live it will be done', '\x0e\x0f\x0f\x0f\x0f\x0f\x0f\x0f\x0f\x0f\x0f\x0f\x0f it will be done')).toBe(false);
    expect(says('the numbers will follow')).toBe(false);
    expect(says("we'll see")).toBe(false);
    // adverbs name nothing either
    expect(says('it will eventually happen')).toBe(false);
    expect(says('it will happen')).toBe(false);
    // words of two letters are too short to be a subject
    expect(says('it will go')).toBe(false);
    expect(bareFuture('the board will go', 'the board will go', '\x0e\x0f\x0f')).toBe(false);
  });
});

describe('laterScope', () => {
  const scope = (clause: string, phrase: string): boolean => laterScope(clause, clause, clause.indexOf(phrase), phrase);

  it('is a later phase that schedules a named thing of no warranty topic', () => {
    expect(scope('single sign-on is planned for phase 2', 'phase 2')).toBe(true);
    expect(scope('the spanish version will be delivered within 3 months of launch', 'within 3 months of launch')).toBe(true);
  });

  it('is not another moment, or a clause that names a warranty topic', () => {
    expect(scope('single sign-on is planned for after go-live', 'after go-live')).toBe(false);
    expect(scope('capacity is planned for phase 2', 'phase 2')).toBe(false);
  });

  it('is not said with no subject of its own: only pronouns, auxiliaries or adverbs before the phase', () => {
    expect(scope('this is for phase 2', 'phase 2')).toBe(false);
    expect(scope('it will be done in phase 2', 'phase 2')).toBe(false);
    expect(scope('hopefully in phase 2', 'phase 2')).toBe(false);
  });

  it('reads the subject after a label, and only before the phase', () => {
    expect(scope('release plan: in phase 2', 'phase 2')).toBe(false);
    expect(scope('release plan — in phase 2', 'phase 2')).toBe(false);
    expect(scope('release plan - in phase 2', 'phase 2')).toBe(false);
    expect(scope('release-plan in phase 2', 'phase 2')).toBe(true);
    // what follows the phase is not its subject
    expect(scope('in phase 2 for single sign-on', 'phase 2 for single sign-on')).toBe(false);
  });
});

describe('inForceFrom', () => {
  it('is a settled arrangement that starts at a moment', () => {
    expect(inForceFrom('network monitoring covers the service from go-live', 'network monitoring covers the service ', 'from go-live')).toBe(true);
    expect(inForceFrom('the targets apply as of launch', 'the targets apply as of ', 'launch')).toBe(true);
    expect(inForceFrom('charging starts effective launch', 'charging starts effective ', 'launch')).toBe(true);
    expect(inForceFrom('the rota is staffed starting go-live', 'the rota is staffed starting ', 'go-live')).toBe(true);
    expect(inForceFrom('the targets apply as  of  launch', 'the targets apply as  of  ', 'launch')).toBe(true);
  });

  it('is not a moment that does not start it, nor one said with no verb of being in force', () => {
    expect(inForceFrom('network monitoring covers the service after go-live', 'network monitoring covers the service ', 'after go-live')).toBe(false);
    expect(inForceFrom('ops tune the alerts from go-live', 'ops tune the alerts ', 'from go-live')).toBe(false);
    expect(inForceFrom('the targets apply fromage', 'the targets apply ', 'fromage')).toBe(false);
    expect(inForceFrom('the targets apply from go-live', 'the targets apply from go-live', 'later')).toBe(false);
    expect(inForceFrom('the targets apply after go-live', 'the targets apply after ', 'go-live from there')).toBe(false);
  });

  it('is not what running yields, which is a source to size from', () => {
    expect(inForceFrom('the limits apply from production data', 'the limits apply from ', 'production data')).toBe(false);
    expect(inForceFrom('the limits apply from production', 'the limits apply from ', 'production')).toBe(true);
  });
});

describe('the guards that read one pattern', () => {
  it.each([
    [superseded, 'previously left to ops; now defined here', 'left to ops for now'],
    [evidenced, 'scaled to 4 nodes', 'scaled as needed'],
    [referenced, 'see the escalation matrix below', 'see you later'],
    [deadline, 'restore within 4 hours ', 'restore soon '],
    [automaticOrSelfService, 'failover happens automatically when needed', 'failover happens when needed'],
    [projectEventScheduled, 'the rollout to the remaining regions happens later', 'ops will size it later'],
    [artifactInCare, 'the grafana dashboard is owned by the platform team', 'the thresholds are owned by the platform team'],
  ] as Array<[(s: string) => boolean, string, string]>)('%o', (guard, yes, no) => {
    expect(guard(yes)).toBe(true);
    expect(guard(no)).toBe(false);
  });
});
