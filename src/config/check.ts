// Is a config what the schema and the rule registry allow? Problems come back as pointers, which
// the loader places at their line in the config file.
import { joinPointer, pointerToPath } from '../load/pointer.js';
import { RULES_BY_ID } from '../rules/index.js';
import { didYouMean } from '../schema/suggest.js';
import { validateAgainst } from '../schema/validate.js';
import { POLICY_ID_PATTERN } from './schema.js';

const POLICY_ID = new RegExp(POLICY_ID_PATTERN);

/** `unknown rule "x"; did you mean "y"? Supported rules are: …`: one wording for the config, --rule and explain. */
export function unknownRule(id: string, ids: readonly string[] = [...RULES_BY_ID.keys()]): string {
  const hint = didYouMean(id, ids);
  return `unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : '.'} Supported rules are: ${ids.join(', ')}`;
}

export interface ConfigProblem {
  pointer: string;
  at: 'key' | 'value';
  message: string;
}

/** Schema problems, then rule ids the registry does not know. */
export function checkConfig(value: unknown): ConfigProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ pointer: '', at: 'value', message: 'the config must be a mapping of keys such as extends, rules and overrides' }];
  }
  const problems: ConfigProblem[] = validateAgainst('config.schema.json', value, 'config').map((p) => ({
    pointer: p.pointer,
    at: p.at,
    message: p.pointer === '/limits/maxFileSize' ? sizeMessage(value) : p.message.replace(/^config: /, ''),
  }));
  const c = value as { rules?: unknown; overrides?: unknown };
  const checkRules = (rules: unknown, pointer: string): void => {
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return;
    for (const id of Object.keys(rules)) {
      if (RULES_BY_ID.has(id) || POLICY_ID.test(id)) continue;
      const at = joinPointer(pointer, id);
      // The schema knows the rule ids too; this message says more (did you mean, the supported ids).
      for (let i = problems.length - 1; i >= 0; i--) if ((problems[i] as ConfigProblem).pointer === at) problems.splice(i, 1);
      problems.push({ pointer: at, at: 'key', message: `${pointerToPath(pointer)}: ${unknownRule(id)}` });
    }
  };
  checkRules(c.rules, '/rules');
  if (Array.isArray(c.overrides)) c.overrides.forEach((o, i) => checkRules((o as { rules?: unknown } | null)?.rules, `/overrides/${i}/rules`));
  return problems;
}

function sizeMessage(config: object): string {
  const v = (config as { limits?: { maxFileSize?: unknown } }).limits?.maxFileSize;
  return `limits.maxFileSize must be a size such as "10MiB", "512KB" or a whole number of bytes (got ${JSON.stringify(v)})`;
}
