/**
 * `import <liste.xlsx|liste.csv> -o <konzept.xlsx> [--blatt NAME] [--zuordnung datei.json] [--force]`:
 * a city's own measure list as a new contract workbook (docs/befehle.md).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { templateContent } from "../domain/templates";
import { buildImport } from "../workbook/import/build";
import { MappingError, applyMappingOverrides, chooseGrid } from "../workbook/import/mapping";
import { UEBERNAHME_SHEET, planImportWorkbook, sachstaendeSpec } from "../workbook/import/workbook";
import { XlsxDocument } from "../xlsx/document";
import { UserError, readInput, saveWorkbookAtomically } from "../xlsx/file";
import { importGrids } from "../xlsx/importSource";
import type { CommandSpec, ParsedArgs } from "./args";
import type { Run } from "./main";

export const IMPORT: CommandSpec = {
  name: "import",
  usage: "<liste.xlsx|liste.csv> -o <konzept.xlsx> [--blatt NAME] [--zuordnung datei.json] [--force]",
  summary:
    "Übernimmt eine vorhandene Maßnahmenliste (eigenes Layout, .xlsx oder .csv) in eine neue Arbeitsmappe;\n" +
    "das Blatt „Übernahme“ nennt die Zuordnung der Spalten und jeden nicht verstandenen Wert mit seiner Zelle.",
  options: {
    output: { type: "string", short: "o", value: "konzept.xlsx", description: "die neue Arbeitsmappe (Pflicht)" },
    blatt: {
      type: "string",
      value: "NAME",
      description: "das Blatt der Liste (sonst das mit den meisten bekannten Überschriften)",
    },
    zuordnung: { type: "string", value: "datei.json", description: "Spaltenzuordnung, die die Vermutung ersetzt" },
    force: { type: "boolean", description: "eine vorhandene Datei überschreiben" },
  },
  exit: "0 übernommen, 2 Eingabe unbrauchbar.",
};

async function readMappingFile(file: string): Promise<unknown> {
  const text = (await readInput(file)).toString("utf8").replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError(`Die Zuordnung „${file}“ ist kein gültiges JSON, z. B. {"spalten": {"B": "Titel"}}.`);
  }
}

export async function commandImport(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const usage = `import ${IMPORT.usage}`;
  if (args.positional.length !== 1) throw new UserError(`Bitte genau eine Liste angeben: ${usage}`);
  const list = args.positional[0]!;
  const output = args.options.get("output");
  const values = {
    blatt: args.options.get("blatt"),
    zuordnung: args.options.get("zuordnung"),
    force: args.flags.has("force"),
  };
  if (!output) throw new UserError(`Bitte mit -o die neue Arbeitsmappe angeben: ${usage}`);
  if (!/\.xlsx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .xlsx enden.`);
  if (path.resolve(output) === path.resolve(list)) {
    throw new UserError(`Die Ausgabedatei „${output}“ ist die Liste selbst; bitte einen anderen Namen angeben.`);
  }
  progress.step(`Lese „${list}“ …`);
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
  progress.step(`Schreibe „${output}“ …`);
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
