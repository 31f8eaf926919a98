import type { Area, Tier } from '../types.js';

/** SPEC §2: the essentials of each area, for every tier and for critical/high tiers. One source for every rule and the report. */
export const ESSENTIALS: Record<Area, { every: readonly string[]; tier: readonly string[] }> = {
  availability: { every: ['target', 'window', 'serviceHours'], tier: ['mttr'] },
  capacity: { every: ['peak', 'forecast'], tier: ['headroom', 'thresholds', 'loadTest'] },
  continuity: { every: ['rto', 'rpo', 'recoveryOption'], tier: ['mtpd', 'plan', 'lastTest'] },
  security: { every: ['classification', 'dataTypes'], tier: ['controls', 'policy', 'lastReview'] },
};

/** Fields whose prose is free: never placeholders. */
export const PROSE_FIELDS = new Set(['notes', 'rationale']);

const PLACEHOLDER_WORDS = new Set(['tbd', 'tbc', 'tba', 'todo', 'to do', 'fixme', 'xxx', 'xx', 'n/a', 'na', 'not applicable', 'unknown', 'not known', 'unset', 'not set', 'none yet', 'not yet defined', 'not defined', 'to be defined', 'to be decided', 'to be confirmed', 'to be agreed', 'to be determined', 'placeholder', 'later']);
const PLACEHOLDER_PATTERNS = [/^\?+$/, /^-+$/, /^<[^<>]*>$/, /^\.\.\.$/, /^…$/, /^(?:tbd|tbc|tba|todo|fixme)\b/i];

/** Vague words where a measure is needed (SPEC §2). Compared on the whole value, case-insensitively. */
const VAGUE_WORDS = new Set(['high', 'low', 'medium', 'adequate', 'sufficient', 'best effort', 'best-effort', 'as needed', 'as required', 'as necessary', 'standard', 'asap', 'normal', 'good', 'enough', 'reasonable', 'fast', 'quick', 'quickly', 'minimal', 'appropriate', 'industry standard', 'as soon as possible', 'business hours', 'office hours', 'working hours', 'usual hours', 'always', 'always on', 'always up', 'max', 'maximum', 'minimum', 'lots', 'plenty', 'large', 'small', 'unlimited']);

const normalise = (s: string): string => trimEndPunctuation(s.trim().toLowerCase().replace(/\s+/g, ' '));

/** Drops trailing `.` and `!`. Not /[.!]+$/: tried at every position, a long run of dots made it quadratic. */
function trimEndPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 46 || s.charCodeAt(end - 1) === 33)) end--;
  return s.slice(0, end);
}

/** Classifies a raw value: a placeholder, a vague word, empty, or fine. */
export function placeholderKind(value: unknown, extraWords: readonly string[] = []): 'placeholder' | 'vague' | 'empty' | undefined {
  if (value === null) return 'empty';
  if (typeof value !== 'string') return undefined;
  if (value.trim() === '') return 'empty';
  const v = normalise(value);
  if (PLACEHOLDER_WORDS.has(v) || extraWords.some((w) => normalise(w) === v)) return 'placeholder';
  if (PLACEHOLDER_PATTERNS.some((p) => p.test(value.trim()))) return 'placeholder';
  if (VAGUE_WORDS.has(v)) return 'vague';
  return undefined;
}

// Who Operation is, in prose: the teams a design hands its open questions to.
const OPS = String.raw`(?:the\s+)?(?:(?:ops|operations|devops|sre|noc|on-?call|support|service\s+desk|it\s+ops|it\s+operations|production\s+support)(?:\s+(?:team|teams|folks|people|engineers?|rota))?|(?:it|run|platform|infra|infrastructure)\s+(?:team|teams|folks|people|engineers?))`;
// Verbs of deciding or reacting: what Operation is asked to do instead of Design.
const DECIDE = String.raw`(?:decide|define|determine|set|agree|size|tune|adjust|scale|figure|sort|monitor|watch|react|respond|handle|deal|fix|firefight|pick|choose)`;
// When Operation starts: go-live and after.
const LIVE = String.raw`(?:go[-\s]?live|going\s+live|launch|release|cut-?over|hypercare|production|prod|operation|operations|ops|rollout|roll-?out|ga)`;

