/**
 * Benchmark of `bericht` (the Sachstandsbericht as .docx) for 5,000 measures and 200 indicators.
 *
 *   npx tsx bench/bericht.ts                 3 fresh processes per measurement
 *   npx tsx bench/bericht.ts --runs 5
 *
 * Two measurements, each in a fresh child process (peak RSS belongs to that one run), modules loaded before
 * the clock starts:
 * - `bericht`: the command as it is (read, check, latest round, render, write); the workbook has no
 *   monitoring data, so no charts are drawn;
 * - `bericht mit Monitoring`: the same plus monitoring data handed to the report as a monitoring domain
 *   would (200 indicators with 6 values each → 200 charts rasterised by resvg; one Sachstand per measure).
 * The aim (issue 11): under 10 s and 500 MB. Figures are printed, never asserted.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CellValue } from "../src/domain/dates";
import type { MonitoringInput } from "../src/domain/report";
import { templateContent } from "../src/domain/templates";
import { planNewWorkbook } from "../src/workbook/plan";
import { XlsxDocument } from "../src/xlsx/document";
import { TODAY, generateMeasures } from "./generate";
import { runScriptChild } from "./runner";
import { parseCommandArgs } from "../src/cli/args";
import { BERICHT } from "../src/cli/specs";
import { createProgress } from "../src/cli/progress";

const MEASURES = 5000;
const INDICATORS = 200;
const AIM = { seconds: 10, megabytes: 500 };
type Op = "bericht" | "bericht-monitoring";
const OPS: { op: Op; label: string }[] = [
  { op: "bericht", label: "bericht" },
  { op: "bericht-monitoring", label: "bericht mit Monitoring (200 Diagramme)" },
];

type Row = Record<string, CellValue>;

/** The example's indicators and more of the same kind up to `n`, spread over the example's Ziele. */
function indicators(n: number): Row[] {
  const base = templateContent("beispiel", TODAY);
  const rows = [...(base.indikatoren ?? [])];
  const ziele = (base.ziele ?? []).map((z) => String(z.id));
  for (let i = rows.length; i < n; i++) {
    const percent = i % 2 === 0;
    rows.push({
      id: `I-${String(i + 1).padStart(3, "0")}`,
      ziel: ziele[i % ziele.length]!,
      indikator: percent ? `Quote ${i + 1} der Zielgruppe im Sozialraum` : `Teilnehmende ${i + 1} pro Jahr`,
      einheit: percent ? "%" : "Personen",
      basiswert: percent ? 20 + (i % 30) : 100 + i,
      basisjahr: 2022,
      zielwert: percent ? 60 + (i % 30) : 300 + 2 * i,
      zieljahr: 2030,
      datenquelle: "Kommunalstatistik",
      erhebungsturnus: "jährlich",
    });
  }
  return rows;
}

export async function writeWorkbook(file: string): Promise<void> {
  const doc = XlsxDocument.create(path.basename(file), new Date(`${TODAY}T00:00:00Z`));
  const content = {
    ...templateContent("beispiel", TODAY),
    indikatoren: indicators(INDICATORS),
    massnahmen: generateMeasures(MEASURES),
  };
  doc.applyWorkbookPlan(planNewWorkbook(content));
  await fs.writeFile(file, doc.toBytes());
}

/** Monitoring data of the kind the monitoring domain hands over: 6 yearly values per indicator, a Sachstand per measure. */
function syntheticMonitoring(indicatorRows: Row[], measureIds: string[]): MonitoringInput {
  return {
    berichtsstichtag: "2026-06-30",
    indicators: indicatorRows.map((row, k) => {
      const basis = Number(row.basiswert);
      const ziel = Number(row.zielwert);
      const werte = [2020, 2021, 2022, 2023, 2024, 2025].map((y, j) => ({
        stichtag: `${y}-12-31`,
        wert: Math.round(basis + ((ziel - basis) * (j - 2 + (k % 3))) / 8),
      }));
      const ist = werte[werte.length - 1]!;
      const zielerreichung = ((ist.wert - basis) / (ziel - basis)) * 100;
      const soll = (1642 / 2922) * 100; // 31.12.2022 → 30.06.2026 of 31.12.2022 → 31.12.2030
      const ampel = zielerreichung >= soll - 10 ? "grün" : zielerreichung >= soll - 30 ? "gelb" : "rot";
      return { id: String(row.id), ist, zielerreichung, soll, ampel, werte };
    }),
    sachstaende: measureIds.map((id, k) => ({
      massnahme: id,
      berichtsstichtag: "2026-06-30",
      status: "in Umsetzung",
      umsetzung: (k * 7) % 101,
      ampel: (["grün", "gelb", "rot"] as const)[k % 3]!,
      sachstand: "Die Maßnahme läuft wie geplant; zwei Termine mit den Trägern im Sozialraum sind vereinbart.",
    })),
  };
}

