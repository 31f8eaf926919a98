// Bytes → text. Strict: a byte that is not valid UTF-8 is a finding, never a silent U+FFFD.

/**
 * A failure's `offset` counts bytes into the file, or, when `text` is given (the bytes decoded but
 * hold a character YAML forbids), UTF-16 units into that text.
 */
export type Decoded = { ok: true; text: string } | { ok: false; message: string; offset: number; text?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

export function decode(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (bytes.length >= 4 && b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { ok: false, message: 'the file is UTF-32, which is not supported; save it as UTF-8', offset: 0 };
  }
  if (bytes.length >= 4 && b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { ok: false, message: 'the file is UTF-32, which is not supported; save it as UTF-8', offset: 0 };
  }
  const utf16 = b0 === 0xff && b1 === 0xfe ? utf16le : b0 === 0xfe && b1 === 0xff ? utf16be : undefined;
  let text: string;
  try {
    // TextDecoder drops a leading BOM of its own encoding.
    text = (utf16 ?? utf8).decode(bytes);
  } catch {
    if (utf16) {
      return { ok: false, message: 'the file starts with a UTF-16 byte order mark but is not valid UTF-16 (an odd length or a lone surrogate); save it as UTF-8', offset: 0 };
    }
    if (looksUtf16WithoutBom(bytes)) {
      return { ok: false, message: 'the file looks like UTF-16 without a byte order mark; save it as UTF-8, or as UTF-16 with a BOM', offset: 0 };
    }
    const offset = firstInvalidUtf8(bytes);
    if (looksBinary(bytes)) return { ok: false, message: 'not a text file: the file holds binary data, not YAML', offset: 0 };
    return {
      ok: false,
      message: `the file is not valid UTF-8 (invalid byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${offset}); save it as UTF-8, or as UTF-16 with a BOM`,
      offset,
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    if (!utf16 && looksUtf16WithoutBom(bytes)) {
      return { ok: false, message: 'the file looks like UTF-16 without a byte order mark; save it as UTF-8, or as UTF-16 with a BOM', offset: 0 };
    }
    return looksBinary(bytes)
      ? { ok: false, message: 'not a text file: the file holds binary data, not YAML', offset: 0 }
      : { ok: false, message: 'the file contains a NUL character, which YAML does not allow', offset: nul, text };
  }
  return { ok: true, text };
}

/** ASCII text saved as UTF-16 has a NUL in every other byte of its first characters. */
function looksUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 200) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) even++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) odd++;
  }
  return Math.max(even, odd) >= (n / 2) * 0.9;
}

/** A file with many NULs or other control bytes in its first kilobytes is binary, whatever its name. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) odd++;
  }
  // A stray NUL in a text file is reported at its place; binary data has many such bytes.
  return odd > Math.max(2, n * 0.05);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
