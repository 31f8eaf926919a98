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

/** How far a candidate may be from the input and still be what the author meant. */
const allowance = (input: string, candidate: string): number => Math.max(1, Math.floor(Math.max(input.length, candidate.length) / 3));

const lowerCache = new WeakMap<readonly string[], string[]>();

/** The candidates in lower case, once per list (a catalog's names are searched once per unknown name). */
function lowerCased(candidates: readonly string[]): string[] {
  let lowered = lowerCache.get(candidates);
  if (!lowered) {
    lowered = candidates.map((c) => c.toLowerCase());
    lowerCache.set(candidates, lowered);
  }
  return lowered;
}

/** The closest candidate, when it is close enough to be what the author meant (the first of equals). */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  const lowered = lowerCased(candidates);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const limit = Math.min(allowance(input, c), bestScore - 1);
    if (limit < 0) break;
    const score = editDistance(needle, lowered[i]!, limit);
    if (score <= limit) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
