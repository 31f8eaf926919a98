/**
 * Deferral to Operation in the teams' own words (SPEC §2, "Deferral to Operation").
 *
 * A note defers a warranty area when it hands the work to the people who run the service (who:
 * ops, the run team, SRE, the NOC, support, BAU, L2…), puts it off to after design (when: after
 * go-live, once live, during hypercare, in production, later…), or leaves it to events (as needed,
 * when it breaks, handled by incident management, reactive). The matcher is a list of *families*,
 * regular expressions built from three vocabularies (actors, moments, actions), and guards read in
 * the clause around each match:
 *
 * - negation just before or in the phrase ("not left to ops", "never scale as needed", "nothing
 *   here is deferred to the NOC") or rejecting it after ("reactive scaling is not allowed");
 * - the clause says the work is done or agreed in design ("reviewed and agreed this in design",
 *   "signed off before go-live", "as agreed", "was sized with the run team");
 * - *weak* families describe what Operation does ("on-call will restore it if it fails"): concrete
 *   evidence in the clause (a number with a unit, a date, a frequency, a runbook) shows a defined
 *   requirement, and they do not count. *Strong* ones hand the work over or put it off.
 *
 * Whether the text counts at all is the caller's: only while an every-tier essential of the area is
 * missing (`findDeferral` in build.ts), so runbook prose beside a complete area never does.
 *
 * Cost: the matcher runs on every string of every area that lacks an essential. Expressions are
 * compiled once, without the `i` flag (the text is lower-cased once); a text is first tested for a
 * hint of any family, and most strings hold none; actors and actions are found once and marked, so
 * that each vocabulary is compiled once rather than into every family that names it (compiling is
 * the costly part of a large expression); every gap inside a pattern and every look around a match
 * is bounded, so the work is linear in the text.
 *
 * Why this file is long: the vocabularies, the families built from them and the guards that read
 * the clause around a match are one matcher; they share the marks the vocabularies leave in the text.
 */

// ---- Vocabulary ---------------------------------------------------------------------------------

const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;

/** Who Operation is: the teams a design hands its open questions to. */
const ACTOR_ONE = alt(
  String.raw`(?:it\s+|platform\s+|hosting\s+|infra(?:structure)?\s+|cloud\s+|network\s+|database\s+|dba\s+|tech(?:nical)?\s+|service\s+)?(?:ops|operations)`,
  String.raw`devops`,
  String.raw`sres?`,
  String.raw`site\s+reliability(?:\s+engineer(?:ing|s)?)?`,
  String.raw`noc|soc|msp`,
  String.raw`security\s+operations(?:\s+cent(?:re|er))?`,
  String.raw`bau|business\s+as\s+usual`,
  String.raw`service\s+desk|help\s*desk`,
  String.raw`on[-\s]?call`,
  String.raw`(?:app(?:lication)?\s+|production\s+|prod\s+|it\s+|tech(?:nical)?\s+|customer\s+)?support`,
  String.raw`(?:1st|2nd|3rd|first|second|third)[-\s]line(?:\s+support)?`,
  String.raw`l[1-3](?:\s*(?:[/&,+]|and|or)\s*l?[1-3])*(?:\s+support)?`,
  String.raw`run`,
  String.raw`infra|dbas?`,
  String.raw`managed\s+service\s+provider`,
  String.raw`service\s+management`,
  // words that name Operation only with a team after them: "the platform guys", "the 24x7 team"
  String.raw`(?:platform|hosting|infra(?:structure)?|cloud|it|database|network|24\s*[x/]\s*7|follow[-\s]the[-\s]sun|hypercare|early[-\s]life(?:\s+support)?)\s+(?:team|teams|provider|guys|folks|people|engineers|staff|crew|squad|desk)`,
);
/** One team or two: "SRE/ops". */
const ACTOR_CORE = String.raw`${ACTOR_ONE}(?:\s*\/\s*${ACTOR_ONE})?`;
/** Words after the actor that still name it: "the ops team", "the on-call engineer", "SRE on-call". */
const ACTOR_SUFFIX = String.raw`(?:\s+(?:team|teams|guys|folks|people|engineers?|staff|function|department|dept|group|rota|side|colleagues|crew|squad|leads?|managers?|org|organi[sz]ation|analysts?|on[-\s]?call|support|desk|cent(?:re|er)))*`;
const DETERMINER = String.raw`(?:(?:the|our|an?|their|your|whoever\s+is)\s+)?`;
// Computing senses of "operations": "write operations will set a lock".
const NOT_COMPUTING = String.raw`(?<!\b(?:read|write|database|db|batch|crud|bulk|i\/o|io|async|\d)\s+)`;
/**
 * Actors as written, found once per text and marked (see `mark`): the families below name an
 * actor by its mark, so each of them stays small and fast. "Operation" names the stage too ("left to
 * Operation"); as a subject it does so only bare (`subjectStart`): "each operation will set a lock".
 */
const ACTOR_MARK = new RegExp(String.raw`\b${NOT_COMPUTING}(?:${ACTOR_CORE}|(?:service\s+)?operation)${ACTOR_SUFFIX}(?!\w)`, 'g');
/** A marked actor: \x01 then \x02 to its length, so that positions in the marked text are those of the text. */
const ACTOR = String.raw`\x01\x02*`;
const ACTOR_OBJ = `${DETERMINER}${ACTOR}`;
// "…handed to operations, who will define the alerting": a relative clause makes the actor its subject.
const ACTOR_SUBJ = String.raw`${ACTOR}(?:\s*,?\s+who)?`;

/**
 * Actions are marked like actors, in the text the actor families read: "\x03…" for a verb of
 * deciding or acting (DECIDE, HANDLE), "\x05…" for one of watching (WATCH). Each vocabulary is then
 * compiled once, not into every family that names it (compiling regular expressions is costly).
 */
