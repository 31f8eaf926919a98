// One workspace folder as the language server sees it: its config (found from the folder, as the
// command line run there finds it), its catalog (read once, then a file at a time), the documents
// open in it (their text wins over the disk) and the diagnostics last published for each. Every
// change re-lints one file and settles the open files against the whole catalog, so a change to
// another file (a dependency's target, a duplicate name) updates the files it affects.
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { CODE_SEARCH_PLACES, ConfigError, DATA_SEARCH_PLACES, loadConfig, searchDirectories } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { todayFrom } from '../engine/lint.js';
import { withPlainEnv } from '../engine/pool.js';
import { lintFile, lintText } from '../engine/process-file.js';
import { Rereader } from '../engine/reread.js';
import { readWorkspace, type Workspace } from '../engine/workspace.js';
import { displayPath, walkFinds } from '../load/discover.js';
import type { Finding } from '../types.js';
import type { ActionContext } from './code-actions.js';
import { configDiagnostic, configProblemPlace, diagnosticsOf } from './diagnostics.js';

/** What a project needs from the server around it. */
export interface ProjectHost {
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** Lets the event loop run (messages are read) between slices of a long read. */
  pause(): Promise<void>;
  uriOf(path: string): string;
}

interface Ready {
  config: ResolvedConfig;
  today: number;
  workspace: Workspace;
  /** Whether a walk of the folder lints this file (`*.yaml`, `*.yml`, not ignored). */
  finds: (file: string) => boolean;
}

const CONFIG_NAMES: ReadonlySet<string> = new Set([...DATA_SEARCH_PLACES, ...CODE_SEARCH_PLACES]);

export class Project {
  /** Bumped by each (re)load: a read that is no longer the latest stops. */
  private generation = 0;
  private ready: Ready | undefined;
  /** Documents open in the editor, by file (relative to the folder). */
  private readonly open = new Map<string, { uri: string; text: string }>();
  /** Files changed on disk while the catalog was being read. */
  private readonly changedWhileReading = new Set<string>();
  /** The diagnostics last published, by URI, as JSON (nothing is sent twice). */
  private readonly published = new Map<string, string>();
  /** The findings last published for each open file (for hovers). */
  private readonly shown = new Map<string, Finding[]>();
  private configProblemUri: string | undefined;

  constructor(
    readonly root: string,
    private readonly host: ProjectHost,
    /** The date date rules use (`YYYY-MM-DD`, as `--now`); default today, followed as days pass. */
    private readonly now?: string,
  ) {}

