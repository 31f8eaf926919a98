/**
 * The guards of the deferral matcher: what, in the clause around a match, says it is not a deferral
 * after all. Each is a named function of the clause (lower case, as the matcher reads it).
 */
import { DATA_NOUNS, DEFERRED_WORDS, LATER_PHASES, list } from './deferral-vocabulary.js';

/** Negation just before or inside the phrase: "not left to ops", "never scale as needed". */
const NEGATION = /\b(?:(?:decided|chose|opted|voted)\s+against|not|non|never|no|neither|nor|without|unlike|cannot)\b(?!\s+(?:yet|later\s+than)\b)|n['’]t\b|\brather\s+than\b|\binstead\s+of\b|\bno\s+longer\b|\b(?:talk|idea)\s+of\b|\bconsidered\b/;
/** A negative subject reaches further: "nothing in this area is deferred to operations". */
const NEGATIVE_SUBJECT = /\b(?:nothing|none|nobody|no\s+one|no\s+part)\b/;

/** Is the phrase negated: in the few words before it and within it (`near`), or by a negative subject further back (`far`)? */
export function negated(near: string, far: string): boolean {
  return NEGATION.test(near) || NEGATIVE_SUBJECT.test(far);
}

/** Negation after the phrase: "reactive maintenance is not acceptable", "…but we decided against it". */
const REJECTED = new RegExp(
  [
    // "reactive maintenance is not part of this contract"
    String.raw`\b(?:is|are|was|were|be)\s+(?:not|never)\s+(?:part\s+of|included|acceptable|allowed|permitted|an\s+option|good\s+enough|sufficient|enough|ok|okay|tolerated|the\s+plan|used|applied|planned|expected|needed|in\s+scope|the\s+approach)\b`,
    String.raw`\b(?:isn['’]t|aren['’]t|wasn['’]t)\s+(?:acceptable|allowed|permitted|an\s+option|good\s+enough|sufficient|enough|ok|okay|the\s+plan)\b`,
    String.raw`\b(?:unacceptable|ruled\s+(?:it\s+|this\s+)?out|forbidden|prohibited|not\s+allowed|not\s+acceptable|rejected|dropped|abandoned)\b`,
    String.raw`\b(?:decided|chose|opted|voted|argued)\s+against\b`,
  ].join('|'),
);

/** Is the phrase rejected in what follows it: the rest of its clause and the start of the next? */
export function rejected(after: string): boolean {
  return REJECTED.test(after);
}

/** "not X until go-live" means X waits for go-live: negation does not undo a moment that starts with "until". */
export const startsWithUntil = (phrase: string): boolean => /^(?:until|till)\b/.test(phrase);

/** The clause says the work is done or agreed in design. */
const SETTLED = new RegExp(
  [
    String.raw`\b(?:in|during|at|through)\s+(?:the\s+)?design\b`,
    String.raw`\bdesign\s+(?:review|authority|phase|stage|workshops?|sign-?off|board)\b`,
    String.raw`\bbefore\s+(?:the\s+)?(?:go[-\s]?live|launch|build|release|cut-?over|ga|handover)\b`,
    // ("already" of a state reached later settles nothing: "when the service is in production already")
    String.raw`\bup\s*front\b|(?<!\b(?:in\s+(?:production|prod|service|operation|use)|live|running|operational)\s+)\balready\b|\bas\s+(?:agreed|planned|designed|specified|defined|documented)\b|\b(?:defined|set|agreed|given|listed|stated)\s+(?:here|above|below|in\s+this\s+(?:file|document|definition))\b|\b(?:in|during)\s+(?:the\s+)?(?:build|implementation|delivery|project)\s+(?:phase|stage)\b|\bby\s+design\b|\bsigned\s+off\b`,
    String.raw`\bwith\s+(?:all|every|each|the)\s+(?:[\w-]+\s+){0,3}(?:agreed|defined|signed\s+off|approved)\b`,
    // a reference to where it is written down: "the DR plan defined in appendix C" (not "to be defined in section 5")
    String.raw`(?<!\b(?:to|will|shall|should|must)\s+be\s+)\b(?:defined|set\s+out|agreed|given|listed|stated|described|documented|specified)\s+(?:in|under)\s+(?:the\s+)?(?:appendix|annexe?|section|chapter|table|schedule|clause|part|§)\s*[\w.]+`,
    // or to the register that holds it: "thresholds are listed in the alert catalogue", "recorded in the CMDB"
    String.raw`(?<!\b(?:to|will|shall|should|must)\s+be\s+)\b(?:defined|set\s+out|agreed|listed|described|documented|specified|recorded|kept|maintained|held)\s+in\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:catalogue|catalog|register|cmdb|inventory|wiki|spreadsheet|repository|repo)\b`,
    String.raw`\breviewed\s+and\s+(?:agreed|approved|accepted|signed)\b`,
    // what is referred to as already agreed: "apply the agreed retention"
    String.raw`\b(?:apply|applies|use|uses|follow|follows|following|per|keep|keeps|enforce|enforces)\s+the\s+(?:agreed|defined|documented|tested|approved|signed-off|current|existing|same)\s+[a-z]|\bfollows?\s+the\s+(?:organisation['’]s\s+|organization['’]s\s+|company['’]s\s+)?standard\s+[a-z]|\b(?:follow|follows|keep|keeps|use|uses|apply|applies)\s+the\s+(?:values|thresholds|targets|settings|limits)\s+(?:in|of|from|above|below)\b`,
    // the actor receives what design made: "the NOC will receive the handover pack", "ops will get read access"
    String.raw`\b(?:will|shall|to|should)\s+(?:be\s+(?:given|informed|told|trained|notified|invited|briefed)|receive|attend|get\s+(?:read|write|admin|access|a\s+copy|notified|trained))\b`,
    // verified by someone, and nothing still to come: "reviewed by ops", not "to be confirmed by ops"
    String.raw`(?<!\b(?:to|will|shall|should|must|would|can|could|may|might|needs?\s+to|['’]ll)\s+(?:be\s+|get\s+)(?:[\w-]+\s+)?)\b(?:reviewed|approved|checked|validated|verified|tested|accepted|signed(?:\s+off)?)\s+(?:and\s+[\w-]+\s+)?by\b`,
    // ("were never agreed" is the opposite)
    String.raw`\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?!(?:not|never)\b)(?:\w+\s+)?(?:agreed|approved|accepted|decided|defined|sized|set|tuned|chosen|reviewed|signed|confirmed|tested|rehearsed|validated|measured|written|documented|baselined|used|based|derived|calculated|computed|modelled|modeled|added|increased|adjusted|resized|scaled|changed|provisioned|installed|configured|built|deployed|migrated)\b`,
    // "against the targets in this file", "thresholds are in this file", "the figures above"
    String.raw`\b(?:targets?|thresholds?|figures|values|numbers|requirements?|limits?)\s+(?:(?:are|is|set|defined|agreed|given)\s+)?(?:in|from|of)\s+this\s+(?:file|definition|document)\b|\b(?:figures|values|numbers|targets?|thresholds?|slos?|slas?|requirements?)\s+(?:(?:defined|set|agreed|given|listed|stated)\s+)?(?:above|below)\b`,
  ].join('|'),
);
/**
 * A decision reported rather than made: what follows "agreed that", "decided to", "accepted as a
 * risk that" is its content, and a design review that reports a deferral does not settle it.
 */
const REPORTED = /\b(?:(?:agreed|decided|accepted|said|confirmed|concluded|noted|stated|ruled|chose|elected|opted|(?:was|were)\s+(?:agreed|decided|accepted|noted))\s+(?:[\w-]+\s+){0,4}?(?:that|to|on)|signed\s+off\s+on)\b/;
/** Words that defer in so many words: a design review that defers is no settlement. */
const DEFERRED = new RegExp(String.raw`\b${DEFERRED_WORDS}\b`);

/** Is the work done or agreed in design, by the clause's own words (not by a decision it reports to defer)? */
export function settled(clause: string): boolean {
  if (DEFERRED.test(clause) || OUTSIDE_DESIGN.test(clause)) return false;
  const reported = REPORTED.exec(clause);
  return SETTLED.test(reported ? clause.slice(reported.index + reported[0].length) : clause);
}
/** Design named as what the work was left out of: "out of scope for the design phase", "not covered by the design". */
const OUTSIDE_DESIGN = /\b(?:out\s+of\s+(?:the\s+)?scope|not\s+(?:in\s+(?:the\s+)?scope|covered|addressed|included|part))\s+(?:of|for|in|by)\s+(?:the\s+|this\s+)?design\b/;

/** The work is done now: "deferred items are all closed". Unlike a settlement in design, no words of deferral undo it. */
// "handed over with all warranty areas complete", "a complete warranty at go-live"
const COMPLETED =
  /(?<!\b(?:after|once|when|until|till|before|as\s+soon\s+as)\s+(?:[\w-]+\s+){0,4})\b(?:is|are)\s+(?:now\s+)?(?:all\s+)?(?:complete|completed|closed|done|resolved)\b(?!\s+(?:by|later|once|after|when|in\s+(?:production|prod|hypercare|bau)))|\b(?:all|every)\s+(?:[\w-]+\s+){0,2}(?:areas?|requirements?|items?|sections?|thresholds?|targets?|values|limits|alerts)\s+(?:are\s+|were\s+)?(?:complete|completed|defined|accepted|agreed|done|closed|set|in\s+place)\b|(?:^|[\s:\]\-–—/])(?<!\b(?:be|being|to|will|tbd|tbc)\s+)(?<!\b(?:after|once|when|until|till|before)\s+(?:[\w-]+\s+){0,4}(?:is|are|has\s+been|have\s+been|gets?)\s+)(?:reviewed|done|agreed|approved|tested|closed|configured|accepted|completed?|set|sized|defined|tuned|provisioned|documented|signed(?:\s+off)?)\s*[.!]?\s*$|\bcomplete\s+(?:warranty|definition|design)\b/;

