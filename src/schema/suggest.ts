/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions: `targte` → `target`
 * is 1), giving up as soon as it must exceed `max` (then any value above `max` is returned). The
 * bound keeps a did-you-mean over a 10,000-service catalog linear instead of quadratic.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  // Three rows, reused across calls: a did-you-mean over a catalog makes hundreds of thousands.
  if (rows[0].length <= n) rows = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  let [prev2, prev, row] = rows;
  for (let j = 0; j <= n; j++) {
    prev[j] = j;
    prev2[j] = 0;
  }
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = prev2;
    prev2 = prev;
    prev = row;
    row = done;
  }
  return prev[n]!;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * A list of candidates prepared once (a catalog's names are searched once per unknown name): in
 * lower case, their lengths, and a signature of the characters each holds (bit `code % 32`).
 */
interface Prepared {
  lowered: string[];
  lengths: Int32Array;
  loweredLengths: Int32Array;
  signatures: Int32Array;
}

const prepared = new WeakMap<readonly string[], Prepared>();

function signature(s: string): number {
  let sig = 0;
  for (let i = 0; i < s.length; i++) sig |= 1 << (s.charCodeAt(i) & 31);
  return sig;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function prepare(candidates: readonly string[]): Prepared {
  let p = prepared.get(candidates);
  if (!p) {
    const lowered = candidates.map((c) => c.toLowerCase());
    p = {
      lowered,
      lengths: Int32Array.from(candidates, (c) => c.length),
      loweredLengths: Int32Array.from(lowered, (c) => c.length),
      signatures: Int32Array.from(lowered, signature),
    };
    prepared.set(candidates, p);
  }
  return p;
}

/**
 * The closest candidate, when it is close enough to be what the author meant (the first of equals).
 * Candidates that cannot be within the limit are skipped before the distance is computed: by their
 * length, and by their characters (an edit changes which characters a string holds by at most two,
 * so two signatures differing in k bits are at least k/2 edits apart). Both bounds are exact, so
 * the answer is the one the distance alone gives; a catalog's did-you-means mostly skip.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const sig = signature(needle);
  let best: string | undefined;
  let bestScore = Infinity;
  const { lowered, lengths, loweredLengths, signatures } = prepare(candidates);
  for (let i = 0; i < candidates.length; i++) {
    const limit = Math.min(Math.max(1, Math.floor(Math.max(input.length, lengths[i]!) / 3)), bestScore - 1);
    if (limit < 0) break;
    if (Math.abs(needle.length - loweredLengths[i]!) > limit || popcount(sig ^ signatures[i]!) > 2 * limit) continue;
    const score = editDistance(needle, lowered[i]!, limit);
    if (score <= limit) {
      best = candidates[i];
      bestScore = score;
    }
  }
  return best;
}
