/**
 * First-screen JavaScript of the task pane: the gzip size of every script that dist/taskpane.html loads
 * from the build itself (office.js from Microsoft's CDN or its local copy is not ours and is left out).
 *
 *   npx webpack --mode production && npx tsx bench/bundle.ts [dist] [--json]
 *
 * Exit 1 when the total exceeds the budget of 250 KB gzip. `measureFirstScreen` is exported for
 * bench/bench.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 250 * 1024;

export interface FirstScreen {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  budget: number;
}

/** The scripts of taskpane.html, each raw and gzip-compressed (level 9, as a server would serve it). */
export function measureFirstScreen(dist = path.resolve(__dirname, "../dist")): FirstScreen {
  const htmlFile = path.join(dist, "taskpane.html");
  if (!fs.existsSync(htmlFile)) {
    throw new Error(`${htmlFile} fehlt – zuerst bauen: npx webpack --mode production`);
  }
  const html = fs.readFileSync(htmlFile, "utf8");
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]!);
  const files = sources
    .filter((src) => !/^(https?:)?\/\//i.test(src) && !src.startsWith("office-js/"))
    .map((src) => {
      const data = fs.readFileSync(path.join(dist, src.replace(/^\.?\//, "").split(/[?#]/)[0]!));
      return { file: src, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
    });
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
    budget: BUDGET_BYTES,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (require.main === module) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith("--"));
  const result = measureFirstScreen(dist ? path.resolve(dist) : undefined);
  if (args.includes("--json")) {
    console.log(JSON.stringify(result));
  } else {
    console.log("Erster Bildschirm des Aufgabenbereichs (JavaScript aus dist/taskpane.html):");
    for (const f of result.files) console.log(`  ${f.file.padEnd(32)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
    console.log(`  ${"Summe".padEnd(32)} ${kb(result.bytes).padStart(10)}  gzip ${kb(result.gzip).padStart(9)}  (Ziel ≤ ${kb(result.budget)})`);
  }
  if (result.gzip > result.budget) process.exitCode = 1;
}