export function completed(clause: string): boolean {
  return COMPLETED.test(clause);
}

/** A question answered in the text is no open point: "Do ops need to act at go-live? No, all areas are agreed." */
export function answered(text: string, from: number): boolean {
  const q = text.indexOf('?', from);
  if (q < 0 || /[.;!\n]/.test(text.slice(from, q))) return false;
  const rest = text.slice(q + 1).trim();
  return /[a-z0-9]/.test(rest) && !rest.endsWith('?') && !/^(?:tb[dca]|not\s+yet|unknown|open)\b/.test(rest);
}

/** The clause speaks of the past that no longer holds: "previously left to ops; now defined here". */
// "we used to rely on ops" (not "the metrics will be used to size it"), "initially reactive, now planned"
const SUPERSEDED =
  /\b(?:previously|formerly|originally|in\s+the\s+past|in\s+the\s+old\s+(?:world|days|system|platform|setup)|obsolete|superseded|replaced|retired|moved\s+away\s+from|switched\s+from)\b|(?<!\b(?:be|is|are|was|were|been|being|get|gets|got)\s+)\bused\s+to\s+[a-z]|\b(?:initially|at\s+first)\b.{0,60}?\bnow\b/;

export function superseded(clause: string): boolean {
  return SUPERSEDED.test(clause);
}

