import { DECIDE_VERBS, HANDLE_VERBS, WATCH_VERBS } from './deferral-vocabulary.js';

/**
 * The text the deferral matcher reads: lower case, note-taking abbreviations spelled out ("w/" →
 * "with"), slips in key words mended, arrows read as "to"; and the clause around a position. Positions in the
 * read text map back to the original (`Reading.at`), so that the phrase quoted is the team's own.
 */

/** Abbreviations of notes and chat, as whole words (lower case), and what they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  'w/': 'with',
  'w/o': 'without',
  'b/c': 'because',
  thru: 'through',
  tho: 'though',
  pls: 'please',
  chk: 'check',
  '1st': 'first',
  plz: 'please',
  l8r: 'later',
  wil: 'will',
  wl: 'will',
  tm: 'team',
  mgmt: 'management',
  mgr: 'manager',
  ppl: 'people',
  reqd: 'required',
  "req'd": 'required',
  'req’d': 'required',
  r: 'are',
  u: 'you',
  ur: 'your',
  opps: 'ops',
  'ops’': 'ops',
  "ops'": 'ops',
};
/** Short words that abbreviate only after a modal: "will b agreed", "to b done". */
const AFTER_MODAL: Record<string, string> = { b: 'be', '2': 'to' };
const MODALS = new Set(['will', 'wil', 'wl', 'to', 'can', 'should', 'must', 'would', 'may', 'might', 'shall']);
/** "ops 2 decide": "2" between words reads "to" when a verb of the vocabulary follows (not "2 weeks", "tier 2 will"). */
const VERBS = new Set([...DECIDE_VERBS, ...HANDLE_VERBS, ...WATCH_VERBS].map((v) => v.split(' ')[0]!));

/**
 * Key words of the vocabulary that a single slip of the keyboard should not hide ("operatons",
 * "handeled", "monitr"): a word one letter away (a letter missing, extra, changed or two swapped) is
 * read as the key word, unless it is a real English word itself (REAL_NEIGHBOURS: every dictionary
 * word one letter from a key word, from /usr/share/dict/words).
 */
const KEY_WORDS = ['operations', 'operational', 'production', 'hypercare', 'infrastructure', 'decision', 'decided', 'determined', 'confirmed', 'handled', 'monitor', 'monitored', 'monitoring', 'escalate', 'deferred', 'delegated', 'support', 'responsible', 'responsibility', 'management'];
const REAL_NEIGHBOURS = new Set(
  'operation operator operators productions infrastructures decisions derision decides decide decoded derided determine determiner determines conformed handles handle handed dandled handler candled monitors escalated escalates referred deterred delegates delegate relegated supports responsibly managements'.split(' '),
);

/** Is `a` one edit from `b`: a letter inserted, deleted or changed, or two neighbours swapped? */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  // A shortcut: of words two letters or more apart in length, the tests below find none one edit apart.
  // Stryker disable next-line ConditionalExpression: without the shortcut the answer is the same
  if (Math.abs(a.length - b.length) > 1) return false;
  // a and b differ: past their common start is a letter of one of them that the other lacks.
  let i = 0;
  while (a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  // Lengths differ by one here, so > and >= agree.
  // Stryker disable next-line EqualityOperator: the lengths are never equal here
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function typoOf(word: string): string | undefined {
  // A shortcut: the shortest key word has 7 letters, so a shorter word is two edits from every one.
  // Stryker disable next-line ConditionalExpression: without the shortcut oneEdit finds no key word all the same
  if (word.length < 6 || REAL_NEIGHBOURS.has(word) || !/^[a-z]+$/.test(word)) return undefined;
  return KEY_WORDS.find((k) => oneEdit(word, k));
}

const TOKEN = /[a-z0-9'’/]+|→|->|=>|⇒|&| \+ /g;

/** The text as the matcher reads it, and where each of its positions comes from in the original. */
export interface Reading {
  text: string;
  /** The original position of a position in `text` (one past the end maps to the original's end). */
  at(i: number): number;
}

/** Lower case letter for letter: a few letters lower-case to two code units ("İ"), then only ASCII is lowered. */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]/g, (s) => s.toLowerCase());
}

/**
 * Reads a text: lower case, abbreviations and arrows spelled out; an acronym-cased "IT" or "RUN"
 * in mixed-case text names a team ("IT will sort out DR", "to be defined by the RUN").
 */
