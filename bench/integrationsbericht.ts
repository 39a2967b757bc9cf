/**
 * Benchmark of `integrationsbericht` (issue 20): the Integrationsbericht of 40 Basisindikatoren × 30 Gebiete ×
 * 10 years with its 40 charts — aim under 10 s and 500 MB —, and a Gemeindeprofil — aim under 3 s.
 *
 *   npx tsx bench/integrationsbericht.ts             3 fresh processes per measurement
 *   npx tsx bench/integrationsbericht.ts --runs 5
 *
 * Each measurement in a fresh child process (peak RSS belongs to that one run), modules loaded before the
 * clock starts. Beside them, measured in the same run, the floor: the read limit of the workbook (JSZip and
 * saxes over the parts the program reads, bench/child.ts `limit`) plus rasterising the report's 40 charts
 * alone (resvg, the same SVGs) — what any program that reads this workbook and draws these charts spends.
 * Figures are printed, never asserted.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CellValue } from "../src/domain/dates";
import { templateContent } from "../src/domain/templates";
import { planNewWorkbook } from "../src/workbook/plan";
import { XlsxDocument } from "../src/xlsx/document";
import { TODAY } from "./generate";
import { median, partsCheckReads, runChild, runScriptChild } from "./runner";

const INDICATORS = 40;
const GEMEINDEN = 27; // + the Kreis, the Land and the Bund: 30 Gebiete
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const OWN = "03151";
const PROFIL = `${OWN}001`;
const AIM = { bericht: { seconds: 10, megabytes: 500 }, profil: { seconds: 3, megabytes: 500 } };
type Op = "bericht" | "profil" | "charts";
type Row = Record<string, CellValue>;

/** The example concept with the Gebiete, 40 Basisindikatoren (one computed share) and their values. */
function content(): Record<string, Row[]> {
  const base = templateContent("beispiel", TODAY) as Record<string, Row[]>;
  const felder = (base.handlungsfelder ?? []).map((h) => String(h.id));
  const gebiete: Row[] = [
    { id: OWN, gebiet: "Landkreis Beispiel", ebene: "Kreis", uebergeordnet: "03" },
    ...Array.from({ length: GEMEINDEN }, (_, i) => ({
      id: `${OWN}${String(i + 1).padStart(3, "0")}`,
      gebiet: `Gemeinde ${i + 1}`,
      ebene: "Gemeinde",
      uebergeordnet: OWN,
    })),
    { id: "03", gebiet: "Niedersachsen", ebene: "Land", vergleich: "ja" },
    { id: "DG", gebiet: "Deutschland", ebene: "Bund", vergleich: "ja" },
  ];
  const indikatoren: Row[] = Array.from({ length: INDICATORS }, (_, i) => ({
    id: `B-${String(i + 1).padStart(2, "0")}`,
    art: "Basisindikator",
    indikator: i === INDICATORS - 1 ? "Anteil B-01 an B-02" : `Basisindikator ${i + 1}`,
    einheit: i === INDICATORS - 1 || i % 3 === 0 ? "%" : "Anzahl",
    handlungsfeld: i < 10 ? null : felder[i % felder.length]!,
    datenquelle: "Landesamt für Statistik",
    definition: "Was gezählt wird, in einem Satz.",
    berechnung: i === INDICATORS - 1 ? "B-01 / B-02" : null,
  }));
  const werte: Row[] = [];
  gebiete.forEach((g, k) => {
    const size = g.id === "DG" ? 80_000_000 : g.id === "03" ? 8_000_000 : g.id === OWN ? 180_000 : 2_000 + 500 * k;
    for (const ind of indikatoren.slice(0, -1)) {
      const share = ind.einheit === "%";
      YEARS.forEach((y, j) =>
        werte.push({
          indikator: ind.id ?? null,
          stichtag: new Date(Date.UTC(y, 11, 31)),
          gebiet: g.id ?? null,
          wert: share ? 10 + ((k + j) % 7) + j * 0.3 : Math.round(size * (1 + 0.01 * j)),
          kennzeichen: (k * 31 + j) % 97 === 0 ? "p" : null,
          quelle: "GENESIS 12411-01-01-4",
          abgerufenAm: new Date(Date.UTC(2025, 2, 1)),
        }),
      );
    }
  });
  const einstellungen = [...(base.einstellungen ?? []), { schluessel: "Gebiet", wert: OWN }];
  return {
    ...base,
    einstellungen,
    gebiete,
    indikatoren: [...(base.indikatoren ?? []), ...indikatoren],
    indikatorwerte: werte,
  };
}

async function writeWorkbook(file: string): Promise<void> {
  const doc = XlsxDocument.create(path.basename(file), new Date(`${TODAY}T00:00:00Z`));
  doc.applyWorkbookPlan(planNewWorkbook(content() as never));
  await fs.writeFile(file, doc.toBytes());
}

// ---- child ----------------------------------------------------------------------------------------------

