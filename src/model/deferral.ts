/**
 * Deferral to Operation in the teams' own words (SPEC §2, "Deferral to Operation").
 *
 * A note defers a warranty area when it hands the work to the people who run the service (who:
 * ops, the run team, SRE, the NOC, support, BAU, L2…), puts it off to after design (when: after
 * go-live, once live, during hypercare, in production, phase 2, later…), or leaves it to events (as
 * needed, when it breaks, via tickets, reactive). Three parts, one file each:
 *
 * - deferral-vocabulary.ts: the words, one list per class (actors, moments, verbs, reactions);
 * - FAMILIES below: the patterns of those classes that defer, one line each with an example;
 * - deferral-guards.ts: what in the clause around a match undoes it (negation, work settled in
 *   design, concrete evidence for a description of routine work, a deadline, a rejected option).
 *
 * The text is read first (deferral-text.ts: lower case, abbreviations spelled out); its actors and
 * verbs are then marked once, so that each family names them by a mark rather than compiling the
 * vocabulary again (compiling is the costly part of a large expression). Every gap in a pattern and
 * every look around a match is bounded, so the work is linear in the text.
 *
 * Whether the text counts at all is the caller's: only while an every-tier essential of the area is
 * missing (`findDeferral` in build.ts), so runbook prose beside a complete area never does.
 *
 * Why this file is long: the families are one table, and the marks they read and the function that
 * applies the guards to each match belong with it.
 */
import {
  ACTORS,
  ACTOR_PREFIXES,
  ANY_VERB_FORM,
  CHANNELS,
  COMPUTING_BEFORE_OPERATIONS,
  DATA_NOUNS,
  DECIDE,
  DEFERRED_WORDS,
  EVENTS,
  HANDLE,
  LATER_PHASES,
  OPEN_WORDS,
  PERIODS,
  REACTIVE_WORDS,
  RUNNING_STATES,
  SUPPORT_LEVEL,
  TEAM_NOUNS,
  TEAM_OWNERS,
  WAITING_FOR,
  WATCH,
  WATCH_FORM,
  alt,
  list,
} from './deferral-vocabulary.js';
import { clauseAround, countWords, read, wordAfter, wordBefore, wordsBefore } from './deferral-text.js';
import { answered, artifactInCare, automaticOrSelfService, bareFuture, closedNote, completed, contingency, deadline, evidenced, inForceFrom, laterScope, negated, otherWork, referenced, projectEventScheduled, rejected, settled, startsWithUntil, superseded } from './deferral-guards.js';

// ---- Marks: actors and verbs, found once per text ----------------------------------------------

// the support level first: "support level 2" is one actor, not "support" and then a number
const ACTOR_ONE = alt(SUPPORT_LEVEL, String.raw`whoever\s+(?:(?:ends\s+up|will\s+be|is)\s+(?:running|operating|supporting|looking\s+after)|runs|operates|supports|looks\s+after)\s+(?:it|this|the\s+(?:service|system|platform))`, `(?:${list(ACTOR_PREFIXES)}\\s+)?${list(ACTORS)}`, `${list(TEAM_OWNERS)}\\s+${list(TEAM_NOUNS)}`);
/** One team or two ("SRE/ops"), with the nouns that still name it ("the ops team", "SRE on-call"). */
const ACTOR_PHRASE = String.raw`${ACTOR_ONE}(?:\s*\/\s*${ACTOR_ONE}|['’]s\s+${ACTOR_ONE})?(?:\s+${list(TEAM_NOUNS)})*`;
const NOT_COMPUTING = String.raw`(?<!\b(?:${list(COMPUTING_BEFORE_OPERATIONS)}|\d)\s+)`;
/**
 * Where a name starts: after no letter. Not `\b`, which without the u flag knows only ASCII letters:
 * before "équipe run" there was never a word boundary, so the French names were never found.
 */
const NAME_START = String.raw`(?<![\w\u00C0-\u024F])`;
/**
 * "Operation" names the stage too ("left to Operation"); as a subject it does so only bare
 * (`subjectStart`): "each operation will set a lock".
 */
const ACTOR_MARK = new RegExp(String.raw`${NAME_START}${NOT_COMPUTING}(?:${ACTOR_PHRASE}|(?:service\s+)?operation)(?!\w)`, 'g');
/**
 * Verbs: base forms ("ops will size") marked \x03, of watching \x05; other forms ("sized", "sizes",
 * "sizing") \x07, of watching \x0b.
 */
const VERB_MARK = new RegExp(String.raw`\b(?:(${WATCH})|(${DECIDE}|${HANDLE})|(${WATCH_FORM})|${ANY_VERB_FORM})\b`, 'g');

/** A marked actor: \x01 then \x02 to its length, so that positions in the marked text are those of the text. */
const ACTOR = String.raw`\x01\x02*`;
const ACT = String.raw`\x03\x04*`;
const WATCHING = String.raw`\x05\x06*`;
const ANY_FORM = String.raw`(?:\x03\x04*|\x05\x06*|\x07\x08*|\x0b\x0c*)`;
/** A verb of deciding or acting in a form that may be a participle: "sized", "set", "picked up". */
const DONE = String.raw`(?:\x07\x08*(?:\s+(?:out|up|over|on|down|back|in|with|after|of|care\s+of|in\s+place))?|\x03\x04*|\bdone\b)`;
/** A marked moment (see MOMENT). */
const AT_MOMENT = String.raw`\x0e\x0f*`;

// "the client's IT operations", "our vendor's ops team": an owner's name in the possessive is a determiner
const DETERMINER = String.raw`(?:(?:the|our|an?|their|your|whoever\s+is)\s+)?(?:(?:[a-z-]+\s+)?[a-z-]+['’]s?\s+)?`;
const ACTOR_OBJ = `${DETERMINER}${ACTOR}`;
// "…handed to operations, who will define the alerting": a relative clause makes the actor its subject.
const ACTOR_SUBJ = String.raw`${ACTOR}(?:\s*,?\s+who)?`;
/** Will, must, is to, is expected to…: the actor is given work to do ("ops'll handle it", "run team to size it"). */
const MODAL = String.raw`(?:\s+(?:will|shall|should|must|can|could|may|might|would|to|(?:is|are)\s+(?:happy|willing|keen|ready|prepared)\s+to|(?:is|are|was|were)\s+(?:going|expected|supposed|meant|asked|told|required)\s+to|needs?\s+to|ha(?:s|ve)\s+to|(?:is|are)\s+to)\s+|['’]ll\s+)`;
const ADVERBS = String.raw`(?:(?:just|then|also|simply|probably|likely|eventually|first|ultimately|need\s+to|have\s+to|continue\s+to|want\s+to|like\s+to|plan\s+to|try\s+to|be\s+able\s+to|(?:be\s+)?(?:happy|willing|keen|ready|prepared)\s+to)\s+)*`;
/** The area or a pronoun, as the object of watching: "ops will monitor capacity", "keep an eye on it". */
const WATCHED = String.raw`(?:\s+(?:it|this|that|them|things|closely|the\s+service|(?:(?:the|our)\s+)?(?:[\w-]+\s+)?(?:capacity|availability|performance|usage|load|utili[sz]ation|demand|traffic|uptime|health|growth|latency|errors?|error\s+rates?|saturation|space|volumes?|costs?|trends?)))?`;
/** The area or its requirements as an object: "operations owns continuity", not "the run team owns the infrastructure". */
const WARRANTY_OBJ = String.raw`(?:it|this|that|them|everything|anything|the\s+rest|(?:(?:the|all|our|its)\s+)?(?:[\w-]+\s+)?(?:capacity|availability|continuity|security|alerts|alerting|monitoring|sizing|scaling|thresholds|backups|failover|dr)\b|capacity|availability|continuity|security|dr|disaster\s+recovery|recovery|backups?|retention|headroom|sizing|scaling|thresholds?|targets?|rto|rpo|sla|slos?|outages?|incidents?|failures?|fail-?over|restores?|alerts?|alerting|monitoring|(?:the|all)\s+(?:area|requirements?|rto|rpo|sla|slos?|targets?|thresholds?|sizing|numbers|decisions?))\b`;

// ---- Moments and conditions ---------------------------------------------------------------------

