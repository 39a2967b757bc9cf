/**
 * Benchmark of `check`, `check -o` and `matrix` against what exceljs alone needs for the same file.
 *
 *   npm run bench                      sizes 500, 5.000, 20.000
 *   npm run bench -- --sizes 500,5000  other sizes
 *   npm run bench -- --runs 5          fresh processes per measurement (default 3)
 *
 * Every measurement runs in a fresh child process (bench/child.ts), so the peak RSS belongs to that one
 * operation. It prints figures and never fails on them: the exit code is 0 unless a measurement crashed.
 */
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { ChildResult, Op } from "./child";
import { REPO_ROOT, TODAY, conceptWorkbook } from "./generate";

const DEFAULT_SIZES = [500, 5000, 20000];
/** Aims at 5,000 measures: time (and where given, peak memory) relative to the measure's floor. */
const AIMS: { op: Op; size: number; ratio: number; memory?: number }[] = [
  { op: "check", size: 5000, ratio: 1.5 },
  { op: "matrix-inplace", size: 5000, ratio: 1.2, memory: 1.5 },
];
const CHILD = path.join(__dirname, "child.ts");

/** What is measured, and the exceljs-only operation it is compared with. */
const MEASURES: { op: Op; label: string; floor: Op }[] = [
  { op: "open", label: "öffnen (eigenes Lesen)", floor: "read" },
  { op: "check", label: "check", floor: "read" },
  { op: "check-o", label: "check -o", floor: "read-write" },
  { op: "matrix", label: "matrix -o", floor: "read-write" },
  // The aim of in-place writes: at most 1.2× the time and 1.5× the memory of reading the file alone.
  { op: "matrix-inplace", label: "matrix (in der Datei)", floor: "read" },
];

interface Run extends ChildResult {
  /** Wall time of the whole child process, tsx start-up and module loading included. */
  processMs: number;
}

function parseOptions(argv: string[]): { sizes: number[]; runs: number } {
  let sizes = DEFAULT_SIZES;
  let runs = 3;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (name === "--sizes") {
      sizes = value()
        .split(",")
        .map((s) => Number(s.trim().replace(/[._]/g, "")));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
        throw new Error("--sizes erwartet positive ganze Zahlen, z. B. --sizes 500,5000");
      }
    } else if (name === "--runs") {
      runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs erwartet eine positive ganze Zahl");
    } else {
      throw new Error(`unbekannte Option ${arg}; möglich: --sizes 500,5000 --runs 3`);
    }
  }
  return { sizes, runs };
}

/** `node --import tsx bench/child.ts <op> <file>` in a fresh process. */
function runChild(op: Op, file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, op, file], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const processMs = performance.now() - start;
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`${op} ${path.basename(file)}: Kindprozess endete mit ${signal ?? code}\n${stderr.trim()}`));
        return;
      }
      resolve({ ...(JSON.parse(line) as ChildResult), processMs });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Summary {
  seconds: number;
  processSeconds: number;
  peakMB: number;
  runs: Run[];
}

function summarize(runs: Run[]): Summary {
  return {
    seconds: median(runs.map((r) => r.ms)) / 1000,
    processSeconds: median(runs.map((r) => r.processMs)) / 1000,
    peakMB: Math.max(...runs.map((r) => r.maxRssKiB)) / 1024,
    runs,
  };
}

/** Figures in the table: decimal point, no thousands separator (readable in German and English, parseable). */
const fixed = (n: number, digits: number) => n.toFixed(digits);
const mb = (bytes: number) => `${fixed(bytes / 1024 / 1024, 2)} MB`;
/** Figures in German sentences: 5.000, 1,5. */
const de = (n: number, digits: number) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (n: number) => n.toLocaleString("de-DE");

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