/** Concrete evidence that a requirement is defined: a number with a unit, a date, a frequency, a runbook. */
// a number opens a word: "P2s", "L2", "v2" are names, not quantities
const EVIDENCE =
  /(?<![a-z])\d+(?:[.,]\d+)?(?:\s*|-)(?:%|rps|tps|qps|ms|s|m|h|d|w|min(?:ute)?s?|sec(?:ond)?s?|hours?|days?|weeks?|months?|quarters?|years?|[kmgt]i?b|x|users|nodes|pods|instances|servers|vms|vcpus?|cores|replicas|workers|shards)(?![\w])|\b(?:19|20)\d\d\b|\b(?:on|since)\s+(?:\d{1,2}[/.]\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\blast\s+(?:year|month|quarter|week|season)\b|\b(?:previous|historic(?:al)?|existing)\b|\b(?:run|play)\s?books?\b|\bwithin\s+\d|\bevery\s+(?:\d+\s+|other\s+)?(?:day|week|month|quarter|year|sprint|release)s?\b|\b(?:daily|weekly|monthly|quarterly|yearly|annually|nightly|hourly|twice\s+a\s+\w+)\b|\b(?:per|as\s+per|according\s+to|in\s+line\s+with)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:ola|sla|runbook|plan|policy|contract|table|matrix|model|rota|schedule|procedure)\b|\b24\s*[x/]\s*7\b(?!\s+(?:team|teams|crew|desk|staff|engineers|support|ops|operations|noc))|\b(?:same|unchanged|identical)\s+(?:targets?|thresholds?|sizing|dimensioning|capacity|limits|settings|configuration|size|slos?|slas?|values|figures|numbers)\b|\bno\s+changes?\b|\bunchanged\b|\b\d{1,2}(?::\d\d)?\s*[-–]\s*\d{1,2}(?::\d\d)?\b|\b(?:load|performance)[-\s]?test(?:ed|\s+results?|\s+reports?)\b|\bbenchmark\s+results?\b/;