// ---- child ----------------------------------------------------------------------------------------------

async function child(op: Op, file: string): Promise<void> {
  const { berichtCommand } = await import("../src/cli/bericht");
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "bench-bericht-"));
  const target = path.join(out, "bericht.docx");
  const io = { out: () => undefined, err: (t: string) => process.stderr.write(t), today: () => TODAY };
  const command =
    op === "bericht"
      ? berichtCommand()
      : berichtCommand((_source, concept) =>
          syntheticMonitoring(
            (concept.indikatoren?.rows ?? []).map((r) => r.values as Row),
            concept.massnahmen.rows.map((r) => String(r.values.id ?? "")).filter((id) => id !== ""),
          ),
        );
  const start = performance.now();
  const args = parseCommandArgs([file, "-o", target], BERICHT);
  const code = await command(args, {
    io,
    progress: createProgress(
      () => undefined,
      () => 0,
      true,
    ),
  });
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`bericht endete mit ${code}`);
  const bytes = (await fs.stat(target)).size;
  await fs.rm(out, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, bytes })}\n`);
}

// ---- parent ---------------------------------------------------------------------------------------------

interface Run {
  ms: number;
  maxRssKiB: number;
  bytes: number;
}

const runChild = (op: Op, file: string) => runScriptChild<Run>(__filename, [op, file]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function parent(argv: string[]): Promise<number> {
  const runsArg = argv.indexOf("--runs");
  const runs = runsArg >= 0 ? Number(argv[runsArg + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs erwartet eine positive ganze Zahl");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-bericht-"));
  const file = path.join(dir, `konzept-${MEASURES}-${INDICATORS}.xlsx`);
  process.stderr.write(`Arbeitsmappe mit ${MEASURES} Maßnahmen und ${INDICATORS} Indikatoren …\n`);
  await writeWorkbook(file);
  console.log(
    `bericht-Benchmark: Node ${process.version}, ${runs} frische Prozesse je Messung, ${MEASURES} Maßnahmen, ${INDICATORS} Indikatoren`,
  );
  console.log("Vorgang                                 Zeit (s)  Spitze RSS (MB)  Bericht (MB)  Ziel");
  let failed = false;
  for (const { op, label } of OPS) {
    const done: Run[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        process.stderr.write(`${label} (${i + 1}/${runs}) …\n`);
        done.push(await runChild(op, file));
      }
    } catch (error) {
      failed = true;
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      continue;
    }
    const seconds = median(done.map((r) => r.ms)) / 1000;
    const peak = Math.max(...done.map((r) => r.maxRssKiB)) / 1024;
    const aim = seconds < AIM.seconds && peak < AIM.megabytes ? "erreicht" : "verfehlt";
    console.log(
      `${label.padEnd(40)} ${seconds.toFixed(2).padStart(8)}  ${peak.toFixed(0).padStart(15)}  ${(done[0]!.bytes / 1024 / 1024).toFixed(2).padStart(12)}  ${aim}`,
    );
  }
  console.log(
    `Zeit: Median im Kindprozess ohne Laden der Module; Ziel: unter ${AIM.seconds} s und ${AIM.megabytes} MB.`,
  );
  await fs.rm(dir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

const args = process.argv.slice(2);
if (require.main !== module) {
  // imported for its workbook generator
} else if (args[0] === "--child") {
  child(args[1] as Op, args[2]!).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
} else {
  parent(args).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