/**
 * Phrases that hand a warranty area to Service Operation instead of defining it (SPEC §2,
 * "Deferral to Operation"). Matched case-insensitively anywhere in the area's text; they count
 * only while an every-tier essential of the area is missing (see `findDeferral` in build.ts), so
 * runbook prose beside a complete area is never a deferral. Written against real hand-written
 * notes: each pattern needs a deferring verb *and* Operation or a "later", never a lone word
 * that could be runbook prose ("ops will be paged", "not reactive").
 */
export const DEFERRAL_PATTERNS: readonly RegExp[] = [
  // "ops will monitor", "the SRE team will decide", "on-call will handle it", "ops'll sort it out"
  new RegExp(String.raw`\b${OPS}(?:\s+(?:will|shall|can|is\s+going\s+to|are\s+going\s+to)|['’]ll)\s+(?:just\s+)?${DECIDE}\w*\b[^.;\n]*`, 'i'),
  // "left to ops", "up to the SRE team", "ops to decide"
  new RegExp(String.raw`\b(?:left\s+(?:up\s+)?to|up\s+to|leave\s+(?:it|this|that)\s+to|handed\s+(?:over\s+)?to|delegated\s+to|deferred\s+to)\s+${OPS}\b[^.;\n]*`, 'i'),
  new RegExp(String.raw`\b(?:ops|operations|sre|noc|on-?call)\s+to\s+${DECIDE}\w*\b[^.;\n]*`, 'i'),
  // "to be decided after go-live", "will be agreed once we are live", "TBD post-launch" (the gap is
  // bounded: unbounded, every "to be decided" rescanned the rest of the sentence, quadratically)
  new RegExp(String.raw`\b(?:(?:to|will|shall)\s+be\s+(?:decided|defined|determined|agreed|set|confirmed|measured|tuned|sized|assessed|reviewed|revisited|established|baselined|calibrated|worked\s+out|figured\s+out)|tbd|tbc|tba)\b[^.;\n]{0,200}?\b(?:after|post|once|during|when|following|in)[-\s](?:the\s+|we\s+|it\s+)?(?:go\s+live|goes\s+live|are\s+live|is\s+live|${LIVE})\b`, 'i'),
  // "after go-live", "post-launch", "once we are live", "once in production"
  new RegExp(String.raw`\b(?:after|post)[-\s]?(?:go[-\s]?live|launch|cut-?over|hypercare|ga)\b`, 'i'),
  /\bonce\s+(?:we\s+are|we're|it\s+is|it's|we\s+go|it\s+goes|in|running\s+in|deployed\s+to)\s+(?:live|in\s+production|in\s+prod|production|prod)\b/i,
  // "scale as needed", "add capacity when required", "add more nodes if necessary"
  /\b(?:scale|scaled|scaling|add(?:ing)?\s+(?:more\s+)?(?:capacity|nodes|servers|instances|resources|hardware|replicas|pods))(?:\s+(?:it\s+)?(?:up|out|down|horizontally|vertically))?\s+(?:as|when|if|where)\s+(?:needed|required|necessary|we\s+need\s+to|demand\s+grows|it\s+grows)\b/i,
  // "handled by incident management", "via the incident process"
  /\b(?:handled|managed|dealt\s+with|covered|resolved|addressed|treated)\s+(?:by|through|via|as\s+part\s+of|under)\s+(?:the\s+|normal\s+|standard\s+|our\s+)?(?:incident|problem|event|major\s+incident)\s+(?:management|process|procedure)\b/i,
  /\b(?:via|through)\s+(?:the\s+)?incident\s+(?:management|process)\b/i,
  // "reactive", "handled reactively", but not "proactive, not reactive", "non-reactive", nor the
  // programming style ("Spring WebFlux reactive stack", "reactive-streams")
  /(?<!\bnot\s|\bnever\s|\bnon-|\bnon\s|\brather\s+than\s|\binstead\s+of\s|\bthan\s|\bless\s|\bno\s+longer\s|\bspring\s|\bwebflux\s|\bproject\s)\breactive(?:ly)?\b(?!-|\s+(?:programming|stack|streams?|framework|extensions|libraries|library|client|driver|api|apis|ui|frontend|model|manifesto|core|java|kotlin|web|mongo|redis|kafka|pipeline|code|i\/o|io)\b)/i,
  /\b(?:monitor|watch|observe)\s+(?:and|&|then)\s+(?:react|adjust|tune|scale|respond|fix|decide)\b/i,
  // "fix it when it breaks", "deal with issues as they come up"
  /\b(?:fix|handle|deal\s+with|address|sort\s+out)\s+(?:it\s+|them\s+|issues\s+|problems\s+|outages\s+|things\s+)?(?:when|if|as)\s+(?:it|they|something|things|issues|problems|outages)\s+(?:breaks?|fails?|arises?|arise|happens?|comes?\s+up|crop\s+up|occurs?|goes\s+down)\b/i,
  /\bwhen\s+(?:it|something|things|the\s+service)\s+(?:breaks?|fails?|goes\s+down)\b/i,
  // "define later", "decided later", "figure it out later", "we'll sort this out later"
  /\b(?:(?:to|will|can)\s+be\s+)?(?:defined?|decided?|agreed?|set|sized?|tuned?|determined?|established?|figured?\s+(?:it\s+|this\s+|that\s+)?out|sorted?\s+(?:it\s+|this\s+|that\s+)?out|worked?\s+(?:it\s+|this\s+|that\s+)?out|look(?:ed)?\s+at\s+(?:it|this|that))\s+later\b/i,
  /\blater\s+(?:in|during)\s+(?:operation|operations|production|ops)\b/i,
  // "tuned in production", "learn from prod", "figure out in prod"
  new RegExp(String.raw`\b(?:tuned?|decided?|defined?|measured?|sized?|set|learn(?:ed|t)?|found\s+out|find\s+out|discover(?:ed)?|figured?\s+out|baselined?|calibrated?)\s+(?:it\s+|this\s+|them\s+)?(?:in|from|during|after)\s+(?:prod|production|operation|operations|live|real\s+traffic)\b`, 'i'),
  /\bwait\s+and\s+see\b/i,
  /\bsee\s+how\s+it\s+goes\b/i,
  /\b(?:based\s+on|driven\s+by|after)\s+(?:the\s+first\s+)?(?:incidents?|outages?)\b/i,
  /\b(?:once|when|after)\s+we\s+(?:have|see|get|know)\s+(?:some\s+|real\s+|production\s+|live\s+|actual\s+)*(?:traffic|data|metrics|usage|load|numbers)\b/i,
];

