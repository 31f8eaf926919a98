// --print-config <file>: the configuration in effect for one file, overrides resolved.
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { LoadedConfig } from '../config/load.js';
import type { SeveritySetting } from '../types.js';

export function printConfig(file: string, loaded: LoadedConfig, cwd: string, ignorePatterns: readonly string[]): string {
  const rel = relative(cwd, resolve(cwd, file)).split('\\').join('/');
  const { config } = loaded;
  const rules: Record<string, SeveritySetting> = { ...config.rules };
  const applied: number[] = [];
  config.overrides.forEach((o, i) => {
    if (!picomatch(o.files, { dot: true })(rel)) return;
    Object.assign(rules, o.rules);
    if (i < (loaded.user.overrides?.length ?? 0)) applied.push(i);
  });
  const ignore = [...config.ignore, ...ignorePatterns];
  const ignored = ignore.length > 0 && picomatch(ignore, { dot: true })(rel);
  const { overrides: _overrides, ...rest } = config;
  const out = {
    file: rel,
    configFile: loaded.file === null ? null : relative(cwd, loaded.file).split('\\').join('/') || loaded.file,
    presets: (loaded.presets ?? []).map((p) => relative(cwd, p).split('\\').join('/') || p),
    ignored,
    appliedOverrides: applied,
    ...rest,
    rules: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
