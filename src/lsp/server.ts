// `warranty-lint lsp`: the language server, over standard input and output. Diagnostics for every
// open service file (on open, and on each change after a short pause), the same findings as the
// command line run in the workspace folder; hovers that explain a finding's rule; quick fixes
// (code-actions.ts). Every handler is guarded: nothing in a file, a config or a request stops it.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODE_SEARCH_PLACES, DATA_SEARCH_PLACES } from '../config/load.js';
import { parseDay } from '../model/units.js';
import { VERSION } from '../version.js';
import { codeActions } from './code-actions.js';
import { hoverFor } from './hover.js';
import { Project, type ProjectHost } from './project.js';

/** How long the server waits after a keystroke before it lints (another keystroke restarts the wait). */
export const DEFAULT_DEBOUNCE_MS = 200;

/** What a client may pass in `initializationOptions`. */
export interface ServerOptions {
  /** Milliseconds to wait after a change before linting; default DEFAULT_DEBOUNCE_MS. */
  debounceMs?: number;
  /** The date date rules use, `YYYY-MM-DD` (as `--now`, for reproducible diagnostics); default today. */
  now?: string;
}

/** A file: URI as a path; undefined for other schemes (untitled documents, diff views). */
function pathOf(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function roots(params: InitializeParams, cwd: string): string[] {
  const folders = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined);
  if (folders.length > 0) return folders;
  const root = (params.rootUri ? pathOf(params.rootUri) : undefined) ?? params.rootPath ?? undefined;
  // No folder (an editor started on a lone file): the folder it was started in, as `warranty-lint .` there.
  return [root ?? cwd];
}

/** Starts the server on a connection; the editor ends it (shutdown, exit) or closes its input. */
export function startServer(connection: Connection, cwd: string): void {
  const documents = new TextDocuments(TextDocument);
  let projects: Project[] = [];
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let watchFiles = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const seen = new Set<string>();
  const log = (message: string): void => connection.console.error(message);
  const host: ProjectHost = {
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    log,
    pause: () => new Promise((done) => setImmediate(done)),
    uriOf: (path) => pathToFileURL(path).href,
  };
  /** The innermost folder holding a path. */
  const projectOf = (path: string): Project | undefined => projects.find((p) => p.contains(path));
  /** Runs a handler; an exception is logged, never thrown to the connection or the process. */
  const guarded = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      log(`warranty-lint: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as ServerOptions;
    if (typeof options.debounceMs === 'number' && Number.isFinite(options.debounceMs) && options.debounceMs >= 0) debounceMs = options.debounceMs;
    const now = typeof options.now === 'string' && parseDay(options.now) !== undefined ? options.now : undefined;
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    projects = roots(params, cwd)
      .map((r) => new Project(resolve(r), host, now))
      .sort((a, b) => b.root.length - a.root.length);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'warranty-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      // Files changed outside the editor (a checkout, a generator) and config files.
      const configs = [...DATA_SEARCH_PLACES, ...CODE_SEARCH_PLACES].join(',');
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: `**/{${configs}}` }] }).catch((e: unknown) => log(`warranty-lint: cannot watch files: ${String(e)}`));
    }
    for (const p of projects) void p.load();
  });

  const lintNow = (uri: string): void =>
    guarded('linting', undefined, () => {
      timers.delete(uri);
      const doc = documents.get(uri);
      const path = pathOf(uri);
      if (!doc || path === undefined) return;
      projectOf(path)?.edited(uri, path, doc.getText());
    });

  documents.onDidChangeContent(({ document }) => {
    const uri = document.uri;
    clearTimeout(timers.get(uri));
    // The first version (the document opened) is linted at once; edits after a pause in typing.
    if (!seen.has(uri) || debounceMs === 0) {
      seen.add(uri);
      lintNow(uri);
      return;
    }
    timers.set(uri, setTimeout(() => lintNow(uri), debounceMs));
  });

  documents.onDidClose(({ document }) =>
    guarded('closing a document', undefined, () => {
      const uri = document.uri;
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      seen.delete(uri);
      const path = pathOf(uri);
      if (path !== undefined) projectOf(path)?.closed(uri, path);
    }),
  );

  // Without file watching, saving a config in the editor still reloads it.
  documents.onDidSave(({ document }) =>
    guarded('reloading the config', undefined, () => {
      if (watchFiles) return;
      const path = pathOf(document.uri);
      if (path === undefined) return;
      for (const p of projects) if (p.isConfig(path)) void p.load();
    }),
  );

  connection.onDidChangeWatchedFiles(({ changes }) =>
    guarded('a file change', undefined, () => {
      // Checked, as everything a client sends.
      for (const change of Array.isArray(changes) ? changes : []) {
        const path = pathOf((change as { uri?: unknown } | null)?.uri);
        if (path === undefined) continue;
        // A config above the folders (found by the search upwards) belongs to every folder below it.
        const configOf = projects.filter((p) => p.isConfig(path));
        for (const p of configOf) void p.load();
        if (configOf.length === 0) projectOf(path)?.changedOnDisk(path);
      }
    }),
  );

  connection.onHover((params) =>
    guarded('hover', null, () => {
      const path = pathOf(params.textDocument.uri);
      const project = path === undefined ? undefined : projectOf(path);
      return project && path !== undefined ? hoverFor(project.findingsOf(path), params.position) : null;
    }),
  );

  connection.onCodeAction((params) =>
    guarded('code actions', [], () => {
      const uri = params.textDocument.uri;
      const path = pathOf(uri);
      const doc = documents.get(uri);
      if (path === undefined || !doc) return [];
      const ctx = projectOf(path)?.actionContext(uri, path, doc.getText());
      return ctx ? codeActions(ctx, params.context.diagnostics) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** `warranty-lint lsp`: the server on standard input and output, for as long as the editor keeps it. */
export function runLanguageServer(): void {
  // Nothing may end the server but the editor: an error that escapes a handler is logged.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  process.on('uncaughtException', (error) => connection.console.error(`warranty-lint: internal error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (error) => connection.console.error(`warranty-lint: internal error: ${String(error)}`));
  startServer(connection, process.cwd());
}
