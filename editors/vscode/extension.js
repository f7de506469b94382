// The argmark extension: starts `argmark lsp` and hands the editor to it.
"use strict";

const { spawn } = require("child_process");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;
// One `argmark serve` per map, by file path: { child, url }.
const previews = new Map();

function settings() {
  return vscode.workspace.getConfiguration("argmark");
}

function makeClient() {
  const command = settings().get("path") || "argmark";
  const checkDocsUrl = settings().get("checkDocsUrl") || undefined;
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  return new LanguageClient("argmark", "argmark", server, {
    documentSelector: [{ language: "argmark" }],
    initializationOptions: { checkDocsUrl },
    synchronize: {
      // The server reads argmark.toml again when one changes.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/argmark.toml"),
    },
  });
}

async function start() {
  client = makeClient();
  try {
    await client.start();
  } catch (error) {
    const path = settings().get("path");
    vscode.window.showErrorMessage(
      `argmark: could not start '${path} lsp' (${error.message}). Set argmark.path to the argmark binary.`
    );
  }
}

async function restart() {
  if (client) {
    await client.stop();
  }
  await start();
}

// Starts `argmark serve FILE --port 0` and resolves with the address it
// prints once it listens (`serving FILE at http://127.0.0.1:PORT/ ...`).
function startPreview(file) {
  return new Promise((resolve, reject) => {
    const command = settings().get("path") || "argmark";
    const child = spawn(command, ["serve", file, "--port", "0"], { cwd: path.dirname(file) });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/ at (http:\/\/\S+\/) /);
      if (found) {
        resolve({ child, url: found[1] });
      }
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      previews.delete(file);
      reject(new Error(err.trim() || `argmark serve exited with status ${code}`));
    });
  });
}

// Opens the live preview of the map in the active editor, beside it, in
// VS Code's Simple Browser (or the system's browser where that is missing).
async function openPreview() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "argmark") {
    vscode.window.showErrorMessage("argmark: open a map (.argmark) to preview it.");
    return;
  }
  if (editor.document.isUntitled) {
    vscode.window.showErrorMessage("argmark: save the map first; the preview follows the file on disk.");
    return;
  }
  const file = editor.document.uri.fsPath;
  try {
    if (!previews.has(file)) {
      previews.set(file, startPreview(file));
    }
    const { url } = await previews.get(file);
    try {
      await vscode.commands.executeCommand("simpleBrowser.show", url);
    } catch {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }
  } catch (error) {
    previews.delete(file);
    vscode.window.showErrorMessage(`argmark: the preview could not start (${error.message}).`);
  }
}

function stopPreviews() {
  for (const pending of previews.values()) {
    pending.then(({ child }) => child.kill(), () => {});
  }
  previews.clear();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("argmark.restartServer", restart),
    vscode.commands.registerCommand("argmark.openPreview", openPreview),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("argmark.path") || event.affectsConfiguration("argmark.checkDocsUrl")) {
        restart();
      }
    })
  );
  await start();
}

function deactivate() {
  stopPreviews();
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
