/**
 * Benchmark of `check`, `check -o` and `matrix` against two floors measured in the same run: the read limit
 * (the file unzipped with JSZip and the parts `check` reads parsed with saxes, doing nothing with them) for
 * time, and an exceljs read of the same file for memory (and as the reader the program used before).
 *
 *   npm run bench                      sizes 500, 5.000, 20.000
 *   npm run bench -- --sizes 500,5000  other sizes
 *   npm run bench -- --runs 5          fresh processes per measurement (default 3)
 *   npm run bench -- --ops check,matrix-inplace   only these operations (and the floors)
 *
 * Every measurement runs in a fresh child process (bench/child.ts), so the peak RSS belongs to that one
 * operation. It prints figures and never fails on them: the exit code is 0 unless a measurement crashed.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Op } from "./child";
import { REPO_ROOT, TODAY, conceptWorkbook } from "./generate";
import { type Run, median, partsCheckReads, runChild } from "./runner";

const DEFAULT_SIZES = [500, 5000, 20000];
/** The floors: time against the read limit, peak memory against an exceljs read of the same file. */
const TIME_FLOOR: Op = "limit";
const MEMORY_FLOOR: Op = "read";
/** Aims at 5,000 measures (issue 18): time and, where given, peak memory relative to the floors. */
const AIMS: { op: Op; size: number; ratio: number; memory?: number }[] = [
  { op: "check", size: 5000, ratio: 1.5 },
  { op: "matrix-inplace", size: 5000, ratio: 2.5, memory: 1.0 },
];

/** What is measured (the floors themselves first). */
const MEASURES: { op: Op; label: string }[] = [
  { op: "limit", label: "Lesegrenze (JSZip + saxes)" },
  { op: "read", label: "exceljs: Lesen" },
  { op: "open", label: "öffnen und Tabellen lesen" },
  { op: "check", label: "check" },
  { op: "check-o", label: "check -o" },
  { op: "read-write", label: "exceljs: Lesen + Schreiben" },
  { op: "matrix", label: "matrix -o" },
  { op: "matrix-inplace", label: "matrix (in der Datei)" },
];

function parseOptions(argv: string[]): { sizes: number[]; runs: number; ops: Op[] | null } {
  let sizes = DEFAULT_SIZES;
  let runs = 3;
  let ops: Op[] | null = null;
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
    } else if (name === "--ops") {
      ops = value().split(",") as Op[];
      const unknown = ops.filter((op) => !MEASURES.some((m) => m.op === op));
      if (unknown.length) throw new Error(`--ops kennt ${unknown.join(", ")} nicht`);
    } else {
      throw new Error(`unbekannte Option ${arg}; möglich: --sizes 500,5000 --runs 3 --ops check,matrix`);
    }
  }
  return { sizes, runs, ops };
}

interface Summary {
  seconds: number;
  cpuSeconds: number;
  processSeconds: number;
  peakMB: number;
  runs: Run[];
}