const AFTER = String.raw`(?:after|post|following|once|when|until|till|(?<!\b(?:sizing|sized|figures|data|numbers|results|lessons|learnings|metrics|estimates?|taken|derived|measured)\s+(?:\w+\s+)?)from|come|upon)`;
/** After design: go-live and after, later phases, waiting for what only running the service gives. */
export const MOMENT_PARTS = [
  String.raw`\b${AFTER}[-\s]+(?:the\s+|our\s+|its\s+)?(?:(?:initial|first|final|official|full|public|soft|q[1-4])\s+)?${list(EVENTS)}\b`,
  // "after the first trading season", "following the 1st month-end"
  String.raw`\b(?:after|following|post|once|until|till)\s+(?:the\s+|our\s+)?(?:first|initial|early)\s+(?:[\w-]+\s+){0,2}?(?:peaks?|seasons?|month-ends?|quarters?|years?|incidents?|outages?|releases?|runs?|periods?|cycles?)\b`,
  String.raw`\b(?:after|once|when|until|till|as)\s+(?:[\w-]+\s+){0,3}?${RUNNING_STATES}\b`,
  String.raw`\b(?:once|when|until|till|after)\s+${WAITING_FOR}\b`,
  // the state or the event without its verb: "once up and running", "after we launch", "once we hand over"
  String.raw`\b(?:once|when|after)\s+(?:the\s+)?project\s+(?:closes|ends|finishes|is\s+(?:closed|over|done)|has\s+(?:closed|ended|finished))\b|\b(?:after|following|upon|at)\s+(?:the\s+)?project\s+(?:closure|close-?down|end|completion)\b`,
  // the people served start using it: "once analysts start querying", "when users start working"
  String.raw`\b(?:once|when|after|until|till)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:users|customers|analysts|people|staff|clinicians|agents|employees|business)\s+(?:start|starts|begin|begins|are)\s+(?:using|working|querying|to\s+use|to\s+work|on\s+it|onboarded)\b`,
  String.raw`\b(?:once|when|until|till|after)\s+(?:up\s+and\s+running|operational|stable|stabili[sz]ed|bedded\s+(?:in|down)|in\s+(?:service|production|prod|live|operation|bau|use))\b`,
  String.raw`\b(?:once|when|until|till|after)\s+(?:we|they|it)\s+(?:(?:have|has)\s+)?(?:launch(?:ed)?|go(?:ne)?\s+live|hand(?:ed)?\s+(?:it\s+|this\s+)?over|cut\s+over|migrate[ds]?|switch(?:ed)?\s+over|release[sd]?)\b`,
  String.raw`\b(?:in|during|through(?:out)?)\s+(?:the\s+)?${list(PERIODS)}\b`,
  String.raw`\bat\s+(?:the\s+)?(?:service\s+)?(?:go[-\s]?live|ga|launch|hand-?over|cut-?over|mep|transition|acceptance|onboarding)\b|\bat\s+the\s+time\b(?!\s+of\s+writing)`,
  String.raw`\b(?:first|initial|early)\s+(?:\w+\s+){0,2}(?:of|in)\s+(?:operation|production|prod|live|service|bau|running)\b`,
  String.raw`(?<!-)\b(?:production|prod|live|real|actual|real-world|observed)\s+${list(DATA_NOUNS)}\b|\boperational\s+(?:experience|learnings?|feedback|history)\b`,
  String.raw`\b(?:once|when|after)\s+(?:(?:it|we|they)['’](?:s|re)\s+|(?:it|we|they)\s+(?:is|are)\s+)?(?:in|into)\s+(?:service|production|prod|live|operation|bau|use|the\s+wild)\b`,
  String.raw`\b(?:once|when|after|until)\s+(?:[\w-]+\s+){0,3}?(?:has|have|gets?|builds?)\s+(?:a\s+|some\s+)?(?:track\s+record|history|baseline|real\s+data|run\s+time)\b`,
  // "once the platform has seen a few month-ends", "after it has been through its first peak"
  String.raw`\b(?:once|when|after|until)\s+(?:[\w-]+\s+){0,3}?(?:has|have|['’]ve)\s+(?:seen|had|been\s+through|gone\s+through|run\s+through)\s+(?:a\s+few|some|a\s+couple\s+of|several|its\s+first|the\s+first|\w+)\s+(?:[\w-]+\s+)?(?:peaks?|month-ends?|year-ends?|seasons?|cycles?|quarters?|months?|weeks?|releases?|runs?)\b`,
  String.raw`\bon\s+(?:the\s+)?(?:launch|go-?live|release|cut-?over)\s+day\b|\bday\s+(?:one|1)\b|\bat\s+some\s+(?:point|stage)\b|\bsome\s+day\b|\beventually\b|\bover\s+time\b`,
  String.raw`\b(?:in|during|over|after)\s+the\s+(?:first|initial|early|opening)\s+(?:few\s+|couple\s+of\s+)?(?:days?|weeks?|months?|quarters?|sprints?|years?)\b`,
  String.raw`\bafter\s+(?:a\s+few|some|a\s+couple\s+of|several|an?|\w+)\s+(?:days?|weeks?|months?|quarters?|years?)\s+(?:live|in\s+prod(?:uction)?|of\s+(?:[\w-]+\s+)?(?:operation|running|runs?|use|data|traffic|history|production|prod|live|metrics|monitoring|usage))\b`,
  String.raw`\b(?:after|once\s+(?:we|they|you)(?:['’]ve|\s+have))\s+(?:watching|watched|observing|observed|monitoring|monitored|measuring|measured|tracking|tracked)\s+(?:[\w-]+\s+){0,4}?for\s+(?:a\s+few|some|a\s+couple\s+of|several|an?|\w+)\s+(?:days?|weeks?|months?|quarters?|cycles?|runs?)\b`,
  String.raw`\bwait(?:ing)?\s+(?:for|until)\s+(?:the\s+)?(?:go[-\s]?live|launch|ga|production|prod|cut-?over|hypercare|real|live)\b`,
  String.raw`\b(?:at|in)\s+a\s+(?:later|future|subsequent)\s+(?:stage|date|point|time|phase|release|iteration|sprint)\b`,
  // a deadline counted from an event after design: "within ninety (90) days of service commencement"
  String.raw`\bwithin\s+(?:[\w()-]+\s+){1,3}?(?:days?|weeks?|months?|quarters?)\s+(?:of|after|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?${list(EVENTS)}\b`,
  LATER_PHASES,
  // "later", but not "later releases" nor "no later than"
  String.raw`\blater(?:\s+on)?(?!\s+in\s+(?:the|this)\s+(?:document|file|section|page|definition|text|chapter))(?=\s*(?:$|[.,;:!?)\-–—]|\s(?:by|if|when|once|in|during|after|as|with|for|on|down|and|or|but)\b))`,
  String.raw`\bin\s+due\s+(?:course|time)\b|\bdown\s+the\s+(?:line|road|track)\b|\bafterwards?\b|\bthereafter\b`,
];
const MOMENT = alt(...MOMENT_PARTS);

/**
 * Conditions that make it a reaction: "as needed", "when it gets slow", "if the business asks" (not
 * "as required by PCI DSS": a requirement's source).
 */
const NEED = String.raw`\b(?:when|whenever)\s+(?:[\w-]+\s+){1,2}?gets?\s+(?:(?:a?round\s+)?to\s+it|(?:a|the)\s+chance|(?:the\s+)?time)\b|\b(?:as|when|if|once)\s+(?:the\s+|a\s+)?need\s+arises\b|\bat\s+the\s+need\b|\bas\s+(?:we|they|you)\s+(?:go(?:\s+along)?|learn|grow)\b|\b(?:when|if)\s+(?:it|we)\s+comes?\s+to\s+(?:it|that)\b|\bon\s+the\s+fly\b|\bon\s+an?\s+as[-\s](?:needed|required)\s+basis\b|\b(?:as|when|if|where|whenever|once)(?:\s+and\s+when)?\s+(?:(?:needed|required|necessary|appropriate|warranted)\b(?!(?<=\bas\s+\w+)\s+(?:by|under|in|for)\b)|(?:the\s+)?(?:[\w-]+\s+)?(?:demand|usage|load|traffic|volumes?|data|users|user\s+base)\s+(?:grows?|increases?|requires?|justif(?:ies|y)|warrants?|picks\s+up|ramps?\s+up)\b|we\s+(?:hit|reach)\s+(?:the\s+)?limits?\b|(?:it|this)\s+becomes\s+(?:necessary|needed|a\s+problem|an\s+issue)\b|(?:it|things)\s+gets?\s+(?:slow|busy|full)\b|(?:utili[sz]ation|usage|load|cpu|memory)\s+gets\s+(?:too\s+)?high\b|(?:the\s+)?(?:business|customers?|users?|people|staff|clients?|someone|anyone)\s+(?:(?:start|starts|begin|begins)\s+(?:complaining|asking|noticing|shouting)|asks?|complains?|notices?|shouts?|reports?\s+(?:it|them|an?\s+\w+|problems|issues|slowness|errors|timeouts|outages|delays|degradation))\b|(?:cpu|memory|utili[sz]ation|usage|load|disk|latency)\s+(?:runs?|gets?|goes|is)\s+(?:too\s+)?(?:hot|high|up|slow)\b|they\s+see\s+fit\b)`;
/** How a service is when it fails: "slow", "down", "OOM-killed". */
const BAD_STATE = String.raw`(?:not\s+enough|insufficient|inadequate|unreliable|unstable|flaky|too\s+small|slow|down|full|unavailable|overloaded|degraded|killed|oom-?killed|evicted|throttled|saturated|stuck|unresponsive|busy|hot)\b`;
/** What a failing service does: "misbehaves", "creaks", "starts timing out". */
const FAILING = String.raw`(?:comes?\s+to\s+light|surfaces?|surface|emerges?|emerge|hurts|dies|die|locks?\s+up|freezes?|stalls?|backs?\s+up|misbehaves?|misbehave|struggles?|creaks?|chokes?|wobbles?|slows?\s+down|times?\s+out|acts?\s+up|plays?\s+up|(?:starts?|begins?)\s+(?:failing|erroring|timing\s+out|struggling)|stops?\s+responding)`;
/** Seeing the symptoms: "if we see timeouts", "when users hit errors". */
const SYMPTOMS = String.raw`\b(?:when|if|once|as|whenever)\s+(?:we|they|you|ops|users|customers)\s+(?:see|get|notice|hit|spot|start\s+seeing)\s+(?:any\s+|some\s+|more\s+)?(?:timeouts?|errors?|slowness|latency|issues|problems|alerts|failures|outages|pressure|contention|throttling)\b`;
/** Conditions of breaking: "when it breaks", "if something goes wrong", "as issues arise", "whenever the alerts go off". */
const FAILING_SUBJECT = String.raw`(?:it|we|they|things|something|anything|stuff|problems|issues|incidents|outages|alerts|alarms|memory|(?:the|a|an|any|our)\s+[\w-]+)`;
const BREAKAGE = String.raw`\b(?:when|if|once|as|whenever)(?:\s+and\s+when)?\s+${FAILING_SUBJECT}(?:(?:\s+(?:is|are|gets?|get|becomes?|become|proves?|turns\s+out(?:\s+to\s+be)?)|['’](?:s|re))\s+(?:${BAD_STATE}|reported|raised|logged|noticed|spotted|flagged)|\s+(?:breaks?|fails?|falls?\s+over|goes\s+(?:down|wrong|off)|go\s+(?:down|wrong|off)|runs?\s+out(?:\s+of\s+\w+)?|fills?\s+up|${FAILING}|arises?|arise|comes?\s+(?:up|in)|crops?\s+up|happens?|happen|occurs?|occur|appears?|appear|hangs?|crash(?:es)?|leaks?|fires?|fire|trips?|spikes?|degrades?|(?:go|goes|turns?)\s+(?:red|amber)|hits?\s+(?:a\s+|the\s+)?limits?))\b`;

