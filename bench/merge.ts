/**
 * Benchmark of the circulation round (issue 5): a 5,000-measure master split among 20 Fachbereiche of 250
 * measures each; every return edits some values and adds a few rows; then all 20 returns are merged into
 * the master in one run, the way `merge` does it (open, merge, save). Prints, never asserts.
 *
 *   npx tsx bench/merge.ts            (MEASURES=5000 FACHBEREICHE=20 to change the sizes)
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CellValue } from "../src/domain/dates";
import { templateContent } from "../src/domain/templates";
import { planNewWorkbook } from "../src/workbook/plan";
import { MASSNAHMEN } from "../src/workbook/contract";
import { XlsxDocument } from "../src/xlsx/document";
import { toExcelJsWorkbook } from "./generate";
import { type ReturnWorkbook, mergeWorkbooks, splitWorkbook } from "../src/xlsx/circulation";
import { openWorkbook, saveWorkbookAtomically } from "../src/xlsx/file";

const MEASURES = Number(process.env.MEASURES ?? 5000);
const FACHBEREICHE = Number(process.env.FACHBEREICHE ?? 20);
const TODAY = "2026-11-22";
const AIM_MB = 400;

function masterContent() {
  const content = templateContent("beispiel", TODAY);
  const akteure = Array.from({ length: FACHBEREICHE }, (_, i) => ({
    id: `A-${String(i + 1).padStart(2, "0")}`,
    bezeichnung: `Fachdienst ${i + 1}`,
    fachbereich: `Fachbereich ${i + 1}`,
    ansprechperson: `Person ${i + 1}`,
    email: `fd${i + 1}@beispielkreis.de`,
    art: "intern",
  }));
  const samples = content.massnahmen!;
  const massnahmen = Array.from({ length: MEASURES }, (_, i): Record<string, CellValue> => ({
    ...samples[i % samples.length]!,
    id: `M-${String(i + 1).padStart(4, "0")}`,
    titel: `${String(samples[i % samples.length]!.titel)} ${i + 1}`,
    federfuehrung: akteure[i % FACHBEREICHE]!.id,
  }));
  return { ...content, akteure, massnahmen };
}

const column = (field: string) => MASSNAHMEN.columns.findIndex((c) => c.field === field) + 1;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-merge-"));
  try {
    const masterFile = path.join(dir, "konzept.xlsx");
    let t = performance.now();
    const master = XlsxDocument.create("konzept.xlsx");
    master.applyWorkbookPlan(planNewWorkbook(masterContent()));
    await fs.writeFile(masterFile, master.toBytes());
    const { files } = await splitWorkbook(master, { masterFile: "konzept.xlsx", date: TODAY });
    const returns: string[] = [];
    for (const f of files) {
      // Each Fachbereich edits every tenth measure's Status and Bemerkung and adds two measures.
      // The Fachbereich edits in Excel; exceljs plays that part here.
      const edited = await toExcelJsWorkbook(f.workbook.toBytes());
      const ws = edited.getWorksheet("Maßnahmen")!;
      for (let r = 2; r <= f.measures + 1; r += 10) {
        ws.getCell(r, column("status")).value = "in Umsetzung";
        ws.getCell(r, column("bemerkung")).value = `Stand ${TODAY}: läuft`;
      }
      for (let k = 1; k <= 2; k++) {
        ws.getCell(f.measures + 1 + k, column("titel")).value = `Neue Maßnahme ${k} aus ${f.recipient.name}`;
      }
      const file = path.join(dir, f.fileName);
      await edited.xlsx.writeFile(file);
      returns.push(file);
    }
    const prepareMs = performance.now() - t;
    const sizes = files.map((f) => f.measures);

    console.log(`merge: ${returns.length} Rückläufe à ${Math.min(...sizes)}–${Math.max(...sizes)} Maßnahmen in einen Master mit ${MEASURES} Maßnahmen`);
    console.log(`  Vorbereitung (Master, split, Bearbeitung): ${seconds(prepareMs)}`);
    // The merge runs in its own process, so that its peak memory is its own.
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, "--merge", dir, ...returns], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    process.stdout.write(child.stdout);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The `merge` command's work: open master and returns, merge, save; prints times and maxRSS. */
async function mergeOnly(dir: string, returns: string[]): Promise<void> {
  const masterFile = path.join(dir, "konzept.xlsx");
  let t = performance.now();
  const wb = await openWorkbook(masterFile);
  const opened: ReturnWorkbook[] = [];
  for (const r of returns) opened.push({ file: path.basename(r), workbook: await openWorkbook(r) });
  const loadMs = performance.now() - t;
  t = performance.now();
  const result = await mergeWorkbooks(wb, opened, "konzept.xlsx");
  const mergeMs = performance.now() - t;
  t = performance.now();
  await saveWorkbookAtomically(wb, path.join(dir, "merged.xlsx"));
  const saveMs = performance.now() - t;

  const applied = result.summaries.reduce((n, s) => n + s.applied, 0);
  const added = result.summaries.reduce((n, s) => n + s.added, 0);
  console.log(`  Öffnen Master + Rückläufe:                 ${seconds(loadMs)}`);
  console.log(`  Zusammenführen (Lesen, Abgleich, Blätter): ${seconds(mergeMs)}`);
  console.log(`  Speichern:                                 ${seconds(saveMs)}`);
  console.log(`  merge gesamt (öffnen bis speichern):       ${seconds(loadMs + mergeMs + saveMs)}`);
  console.log(`  ${applied} Werte übernommen, ${added} Maßnahmen neu, ${result.conflicts} nicht übernommen`);
  const peak = process.resourceUsage().maxRSS;
  console.log(`  Spitzenspeicher (maxRSS): ${mb(peak)}`);
  // The aim of issue 18 for 20 × 250 returns into 5,000 measures.
  const met = peak / 1024 < AIM_MB;
  console.log(`  Ziel: Spitzenspeicher unter ${AIM_MB} MB: ${met ? "erreicht" : "NICHT erreicht"}`);
}

(process.argv[2] === "--merge" ? mergeOnly(process.argv[3]!, process.argv.slice(4)) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
