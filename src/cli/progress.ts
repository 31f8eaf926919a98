// Progress of a long run on an interactive terminal: `files 1234/10000 (1180 services)` on stderr,
// redrawn in place, cleared at the end. The engine only calls onProgress; this is the display.
import type { Progress } from '../engine/pool.js';

/** Formats that are read by programs: with one on stdout, stderr stays quiet too. */
const MACHINE_FORMATS = new Set(['json', 'sarif', 'junit', 'github']);
/** Variables set by common CI services (CI alone covers most). */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TF_BUILD', 'BUILDKITE', 'JENKINS_URL', 'TEAMCITY_VERSION'];

export interface ProgressContext {
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  quiet: boolean;
  /** The formats written to stdout (not to files). */
  stdoutFormats: readonly string[];
}

/** Whether a run may show progress: stderr is a terminal, not CI, not --quiet, no machine format on stdout. */
export function progressAllowed(ctx: ProgressContext): boolean {
  if (!ctx.stderrIsTTY || ctx.quiet) return false;
  if (ctx.env.TERM === 'dumb') return false;
  if (CI_VARIABLES.some((v) => ctx.env[v] !== undefined && ctx.env[v] !== '' && ctx.env[v] !== 'false' && ctx.env[v] !== '0')) return false;
  return !ctx.stdoutFormats.some((f) => MACHINE_FORMATS.has(f));
}

export interface ProgressDisplay {
  update(progress: Progress): void;
  /** Erases the line, if one was drawn. */
  clear(): void;
}

export interface ProgressTiming {
  now: () => number;
  /** Nothing is shown before the run has taken this long. */
  delayMs: number;
  /** At most one redraw per this many ms. */
  intervalMs: number;
}

const ERASE_LINE = '\r\u001b[2K';

export function progressLine(p: Progress): string {
  return `files ${p.done}/${p.total} (${p.services} service${p.services === 1 ? '' : 's'} found)`;
}

/** A display that draws only after `delayMs` and redraws at most every `intervalMs`. */
export function createProgress(write: (text: string) => void, timing: ProgressTiming = { now: Date.now, delayMs: 1000, intervalMs: 100 }): ProgressDisplay {
  const start = timing.now();
  let drawnAt: number | undefined;
  return {
    update(p) {
      const t = timing.now();
      if (t - start < timing.delayMs) return;
      if (drawnAt !== undefined && t - drawnAt < timing.intervalMs && p.done < p.total) return;
      drawnAt = t;
      write(ERASE_LINE + progressLine(p));
    },
    clear() {
      if (drawnAt !== undefined) write(ERASE_LINE);
      drawnAt = undefined;
    },
  };
}