/** Does the clause state the requirement concretely, so that a description of Operation's work is not a deferral? */
export function evidenced(clause: string): boolean {
  return EVIDENCE.test(clause);
}

/**
 * A pointer to where the values are written: a file ("alerts/rules.yaml"), a numbered part or
 * document ("appendix B", "section 4.2", "policy BP-7", "the Confluence page MON-12"), "see the
 * matrix below". Beside what Operation does now it says the work is defined elsewhere ("L2 owns
 * incident response; see the escalation matrix below"); the caller keeps a clause about the future
 * ("ops will put the thresholds in alerts.yaml after go-live").
 */
const REFERENCE = new RegExp(
  [
    String.raw`\b[\w-]+(?:/[\w.-]+)*\.(?:ya?ml|json|md|tf|csv|xlsx?|docx?|pdf)\b`,
    String.raw`\b(?:appendix|annexe?|section|chapter|table|schedule|policy|catalogue|catalog|register|page|matrix|model|manual|handbook|runbook|playbook|sop|plan|standard|procedure)\s+(?:[a-z]{1,5}-\d+|\d+(?:\.\d+)*|[a-h])\b`,
    String.raw`\bsee\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:below|above)\b|\b(?:matrix|table|list|section|model|plan|catalogue|register)\s+(?:below|above)\b`,
  ].join('|'),
);

export function referenced(text: string): boolean {
  return REFERENCE.test(text);
}

/** A moment that is a deadline, not a deferral: "4 hours after the incident", "no later than go-live". */
const DEADLINE = /(?:\bwithin\s+\S+\s+|\d+\s*(?:min(?:ute)?s?|m|h|hours?|d|days?|weeks?|months?)|no\s+later\s+than(?:\s+\S+){0,3}|at\s+the\s+latest)\s*$/;

export function deadline(before: string): boolean {
  return DEADLINE.test(before);
}

/** A contingency asked about and answered: "what if the region fails? We fail over…". */
export const contingency = (before: string, phrase: string): boolean => /\bwhat\s+if\s+$/.test(before) || (/^if\b/.test(phrase) && /\bwhat\s+$/.test(before));

/**
 * The reacting is the service's own or its users': "failover happens automatically when needed",
 * "if a node fails, the cluster rebalances", "the circuit breaker opens after 5 failures",
 * "users can request exports as and when they need them", "employees submit leave requests
 * whenever needed", "self-service".
 */
