/**
 * `import <liste.xlsx|liste.csv> -o <konzept.xlsx> [--blatt NAME] [--zuordnung datei.json] [--force]`:
 * a city's own measure list as a new contract workbook (docs/befehle.md).
 */
import * as path from "node:path";
import { templateContent } from "../domain/templates";
import { buildImport } from "../workbook/import/build";
import { MappingError, chooseGrid } from "../workbook/import/mapping";
import { applyMappingOverrides } from "../workbook/import/overrides";
import { planImportWorkbook, sachstaendeSpec } from "../workbook/import/workbook";
import { UEBERNAHME_SHEET } from "../workbook/sheets/uebernahme";
import { XlsxDocument } from "../xlsx/document";
import { readInput, saveWorkbookAtomically } from "../xlsx/file";
import { importGrids } from "../xlsx/importSource";
import type { ParsedArgs } from "./args";
import { exists, onePositional, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { IMPORT } from "./specs";

async function readMappingFile(file: string): Promise<unknown> {
  const text = (await readInput(file)).toString("utf8").replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch {
    throw cliError("ZUORDNUNG_KEIN_JSON", { datei: file });
  }
}

export async function commandImport(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const usage = `import ${IMPORT.usage}`;
  const list = onePositional(args.positional, usage, "Liste");
  const output = args.options.get("output");
  const values = {
    blatt: args.options.get("blatt"),
    zuordnung: args.options.get("zuordnung"),
    force: args.flags.has("force"),
  };
  if (!output) throw cliError("AUSGABE_FEHLT", { fuer: "import", aufruf: usage });
  requireEnding(output, ".xlsx");
  if (path.resolve(output) === path.resolve(list)) throw cliError("AUSGABE_IST_LISTE", { datei: output });
  progress.step(`Lese „${list}“ …`);
  const bytes = await readInput(list);
  if ((await exists(output)) && !values.force) throw cliError("DATEI_VORHANDEN", { datei: output });
  const { grids, kind } = await importGrids(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), list);
  if (values.blatt !== undefined && kind.startsWith("CSV")) throw cliError("BLATT_BEI_CSV", { liste: list });
  const overrides = values.zuordnung === undefined ? undefined : await readMappingFile(values.zuordnung);
  let result;
  try {
    const { grid, guess } = chooseGrid(grids, values.blatt, overrides !== undefined);
    const mapping = overrides === undefined ? guess : applyMappingOverrides(grid, guess, overrides);
    if (!mapping.columns.some((c) => c.target.kind !== "extra")) throw new MappingError({ code: "NICHTS_ZUGEORDNET" });
    result = buildImport(grid, mapping);
  } catch (error) {
    if (error instanceof MappingError) throw cliError("LISTE_UNBRAUCHBAR", { liste: list, problem: error.problem });
    throw error;
  }
  if (result.massnahmen.length === 0) {
    throw cliError("KEINE_MASSNAHMEN", { liste: list, kopfzeile: result.mapping.headerBottom });
  }
  const others = grids.map((g) => g.sheet).filter((name) => name !== result.sheet);
  progress.step(`Schreibe „${output}“ …`);
  const doc = XlsxDocument.create(output);
  doc.applyWorkbookPlan(planImportWorkbook(result, templateContent("leer", io.today()), path.basename(list), others));
  await saveWorkbookAtomically(doc, output);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const where =
    sachstaendeSpec() || result.sachstaende.length === 0 ? "" : ` (im Blatt „${UEBERNAHME_SHEET.sheet}“ aufgeführt)`;
  io.out(
    `„${list}“ (${kind}${grids.length > 1 || !kind.startsWith("CSV") ? `, Blatt „${result.sheet}“` : ""}) übernommen nach „${output}“: ` +
      `${count(result.massnahmen.length, "Maßnahme", "Maßnahmen")}, ${count(result.handlungsfelder.length, "Handlungsfeld", "Handlungsfelder")}, ` +
      `${count(result.ziele.length, "Ziel", "Ziele")}, ${count(result.akteure.length, "Akteur", "Akteure")}, ` +
      `${count(result.sachstaende.length, "Sachstand", "Sachstände")}${where}.\n` +
      `${count(result.notes.length, "Wert wurde", "Werte wurden")} nicht oder anders verstanden; das Blatt „${UEBERNAHME_SHEET.sheet}“ nennt sie mit ihrer Zelle.\n` +
      `„check ${output}“ zeigt, was für SMARTe Maßnahmen noch fehlt.\n`,
  );
  return 0;
}
