/**
 * First-screen JavaScript of the task pane: the gzip size of every script that dist/taskpane.html loads
 * from the build itself (office.js from Microsoft's CDN or its local copy is not ours and is left out);
 * and the chunks that open a workbook in browser mode (`browser-host` and `reader`, the package layer),
 * beside exceljs's browser bundle, which was the chunk that read workbooks before (issue 18: at most a
 * quarter of it).
 *
 *   npx webpack --mode production --json .bench/webpack-stats.json && npx tsx bench/bundle.ts [dist] [--json]
 *
 * Exit 1 when the first screen exceeds the budget of 250 KB gzip. `measureFirstScreen` is exported for
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

export interface OpeningChunks {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  /** exceljs's browser bundle (the former `exceljs` chunk), measured now from node_modules. */
  exceljs: { bytes: number; gzip: number } | null;
}

function sizes(file: string): { bytes: number; gzip: number } {
  const data = fs.readFileSync(file);
  return { bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/**
 * The chunks that open a workbook in browser mode, and exceljs's bundle beside them: the chunk group of
 * `browser-host` from webpack's statistics (`webpack --json <file>`, as `npm run bench` writes it) without
 * the first screen's scripts; without statistics, the chunks `browser-host` and `reader` by name.
 */
export function measureOpeningChunks(dist = path.resolve(__dirname, "../dist"), statsFile?: string): OpeningChunks {
  const firstScreen = new Set(measureFirstScreen(dist).files.map((f) => f.file.replace(/^\.?\//, "")));
  let names: string[];
  if (statsFile && fs.existsSync(statsFile)) {
    const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as {
      namedChunkGroups?: Record<string, { assets?: { name: string }[] }>;
    };
    names = (stats.namedChunkGroups?.["browser-host"]?.assets ?? [])
      .map((a) => a.name)
      .filter((n) => n.endsWith(".js"));
  } else {
    names = fs.readdirSync(dist).filter((f) => /^(browser-host|reader)\.[0-9a-f]+\.js$/.test(f));
  }
  const files = names
    .filter((file) => !firstScreen.has(file))
    .map((file) => ({ file, ...sizes(path.join(dist, file)) }));
  const exceljs = path.resolve(__dirname, "../node_modules/exceljs/dist/exceljs.min.js");
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
    exceljs: fs.existsSync(exceljs) ? sizes(exceljs) : null,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (require.main === module) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith("--"));
  const result = measureFirstScreen(dist ? path.resolve(dist) : undefined);
  const stats = path.resolve(__dirname, "../.bench/webpack-stats.json");
  const opening = measureOpeningChunks(dist ? path.resolve(dist) : undefined, stats);
  if (args.includes("--json")) {
    console.log(JSON.stringify({ ...result, opening }));
  } else {
    console.log("Erster Bildschirm des Aufgabenbereichs (JavaScript aus dist/taskpane.html):");
    for (const f of result.files)
      console.log(`  ${f.file.padEnd(32)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
    console.log(
      `  ${"Summe".padEnd(32)} ${kb(result.bytes).padStart(10)}  gzip ${kb(result.gzip).padStart(9)}  (Ziel ≤ ${kb(result.budget)})`,
    );
    console.log("Arbeitsmappe öffnen im Browser-Modus (nachgeladen, ohne die Skripte des ersten Bildschirms):");
    for (const f of opening.files)
      console.log(`  ${f.file.padEnd(32)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
    console.log(`  ${"Summe".padEnd(32)} ${kb(opening.bytes).padStart(10)}  gzip ${kb(opening.gzip).padStart(9)}`);
    if (opening.exceljs) {
      const { bytes, gzip } = opening.exceljs;
      console.log(
        `  ${"zum Vergleich: exceljs.min.js".padEnd(32)} ${kb(bytes).padStart(10)}  gzip ${kb(gzip).padStart(9)}`,
      );
      console.log(
        `  Verhältnis: ${(opening.bytes / bytes).toFixed(2)} (roh), ${(opening.gzip / gzip).toFixed(2)} (gzip); Ziel ≤ 0.25`,
      );
    }
  }
  if (result.gzip > result.budget) process.exitCode = 1;
}