// ---- Families -----------------------------------------------------------------------------------

/**
 * A pattern of actor, moment and action that defers. A strong family counts unless a guard undoes
 * it; a weak one describes what Operation does, and also yields to concrete evidence in its clause.
 */
interface Family {
  /** What it finds, with an example. */
  says: string;
  re: RegExp;
  /** `tense`: strong when its clause speaks of the future ("will", "to be", "TBD"), weak otherwise. */
  strength: 'strong' | 'weak' | 'tense';
  /** Needs a verb, a future or "TBD" in its clause ("sized after go-live"), unless the clause is little more than the moment ("Post-GA."). */
  cue?: boolean;
  /** Counts only in a clause that speaks of the future: "to be agreed with ops", not "agreed with ops". */
  future?: boolean;
  /** Counts only in a clause still open: a moment after design, or a question. */
  open?: boolean;
  /** Starts with a subject: only at the start of a clause or after a conjunction (see `subjectStart`). */
  subject?: boolean;
  /** Ends with an actor that must end its noun phrase: "by the NOC", not "by the NOC synthetic probe" (see `endsActor`). */
  ends?: boolean;
  /** Never undone by settlement in design: the words defer in so many words ("deferred at the design review"). */
  explicit?: boolean;
  /** Names an actor, or a verb too: runs on the text with those marked (set from the pattern). */
  actor?: boolean;
  verb?: boolean;
  /** A phrase of the config: its punctuation is its own ("(ops)?" asks no question). */
  literal?: boolean;
  /** Reacting to a need: not when the need is the users' own ("users can export as and when they need"). */
  reaction?: boolean;
  /** Is a moment: runs on the text with its moments marked. */
  moment?: boolean;
}

type Options = Omit<Family, 'says' | 're' | 'strength' | 'actor' | 'verb' | 'moment'>;
const family = (says: string, source: string, strength: Family['strength'], options: Options = {}): Family => ({
  says,
  re: new RegExp(source, 'g'),
  strength,
  actor: source.includes(ACTOR),
  verb: /\\x0[357b]/.test(source),
  moment: source.includes(AT_MOMENT),
  ...options,
});

/**
 * Words of the families that name no actor, verb or moment (the others find their marks): a text
 * with none of these and no mark holds no deferral. A new family of that kind adds its words here.
 */
const HINT = new RegExp(
  String.raw`\b(?:as|when|if|whenever|once|where|reactive\w*|react\w*|ad[-\s]?hoc|best|fire-?fight\w*|case|fly|accordingly|operational\w*|incidents?|inc|problems?|outages?|failures?|` +
    String.raw`events?|tickets?|ticketing|snow|servicenow|jira|requests?|wait|see|whatever|tell|show|deferred|postponed|parked|shelved|kicked|backlog|held|hold|left|put|pushed|whoever|according|depending|function|line|descoped|de-scoped|scoped|punted|` +
    String.raw`item|activity|task|action|topic|work|deliverable|concern|decision|phase|hypercare|steady|in-life|run|management|process|procedure)\b`,
);

/** A component "reactive to" its inputs is software that updates itself: only incidents, alerts or demand make it a manner of running. */
const REACTIVE_TO_INPUT = String.raw`\s+to\s+(?!(?:the\s+|any\s+|user\s+|customer\s+)?(?:incidents?|alerts?|alarms?|outages?|issues?|problems?|tickets?|complaints?|failures?|demand|load|usage|traffic|growth|needs?|requests?)\b)`;
/** Reacting to what a stream delivers is how software consumes it: "processed reactively from the topic", "updated reactively on each event". */
const REACTIVE_FROM_STREAM = String.raw`\s+(?:from|off|on|via)\s+(?:the\s+|an?\s+|each\s+|every\s+)?(?:[\w-]+\s+){0,2}?(?:topics?|queues?|streams?|events?|messages?|bus|broker|channels?|webhooks?|feeds?|subscriptions?)\b`;
/**
 * Reacting as software does: to a change of data ("refreshed reactively when the record changes"),
 * for each item ("spun up ad hoc per pull request"), by a software agent ("handled reactively by the
 * consumer group"), beside words of non-blocking code ("a reactive, non-blocking stack").
 */
const REACTIVE_SOFTWARE = String.raw`\s+(?:when|whenever|as|after)\s+(?:the\s+|a\s+|an\s+|its\s+|any\s+)?(?:[\w-]+\s+)?(?:records?|rows?|schemas?|files?|documents?|entr(?:y|ies)|config(?:uration)?|values?|fields?|state|sources?|models?|index(?:es)?|content|prices?|objects?)\s+(?:changes?|is\s+(?:updated|changed|modified|saved|written|published|received)|arrives?)\b|\s+(?:per|for\s+each|on\s+each|on\s+every)\s+(?!(?:incidents?|alerts?|failures?|requests?|tickets?|cases?|outages?|issues?|problems?|events?)\b)[a-z]|\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:consumers?|consumer\s+groups?|listeners?|subscribers?|handlers?|workers?|lambdas?|functions?)\b|(?:\s*,\s*|\s+and\s+)(?:non-?blocking|asynchronous|async|event-driven|streaming)\b|\s+(?:consumers?|producers?|endpoints?|handlers?|controllers?|repositor(?:y|ies)|adapters?|batch|jobs?)\b`;
const END = String.raw`(?=\s*(?:$|[.;!?\n)]))`;
/** The end of a note, or a moment after its actor: "DR strategy: ops after go-live", "Alert tuning: SRE, ongoing". */
const ACTOR_TAIL = String.raw`(?:${END}|(?=\s*,?\s*(?:after|once|when|post|later|during|upon|ongoing|going\s+forward|in\s+(?:hypercare|prod|production|live|bau))\b))`;
const PENDING = String.raw`(?:review|input|decision|sign-?off|assessment|approval|confirmation|view|call|advice|feedback|go-?ahead)`;

