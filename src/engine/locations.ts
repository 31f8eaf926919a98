// After the files named or found are linted: the files their Backstage Locations point at, and the
// template skeletons their software Templates render. A root `catalog-info.yaml` that is a Location
// is how a repository lists its entities, so naming it lints them; a Template's skeleton folder
// holds unrendered files, so they are left out of a walk.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Finding } from '../types.js';
import type { FileRef } from '../load/document.js';
import { discover, displayPath, isGlob } from '../load/discover.js';
import { FILE_START } from '../load/locate.js';
import { inside, real, repositoryRoot } from '../load/repository.js';
import type { KeptFile } from './compact.js';
import type { FileCatalog } from '../lint-types.js';
import { targetFinding } from './file-documents.js';
import type { FileOptions } from './lint-service.js';
import { configuredFinding } from './severity.js';

/** Rounds of Locations that point at Locations, at most. */
const MAX_ROUNDS = 16;

/**
 * Lints the files that Locations point at (relative files and globs inside the repository), and
 * those they point at in turn, each once; appends their results to `results`. A target that is not
 * followed gets an `input-skipped` finding when its Location's file was named explicitly.
 */
export async function followLocations(results: KeptFile[], refs: readonly FileRef[], cwd: string, ignore: readonly string[], options: FileOptions, lintRefs: (refs: FileRef[]) => Promise<KeptFile[]>): Promise<void> {
  // A shortcut: with no Location, no path is resolved (real()) at all.
  // Stryker disable next-line MethodExpression,EqualityOperator: a file with no Location to follow adds nothing to a round.
  let pending = results.filter((r) => (r.catalog?.locations.length ?? 0) > 0);
  // Stryker disable next-line ConditionalExpression: with nothing pending the first round finds nothing to lint, and stops.
  if (pending.length === 0) return;
  const linted = new Set(refs.map((r) => real(r.path)));
  // Which file named explicitly each followed file was reached from.
  const origin = new Map<string, KeptFile>();
  const reached = new Map<KeptFile, number>();
  const rootOf = (r: KeptFile, catalog: FileCatalog): KeptFile | undefined => (catalog.explicit ? r : origin.get(r.file));
  // A round with nothing pending finds nothing to lint, and stops the rounds.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next: FileRef[] = [];
    const from = new Map<string, KeptFile | undefined>();
    for (const r of pending) {
      // Pending files are those with Locations.
      const catalog = r.catalog as FileCatalog;
      const root = repositoryRoot(r.file, cwd);
      const skip = (target: string, why: string, at: (typeof catalog.locations)[number]): void => {
        if (catalog.explicit) r.findings.push(targetFinding(r.file, target, why, at.pointer, at.document, at.range, options));
      };
      for (const loc of catalog.locations) {
        const abs = resolve(cwd, dirname(r.file), loc.target);
        if (!inside(root, real(isGlob(loc.target) ? dirname(abs) : abs))) {
          skip(loc.target, `it is outside the repository (${root})`, loc);
          continue;
        }
        const found = targetFiles(abs, isGlob(loc.target), cwd, ignore);
        if (typeof found === 'string') {
          skip(loc.target, found, loc);
          continue;
        }
        for (const path of found) {
          const p = real(path);
          if (!inside(root, p)) {
            skip(loc.target, `${displayPath(path, cwd)} is outside the repository (${root})`, loc);
            continue;
          }
          if (linted.has(p)) continue;
          linted.add(p);
          const file = displayPath(path, cwd);
          from.set(file, rootOf(r, catalog));
          next.push({ path, file, explicit: false });
        }
      }
    }
    if (next.length === 0) break;
    // Each file is in `next` once.
    next.sort((a, b) => (a.file < b.file ? -1 : 1));
    const done = await lintRefs(next);
    for (const d of done) {
      results.push(d);
      const root = from.get(d.file);
      // Stryker disable next-line ConditionalExpression: a file reached from no named Location has no origin either way, and a count under no Location is never read.
      if (!root) continue;
      origin.set(d.file, root);
      reached.set(root, (reached.get(root) ?? 0) + d.services.length);
    }
    // Stryker disable next-line MethodExpression,EqualityOperator: a file with no Location to follow adds nothing to a round.
    pending = done.filter((d) => (d.catalog?.locations.length ?? 0) > 0);
  }
  // A Location named explicitly holds no service itself, but lists files that do: not `no-service`.
  for (const r of results) {
    if (r.catalog?.explicit && (reached.get(r) ?? 0) > 0) r.findings = r.findings.filter((f) => f.ruleId !== 'no-service');
  }
}

/** The files a target names, or why there are none. */
function targetFiles(abs: string, glob: boolean, cwd: string, ignore: readonly string[]): string[] | string {
  if (glob) {
    // Stryker disable next-line StringLiteral: a Windows separator; on POSIX the glob holds none to replace.
    const found = discover([abs.split('\\').join('/')], cwd, ignore);
    return found.files.length > 0 ? found.files.map((f) => f.path) : 'it matches no file';
  }
  try {
    const st = statSync(abs);
    return st.isFile() ? [abs] : 'it is not a file';
  } catch {
    return 'there is no such file';
  }
}

/** A software Template's skeleton (a folder or a file it renders) and the file that declares it. */
export interface Skeleton {
  path: string;
  template: string;
}

/** The skeletons the software Templates of these files render. */
export function skeletonsOf(results: Iterable<KeptFile>): Skeleton[] {
  const out: Skeleton[] = [];
  for (const r of results) for (const path of r.catalog?.skeletons ?? []) out.push({ path, template: r.file });
  return out;
}

/** The skeleton a file is under (`abs`, its absolute path), unless it is the Template's own file. */
export function skeletonAbove(file: string, abs: string, skeletons: readonly Skeleton[]): Skeleton | undefined {
  return skeletons.find((s) => s.template !== file && inside(s.path, abs));
}

/**
 * A file under a skeleton, unlinted: a walked one keeps nothing (no finding, no service), a named
 * one keeps one `input-skipped` finding that says why.
 */
export function unlintedSkeletonFile(r: KeptFile, under: Skeleton, explicit: boolean, cwd: string, options: FileOptions): KeptFile {
  const kept: Finding[] = [];
  if (explicit) {
    const message = `${r.file} is not linted: it is under ${displayPath(under.path, cwd)}, the skeleton of the software Template in ${under.template}, an unrendered template; lint what it renders.`;
    kept.push(configuredFinding({ ruleId: 'input-skipped', message, file: r.file, range: FILE_START, service: null, area: null, pointer: null, document: null }, null, options.config));
  }
  const { catalog: _dropped, ...rest } = r;
  return { ...rest, findings: kept, services: [] };
}

/**
 * Files under the skeleton of a software Template found in the run are unrendered templates: a
 * walked one is dropped (its findings and services), a named one keeps one `input-skipped` finding.
 */
export function dropSkeletons(results: KeptFile[], explicit: ReadonlySet<string>, cwd: string, options: FileOptions): void {
  const skeletons = skeletonsOf(results);
  results.forEach((r, i) => {
    const under = skeletonAbove(r.file, resolve(cwd, r.file), skeletons);
    if (under) results[i] = unlintedSkeletonFile(r, under, explicit.has(r.file), cwd, options);
  });
}
