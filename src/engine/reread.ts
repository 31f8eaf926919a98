// Reading a file again, to place a catalog finding at a pointer its rule did not declare (see
// `positions` in src/rules/types.ts). Rare by design: declared positions are kept while parsing.
import { resolve } from 'node:path';
import type { ParseLimits, ParsedDocument } from '../load/document.js';
import { decode } from '../load/decode.js';
import type { Locate } from '../load/locate.js';
import { readDocuments } from '../load/parse.js';
import { readBounded } from '../load/read.js';
import type { Service } from '../model/types.js';

/** Files kept parsed at once: catalog findings come grouped by rule, not by file. */
const KEEP = 32;

export class Rereader {
  private readonly parsed = new Map<string, ParsedDocument[] | undefined>();

  constructor(
    private readonly cwd: string,
    private readonly limits: ParseLimits & { maxFileSize: number },
    /**
     * Texts that are not (or not yet) on disk, under the names findings show: standard input, which
     * cannot be read again, or documents open in an editor.
     */
    private readonly texts?: ReadonlyMap<string, string | Uint8Array>,
  ) {}

  /** `locate` of the service's document as it is read now; undefined when it cannot be read or no longer holds the document. */
  locatorOf(service: Service): Locate | undefined {
    return this.documents(service.file)?.[service.doc]?.locate;
  }

  private documents(file: string): ParsedDocument[] | undefined {
    if (this.parsed.has(file)) return this.parsed.get(file);
    if (this.parsed.size >= KEEP) this.parsed.delete(this.parsed.keys().next().value as string);
    const docs = this.read(file);
    this.parsed.set(file, docs);
    return docs;
  }

  private read(file: string): ParsedDocument[] | undefined {
    try {
      const input = this.texts?.get(file) ?? readBounded(resolve(this.cwd, file), this.limits.maxFileSize);
      const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decode(input);
      // Stryker disable next-line ConditionalExpression: not taken, readDocuments throws on the missing text, and the catch below gives undefined alike.
      if (typeof text !== 'string' && !text.ok) return undefined;
      const docs = readDocuments(typeof text === 'string' ? text : text.text, this.limits);
      return Array.isArray(docs) ? docs : undefined;
    } catch {
      // Gone or changed since it was linted: the caller falls back to the nearest kept position.
    }
    return undefined;
  }
}
