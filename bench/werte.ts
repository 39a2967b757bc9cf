/**
 * Benchmark of reading and mapping a federal GENESIS table for `werte` (issue 19): all Kreise with their
 * Länder and Regierungsbezirke, 21 age groups, 9 columns (Deutsche/Ausländer × Geschlecht), about 11,500
 * rows, as Windows-1252 CSV. Prints the time of each step beside its floor (decoding and splitting the
 * CSV, the least any reader must do), median of several runs; never asserts.
 *
 *   npx tsx bench/werte.ts            (RUNS=7 to change the number of runs)
 */
import { readStatisticsFile, toIndicatorValues, type WerteOptions } from "../src/workbook/werte";
import { decodeText } from "../src/domain/text";
import { parseCsv } from "../src/xlsx/importSource";
import { statisticsGrids } from "../src/xlsx/statisticsSource";
import { federalTable } from "./federal";

const RUNS = Number(process.env.RUNS ?? 5);
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    value = await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), value };
}

async function run(): Promise<void> {
  const bytes = federalTable();
  const floor = await timed(() => parseCsv(decodeText(bytes).text, ";").length);
  const grids = await timed(() => statisticsGrids(bytes, "12411-03-03-4.csv"));
  const read = await timed(() => readStatisticsFile(grids.value.grids, "12411-03-03-4.csv"));
  if (!read.value.ok) throw new Error("Die Tabelle wurde nicht gelesen.");
  const table = read.value.file.tables[0]!;
  const base: WerteOptions = {
    zuordnung: { indikator: "I-001" },
    gebiete: [],
    eigenesGebiet: "03151",
    alleGebiete: false,
    abgerufenAm: "2024-06-01",
  };
  const own = await timed(() => toIndicatorValues(table, base));
  const all = await timed(() => toIndicatorValues(table, { ...base, alleGebiete: true }));
  const heap = process.memoryUsage();
  const line = (label: string, ms: number, extra = "") =>
    console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms${extra}`);
  console.log(
    `werte: GENESIS-Tabelle mit ${table.records.length} Zeilen × ${table.columns.length} Spalten ` +
      `(${(bytes.length / 1e6).toFixed(1)} MB, Windows-1252), Median aus ${RUNS} Läufen`,
  );
  line("Untergrenze: dekodieren und zerlegen", floor.ms, ` (${floor.value} Zeilen)`);
  line("Datei → Raster (statisticsGrids)", grids.ms, ` (${(grids.ms / floor.ms).toFixed(2)}× Untergrenze)`);
  line("Raster → Tabelle (readStatisticsFile)", read.ms);
  line(
    "Tabelle → Werte, eigener Kreis",
    own.ms,
    ` (${own.value.werte.length} Werte, ${own.value.uebernahme.length} Zeilen Werteübernahme)`,
  );
  line("Tabelle → Werte, --alle-gebiete", all.ms, ` (${all.value.werte.length} Werte)`);
  line(
    "zusammen (Datei bis Werte, alle Gebiete)",
    grids.ms + read.ms + all.ms,
    ` (${((grids.ms + read.ms + all.ms) / floor.ms).toFixed(1)}× Untergrenze)`,
  );
  console.log(`Speicher: Heap ${(heap.heapUsed / 1e6).toFixed(0)} MB, RSS ${(heap.rss / 1e6).toFixed(0)} MB`);
}

void run();
