// A catalog kept in memory, for an editor: every file's per-file result, read once; a changed file
// is linted again alone, and the findings of a few files (those open) are settled against the whole
// catalog (settle.ts, the same steps as a run). A file's findings are exactly those lint() gives for
// it over the same files (test/engine/workspace.test.ts), at a cost that grows with the files asked
// about, not with the catalog: the catalog rules iterate only the services of those files (their
// `scope`), and waivers, severities, the sort and the cap see only their findings.
import type { ResolvedConfig } from '../config/types.js';
import { resolve } from 'node:path';
import { discover } from '../load/discover.js';
import { EntityCatalog } from '../model/catalog.js';
import { SloIndex } from '../model/slo/index.js';
import { ServicesByDocument } from '../model/documents.js';
import { rulesInEffect } from '../policies/index.js';
import type { Service } from '../model/types.js';
import type { CatalogContext } from '../rules/types.js';
import type { Finding } from '../types.js';
import { StringPool, type KeptFile } from './compact.js';
import { unpack, type KeptFinding } from './finding.js';
import { unreadableFile } from './lint.js';
import { dropSkeletons, followLocations, skeletonAbove, skeletonsOf, unlintedSkeletonFile, type Skeleton } from './locations.js';
import { withPlainEnv } from './pool.js';
import { lintFile, type FileOptions } from './process-file.js';
import { addCatalogFindings, firstByName, settle, type Locators } from './settle.js';

export interface WorkspaceOptions {
  config: ResolvedConfig;
  /** Today in days since the epoch, as date rules see it. */
  today: number;
  /** The folder files are named from; with it, a file under a software Template's skeleton is left unlinted, as in a run. */
  cwd?: string;
}

export class Workspace {
  private readonly byFile = new Map<string, KeptFile>();
  /** The files in sorted order; undefined when a file was added or removed since. */
  private sorted: string[] | undefined;
  /**
   * Every service in file order, the first of each name, and where each file's services start;
   * undefined when a file was added or removed, or its services renamed, since.
   */
  private catalog: { services: Service[]; byName: Map<string, Service>; start: Map<string, number> } | undefined;

  /** What dependencies may name (services, other entities of the files); patched or rebuilt when a file changes. */
  private entities: EntityCatalog | undefined;

  /** The objectives of the SLO documents of the files; rebuilt when a file holding any changes. */
  private slos: SloIndex | undefined;

  /** What catalog rules keep between calls (CatalogContext.memo): emptied when names or dependencies change. */
  private readonly memo = new Map<string, unknown>();

  /** The skeletons the Templates of the files render; undefined when a file's changed since. */
  private skeletons: Skeleton[] | undefined;

  /** Files a walk does not find, held because a Backstage Location points at them (readWorkspace). */
  readonly reached = new Set<string>();

  constructor(readonly options: WorkspaceOptions) {}

  /** A file's per-file result: a new file, or a new version of one. A file under a Template's skeleton keeps nothing, as in a run. */
  set(linted: KeptFile): void {
    const result = this.unlessSkeleton(linted);
    const old = this.byFile.get(result.file);
    // Stryker disable next-line ConditionalExpression: a cache; dropped when it need not be, it is built again the same.
    if (this.shapeOf(result.file) !== shape(result)) this.skeletons = undefined;
    // Stryker disable next-line ConditionalExpression: a cache, as above.
    if (!old) this.sorted = undefined;
    this.byFile.set(result.file, result);
    // Stryker disable next-line ConditionalExpression: a cache, as above.
    if (old?.slos || result.slos) this.slos = undefined;
    // The entity catalog holds the service objects a new version replaces: patched with the view,
    // else rebuilt (a pass over the names, and over their keys when a dependency needs one).
    // Stryker disable next-line ConditionalExpression: caches; dropped when they could have been patched, they are built again the same.
    if (!old || !sameEntities(old, result) || !this.patch(old, result)) {
      this.catalog = undefined;
      this.entities = undefined;
    }
    // Stryker disable next-line ConditionalExpression: a cache (the rules' memo), as above.
    if (!old || !sameLinks(old, result)) this.memo.clear();
  }

