// lintFileCached: a file unchanged since the last run (by its stamp, else by its content's hash)
// comes from the cache; anything else is linted and, when its content alone keys its result, kept.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { contentHash, lintFileCached, stampOf } from '../../src/engine/cache.js';
import type { FileCache, FileResult, FileStamp } from '../../src/lint-types.js';
import { CLEAN_LOW } from '../support/lint-yaml.js';

const root = mkdtempSync(join(tmpdir(), 'wl-cache-unit-'));
mkdirSync(join(root, '.git'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Call = [string, ...unknown[]];
/** A cache that answers as told and records every call. */
function cache(answers: { unchanged?: FileResult; get?: FileResult } = {}): FileCache & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    unchanged: (file, stamp, explicit) => (calls.push(['unchanged', file, stamp, explicit]), answers.unchanged),
    get: (file, key, explicit, stamp) => (calls.push(['get', file, key, explicit, stamp]), answers.get),
    set: (file, key, explicit, stamp, result) => void calls.push(['set', file, key, explicit, stamp, result]),
  };
}
const canned = (file: string): FileResult => ({ file, findings: [], services: [], brokenDocuments: 7 });

function lintIn(file: string, text: string | null, c: FileCache, maxFileSize?: string) {
  if (text !== null) writeFileSync(join(root, file), text);
  const config = resolveConfig(maxFileSize ? ({ limits: { maxFileSize } } as never) : {});
  return lintFileCached({ path: join(root, file), file, explicit: true }, { config, today: 20_000, cwd: root }, c);
}

describe('contentHash', () => {
  it('is the SHA-1 of the bytes, in hex', () => {
    expect(contentHash(new Uint8Array())).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    const bytes = new TextEncoder().encode(CLEAN_LOW);
    expect(contentHash(bytes)).toBe(createHash('sha1').update(bytes).digest('hex'));
  });
});

describe('stampOf', () => {
  it("holds a regular file's size, times, inode and device, and its change time", () => {
    writeFileSync(join(root, 'stamped.yaml'), 'abc');
    const st = statSync(join(root, 'stamped.yaml'));
    expect(stampOf(join(root, 'stamped.yaml'))).toEqual({ key: `3:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${st.dev}`, changedAt: st.ctimeMs });
  });

  it('is undefined for a folder or a file that is not there', () => {
    expect(stampOf(root)).toBeUndefined();
    expect(stampOf(join(root, 'nothing.yaml'))).toBeUndefined();
  });
});

describe('lintFileCached', () => {
  it('lints a file that cannot be seen without asking the cache', () => {
    const c = cache({ unchanged: canned('gone.yaml'), get: canned('gone.yaml') });
    const r = lintIn('gone.yaml', null, c);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['file-unreadable']);
    expect(c.calls).toEqual([]);
  });

  it('gives the result kept for an unchanged stamp, without reading the file', () => {
    const kept = canned('same.yaml');
    const c = cache({ unchanged: kept });
    expect(lintIn('same.yaml', 'not: [valid', c)).toBe(kept);
    const stamp = stampOf(join(root, 'same.yaml'));
    expect(c.calls).toEqual([['unchanged', 'same.yaml', stamp, true]]);
  });

  it("gives the result kept for the file's content, by its hash", () => {
    const kept = canned('hit.yaml');
    const c = cache({ get: kept });
    expect(lintIn('hit.yaml', CLEAN_LOW, c)).toBe(kept);
    const stamp = stampOf(join(root, 'hit.yaml'));
    expect(c.calls).toEqual([
      ['unchanged', 'hit.yaml', stamp, true],
      ['get', 'hit.yaml', contentHash(new TextEncoder().encode(CLEAN_LOW)), true, stamp],
    ]);
  });

  it('lints a file it cannot read (over the size limit) as without a cache, and keeps nothing', () => {
    const c = cache({ get: canned('big.yaml') });
    const r = lintIn('big.yaml', CLEAN_LOW, c, '100B');
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringContaining('over the 100 bytes limit (limits.maxFileSize)')]);
    expect(c.calls.map(([kind]) => kind)).toEqual(['unchanged']);
  });

  it('lints a file the cache does not hold and keeps the result under its hash and stamp', () => {
    const c = cache();
    const r = lintIn('new.yaml', CLEAN_LOW, c);
    expect(r.services.map((s) => s.name)).toEqual(['search']);
    const stamp = stampOf(join(root, 'new.yaml')) as FileStamp;
    expect(c.calls.at(-1)).toEqual(['set', 'new.yaml', contentHash(new TextEncoder().encode(CLEAN_LOW)), true, stamp, r]);
  });

  it('keeps a result whose evidence is a link or a file: URL, and not one that names a file of the repository', () => {
    const withPlan = (plan: string) => CLEAN_LOW.replace('recoveryOption: backup-restore', `recoveryOption: backup-restore\n      plan: ${plan}`);
    const kept = (file: string, plan: string) => {
      const c = cache();
      const r = lintIn(file, withPlan(plan), c);
      return [r.services[0]?.evidence?.map((e) => e.status), c.calls.some(([kind]) => kind === 'set')];
    };
    expect(kept('url.yaml', 'https://wiki.example.com/dr')).toEqual([['url'], true]);
    expect(kept('fileurl.yaml', 'file:///srv/dr.md')).toEqual([['file-url'], true]);
    expect(kept('missing.yaml', 'docs/dr.md')).toEqual([['missing'], false]);
    writeFileSync(join(root, 'dr.md'), '# DR\n');
    expect(kept('exists.yaml', 'dr.md')).toEqual([['exists'], false]);
    expect(kept('outside.yaml', '../../elsewhere/dr.md')).toEqual([['outside'], false]);
  });

  it('keeps a definition whose evidence was not looked up (evidence-missing off), and not a file of which any service names a file', () => {
    const withPlan = CLEAN_LOW.replace('recoveryOption: backup-restore', 'recoveryOption: backup-restore\n      plan: docs/dr.md');
    const off = cache();
    writeFileSync(join(root, 'off.yaml'), withPlan);
    const r = lintFileCached({ path: join(root, 'off.yaml'), file: 'off.yaml', explicit: true }, { config: resolveConfig({ rules: { 'evidence-missing': 'off' } }), today: 20_000, cwd: root }, off);
    expect(r.services[0]?.evidence).toBeUndefined();
    expect(off.calls.some(([kind]) => kind === 'set')).toBe(true);
    const two = cache();
    lintIn('two.yaml', `${CLEAN_LOW.replace('name: search', 'name: other')}---\n${withPlan}`, two);
    expect(two.calls.some(([kind]) => kind === 'set')).toBe(false);
  });

  it('does not keep a file of SLOs', () => {
    const c = cache();
    const r = lintIn('slo.yaml', 'version: prometheus/v1\nservice: search\nslos: [{ name: availability, objective: 99 }]\n', c);
    expect(r.slos).toHaveLength(1);
    expect(c.calls.map(([kind]) => kind)).toEqual(['unchanged', 'get']);
  });
});
