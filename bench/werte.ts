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
import { type GenesisArea, genesisCsv, windows1252 } from "../test/werte/genesisFile";

const RUNS = Number(process.env.RUNS ?? 5);
const AGES = [
  "unter 3 Jahre",
  "3 bis unter 6 Jahre",
  "6 bis unter 10 Jahre",
  "10 bis unter 15 Jahre",
  "15 bis unter 18 Jahre",
  "18 bis unter 20 Jahre",
  "20 bis unter 25 Jahre",
  "25 bis unter 30 Jahre",
  "30 bis unter 35 Jahre",
  "35 bis unter 40 Jahre",
  "40 bis unter 45 Jahre",
  "45 bis unter 50 Jahre",
  "50 bis unter 55 Jahre",
  "55 bis unter 60 Jahre",
  "60 bis unter 65 Jahre",
  "65 bis unter 75 Jahre",
  "75 bis unter 85 Jahre",
  "85 bis unter 90 Jahre",
  "90 Jahre und mehr",
  "Insgesamt",
  "darunter unter 18 Jahre",
];

/** DG, 16 Länder, 2–3 Regierungsbezirke each, and 30 Kreise per Land: 535 areas. */
function areas(): GenesisArea[] {
  const out: GenesisArea[] = [{ key: "DG", name: "Deutschland", depth: 0 }];
  for (let land = 1; land <= 16; land++) {
    const l = String(land).padStart(2, "0");
    out.push({ key: l, name: `Land ${l}`, depth: 1 });
    const districts = land % 2 === 0 ? 3 : 2;
    for (let rb = 1; rb <= districts; rb++) {
      out.push({ key: `${l}${rb}`, name: `Regierungsbezirk ${l}${rb}, Stat. Region`, depth: 2 });
      for (let k = 0; k < 30 / districts; k++) {
        const key = `${l}${rb}${String(51 + k).padStart(2, "0")}`;
        out.push({ key, name: `Kreis ${key}, Landkreis`, depth: 3 });
      }
    }
  }
  return out;
}

function federalTable(): Uint8Array {
  const nationality = ["Insgesamt", "Deutsche", "Ausländer(innen)"].flatMap((n) => [n, n, n]);
  const sex = nationality.map((_, i) => ["Insgesamt", "männlich", "weiblich"][i % 3]!);
  return windows1252(
    genesisCsv({
      code: "12411-03-03-4",
      titleLines: [
        "Bevölkerungsstand: Bevölkerung nach Geschlecht, Nationalität",
        "und Altersgruppen (21) - Stichtag 31.12. - (ab 2011)",
        "regionale Tiefe: Kreise und krfr. Städte",
        "Fortschreibung des Bevölkerungsstandes",
        "Bevölkerungsstand (Anzahl)",
      ],
      header: [nationality, sex],
      times: ["31.12.2023"],
      dims: AGES,
      areas: areas(),
      cell: (_t, a, d, c) => ((a * 7 + d * 3 + c) % 97 === 0 ? "." : String(1000 + a * 31 + d * 7 + c)),
    }),
  );
}

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
