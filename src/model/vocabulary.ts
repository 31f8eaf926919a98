import type { Area } from '../types.js';

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
  // The gap is bounded: unbounded, every "to be decided" rescanned the rest of the sentence (quadratic).
  /\bto be (?:decided|defined|determined|agreed|set|confirmed|measured|tuned|sized|assessed|reviewed)\b[^.;]{0,200}?\b(?:after|post|once|during|in|when)[- ](?:go[- ]?live|launch|release|production|operation|operations|ops|we go live|it is live|live)\b/i,
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
