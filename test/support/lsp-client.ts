// A real LSP client for tests: starts `warranty-lint lsp --stdio` as a child process (the built
// dist/, as an editor would) and speaks JSON-RPC to it through vscode-languageserver-protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type FileChangeType,
  type InitializeResult,
  type ProtocolConnection,
  type RegistrationParams,
} from 'vscode-languageserver-protocol/node';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'warranty-lint.js');

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface LspClient {
  connection: ProtocolConnection;
  /** The server's process; undefined when it runs in this one. */
  child: ChildProcess | undefined;
  initialized: InitializeResult;
  /** Registrations the server asked for (client/registerCapability). */
  registrations: unknown[];
  /** Resolves when the server has asked for a registration. */
  registration: Promise<void>;
  /** Lines the server wrote to its log (window/logMessage). */
  logs: string[];
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept` (default: any). */
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** The last diagnostics published for `uri`. */
  latest(uri: string): Diagnostic[] | undefined;
  open(path: string, text: string): Promise<void>;
  change(path: string, text: string): Promise<void>;
  close(path: string): Promise<void>;
  changedOnDisk(path: string, type: FileChangeType): Promise<void>;
  /** shutdown, exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /**
   * Run the server in this process, over in-memory streams (its code is then covered), instead of
   * `warranty-lint lsp --stdio` as a child process (what an editor runs). The server then never
   * gets `exit`, which ends the process it runs in.
   */
  inProcess?: boolean;
  /** initializationOptions (debounceMs, now). */
  options?: Record<string, unknown>;
  /** Whether the client says it can watch files for the server (dynamic registration). */
  watch?: boolean;
  /** The folder the server is started in (default root). */
  cwd?: string;
  /** No rootUri or folders: the server lints the folder it was started in. */
  noRoot?: boolean;
}

/** The server in this process, on a pair of in-memory pipes; a connection to it. */
async function inProcess(cwd: string): Promise<ProtocolConnection> {
  const [{ createConnection, ProposedFeatures }, { startServer }] = await Promise.all([import('vscode-languageserver/node'), import('../../src/lsp/server.js')]);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader and writer objects, not streams: the library ends the process when a stream it was given closes.
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), cwd);
  return createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
}

export async function startLsp(root: string, start: StartOptions = {}): Promise<LspClient> {
  const child = start.inProcess ? undefined : spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: start.cwd ?? root, stdio: ['pipe', 'pipe', 'pipe'] });
  child?.stderr?.resume();
  const connection = child
    ? createProtocolConnection(new StreamMessageReader(child.stdout as NonNullable<ChildProcess['stdout']>), new StreamMessageWriter(child.stdin as NonNullable<ChildProcess['stdin']>))
    : await inProcess(start.cwd ?? root);
  const published = new Map<string, Diagnostic[]>();
  const waiting: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  const registrations: unknown[] = [];
  const logs: string[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
    published.set(uri, diagnostics);
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i] as (typeof waiting)[number];
      if (w.uri === uri && w.accept(diagnostics)) {
        waiting.splice(i, 1);
        w.resolve(diagnostics);
      }
    }
  });
  let registered: () => void = () => undefined;
  const registration = new Promise<void>((resolve) => (registered = resolve));
  connection.onRequest(RegistrationRequest.method, (params: RegistrationParams) => {
    registrations.push(...params.registrations);
    registered();
    return null;
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  connection.listen();
  const versions = new Map<string, number>();
  const initialized = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: start.noRoot ? null : uriOf(root),
    workspaceFolders: start.noRoot ? null : [{ uri: uriOf(root), name: 'root' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: start.watch ?? true } }, textDocument: { publishDiagnostics: { relatedInformation: false } } },
    initializationOptions: start.options ?? {},
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    initialized,
    registrations,
    registration,
    logs,
    diagnostics: (uri, accept = () => true) => new Promise((resolve) => waiting.push({ uri, accept, resolve })),
    latest: (uri) => published.get(uri),
    open: async (path, text) => {
      versions.set(path, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(path), languageId: 'yaml', version: 1, text } });
    },
    change: async (path, text) => {
      const version = (versions.get(path) ?? 1) + 1;
      versions.set(path, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(path), version }, contentChanges: [{ text }] });
    },
    close: async (path) => {
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(path) } });
    },
    changedOnDisk: async (path, type) => {
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path), type }] });
    },
    stop: async () => {
      if (!child) {
        await connection.sendRequest(ShutdownRequest.type);
        connection.dispose();
        return 0;
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