const FAMILIES: readonly Family[] = [
  // ---- who: an actor given the work
  family('actor will act: "ops will size it", "run team to decide", "ops\'ll handle it"', `${ACTOR_SUBJ}${MODAL}${ADVERBS}${ACT}`, 'weak', { subject: true }),
  family(
    'actor will watch and act: "SRE will monitor and scale", "the NOC will keep an eye on it"',
    `${ACTOR_SUBJ}${MODAL}${ADVERBS}${WATCHING}(?:${WATCHED}(?=\\s*(?:$|[.,;:!?)]|\\s(?:and|&|then|or|for|after|once|when|if|in|during|post|until|from|going)\\b))|(?:\\s+[\\w-]+){0,3}?\\s*(?:,\\s*)?(?:and|&|then)\\s+(?:then\\s+)?${ACT})`,
    'weak',
    { subject: true },
  ),
  family(
    'actor owns the area now: "ops own this", "on-call handles it" (not "support staff handle password resets")',
    String.raw`${ACTOR_SUBJ}\s+(?:owns?|decides?|handles?|manages?|reacts?|takes\s+care\s+of|looks\s+after|picks\s+(?:(?:it|this|that)\s+)?up|deals\s+with|sorts\s+(?:(?:it|this|that)\s+)?out|figures\s+(?:(?:it|this|that)\s+)?out|works\s+(?:(?:it|this|that)\s+)?out|sets?|defines?|sizes?|tunes?)(?:\s+${WARRANTY_OBJ}|(?=\s*(?:$|[.;!?,\n])))|${ACTOR_SUBJ}\s+(?:decides?|determines?|chooses?|judges?|works\s+out)\s+(?:whether|when|if|how|what|which)\b`,
    'weak',
    { subject: true },
  ),
  family('actor acts, at a moment after design or in a question: "the platform team tunes the pools in production"', String.raw`${ACTOR_SUBJ}\s+(?:[\w'’-]+\s+){0,2}?(?:${ACT}|\x07\x08*)`, 'weak', { subject: true, open: true }),
  family('from there: "the platform team scales from there"', String.raw`${ACTOR_SUBJ}\s+(?:[\w'’-]+\s+){1,3}?from\s+(?:there|here|then)\b`, 'weak', { subject: true }),
  family('actor will, and no more: "we haven\'t sized this; the run team will."', String.raw`${ACTOR_SUBJ}\s+(?:will|shall|can|would|['’]ll)(?:\s+(?:do\s+(?:it|this|that)|have\s+to|need\s+to))?${END}`, 'weak', { subject: true }),
  family(
    'actor is responsible: "the run team are responsible for defining DR"',
    String.raw`${ACTOR_SUBJ}\s+(?:is|are|will\s+be|becomes?)\s+(?:(?:fully|solely)\s+)?(?:responsible|accountable|in\s+charge|tasked|charged|on\s+the\s+hook|on\s+point)\s+(?:for|with|of)\b`,
    'weak',
    { subject: true },
  ),
  family('a question to an actor: "can the NOC own failover?", "does the DBA team handle that?"', String.raw`${ACTOR_OBJ}(?:\s+[\w'’-]+){0,3}?\s+${ANY_FORM}[^?.;!\n]{0,80}\?`, 'strong'),
  family('an open question about an actor: "what can the DBAs give us?" (not when the text answers it)', String.raw`\b(?:who|what|which|how|when|can|could|will|would|should|does|do|is|are)\b[^?.;!\n]{0,40}?${ACTOR}[^?.;!\n]{0,60}\?`, 'weak'),
  // ---- to whom: handed over
  family(
    'handed to an actor: "left to BAU", "up to the run team", "deferred to operations", "falls to support"',
    String.raw`\b(?:(?:left|leave|leaving|let|handed|hand|handing|passed|passes|pass|passing|deferred|defer|deferring|delegated|delegate|falls?|fell|transfer|transfers|transferred|transferring|transitioned|onboarded|moved|moves|shifted|shifts|thrown|throw|assigned|allocated|given)\s+(?:[\w/-]+\s+){0,4}?|up\s+)to\s+${ACTOR_OBJ}|\b(?:left|leave|leaving)\s+(?:[\w/-]+\s+){0,3}?(?:for|with)\s+${ACTOR_OBJ}|\bin\s+the\s+hands\s+of\s+${ACTOR_OBJ}`,
    'strong',
    { ends: true },
  ),
  family(
    'asked of an actor: "let the NOC decide", "rely on the service desk to tell us", "expect SRE to tune"',
    String.raw`\b(?:let|lets|letting|have|get|ask|asks|asked|asking|tell|told|request|requested|want|wants|wanted|need|needs|expect|expects|expected|expecting|assume|assumes|rely\s+on|relying\s+on|trust|count\s+on|depend\s+on|leave\s+it\s+(?:to|for))\s+${ACTOR_OBJ}\s+(?:to\s+|will\s+|would\s+)?${ADVERBS}(?:${ACT}|${WATCHING})|\b(?:rely|relying|count|counting|depend|depending)\s+on\s+${ACTOR_OBJ}\s+(?:for|to)\b`,
    'strong',
  ),
  family('theirs: "the NOC\'s call", "thresholds are the NOC\'s to set"', String.raw`${ACTOR_OBJ}['’]s?\s+(?:call|decision|judge?ment|discretion|choice|job|problem|responsibility|concern|remit|task|baby)\b|${ACTOR_OBJ}['’]s?\s+to\s+${ACT}`, 'strong'),
  family(
    'by an actor: "to be sized by the run team", "owned by BAU" (not "was set up by…")',
    String.raw`(?<!\b(?:was|were|been|already)\s+)${DONE}\s+(?:(?:later|separately|directly|entirely|solely|instead|then|[a-z]+ly)\s+)?by\s+${ACTOR_OBJ}`,
    'tense',
    { ends: true },
  ),
  family(
    'any work still to be done by an actor: "will be written by ops", "is to be determined by the DBAs"',
    String.raw`\b(?:to|will|shall|can|should|must|would|['’]ll|gets?)\s+(?:be\s+)?(?:[\w-]+\s+){0,4}?[\w-]+(?:ed|en|wn|ne|lt|nt|de|set|up|out)(?:\s+(?:for|of|after))?\s+(?:(?:later|separately|directly|entirely|solely|instead|then|[a-z]+ly)\s+)?by\s+${ACTOR_OBJ}`,
    'strong',
    { ends: true },
  ),
  family('done by an actor, in a clause still open: "capacity added by the infra team as it grows"', String.raw`\b[\w-]+(?:ed|en|wn|ne|lt|nt|de)\s+by\s+${ACTOR_OBJ}`, 'weak', { ends: true, future: true }),
  family(
    'with an actor, still to come: "to be agreed with the hosting team", "issues will be raised as tickets to the platform team"',
    String.raw`\b(?:agreed?|confirm(?:ed)?|establish(?:ed)?|decided?|defined?|set|sized?|tuned?|work(?:ed)?\s+out|discuss(?:ed)?|settled?|see|seen|check|checked|aligned?|fixed)\s+(?:\w+\s+){0,2}?with\s+${ACTOR_OBJ}|${ANY_FORM}\s+(?:\w+\s+){0,2}?with\s+${ACTOR_OBJ}|\b(?:come|comes|coming|follow|follows|following)\s+from\s+${ACTOR_OBJ}|\b(?:raised|escalated|passed|referred|sent|routed|go|goes)\s+(?:(?:as\s+)?(?:an?\s+)?\w+\s+)?(?:to|with)\s+${ACTOR_OBJ}`,
    'strong',
    { future: true, ends: true },
  ),
  family(
    'whose: "the responsibility of the service desk", "a decision for operations", "sits with ops"',
    String.raw`\b(?:call|decision|concern|problem|matter|item|action|questions?|qs?|discretion|purview)\s+(?:of|for)\s+${ACTOR_OBJ}|\b(?:question|decision|call|issue|topic|item|point|action)\s+(?:is|are|sits?|lies|rests?|remains?|stays?)\s+with\s+${ACTOR_OBJ}`,
    'strong',
    { ends: true },
  ),
  family('the responsibility of an actor: "the responsibility of the service desk" (not "…of the hosting provider: daily, 30 days")', String.raw`\b(?:responsibility|ownership|accountability|remit|job|task|domain)\s+(?:of|for)\s+${ACTOR_OBJ}`, 'weak', { ends: true }),
  family('sits with an actor: "continuity sits with BAU" (not "lies with ops, who test a restore monthly")', String.raw`\b(?:sits?|lies|rests?|stays?|remains?)\s+with\s+${ACTOR_OBJ}`, 'weak', { ends: true }),
  family('an actor\'s matter: "an ops decision", "a BAU concern"', String.raw`(?:\b(?:an?|the)\s+)?${ACTOR}\s+(?:decision|concern|problem|matter|call|judge?ment|discretion|responsibility|thing|topic|question)\b`, 'strong'),
  // routine work named by its team yields to evidence: "keys rotate every 90 days (SecOps job)"
  family('an actor\'s work: "an ops task", "a BAU item"', String.raw`(?:\b(?:an?|the)\s+)?${ACTOR}\s+(?:task|job|item|activity|action|backlog)\b`, 'weak'),
  family('made by an actor: "decisions will be made by operations"', String.raw`\b(?:decisions?|calls?|choices?|sizing|tuning)\b[^.;!?\n]{0,40}?\b(?:made|taken)\s+by\s+${ACTOR_OBJ}`, 'tense', { ends: true }),
  family(
    'an operational matter: "an operational decision", "a matter for the operational phase"',
    String.raw`\b(?:is|are|an?|as)\s+(?:an?\s+)?operational\s+(?:decision|call|matter|concern|question|task|problem|responsibility)\b`,
    'strong',
  ),
  family('for an actor to act: "for the run team to decide", "with ops to agree"', String.raw`\b(?:for|by|with|on)\s+${ACTOR_OBJ}\s+to\s+(?:${ACT}|${WATCHING})`, 'strong'),
  family('left for an actor to do: "headroom is for BAU to worry about", "being left for the run team to finish"', String.raw`\b(?:left|leave|leaving|is|are|['’]s)\s+(?:[\w-]+\s+){0,2}?for\s+${ACTOR_OBJ}\s+to\s+[a-z]+`, 'strong'),
  family('open with an actor: "TBD by ops", "TBC (run team)", "pending ops", "ops TBD"', String.raw`\b(?:tb[dca]|open|pending|todo)\s*(?:(?:by|with|for|from|through|via)\s+|[-–—:(]\s*)${ACTOR_OBJ}|${ACTOR_OBJ}\s*(?:[-–—:(),]\s*)?(?:tb[dca]|todo)\b`, 'strong', { ends: true }),
  family('todo of an actor: "TODO(ops): thresholds", "Follow-up (ops):", "TODO ops:"', String.raw`\b(?:todo|action|fixme|follow[-\s]?up|ap|ai)\s*(?:\(\s*${ACTOR}\s*\)|${ACTOR}\s*:)`, 'strong'),
  family('tagged with an actor: "[ops] size it" (not "[BAU] Database sized: 2 TB")', String.raw`^\s*\[\s*${ACTOR}\s*\]`, 'weak'),
  family(
    'awaiting an actor: "pending security operations review", "subject to ops review"',
    String.raw`\b(?:pending|awaiting|waiting\s+(?:for|on)|subject\s+to)\s+(?:an?\s+|the\s+)?${ACTOR}(?:['’]s?)?\s+(?:[\w-]+\s+)?${PENDING}\b|\bpending\s+${ACTOR}${END}|\b(?:pending|awaiting|waiting\s+(?:for|on))\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?${PENDING}\s+(?:from|of|by)\s+${ACTOR_OBJ}`,
    'strong',
  ),
  family('ask an actor: "Ask ops.", "check with the run team", "see ops"', String.raw`\b(?:ask|check\s+with|consult|defer\s+to|see|talk\s+to|speak\s+to|contact)\s+${ACTOR_OBJ}\s*(?:please\s*)?${ACTOR_TAIL}`, 'weak'),
  family(
    'the answer is an actor: "Restore process – BAU.", "owner: ops", "R = run team"',
    String.raw`(?<!\b(?:escalation|escalates?|escalate\s+to|contact|contacts|alerts?|alerting|paging|pager|pages|on-?call|l[1-3]|line|support|hours|routing|notify|notified|informed|via|cc|path|rota|consulted|i|c)\s*[:=]?\s*)(?:[-–—:=]|\bowner\s*:?)\s+${ACTOR_OBJ}${ACTOR_TAIL}`,
    'weak',
  ),
  family(
    'handed over to an actor: "handover to Ops will include working out the RPO"',
    String.raw`\b(?:hand-?over|hand\s+over|transition|transfer)\s+to\s+${ACTOR_OBJ}`,
    'tense',
    { cue: true, ends: true },
  ),
  family(
    'waits for an actor: "until the SOC has reviewed it", "once the run team has written it"',
    String.raw`\b(?:until|till|once|when|after)\s+${ACTOR_OBJ}\s+(?:has|have|had)\s+(?:\w+\s+)?[\w-]+(?:ed|en|wn|ne|lt|nt|de|out|up)\b`,
    'strong',
  ),
  family(
    'until an actor is ready: "until SRE has a feel for it", "until the run team takes over" (not "when the NOC has a P1")',
    String.raw`\b(?:until|till|once)\s+${ACTOR_OBJ}\s+(?:has|have|gets?|knows?|(?:takes?|took)\s+(?:it\s+)?(?:over|on)|(?:is|are)\s+(?:ready|onboarded|staffed|in\s+place|up\s+to\s+speed))\b`,
    'weak',
  ),
  family('whoever is around: "restarted by whoever is on call"', String.raw`\b(?:by|to)\s+whoever\s+(?:is\s+|happens\s+to\s+be\s+)?(?:on[-\s]?call|on\s+duty|on\s+shift|around|available|free)\b`, 'weak'),
  // ---- when: after design
  family('a moment after design with a verb, a future or a TBD: "sized after go-live", "Post-GA."', AT_MOMENT, 'tense', { cue: true }),
  family(
    'a later matter: "a post-launch item", "a hypercare task", "a BAU activity"',
    String.raw`\b(?:post[-\s]?(?:go[-\s]?live|launch|ga|cut-?over|release)|hypercare|bau|later|day[-\s]2|phase[-\s]2|run|in-life|operational)\s+(?:item|activity|task|action|topic|work|deliverable|concern|decision|problem|phase)\b`,
    'strong',
  ),
  family('on a backlog: "moved to the ops backlog", "added to the backlog"', String.raw`\b(?:moved|added|put|pushed|parked|went)\s+(?:on\s*)?to\s+(?:the\s+|an?\s+|our\s+)?(?:[\w-]+\s+)?backlog\b`, 'strong'),
  family('deferred in so many words: "deferred", "postponed until the pilot", "parked", "kicked down the road"', String.raw`\b${DEFERRED_WORDS}\b`, 'strong', { explicit: true }),
  // ---- how: reacting instead of planning
  family('as needed: "scale as needed", "add nodes when it gets slow"', NEED, 'strong', { cue: true, reaction: true }),
  family('when it breaks: "fix it when it breaks", "restart it if it falls over", "if we see timeouts"', alt(BREAKAGE, SYMPTOMS), 'weak', { cue: true, reaction: true }),
  family('grows with the business: "we\'ll grow it with the business"', String.raw`\b(?:grow|scale|expand|increase)\w*\s+(?:it\s+|this\s+|them\s+|(?:the\s+|our\s+)?[\w-]+\s+)?(?:with|alongside|in\s+line\s+with)\s+(?:the\s+)?(?:business|demand|usage|growth|load|traffic)\b`, 'strong', { future: true, reaction: true }),
  family('on request: "restores done on request", "capacity on demand" (not "restores on request within 4 hours")', String.raw`\b(?:on|upon)\s+(?:request|demand|failure|(?:user\s+|customer\s+)?complaints?)\b(?!-)`, 'weak', { cue: true, reaction: true }),
  family(
    'through the incident process: "handled by incident management", "via tickets", "through problem management"',
    String.raw`\b(?:handled|managed|dealt\s+with|covered|resolved|addressed|treated|tracked|raised|done|picked\s+up)\s+(?:\w+\s+)?(?:by|through|via|as\s+part\s+of|under|in|as)\s+${CHANNELS}\b`,
    'strong',
  ),
  family('via tickets: "L2 via tickets", "through the incident process"', String.raw`\b(?:via|through)\s+${CHANNELS}\b`, 'weak'),
  family(
    'reactive in a word: "reactive", "ad hoc", "best effort", "firefighting" (not "reactive programming", "reactive to filter changes")',
    String.raw`(?<!\b(?:spring|webflux|project|akka|vert\.x)\s+)\b${list(REACTIVE_WORDS)}\b(?!${REACTIVE_TO_INPUT}|${REACTIVE_FROM_STREAM}|${REACTIVE_SOFTWARE}|-|\s+(?:programming|stack|streams?|framework|extensions|librar(?:y|ies)|client|driver|apis?|ui|frontend|model|manifesto|core|java|kotlin|web|mongo|redis|kafka|pipeline|code|i\/o|io|forms?|components?|state|queries|query|reporting|reports?|analysis|analyses|analytics|exploration|sql|notebooks?|workloads?|(?:auto-?)?scal\w*)\b)`,
    'strong',
    { reaction: true },
  ),
  // "reactive scaling" is a mechanism as often as a manner: it defers only without concrete evidence
  family('reacting as a mechanism: "reactive scaling" (not "reactive scaling from a warm pool of 4 nodes")', String.raw`\breactive(?:ly)?\s+(?:auto-?)?scal\w*`, 'weak'),
  family(
    'according to the load: "adapted depending on demand", "sized in function of the usage"',
    String.raw`\b(?:according\s+to|depending\s+on|in\s+function\s+of|in\s+line\s+with)\s+(?:the\s+)?(?:actual\s+|real\s+|observed\s+)?(?:load|demand|usage|traffic|volumes?|needs?)\b(?!\s+(?:tests?|forecasts?|models?|profiles?|plan))`,
    'weak',
    { cue: true, reaction: true },
  ),
  family('reacting: "react to alerts"', String.raw`\breact(?:s|ing)?\s+to\s+(?:the\s+|any\s+)?(?:incidents?|alerts?|outages?|issues?|problems?|events?|tickets?|complaints?|failures?|alarms?)\b`, 'strong'),
  family(
    'watch, then act: "monitor and adjust", "watch and react"',
    String.raw`\b${WATCH}(?:\s+[\w-]+){0,4}?\s*,?\s*(?:and|&|then|,)\s+(?:then\s+)?(?:react|adjust|tune|scale|respond|fix|decide|size|resize|escalate|act)\b`,
    'strong',
  ),
  // a participle describes work done to a figure given ("fixed at 40 offices and sized accordingly"), unless more is to come
  family('accordingly: "scale accordingly"', String.raw`\b(?:scal|adjust|tun|siz|resiz|add|react|respond|adapt|provision)(?:e|es|s|ing)?\s+(?:[\w-]+\s+){0,2}?accordingly\b`, 'strong'),
  family('adjusted accordingly, still to come: "to be sized accordingly"', String.raw`\b(?:to|will|shall|should|must|can|would|['’]ll)\s+(?:then\s+|later\s+)?(?:be|get)\s+(?:scaled|adjusted|tuned|sized|resized|added|adapted|provisioned)\s+(?:[\w-]+\s+){0,2}?accordingly\b`, 'strong'),
  family('handled in operation: "managed operationally", "decided in ops"', String.raw`\b(?:handled|managed|dealt\s+with|addressed|resolved|solved|sorted|decided|tuned|sized)\s+(?:operationally|in\s+(?:ops|operations|run))\b`, 'strong'),
  family(
    'the incident process covers it: "incident management will cover it"',
    String.raw`\b(?:incident|problem)\s+(?:management|process|procedure)\s+(?:will\s+|can\s+|should\s+)?(?:covers?|handles?|deals?\s+with|takes?\s+care\s+of|picks?\s+(?:it\s+)?up|catch(?:es)?)\b`,
    'strong',
  ),
  family('their best: "support will do their best"', String.raw`\bdo\s+(?:their|its|our|his|her|the)\s+best\b`, 'strong'),
  family(
    'wait and see: "wait and see", "we\'ll see how it goes", "keep an eye on it"',
    String.raw`\bwait\s+and\s+see\b|\bsee\s+what\s+happens\b|\b(?:we['’]ll|we\s+will|let['’]?s|let\s+us|to)\s+see\s+how\s+(?:it|this|things|the\s+service)\s+(?:goes|behaves|performs|runs|holds\s+up|copes)\b|\bkeep\s+an\s+eye\s+on\s+(?:it|this|that|things|them)\b`,
    'strong',
  ),
  family(
    'production will tell: "let production tell us", "monitoring will tell us"',
    String.raw`\b(?:production|prod|live(?:\s+traffic)?|real\s+traffic|monitoring|the\s+metrics|the\s+dashboards?|usage|experience|time|incidents|outages|alerts|the\s+data)\s+will\s+(?:tell|show)(?:\s+us)?\b|\blet\s+(?:production|prod|live(?:\s+traffic)?|real\s+traffic|the\s+data|usage|monitoring|experience)\s+(?:tell|decide|show|guide|drive)\b|\bwill\s+(?:tell|show|teach)\s+us\s+what\s+(?:is|['’]s|will\s+be)\s+(?:achievable|realistic|possible|feasible|sensible|reasonable|needed|required|enough|normal|right)\b`,
    'strong',
  ),
  family(
    'learnt from incidents: "based on incidents", "after the first outage"',
    String.raw`\b(?:based\s+on|driven\s+by|after|following|learn(?:ed|t)?\s+from)\s+(?:the\s+)?(?:first\s+|initial\s+|early\s+)?(?:(?:production|prod|live|major|real|serious|p1)\s+)?(?:incidents?|outages?|failures?)\b`,
    'strong',
  ),
  family('whatever they give: "whatever the hosting provider gives us", "depends on what ops are comfortable with"', String.raw`\b(?:whatever|depend(?:s|ing)?\s+on\s+what)\s+(?:[\w-]+\s+){1,4}?(?:gives?|provides?|delivers?|decides?|says?|wants?|chooses?|thinks?|prefers?|(?:is|are)\s+comfortable\s+with|can\s+\w+|does)(?:\s+us)?\b`, 'strong'),
];

