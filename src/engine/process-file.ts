// One file: read, decode, parse, and sort its documents into services (linted by lint-service.ts),
// other documents and problems. Never throws for anything the file contains.
import type { Finding, Range } from '../types.js';
import { decode } from '../load/decode.js';
import type { FileRef, SyntaxProblem } from '../load/document.js';
import { byteRange, FILE_START, offsetRange } from '../load/locate.js';
import { firstSyntaxProblem, readDocuments } from '../load/parse.js';
import { describeIoError, readBounded, readHead, TooLarge, tooLargeMessage } from '../load/read.js';
import { bytesHaveOurApiVersion, formatTitles, hasOurApiVersion, markersIn } from '../model/formats/index.js';
import { templatedPath, templateLine } from '../model/template.js';
import { sortDocuments, templateFinding, textTemplate, withSubstitutions, type SortedKind } from './file-documents.js';
import type { Service } from '../model/types.js';
import type { Slo } from '../model/slo/index.js';
import { lintSloDocument } from './slo-documents.js';
import type { FileResult } from '../lint-types.js';
import { configuredFinding } from './severity.js';
import { lintService, type FileOptions } from './lint-service.js';

export type { FileRef } from '../load/document.js';

export type { FileResult } from '../lint-types.js';

export type { FileOptions } from './lint-service.js';

const skipped = (ref: FileRef): FileResult => ({ file: ref.file, findings: [], services: [], brokenDocuments: 0 });
const only = (ref: FileRef, finding: Finding): FileResult => ({ file: ref.file, findings: [finding], services: [], brokenDocuments: 0 });

/**
 * Reads, decodes and lints one file. A file met while walking a directory with no document whose
 * top-level apiVersion is an input format's is someone else's YAML (Helm values and templates,
 * CI workflows, generated specs, a binary with a YAML name): it is skipped silently (SPEC §2),
 * also when it is too large, too deep or not UTF-8. So is an unrendered template.
 */
export function lintFile(ref: FileRef, options: FileOptions): FileResult {
  let bytes: Buffer;
  try {
    bytes = readBounded(ref.path, options.config.limits.maxFileSize);
  } catch (error) {
    if (error instanceof TooLarge) {
      if (!ref.explicit && !bytesHaveOurApiVersion(readHead(ref.path, 64 * 1024))) return skipped(ref);
      return only(ref, fileFinding('yaml-syntax', ref.file, error.message, options));
    }
    return only(ref, fileFinding('file-unreadable', ref.file, `cannot read ${ref.file}: ${describeIoError(error)}`, options));
  }
  return lintBytes(bytes, ref, options);
}

export function lintBytes(bytes: Uint8Array, ref: FileRef, options: FileOptions): FileResult {
  if (bytes.length > options.config.limits.maxFileSize) {
    return only(ref, fileFinding('yaml-syntax', ref.file, tooLargeMessage(bytes.length, options.config.limits.maxFileSize), options));
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    if (!ref.explicit && !bytesHaveOurApiVersion(bytes)) return skipped(ref);
    const range = decoded.text !== undefined ? offsetRange(decoded.text, decoded.offset) : byteRange(bytes, decoded.offset);
    return only(ref, fileFinding('yaml-syntax', ref.file, decoded.message, options, range));
  }
  return lintText(decoded.text, ref, options);
}

