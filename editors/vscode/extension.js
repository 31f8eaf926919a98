// A minimal client for `warranty-lint lsp`: starts the server for YAML files and lets
// vscode-languageclient do the rest (diagnostics, hovers, quick fixes, file watching).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** The workspace's own warranty-lint when it has one (the version its CI runs), else the one on the PATH. */
function command() {
  const configured = vscode.workspace.getConfiguration('warranty-lint').get('command');
  if (Array.isArray(configured) && configured.length > 0) return configured;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'warranty-lint.cmd' : 'warranty-lint');
    if (existsSync(local)) return [local];
  }
  return ['warranty-lint'];
}

function activate(context) {
  const [cmd, ...args] = command();
  const settings = vscode.workspace.getConfiguration('warranty-lint');
  client = new LanguageClient(
    'warranty-lint',
    'warranty-lint',
    { command: cmd, args: [...args, 'lsp', '--stdio'], options: { shell: process.platform === 'win32' } },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      initializationOptions: { debounceMs: settings.get('debounceMs') },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
