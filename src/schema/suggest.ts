/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions: `targte` → `target`
 * is 1), giving up as soon as it must exceed `max` (then any value above `max` is returned). The
 * bound keeps a did-you-mean over a 10,000-service catalog linear instead of quadratic.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[n] as number;
}

/** How far a candidate may be from the input and still be what the author meant. */
const allowance = (input: string, candidate: string): number => Math.max(1, Math.floor(Math.max(input.length, candidate.length) / 3));

/** The closest candidate, when it is close enough to be what the author meant (the first of equals). */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const limit = Math.min(allowance(input, c), bestScore - 1);
    if (limit < 0) break;
    const score = editDistance(needle, c.toLowerCase(), limit);
    if (score <= limit) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