async function child(op: Op, file: string): Promise<void> {
  const { commandIntegrationsbericht } = await import("../src/cli/integrationsbericht");
  const { parseCommandArgs } = await import("../src/cli/args");
  const { INTEGRATIONSBERICHT } = await import("../src/cli/specs");
  const { createProgress } = await import("../src/cli/progress");
  const { readIntegrationsbericht } = await import("../src/workbook/integrationsbericht");
  const { areaChartSvg } = await import("../src/docx/areaChart");
  const { resvgRasterizer } = await import("../src/docx/raster");
  const { openWorkbook } = await import("../src/xlsx/file");
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "bench-ib-"));
  const target = path.join(out, "bericht.docx");
  let ms: number;
  if (op === "charts") {
    // The floor's second part: the same 40 charts rasterised, the model built before the clock.
    const read = readIntegrationsbericht(await (await openWorkbook(file)).source(), { today: TODAY });
    if (!("model" in read)) throw new Error("kein Bericht");
    const svgs = read.model.kapitel.flatMap((k) => k.basis.map((b) => areaChartSvg(b, { labels: true })));
    const charts = resvgRasterizer();
    const start = performance.now();
    for (const svg of svgs) charts.toPng(svg);
    ms = performance.now() - start;
  } else {
    const io = { out: () => undefined, err: (t: string) => process.stderr.write(t), today: () => TODAY };
    const argv = [file, "-o", target, ...(op === "profil" ? ["--gebiet", PROFIL] : [])];
    const start = performance.now();
    const code = await commandIntegrationsbericht(parseCommandArgs(argv, INTEGRATIONSBERICHT), {
      io,
      progress: createProgress(
        () => undefined,
        () => 0,
        true,
      ),
    });
    ms = performance.now() - start;
    if (code !== 0) throw new Error(`integrationsbericht endete mit ${code}`);
  }
  const bytes = op === "charts" ? 0 : (await fs.stat(target)).size;
  await fs.rm(out, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, bytes })}\n`);
}

// ---- parent ---------------------------------------------------------------------------------------------

interface Run {
  ms: number;
  maxRssKiB: number;
  bytes: number;
}

const runOwnChild = (op: Op, file: string) => runScriptChild<Run>(__filename, [op, file]);

const de = (n: number, digits = 2) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function parent(argv: string[]): Promise<void> {
  const runsArg = argv.indexOf("--runs");
  const runs = runsArg >= 0 ? Number(argv[runsArg + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs erwartet eine positive ganze Zahl");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-ib-"));
  const file = path.join(dir, "monitoring-40x30x10.xlsx");
  process.stderr.write(`Arbeitsmappe mit ${INDICATORS} Basisindikatoren × 30 Gebiete × ${YEARS.length} Jahre …\n`);
  await writeWorkbook(file);
  const parts = await partsCheckReads(file);
  const measure = async (label: string, run: () => Promise<Run>) => {
    const done: Run[] = [];
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`${label} (${i + 1}/${runs}) …\n`);
      done.push(await run());
    }
    return {
      seconds: median(done.map((r) => r.ms)) / 1000,
      mb: Math.max(...done.map((r) => r.maxRssKiB)) / 1024,
      bytes: done[0]!.bytes,
    };
  };
  const limit = await measure("Lesegrenze", async () => {
    const r = await runChild("limit", file, parts);
    return { ms: r.ms, maxRssKiB: r.maxRssKiB, bytes: 0 };
  });
  const charts = await measure("Diagramme allein", () => runOwnChild("charts", file));
  const bericht = await measure("Integrationsbericht", () => runOwnChild("bericht", file));
  const profil = await measure("Gemeindeprofil", () => runOwnChild("profil", file));
  const floor = limit.seconds + charts.seconds;
  const aim = (m: { seconds: number; mb: number }, a: { seconds: number; megabytes: number }) =>
    m.seconds < a.seconds && m.mb < a.megabytes ? "erreicht" : "verfehlt";
  console.log(
    `integrationsbericht-Benchmark: Node ${process.version}, Median aus ${runs} frischen Prozessen, ` +
      `${INDICATORS} Basisindikatoren × 30 Gebiete × ${YEARS.length} Jahre (${INDICATORS * 30 * YEARS.length} Werte, eine Berechnung)`,
  );
  console.log(`  Lesegrenze der Arbeitsmappe            ${de(limit.seconds)} s`);
  console.log(`  40 Diagramme rastern (resvg) allein    ${de(charts.seconds)} s`);
  console.log(`  Untergrenze (Summe)                    ${de(floor)} s`);
  console.log(
    `  Integrationsbericht                    ${de(bericht.seconds)} s = ${de(bericht.seconds / floor)}× Untergrenze, ` +
      `Spitze RSS ${de(bericht.mb, 0)} MB, ${de(bericht.bytes / 1e6, 1)} MB; Ziel unter 10 s und 500 MB: ${aim(bericht, AIM.bericht)}`,
  );
  console.log(
    `  Gemeindeprofil                         ${de(profil.seconds)} s = ${de(profil.seconds / floor)}× Untergrenze, ` +
      `Spitze RSS ${de(profil.mb, 0)} MB, ${de(profil.bytes / 1e6, 1)} MB; Ziel unter 3 s: ${aim(profil, AIM.profil)}`,
  );
  console.log("Zeit: im Kindprozess ohne Laden der Module (vom Lesen der Datei bis zur geschriebenen Datei).");
  await fs.rm(dir, { recursive: true, force: true });
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  child(args[1] as Op, args[2]!).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
} else {
  parent(args).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
