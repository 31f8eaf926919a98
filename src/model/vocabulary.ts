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
  // Before the first character, charCodeAt gives NaN: the loop stops at 0.
  while (s.charCodeAt(end - 1) === 46 || s.charCodeAt(end - 1) === 33) end--;
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
    .split(/[^a-z0-9]/)
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
  // Stryker disable next-line ConditionalExpression: a cache: a new one answers the same.
  if (!byOwner) genericCache.set(aliases, (byOwner = new Map()));
  let answer = byOwner.get(owner);
  // Stryker disable next-line ConditionalExpression: a cache: judged again, the answer is the same.
  if (answer === undefined) {
    answer = judgeGenericOwner(owner, aliases);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the cache's bound: remembered or not, the answer is the same.
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
  const sequences = aliases.map(ownerWords);
  // The positions i from which words[i..] is covered end to end by alias word sequences (`on-call`
  // is two words). An alias with no words covers nothing: i is not in the set while it is judged.
  const covered = new Set<number>([words.length]);
  // Stryker disable next-line ArithmeticOperator: starting past the end adds nothing: no word is there, and the end is covered already.
  for (let i = words.length - 1; i >= 0; i--) {
    if (sequences.some((seq) => covered.has(i + seq.length) && seq.every((w, j) => words[i + j] === w))) covered.add(i);
  }
  return covered.has(0);
}
