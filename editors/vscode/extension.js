// The argmark extension: starts `argmark lsp` and hands the editor to it.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

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

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("argmark.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("argmark.path") || event.affectsConfiguration("argmark.checkDocsUrl")) {
        restart();
      }
    })
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
