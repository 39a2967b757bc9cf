/**
 * Benchmark of `import` (issue 12): a city's list of 5,000 measures with a title row, a Zuständigkeit such as
 * `FB 50 / Jobcenter`, dates like `Ende 2026` and three per-period Sachstand columns, as .csv and as .xlsx,
 * through the CLI (read, guess, build, write). Prints, never asserts.
 *
 *   npx tsx bench/import.ts            (MEASURES=5000 to change the size)
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";

const MEASURES = Number(process.env.MEASURES ?? 5000);
const HEADER = [
  "Nr.",
  "Handlungsfeld",
  "Maßnahme",
  "Beschreibung",
  "Zuständigkeit",
  "bis wann",
  "Kosten",
  "Sachstand 2013",
  "Stand 2015/16",
  "Ampel 2017/2018",
  "Förderung",
];

function rows(): string[][] {
  return Array.from({ length: MEASURES }, (_, i) => [
    `${1 + (i % 9)}.${i + 1}`,
    `Handlungsfeld ${1 + (i % 9)}`,
    `Maßnahme ${i + 1}`,
    `Beschreibung der Maßnahme ${i + 1} mit einigen Wörtern, wie sie in Listen stehen`,
    `FB ${50 + (i % 20)} / ${["Jobcenter", "VHS", "Caritas"][i % 3]}`,
    ["Ende 2026", "Q3 2027", "laufend", "31.12.2028"][i % 4]!,
    `${(i % 50) * 1000} €`,
    "begonnen",
    "in Umsetzung",
    ["grün", "gelb", "rot"][i % 3]!,
    i % 2 ? "ESF" : "",
  ]);
}

async function timed(label: string, argv: string[]): Promise<void> {
  const io = { out: () => undefined, err: (t: string) => process.stderr.write(t), today: () => "2026-11-26" };
  const start = process.hrtime.bigint();
  const code = await main(argv, io);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label}: ${MEASURES} Maßnahmen in ${(ms / 1000).toFixed(2)} s (Exit ${code})`);
}

async function run(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mnp-bench-import-"));
  const data = [["Maßnahmenplan der Stadt"], HEADER, ...rows()];
  const csv = path.join(dir, "liste.csv");
  await fs.writeFile(
    csv,
    data.map((r) => r.map((f) => (f.includes(";") ? `"${f}"` : f)).join(";")).join("\r\n"),
    "latin1",
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Liste");
  data.forEach((r) => ws.addRow(r));
  ws.mergeCells("A1:K1");
  const xlsx = path.join(dir, "liste.xlsx");
  await wb.xlsx.writeFile(xlsx);
  await timed("CSV (Windows-1252)", ["import", csv, "-o", path.join(dir, "aus-csv.xlsx")]);
  await timed("XLSX", ["import", xlsx, "-o", path.join(dir, "aus-xlsx.xlsx")]);
  await timed("check des Ergebnisses", ["check", path.join(dir, "aus-xlsx.xlsx"), "--json"]);
  if (!process.env.KEEP) await fs.rm(dir, { recursive: true, force: true });
  else console.log(dir);
}

void run();
