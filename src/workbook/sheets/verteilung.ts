/**
 * The very hidden sheets of a distributed workbook with what was sent (`Verteilung`, and for an
 * Erfassungsbogen `Verteilung Angebote`): the distribution, its recipient and its source, and the rows as
 * they left. Written by `split` and the pane's Verteilen; read back by `merge` as the base of the three-way
 * merge. Never shown to the Fachbereich.
 */
import type { MergeRow, ReturnBase } from "../../domain/merge";
import type { RecipientRef } from "../../domain/recipients";
import { normalizeLabel, textOf } from "../../domain/values";
import { mergeFields, tableRows } from "../circulation";
import { MASSNAHMEN, type TableSpec, tableSpec } from "../contract";
import { readTable } from "../read";
import type { CellPlan, SheetPlan } from "../sheet-plan";
import type { WorkbookSource } from "../source";
import { type SheetState, generatedSheet } from "./sheet";

/** The very hidden sheet of a distributed workbook with the measures that were sent. */
export const BASE_SHEET = generatedSheet({
  sheet: "Verteilung",
  table: null,
  state: "veryHidden",
  plan: (meta: SplitMeta, spec: TableSpec, extras: { key: string; header: string }[], rows: MergeRow[]) =>
    planBaseSheet(BASE_SHEET, meta, spec, extras, rows),
  read: (source: WorkbookSource) => readBase(source),
});

/** The very hidden sheet of an Erfassungsbogen (`split --angebote`) with the Angebote that were sent. */
export const ANGEBOTE_BASE_SHEET = generatedSheet({
  sheet: "Verteilung Angebote",
  table: null,
  state: "veryHidden",
  plan: (meta: SplitMeta, spec: TableSpec, extras: { key: string; header: string }[], rows: MergeRow[]) =>
    planBaseSheet(ANGEBOTE_BASE_SHEET, meta, spec, extras, rows),
  read: (source: WorkbookSource) => readBase(source, true),
});

/** The merge memory keeps the Angebote of a distribution apart from its measures by this token suffix. */
export const ANGEBOTE_TOKEN_SUFFIX = "#Angebote";

/** What a distributed workbook's base sheet says about it: the distribution, its recipient, its source. */
export interface SplitMeta extends RecipientRef {
  token: string;
  masterFile: string;
  /** ISO date of the distribution. */
  date: string;
}

/** The base sheet's rows 2–6 (row 6 was empty before Akteure without Fachbereich got files of their own). */
const BASE_META = {
  token: "Kennung",
  fachbereich: "Fachbereich",
  masterFile: "Master-Datei",
  date: "Verteilt am",
  akteur: "Akteur",
} as const satisfies Record<keyof SplitMeta, string>;
const BASE_HEADER_ROW = 7;

/** A sheet only the program reads: very hidden (not even listed under "Einblenden") and protected. */
export function planMachineSheet(entry: { sheet: string; state: SheetState }, cells: CellPlan[]): SheetPlan {
  return {
    name: entry.sheet,
    state: entry.state,
    widths: [],
    formats: [],
    wrapColumns: [],
    frozen: { rows: 0, columns: 0 },
    cells,
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}

/** The base values of a distributed workbook: very hidden, never shown to the Fachbereich. */
function planBaseSheet(
  entry: { sheet: string; state: SheetState },
  meta: SplitMeta,
  spec: TableSpec,
  extras: { key: string; header: string }[],
  rows: MergeRow[],
): SheetPlan {
  const cells: CellPlan[] = [
    { row: 1, column: 1, value: "Basiswerte der Verteilung für das Zusammenführen – bitte nicht ändern.", bold: true },
    ...(Object.keys(BASE_META) as (keyof typeof BASE_META)[]).flatMap((k, i) => [
      { row: 2 + i, column: 1, value: BASE_META[k] },
      ...(meta[k] ? [{ row: 2 + i, column: 2, value: meta[k] }] : []),
    ]),
  ];
  const columns = [...spec.columns.map((c) => ({ key: c.field, header: c.header })), ...extras];
  columns.forEach((c, j) => cells.push({ row: BASE_HEADER_ROW, column: j + 1, value: c.header, bold: true }));
  rows.forEach((r, i) =>
    columns.forEach((c, j) => {
      const v = r.values[c.key];
      if (v !== null && v !== undefined && v !== "")
        cells.push({ row: BASE_HEADER_ROW + 1 + i, column: j + 1, value: v });
    }),
  );
  return planMachineSheet(entry, cells);
}

/**
 * Reads the base values of a return (its measures, or with `angebote` its Angebote); null when it has none
 * (or they are unreadable).
 */
export function readBase(source: WorkbookSource, angebote = false): ReturnBase | null {
  const sheetName = (angebote ? ANGEBOTE_BASE_SHEET : BASE_SHEET).sheet;
  const name = source.sheetNames().find((n) => normalizeLabel(n) === normalizeLabel(sheetName));
  const grid = name ? source.sheet(name) : undefined;
  if (!grid) return null;
  const meta: Record<string, string> = {};
  for (let r = 1; r < BASE_HEADER_ROW; r++) meta[normalizeLabel(textOf(grid.value(r, 1)))] = textOf(grid.value(r, 2));
  const token = meta[normalizeLabel(BASE_META.token)];
  if (!token) return null;
  const contract: TableSpec = angebote ? tableSpec("angebote") : MASSNAHMEN;
  const spec: TableSpec = { ...contract, sheet: grid.name, sheetSynonyms: [], table: "\u0000" };
  const table = readTable(spec, source);
  if (!table || table.columnIndex["id" as never] === undefined) return null;
  return {
    token: angebote ? token + ANGEBOTE_TOKEN_SUFFIX : token,
    fachbereich: meta[normalizeLabel(BASE_META.fachbereich)] ?? "",
    ...(meta[normalizeLabel(BASE_META.akteur)] ? { akteur: meta[normalizeLabel(BASE_META.akteur)] } : {}),
    masterFile: meta[normalizeLabel(BASE_META.masterFile)] ?? "",
    fields: mergeFields(table).map((f) => f.key),
    rows: tableRows(table, source).map(({ id, values }) => ({ id, values })),
  };
}