const ACT = String.raw`\x03\x04*`;
const WATCHING = String.raw`\x05\x06*`;
/** Will, must, is to, is expected to…: the actor is given work to do ("ops'll handle it", "run team to size it"). */
const MODAL = String.raw`(?:\s+(?:will|shall|should|must|can|could|may|might|would|to|(?:is|are|was|were)\s+(?:going|expected|supposed|meant|asked|told|required)\s+to|needs?\s+to|ha(?:s|ve)\s+to|(?:is|are)\s+to)\s+|['’]ll\s+)`;
const ADVERBS = String.raw`(?:(?:just|then|also|simply|probably|likely|eventually|first|ultimately|need\s+to|have\s+to|continue\s+to)\s+)*`;
/** What Operation is asked to decide instead of Design (base forms). */
const DECIDE = String.raw`(?:decide|define|determine|set(?:\s+up)?|agree|confirm|establish|baseline|calibrate|re-?size|(?:right-?)?size|tune|adjust|choose|assess|revisit|work\s+(?:\w+\s+)?out|figure\s+(?:\w+\s+)?out|sort\s+(?:\w+\s+)?out|look\s+(?:at|into)|come\s+up\s+with|write|produce|formali[sz]e|specify|close|cover|plan|configure|implement|put\s+(?:\w+\s+){0,3}?(?:in\s+place|together)|introduce|arrange|select|work\s+on|design|tweak|optimi[sz]e|improve|make\s+(?:a|the)\s+(?:call|decision|judge?ment)|take\s+a\s+(?:view|call|decision)|clarify|refine|iterate(?:\s+on)?|evolve|discover|advise|recommend|propose|suggest|tell\s+us|let\s+us\s+know|report\s+back|get\s+back\s+to\s+us|come\s+back\s+(?:to\s+us\s+)?with)`;
/** What Operation is asked to do about it when it happens (base forms). */
const HANDLE = String.raw`(?:handle|manage|own|take\s+(?:care\s+of|ownership|(?:(?:it|this|that|them)\s+)?(?:over|on)\b)|look\s+after|pick\s+(?:(?:it|this|that|them)\s+)?up|deal\s+with|fix|react|respond|address|investigate|chase|triage|escalate|(?:raise|log|open|create|file|submit|cut)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:tickets?|incidents?|requests?|p[1-4]s?|problems?|cases?)|raise\s+capacity|add\s+(?:more\s+)?\w+|scale(?:\s+(?:up|out|down|in))?|increase|bump|provision|allocate|spin\s+up|throw\s+more|top\s+(?:it\s+)?up|do\s+(?:it|this|that|them|so)\b|restart|restore|recover|rebuild|redeploy|recreate|re-?run|fail\s*over|bring\s+(?:it\s+)?back|clean(?:\s+up)?)`;
/** Watching alone is routine operation ("ops will monitor the saturation dashboard"), a deferral only when it is all there is. */
const WATCH = String.raw`(?:monitor|watch|observe|track|keep\s+(?:an\s+eye\s+on|watching|monitoring|track\s+of))`;
/** The area itself, or a pronoun, as the object of watching: "ops will monitor capacity", "keep an eye on it". */
const WATCHED = String.raw`(?:\s+(?:it|this|that|them|things|closely|the\s+service|(?:(?:the|our)\s+)?(?:[\w-]+\s+)?(?:capacity|availability|performance|usage|load|utili[sz]ation|demand|traffic|uptime|health|growth|latency|errors?|error\s+rates?|saturation|space|volumes?|costs?|trends?)))?`;
/** The area or its requirements as an object: "operations owns continuity", not "the run team owns the infrastructure". */
const WARRANTY_OBJ = String.raw`(?:it|this|that|them|everything|anything|the\s+rest|capacity|availability|continuity|security|dr|disaster\s+recovery|recovery|backups?|retention|headroom|sizing|scaling|thresholds?|targets?|rto|rpo|sla|slos?|outages?|incidents?|failures?|fail-?over|restores?|alerts?|alerting|monitoring|(?:the|all)\s+(?:area|requirements?|rto|rpo|sla|slos?|targets?|thresholds?|sizing|numbers|decisions?))\b`;
const ACTION_MARK = new RegExp(String.raw`\b(?:(${WATCH})|${DECIDE}|${HANDLE})\b`, 'g');
/** Words of deciding or acting in any form: the cue that a moment is about the requirement ("sized after go-live"). */
const CUE = String.raw`\b(?:decid|defin|determin|set\b|setting|agree|confirm|establish|baselin|calibrat|re-?siz|siz(?:e|ed|ing)\b|tun(?:e|ed|ing)\b|adjust|chos|choos|assess|review|revisit|work(?:ed|ing)?\s+(?:\w+\s+)?out|figur(?:e|ed|ing)\s+(?:\w+\s+)?out|sort(?:ed|ing)?\s+(?:\w+\s+)?out|look(?:ed|ing)?\s+(?:at|into)|writ(?:e|es|ten|ing)\b|produc(?:e|ed|es|ing)\b|formali|specif(?:y|ied|ies|ying)\b|measur|learn|deriv|load\s+test|scal(?:e|ed|ing)\b|add(?:ed|ing)?\b|increas|handl|manag(?:e|ed|es|ing)\b|own(?:ed)?\b|fix|react|respond|address|investigat|monitor|watch|rais|pick(?:ed)?\s+up|deal|take\s+care|restor|configur|done\b|come\b|follow\b|revis)\w*`;
/** Future or open: the work is still to come. */
// (with the verb after it, so that a phrase quoted from a cue reads whole: "once we have real traffic we will size")
const FUTURE = String.raw`\b(?:will|shall|going\s+to)(?:\s+(?:be\s+)?[a-z]+)?\b|['’]ll(?:\s+[a-z]+)?\b|\b(?:to\s+(?:be|follow|come)|tb[dca]|pending|awaiting|needs?\s+to|ha(?:s|ve)\s+to|later)\b`;

