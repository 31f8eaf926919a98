// One SLO document (OpenSLO, Sloth): the parts the rules read are checked against the format's
// schema, and its objectives are kept with their positions for the catalog rules, which run after
// the document is gone. The document is not a service: its findings belong to no service.
import type { Finding } from '../types.js';
import type { ParsedDocument } from '../load/document.js';
import type { Slo, SloFormat } from '../model/slo/index.js';
import { validateAgainst } from '../schema/validate.js';
import type { FileOptions } from './lint-service.js';
import { configuredFinding } from './severity.js';

export function lintSloDocument(doc: ParsedDocument, format: SloFormat, file: string, options: FileOptions): { slos: Slo[]; findings: Finding[] } {
  const value = doc.value as Record<string, unknown>;
  const problems = validateAgainst(format.schema, value, format.subject(value));
  const findings = problems.map((p) =>
    configuredFinding({ ruleId: 'schema', message: p.message, file, range: doc.locate(p.pointer, p.at), service: null, area: null, pointer: p.pointer, document: doc.index }, null, options.config),
  );
  // A value the schema reported is not compared: its one finding is the schema's.
  const spoiled = (pointer: string): boolean => problems.some((p) => pointer === p.spoils || pointer.startsWith(`${p.spoils}/`) || p.spoils.startsWith(`${pointer}/`));
  // Stryker disable next-line Regex: spoils are pointers from the document's root, and a window refused whole (`/spec/timeWindow` itself) is not read anyway.
  const windowSpoiled = problems.some((p) => /^\/spec\/timeWindows?(\/|$)/.test(p.spoils));
  const slos = format.objectives(value).map((o): Slo => {
    const slo: Slo = { ...o, file, doc: doc.index, format: format.id, range: doc.locate(o.targetPointer) };
    if (spoiled(o.targetPointer)) delete slo.target;
    if (windowSpoiled) {
      delete slo.window;
      delete slo.windowText;
    }
    return slo;
  });
  return { slos, findings };
}
