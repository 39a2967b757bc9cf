/**
 * Benchmark of the Integrationsmonitoring (issue 19), each operation in a fresh process (bench/child.ts):
 *
 * - `werte` of a federal GENESIS table (bench/federal.ts: all Kreise, 21 age groups × 9 columns, about
 *   11,500 rows) into a workbook of 5,000 measures, in place — aim: under 3 s and 300 MB peak. Floors beside
 *   it: the read limit of the workbook (JSZip + saxes over the parts `check` reads) and decoding and splitting
 *   the CSV, the least any reader of the two files must do.
 * - `check` of a workbook with 50,000 Indikatorwerte rows (by Gebiet and Gruppe, with markers and a computed
 *   share) — aim: at most 1.5× the read limit of the same file.
 *
 *   npx tsx bench/monitoring.ts            (RUNS=5 for more runs; default 3)
 *
 * Prints figures beside their floors and never fails on them.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../src/domain/dates";
import { decodeText } from "../src/domain/text";
import { templateContent } from "../src/domain/templates";
import { planNewWorkbook } from "../src/workbook/plan";
import { XlsxDocument } from "../src/xlsx/document";
import { parseCsv } from "../src/xlsx/importSource";
import type { Op } from "./child";
import { federalTable } from "./federal";
import { CACHE_DIR, TODAY, generateMeasures } from "./generate";
import { type Run, median, partsCheckReads, runChild } from "./runner";

const RUNS = Number(process.env.RUNS ?? 3);
const OWN = "03151";
type Rows = Record<string, Record<string, CellValue>[]>;

async function writeWorkbook(file: string, contents: Rows): Promise<void> {
  const doc = XlsxDocument.create(path.basename(file));
  doc.applyWorkbookPlan(planNewWorkbook(contents as never));
  await fs.writeFile(file, doc.toBytes());
}

/** The example concept with 5,000 measures and its own Kreis in Einstellungen. */
function measuresConcept(): Rows {
  const content = templateContent("beispiel", TODAY) as Rows;
  return {
    ...content,
    einstellungen: [...(content.einstellungen ?? []), { schluessel: "Gebiet", wert: OWN }],
    massnahmen: generateMeasures(5000),
  };
}

/** The example concept with 50,000 Indikatorwerte: 12 indicators × 10 years × 24 Gebiete × Gruppen, some marked. */
function valuesConcept(): Rows {
  const content = templateContent("beispiel", TODAY) as Rows;
  const gemeinden = Array.from({ length: 20 }, (_, i) => `${OWN}${String(i + 1).padStart(3, "0")}`);
  const gebiete = [
    { id: OWN, gebiet: "Landkreis Beispiel", ebene: "Kreis", uebergeordnet: "03" },
    ...gemeinden.map((id, i) => ({ id, gebiet: `Gemeinde ${i + 1}`, ebene: "Gemeinde", uebergeordnet: OWN })),
    { id: "03", gebiet: "Niedersachsen", ebene: "Land", vergleich: "ja" },
    { id: "DG", gebiet: "Deutschland", ebene: "Bund", vergleich: "ja" },
  ];
  const gruppen = ["", "weiblich", "männlich", "Ausländer/-innen", "weiblich | Ausländer/-innen", "unter 18 Jahre"];
  const indikatoren = (content.indikatoren ?? []).map((i, n) =>
    n === 2 ? { ...i, art: "Basisindikator", ziel: null, berechnung: "I-001 / I-002", einheit: "%" } : i,
  );
  const werte: Record<string, CellValue>[] = [];
  let k = 0;
  outer: for (let y = 2015; y <= 2024; y++) {
    for (const ind of indikatoren) {
      for (const g of [...gebiete.map((x) => x.id)]) {
        for (const gruppe of gruppen) {
          if (werte.length >= 50_000) break outer;
          const marked = ++k % 97 === 0;
          werte.push({
            indikator: ind["id"] ?? null,
            stichtag: new Date(Date.UTC(y, 11, 31)),
            gebiet: g === OWN && k % 2 ? null : g,
            gruppe: gruppe || null,
            wert: marked ? null : ind["einheit"] === "%" ? k % 100 : 100 + (k % 5000),
            kennzeichen: marked ? "." : null,
            quelle: "GENESIS 12411-03-03-4",
            abgerufenAm: new Date(Date.UTC(2025, 2, 1)),
          });
        }
      }
    }
  }
  return { ...content, indikatoren, gebiete, indikatorwerte: werte };
}