/** After design: go-live and after. */
const TIME = alt(
  // "after go-live", "post-launch", "once live", "until GA", "from cut-over"
  String.raw`\b(?:after|post|following|once|when|until|till|from)[-\s]+(?:the\s+|our\s+)?(?:go(?:es|ing)?[-\s]?live|launch|cut-?over|ga|general\s+availability|hypercare|roll-?out|(?:first\s+)?release|migration|hand-?over|transition|pilot|deployment|implementation|pir|mvp|switch-?over|live)\b`,
  // "once the service goes live", "after the pilot goes live", "when we are in production"
  String.raw`\b(?:after|once|when|until|till)\s+(?:[\w-]+\s+){0,3}?(?:(?:go|goes|going|is|are|gets?|we['’]re|it['’]s)\s+live|(?:is|are|we['’]re|it['’]s|gets?|goes|running|deployed|put)\s+(?:in|into|to)\s+(?:production|prod|operation|bau|steady\s+state|service|run\s+mode|live)|(?:is|are|(?:it|we|they)['’](?:s|re))\s+(?:running|up\s+and\s+running|operational|handed\s+over|in\s+use|bedded\s+(?:in|down)|settled(?:\s+(?:in|down))?|stable)|(?:has|have)\s+(?:bedded\s+(?:in|down)|settled(?:\s+(?:in|down))?|stabili[sz]ed)|(?:has|have)\s+(?:run|been\s+running)\s+for\s+a\s+while)\b`,
  // "once we have real traffic", "until we see production data"
  String.raw`\b(?:after|once|when|until|till)\s+we\s+(?:have|see|get|know|gather|collect)\s+(?:some\s+|more\s+|enough\s+|the\s+)?(?:(?:real|live|production|prod|actual|real-world)\s+)?(?:[\w-]+\s+)?(?:traffic|data|metrics|usage|numbers|volumes?|load|figures)\b`,
  // "in production", "during hypercare", "in live", "in BAU"
  String.raw`\b(?:in|during|through(?:out)?)\s+(?:the\s+)?(?:hypercare|production|prod|live|operation|bau|steady\s+state|run\s+mode|service\s+operation|early[-\s]life(?:\s+support)?|els|wild)\b`,
  // "at go-live", "at GA"
  String.raw`\bat\s+(?:the\s+)?(?:go[-\s]?live|ga|launch|hand-?over|cut-?over)\b`,
  // "the first month of operation", "the first quarter of live data"
  String.raw`\b(?:first|initial|early)\s+(?:\w+\s+){0,2}(?:of|in)\s+(?:operation|production|prod|live|service|bau|running)\b`,
  // "sized from production metrics", "pending live data"
  String.raw`(?<!-)\b(?:production|prod|live|real|actual|real-world|observed)\s+(?:data|metrics|traffic|usage|numbers|figures|volumes?|telemetry|experience|behaviou?r|demand|monitoring|logs|observations?|measurements?|load|use)\b`,
  // "once in service", "when in use"
  String.raw`\b(?:once|when|after)\s+(?:(?:it|we|they)['’](?:s|re)\s+|(?:it|we|they)\s+(?:is|are)\s+)?(?:in|into)\s+(?:service|production|prod|live|operation|bau|use|the\s+wild)\b`,
  // "once the service has a track record"
  String.raw`\b(?:once|when|after|until)\s+(?:[\w-]+\s+){0,3}?(?:has|have|gets?|builds?)\s+(?:a\s+|some\s+)?(?:track\s+record|history|baseline|real\s+data|run\s+time)\b`,
  String.raw`\bon\s+(?:the\s+)?(?:launch|go-?live|release|cut-?over)\s+day\b|\bday\s+(?:one|1)\b|\bat\s+some\s+(?:point|stage)\b|\bsome\s+day\b|\beventually\b`,
  // "in the first weeks", "after a few weeks live"
  String.raw`\b(?:in|during|over|after)\s+the\s+(?:first|initial|early|opening)\s+(?:few\s+|couple\s+of\s+)?(?:days?|weeks?|months?|quarters?|sprints?|years?)\b`,
  String.raw`\bafter\s+(?:a\s+few|some|a\s+couple\s+of|several|\w+)\s+(?:days|weeks|months)\s+(?:live|in\s+prod(?:uction)?|of\s+(?:operation|running|use))\b`,
  String.raw`\bwait(?:ing)?\s+(?:for|until)\s+(?:the\s+)?(?:go[-\s]?live|launch|ga|production|cut-?over|hypercare)\b`,
  // "later", "at a later stage", "in due course", but not "later releases" nor "no later than"
  String.raw`\b(?:at|in)\s+a\s+(?:later|future|subsequent)\s+(?:stage|date|point|time|phase|release|iteration|sprint)\b`,
  String.raw`\blater(?:\s+on)?(?=\s*(?:$|[.,;:!?)\-–—]|\s(?:by|if|when|once|in|during|after|as|with|for|on|down|and|or|but)\b))`,
  String.raw`\bin\s+due\s+course\b|\bdown\s+the\s+(?:line|road|track)\b`,
);

/** Conditions that make it a reaction: "as needed", "when it gets slow", "if the business asks". */
const NEED = String.raw`\bas\s+we\s+go(?:\s+along)?\b|\bon\s+the\s+fly\b|\b(?:as|when|if|where|whenever|once)(?:\s+and\s+when)?\s+(?:(?:needed|required|necessary|appropriate|warranted)\b|(?:the\s+)?(?:demand|usage|load|traffic|volumes?)\s+(?:grows?|increases?|requires?|picks\s+up)\b|we\s+(?:hit|reach)\s+(?:the\s+)?limits?\b|(?:it|this)\s+becomes\s+(?:necessary|needed|a\s+problem|an\s+issue)\b|(?:it|things)\s+gets?\s+(?:slow|busy|full)\b|(?:utili[sz]ation|usage|load|cpu|memory)\s+gets\s+(?:too\s+)?high\b|(?:the\s+)?(?:business|customers?|users?|someone|anyone)\s+(?:asks?|complains?|notices?|reports?\s+(?:it|an?\s+\w+|problems|issues))\b|(?:cpu|memory|utili[sz]ation|usage|load|disk|latency)\s+(?:runs?|gets?|goes|is)\s+(?:too\s+)?(?:hot|high|up|slow)\b)`;
/** Conditions of breaking: "when it breaks", "if something goes wrong", "as issues arise". */
const BREAKAGE = String.raw`\b(?:when|if|once|as|whenever)(?:\s+and\s+when)?\s+(?:it|they|things|something|anything|stuff|problems|issues|incidents|outages|(?:the|a|an|any|our)\s+[\w-]+)\s+(?:(?:is|['’]s|gets?|becomes?)\s+(?:slow|down|full|unavailable|overloaded)|breaks?|fails?|falls?\s+over|goes\s+(?:down|wrong)|go\s+(?:down|wrong)|gets?\s+(?:slow|full)|runs?\s+out(?:\s+of\s+\w+)?|fills?\s+up|arises?|arise|comes?\s+(?:up|in)|crops?\s+up|happens?|happen|occurs?|occur|hits?\s+(?:a\s+|the\s+)?limits?)\b`;

