/**
 * The imported list as a new contract workbook: the template's content plus the imported rows, through
 * planNewWorkbook, and the sheet Übernahme (sheets/uebernahme.ts) that says what was taken from where and
 * what was not understood.
 */
import type { CellValue } from "../../domain/dates";
import type { EntityKind } from "../../domain/model";
import { normalizeLabel } from "../../domain/values";
import { type TableSpec, TABLES } from "../contract";
import { type WorkbookPlan, planNewWorkbook } from "../plan";
import { UEBERNAHME_SHEET } from "../sheets/uebernahme";
import type { ImportResult, SachstandImport } from "./build";

/** The contract's Sachstände table, once the contract has one. */
export function sachstaendeSpec(): TableSpec | undefined {
  return (TABLES as readonly TableSpec[]).find((t) => (t.kind as string) === "sachstaende");
}

/** A Sachstand as a row of the contract's Sachstände table, its columns found by header. */
export function sachstandRow(spec: TableSpec, s: SachstandImport): Record<string, CellValue> {
  const byHeader: Record<string, CellValue> = {
    massnahme: s.massnahme,
    berichtsstichtag: s.berichtsstichtag,
    status: s.status ?? null,
    ampel: s.ampel ?? null,
    sachstand: s.sachstand || null,
  };
  const row: Record<string, CellValue> = {};
  for (const c of spec.columns) {
    const v = byHeader[normalizeLabel(c.header)];
    if (v !== undefined && v !== null) row[c.field] = v;
  }
  return row;
}

/** The whole new workbook: template content, imported rows, Sachstände where the contract has the sheet, Übernahme. */
export function planImportWorkbook(
  result: ImportResult,
  template: Partial<Record<EntityKind, Record<string, CellValue>[]>>,
  source: string,
  otherSheets: string[] = [],
): WorkbookPlan {
  const spec = sachstaendeSpec();
  const contents: Partial<Record<string, Record<string, CellValue>[]>> = {
    ...template,
    handlungsfelder: result.handlungsfelder,
    ziele: result.ziele,
    indikatoren: result.indikatoren,
    akteure: result.akteure,
    massnahmen: result.massnahmen,
  };
  if (spec) contents[spec.kind] = result.sachstaende.map((s) => sachstandRow(spec, s));
  const plan = planNewWorkbook(contents as Partial<Record<EntityKind, Record<string, CellValue>[]>>, {
    extraColumns: { massnahmen: result.extraColumns.map(({ key, header }) => ({ key, header })) },
  });
  return { sheets: [...plan.sheets, UEBERNAHME_SHEET.plan(result, source, spec !== undefined, otherSheets)] };
}
