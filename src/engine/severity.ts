import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/types.js';
import type { Finding, Severity, SeveritySetting, Tier } from '../types.js';
import { rulesInEffect } from '../policies/index.js';
import { makeFinding, type FindingInput } from './finding.js';

const RAISE: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };
const matchers = new WeakMap<ResolvedConfig, Array<(file: string) => boolean>>();

function overrideMatchers(config: ResolvedConfig): Array<(file: string) => boolean> {
  let m = matchers.get(config);
  // Stryker disable next-line ConditionalExpression: building the matchers again gives the same ones (this is a cache).
  if (!m) {
    m = config.overrides.map((o) => picomatch(o.files, { dot: true }));
    matchers.set(config, m);
  }
  return m;
}

/**
 * The severity of a rule for one file and tier: the last matching `overrides` entry, else
 * `rules`, else the rule's (tier-dependent) default raised by the `strict` preset; a policy written
 * with `severity: off` is off until `rules` or `overrides` turn it on.
 */
export function severityFor(ruleId: string, file: string | null, tier: Tier | null, config: ResolvedConfig): SeveritySetting {
  let setting: SeveritySetting | undefined = config.rules[ruleId];
  if (file !== null) {
    const m = overrideMatchers(config);
    config.overrides.forEach((o, i) => {
      const s = o.rules[ruleId];
      if (s !== undefined && (m[i] as (f: string) => boolean)(file)) setting = s;
    });
  }
  if (setting !== undefined) return setting;
  const meta = rulesInEffect(config).byId.get(ruleId)?.meta;
  if (!meta) return 'error';
  if (meta.defaultOff) return 'off';
  const base = (tier && meta.tierSeverity?.[tier]) ?? meta.severity;
  return config.extends === 'strict' ? RAISE[base] : base;
}

/**
 * A finding at the severity config gives its rule for this file and tier. Callers skip rules that
 * are off; a finding made anyway (a file-level one of a rule turned off) is kept as info.
 */
export function configuredFinding(input: Omit<FindingInput, 'severity'>, tier: Tier | null, config: ResolvedConfig): Finding {
  const severity = severityFor(input.ruleId, input.file, tier, config);
  return makeFinding({ ...input, severity: severity === 'off' ? 'info' : severity });
}
