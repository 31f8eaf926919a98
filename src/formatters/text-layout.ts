// Terminal text layout: display width (wide East Asian characters take two columns, combining
// marks none), truncation with an ellipsis, padding and word wrap. Every line the report prints
// goes through these, so that it never runs past the width it was given.

const ZERO_WIDTH: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f],
  [0x0e31, 0x0e31], [0x0e34, 0x0e3a], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x200b, 0x200f],
  [0x20d0, 0x20ff], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f], [0xfeff, 0xfeff], [0xe0100, 0xe01ef],
];

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x18aff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f2ff], [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x3fffd],
];

const inRanges = (cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean => {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid] as readonly [number, number];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
};

export function charWidth(cp: number): number {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  if (inRanges(cp, ZERO_WIDTH)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Columns the text takes in a terminal (ANSI-free text; the report escapes control characters first). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) as number);
  return w;
}

/** The text cut to `width` columns, ending with `ellipsis` when it was cut. */
export function truncate(text: string, width: number, ellipsis: string): string {
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room <= 0) return ellipsis.slice(0, Math.max(0, width));
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0) as number);
    if (w + cw > room) break;
    out += ch;
    w += cw;
  }
  return out + ellipsis;
}

export const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
export const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** Splits a word wider than `width` into pieces that fit. */
function hardSplit(word: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  let w = 0;
  for (const ch of word) {
    const cw = charWidth(ch.codePointAt(0) as number);
    if (w + cw > width && cur !== '') {
      out.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/**
 * Word-wraps `text` to `width` columns: the first line starts with `first`, the next ones with
 * `rest`. Spaces between words are kept (columns stay apart), except where a line breaks. Words
 * longer than a line (paths, URLs) are split where the line ends.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let lineWidth = displayWidth(first);
  let empty = true;
  const room = Math.max(1, width - Math.max(displayWidth(first), displayWidth(rest)));
  const push = (): void => {
    lines.push(line);
    line = rest;
    lineWidth = displayWidth(rest);
    empty = true;
  };
  const tokens = text.split(/( +)/);
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i] as string;
    if (word === '') continue;
    const gap = i > 0 ? (tokens[i - 1] as string) : ' ';
    const ww = displayWidth(word);
    if (!empty && lineWidth + gap.length + ww <= width) {
      line += gap + word;
      lineWidth += gap.length + ww;
      continue;
    }
    if (!empty) push();
    const pieces = ww <= width - lineWidth ? [word] : hardSplit(word, room);
    pieces.forEach((piece, j) => {
      if (j > 0) push();
      line += piece;
      lineWidth += displayWidth(piece);
      empty = false;
    });
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replace(/ +$/, ''));
}

/**
 * The text cut in the middle to `width` columns: names that share a prefix (`payments-…`) stay
 * told apart by their ends (`payments-gat…-eu-west`).
 */
export function truncateMiddle(text: string, width: number, ellipsis: string): string {
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room < 4) return truncate(text, width, ellipsis);
  const chars = [...text];
  const take = (list: string[], max: number): string[] => {
    const out: string[] = [];
    let w = 0;
    for (const ch of list) {
      const cw = charWidth(ch.codePointAt(0) as number);
      if (w + cw > max) break;
      out.push(ch);
      w += cw;
    }
    return out;
  };
  const head = take(chars, Math.ceil(room * 0.6));
  const headWidth = displayWidth(head.join(''));
  const tail = take([...chars].reverse(), room - headWidth).reverse();
  return head.join('') + ellipsis + tail.join('');
}
