// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Values from files are carried
// exactly (JSON escaping only); GitHub's requirements: a tool version, unique rule ids, a
// fullDescription and help for every rule, one location with a repository-relative uri per result.
import { docsUrl } from '../docs/url.js';
import { RULES } from '../rules/index.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../lint-types.js';
import { ServicesByDocument } from '../model/documents.js';
import { formatDay, parseDay } from '../model/units.js';
import { waiverFor } from '../model/waiver.js';
import type { Finding, Severity } from '../types.js';
import type { FormatContext, Formatter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/warranty-lint/warranty-lint';
/** The key of our stable fingerprint in `partialFingerprints` (versioned, as the SARIF spec advises). */
export const FINGERPRINT_KEY = 'warrantyLintFingerprint/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** `warranty-area-missing` → `WarrantyAreaMissing` (SARIF's `name` is an identifier-like label). */
const ruleName = (id: string): string => id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());

/** A path as a relative URI: each segment percent-encoded as a URI needs. */
export function toUri(file: string): string {
  return file
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * Where a file is for code scanning: relative to the repository root (%SRCROOT%), not to the
 * directory the linter ran in, so that a run in `infra/catalog/` still annotates
 * `infra/catalog/services/a.yaml`. A file outside the root keeps its absolute file URI.
 */
function locationOf(file: string, ctx: FormatContext): { uri: string; uriBaseId?: string } {
  const root = ctx.root ?? ctx.cwd;
  const abs = resolve(ctx.cwd, file);
  const rel = relative(root, abs);
  // Outside: a first segment `..` (not a name that starts with two dots, such as `..hidden.yaml`).
  if (rel.split(sep)[0] === '..' || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: toUri(rel.split(sep).join('/')), uriBaseId: '%SRCROOT%' };
}

export const sarif: Formatter = (result, ctx) => {
  // The rules in effect: the built-in ones and the config's policies, so that code scanning shows a policy's help too.
  const rules = (result.rules ?? RULES.map((r) => r.meta)).map((m) => {
    const url = docsUrl(m.id);
    return {
      id: m.id,
      name: ruleName(m.id),
      shortDescription: { text: m.description },
      fullDescription: { text: m.rationale },
      help: {
        text: `${m.remediation}\n\n${m.rationale}\n\nMore: ${url}`,
        markdown: `**How to fix:** ${m.remediation}\n\n**Why it matters:** ${m.rationale}\n\n${m.policy ? `[how policies work](${url})` : `[${m.id} in the rules reference](${url})`}`,
      },
      helpUri: url,
      defaultConfiguration: m.defaultOff ? { enabled: false, level: LEVEL[m.severity] } : { level: LEVEL[m.severity] },
      properties: { tags: ['warranty', ...(m.policy ? ['policy'] : []), ...(m.area ? [m.area] : [])] },
    };
  });
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // GitHub rejects a result without a location: portfolio findings (no file) are placed on the
  // first file read, at its top, and say that they are about the portfolio.
  const portfolioFile = result.files[0] ?? null;
  const justify = justification(result, ctx);
  const results = result.findings.map((f) => toResult(f, index.get(f.ruleId), portfolioFile, ctx, justify));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'warranty-lint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': { uri: `${pathToFileURL(ctx.root ?? ctx.cwd).href.replace(/\/$/, '')}/`, description: { text: 'The root of the repository linted (where .git is); file uris are relative to it.' } },
        },
        results,
        // Columns count UTF-16 code units (src/load/lines.ts), which is also GitHub's default.
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** Why a waived finding is waived: the waiver's reason, approver and expiry, as an auditor reads them in code scanning. */
function justification(result: LintResult, ctx: FormatContext): (f: Finding) => string {
  const documents = new ServicesByDocument(result.services);
  const today = parseDay(result.today) ?? 0;
  return (f) => {
    const service = documents.of(f);
    const w = service ? waiverFor(service, f, today, ctx.waiverMaxDays ?? 180) : undefined;
    if (!w) return 'Waived by a waiver in the service definition (spec.waivers).';
    // Stryker disable next-line ConditionalExpression,StringLiteral: waiverFor returns only a waiver in force, which has an expiry (waiverInForce).
    const expires = w.expires === undefined ? '' : ` until ${formatDay(w.expires)} (${w.expires - today} day${w.expires - today === 1 ? '' : 's'} left)`;
    return `Waived${expires} by ${w.approvedBy ?? 'an unnamed approver'}: ${w.reason ?? 'no reason given'}`;
  };
}

function toResult(f: Finding, ruleIndex: number | undefined, portfolioFile: string | null, ctx: FormatContext, justify: (f: Finding) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    // JSON.stringify leaves out an undefined index (a rule not in the list).
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
  };
  const file = f.file ?? portfolioFile;
  if (file !== null) {
    const physicalLocation: Record<string, unknown> = { artifactLocation: locationOf(file, ctx) };
    if (f.file !== null && f.line !== null) {
      const startColumn = f.column ?? 1;
      const endLine = Math.max(f.endLine ?? f.line, f.line);
      const endColumn = endLine === f.line ? Math.max(f.endColumn ?? startColumn, startColumn) : (f.endColumn ?? 1);
      physicalLocation.region = { startLine: f.line, startColumn, endLine, endColumn };
    } else {
      physicalLocation.region = { startLine: 1 };
    }
    out.locations = [{ physicalLocation }];
  }
  out.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  const properties: Record<string, unknown> = {};
  if (f.service !== null) properties.service = f.service;
  if (f.area !== null) properties.area = f.area;
  if (f.pointer !== null) properties.pointer = f.pointer;
  if (f.file === null) properties.portfolio = true;
  if (Object.keys(properties).length > 0) out.properties = properties;
  if (f.waived) out.suppressions = [{ kind: 'inSource', justification: justify(f) }];
  return out;
}