// ---- Families -----------------------------------------------------------------------------------

/**
 * A strong family counts unless negated or settled in design; a weak one also yields to concrete
 * evidence in its clause. `cue`: the match needs a word of deciding or acting, or a future, in its
 * clause (a moment alone is a plan: "after go-live the target rises to 99.95%"), unless the clause
 * is little more than the moment ("Post-GA.").
 */
interface Family {
  re: RegExp;
  /** `tense`: strong when its clause speaks of the future ("will", "to be", "TBD"), weak otherwise. */
  strength: 'strong' | 'weak' | 'tense';
  cue?: boolean;
  /** Counts only in a clause that speaks of the future: "to be agreed with ops", not "agreed with ops". */
  future?: boolean;
  /** Starts with a subject: only at the start of a clause or after a conjunction (see `subjectStart`). */
  subject?: boolean;
  /** Ends with an actor that must end its noun phrase: "by the NOC", not "by the NOC synthetic probe" (see `endsActor`). */
  ends?: boolean;
  /** Names an actor: runs on the text with its actors marked, and only when it has one. */
  actor?: boolean;
  /** Names an action too: runs on the text with its actions marked as well. */
  action?: boolean;
}

const family = (source: string, strength: Family['strength'], options: Omit<Family, 're' | 'strength' | 'actor' | 'action'> = {}): Family => ({
  re: new RegExp(source, 'g'),
  strength,
  actor: source.includes(ACTOR),
  action: source.includes(ACT) || source.includes(WATCHING),
  ...options,
});

/**
 * Cheap tests that a text may hold a deferral: words that every match of the families contains,
 * those that name an actor (ACTOR_ONE) and the others. Most strings of a definition ("24x7",
 * "team-payments", "SLI is the share of good requests") hold none, and the families are not run.
 */
const ACTOR_HINT = new RegExp(
  String.raw`\b(?:ops|operations?|devops|sres?|site\s+reliability|noc|soc|msp|bau|business\s+as|(?:service|help)\s*desk|on[-\s]?call|oncall|support|line|l[1-3]|run|infra|infrastructure|dbas?|managed\s+service|service\s+management|` +
    String.raw`(?:platform|hosting|cloud|it|database|network|hypercare|life|life\s+support|24\s*[x/]\s*7|sun)\s+(?:team|teams|provider|guys|folks|people|engineers|staff|crew|squad|desk))\b`,
  '',
);
const OTHER_HINT = new RegExp(
  String.raw`\b(?:operational(?:ly)?|go-?live|live|launch|cut-?over|ga|general|hypercare|roll-?out|release|migration|hand-?over|transition|pilot|deployment|implementation|pir|mvp|switch-?over|` +
    String.raw`production|prod|operations?|ops|bau|steady|service|run|running|early|els|wild|use|handed|bedded|settled|stable|stabili[sz]ed|traffic|data|metrics|usage|numbers|volumes?|load|figures|` +
    String.raw`monitoring|logs|observations?|measurements?|demand|telemetry|experience|behaviou?r|track|history|baseline|days?|weeks?|months?|quarters?|sprints?|years?|later|due|line|road|` +
    String.raw`some|eventually|go|goes|going|post|phase|needed|required|necessary|appropriate|warranted|limits?|problem|issue|slow|busy|full|high|hot|asks?|complains?|notices?|reports?|fly|` +
    String.raw`breaks?|fails?|over|down|wrong|out|up|arises?|comes?|crops?|happens?|occurs?|unavailable|overloaded|incidents?|events?|reactive(?:ly)?|react(?:s|ing)?|fire-?fight(?:ing)?|` +
    String.raw`monitor|watch|observe|keep|accordingly|best|see|tell|let|whatever|outages?|failures?|wait)\b`,
  '',
);