/** The first deferral phrase in `text`, if any. */
export function findDeferralPhrase(text: string): string | undefined {
  for (const p of DEFERRAL_PATTERNS) {
    const m = p.exec(text);
    if (m) return m[0].trim();
  }
  return undefined;
}

/** Controls each classification requires (SPEC §4, security-controls-insufficient). */
export const REQUIRED_CONTROLS: Record<string, readonly string[]> = {
  public: [],
  internal: ['authn', 'rbac', 'encryption-in-transit'],
  confidential: ['authn', 'rbac', 'encryption-in-transit', 'encryption-at-rest', 'access-logging', 'encrypted-backups'],
  restricted: ['authn', 'rbac', 'encryption-in-transit', 'encryption-at-rest', 'access-logging', 'encrypted-backups', 'mfa', 'key-management'],
};

export const CLASSIFICATION_ORDER = ['public', 'internal', 'confidential', 'restricted'] as const;

export const TIER_ORDER = { critical: 3, high: 2, medium: 1, low: 0 } as const;

/** Tiers that need the second column of the essentials table and an owner for each area (SPEC §2, §4). */
export const DETAILED_TIERS: readonly Tier[] = ['critical', 'high'];

/**
 * The shortest rto each recovery option can meet, in seconds (SPEC §4,
 * `continuity-recovery-option-mismatch`). Options not listed can meet any rto.
 */
