/**
 * `import <liste.xlsx|liste.csv> -o <konzept.xlsx> [--blatt NAME] [--zuordnung datei.json] [--force]`:
 * a city's own measure list as a new contract workbook (CONTRACT.md, "Bringing in what exists").
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { templateContent } from "../domain/templates";
import { buildImport } from "../workbook/import/build";
import { MappingError, applyMappingOverrides, chooseGrid } from "../workbook/import/mapping";
import { UEBERNAHME_SHEET, planImportWorkbook, sachstaendeSpec } from "../workbook/import/workbook";
import { XlsxDocument } from "../xlsx/document";
import { UserError, readInput, saveWorkbookAtomically } from "../xlsx/file";
import { importGrids } from "../xlsx/importSource";
import type { Io } from "./main";

const USAGE = "import <liste.xlsx|liste.csv> -o <konzept.xlsx> [--blatt NAME] [--zuordnung datei.json] [--force]";

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: "string", short: "o" },
        blatt: { type: "string" },
        zuordnung: { type: "string" },
        force: { type: "boolean" },
      },
    });
  } catch (error) {
    // Not `instanceof Error`: node's errors come from another realm under jest.
    const option = /'([^']+)'/.exec(String((error as { message?: unknown }).message ?? ""))?.[1] ?? "";
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new UserError(`Die Option ${/^-[^\s,]+/.exec(option)?.[0] ?? option} braucht einen Wert.`);
    throw new UserError(`Die Option „${option}“ ist unbekannt; „--help“ zeigt die möglichen Optionen.`);
  }
}

async function readMappingFile(file: string): Promise<unknown> {
  const text = (await readInput(file)).toString("utf8").replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError(`Die Zuordnung „${file}“ ist kein gültiges JSON, z. B. {"spalten": {"B": "Titel"}}.`);
  }
}

export async function commandImport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = options(argv);
  if (positionals.length !== 1) throw new UserError(`Bitte genau eine Liste angeben: ${USAGE}`);
  const list = positionals[0]!;
  const output = values.output;
  if (!output) throw new UserError(`Bitte mit -o die neue Arbeitsmappe angeben: ${USAGE}`);
  if (!/\.xlsx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .xlsx enden.`);
  if (path.resolve(output) === path.resolve(list)) {
    throw new UserError(`Die Ausgabedatei „${output}“ ist die Liste selbst; bitte einen anderen Namen angeben.`);
  }
  const bytes = await readInput(list);
  const exists = await fs.stat(output).then(
    () => true,
    () => false,
  );
  if (exists && !values.force) {
    throw new UserError(`Die Datei „${output}“ existiert bereits; mit --force wird sie überschrieben.`);
  }
  const { grids, kind } = await importGrids(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), list);
  if (values.blatt !== undefined && kind.startsWith("CSV")) {
    throw new UserError(
      `„${list}“ ist eine CSV-Datei mit nur einer Tabelle; --blatt gilt nur für Excel-Arbeitsmappen.`,
    );
  }
  const overrides = values.zuordnung === undefined ? undefined : await readMappingFile(values.zuordnung);
  let result;
  try {
    const { grid, guess } = chooseGrid(grids, values.blatt, overrides !== undefined);
    const mapping = overrides === undefined ? guess : applyMappingOverrides(grid, guess, overrides);
    if (!mapping.columns.some((c) => c.target.kind !== "extra")) {
      throw new MappingError(
        "Die Zuordnung ordnet keine Spalte einer Spalte der Maßnahmen zu; es gäbe nichts zu übernehmen.",
      );
    }
    result = buildImport(grid, mapping);
  } catch (error) {
    if (error instanceof MappingError) throw new UserError(`${list}: ${error.message}`);
    throw error;
  }
  if (result.massnahmen.length === 0) {
    throw new UserError(
      `In „${list}“ stehen unter der Kopfzeile (Zeile ${result.mapping.headerBottom}) keine Maßnahmen.`,
    );
  }
  const others = grids.map((g) => g.sheet).filter((name) => name !== result.sheet);
  const doc = XlsxDocument.create(output);
  doc.applyWorkbookPlan(planImportWorkbook(result, templateContent("leer", io.today()), path.basename(list), others));
  await saveWorkbookAtomically(doc, output);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const where =
    sachstaendeSpec() || result.sachstaende.length === 0 ? "" : ` (im Blatt „${UEBERNAHME_SHEET}“ aufgeführt)`;
  io.out(
    `„${list}“ (${kind}${grids.length > 1 || !kind.startsWith("CSV") ? `, Blatt „${result.sheet}“` : ""}) übernommen nach „${output}“: ` +
      `${count(result.massnahmen.length, "Maßnahme", "Maßnahmen")}, ${count(result.handlungsfelder.length, "Handlungsfeld", "Handlungsfelder")}, ` +
      `${count(result.ziele.length, "Ziel", "Ziele")}, ${count(result.akteure.length, "Akteur", "Akteure")}, ` +
      `${count(result.sachstaende.length, "Sachstand", "Sachstände")}${where}.\n` +
      `${count(result.notes.length, "Wert wurde", "Werte wurden")} nicht oder anders verstanden; das Blatt „${UEBERNAHME_SHEET}“ nennt sie mit ihrer Zelle.\n` +
      `„check ${output}“ zeigt, was für SMARTe Maßnahmen noch fehlt.\n`,
  );
  return 0;
}
