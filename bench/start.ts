/**
 * Start-up of the installed command: `check` of the beispiel workbook through `bin/massnahmenplaner.js` (the
 * compiled command, as `npx massnahmenplaner` runs it) beside a bare `node -e 0` measured in the same run,
 * taking turns so that the machine's load weighs on both alike. Also which packages each command loads: the
 * command table loads a command's code only when it runs (docx and resvg only for `bericht`).
 *
 *   npm run bench                 (all benchmarks; this one as `tsx bench/start.ts`)
 *   tsx bench/start.ts --runs 15  fresh processes per measurement (default 11)
 *
 * It prints figures and never fails on them: the exit code is 0 unless a run crashed.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CACHE_DIR, REPO_ROOT } from "./generate";

const BIN = path.join(REPO_ROOT, "bin", "massnahmenplaner.js");
/** The aim of issue 18: `check` of the beispiel workbook at most this many times a bare Node start. */
const AIM = 4;

/** Wall time of one fresh process in milliseconds; rejects on a crash (exit code 2 or a signal). */
function timed(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      // `check` exits 1 for the example's findings; 2 or a signal is a failure.
      if (signal || (code !== 0 && code !== 1)) reject(new Error(`${args.join(" ")}: ${signal ?? code}\n${stderr}`));
      else resolve(performance.now() - start);
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The packages a command loads (from node_modules), by a preload that lists the module cache at exit. */
function packagesLoaded(args: string[]): string[] {
  const listAtExit =
    "process.on('exit',()=>{const s=new Set();for(const k of Object.keys(require.cache)){" +
    "const m=/node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k);if(m)s.add(m[1])}" +
    "process.stderr.write('\\n@@'+[...s].sort().join(',')+'\\n')});";
  // `node -e … x <args>`: the command reads process.argv from its third entry, as when started by its bin.
  const run = spawnSync(process.execPath, ["-e", `${listAtExit}require(${JSON.stringify(BIN)})`, "x", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  const line = run.stderr.split("\n").find((l) => l.startsWith("@@"));
  return line ? line.slice(2).split(",").filter(Boolean) : [];
}

function parseRuns(argv: string[]): number {
  const i = argv.indexOf("--runs");
  const runs = i >= 0 ? Number(argv[i + 1]) : 11;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs erwartet eine positive ganze Zahl");
  return runs;
}

async function main(): Promise<number> {
  const runs = parseRuns(process.argv.slice(2));
  const log = (text: string) => process.stderr.write(`${text}\n`);
  log("Übersetze die Kommandozeile (tsc -p tsconfig.cli.json, wie `prepare` bei npm install) …");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  await fs.mkdir(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, "beispiel.xlsx");
  await timed([BIN, "init", file, "--vorlage", "beispiel", "--force", "--quiet"]);

  const check: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    log(`Lauf ${i + 1}/${runs} …`);
    bare.push(await timed(["-e", "0"]));
    check.push(await timed([BIN, "check", file, "--quiet"]));
  }
  const checkMs = median(check);
  const bareMs = median(bare);
  console.log(`Start des installierten Befehls (Node ${process.version}, Median aus ${runs} frischen Prozessen)`);
  console.log(`  node -e 0 (Boden)                         ${bareMs.toFixed(0).padStart(5)} ms`);
  console.log(
    `  massnahmenplaner check beispiel.xlsx      ${checkMs.toFixed(0).padStart(5)} ms  = ${(checkMs / bareMs).toFixed(1)}× der Boden (Ziel ≤ ${AIM}×)`,
  );
  console.log("");
  console.log("Geladene Pakete je Befehl");
  for (const args of [["--help"], ["init", path.join(CACHE_DIR, "start-init.xlsx"), "--force"], ["check", file]]) {
    console.log(`  ${args[0]!.padEnd(7)} ${packagesLoaded(args).join(", ") || "(keine)"}`);
  }
  await fs.rm(path.join(CACHE_DIR, "start-init.xlsx"), { force: true });
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
