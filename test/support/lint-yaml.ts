import { resolveConfig, type UserConfig } from '../../src/config/resolve.js';
import { finishFiles, todayFrom, type LintResult } from '../../src/engine/lint.js';
import { lintText } from '../../src/engine/process-file.js';
import type { Finding } from '../../src/types.js';

export interface YamlFile {
  file: string;
  text: string;
}

/**
 * Lints in-memory YAML through the real pipeline (parse, schema, model, rules, catalog, waivers)
 * without touching the disk. Pass one string, or several files for cross-service rules. Files are
 * placed relative to `cwd` (default: the working directory): evidence they name is looked for there.
 */
export function lintYaml(input: string | YamlFile[], options: { now?: string; config?: UserConfig; explicit?: boolean; cwd?: string } = {}): LintResult {
  const files = typeof input === 'string' ? [{ file: 'test.yaml', text: input }] : input;
  const config = resolveConfig(options.config ?? {});
  const now = options.now ?? '2026-11-26';
  const { day, iso } = todayFrom(now);
  const results = files.map((f) => lintText(f.text, { path: f.file, file: f.file, explicit: options.explicit ?? true }, { config, today: day, cwd: options.cwd }));
  return finishFiles(results, { cwd: process.cwd(), config }, day, iso);
}

/** The findings of one rule, as `[line, column, pointer]` triples for compact assertions. */
export function positionsOf(result: LintResult, ruleId: string): Array<[number | null, number | null, string | null]> {
  return result.findings.filter((f) => f.ruleId === ruleId).map((f) => [f.line, f.column, f.pointer]);
}

export function rulesOf(result: LintResult): string[] {
  return result.findings.map((f: Finding) => f.ruleId);
}

/** A complete, clean low-tier service; tests change one thing at a time. */
export const CLEAN_LOW = `apiVersion: warranty-lint/v1
kind: Service
metadata:
  name: search
  owner: team-search
  tier: low
  lifecycleStage: design
spec:
  warranty:
    availability:
      target: 99.0
      window: 30d
      serviceHours: 24x7
    capacity:
      peak: { value: 50, unit: rps }
      forecast: { growthPercentPerYear: 10, horizonMonths: 12 }
    continuity:
      rto: 6h
      rpo: 12h
      recoveryOption: backup-restore
    security:
      classification: internal
      dataTypes: [none]
      controls: [authn, rbac, encryption-in-transit]
`;