async function main(): Promise<number> {
  const { sizes, runs } = parseOptions(process.argv.slice(2));
  const log = (text: string) => process.stderr.write(`${text}\n`);
  console.log(`Maßnahmenplaner-Benchmark: Node ${process.version}, ${runs} frische Prozesse je Messung, Stichtag ${TODAY}`);
  console.log("");

  const files = new Map<number, string>();
  const fileRows: string[][] = [];
  for (const n of sizes) {
    log(`Arbeitsmappe mit ${count(n)} Maßnahmen …`);
    const { file, generatedMs } = await conceptWorkbook(n);
    files.set(n, file);
    const { size } = await fs.stat(file);
    fileRows.push([
      String(n),
      mb(size),
      generatedMs === null ? "aus Cache" : `erzeugt in ${fixed(generatedMs / 1000, 1)} s`,
      path.relative(REPO_ROOT, file),
    ]);
  }
  console.log("Arbeitsmappen");
  console.log(table(["Maßnahmen", "Größe", "Herkunft", "Datei"], fileRows, [true, true, false, false]));
  console.log("");

  const results = new Map<string, Summary>();
  let failed = false;
  const ops = [...new Set(MEASURES.flatMap((m) => [m.floor, m.op]))];
  for (const n of sizes) {
    for (const op of ops) {
      const done: Run[] = [];
      for (let i = 0; i < runs; i++) {
        log(`${count(n)} Maßnahmen: ${op} (${i + 1}/${runs}) …`);
        try {
          done.push(await runChild(op, files.get(n)!));
        } catch (error) {
          failed = true;
          log(error instanceof Error ? error.message : String(error));
          break;
        }
      }
      if (done.length === runs) results.set(`${n}:${op}`, summarize(done));
    }
  }

  const header = [
    "Maßnahmen", "Vorgang", "Zeit (s)", "Boden (s)", "Verhältnis", "Spitze RSS (MB)", "Boden RSS (MB)", "Prozess (s)", "Befunde",
  ];
  const rows: string[][] = [];
  for (const n of sizes) {
    for (const m of MEASURES) {
      const s = results.get(`${n}:${m.op}`);
      const f = results.get(`${n}:${m.floor}`);
      const findings = s?.runs[0]?.findings;
      rows.push([
        String(n),
        m.label,
        s ? fixed(s.seconds, 2) : "Fehler",
        f ? fixed(f.seconds, 2) : "Fehler",
        s && f ? `${fixed(s.seconds / f.seconds, 2)}×` : "–",
        s ? fixed(s.peakMB, 0) : "–",
        f ? fixed(f.peakMB, 0) : "–",
        s ? fixed(s.processSeconds, 2) : "–",
        findings === undefined ? "–" : String(findings),
      ]);
    }
  }
  console.log(table(header, rows, [true, false, true, true, true, true, true, true, true]));
  console.log("");
  console.log("Zeit: Median der Operation im Kindprozess; Boden: dieselbe Datei nur mit exceljs");
  console.log("(check: xlsx.readFile; check -o und matrix: xlsx.readFile + xlsx.writeFile). Spitze RSS: Maximum über die Läufe.");
  console.log("Prozess: Median der Laufzeit des ganzen Kindprozesses (mit Start von Node/tsx und Laden der Module).");
  console.log("Befunde: bei matrix die Zahl der Zeilen der Runde. Geschrieben wird durch Ändern des Pakets: nur die erzeugten");
  console.log("Blätter und die nötigen Teile werden neu geschrieben, alles andere wird unverändert (gepackt) übernommen.");
  console.log("");

  for (const aim of AIMS) reportAim(aim, results);
  return failed ? 1 : 0;
}

function reportAim(aim: (typeof AIMS)[number], results: Map<string, Summary>): void {
  const s = results.get(`${aim.size}:${aim.op}`);
  const floor = MEASURES.find((m) => m.op === aim.op)!.floor;
  const f = results.get(`${aim.size}:${floor}`);
  const memory = aim.memory ? `, Spitze RSS ≤ ${de(aim.memory, 1)}× ${floor}` : "";
  const text = `Ziel: ${aim.op} ≤ ${de(aim.ratio, 1)}× ${floor}${memory} bei ${count(aim.size)} Maßnahmen`;
  if (!s || !f) {
    console.log(`${text}: nicht gemessen (Größe ${count(aim.size)} fehlt in --sizes oder die Messung schlug fehl).`);
    return;
  }
  const ratio = s.seconds / f.seconds;
  const memoryRatio = s.peakMB / f.peakMB;
  const met = ratio <= aim.ratio && (!aim.memory || memoryRatio <= aim.memory);
  console.log(
    `${text}: ${met ? "erreicht" : "NICHT erreicht"} (${de(ratio, 2)}×, ${de(s.seconds, 2)} s gegenüber ${de(f.seconds, 2)} s` +
      (aim.memory ? `; Speicher ${de(memoryRatio, 2)}×, ${de(s.peakMB, 0)} MB gegenüber ${de(f.peakMB, 0)} MB` : "") +
      ").",
  );
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