function summarize(runs: Run[]): Summary {
  return {
    seconds: median(runs.map((r) => r.ms)) / 1000,
    cpuSeconds: median(runs.map((r) => r.cpuMs ?? 0)) / 1000,
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
  const { sizes, runs, ops } = parseOptions(process.argv.slice(2));
  const measures = MEASURES.filter((m) => !ops || ops.includes(m.op) || m.op === TIME_FLOOR || m.op === MEMORY_FLOOR);
  const log = (text: string) => process.stderr.write(`${text}\n`);
  console.log(
    `Maßnahmenplaner-Benchmark: Node ${process.version}, ${runs} frische Prozesse je Messung, Stichtag ${TODAY}`,
  );
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

  // The operations take turns (floor, exceljs, check, …, then again), so that a change in the machine's
  // load during the run weighs on all of them alike.
  const results = new Map<string, Summary>();
  let failed = false;
  for (const n of sizes) {
    const parts = await partsCheckReads(files.get(n)!);
    const done = new Map<Op, Run[]>(measures.map((m) => [m.op, []]));
    for (let i = 0; i < runs; i++) {
      for (const { op } of measures) {
        if (done.get(op)!.length < i) continue;
        log(`${count(n)} Maßnahmen: ${op} (${i + 1}/${runs}) …`);
        try {
          done.get(op)!.push(await runChild(op, files.get(n)!, op === TIME_FLOOR ? parts : []));
        } catch (error) {
          failed = true;
          log(error instanceof Error ? error.message : String(error));
        }
      }
    }
    for (const [op, list] of done) if (list.length === runs) results.set(`${n}:${op}`, summarize(list));
  }

  const header = [
    "Maßnahmen",
    "Vorgang",
    "Zeit (s)",
    "× Lesegrenze",
    "CPU (s)",
    "× Lesegrenze",
    "Spitze RSS (MB)",
    "× exceljs-Lesen",
    "Prozess (s)",
    "Befunde",
  ];
  const rows: string[][] = [];
  for (const n of sizes) {
    const time = results.get(`${n}:${TIME_FLOOR}`);
    const memory = results.get(`${n}:${MEMORY_FLOOR}`);
    for (const m of measures) {
      const s = results.get(`${n}:${m.op}`);
      const findings = m.op === TIME_FLOOR ? undefined : s?.runs[0]?.findings;
      rows.push([
        String(n),
        m.label,
        s ? fixed(s.seconds, 2) : "Fehler",
        s && time ? `${fixed(s.seconds / time.seconds, 2)}×` : "–",
        s ? fixed(s.cpuSeconds, 2) : "–",
        s && time ? `${fixed(s.cpuSeconds / time.cpuSeconds, 2)}×` : "–",
        s ? fixed(s.peakMB, 0) : "–",
        s && memory ? `${fixed(s.peakMB / memory.peakMB, 2)}×` : "–",
        s ? fixed(s.processSeconds, 2) : "–",
        findings === undefined ? "–" : String(findings),
      ]);
    }
  }
  console.log(table(header, rows, [true, false, true, true, true, true, true, true, true, true]));
  console.log("");
  console.log(
    "Zeit: Median der Operation im Kindprozess (Module vorher geladen). Lesegrenze: dieselbe Datei gelesen, mit",
  );
  console.log(
    "JSZip entpackt und die Teile, die check liest, mit saxes geparst, ohne etwas damit zu tun. CPU: Rechenzeit",
  );
  console.log(
    "des Prozesses während der Operation (alle Threads); auf einem ausgelasteten Rechner verlässlicher als die Zeit.",
  );
  console.log("Spitze RSS: Maximum über die Läufe, verglichen mit dem Lesen derselben Datei mit exceljs.");
  console.log("Prozess: Median der Laufzeit des ganzen Kindprozesses (mit Start von Node/tsx und Laden der Module).");
  console.log(
    "Befunde: bei check die Zahl der Befunde, bei matrix die Zahl der Zeilen der Runde. Geschrieben wird durch",
  );
  console.log(
    "Ändern des Pakets: nur die erzeugten Blätter und die nötigen Teile werden neu geschrieben, alles andere wird",
  );
  console.log("unverändert (gepackt) übernommen; gelesen werden nur die Blätter, die ein Befehl braucht.");
  console.log("");

  for (const aim of AIMS) reportAim(aim, results);
  return failed ? 1 : 0;
}

function reportAim(aim: (typeof AIMS)[number], results: Map<string, Summary>): void {
  const s = results.get(`${aim.size}:${aim.op}`);
  const f = results.get(`${aim.size}:${TIME_FLOOR}`);
  const r = results.get(`${aim.size}:${MEMORY_FLOOR}`);
  const memory = aim.memory ? `, Spitze RSS ≤ ${de(aim.memory, 1)}× exceljs-Lesen` : "";
  const text = `Ziel: ${aim.op} ≤ ${de(aim.ratio, 1)}× Lesegrenze${memory} bei ${count(aim.size)} Maßnahmen`;
  if (!s || !f || (aim.memory && !r)) {
    console.log(`${text}: nicht gemessen (Größe ${count(aim.size)} fehlt in --sizes oder die Messung schlug fehl).`);
    return;
  }
  const ratio = s.seconds / f.seconds;
  const memoryRatio = r ? s.peakMB / r.peakMB : 0;
  const met = ratio <= aim.ratio && (!aim.memory || memoryRatio <= aim.memory);
  console.log(
    `${text}: ${met ? "erreicht" : "NICHT erreicht"} (${de(ratio, 2)}×, ${de(s.seconds, 2)} s gegenüber ${de(f.seconds, 2)} s` +
      (aim.memory && r
        ? `; Speicher ${de(memoryRatio, 2)}×, ${de(s.peakMB, 0)} MB gegenüber ${de(r.peakMB, 0)} MB`
        : "") +
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