  /**
   * Keeps the catalog view up to date, in place, for a new version of a file whose services have
   * the names they had (an edit of values, the common case): rebuilt, it costs a pass over the
   * whole catalog at each keystroke. False when it cannot be patched.
   */
  // Stryker disable next-line BlockStatement: not patched, the view is built again (the same).
  private patch(old: KeptFile, next: KeptFile): boolean {
    const c = this.catalog;
    const start = c?.start.get(old.file);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral,EqualityOperator: not patched, the view is built again (the same); with a view, start is always set.
    if (!c || start === undefined || old.services.length !== next.services.length) return false;
    // Stryker disable next-line ConditionalExpression: not patched, the view is built again (the same).
    if (old.services.some((s, i) => s.name !== (next.services[i] as Service).name)) return false;
    next.services.forEach((n, i) => {
      const o = old.services[i] as Service;
      c.services[start + i] = n;
      // A service without a name is in neither the names nor the entity catalog.
      if (n.name === null) return;
      if (c.byName.get(n.name) === o) c.byName.set(n.name, n);
      // Stryker disable next-line OptionalChaining: the entity catalog is built with the view (findingsOf), and dropped with it.
      this.entities?.replace(o, n);
    });
    // Stryker disable next-line BooleanLiteral: not patched, the view is built again (the same).
    return true;
  }

  delete(file: string): boolean {
    // Stryker disable next-line ConditionalExpression: a cache; dropped when it need not be, it is built again the same.
    if (this.shapeOf(file) !== shape(undefined)) this.skeletons = undefined;
    if (!this.byFile.delete(file)) return false;
    this.sorted = undefined;
    this.catalog = undefined;
    this.entities = undefined;
    this.slos = undefined;
    this.memo.clear();
    return true;
  }

  /**
   * What of a file decides which files a run lints: its Locations' targets and its Templates'
   * skeletons. When a change alters it, only reading the workspace again gives what a run gives.
   */
  shapeOf(file: string): string {
    return shape(this.byFile.get(file));
  }

  private unlessSkeleton(result: KeptFile): KeptFile {
    const cwd = this.options.cwd;
    if (cwd === undefined) return result;
    this.skeletons ??= skeletonsOf(this.byFile.values());
    const under = skeletonAbove(result.file, resolve(cwd, result.file), this.skeletons);
    return under ? unlintedSkeletonFile(result, under, false, cwd, this.options) : result;
  }

  /** Keys of the entities (not services) the files define: a dependency on one is not unknown. */
  private knownEntities(): Set<string> {
    const known = new Set<string>();
    // Stryker disable next-line ArrayDeclaration: a file without a catalog part names no entity; no dependency names the mutant's text.
    for (const r of this.byFile.values()) for (const k of r.catalog?.entities ?? []) known.add(k);
    return known;
  }

  get(file: string): KeptFile | undefined {
    return this.byFile.get(file);
  }

  get size(): number {
    return this.byFile.size;
  }

  /** Every file, in sorted order (the order of a run). */
  files(): readonly string[] {
    // sort() without a comparator orders strings by their UTF-16 code units, as < does.
    return (this.sorted ??= [...this.byFile.keys()].sort());
  }

  /** Every service in file order, and the first service of each name. */
  private view(): { services: Service[]; byName: Map<string, Service> } {
    // Stryker disable next-line ConditionalExpression: a cache; built again, the view is the same.
    if (!this.catalog) {
      const services: Service[] = [];
      const start = new Map<string, number>();
      for (const file of this.files()) {
        start.set(file, services.length);
        for (const s of (this.byFile.get(file) as KeptFile).services) services.push(s);
      }
      this.catalog = { services, byName: firstByName(services), start };
    }
    return this.catalog;
  }

  /**
   * The findings of `files`, each file's exactly as lint() over every file of the workspace gives
   * them (without a baseline; the portfolio's finding is about no file). Files not in the workspace
   * have none. `locators` places catalog findings at pointers their rules did not declare.
   */
  findingsOf(files: Iterable<string>, locators: Locators): Map<string, Finding[]> {
    const wanted = [...new Set(files)].filter((f) => this.byFile.has(f)).sort();
    const out = new Map<string, Finding[]>(wanted.map((f) => [f, []]));
    // Stryker disable next-line ConditionalExpression: with no file asked for, the scope is empty and so is the answer: this is the short way.
    if (wanted.length === 0) return out;
    const { services, byName } = this.view();
    const scope: Service[] = [];
    // Stryker disable next-line ArrayDeclaration: a thing in the list that is no finding of a file asked for is dropped at the end (out.get).
    const findings: KeptFinding[] = [];
    for (const file of wanted) {
      const r = this.byFile.get(file) as KeptFile;
      for (const s of r.services) scope.push(s);
      // Copies: waivers mark findings in place, and the kept ones serve every later call.
      for (const f of r.findings) findings.push({ ...f });
    }
    this.entities ??= new EntityCatalog(services, this.knownEntities());
    this.slos ??= new SloIndex(this.files().flatMap((f) => (this.byFile.get(f) as KeptFile).slos ?? []));
    const ctx: CatalogContext = { services, byName, catalog: this.entities, slos: this.slos, config: this.options.config, today: this.options.today, scope, memo: this.memo };
    const rules = rulesInEffect(this.options.config);
    addCatalogFindings(findings, ctx, locators, rules);
    for (const f of settle(findings, ctx, new ServicesByDocument(scope), locators, rules)) out.get(f.file as string)?.push(unpack(f));
    return out;
  }
}

