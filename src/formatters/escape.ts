// Text that comes from the linted files is printed with control characters escaped visibly, so a
// file cannot forge output lines, colours or CI annotations (SPEC §8).

const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function hex(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code === 0x09) return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes C0/C1 controls (ESC included, so no ANSI or OSC sequence survives), CR/LF and bidi formatting characters. */
export function escapeText(text: string): string {
  return text.replace(DANGEROUS, hex);
}