const SELF_SERVICE = new RegExp(
  [
    String.raw`\bautomatic(?:ally)?\b|\bauto-?(?:scal\w*|heal\w*|mated)\b|\bself[-\s](?:service|healing)\b`,
    String.raw`\b(?:cluster|autoscaler|scheduler|orchestrator|load\s+balancer|kubernetes|k8s|dns|hpa|replica\s+set)\s+(?:re)?[a-z]+s\b`,
    // the mechanisms of resilience a design builds in
    String.raw`\bcircuit[-\s]?breakers?\b|\bwatchdogs?\b|\b(?:health[-\s]?checks?|(?:liveness|readiness)\s+probes?)\b|\bretr(?:y|ies)\s+with\b`,
    // the people the service serves, acting on their own behalf
    String.raw`\b(?:users?|customers?|clients?|requesters?|employees|members|students|patients|citizens|applicants|subscribers)\s+(?:can|may|are\s+able\s+to|submit|request|raise|book|order|apply\s+for)\b`,
    String.raw`\bby\s+(?:the\s+|a\s+|any\s+)?(?:[\w-]+\s+)?(?:users?|customers?|requesters?)\b`,
    // "…reactively as the user types", "ad hoc when the analyst clicks Export"
    String.raw`\b(?:as|when|whenever|once)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:users?|customers?|analysts?|clients?|visitors?|clerks?)\s+(?:clicks?|types?|opens?|selects?|uploads?|submits?|scrolls?|logs?\s+in|presses)\b`,
  ].join('|'),
);

export function automaticOrSelfService(clause: string): boolean {
  return SELF_SERVICE.test(clause);
}

/** A short note that closes with a word of completion: "Who: SRE. What: SLOs. Done." */
const CLOSED_NOTE = /(?:^|[.;!\n])\s*(?:status\s*[:=-]\s*)?(?:done|closed|complete|completed|resolved|agreed|signed\s+off)\s*[.!]?\s*$/;
const CLOSED_NOTE_WORDS = 15;

export function closedNote(text: string, words: number): boolean {
  return words <= CLOSED_NOTE_WORDS && CLOSED_NOTE.test(text);
}

/**
 * What is put off is other work than a warranty decision: the product's scope or its money ("later
 * releases will add CSV export", "revisit the pricing tiers later", "run costs charged back from
 * go-live"), its people ("we will hire a tester once…", "onboarding of new joiners arranged by HR"),
 * what is written for its users ("the service desk will publish the user guide"), its defects
 * ("cosmetic bugs go to the backlog") or the business systems it takes in ("source systems ingested
 * in later sprints"). Only when the clause names no warranty topic: "the mobile app's capacity will
 * be sized after launch" still defers, and so does a clause that names no object at all ("ops will
 * decide after go-live", said in a capacity note).
 */