export const RECOVERY_OPTION_MIN_RTO: Readonly<Record<string, number>> = {
  'backup-restore': 4 * 3600,
  'pilot-light': 3600,
  'warm-standby': 5 * 60,
};

/** Recovery options from the slowest (cheapest) to the fastest, to suggest the cheapest one that meets an rto. */
export const RECOVERY_OPTIONS_BY_SPEED = ['backup-restore', 'pilot-light', 'warm-standby', 'hot-standby', 'active-active'] as const;

/** The lowest classification each sensitive data type allows (SPEC §4, `security-sensitive-data-underclassified`). */
export const DATA_TYPE_MIN_CLASSIFICATION: Readonly<Record<string, (typeof CLASSIFICATION_ORDER)[number]>> = {
  pii: 'confidential',
  phi: 'restricted',
  pci: 'restricted',
  credentials: 'restricted',
};

/** SPEC §4 `warranty-overspecified`: a target at least this high is more than these tiers need. */
export const OVERSPECIFIED_TARGET = 99.999;
export const OVERSPECIFIED_TARGET_TIERS: readonly Tier[] = ['medium', 'low'];

/**
 * Words that name no one in particular beside an alias (`team-ops`, `ops-group`): an owner made of
 * aliases and these only is still an alias.
 */
const OWNER_FILLER_WORDS = new Set(['team', 'teams', 'group', 'groups', 'squad', 'crew', 'staff', 'dept', 'department', 'the', 'all']);

const ownerWords = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');

/**
 * Is `owner` a generic operations alias (SPEC §4, `warranty-owner-generic`)? True for an alias of
 * the list (`ops`, `On-Call`), and for a name made only of aliases and filler words (`team-ops`,
 * `it-support`, `sre-oncall`), after dropping a Backstage entity-ref prefix (`group:default/ops`),
 * an e-mail domain (`ops@example.com`) or a handle's `@`. A name with a word of its own
 * (`payments-sre-guild`, `it.jones`) names a real team or person and is not generic.
 */
export function isGenericOwner(owner: string, aliases: readonly string[]): boolean {
  // Owners repeat across a catalog (a team owns many services): remember each answer per alias list.
  let byOwner = genericCache.get(aliases);
  if (!byOwner) genericCache.set(aliases, (byOwner = new Map()));
  let answer = byOwner.get(owner);
  if (answer === undefined) {
    answer = judgeGenericOwner(owner, aliases);
    if (byOwner.size < 10_000) byOwner.set(owner, answer);
  }
  return answer;
}

const genericCache = new WeakMap<readonly string[], Map<string, boolean>>();

function judgeGenericOwner(owner: string, aliases: readonly string[]): boolean {
  let name = owner.trim().replace(/^@/, '');
  name = name.replace(/^[^:/@\s]+:/, ''); // entity kind (`group:`)
  name = name.slice(name.lastIndexOf('/') + 1); // namespace (`default/`)
  if (name.includes('@')) name = name.slice(0, name.indexOf('@'));
  const words = ownerWords(name).filter((w) => !OWNER_FILLER_WORDS.has(w));
  if (words.length === 0) return false;
  const sequences = aliases.map(ownerWords).filter((a) => a.length > 0);
  // Can words[i..] be covered end to end by alias word sequences (`on-call` is two words)?
  const covered: boolean[] = new Array<boolean>(words.length + 1).fill(false);
  covered[words.length] = true;
  for (let i = words.length - 1; i >= 0; i--) {
    covered[i] = sequences.some((seq) => covered[i + seq.length] === true && seq.every((w, j) => words[i + j] === w));
  }
  return covered[0] === true;
}
