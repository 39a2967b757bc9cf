/** Workbooks with a Prozessplan for the tests of the Zeitplan, the Vorlage and the commands around them. */
import * as fs from "node:fs";
import type { CellValue } from "../../src/domain/dates";
import { templateContent } from "../../src/domain/templates";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { XlsxDocument } from "../../src/xlsx/document";
import { TODAY } from "./cli";

/** The example concept with its dated Prozessplan, written to `file`. */
export function writeBeispiel(file: string, prozessplan?: Record<string, CellValue>[]): void {
  const doc = XlsxDocument.create("beispiel.xlsx");
  const content = templateContent("beispiel", TODAY);
  doc.applyWorkbookPlan(planNewWorkbook(prozessplan ? { ...content, prozessplan } : content));
  fs.writeFileSync(file, doc.toBytes());
}

/** Changes cells of Prozessplan steps (by ID; field → value) in a workbook file, in place. */
export async function changeSteps(file: string, changes: Record<string, Record<string, CellValue>>): Promise<void> {
  const doc = await XlsxDocument.open(new Uint8Array(fs.readFileSync(file)), file);
  const table = readConcept(await doc.source()).found.prozessplan!;
  const writes = Object.entries(changes).flatMap(([id, values]) => {
    const row = table.rows.find((r) => r.values["id"] === id)!.row;
    return Object.entries(values).map(([field, value]) => ({ row, column: table.columnIndex[field]!, value }));
  });
  doc.writeCells(table.sheet, writes, table.headerRow + 1);
  fs.writeFileSync(file, doc.toBytes());
}
