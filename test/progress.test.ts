import { describe, expect, it } from 'vitest';
import { createProgress, progressAllowed, progressLine, type ProgressContext } from '../src/cli/progress.js';

const tty: ProgressContext = { stderrIsTTY: true, env: {}, quiet: false, stdoutFormats: ['stylish'] };

describe('when progress shows', () => {
  it('shows on an interactive terminal with a human format', () => {
    expect(progressAllowed(tty)).toBe(true);
    expect(progressAllowed({ ...tty, stdoutFormats: [] })).toBe(true);
    expect(progressAllowed({ ...tty, env: { CI: 'false' } })).toBe(true);
  });

  it('never when stderr is not a terminal', () => {
    expect(progressAllowed({ ...tty, stderrIsTTY: false })).toBe(false);
  });

  it('never in CI', () => {
    expect(progressAllowed({ ...tty, env: { CI: 'true' } })).toBe(false);
    expect(progressAllowed({ ...tty, env: { CI: '1' } })).toBe(false);
    expect(progressAllowed({ ...tty, env: { GITHUB_ACTIONS: 'true' } })).toBe(false);
    expect(progressAllowed({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('never with --quiet', () => {
    expect(progressAllowed({ ...tty, quiet: true })).toBe(false);
  });

  it('never with a machine format on stdout, but still when it goes to a file', () => {
    for (const f of ['json', 'sarif', 'junit', 'github']) expect(progressAllowed({ ...tty, stdoutFormats: [f] })).toBe(false);
    expect(progressAllowed({ ...tty, stdoutFormats: ['stylish', 'json'] })).toBe(false);
    expect(progressAllowed({ ...tty, stdoutFormats: ['report'] })).toBe(true);
  });
});

describe('the progress display', () => {
  const clock = (): { now: () => number; set: (t: number) => void } => {
    let t = 0;
    return { now: () => t, set: (v) => (t = v) };
  };

  it('draws nothing in the first second, then redraws in place, throttled, and clears', () => {
    const c = clock();
    const out: string[] = [];
    const p = createProgress((s) => out.push(s), { now: c.now, delayMs: 1000, intervalMs: 100 });
    p.update({ done: 1, total: 10, services: 1 });
    c.set(999);
    p.update({ done: 2, total: 10, services: 2 });
    expect(out).toEqual([]);
    c.set(1000);
    p.update({ done: 3, total: 10, services: 4 });
    c.set(1050);
    p.update({ done: 4, total: 10, services: 5 });
    c.set(1100);
    p.update({ done: 5, total: 10, services: 6 });
    expect(out).toEqual(['\r\u001b[2Kfiles 3/10 (4 services found)', '\r\u001b[2Kfiles 5/10 (6 services found)']);
    c.set(1120);
    p.update({ done: 10, total: 10, services: 11 });
    expect(out[2]).toBe('\r\u001b[2Kfiles 10/10 (11 services found)');
    p.clear();
    expect(out[3]).toBe('\r\u001b[2K');
    expect(out).toHaveLength(4);
  });

  it('clears nothing when it never drew (a short run leaves no trace)', () => {
    const c = clock();
    const out: string[] = [];
    const p = createProgress((s) => out.push(s), { now: c.now, delayMs: 1000, intervalMs: 100 });
    p.update({ done: 1, total: 1, services: 1 });
    p.clear();
    expect(out).toEqual([]);
  });

  it('says service once', () => {
    expect(progressLine({ done: 1, total: 2, services: 1 })).toBe('files 1/2 (1 service found)');
  });
});
