/**
 * One measured operation in a fresh process: `node --import tsx bench/child.ts <op> <file> [parts …]`.
 * Prints one JSON line: the operation's wall time, the process's peak RSS, and a few sanity figures.
 *
 * Every module is imported before the clock starts, so all operations share the same baseline and the
 * figures show the work on the file, not module loading.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatFindingsText } from "../src/cli/format";
import { addReportSheet, buildMatrix, checkWorkbook } from "../src/xlsx/concept";
import { openWorkbook, saveWorkbookAtomically } from "../src/xlsx/file";
import { readConcept } from "../src/workbook/read";
import { runWerte } from "../src/xlsx/werte";

export const OPS = [
  "limit",
  "read",
  "open",
  "check",
  "read-write",
  "check-o",
  "matrix",
  "matrix-inplace",
  "werte",
] as const;
export type Op = (typeof OPS)[number];

export interface ChildResult {
  op: Op;
  ms: number;
  /** CPU time of the process during the operation (user + system, all threads): less sensitive to load. */
  cpuMs?: number;
  maxRssKiB: number;
  /** Findings of check, characters of its text output; bytes of a written file. */
  findings?: number;
  textChars?: number;
  outputBytes?: number;
}

const TODAY = "2026-11-22";

/** The CLI's `check` without printing (cf. commandCheck in src/cli/main.ts). */
async function check(file: string) {
  const workbook = await openWorkbook(file);
  const { concept, result } = await checkWorkbook(workbook, { today: TODAY });
  const text = formatFindingsText(result, file, concept.massnahmen);
  return { workbook, result, text };
}

/**
 * The read limit: the file read, unzipped with JSZip and the given parts (those `check` reads) parsed with
 * saxes into handlers that do nothing — what any reader of those parts must at least spend.
 */
async function readLimit(file: string, parts: string[]): Promise<number> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  let tags = 0;
  for (const part of parts) {
    const text = await zip.file(part)!.async("string");
    const parser = new SaxesParser();
    parser.on("opentag", () => tags++);
    parser.on("text", () => undefined);
    parser.on("closetag", () => undefined);
    parser.write(text).close();
  }
  return tags;
}

async function run(op: Op, file: string, outDir: string, parts: string[]): Promise<Omit<ChildResult, "maxRssKiB">> {
  const output = path.join(outDir, "bericht.xlsx");
  const start = performance.now();
  switch (op) {
    case "limit": {
      const tags = await readLimit(file, parts);
      return { op, ms: performance.now() - start, findings: tags };
    }
    case "read": {
      await new ExcelJS.Workbook().xlsx.readFile(file);
      return { op, ms: performance.now() - start };
    }
    case "open": {
      // The program's own read: the package's directory, then the worksheets of the contract's tables.
      const workbook = await openWorkbook(file);
      readConcept(await workbook.source());
      return { op, ms: performance.now() - start };
    }
    case "read-write": {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      await workbook.xlsx.writeFile(output);
      const ms = performance.now() - start;
      return { op, ms, outputBytes: (await fs.stat(output)).size };
    }
    case "check": {
      const { result, text } = await check(file);
      return { op, ms: performance.now() - start, findings: result.findings.length, textChars: text.length };
    }
    case "matrix": {
      // The CLI's `matrix --runde 2027 -o …`: read, build the round, write.
      const workbook = await openWorkbook(file);
      const outcome = await buildMatrix(workbook, 2027);
      await saveWorkbookAtomically(workbook, output);
      const ms = performance.now() - start;
      return { op, ms, findings: outcome.rows, outputBytes: (await fs.stat(output)).size };
    }
    case "matrix-inplace": {
      // The CLI's `matrix --runde 2027` in place, on a copy (made before the clock started, see main).
      const copy = path.join(outDir, "inplace.xlsx");
      const t0 = performance.now();
      const workbook = await openWorkbook(copy);
      const outcome = await buildMatrix(workbook, 2027);
      await saveWorkbookAtomically(workbook, copy);
      const ms = performance.now() - t0;
      return { op, ms, findings: outcome.rows, outputBytes: (await fs.stat(copy)).size };
    }
    case "werte": {
      // The CLI's `werte <file> <statistik.csv> --indikator I-001` in place, on a copy (made before the clock).
      const copy = path.join(outDir, "inplace.xlsx");
      const t0 = performance.now();
      const workbook = await openWorkbook(copy);
      const csv = parts[0]!;
      const bytes = new Uint8Array(await fs.readFile(csv));
      const options = { zuordnung: { indikator: "I-001" }, alleGebiete: false, aktualisieren: false, heute: TODAY };
      const outcome = await runWerte(workbook, [{ name: path.basename(csv), bytes }], options, () => undefined);
      if (outcome.written) await saveWorkbookAtomically(workbook, copy);
      const ms = performance.now() - t0;
      return { op, ms, findings: outcome.plan.counts.uebernommen, outputBytes: (await fs.stat(copy)).size };
    }
    case "check-o": {
      const { workbook, result, text } = await check(file);
      addReportSheet(workbook, result, path.basename(file));
      await saveWorkbookAtomically(workbook, output);
      const ms = performance.now() - start;
      return {
        op,
        ms,
        findings: result.findings.length,
        textChars: text.length,
        outputBytes: (await fs.stat(output)).size,
      };
    }
  }
}

async function main(): Promise<void> {
  const [op, file, ...parts] = process.argv.slice(2);
  if (!op || !file || !(OPS as readonly string[]).includes(op)) {
    process.stderr.write(`Aufruf: node --import tsx bench/child.ts <${OPS.join("|")}> <datei.xlsx> [Teile …]\n`);
    process.exitCode = 2;
    return;
  }
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "massnahmenplaner-bench-"));
  try {
    if (op === "matrix-inplace" || op === "werte") await fs.copyFile(file, path.join(outDir, "inplace.xlsx"));
    const cpu = process.cpuUsage();
    const result = await run(op as Op, file, outDir, parts);
    const used = process.cpuUsage(cpu);
    const line: ChildResult = {
      ...result,
      cpuMs: (used.user + used.system) / 1000,
      maxRssKiB: process.resourceUsage().maxRSS,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