export function lintText(text: string, ref: FileRef, options: FileOptions): FileResult {
  const { config } = options;
  // Text that did not come through lintBytes (standard input) meets the size limit here.
  const limit = config.limits.maxFileSize;
  const size = text.length * 3 <= limit ? text.length : Buffer.byteLength(text, 'utf8');
  if (size > limit) return only(ref, fileFinding('yaml-syntax', ref.file, tooLargeMessage(size, limit), options));
  const read = readDocuments(text, config.limits);
  if (!Array.isArray(read)) {
    // A Sloth file holds `{{.window}}` in its queries by design: it is not an unrendered template.
    if (!ref.explicit) {
      const marks = markersIn(text);
      if ((!marks.service && !marks.slo) || (!marks.slo && templateLine(text) !== undefined)) return skipped(ref);
    }
    return only(ref, fileFinding('yaml-syntax', ref.file, read.message, options, offsetRange(text, read.offset)));
  }
  if (templatedPath(ref.file)) {
    return ref.explicit ? only(ref, fileFinding('input-skipped', ref.file, `${ref.file} is not linted: its path is an unrendered template (a folder or name holding {{ }}); lint what it renders.`, options)) : skipped(ref);
  }
  const docs = withSubstitutions(read, text, ref, options);
  const sorted = sortDocuments(docs, text, ref, options);
  const { kinds, facts } = sorted;
  const holdsService = kinds.some((k) => typeof k !== 'string' && k.kind === 'service');
  const holdsSlo = kinds.some((k) => typeof k !== 'string' && k.kind === 'slo');
  const broken = docs.filter((d) => d.syntax.length > 0);
  // Unrendered templates (scaffolder skeletons, cookiecutter, Helm) are not definitions: skipped in a
  // walk, one finding that says so when named. Sloth's queries hold `{{.window}}` by design.
  const template = holdsService || holdsSlo ? undefined : (sorted.template ?? (broken.length > 0 && !markersIn(text).slo ? textTemplate(text) : undefined));
  if (template !== undefined) {
    return ref.explicit ? only(ref, templateFinding(ref, template, options)) : skipped(ref);
  }
  // A file is ours by a top-level apiVersion of a format only: a `backstage.io/kubernetes-id` label
  // in a Helm template or a link to backstage.io is not.
  const ours = holdsSlo || kinds.some((k) => typeof k !== 'string' && (k.kind === 'service' || k.kind === 'other')) || hasOurApiVersion(text);
  const findings: Finding[] = [];
  const services: Service[] = [];
  const slos: Slo[] = [];
  let brokenDocuments = 0;

  docs.forEach((doc, i) => {
    const kind = kinds[i] as SortedKind;
    if (kind === 'broken') {
      brokenDocuments++;
      if (!ours && !(ref.explicit && doc.syntax.some((p) => p.refusal))) return;
      // One finding a broken document: later problems often follow from the first (its message says where they are).
      const p = firstSyntaxProblem(doc.syntax) as SyntaxProblem;
      findings.push(configuredFinding({ ruleId: 'yaml-syntax', message: p.message, file: ref.file, range: p.range, service: null, area: null, pointer: null, document: doc.index }, null, config));
      return;
    }
    if (kind === 'template') return;
    if (kind.kind === 'slo') {
      if (!kind.objectives) return;
      const result = lintSloDocument(doc, kind.slo, ref.file, options);
      for (const f of result.findings) findings.push(f);
      for (const s of result.slos) slos.push(s);
      return;
    }
    if (kind.kind === 'service') {
      const layout = kind.format.layout(doc.value as Record<string, unknown>, ref.file, doc.index, config);
      const result = lintService(doc, kind.format, layout, options, ref.path);
      for (const f of result.findings) findings.push(f); // not push(...): it overflows the stack on a flood
      services.push(result.service);
      return;
    }
    if (kind.kind === 'foreign' && holdsService) {
      const message = `document ${doc.index + 1} is ${describeValue(doc.value)}, not a service definition; a file that holds services may hold only services and Backstage entities`;
      findings.push(configuredFinding({ ruleId: 'schema', message, file: ref.file, range: doc.start, service: null, area: null, pointer: '', document: doc.index }, null, config));
    }
  });
  for (const f of sorted.findings) findings.push(f);

  // A file of SLOs is read as evidence of availability (availability-slo-mismatch): it holds no service, and says nothing wrong.
  if (!holdsService && !holdsSlo && ref.explicit && findings.length === 0) {
    // A file of another kind of entity of a format says so (Backstage: "no Component of a service type").
    const other = kinds.find((k): k is Exclude<SortedKind, string> => typeof k !== 'string' && k.kind === 'other');
    const first = broken[0]?.syntax[0];
    const why =
      first !== undefined
        ? `none of its documents is ${formatTitles()} (no top-level apiVersion of one), and line ${first.range.line} cannot be read: ${first.message}`
        : docs.length === 0 || kinds.every((k) => typeof k !== 'string' && k.kind === 'empty')
          ? 'it is empty or holds only comments'
          : other?.format
            ? other.format.whyNoService(config)
            : `none of its documents is ${formatTitles()}`;
    findings.push(fileFinding('no-service', ref.file, `${ref.file} holds no service definition: ${why}`, options));
  }
  const catalog = facts.entities.length + facts.locations.length + facts.skeletons.length > 0 ? { ...facts, explicit: ref.explicit } : undefined;
  const result: FileResult = catalog ? { file: ref.file, findings, services, brokenDocuments, catalog } : { file: ref.file, findings, services, brokenDocuments };
  // Even with no readable objective: a file of SLOs is read, not skipped (the report counts it so).
  if (holdsSlo) result.slos = slos;
  // Values read from other files (`$yaml: ./warranty.yaml`): the result depends on more than this file.
  if (docs.some((d, i) => d !== read[i])) result.readsOtherFiles = true;
  return result;
}

/** A foreign document's value: never null (an empty document is not foreign). */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a scalar (${JSON.stringify(String(value).slice(0, 40))})`;
}

/** A finding about a whole file (it cannot be read, parsed or holds no service). */
export function fileFinding(ruleId: string, file: string, message: string, options: FileOptions, range: Range = FILE_START): Finding {
  return configuredFinding({ ruleId, message, file, range, service: null, area: null, pointer: null, document: null }, null, options.config);
}