const FAMILIES: readonly Family[] = [
  // Who: "ops will monitor and scale", "run team to size it", "SREs will react", "ops own this"
  family(`${ACTOR_SUBJ}${MODAL}${ADVERBS}${ACT}`, 'weak', { subject: true }),
  family(`${ACTOR_SUBJ}${MODAL}${ADVERBS}${WATCHING}(?:${WATCHED}(?=\\s*(?:$|[.,;:!?)]|\\s(?:and|&|then|or|for|after|once|when|if|in|during|post|until|from|going)\\b))|(?:\\s+[\\w-]+){0,3}?\\s*(?:,\\s*)?(?:and|&|then)\\s+(?:then\\s+)?${ACT})`, 'weak', { subject: true }),
  // Theirs now, about the area itself: "ops own this", "on-call handles it", "whatever the DBA team decides"
  // (not "support staff handle password resets")
  family(String.raw`${ACTOR_SUBJ}\s+(?:owns?|decides?|handles?|manages?|reacts?|takes\s+care\s+of|looks\s+after|picks\s+up|deals\s+with|sorts\s+out|figures\s+out|works\s+out|sets?|defines?|sizes?|tunes?)(?:\s+${WARRANTY_OBJ}|(?=\s*(?:$|[.;!?,\n])))`, 'weak', { subject: true }),
  // To whom: "left to BAU", "up to the run team", "deferred to operations", "falls to support"
  family(String.raw`\b(?:(?:left|leave|leaving|handed|hand|handing|passed|passes|pass|deferred|defer|deferring|delegated|delegate|falls?|fell|transferred|transitioned|onboarded|moved)\s+(?:[\w/-]+\s+){0,3}?|up\s+)to\s+${ACTOR_OBJ}|\b(?:left|leave|leaving)\s+(?:[\w/-]+\s+){0,3}?for\s+${ACTOR_OBJ}\s*(?=$|[.;!?\n])`, 'strong', { ends: true }),
  // Asked of them: "let the NOC decide", "rely on the service desk to tell us", "expect SRE to tune"
  family(String.raw`\b(?:let|lets|letting|have|get|ask|asks|asked|asking|tell|told|request|requested|want|wants|wanted|need|needs|expect|expects|expected|expecting|rely\s+on|relying\s+on|trust|count\s+on|depend\s+on|leave\s+it\s+(?:to|for))\s+${ACTOR_OBJ}\s+(?:to\s+)?${ADVERBS}(?:${ACT}|${WATCHING})`, 'strong'),
  // Theirs: "the NOC's call", "the run team's decision", "thresholds are the NOC's to set"
  family(String.raw`${ACTOR_OBJ}['’]s?\s+(?:call|decision|job|problem|responsibility|concern|remit)\b|${ACTOR_OBJ}['’]s?\s+to\s+${ACT}`, 'strong'),
  // By whom: "to be sized by the run team", "owned by BAU", "handled by ops" (not "was set up by…")
  family(String.raw`(?<!\b(?:was|were|been|already)\s+)\b(?:owned|handled|managed|decided|defined|determined|set(?:\s+up)?|sized|tuned|picked\s+up|dealt\s+with|sorted(?:\s+out)?|worked\s+out|figured\s+out|looked\s+after|taken\s+care\s+of|topped\s+up|covered|done|addressed|fixed|chosen|raised|agreed|confirmed|established|clarified|owned)\s+(?:(?:later|separately|directly|entirely|solely|instead|then)\s+)?by\s+${ACTOR_OBJ}`, 'tense', { ends: true }),
  // Any work still to be done by them: "to be scheduled by operations", "will be written by ops"
  family(String.raw`\b(?:to|will|shall|can|should|must|['’]ll)\s+be\s+(?:[\w-]+\s+)?[\w-]+(?:ed|en|wn|ne|lt|nt|de)\s+(?:(?:later|separately|directly|entirely|solely|instead|then)\s+)?by\s+${ACTOR_OBJ}`, 'strong', { ends: true }),
  // With whom, still to come: "to be agreed with the hosting team", "issues will be raised as tickets to the platform team"
  family(String.raw`\b(?:agreed|confirmed|established|decided|defined|set|sized|tuned|worked\s+out|discussed)\s+(?:\w+\s+){0,2}?with\s+${ACTOR_OBJ}|\b(?:come|comes|coming)\s+from\s+${ACTOR_OBJ}|\b(?:raised|escalated|passed|referred|sent|routed|go|goes)\s+(?:(?:as\s+)?(?:an?\s+)?\w+\s+)?(?:to|with)\s+${ACTOR_OBJ}`, 'strong', { future: true, ends: true }),
  // Whose: "the responsibility of the service desk", "an ops task", "sits with Operations", "for the run team to decide"
  family(String.raw`\b(?:responsibility|ownership|accountability|remit|job|task|call|decision|concern|problem|matter|domain|item)\s+(?:of|for)\s+${ACTOR_OBJ}`, 'strong', { ends: true }),
  family(String.raw`(?:\b(?:an?|the)\s+)?${ACTOR}\s+(?:task|decision|concern|problem|matter|call|job|responsibility|thing|item|activity|topic)\b`, 'strong'),
  family(String.raw`\b(?:decisions?|calls?|choices?|sizing|tuning)\b[^.;!?\n]{0,40}?\b(?:made|taken)\s+by\s+${ACTOR_OBJ}`, 'tense', { ends: true }),
  family(String.raw`\b(?:is|are|an?|as)\s+(?:an?\s+)?operational\s+(?:decision|call|matter|concern|question|task|problem|responsibility)\b`, 'strong'),
  // The answer is a team: "Restore process – BAU."
  family(String.raw`[-–—:]\s+${ACTOR_OBJ}\s*(?=$|[.;!?\n])`, 'weak'),
  family(String.raw`\b(?:sits?|lies|rests?|stays?|remains?)\s+with\s+${ACTOR_OBJ}`, 'strong', { ends: true }),
  family(String.raw`\b(?:for|by)\s+${ACTOR_OBJ}\s+to\s+(?:${ACT}|${WATCHING})`, 'strong'),
  family(String.raw`\bwith\s+${ACTOR_OBJ}\s+to\s+(?:${ACT}|${WATCHING})`, 'strong', { subject: true }),
  family(String.raw`\b(?:tb[dca]|open|pending)\s+(?:by|with|for)\s+${ACTOR_OBJ}|\btb[dca]\s*[-–—:(]\s*${ACTOR_OBJ}`, 'strong', { ends: true }),
  family(String.raw`${ACTOR_OBJ}\s*(?:[-–—:(]\s*)?tb[dca]\b`, 'strong'),
  // Still theirs to give: "pending security operations review", "awaiting ops sign-off"
  family(String.raw`\b(?:pending|awaiting|waiting\s+(?:for|on))\s+(?:an?\s+|the\s+)?${ACTOR}(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:review|input|decision|sign-?off|assessment|approval|confirmation|view|call|advice|feedback)\b`, 'strong'),
  family(String.raw`\bsubject\s+to\s+(?:an?\s+|the\s+)?${ACTOR}(?:['’]s?)?\s+(?:review|input|decision|sign-?off|assessment|approval|confirmation)\b`, 'weak'),
  // Ask them: "Ask ops.", "check with the run team"
  family(String.raw`\b(?:ask|check\s+with|consult|defer\s+to)\s+${ACTOR_OBJ}\s*(?=$|[.;!?\n])`, 'weak'),
  // Said and left: "we haven't sized this; the run team will."
  family(String.raw`${ACTOR_SUBJ}\s+(?:will|shall|can|['’]ll)(?:\s+(?:do\s+(?:it|this|that)|have\s+to|need\s+to))?\s*(?=$|[.;!?\n])`, 'weak', { subject: true }),
  // Theirs to do: "the run team are responsible for defining DR"
  family(String.raw`${ACTOR_SUBJ}\s+(?:is|are|will\s+be|becomes?)\s+(?:(?:fully|solely)\s+)?(?:responsible|accountable|in\s+charge|tasked|charged)\s+(?:for|with)\b`, 'weak', { subject: true }),
  // Handed over: "handover to Ops will include working out the RPO"
  family(String.raw`\b(?:hand-?over|hand\s+over|transition|transfer)\s+to\s+${ACTOR_OBJ}`, 'tense', { cue: true, ends: true }),
  // When: a moment after design, with a word of deciding or acting in its clause
  family(TIME, 'tense', { cue: true }),
  // "a post-launch item", "a hypercare task", "a BAU activity"
  family(String.raw`\b(?:post[-\s]?(?:go[-\s]?live|launch|ga|cut-?over|release)|hypercare|bau|later|day[-\s]2|phase[-\s]2)\s+(?:item|activity|task|action|topic|work|deliverable|concern|decision|problem)\b`, 'strong'),
  // Reacting: "scale as needed", "fix it when it breaks", "handled by incident management", "reactive"
  family(NEED, 'strong', { cue: true }),
  family(BREAKAGE, 'weak', { cue: true }),
  family(String.raw`\b(?:handled|managed|dealt\s+with|covered|resolved|addressed|treated|tracked|raised)\s+(?:\w+\s+)?(?:by|through|via|as\s+part\s+of|under|in|as)\s+(?:(?:the|our|an?|normal|standard|usual|bau)\s+)*(?:[\w-]+\s+)?(?:major\s+)?(?:incidents?|problem|event)(?:\s+(?:management|process|procedure|handling))?\b|\b(?:via|through)\s+(?:the\s+)?(?:normal\s+|standard\s+)?incident\s+(?:management|process)\b`, 'strong'),
  family(String.raw`(?<!\b(?:spring|webflux|project|akka|vert\.x)\s+)\breactive(?:ly)?\b(?!-|\s+(?:programming|stack|streams?|framework|extensions|librar(?:y|ies)|client|driver|apis?|ui|frontend|model|manifesto|core|java|kotlin|web|mongo|redis|kafka|pipeline|code|i\/o|io|forms?|components?|state)\b)`, 'strong'),
  family(String.raw`\breact(?:s|ing)?\s+to\s+(?:the\s+|any\s+)?(?:incidents?|alerts?|outages?|issues?|problems?|events?|tickets?|complaints?|failures?|alarms?)\b|\bfire-?fight(?:ing)?\b`, 'strong'),
  family(String.raw`\b${WATCH}(?:\s+[\w-]+){0,4}?\s*,?\s*(?:and|&|then|,)\s+(?:then\s+)?(?:react|adjust|tune|scale|respond|fix|decide|size|resize|escalate|act)\b`, 'strong'),
  family(String.raw`\b(?:scale|adjust|tune|size|resize|add|react|respond|adapt|provision)\w*\s+(?:[\w-]+\s+){0,2}?accordingly\b`, 'strong'),
  family(String.raw`\b(?:handled|managed|dealt\s+with|addressed|resolved|solved|sorted|decided|tuned|sized)\s+(?:operationally|in\s+(?:ops|operations|run))\b`, 'strong'),
  family(String.raw`\b(?:incident|problem)\s+(?:management|process|procedure)\s+(?:will\s+|can\s+|should\s+)?(?:covers?|handles?|deals?\s+with|takes?\s+care\s+of|picks?\s+(?:it\s+)?up|catch(?:es)?)\b`, 'strong'),
  family(String.raw`\bdo\s+(?:their|its|our|his|her|the)\s+best\b|\bbest[-\s]efforts?\b`, 'strong'),
  family(String.raw`\bwait\s+and\s+see\b|\bsee\s+what\s+happens\b|\b(?:we['’]ll|we\s+will|let['’]?s|let\s+us|to)\s+see\s+how\s+(?:it|this|things|the\s+service)\s+(?:goes|behaves|performs|runs|holds\s+up|copes)\b|\bkeep\s+an\s+eye\s+on\s+(?:it|this|that|things|them)\b`, 'strong'),
  family(String.raw`\b(?:production|prod|live(?:\s+traffic)?|real\s+traffic|monitoring|the\s+metrics|the\s+dashboards?|usage|experience|time)\s+will\s+tell(?:\s+us)?\b|\blet\s+(?:production|prod|live(?:\s+traffic)?|real\s+traffic|the\s+data|usage|monitoring|experience)\s+(?:tell|decide|show|guide|drive)\b`, 'strong'),
  family(String.raw`\b(?:based\s+on|driven\s+by|after|following|learn(?:ed|t)?\s+from)\s+(?:the\s+)?(?:first\s+|initial\s+|early\s+)?(?:(?:production|prod|live|major|real|serious|p1)\s+)?(?:incidents?|outages?|failures?)\b`, 'strong'),
  family(String.raw`\bwhatever\s+(?:[\w-]+\s+){1,4}?(?:gives?|provides?|delivers?|decides?|says?|wants?|chooses?|thinks?|can\s+\w+)(?:\s+us)?\b`, 'strong'),
];