const OTHER_WORK = new RegExp(
  [
    // the product and its money
    String.raw`\b(?:features?|feature\s+flags?|dark\s+mode|(?:csv|pdf|excel)\s+exports?|ui|ux|user\s+interface|look\s+and\s+feel|branding|logos?|locali[sz]ation|locali[sz]ed|translat(?:ions?|ed|e)|language\s+versions?|pricing|price\s+(?:tiers?|list|points?)|pay[-\s](?:per|as)[-\s]|charged?\s+back|charge-?backs?|invoic(?:e|es|ed|ing)|licen[cs](?:e|es|ing)|procurement|mobile\s+app|roadmap|marketing|product\s+(?:team|owner|manager|management|backlog|designers?))\b`,
    // its people, their training and their meetings
    String.raw`\b(?:hire|hires|hired|hiring|recruit\w*|headcount|vacanc(?:y|ies)|developers|designers?|testers|(?:product|ux|ui|graphic|service)\s+designers?|new\s+(?:starters|joiners|hires|employees)|hr|human\s+resources|training(?:\s+(?:videos?|sessions?|materials?|courses?))?|e-?learning|(?:office|desk)\s+moves?|seating|refresher(?:\s+courses?)?|lessons[-\s]learned|retrospectives?|dinner|celebrations?|team\s+(?:lunch|event|offsite|building|day)|town\s*hall|all-hands|workshops?|webinars?|demos?|kick-?offs?|steering\s+(?:committee|group|board))\b`,
    // what is written or shown to its users
    String.raw`\b(?:faqs?|user\s+(?:guides?|manuals?|documentation)|release\s+notes|newsletters?|intranet|surveys?|questionnaires?|help\s+(?:texts?|pages?)|privacy\s+(?:notices?|statements?|policy)|terms\s+(?:and|&)\s+conditions|cookie\s+(?:banners?|notices?)|tutorials?|announcements?|communications?\s+plan|comms(?:\s+plan)?|knowledge\s+(?:articles?|base)|kb\s+articles?|how-?to\s+(?:videos?|guides?|articles?)|videos?|handbooks?|icons?|colou?r\s+schemes?|layouts?|screens?|error\s+messages|wording|payment\s+methods?)\b`,
    // its defects, and the reports and systems of the business it serves
    String.raw`\b(?:defects?|bugs?|typos?|cosmetic|(?:management|business|finance|financial|sales|board)\s+reports?|reports?\s+for\s+(?:the\s+)?(?:management|business|board|finance)|source\s+systems?|data\s+sources?|crm|erp|integrations?\s+with|(?:fiscal|financial)\s+year|contract\s+renewals?|contracts?\s+with\s+(?:the\s+)?(?:vendor|supplier|provider)|project\s+documentation|countr(?:y|ies)|markets?)\b`,
  ].join('|'),
);
const WARRANTY_TOPIC =
  /\b(?:capacity|availability|available|continuity|security|secure|dr|disaster|recovery|rto|rpo|slas?|slos?|sli|error\s+budget|monitor\w*|alert\w*|thresholds?|backups?|restores?|fail-?over|scal\w*|siz\w*|headroom|performance|latency|throughput|uptime|resilien\w*|incidents?|outages?|patch\w*|retention|encrypt\w*|vulnerab\w*|peak|load|redundan\w*|storage|quotas?|limits?|access|authori[sz]ations?|permissions?|firewall\w*|secrets?|standby|replica\w*|on-?call|pag(?:e|ed|es|er|ing)|rota|escalat\w*|response\s+times?|timeouts?|error\s+rates?|(?:support|service|business|opening|core)\s+hours|hours\s+of\s+(?:service|support|cover)|cover(?:age)?|run\s?books?|maintenance\s+windows?|classification|forecast\w*|nodes?|instances?|cpu|memory|disks?|bandwidth|avail|perf|cap|concurrency|connections?|pools?|queues?|cache|windows?|dimension\w*|volumes?|growth|demand|traffic|usage|rps|tps|iops|regions?|zones?|sites?)\b/;

export function otherWork(clause: string): boolean {
  return OTHER_WORK.test(clause) && !WARRANTY_TOPIC.test(clause);
}

/**
 * A later phase, sprint or release, or a deadline after launch, that schedules a named thing of
 * no warranty topic: "single sign-on is planned for phase 2", "the archive module will be migrated
 * in a later sprint", "the Spanish version to be delivered within 3 months of launch". That is the
 * project's plan of scope. With no subject of its own ("Phase 2.", "will be done in phase 2"), a
 * pronoun ("this is planned for phase 2") or a warranty topic ("capacity… in phase 2"), it still
 * defers: in a warranty area's notes the topic goes without saying. `marked` is the clause with its
 * actors and verbs marked (not letters), `rs` where the moment's phrase starts in it.
 */
const SCOPE_MOMENT = new RegExp(String.raw`${LATER_PHASES}|^within\b`);
/** Words that name no subject of their own: determiners, pronouns, auxiliaries, and the words of open notes. */
const NO_SUBJECT = new Set(
  'the a an this that these those it its they them we our us you your i and or for of with in on at by to be is are was were will shall should must would can could may might has have had been being then also only all everything anything rest remaining other others item items topic point open still yet not no as so but if when once after before until from up out please just probably likely do does done tbd tbc'.split(' '),
);

/**
 * A moment whose only cue is a bare future ("will be dissolved", "will celebrate"), in a clause
 * that names a subject of its own and no actor, no verb of the lists and no warranty topic: "after
 * go-live the project board will be dissolved", "once live, the architects will move on". Said of
 * people or things outside the warranty, it is the project's news, not work left to Operation;
 * "the numbers will follow once live" and "we'll see once it's live" name nothing of their own.
 */
