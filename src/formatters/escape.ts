// Text that comes from the linted files is printed with control characters escaped visibly, so a
// file cannot forge output lines, colours, hyperlinks or CI annotations (SPEC §8).

/**
 * C0 and C1 controls (ESC and CSI included, so no ANSI or OSC sequence survives; CR and LF, so no
 * line can be forged), DEL, the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, the "Trojan Source" characters), the bidi marks U+200E, U+200F and U+061C, and
 * the Unicode line and paragraph separators U+2028 and U+2029 that some viewers break lines at.
 */
const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code === 0x09) return '\\t';
  // Stryker disable next-line EqualityOperator: U+00FF is not in DANGEROUS, so `< 0xff` escapes the same characters.
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes what could change how output looks or is read, leaving all other text as it is. */
export function escapeText(text: string): string {
  return text.replace(DANGEROUS, visible);
}
