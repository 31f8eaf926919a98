// The two readers without the preflight in front of `yaml`: what tests of the scanner, the walker
// and positions need to reach each reader directly (src/load/parse.ts `readDocuments` is the product's path).
import type { ParseLimits, ParsedDocument } from '../../src/load/document.js';
import { parseWithYaml, readWithScanner } from '../../src/load/parse.js';

/** The scanner's documents when it reads the text, else `yaml`'s. */
export function parseDocuments(text: string, limits: ParseLimits): ParsedDocument[] {
  return readWithScanner(text, limits) ?? parseWithYaml(text, limits);
}