const BARE_FUTURE = /\b(?:will|shall|going\s+to)\s+[a-z]|['’]ll\s+[a-z]/;
const ACTOR_OR_VERB = /[\x01\x03\x05\x07\x0b]/;
/** Words of open notes and of waiting to see that name nothing: "the numbers will follow", "we'll see". */
const NO_THING = new Set('see wait follow come comes review learn decision numbers number asap eta owner who due action pending awaiting lol meh going get else happen happens become becomes clear clearer known apparent obvious available ready sorted'.split(' '));

export function bareFuture(clause: string, markedVerbs: string, markedMoments: string): boolean {
  if (ACTOR_OR_VERB.test(markedVerbs) || WARRANTY_TOPIC.test(clause) || !BARE_FUTURE.test(clause)) return false;
  return (markedMoments.match(/[a-z][a-z-]{2,}/g) ?? []).some((w) => !NO_SUBJECT.has(w) && !NO_THING.has(w) && !w.endsWith('ly'));
}

export function laterScope(clause: string, marked: string, rs: number, phrase: string): boolean {
  if (!SCOPE_MOMENT.test(phrase) || WARRANTY_TOPIC.test(clause)) return false;
  // what follows a label is the note itself: "Release plan: SSO in phase 2"
  const before = marked.slice(0, rs);
  const from = Math.max(before.lastIndexOf(':'), before.lastIndexOf('—'), before.lastIndexOf(' - ')) + 1;
  return (before.slice(from).match(/[a-z][a-z-]{2,}/g) ?? []).some((w) => !NO_SUBJECT.has(w) && !w.endsWith('ly'));
}

/**
 * The project's own event is the subject and the moment says when it happens: "the rollout to the
 * remaining regions happens later, after the pilot". When the project's events happen is its plan,
 * not work left to Operation ("after the rollout, ops will size it" still defers).
 */
const PROJECT_EVENT_SCHEDULED =
  /^\s*(?:(?:the|our|a|its)\s+)?(?:[\w-]+\s+)?(?:roll-?out|go-?live|launch|migration|cut-?over|release|pilot|deployment|switch-?over)\b(?:\s+[\w/-]+){0,6}?\s+(?:happens|will\s+happen|takes\s+place|will\s+take\s+place|(?:is|are)\s+(?:planned|scheduled|expected|due|foreseen))\b/;

export function projectEventScheduled(clause: string): boolean {
  return PROJECT_EVENT_SCHEDULED.test(clause);
}

/**
 * A thing already built is in someone's care: "Grafana dashboard owned by the platform team", "the
 * runbooks are maintained by L2". Looking after what exists is routine operation, not a decision
 * left open; only for what describes the present ("to be written by ops" still defers).
 */
const ARTIFACT_IN_CARE =
  /\b(?:dashboards?|runbooks?|playbooks?|run\s?books?|repos?|repositor(?:y|ies)|pipelines?|wiki|confluence\s+pages?|status\s+pages?|manuals?|scripts?|tooling|terraform|helm\s+charts?|accounts?|subscriptions?)\s+(?:(?:is|are)\s+)?(?:owned|maintained|run|kept|hosted|managed|looked\s+after)\s+by\b/;

export function artifactInCare(clause: string): boolean {
  return ARTIFACT_IN_CARE.test(clause);
}

/**
 * A moment that starts something in force: "SOC monitoring covers this service from day one", "the
 * targets apply from go-live", "charging starts as of launch". With a verb of being in force and
 * said in the present it is when a settled arrangement begins, not a decision put off ("capacity
 * tuned from go-live by L2" defers: tuning is deciding; the caller keeps any clause that speaks of
 * the future: "ops will cover it from go-live").
 */
export const inForceFrom = (clause: string, before: string, phrase: string): boolean =>
  (/^from\b/.test(phrase) || (/\b(?:from|as\s+of|starting|effective)\s+$/.test(before) && !DATA_SOURCE.test(phrase))) && IN_FORCE.test(clause);
/** What running yields is a source, not a start: "sized from production metrics". */
const DATA_SOURCE = new RegExp(String.raw`\b${list(DATA_NOUNS)}$`);
const IN_FORCE = /\b(?:covers?|covered|appl(?:y|ies)|holds?|(?:is|are)\s+(?:in\s+(?:place|force|effect)|active|staffed|on)|starts?|begins?|kicks?\s+in|takes?\s+effect)\b/;