// ---- Cues, futures and the short notes that are all vocabulary ---------------------------------

/** Future or open: the work is still to come (with the verb after it, so that a quoted phrase reads whole). */
const FUTURE = String.raw`\b(?:will|shall|would|going\s+to)(?:\s+(?:be\s+)?(?:[a-z]+\b|${ANY_FORM}))?|['’]ll(?:\s+(?:[a-z]+\b|${ANY_FORM}))?|\b(?:to\s+(?:be|follow|come)|(?:is|are)\s+to|tb[dca]|pending|awaiting|needs?\s+to|ha(?:s|ve)\s+to|later|yet\s+to|not\s+yet|todo)\b`;
const FUTURE_RE = new RegExp(FUTURE);
/** Any form of a verb of deciding, acting or watching, and a few more: the cue that a moment is about the requirement. */
// "capacity by the TMA after go-live": an agent is a cue too; "let's see in prod": waiting to see
const CUE_RE = new RegExp(String.raw`${ANY_FORM}|\b(?:review(?:s|ed|ing)?|learn\w*|deriv\w*|load\s+test\w*|done|come|comes|follow|revis\w*|decision)\b|\b(?:by|to|for)\s+(?:the\s+)?${ACTOR}|\b(?:let['’]?s|we['’]ll|we\s+will)\s+see\b|${FUTURE}`, 'g');
const MOMENT_MARK = new RegExp(MOMENT, 'g');
const POST = /^post\b/;
const ADJECTIVE_NEXT = /^[ \t]+\p{L}/u;