async function cached(name: string, make: (file: string) => Promise<void>): Promise<string> {
  await fs.mkdir(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, name);
  await fs.access(file).catch(() => make(file));
  return file;
}

async function runs(op: Op, file: string, args: string[]): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    process.stderr.write(`${op} ${path.basename(file)} (${i + 1}/${RUNS}) …\n`);
    out.push(await runChild(op, file, args));
  }
  return out;
}

const seconds = (list: Run[]) => median(list.map((r) => r.ms)) / 1000;
/** CPU time of the operation: on a loaded machine steadier than the wall time. */
const cpu = (list: Run[]) => median(list.map((r) => r.cpuMs ?? 0)) / 1000;
const peak = (list: Run[]) => Math.max(...list.map((r) => r.maxRssKiB)) / 1024;
const de = (n: number, digits = 2) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  // The generator's code names the cache: a change of it writes new files.
  const stamp = (await fs.stat(__filename)).mtimeMs.toFixed(0);
  const concept = await cached(`monitoring-5000-${stamp}.xlsx`, (f) => writeWorkbook(f, measuresConcept()));
  const values = await cached(`indikatorwerte-50000-${stamp}.xlsx`, (f) => writeWorkbook(f, valuesConcept()));
  const csv = path.join(CACHE_DIR, "12411-03-03-4.csv");
  const bytes = federalTable();
  await fs.writeFile(csv, bytes);

  const csvFloor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    parseCsv(decodeText(bytes).text, ";");
    csvFloor.push(performance.now() - start);
  }
  const conceptLimit = await runs("limit", concept, await partsCheckReads(concept));
  const werte = await runs("werte", concept, [csv]);
  const valuesLimit = await runs("limit", values, await partsCheckReads(values));
  const check = await runs("check", values, []);

  const floor = seconds(conceptLimit) + median(csvFloor) / 1000;
  console.log(`Integrationsmonitoring-Benchmark: Node ${process.version}, Median aus ${RUNS} frischen Prozessen`);
  console.log("");
  console.log(
    `werte: GENESIS-Tabelle (${de(bytes.length / 1e6, 1)} MB, Windows-1252) in eine Arbeitsmappe mit 5.000 Maßnahmen`,
  );
  console.log(`  Lesegrenze der Arbeitsmappe            ${de(seconds(conceptLimit))} s`);
  console.log(`  CSV dekodieren und zerlegen            ${de(median(csvFloor) / 1000)} s`);
  console.log(
    `  werte (lesen, abgleichen, schreiben)   ${de(seconds(werte))} s = ${de(seconds(werte) / floor)}× Untergrenze, ` +
      `Spitze RSS ${de(peak(werte), 0)} MB, ${werte[0]?.findings ?? 0} Werte übernommen`,
  );
  console.log(
    `  Ziel: unter 3 s und 300 MB: ${seconds(werte) < 3 && peak(werte) < 300 ? "erreicht" : "NICHT erreicht"}.`,
  );
  console.log("");
  console.log("check: Arbeitsmappe mit 50.000 Indikatorwerten (Gebiete, Gruppen, Kennzeichen, eine Berechnung)");
  console.log(`  Lesegrenze derselben Datei             ${de(seconds(valuesLimit))} s`);
  const ratio = seconds(check) / seconds(valuesLimit);
  console.log(
    `  check                                  ${de(seconds(check))} s = ${de(ratio)}× Lesegrenze, ` +
      `Spitze RSS ${de(peak(check), 0)} MB, ${check[0]?.findings ?? 0} Befunde`,
  );
  console.log(
    `  CPU: check ${de(cpu(check))} s, Lesegrenze ${de(cpu(valuesLimit))} s = ${de(cpu(check) / cpu(valuesLimit))}×`,
  );
  console.log(`  Ziel: höchstens 1,5× Lesegrenze: ${ratio <= 1.5 ? "erreicht" : "NICHT erreicht"}.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