  /** Whether a path is in this folder. */
  contains(path: string): boolean {
    const rel = relative(this.root, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }

  private fileOf(path: string): string {
    return displayPath(path, this.root);
  }

  /**
   * Reads the config and, when it changed (or the day did), the whole catalog again; `again`: the
   * catalog in any case (a Location or a Template changed which files a run lints).
   */
  async load(again = false): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.read(generation, again);
    } catch (error) {
      this.host.log(`warranty-lint: cannot lint ${this.root}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private async read(generation: number, again: boolean): Promise<void> {
    let config: ResolvedConfig;
    try {
      config = (await loadConfig({ cwd: this.root })).config;
    } catch (error) {
      if (generation !== this.generation) return;
      if (!(error instanceof ConfigError)) throw error;
      // As the command line stops with exit 2: no service file is linted, and the config says why.
      this.ready = undefined;
      this.showConfigProblem(error.message);
      for (const { uri } of this.open.values()) this.publish(uri, []);
      return;
    }
    if (generation !== this.generation) return;
    this.clearConfigProblem();
    const today = todayFrom(this.now).day;
    if (!again && this.ready && today === this.ready.today && JSON.stringify(config) === JSON.stringify(this.ready.config)) {
      // A config file saved without a change that matters (a package.json, say): the catalog holds.
      this.refresh();
      return;
    }
    this.ready = undefined;
    this.changedWhileReading.clear();
    const workspace = await readWorkspace({ cwd: this.root, config, today, pause: this.host.pause, stopped: () => generation !== this.generation });
    if (!workspace || generation !== this.generation) return;
    const ready: Ready = { config, today, workspace, finds: walkFinds(config.ignore) };
    this.ready = ready;
    for (const file of this.changedWhileReading) if (!this.open.has(file)) this.lintDisk(ready, file);
    this.changedWhileReading.clear();
    for (const [file, { text }] of this.open) this.lintOpen(ready, file, text);
    this.refresh();
  }

  /** A document opened or changed in the editor: its text is linted instead of the file's. */
  edited(uri: string, path: string, text: string): void {
    const file = this.fileOf(path);
    this.open.set(file, { uri, text });
    if (!this.ready) return;
    this.lintOpen(this.ready, file, text);
    this.refresh();
  }

  /** A document closed: the file on disk counts again, and the editor shows nothing for it. */
  closed(uri: string, path: string): void {
    const file = this.fileOf(path);
    this.open.delete(file);
    this.shown.delete(file);
    // A config that cannot be used stays shown on its file, open or not.
    if (uri !== this.configProblemUri) {
      this.publish(uri, []);
      this.published.delete(uri);
    }
    if (!this.ready) return;
    this.lintDisk(this.ready, file);
    this.refresh();
  }

  /** A service file (or any other) created, changed or deleted on disk; config files are load()'s. */
  changedOnDisk(path: string): void {
    if (!this.contains(path)) return;
    const file = this.fileOf(path);
    if (this.open.has(file)) return; // the editor's text wins until it is closed
    if (!this.ready) {
      this.changedWhileReading.add(file);
      return;
    }
    this.lintDisk(this.ready, file);
    this.refresh();
  }

  /** Whether saving this path may change the config. */
  isConfig(path: string): boolean {
    return CONFIG_NAMES.has(basename(path)) && searchDirectories(this.root).includes(dirname(path));
  }

  /** Whether a run lints this file: a walk finds it, or a Location points at it. */
  private linted(ready: Ready, file: string): boolean {
    return ready.finds(file) || ready.workspace.reached.has(file);
  }

  private lintOpen(ready: Ready, file: string, text: string): void {
    if (!this.linted(ready, file)) return;
    const ref = { path: resolve(this.root, file), file, explicit: false };
    this.update(ready, file, () => ready.workspace.set(withPlainEnv(() => lintText(text.replace(/^\uFEFF/, ''), ref, { config: ready.config, today: ready.today, cwd: this.root }))));
  }

  private lintDisk(ready: Ready, file: string): void {
    const path = resolve(this.root, file);
    if (!this.linted(ready, file) || !existsSync(path)) {
      this.update(ready, file, () => ready.workspace.delete(file));
      return;
    }
    this.update(ready, file, () => ready.workspace.set(withPlainEnv(() => lintFile({ path, file, explicit: false }, { config: ready.config, today: ready.today, cwd: this.root }))));
  }

  /** A change of one file; one that changes which files a run lints (its Locations, its Templates' skeletons) reads the catalog again. */
  private update(ready: Ready, file: string, change: () => void): void {
    const before = ready.workspace.shapeOf(file);
    change();
    if (ready.workspace.shapeOf(file) !== before && ready === this.ready) void this.load(true);
  }

  /** Settles the open files against the whole catalog and publishes what changed. */
  refresh(): void {
    const ready = this.ready;
    if (!ready) return;
    if (this.now === undefined && todayFrom(undefined).day !== ready.today) {
      // Date rules see a new day: everything is linted again.
      void this.load();
      return;
    }
    const texts = new Map([...this.open].map(([file, d]) => [file, d.text]));
    const found = ready.workspace.findingsOf(this.open.keys(), new Rereader(this.root, ready.config.limits, texts));
    for (const [file, { uri }] of this.open) {
      const findings = found.get(file) ?? [];
      this.shown.set(file, findings);
      this.publish(uri, diagnosticsOf(findings));
    }
  }

  /** The findings shown for an open document. */
  findingsOf(path: string): readonly Finding[] {
    return this.shown.get(this.fileOf(path)) ?? [];
  }

  /** What a code action needs to know of an open document; undefined until the catalog is read. */
  actionContext(uri: string, path: string, text: string): ActionContext | undefined {
    const ready = this.ready;
    if (!ready || !ready.finds(this.fileOf(path))) return undefined;
    return { uri, text, file: this.fileOf(path), config: ready.config, today: ready.today, shown: this.findingsOf(path) };
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    this.host.publish(uri, diagnostics);
  }

  private showConfigProblem(message: string): void {
    const place = configProblemPlace(message);
    if (!place) {
      this.host.log(`warranty-lint: ${message}`);
      return;
    }
    const uri = this.host.uriOf(resolve(this.root, place.file));
    if (this.configProblemUri !== undefined && this.configProblemUri !== uri) this.publish(this.configProblemUri, []);
    this.configProblemUri = uri;
    this.publish(uri, [configDiagnostic(message, place)]);
  }

  private clearConfigProblem(): void {
    if (this.configProblemUri === undefined) return;
    this.publish(this.configProblemUri, []);
    this.configProblemUri = undefined;
  }
}
