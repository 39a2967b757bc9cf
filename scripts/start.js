#!/usr/bin/env node
/*
 * `npm start`: Add-in in Excel starten.
 *
 * - Windows/macOS: `office-addin-debugging start manifest.xml` (startet den Entwicklungsserver über
 *   `npm run dev-server` und lädt das Add-in in das Desktop-Excel).
 * - Sonst (Linux …): kein Desktop-Excel vorhanden → Hinweis auf den Browser-Modus und Excel im Web,
 *   dann `webpack serve --mode development`.
 */
"use strict";

const { spawn } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");

function bin(name) {
  return path.join(binDir, process.platform === "win32" ? `${name}.cmd` : name);
}

function run(command, args, env) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env: env || process.env,
    // .cmd-Dateien lassen sich unter Windows nur über die Shell starten.
    shell: process.platform === "win32",
  });
  child.on("error", (err) => {
    console.error(`Konnte ${path.basename(command)} nicht starten: ${err.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    process.exit(signal ? 1 : (code ?? 0));
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => child.kill(sig));
  }
}

/** Prüft vorab, ob https möglich ist; sonst läuft der Entwicklungsserver über http. */
async function useHttps() {
  if (process.env.DEV_SERVER_HTTP === "1") return false;
  try {
    await require("office-addin-dev-certs").getHttpsServerOptions();
    return true;
  } catch (err) {
    const grund = err && err.message ? err.message.split("\n")[0] : String(err);
    console.error(
      `Hinweis: Keine Entwicklungszertifikate für https://localhost verfügbar (${grund}) – der Entwicklungsserver läuft daher über http.`,
    );
    return false;
  }
}

async function main() {
  if (process.platform === "win32" || process.platform === "darwin") {
    run(bin("office-addin-debugging"), ["start", "manifest.xml"]);
    return;
  }

  const https = await useHttps();
  const env = https ? process.env : { ...process.env, DEV_SERVER_HTTP: "1" };
  const scheme = https ? "https" : "http";
  console.log("Auf diesem System gibt es kein Desktop-Excel, daher startet nur der Entwicklungsserver.");
  console.log(`Browser-Modus: ${scheme}://localhost:3000/taskpane.html`);
  console.log(
    "Excel im Web: Einfügen → Add-Ins → Meine Add-Ins → Mein Add-In hochladen → manifest.xml auswählen" +
      (https ? "." : " (Excel im Web lädt das Add-in nur über https)."),
  );
  run(bin("webpack"), ["serve", "--mode", "development"], env);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