// ---- Guards -------------------------------------------------------------------------------------

/** Negation just before or inside the phrase. */
const NEGATION = /\b(?:not|non|never|no|neither|nor|without|unlike|cannot)\b|n['’]t\b|\brather\s+than\b|\binstead\s+of\b|\bno\s+longer\b/;
/** A negative subject reaches further: "nothing in this area is deferred to operations". */
const NEGATIVE_SUBJECT = /\b(?:nothing|none|nobody|no\s+one|no\s+part)\b/;
/** Negation after the phrase: "reactive maintenance is not acceptable". */
const REJECTED = /\b(?:is|are|was|were|be)\s+(?:not|never)\s+(?:acceptable|allowed|permitted|an\s+option|good\s+enough|sufficient|enough|ok|okay|tolerated|the\s+plan)\b|\b(?:isn['’]t|aren['’]t|wasn['’]t)\s+(?:acceptable|allowed|permitted|an\s+option|good\s+enough|sufficient|enough|ok|okay|the\s+plan)\b|\b(?:unacceptable|ruled\s+out|forbidden|prohibited|not\s+allowed|not\s+acceptable)\b/;
/** "not X until go-live" means X waits for go-live: negation does not undo a moment that starts with "until". */
const UNTIL = /^(?:until|till)\b/;
/** The clause says the work is done or agreed in design. */
const SETTLED = new RegExp(
  [
    String.raw`\b(?:in|during|at|through)\s+(?:the\s+)?design\b`,
    String.raw`\bdesign\s+(?:review|authority|phase|stage|workshops?|sign-?off|board)\b`,
    String.raw`\bbefore\s+(?:the\s+)?(?:go[-\s]?live|launch|build|release|cut-?over|ga|handover)\b`,
    String.raw`\bup\s*front\b|\balready\b|\bas\s+agreed\b|\bsigned\s+off\b`,
    String.raw`\bwith\s+(?:all|every|each|the)\s+(?:[\w-]+\s+){0,3}(?:agreed|defined|signed\s+off|approved)\b`,
    String.raw`\breviewed\s+and\s+(?:agreed|approved|accepted|signed)\b`,
    String.raw`\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:agreed|approved|accepted|decided|defined|sized|set|tuned|chosen|reviewed|signed|confirmed|tested|rehearsed|validated|measured|written|documented|baselined)\b`,
  ].join('|'),
  '',
);
/** Concrete evidence that a requirement is defined: a number with a unit, a date, a runbook. */
const EVIDENCE = /\d+(?:[.,]\d+)?\s*(?:%|rps|tps|qps|ms|s|m|h|d|w|min(?:ute)?s?|hours?|days?|weeks?|months?|quarters?|years?|[kmgt]i?b|x|users|nodes|pods|instances)(?![\w])|\b(?:19|20)\d\d\b|\blast\s+(?:year|month|quarter|week|season)\b|\b(?:previous|historic(?:al)?|existing)\b|\b(?:run|play)books?\b|\bwithin\s+\d|\bevery\s+(?:\d+\s+|other\s+)?(?:day|week|month|quarter|year|sprint|release)s?\b|\b(?:daily|weekly|monthly|quarterly|yearly|annually|nightly|hourly)\b|\bper\s+(?:the\s+)?(?:ola|sla|runbook|plan|policy|contract)\b/;
const FUTURE_RE = new RegExp(FUTURE);
const CUE_RE = new RegExp(`${CUE}|${FUTURE}`, 'g');
const POST = /^post\b/;
const ADJECTIVE_NEXT = /^[ \t]+\p{L}/u;

/** How far a clause is looked at around a match, each way: bounds the work per match. */
const CLAUSE_REACH = 200;
/** The most of a clause quoted after a subject's verb. */
const SUBJECT_TAIL = 60;
/** How close a cue must be to the moment it goes with. */
const CUE_REACH = 100;

const COMMA_CLAUSE = /\s+(?:so|but|then|and\s+then|therefore|hence|yet|which\s+means|though|although|however|whereas)\b/y;

function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // ; ! ? newline
  if (c === 59 || c === 33 || c === 63 || c === 10) return true;
  // a full stop ends a sentence when followed by a space or the end (not "99.95", "docs/x.md")
  if (c === 46) return i + 1 >= text.length || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10;
  // a dash between spaces: "out of scope - ops will take it on"
  if (c === 45 || c === 0x2013 || c === 0x2014) return text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32;
  // a comma that opens a new clause: "we cannot rehearse before launch, so continuity will be revisited in hypercare"
  if (c === 44) {
    COMMA_CLAUSE.lastIndex = i + 1;
    return COMMA_CLAUSE.test(text);
  }
  return false;
}

function clauseAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  const sMin = Math.max(0, start - CLAUSE_REACH);
  while (s > sMin && !isBoundary(text, s - 1)) s--;
  let e = end;
  const eMax = Math.min(text.length, end + CLAUSE_REACH);
  while (e < eMax && !isBoundary(text, e)) e++;
  return [s, e];
}

const DETERMINERS = new Set(['the', 'our', 'a', 'an', 'their', 'your']);
/** Words after which a subject begins: "…and ops will decide", "we agreed that the NOC will…", "whatever the DBA team decides". */
const SUBJECT_AFTER = new Set(['and', 'but', 'so', 'then', 'that', 'because', 'while', 'when', 'once', 'if', 'until', 'after', 'where', 'which', 'otherwise', 'or', 'what', 'whatever', 'how']);
const SUBJECT_PUNCTUATION = '.;:!?,(-–—"“';
const BARE_OPERATION = /(?:service\s+)?operation\b/y;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 0x2019;

/** The word that ends at `end` (spaces before `end` skipped): [start, end], or undefined. */
function wordBefore(text: string, end: number): [number, number] | undefined {
  let e = end;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let s = e;
  while (s > 0 && isLetter(text.charCodeAt(s - 1))) s--;
  return s < e ? [s, e] : undefined;
}

/**
 * Where a subject that starts at `index` begins, its determiner included ("the ops team"), or -1
 * when it does not start a clause and follows no conjunction ("write operations will…", "the NOC
 * synthetic probe…"). Bare "operation" names the stage only without a determiner.
 */
function subjectStart(text: string, index: number, bareOperation: boolean): number {
  let start = index;
  let word = wordBefore(text, start);
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
  while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
  if (k === 0 || SUBJECT_PUNCTUATION.includes(text[k - 1]!) || text.charCodeAt(k - 1) === 10) return start;
  return word && word[1] === k && SUBJECT_AFTER.has(text.slice(word[0], word[1])) ? start : -1;
}

/** Words that may follow an actor that ends its noun phrase ("left to ops after go-live", "by the NOC when…"). */
const AFTER_ACTOR = new Set(
  'and or after once when if in at from during post as on for later before until to with via through so but then who which because going instead will shall should must can may would is are was were has have now yet too also alone only'.split(' '),
);
const END_PUNCTUATION = '.,;:!?)(-–—"”\n';

/** Does the actor that ends at `end` end its noun phrase: end of text, punctuation, or a word of AFTER_ACTOR? */
function endsActor(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  if (i === text.length || END_PUNCTUATION.includes(text[i]!)) return true;
  let j = i;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  return j > i && AFTER_ACTOR.has(text.slice(i, j));
}

/** Index in `clause` where the `n` words before `index` begin. */
function wordsBefore(clause: string, index: number, n: number): number {
  let i = index;
  for (let words = 0; words < n && i > 0; words++) {
    while (i > 0 && clause.charCodeAt(i - 1) === 32) i--;
    while (i > 0 && clause.charCodeAt(i - 1) !== 32) i--;
  }
  return i;
}

/** Words in `s`: runs of letters and digits (any character above ASCII counts as a letter). */
function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
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

/**
 * The span a family match stands for once its guards pass, or undefined. For a moment with a cue,
 * the span runs from the earlier to the later of the two ("to be revisited during hypercare").
 */
function accept(text: string, m: RegExpExecArray, f: Family): Span | undefined {
  let start = m.index;
  if (f.subject) {
    BARE_OPERATION.lastIndex = start;
    start = subjectStart(text, start, BARE_OPERATION.test(text));
  }
  if (start < 0) return undefined;
  let end = m.index + m[0].length;
  if (f.ends && !endsActor(text, end)) return undefined;
  const [cs, ce] = clauseAround(text, start, end);
  const clause = text.slice(cs, ce);
  let rs = start - cs;
  let re = end - cs;
  const future = FUTURE_RE.test(clause);
  if (f.cue) {
    const cue = nearestCue(clause, rs, re);
    // "the post-go-live review confirmed the targets": a moment used as an adjective describes its noun; it
    // defers only with more to come or an action before it ("review capacity in the post-implementation review")
    const adjective = POST.test(m[0]) && ADJECTIVE_NEXT.test(clause.slice(re));
    if (adjective && !future && !(cue && cue.end <= rs)) return undefined;
    if (cue) {
      rs = Math.min(rs, cue.start);
      re = Math.max(re, cue.end);
    } else if (countWords(clause) - countWords(m[0]) > 2) return undefined;
  }
  // Who will do what reads whole to the end of a short clause: "the NOC will decide when to fail over".
  if (f.subject && ce - cs - re <= SUBJECT_TAIL) re = ce - cs;
  if (!UNTIL.test(m[0]) && (NEGATION.test(clause.slice(wordsBefore(clause, rs, 3), re)) || NEGATIVE_SUBJECT.test(clause.slice(wordsBefore(clause, rs, 6), re)))) return undefined;
  if (SETTLED.test(clause) || REJECTED.test(clause.slice(re))) return undefined;
  if (f.future && !future) return undefined;
  const strong = f.strength === 'strong' || (f.strength === 'tense' && future);
  if (!strong && EVIDENCE.test(clause)) return undefined;
  start = cs + rs;
  end = cs + re;
  // Trim spaces and punctuation the span may have picked up at its end.
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/** The cue (a word of deciding or acting, or a future) of the moment at [rs, re): the first within CUE_REACH before it, else the first after. */
function nearestCue(clause: string, rs: number, re: number): Span | undefined {
  // "post-launch reviews are part of the process": a moment used as an adjective, its noun is no cue.
  const adjective = POST.test(clause.slice(rs, re));
  CUE_RE.lastIndex = Math.max(0, rs - CUE_REACH);
  let before: Span | undefined;
  let after: Span | undefined;
  for (let m = CUE_RE.exec(clause); m && m.index < re + CUE_REACH; m = CUE_RE.exec(clause)) {
    const s = { start: m.index, end: m.index + m[0].length };
    // A cue inside the moment itself ("first month of operation") does not count twice.
    if (s.start >= rs && s.end <= re) continue;
    if (adjective && s.start >= re && clause.slice(re, s.start).trim() === '') continue;
    if (s.end <= rs) before ??= s;
    else after ??= s;
  }
  return before ?? after;
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
 * The text in lower case, letter for letter (the same length, so that positions carry over): the
 * expressions are compiled without the `i` flag, which makes them cheaper to compile and to run.
 */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  // A few letters lower-case to two code units ("İ"): then only ASCII letters are lowered.
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * Marks what `re` finds in `text` (see ACTOR, ACT, WATCHING), or undefined when it finds nothing. A
 * mark is as long as what it marks, so positions in the marked text are those of the text.
 */
function mark(text: string, re: RegExp, kind: (m: RegExpExecArray) => string): string | undefined {
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [head, body] = kind(m);
    out += text.slice(last, m.index) + head + body!.repeat(m[0].length - 1);
    last = m.index + m[0].length;
  }
  return last === 0 ? undefined : out + text.slice(last);
}

function findIn(original: string, families: readonly Family[]): string | undefined {
  const text = lowerCase(original);
  let first: Span | undefined;
  const spans: Span[] = [];
  const actors = ACTOR_HINT.test(text) ? mark(text, ACTOR_MARK, () => '\x01\x02') : undefined;
  // Families that name an action read it marked; those that spell their own verbs ("ops own this") do not.
  const actions = actors === undefined ? undefined : (mark(actors, ACTION_MARK, (m) => (m[1] === undefined ? '\x03\x04' : '\x05\x06')) ?? actors);
  const others = families !== FAMILIES || OTHER_HINT.test(text);
  if (actors === undefined && !others) return undefined;
  for (const f of families) {
    const subject = f.action ? actions : f.actor ? actors : others ? text : undefined;
    if (subject === undefined) continue;
    f.re.lastIndex = 0;
    for (let m = f.re.exec(subject); m; m = f.re.exec(subject)) {
      if (m[0].length === 0) {
        f.re.lastIndex++;
        continue;
      }
      // Only the earliest deferral is quoted, with what overlaps it: a match further on (a cue reaches
      // back CUE_REACH at most) cannot change the answer.
      if (first && m.index > first.end + CUE_REACH + 1) break;
      const span = accept(text, m, f);
      if (!span) continue;
      spans.push(span);
      if (!first || span.start < first.start) first = span;
      break;
    }
  }
  if (!first) return undefined;
  // Overlapping finds of several families make one phrase: "ops will monitor and scale as needed after go-live".
  let { start, end } = first;
  spans.sort((a, b) => a.start - b.start);
  for (const s of spans) {
    if (s.start <= end + 1 && s.end > end && s.start >= start) end = s.end;
  }
  return original.slice(start, end).trim();
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
    const families = own ? [{ re: own, strength: 'strong' as const }, ...FAMILIES] : FAMILIES;
    const ignore = anyOf(config.ignore);
    // Ignored text becomes a clause break: what is around it is still read, but never across it.
    matcher = (text) => findIn(ignore ? text.replace(ignore, (s) => '\n'.repeat(s.length)) : text, families);
    matchers.set(config, matcher);
  }
  return matcher;
}
