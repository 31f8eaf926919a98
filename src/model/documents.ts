// Findings and services meet by document: the file and the document's index in it. A name cannot
// tie them (two documents may share one, and a document may have none).
import type { Service } from './types.js';

/** What a finding about a document carries: its file, and the 0-based index of the document in it. */
export interface DocumentRef {
  file: string | null;
  document: number | null;
  /** The document's file when `file` is another (a finding in a substituted file). */
  documentFile?: string;
}

export class ServicesByDocument {
  private readonly byKey = new Map<string, Service>();

  constructor(services: Iterable<Service>) {
    for (const s of services) this.byKey.set(key(s.file, s.doc), s);
  }

  /** The service a finding is about; undefined for findings about files, unparsable documents or the portfolio. */
  of(f: DocumentRef): Service | undefined {
    const file = f.documentFile ?? f.file;
    if (file === null) return undefined;
    // Stryker disable next-line ConditionalExpression: no service's index is null, so the key of a null index names none.
    if (f.document === null) return undefined;
    return this.byKey.get(key(file, f.document));
  }
}

const key = (file: string, doc: number): string => `${doc}\u0000${file}`;
