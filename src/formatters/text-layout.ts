// Terminal text layout: display width (wide East Asian characters take two columns, combining
// marks none), truncation with an ellipsis, padding and word wrap. Every line the report prints
// goes through these, so that it never runs past the width it was given. Widths come from
// string-width, which follows Unicode's East Asian Width and emoji data as they change.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text as user-perceived characters with the columns each takes (string-width: East Asian
 * wide characters and emoji 2, combining marks and zero-width characters 0), so that cutting never
 * splits a character from its combining marks or an emoji sequence.
 */
function cells(text: string): Array<{ text: string; width: number }> {
  const out: Array<{ text: string; width: number }> = [];
  for (const { segment } of graphemes.segment(text)) out.push({ text: segment, width: stringWidth(segment) });
  return out;
}

/** Columns the text takes in a terminal (ANSI-free text; the report escapes control characters first). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The text cut to `width` columns, ending with `ellipsis` when it was cut. */
export function truncate(text: string, width: number, ellipsis: string): string {
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room <= 0) return ellipsis.slice(0, Math.max(0, width));
  let out = '';
  let w = 0;
  for (const c of cells(text)) {
    if (w + c.width > room) break;
    out += c.text;
    w += c.width;
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
  for (const c of cells(word)) {
    if (w + c.width > width && cur !== '') {
      out.push(cur);
      cur = '';
      w = 0;
    }
    cur += c.text;
    w += c.width;
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
    const ww = displayWidth(word);
    if (!empty) {
      // A word is on the line already, so this one has the spaces before it as its gap.
      const gap = tokens[i - 1] as string;
      if (lineWidth + gap.length + ww <= width) {
        line += gap + word;
        lineWidth += gap.length + ww;
        continue;
      }
      push();
    }
    const pieces = ww <= width - lineWidth ? [word] : hardSplit(word, room);
    pieces.forEach((piece, j) => {
      if (j > 0) push();
      line += piece;
      lineWidth += displayWidth(piece);
      empty = false;
    });
  }
  // The last line: it holds a word (each break is followed by one), or it is the only line.
  lines.push(line);
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
  const chars = cells(text);
  const take = (list: ReadonlyArray<{ text: string; width: number }>, max: number): string[] => {
    const out: string[] = [];
    let w = 0;
    for (const c of list) {
      if (w + c.width > max) break;
      out.push(c.text);
      w += c.width;
    }
    return out;
  };
  const head = take(chars, Math.ceil(room * 0.6));
  const headWidth = displayWidth(head.join(''));
  const tail = take([...chars].reverse(), room - headWidth).reverse();
  return head.join('') + ellipsis + tail.join('');
}