export function read(original: string): Reading {
  const lower = lowerCase(original);
  const pieces: Array<[number, string]> = [];
  const mixed = /[a-z]/.test(original);
  TOKEN.lastIndex = 0;
  let prev = '';
  for (let m = TOKEN.exec(lower); m; m = TOKEN.exec(lower)) {
    const word = m[0];
    let out: string | undefined;
    if (word === '→' || word === '->' || word === '=>' || word === '⇒') out = ' to ';
    else if (word === '&') out = 'and';
    else if (word === ' + ') out = ' and ';
    else if (ABBREVIATIONS[word] !== undefined) out = ABBREVIATIONS[word];
    else if ((out = typoOf(word)) !== undefined) {
      // read as its key word
    }
    else if (AFTER_MODAL[word] !== undefined && MODALS.has(prev)) out = AFTER_MODAL[word];
    else if (word === '2' && /[a-z]/.test(prev)) {
      const next = /^\s+([a-z]+)/.exec(lower.slice(m.index + 1));
      if (next && VERBS.has(next[1]!)) out = 'to';
    } else if (mixed && (word === 'it' || word === 'run') && original.slice(m.index, m.index + word.length) === word.toUpperCase() && !/^\s+(?:ops|operations|support|service|infra|infrastructure|team|department|dept|helpdesk|help|desk)\b/.test(lower.slice(m.index + word.length))) {
      out = word === 'it' ? 'it team' : 'run team';
    }
    if (out !== undefined) pieces.push([m.index, out]);
    prev = word;
  }
  // A shortcut: rebuilt with no pieces, the text and the map are the same.
  // Stryker disable next-line ConditionalExpression: the rebuild gives the same text and positions
  if (pieces.length === 0) return { text: lower, at: (i) => i };
  // Rebuild with a map from each read position to its original one.
  let text = '';
  const map: number[] = [];
  let last = 0;
  for (const [index, out] of pieces) {
    const len = TOKEN_LENGTH(lower, index);
    for (let i = last; i < index; i++) map.push(i);
    text += lower.slice(last, index);
    for (let i = 0; i < out.length; i++) map.push(index + Math.min(i, len - 1));
    text += out;
    last = index + len;
  }
  // Stryker disable next-line EqualityOperator: one more entry would map one past the end to lower.length, the original's length, as at() does
  for (let i = last; i < lower.length; i++) map.push(i);
  text += lower.slice(last);
  map.push(lower.length);
  return { text, at: (i) => (i >= map.length ? original.length : map[i]!) };
}

/** The length of the token at `index` (one starts there: `read` found it). */
function TOKEN_LENGTH(lower: string, index: number): number {
  TOKEN.lastIndex = index;
  return (TOKEN.exec(lower) as RegExpExecArray)[0].length;
}

// ---- Clauses ------------------------------------------------------------------------------------

/** How far a clause is looked at around a match, each way: bounds the work per match. */
export const CLAUSE_REACH = 200;

const COMMA_CLAUSE = /\s+(?:so|but|then|and\s+then|therefore|hence|yet|which\s+means|though|although|however|whereas)\b/y;

/** Does a clause end at `i`: sentence punctuation, a newline, a dash between spaces, or a comma before "so", "but"…? */
export function isBoundary(text: string, i: number): boolean {
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

/** The clause around [start, end): [clause start, clause end]. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  const sMin = Math.max(0, start - CLAUSE_REACH);
  while (s > sMin && !isBoundary(text, s - 1)) s--;
  let e = end;
  const eMax = Math.min(text.length, end + CLAUSE_REACH);
  while (e < eMax && !isBoundary(text, e)) e++;
  return [s, e];
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 0x2019;

/** The word that ends at `end` (spaces before `end` skipped): [start, end], or undefined. */
export function wordBefore(text: string, end: number): [number, number] | undefined {
  // Before the text's start, charCodeAt is NaN: neither a space nor a letter.
  let e = end;
  while (text.charCodeAt(e - 1) === 32) e--;
  let s = e;
  while (isLetter(text.charCodeAt(s - 1))) s--;
  return s < e ? [s, e] : undefined;
}

/** The word that starts at or after `start` (spaces skipped), or ''. */
export function wordAfter(text: string, start: number): string {
  // Past the text's end, charCodeAt is NaN: neither a space nor a letter.
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  let j = i;
  while (isLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

/** Index in `clause` where the `n` words before `index` begin. */
export function wordsBefore(clause: string, index: number, n: number): number {
  let i = index;
  for (let words = 0; words < n; words++) {
    // Before the start, charCodeAt is NaN: no space, and the loop below stops at 0.
    while (clause.charCodeAt(i - 1) === 32) i--;
    while (i > 0 && clause.charCodeAt(i - 1) !== 32) i--;
  }
  return i;
}

/** Words in `s`: runs of letters and digits (any character above ASCII counts as a letter). */
export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN, no word
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}
