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

const PLACEHOLDER_WORDS = ['tbd', 'tbc', 'tba', 'todo', 'fixme', 'xxx', 'n/a', 'na', 'unknown', 'none yet', 'not yet defined', 'not defined', 'to be defined', 'to be decided', 'to be confirmed', 'placeholder'];
const PLACEHOLDER_PATTERNS = [/^\?+$/, /^-+$/, /^<[^<>]*>$/, /^\.\.\.$/, /^…$/, /^(?:tbd|tbc|tba|todo|fixme)\b/i];

/** Vague words where a measure is needed (SPEC §2). Compared on the whole value, case-insensitively. */
const VAGUE_WORDS = ['high', 'low', 'medium', 'adequate', 'sufficient', 'best effort', 'best-effort', 'as needed', 'as required', 'as necessary', 'standard', 'asap', 'normal', 'good', 'enough', 'reasonable', 'fast', 'quick', 'quickly', 'minimal', 'appropriate', 'industry standard', 'as soon as possible'];

const normalise = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');

/** Classifies a raw value: a placeholder, a vague word, empty, or fine. */
export function placeholderKind(value: unknown, extraWords: readonly string[] = []): 'placeholder' | 'vague' | 'empty' | undefined {
  if (value === null) return 'empty';
  if (typeof value !== 'string') return undefined;
  if (value.trim() === '') return 'empty';
  const v = normalise(value);
  if (PLACEHOLDER_WORDS.includes(v) || extraWords.some((w) => normalise(w) === v)) return 'placeholder';
  if (PLACEHOLDER_PATTERNS.some((p) => p.test(value.trim()))) return 'placeholder';
  if (VAGUE_WORDS.includes(v)) return 'vague';
  return undefined;
}

/**
 * Phrases that hand a warranty area to Service Operation instead of defining it (SPEC §2,
 * "Deferral to Operation"). Matched case-insensitively anywhere in the area's text.
 */
export const DEFERRAL_PATTERNS: readonly RegExp[] = [
  /\b(?:ops|operations|the ops team|sre|noc|on-?call|support|the service desk|it)(?: team)? will (?:monitor|decide|define|handle|tune|scale|watch|set|figure|sort|look|review|react|manage|adjust)\b[^.;]*/i,
  /\bto be (?:decided|defined|determined|agreed|set|confirmed|measured|tuned|sized|assessed|reviewed)\b[^.;]*?\b(?:after|post|once|during|in|when)[- ](?:go[- ]?live|launch|release|production|operation|operations|ops|we go live|it is live|live)\b/i,
  /\b(?:after|post)[- ]?(?:go[- ]?live|launch)\b/i,
  /\bonce (?:we are|it is|we're|it's) (?:live|in production)\b/i,
  /\bscale (?:up |out |it )?(?:as|when|if) (?:needed|required|necessary)\b/i,
  /\b(?:handled|managed|dealt with|covered) (?:by|through|via) (?:the )?(?:incident|problem|event) management\b/i,
  /\bvia incident management\b/i,
  /\breactive(?:ly)?\b/i,
  /\b(?:monitor|watch) (?:and|&) (?:react|adjust|tune|scale|respond)\b/i,
  /\b(?:fix|handle|deal with) (?:it |them |issues |problems )?(?:when|if|as) (?:it|they|something|things|issues|problems) (?:breaks?|fails?|arises?|happens?|come up|occur)\b/i,
  /\bwhen (?:it|something|things) (?:breaks?|fails?|goes down)\b/i,
  /\b(?:define|decide|figure (?:it |this )?out|sort (?:it |this )?out|work (?:it |this )?out)(?:d)? later\b/i,
  /\b(?:tuned?|decided?|defined?|measured?|sized?|set) in (?:production|operation|operations)\b/i,
  /\bwait and see\b/i,
  /\bbased on (?:incidents|outages)\b/i,
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
