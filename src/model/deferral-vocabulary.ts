/**
 * The words of deferral to Operation, by class: who Operation is (actors), when after design
 * (moments), what they are asked to do (actions), and the conditions of reacting. Each class is a
 * list; the patterns the matcher compiles (src/model/deferral.ts) are built from these lists here,
 * so a newcomer adds an actor, a moment or a verb in one line of one list. Everything is lower case
 * (the text is lower-cased, abbreviations expanded, before matching: deferral-text.ts); a space in
 * an entry matches any run of spaces, a hyphen a hyphen, a space or nothing.
 *
 * Why this file is long: it is the vocabulary of the matcher, one list per class with the patterns
 * built from each beside it; splitting it would scatter one class over several files.
 */

/** A pattern that matches any of `parts`, longest first, as a non-capturing group. */
export const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;

const PARTICLES = new Set(['out', 'up', 'over', 'on', 'down', 'back', 'in']);

// Characters of an entry that stand for patterns: a space, a hyphen, a space before a final particle.
const SPACE = '\u0001';
const HYPHEN = '\u0002';
const GAP = '\u0003';
const PATTERN_OF: Record<string, string> = {
  // "best effort" and "best-effort", "as-needed": teams hyphenate phrases used as adjectives
  [SPACE]: String.raw`(?:\s+|-)`,
  [HYPHEN]: String.raw`[-\s]?`,
  // a particle may stand after the verb's object: "figure it out", "pick this up"
  [GAP]: String.raw`\s+(?:(?:it|this|that|them|things|one|something|the\s+[\w-]+)\s+)?`,
};