/** Whether two versions of a file define the same other entities (EntityCatalog's `known`). */
// Stryker disable next-line BlockStatement: told they differ, Workspace.set builds its caches again (the same).
function sameEntities(a: KeptFile, b: KeptFile): boolean {
  // Stryker disable next-line ArrayDeclaration: the same for both versions when neither has a catalog part; no entity has the mutant's text.
  const x = a.catalog?.entities ?? [];
  // Stryker disable next-line ArrayDeclaration: as above.
  const y = b.catalog?.entities ?? [];
  // Stryker disable next-line ConditionalExpression,ArrowFunction,EqualityOperator: told they differ, Workspace.set builds its caches again (the same).
  return x.length === y.length && x.every((e, i) => e === y[i]);
}

/** What of a file decides which files a run lints (Workspace.shapeOf). */
function shape(r: KeptFile | undefined): string {
  const c = r?.catalog;
  return c && c.locations.length + c.skeletons.length > 0 ? JSON.stringify([c.locations.map((l) => l.target), c.skeletons]) : '';
}

/** Whether two versions of a file define the same names, with the same dependencies, in the same order. */
// Stryker disable next-line BlockStatement: told they differ, Workspace.set empties the rules' memo, which they fill again (the same).
function sameLinks(a: KeptFile, b: KeptFile): boolean {
  const key = (r: KeptFile): string => JSON.stringify(r.services.map((s) => [s.name, s.dependsOn.map((d) => [d.service, d.kind, d.external])]));
  // Stryker disable next-line ConditionalExpression: told they differ, Workspace.set empties the rules' memo, which they fill again (the same).
  return key(a) === key(b);
}

export interface ReadOptions extends WorkspaceOptions {
  cwd: string;
  /** Extra ignore globs, added to `config.ignore`. */
  ignorePatterns?: readonly string[];
  /**
   * Called between slices of ~`sliceMs` of work, so that a server stays responsive while it reads
   * a large catalog; the read stops (undefined) when `stopped()` says so after one.
   */
  pause?: () => Promise<void>;
  stopped?: () => boolean;
  sliceMs?: number;
}

/**
 * The per-file work of lint() over the working directory (the same discovery, ignores and limits
 * as `warranty-lint .`, the files its Locations point at, its Templates' skeletons left out), in
 * slices; what each file keeps is compacted (compact.ts), as a server holds it for as long as it runs.
 */
export async function readWorkspace(options: ReadOptions): Promise<Workspace | undefined> {
  const fileOptions: FileOptions = { config: options.config, today: options.today, cwd: options.cwd };
  // Stryker disable next-line ArrayDeclaration: the mutant's glob matches no file.
  const ignore = [...options.config.ignore, ...(options.ignorePatterns ?? [])];
  // Stryker disable next-line StringLiteral: '' names the working directory as '.' does.
  const found = discover(['.'], options.cwd, ignore);
  const workspace = new Workspace({ config: options.config, today: options.today, cwd: options.cwd });
  const results: KeptFile[] = found.unreadable.map((u) => unreadableFile(u, fileOptions));
  const strings = new StringPool();
  const slice = options.sliceMs ?? 20;
  let i = 0;
  while (i < found.files.length) {
    const until = Date.now() + slice;
    withPlainEnv(() => {
      // At least one file a slice, however short the slice or late the clock: the read always ends.
      do results.push(strings.compactResult(lintFile(found.files[i++]!, fileOptions)));
      // Stryker disable next-line EqualityOperator: a slice a millisecond longer.
      while (i < found.files.length && Date.now() < until);
    });
    if (i < found.files.length && options.pause) {
      await options.pause();
      if (options.stopped?.()) return undefined;
    }
  }
  const walked = results.length;
  await followLocations(results, found.files, options.cwd, ignore, fileOptions, async (refs) => withPlainEnv(() => refs.map((r) => strings.compactResult(lintFile(r, fileOptions)))));
  for (const r of results.slice(walked)) workspace.reached.add(r.file);
  dropSkeletons(results, new Set(), options.cwd, fileOptions);
  for (const r of results) workspace.set(r);
  return workspace;
}