/** Moments a note may consist of alone: "hypercare", "steady state", "in-life", "phase 2", "post go-live". */
const BARE_MOMENT = list(['hypercare', 'prod', 'steady state', 'in-life', 'run phase', 'run mode', 'operational phase', 'early-life support']);
/** Words a short note may hold beside an actor, a moment or a channel and still say nothing else. */
const FILLER = list([
  ...['to', 'with', 'by', 'via', 'for', 'then', 'and', 'or', 'the', 'a', 'an', 'our', 'see', 'ask', 'owner', 'who', 'due', 'when', 'status'],
  ...['is', 'be', 'will', 'it', 'this', 'that', 'them', 'all', 'item', 'task', 'point', 'open', 'please', 'only', 'first', 'now', 'for now', 'of', 'on', 'at', 'in'],
  ...['from', 'after', 'post', 'until', 'side', 'call', 'review', 'reviews', 'check', 'problem', 'concern', 'matter', 'decision', 'job', 'thing', 'management', 'process', 'queue'],
  ...['capacity', 'availability', 'continuity', 'security', 'dr', 'rto', 'rpo', 'sla', 'slo', 'slos', 'sizing', 'scaling', 'thresholds', 'alerts', 'alerting'],
  // the interjections of chat: "meh, BAU", "tbh ops"
  ...['meh', 'hmm', 'lol', 'tbh', 'idk', 'dunno', 'imo', 'fyi', 'btw', 'prob', 'probably', 'maybe', 'guess'],
  ...['monitoring', 'backups', 'backup', 'retention', 'peak', 'headroom', 'target', 'targets', 'classification', 'restore', 'restores', 'recovery', 'failover'],
]);
const TERSE_PARTS = new RegExp(String.raw`[\x01\x03\x05\x0e][\x02\x04\x06\x0f]*|\b${BARE_MOMENT}\b|\b${CHANNELS}\b|\b${list(REACTIVE_WORDS)}\b|\b${list(OPEN_WORDS)}\b|\b${FILLER}\b`, 'g');
const TERSE_SIGNAL = new RegExp(String.raw`[\x01\x0e]|\b${BARE_MOMENT}\b|\b${CHANNELS}\b|\b${list(REACTIVE_WORDS)}\b`);
const TERSE_WORDS = 6;
const NEGATIVE_WORD = /\b(?:not(?!\s+yet)|no|never|none|nothing|without|n['’]t)\b/;

/**
 * A short note that says nothing but who or when: "BAU.", "ops", "hypercare, then BAU", "L2 via
 * tickets", "owner: ops". Its phrase is the whole note; a number, a negation or any word outside
 * the vocabulary ("Ops reviewed: yes", "L2 within 4h") makes it something else.
 */
function terse(text: string, marks: Marks): Span | undefined {
  if (countWords(text) > TERSE_WORDS || NEGATIVE_WORD.test(text) || completed(text)) return undefined;
  let marked = '';
  for (let i = 0; i < text.length; i++) {
    const c = marks.moments.charCodeAt(i);
    marked += c === 14 || c === 15 ? marks.moments[i] : marks.verbs[i];
  }
  if (!TERSE_SIGNAL.test(marked)) return undefined;
  // a verb in -ing is a topic ("ops -> sizing"), any other form a statement ("Ops tested.")
  // (what is taken out leaves nothing: only what is left is read, for a letter, a digit or a verb)
  const rest = marked.replace(/[\x07\x0b][\x08\x0c]*/g, (s, i: number) => (text.slice(i, i + s.length).endsWith('ing') ? '' : s)).replace(TERSE_PARTS, '');
  if (/[a-z0-9\x07\x0b]/.test(rest)) return undefined;
  // the signal is a word or a mark, so the note holds more than spaces and punctuation on both sides
  const start = text.search(/\S/);
  let end = text.length;
  while (/[\s,.;:!]/.test(text[end - 1]!)) end--;
  return { start, end };
}

// ---- Subjects and noun phrases ------------------------------------------------------------------

const DETERMINERS = new Set(['the', 'our', 'a', 'an', 'their', 'your']);
/** Words after which a subject begins: "…and ops will decide", "we agreed that the NOC will…", "whatever the DBA team decides". */
const SUBJECT_AFTER = new Set(['and', 'but', 'so', 'then', 'that', 'because', 'while', 'when', 'once', 'if', 'until', 'after', 'where', 'which', 'otherwise', 'or', 'what', 'whatever', 'how', 'said', 'assume', 'expect', 'think', 'hope', 'guess', 'probably', 'maybe', 'perhaps', 'honestly', 'afaik', 'fyi', 'imo', 'hopefully', 'currently', 'for now', 'something']);
const SUBJECT_PUNCTUATION = '.;:!?,(-–—"“*•[';
const BARE_OPERATION = /(?:service\s+)?operation\b/y;

/**
 * Where a subject that starts at `index` begins, its determiner included ("the ops team"), or -1
 * when it does not start a clause and follows no conjunction ("write operations will…", "the NOC
 * synthetic probe…"). Bare "operation" names the stage only without a determiner.
 */
function subjectStart(text: string, moments: string, index: number, bareOperation: boolean): number {
  let start = index;
  let word = wordBefore(text, start);
  // an owner in the possessive belongs to the subject: "the client's IT operations will…"
  if (word && word[1] - word[0] > 3 && /[a-z]['’]s?$/.test(text.slice(word[0], word[1]))) {
    start = word[0];
    word = wordBefore(text, start);
  }
  if (word && DETERMINERS.has(text.slice(word[0], word[1]))) {
    if (bareOperation) return -1;
    start = word[0];
    word = wordBefore(text, start);
  } else if (word && text.slice(word[0], word[1]) === 'is') {
    // "whoever is on call will restore it"
    const who = wordBefore(text, word[0]);
    if (who && text.slice(who[0], who[1]) === 'whoever') return who[0];
  }
  let k = start;
  // (before 0, charCodeAt is NaN)
  while (text.charCodeAt(k - 1) === 32) k--;
  if (k === 0 || SUBJECT_PUNCTUATION.includes(text[k - 1]!) || text.charCodeAt(k - 1) === 10) return start;
  // after a moment put first: "Post-GA the NOC owns the alerting", "in prod L2 handles restarts"
  // (a moment is longer than its first mark, \x0e: what ends it is \x0f)
  if (moments.charCodeAt(k - 1) === 15) return start;
  // (the word before the subject, found as k was, ends at k)
  return word && SUBJECT_AFTER.has(text.slice(word[0], word[1])) ? start : -1;
}

/** Words that may follow an actor that ends its noun phrase ("left to ops after go-live", "by the NOC when…"). */
const AFTER_ACTOR = new Set(
  'and or after once when if in at from during post as on for later before until to with via through so but then who which because going instead following upon according depending based whenever unless where will shall should must can may would is are was were has have now yet too also alone only please'.split(' '),
);
const END_PUNCTUATION = '.,;:!?)(-–—"”\n/';

/** Does the actor that ends at `end` end its noun phrase: end of text, punctuation, or a word of AFTER_ACTOR? */
function endsActor(text: string, end: number): boolean {
  let i = end;
  // (past the end, charCodeAt is NaN)
  while (text.charCodeAt(i) === 32) i++;
  if (i === text.length || END_PUNCTUATION.includes(text[i]!)) return true;
  return AFTER_ACTOR.has(wordAfter(text, i));
}

// ---- Matcher ------------------------------------------------------------------------------------

/** What organisations add in config: phrases that defer, and text that never counts. */
export interface DeferralConfig {
  phrases: readonly string[];
  ignore: readonly string[];
}

/** Finds the phrase of a text that defers an area to Operation, or undefined. */
export type DeferralMatcher = (text: string) => string | undefined;

interface Span {
  start: number;
  end: number;
}

/** How close a cue must be to the moment it goes with. */
const CUE_REACH = 100;
/** The most of a clause quoted after a subject's verb. */
const SUBJECT_TAIL = 60;
/** How far past its clause a rejection is looked for: "…after launch, but we decided against it". */
const REJECTION_REACH = 60;

/**
 * The span a family match stands for once its guards pass, or undefined. For a moment with a cue,
 * the span runs from the earlier to the later of the two ("to be revisited during hypercare").
 */
function accept(text: string, marks: Marks, m: RegExpExecArray, f: Family): Span | undefined {
  let start = m.index;
  if (f.subject) {
    BARE_OPERATION.lastIndex = start;
    start = subjectStart(text, marks.moments, start, BARE_OPERATION.test(text));
  }
  if (start < 0) return undefined;
  let end = m.index + m[0].length;
  if (f.ends && !endsActor(text, end)) return undefined;
  const [cs, ce] = clauseAround(text, start, end);
  const clause = text.slice(cs, ce);
  const phrase = text.slice(m.index, end);
  let rs = start - cs;
  let re = end - cs;
  const future = FUTURE_RE.test(marks.verbs.slice(cs, ce));
  const before = clause.slice(Math.max(0, rs - 40), rs);
  if (deadline(before) || contingency(before, phrase)) return undefined;
  if (f.moment && !future && inForceFrom(clause, before, phrase)) return undefined;
  // ("later" is a future of its own: the clause's future is read outside the moment)
  if (f.moment && laterPhaseAsSubject(clause, marks.verbs.slice(cs, ce), rs, re, FUTURE_RE.test(marks.moments.slice(cs, ce)))) return undefined;
  if (f.cue) {
    const cue = nearestCue(marks.verbs.slice(cs, ce), rs, re);
    // "the post-go-live review confirmed the targets": a moment used as an adjective describes its noun; it
    // defers only with more to come or an action before it ("review capacity in the post-implementation review")
    const adjective = POST.test(phrase) && ADJECTIVE_NEXT.test(clause.slice(re));
    if (adjective && !future && !(cue && cue.end <= rs)) return undefined;
    if (cue) {
      rs = Math.min(rs, cue.start);
      re = Math.max(re, cue.end);
    } else if (countWords(clause) - countWords(phrase) > 2) return undefined;
  }
  if (f.open && !clause.includes('?') && !openMoment(text, marks.moments, cs, ce, future)) return undefined;
  // Who will do what reads whole to the end of a short clause: "the NOC will decide when to fail over".
  if (f.subject && ce - cs - re <= SUBJECT_TAIL) re = ce - cs;
  // negation reads back to a comma at most: "nothing defined yet, ops will handle it"; or to a
  // second predicate: "has not been estimated and will be learnt from live running"
  // Stryker disable next-line ArithmeticOperator: one character more or less at a comma takes in no word (no phrase starts one character before a comma)
  const comma = Math.max(clause.lastIndexOf(',', rs - 1) + 1, secondPredicate(clause, rs));
  const back = (n: number): number => Math.max(comma, wordsBefore(clause, rs, n));
  if (!startsWithUntil(phrase) && negated(clause.slice(back(4), re), clause.slice(back(6), re))) return undefined;
  if (!f.literal && answered(text, m.index)) return undefined;
  if (f.reaction && automaticOrSelfService(clause)) return undefined;
  // what is put off is no warranty decision: a product feature, a price, the project's own schedule
  if (otherWork(clause) || (f.moment && projectEventScheduled(clause))) return undefined;
  if (f.moment && laterScope(clause, marks.verbs.slice(cs, ce), rs, phrase)) return undefined;
  if (f.moment && bareFuture(clause, marks.verbs.slice(cs, ce), marks.moments.slice(cs, ce))) return undefined;
  // what follows "rather than" is the way turned down: "react to incidents rather than plan capacity up front"
  const alternative = ALTERNATIVE.exec(clause.slice(re));
  const kept = alternative ? clause.slice(0, re + alternative.index) : clause;
  if (superseded(clause + text.slice(ce, ce + REJECTION_REACH)) || completed(kept) || (!f.explicit && settled(kept))) return undefined;
  if (rejected(clause.slice(re) + text.slice(ce, ce + REJECTION_REACH))) return undefined;
  if (f.future && !future) return undefined;
  const strong = f.strength === 'strong' || (f.strength === 'tense' && future);
  // a number inside a moment ("after 30 days live") is no evidence: the clause is read with its moments marked
  if (!strong && (evidenced(marks.moments.slice(cs, ce).split(/\bwhether\b/)[0]!) || artifactInCare(clause))) return undefined;
  // what Operation does now, with the next clause of its sentence saying where the values are set:
  // "the NOC owns the monitoring; thresholds are listed in the alert catalogue"
  const rest = text.slice(ce, ce + REJECTION_REACH).split(SENTENCE_END)[0]!;
  if (!strong && !future && (settled(rest) || referenced(clause + rest))) return undefined;
  start = cs + rs;
  end = cs + re;
  // a cue that starts at a contraction starts at its word: "We'll buy more", not "'ll buy more"
  if (text[start] === "'" || text[start] === '’') start = wordBefore(text, start)?.[0] ?? start;
  // Trim spaces and punctuation the span may have picked up at its end.
  // (a span of punctuation alone, a configured "...", runs back past its start, and quotes nothing)
  while (/[\s,.;:]/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

const SENTENCE_END = /[.!?](?=\s|$)|\n/;
const SECOND_PREDICATE = /\b(?:and|but)\s+(?=(?:will|shall|is\s+to|are\s+to|to\s+be|should|must)\b)/g;

/** Where the last predicate joined by "and"/"but" with a modal of its own begins before `rs`, or 0. */
function secondPredicate(clause: string, rs: number): number {
  let at = 0;
  SECOND_PREDICATE.lastIndex = 0;
  for (let m = SECOND_PREDICATE.exec(clause); m && m.index < rs; m = SECOND_PREDICATE.exec(clause)) at = m.index + m[0].length;
  return Math.min(at, rs);
}

/** Is there a moment in the clause [cs, ce) after design, and not one that only starts a settled arrangement ("covers it from day one")? */
function openMoment(text: string, moments: string, cs: number, ce: number, future: boolean): boolean {
  for (let i = moments.indexOf('\x0e', cs); i >= 0 && i < ce; i = moments.indexOf('\x0e', i + 1)) {
    let end = i + 1;
    while (end < ce && moments.charCodeAt(end) === 15) end++;
    if (future || !inForceFrom(text.slice(cs, ce), text.slice(Math.max(cs, i - 40), i), text.slice(i, end))) return true;
  }
  return false;
}

const ALTERNATIVE = /\b(?:rather\s+than|instead\s+of)\b/;
/** A later phase or release that opens its clause: "Phase 2", "later releases", "the next release". */
const LATER_PHASE_START = /^(?:phase|stage|iteration|increment|wave|v\s?\d|(?:the\s+)?(?:next|later|future|subsequent|following)\s)/;

/**
 * A later phase that is the subject of a verb in the present describes that phase's scope, not a
 * deferral: "Phase 2 adds a new market", "later releases add the loyalty module" (but "phase 2 will
 * size it" and "v2 tuning" defer). A later phase that brings a feature is `otherWork`'s.
 */
function laterPhaseAsSubject(clause: string, verbs: string, rs: number, re: number, future: boolean): boolean {
  if (future || !LATER_PHASE_START.test(clause.slice(rs, re)) || /[a-z0-9]/.test(clause.slice(0, rs))) return false;
  let i = re;
  while (i < clause.length && clause.charCodeAt(i) === 32) i++;
  const c = verbs.charCodeAt(i);
  return (c === 3 || c === 7 || c === 5 || c === 11) && !clause.slice(i).match(/^[a-z]+ing\b/);
}

const DETERMINED = /\b(?:the|this|that|an?|our|its|their|your|each|every)\s+$/;

/**
 * The cue (a word of deciding or acting, or a future) of the moment at [rs, re): the first within
 * CUE_REACH before it and after the last comma (or second predicate) before it, else the first
 * before it, else the first after. A comma parts what was said before from the request: in "the
 * budget hasn't been agreed, please set one after a few weeks" the cue is "set", and the negation
 * is the earlier part's; so does "and will": "has not been estimated and will be learnt from…".
 */
function nearestCue(clause: string, rs: number, re: number): Span | undefined {
  // "post-launch reviews are part of the process": a moment used as an adjective, its noun is no cue.
  const adjective = POST.test(clause.slice(rs, re));
  CUE_RE.lastIndex = Math.max(0, rs - CUE_REACH);
  const comma = Math.max(clause.lastIndexOf(',', rs - 1), secondPredicate(clause, rs) - 1);
  let sameSegment: Span | undefined;
  let before: Span | undefined;
  let after: Span | undefined;
  for (let m = CUE_RE.exec(clause); m && m.index < re + CUE_REACH; m = CUE_RE.exec(clause)) {
    const s = { start: m.index, end: m.index + m[0].length };
    // A cue inside the moment itself ("first month of operation") does not count twice.
    if (s.start >= rs && s.end <= re) continue;
    // a verb's word after a determiner is a noun: "out of this document", "the review"
    if (clause.charCodeAt(s.start) < 12 && DETERMINED.test(clause.slice(Math.max(0, s.start - 8), s.start))) continue;
    if (adjective && s.start >= re && clause.slice(re, s.start).trim() === '') continue;
    if (s.end <= rs) {
      before ??= s;
      if (s.start > comma) sameSegment ??= s;
    } else after ??= s;
  }
  return sameSegment ?? before ?? after;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A configured phrase as a pattern: case-insensitive, any run of spaces, whole words at its ends. */
function phrasePattern(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const body = words.map(escapeRegExp).join(String.raw`\s+`);
  const head = /^\w/.test(words[0]!) ? String.raw`\b` : '';
  const tail = /\w$/.test(words[words.length - 1]!) ? String.raw`\b` : '';
  return `${head}${body}${tail}`;
}

function anyOf(phrases: readonly string[]): RegExp | undefined {
  const parts = phrases.map(phrasePattern).filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : new RegExp(parts.join('|'), 'gi');
}

/**
 * Marks what `re` finds in `text` (see ACTOR, ACT, WATCHING, ANY_FORM), or the text itself when it
 * finds nothing. A mark is as long as what it marks, so positions in the marked text are those of the text.
 */
function mark(text: string, re: RegExp, kind: (m: RegExpExecArray) => string): string {
  let out = '';
  let last = 0;
  // (the loop runs to the end, where exec sets lastIndex back to 0 for the next text)
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [head, body] = kind(m);
    out += text.slice(last, m.index) + head + body!.repeat(m[0].length - 1);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

const verbKind = (m: RegExpExecArray): string => (m[1] !== undefined ? '\x05\x06' : m[2] !== undefined ? '\x03\x04' : m[3] !== undefined ? '\x0b\x0c' : '\x07\x08');

/** The text with its actors and verbs marked (`verbs`), and with its moments marked (`moments`). */
interface Marks {
  verbs: string;
  moments: string;
}

/**
 * The phrase of `original` that defers, or undefined. Text that `ignore` matches is read as line
 * breaks of its length (a clause break, positions unchanged): what is around it is still read, but
 * no phrase takes it in, and the phrase quoted is always the original's.
 */
function findIn(original: string, families: readonly Family[], ignore?: RegExp): string | undefined {
  const source = ignore ? original.replace(ignore, (s) => '\n'.repeat(s.length)) : original;
  // no word: "24x7", "99.9", "4h"
  if (!/[a-z]{2}|\b[a-z]\d\b/i.test(source)) return undefined;
  const reading = read(source);
  /** Does a span of the read text take in ignored text? */
  const across = (s: Span): boolean => {
    const from = reading.at(s.start);
    const to = reading.at(s.end - 1) + 1;
    return source.slice(from, to) !== original.slice(from, to);
  };
  const text = reading.text;
  if (closedNote(text, countWords(text))) return undefined;
  const actors = mark(text, ACTOR_MARK, () => '\x01\x02');
  const marks: Marks = { verbs: mark(actors, VERB_MARK, verbKind), moments: mark(text, MOMENT_MARK, () => '\x0e\x0f') };
  const hasActor = actors !== text;
  // Most strings of a definition ("24x7", "team-payments", "SLI is the share of good requests") hold
  // no word of the vocabulary: then only the families that spell their own words are run.
  const vocabulary = families !== FAMILIES || hasActor || marks.verbs !== actors || marks.moments !== text || HINT.test(text);
  if (!vocabulary) return undefined;
  let first: Span | undefined;
  const spans: Span[] = [];
  for (const f of families) {
    if (f.actor && !hasActor) continue;
    const subject = f.moment ? marks.moments : f.verb ? marks.verbs : f.actor ? actors : text;
    f.re.lastIndex = 0;
    for (let m = f.re.exec(subject); m; m = f.re.exec(subject)) {
      if (m[0].length === 0) {
        f.re.lastIndex++;
        continue;
      }
      // Only the earliest deferral is quoted, with what overlaps it: a match further on (a cue reaches
      // back CUE_REACH at most) cannot change the answer.
      if (first && m.index > first.end + CUE_REACH + 1) break;
      const span = accept(text, marks, m, f);
      if (!span || across(span)) continue;
      spans.push(span);
      if (!first || span.start < first.start) first = span;
      break;
    }
  }
  first ??= terse(text, marks);
  if (!first || across(first)) return undefined;
  // Overlapping finds of several families make one phrase: "ops will monitor and scale as needed after go-live".
  let { start, end } = first;
  spans.sort((a, b) => a.start - b.start);
  for (const s of spans) {
    if (s.start <= end + 1 && s.end > end && s.start >= start && !across({ start, end: s.end })) end = s.end;
  }
  return original.slice(reading.at(start), reading.at(end - 1) + 1).trim();
}

/** The built-in matcher: no configured phrases or exceptions. */
export const findDeferralPhrase: DeferralMatcher = (text) => findIn(text, FAMILIES);

const matchers = new WeakMap<DeferralConfig, DeferralMatcher>();

/**
 * The matcher for a config: its phrases count as deferrals (with the same guards as the built-in
 * ones), and text matching one of its `ignore` entries never counts. Compiled once per config.
 */
export function deferralMatcher(config: DeferralConfig | undefined): DeferralMatcher {
  if (!config || (config.phrases.length === 0 && config.ignore.length === 0)) return findDeferralPhrase;
  let matcher = matchers.get(config);
  if (!matcher) {
    const own = anyOf(config.phrases);
    const configured = (re: RegExp): Family => ({
      // Stryker disable next-line StringLiteral: `says` is for the reader of this file; no code reads it.
      says: 'a phrase of the config',
      re,
      strength: 'strong',
      literal: true,
    });
    const families = own ? [configured(own), ...FAMILIES] : FAMILIES;
    const ignore = anyOf(config.ignore);
    matcher = (text) => findIn(text, families, ignore);
    matchers.set(config, matcher);
  }
  return matcher;
}