/** An entry with its spaces, hyphens and particle gaps as the characters above. */
function encode(words: string): string {
  const parts = words.trim().split(/\s+/);
  return parts.map((w, i) => (i > 0 ? (i === parts.length - 1 && PARTICLES.has(w) ? GAP : SPACE) : '') + w.replace(/-/g, HYPHEN)).join('');
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/** Characters that stand for themselves only escaped. A set, not a replace per character: faster to start. */
const SPECIAL = new Set('.*+?^${}()|[]\\/');

function emit(node: Trie): string {
  const branches = [...node.next].map(([c, child]) => (PATTERN_OF[c] ?? (SPECIAL.has(c) ? `\\${c}` : c)) + emit(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  // the longer entries first: an optional continuation is greedy
  return node.end ? `(?:${body})?` : body;
}

/**
 * A word list as one pattern, its entries sharing their beginnings ("size", "sizes", "sized" →
 * "size(?:s|d)?"): a list of hundreds of verb forms compiles and runs as fast as a few words.
 * Spaces match runs of spaces, a hyphen "-", a space or nothing.
 */
export function list(words: readonly string[]): string {
  let pattern = patterns.get(words);
  if (pattern === undefined) patterns.set(words, (pattern = trie(words)));
  return pattern;
}
/** The pattern of each list already built: several patterns use one list (the matcher's start-up cost). */
const patterns = new WeakMap<readonly string[], string>();

function trie(words: readonly string[]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const c of encode(w)) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return `(?:${emit(root)})`;
}

// ---- Who: the people who run the service --------------------------------------------------------

/** Names of Operation that stand alone: "ops will decide", "left to BAU", "the NOC's call". */
export const ACTORS = [
  'ops',
  'operations',
  'devops',
  // the "-ops" teams: SysOps, CloudOps, SecOps… (a list, not any word in -ops: "stops", "workshops")
  'sysops',
  'cloudops',
  'secops',
  'netops',
  'itops',
  'techops',
  'appops',
  'dataops',
  'data ops',
  'platformops',
  'sre',
  'sres',
  'site reliability',
  'site reliability engineering',
  'site reliability engineers',
  'noc',
  'soc',
  'msp',
  'bau',
  'business as usual',
  'service desk',
  'helpdesk',
  'help desk',
  'on-call',
  'oncall',
  'support',
  'run',
  'infra',
  'infrastructure',
  'dba',
  'dbas',
  'database administrators',
  'sysadmins',
  'sysadmin',
  'system administrators',
  'admins',
  'operators',
  // the contracts' party that runs the service: "the incoming operator", "the Operator"
  'operator',
    'on duty',
  'managed service provider',
  'managed service',
  'outsourcer',
  'outsourcing partner',
  'hosting partner',
  'hosting provider',
  'service management',
  'service operations',
  'service operation team',
  'security operations',
  'security operations centre',
  'security operations center',
  'operations centre',
  'operations center',
  'command centre',
  'command center',
  'duty manager',
  'duty engineer',
  'incident manager',
  'incident management team',
  'operations manager',
  'service manager',
  // the gate where Operation takes the service over: "operational acceptance will settle the sizing"
  'operational acceptance',
  'operational readiness',
  // the words of other languages that corporate English keeps: exploitation (fr), MCO (maintien en
  // condition opérationnelle), TMA (tierce maintenance applicative), Betrieb (de), esercizio (it)
  'exploitation',
  // beheer (nl), the team that runs a service
  'beheer',
  'beheerteam',
  'mco',
  'tma',
  'betrieb',
  'esercizio',
  'explotación',
  // the Spanish word spelled in English: "the explotation team"
  'explotation',
  'équipe run',
  'équipe exploitation',
];

/** Levels of support: "L2", "2nd line", "tier 3", "level 2 support", "L1/L2". */
export const SUPPORT_LEVEL = String.raw`(?:support\s+(?:(?:level|tier|line)\s*[1-3]|n[1-3])|(?:1st|2nd|3rd|first|second|third)[-\s](?:line|level|tier)|l[1-3](?:\s*(?:[/&,+]|and|or)\s*l?[1-3])*|(?:tier|level|t)[-\s]?[1-3](?:\s*(?:[/&,+]|and|or)\s*[1-3])*)(?:\s+support)?`;

/** Words before an actor that still name it: "platform ops", "app support", "IT operations". */
export const ACTOR_PREFIXES = ['it', 'platform', 'hosting', 'infra', 'infrastructure', 'cloud', 'network', 'database', 'dba', 'tech', 'technical', 'service', 'app', 'application', 'production', 'prod', 'customer', 'bau', 'run', 'systems', 'vendor', 'supplier', 'third-party', 'external', 'outsourced', 'incoming', 'receiving', 'on-call', 'oncall', 'duty'];

/**
 * Words that name Operation only with a team noun after them: "the platform guys", "the 24x7 team",
 * "the hosting team" (not "the platform will scale").
 */
export const TEAM_OWNERS = [
  'platform',
  'platform engineering',
  'capacity',
  'hosting',
  'infra',
  'infrastructure',
  'cloud',
  'it',
  'database',
  'network',
  'storage',
  'middleware',
  'systems',
  'unix',
  'linux',
  'windows',
  'monitoring',
  'production',
  'prod',
  '24x7',
  '24/7',
  'follow-the-sun',
  'hypercare',
  'early-life',
  'early life support',
  'in-life',
  'devops',
  'run',
  'operating',
  'operational',
  'it operations',
];

/** Nouns after an actor that still name it: "the ops team", "the on-call engineer", "SRE on-call". */
export const TEAM_NOUNS = [
  'team',
  'teams',
  'guys',
  'folks',
  'people',
  'engineer',
  'engineers',
  'staff',
  'function',
  'department',
  'dept',
  'group',
  'rota',
  'side',
  'colleagues',
  'crew',
  'squad',
  'pod',
  'lead',
  'leads',
  'manager',
  'managers',
  'org',
  'organisation',
  'organization',
  'analyst',
  'analysts',
  'on-call',
  'support',
  'desk',
  'centre',
  'center',
  'provider',
  'service provider',
  'rotation',
  'company',
  'vendor',
  'partner',
  'office',
  'unit',
  'tm',
  'personnel',
  'security team',
  'security',
  'engineering',
];

/** Words that make "operations" a computing term: "write operations will set a lock". */
export const COMPUTING_BEFORE_OPERATIONS = ['read', 'write', 'database', 'db', 'batch', 'crud', 'bulk', 'i/o', 'io', 'async', 'atomic'];

// ---- What: the work Operation is asked to do -----------------------------------------------------

/** Deciding or defining what design left open (base forms; their other forms are ANY_VERB_FORM's). */
export const DECIDE_VERBS = [
  'decide',
  'define',
  'determine',
  'set',
  'set up',
  'agree',
  'confirm',
  'establish',
  'baseline',
  'schedule',
  'adapt',
  'calibrate',
  'size',
  'resize',
  're-size',
  'right-size',
  'tune',
  'adjust',
  'choose',
  'assess',
  'revisit',
  'work out',
  'figure out',
  'sort out',
  'sort',
  'look at',
  'look into',
  'judge',
  'gauge',
  'review',
  'reassess',
  're-examine',
  'reconsider',
  'extend',
  'supply',
  'dimension',
  'create',
  'document',
  'pick',
  'say',
  'wire up',
  'hook up',
  'stand up',
  'intervene',
  'step in',
  'find',
  'find out',
  'rebalance',
  'come up with',
  'write',
  'produce',
  'formalise',
  'formalize',
  'finalise',
  'finalize',
  'firm up',
  'nail down',
  'pin down',
  'settle',
  'fill in',
  'apply',
  'populate',
  'bring a proposal',
  'make a proposal',
  'put forward',
  'specify',
  'close',
  'cover',
  'plan',
  'configure',
  'implement',
  'put in place',
  'introduce',
  'arrange',
  'select',
  'work on',
  'design',
  'tweak',
  'optimise',
  'optimize',
  'improve',
  'clarify',
  'refine',
  'iterate',
  'evolve',
  'discover',
  'advise',
  'recommend',
  'propose',
  'suggest',
  'tell us',
  'let us know',
  'report back',
  'get back to us',
  'measure',
  'estimate',
  'forecast',
  'negotiate',
  'align',
  'organise',
  'organize',
  'investigate',
  'follow up',
  'add',
  'raise',
  'precise',
];

/** Acting when something happens instead of planning for it (base forms). */
export const HANDLE_VERBS = [
  'handle',
  'manage',
  'own',
  'take care of',
  'take ownership',
  'take over',
  'take on',
  'take it on',
  'take it over',
  'take in charge',
  'take it from there',
  'take it from here',
  'come back with',
  'come back',
  'consider',
  'present',
  'come back to us with',
  'look after',
  'pick up',
  'pick it up',
  'pick this up',
  'deal with',
  'fix',
  'treat',
  'take it',
  'take this',
  'react',
  'respond',
  'address',
  'chase',
  'triage',
  'escalate',
  'raise capacity',
  'scale',
  'scale up',
  'scale out',
  'scale down',
  'scale in',
  'increase',
  'bump',
  'grow',
  'provision',
  'allocate',
  'spin up',
  'throw more',
  'trigger',
  'firefight',
  'fire-fight',
  'top up',
  'top it up',
  'restart',
  'bounce',
  'reboot',
  'restore',
  'recover',
  'rebuild',
  'redeploy',
  'recreate',
  'rerun',
  're-run',
  'fail over',
  'failover',
  'bring it back',
  'clean',
  'clean up',
  'patch',
  'patch up',
  'babysit',
  'cover it',
  'do it',
  'do this',
  'do that',
  'do them',
  'do so',
];

/** Watching alone is routine operation ("ops will monitor the saturation dashboard"), a deferral only when it is all there is. */
export const WATCH_VERBS = ['monitor', 'watch', 'observe', 'track', 'check', 'keep an eye on', 'keep watching', 'keep monitoring', 'keep track of', 'keep tabs on', 'follow the performances'];

/** Opening a ticket or incident: "raise a ticket", "log a call with the service desk", "open a P2". */
export const TICKET = String.raw`(?:raise|log|open|create|file|submit|cut)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:tickets?|incidents?|requests?|calls?|cases?|problems?|p[1-4]s?)`;

const IRREGULAR: Record<string, string[]> = {
  set: ['set', 'sets', 'setting'],
  put: ['put', 'puts', 'putting'],
  take: ['takes', 'took', 'taken', 'taking'],
  write: ['writes', 'wrote', 'written', 'writing'],
  choose: ['chooses', 'chose', 'chosen', 'choosing'],
  run: ['runs', 'ran', 'run', 'running'],
  come: ['comes', 'came', 'coming'],
  get: ['gets', 'got', 'gotten', 'getting'],
  tell: ['tells', 'told', 'telling'],
  let: ['lets', 'letting'],
  throw: ['throws', 'threw', 'thrown', 'throwing'],
  spin: ['spins', 'spun', 'spinning'],
  bring: ['brings', 'brought', 'bringing'],
  grow: ['grows', 'grew', 'grown', 'growing'],
  keep: ['keeps', 'kept', 'keeping'],
  do: ['does', 'did', 'done', 'doing'],
};

/** The base forms of the verbs: what an actor is given to do ("ops will size", "run team to decide"). */
export const DECIDE = list(DECIDE_VERBS);
export const HANDLE = alt(list(HANDLE_VERBS), TICKET, String.raw`add\s+(?:more\s+)?\w+`, String.raw`throw\s+(?:more\s+)?[\w-]+\s+at`, String.raw`do\s+(?:the\s+)?(?:[\w-]+\s+)?(?:planning|sizing|tuning|monitoring|testing|design)`, String.raw`put\s+(?:\w+\s+){0,3}?(?:in\s+place|together)`, String.raw`make\s+(?:a|the)\s+(?:call|decision|judge?ment)`, String.raw`take\s+a\s+(?:view|call|decision)`);
export const WATCH = list(WATCH_VERBS);
/** The stem a verb's endings attach to: "siz" of "size", "specif" of "specify". */
const stem = (head: string): string => (head.endsWith('e') ? head.slice(0, -1) : /[^aeiou]y$/.test(head) ? head.slice(0, -1) : head);
/** The endings of a regular verb, a doubled consonant included ("planned", "setting"). */
const ENDINGS = String.raw`(?:e?s|e?d|ies|ied|ing|[bdgklmnprt](?:ed|ing))`;
/**
 * Any other form than the base of a verb of the lists, by its first word: "sizes", "sized",
 * "sizing", "written" (matched by stem and ending rather than listed: a list of every form
 * compiles slowly). The cue that a moment is about the requirement ("sized after go-live").
 */
const HEADS = new Set([...DECIDE_VERBS, ...HANDLE_VERBS, ...WATCH_VERBS].map((v) => v.split(' ')[0]!));
export const ANY_VERB_FORM = alt(`${list([...new Set([...HEADS].map(stem))])}${ENDINGS}`, list(Object.entries(IRREGULAR).flatMap(([head, forms]) => (HEADS.has(head) ? forms : []))));

/** The forms of the verbs of watching other than the base: "monitored", "watching". */
export const WATCH_FORM = `${list([...new Set(WATCH_VERBS.map((v) => stem(v.split(' ')[0]!)))])}${ENDINGS}`;

// ---- When: after design -------------------------------------------------------------------------

/** Events after which Operation has the service: "after go-live", "post-launch", "until GA". */
export const EVENTS = [
  'go-live',
  'golive',
  'going live',
  'launch',
  'launching',
  'cut-over',
  'cutover',
  'ga',
  'general availability',
  'hypercare',
  'roll-out',
  'rollout',
  'release',
  'first release',
  'migration',
  'hand-over',
  'handover',
  'transition',
  'service transition',
  'service acceptance',
  'production start',
  'start of production',
  'production launch',
  'pilot',
  'deployment',
  'implementation',
  'pir',
  'mvp',
  'switch-over',
  'switchover',
  'deploy',
  'soft launch',
  // the go-live in the words of other languages: livegang (nl), Inbetriebnahme, Produktivsetzung (de)
  'livegang',
  'inbetriebnahme',
  'produktivsetzung',
  'handoff',
  'hand-off',
  'live',
  'mep',
  'bascule',
  'stabilisation',
  'stabilization',
  'onboarding',
  // the contracts' word for go-live: "within 90 days of Service Commencement"
  'commencement',
  'service commencement',
  'acceptance',
  'first month',
  'first incident',
  'first outage',
  'first peak',
];

/** Periods of running the service: "in production", "during hypercare", "in BAU", "in the run phase". */
export const PERIODS = [
  'hypercare',
  'production',
  'prod',
  'live',
  'operation',
  'operations',
  'bau',
  'steady state',
  'run mode',
  'run phase',
  'run',
  'service operation',
  'early-life',
  'early-life support',
  'els',
  'the wild',
  'in-life',
  'life',
  'operational phase',
  'operation phase',
  'operating phase',
  // the contracts' periods of running: "during the Initial Operating Period"
  'operating period',
  'operational period',
  'initial operating period',
  'initial operational period',
  'maintenance phase',
  'day-2',
  'day two',
];

/** Later phases of the project: "phase 2", "the next release", "a future iteration", "v2". */
export const LATER_PHASES = String.raw`\b(?:(?:phase|stage|iteration|increment|wave)\s*(?:2|3|two|three|ii)|v\s?[2-9](?:\.0)?|(?:the\s+|a\s+)?(?:next|later|future|subsequent|following|second)\s+(?:phase|stage|release|iteration|increment|wave|version|sprint|pi|project|pass)s?|day[-\s]?(?:2|two))\b`;

/** What running the service yields to size it from: "real traffic", "production data", "live metrics". */
export const DATA_NOUNS = ['traffic', 'data', 'metrics', 'usage', 'numbers', 'volumes', 'volume', 'load', 'figures', 'telemetry', 'experience', 'behaviour', 'behavior', 'demand', 'monitoring', 'logs', 'observations', 'measurements', 'use', 'users', 'customers', 'feedback', 'baseline', 'running'];

/** States of a running service: "once it is live", "when it has bedded in", "once stable". */
export const RUNNING_STATES = String.raw`(?:(?:go|goes|going|gone|went|is|are|gets?|got|we['’]re|it['’]s)\s+live|(?:is|are|we['’]re|it['’]s|gets?|goes|gone|running|deployed|put)\s+(?:in|into|to)\s+(?:production|prod|operation|bau|steady\s+state|service|run\s+mode|live|use)|(?:is|are|(?:it|we|they)['’](?:s|re))\s+(?:(?:actually|really|fully|properly|finally)\s+)?(?:running|up\s+and\s+running|operational|productive|in\s+productive\s+use|handed\s+over|in\s+use|bedded\s+(?:in|down)|settled(?:\s+(?:in|down))?|stable|live)|(?:has|have)\s+(?:gone\s+live|bedded\s+(?:in|down)|settled(?:\s+(?:in|down))?|stabili[sz]ed|launched|matured)|(?:has|have|['’]ve)\s+(?:run(?:\s+(?:it|this|the\s+(?:service|system|platform)))?|been\s+running|been\s+live|had\s+(?:it|the\s+service|the\s+system))\s+for\s+a\s+(?:while|bit)|matures?|stabili[sz]es?|beds\s+in)`;

/** Preconditions that are not there yet: "once volumes are known", "when there is budget", "once that is set up". */
export const WAITING_FOR = String.raw`(?:(?:[\w-]+\s+){1,3}?(?:is|are|becomes?|become)\s+(?:known|available|clearer|clear|understood|in\s+place|set\s+up|ready|agreed|funded|approved|signed\s+off|signed|onboarded|hired|staffed)|(?:someone|somebody|anyone)\s+[a-z]+|there(?:['’]s|\s+is|\s+are)\s+(?:a\s+|the\s+|some\s+|more\s+|enough\s+|real\s+)?(?:budget|time|funding|capacity\s+in\s+the\s+team|a\s+need|need|demand|baseline|data|traffic|usage|history|users|customers|track\s+record)|(?:adoption|usage|traffic|demand|load|volumes?)\s+(?:picks\s+up|grows?|ramps?(?:\s+up)?|increases?)|(?:we|you|they)\s+(?:have|get|know|see)\s+(?:(?:some|more|enough|the|real|any|actual|paying|first|live)\s+){0,2}(?:revenue|users|customers|data|numbers|traffic|volumes?|figures|usage|a\s+baseline|a\s+(?:real\s+)?need)|(?:we|you|they)\s+(?:see|know|understand|learn|find\s+out)\s+(?:how\s+(?:it|this|the\s+(?:service|system|platform))\s+(?:behaves|performs|runs|copes|goes|is\s+used)|what\s+normal\s+looks\s+like)|(?:we|you|they)\s+(?:know|understand|see|learn)\s+(?:which|what|how\s+(?:much|many))\b|(?:it|this|that)\s+(?:exists|is\s+needed|is\s+required))`;

/** Open or to come: the work is still to be done. */
export const OPEN_WORDS = ['tbd', 'tbc', 'tba', 'to be decided', 'to be confirmed', 'to be defined', 'to be agreed', 'to follow', 'to come', 'pending', 'awaiting', 'open', 'not yet', 'yet to be', 'later', 'todo', 'to do', 'next steps', 'next step', 'action', 'asap', 'eta'];

// ---- How: reacting instead of planning ----------------------------------------------------------

/** Reacting in a word: "reactive", "ad hoc", "best effort", "firefighting". */
export const REACTIVE_WORDS = ['reactive', 'reactively', 'ad hoc', 'ad-hoc', 'best effort', 'best efforts', 'best endeavours', 'best endeavors', 'firefighting', 'fire-fighting', 'firefight', 'fire-fight', 'on the fly', 'as we go', 'as we go along', 'as and when', 'case by case', 'case-by-case'];

/** The channels of reacting: "via tickets", "the incident process", "problem management". */
export const CHANNELS = String.raw`(?:(?:the|our|normal|standard|usual|bau|major)\s+)*(?:[\w-]+\s+)?(?:incidents?|inc|problem|event|tickets?|servicenow|snow|jira|ticketing|service\s+requests?)(?:\s+(?:management|process|procedure|handling|queue|system|tool|tickets?))?`;

/** Words that defer in so many words: "deferred", "parked", "kicked down the road", "shelved". */
export const DEFERRED_WORDS = list([
  ...['deferred', 'postponed', 'parked', 'shelved', 'held back', 'on hold', 'put on hold', 'left open', 'put off', 'pushed back', 'pushed out'],
  ...['descoped', 'de-scoped', 'scoped out', 'punted', 'kicked down the road', 'kicked into the long grass', 'on the backlog', 'put on the backlog'],
]);
