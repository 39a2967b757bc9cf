/**
 * The sheet `Bewertung JJJJ`: reading what the team entered, and the plan of the regenerated sheet with
 * live formulas for Gesamt, Ampel and the per-Handlungsfeld summary (Excel and LibreOffice alike).
 */
import type { CellValue, IsoDate } from "../domain/dates";
import { dateFromIso, isValidIsoDate } from "../domain/dates";
import {
  EMPFEHLUNGEN,
  ENTFALLEN,
  type ExistingRound,
  MATRIX_COLUMNS,
  type MatrixPlan,
  SCALE_TEXT,
  planRound,
  roundSheetName,
  roundTableName,
} from "../domain/matrix";
import { readSettings } from "../domain/settings";
import { DEFAULT_KRITERIEN } from "../domain/templates";
import { isBlank, normalizeLabel, textOf } from "../domain/values";
import { tableSpec } from "./contract";
import {
  type CellPlan,
  DATE_FORMAT,
  FILL,
  type PlanValue,
  type SheetPlan,
  type ValidationPlan,
  contractLayouts,
  planTableSheet,
} from "./plan";
import { type PageInfo, withPageInfo, withPrintLayout } from "./print";
import { type ReadConcept, type WorkbookSource, columnLetter, readConcept } from "./read";

/** Rows above the table: row 1 holds the title and the weights of the criteria. */
export const WEIGHT_ROW = 1;
export const HEADER_ROW = 2;

/** Reads an existing round; null when the workbook has none for this round. */
export function readExistingRound(source: WorkbookSource, round: number): ExistingRound | null {
  const tableName = roundTableName(round).toLowerCase();
  const table = source.tables().find((t) => t.name.toLowerCase() === tableName);
  const sheetName =
    table?.sheet ?? source.sheetNames().find((n) => normalizeLabel(n) === normalizeLabel(roundSheetName(round)));
  const sheet = sheetName ? source.sheet(sheetName) : undefined;
  if (!sheet) return null;
  let headerRow = table?.area.top ?? 0;
  if (!headerRow) {
    for (let r = 1; r <= Math.min(10, sheet.rowCount) && !headerRow; r++) {
      for (let c = 1; c <= sheet.columnCount; c++)
        if (normalizeLabel(textOf(sheet.value(r, c))) === "id") headerRow = r;
    }
  }
  if (!headerRow) return null;
  let right = table?.area.right ?? sheet.columnCount;
  // Columns typed directly right of the table belong to it (tools other than Excel do not extend tables).
  while (table && right < sheet.columnCount && !isBlank(sheet.value(headerRow, right + 1))) right++;
  const left = table?.area.left ?? 1;
  const bottom = table?.area.bottom ?? sheet.rowCount;
  const headers: { header: string; column: number }[] = [];
  for (let c = left; c <= right; c++) {
    const h = textOf(sheet.value(headerRow, c));
    if (h) headers.push({ header: h, column: c });
  }
  const idColumn = headers.find((h) => normalizeLabel(h.header) === "id")?.column;
  if (!idColumn) return null;
  const rows: ExistingRound["rows"] = [];
  for (let r = headerRow + 1; r <= bottom; r++) {
    const id = textOf(sheet.value(r, idColumn));
    if (!id) {
      if (!table) break; // a plain range ends at its first row without ID (the summary follows)
      continue;
    }
    const cells = new Map<string, CellValue>();
    const notes = new Map<string, string>();
    for (const h of headers) {
      const value = sheet.value(r, h.column);
      if (!isBlank(value) || typeof value === "number") cells.set(h.header, value);
      const note = sheet.note?.(r, h.column);
      if (note) notes.set(h.header, note);
    }
    rows.push({ id, cells, notes });
  }
  return { headers: headers.map((h) => h.header), rows };
}

function toCell(value: CellValue): CellValue {
  return typeof value === "string" && isValidIsoDate(value) ? dateFromIso(value) : (value ?? null);
}

/** Formula numbers are written with a dot, whatever the locale. */
const num = (n: number) => String(n);

/** The round's sheet; `page` names Kommune, Konzepttitel and Stand in the printed page's header and footer. */
export function planRoundSheet(plan: MatrixPlan, page?: PageInfo): SheetPlan {
  const k = plan.criteria.length;
  const lead = MATRIX_COLUMNS.lead.length;
  const firstScore = lead + 1;
  const lastScore = lead + k;
  const gesamtCol = lastScore + 1;
  const ampelCol = gesamtCol + 1;
  const inputStart = ampelCol + 1;
  const headers = [
    ...MATRIX_COLUMNS.lead.map((c) => c.header),
    ...plan.criteria.map((c) => c.name),
    ...MATRIX_COLUMNS.result.map((c) => c.header),
    ...MATRIX_COLUMNS.input.map((c) => c.header),
    ...plan.retiredColumns,
    ...plan.extraColumns,
  ];
  const L = columnLetter;
  const firstRow = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + Math.max(plan.rows.length, 1);
  const scoreRange = (r: number) => `${L(firstScore)}${r}:${L(lastScore)}${r}`;
  const weights = `${L(firstScore)}$${WEIGHT_ROW}:${L(lastScore)}$${WEIGHT_ROW}`;
  const g = (r: number) => `${L(gesamtCol)}${r}`;

  const rows: PlanValue[][] = plan.rows.map((row, i) => {
    const r = firstRow + i;
    const gesamt =
      k === 0
        ? ""
        : {
            formula: `IF(COUNT(${scoreRange(r)})=0,"",IFERROR(SUMPRODUCT(${scoreRange(r)},${weights})/SUMPRODUCT(ISNUMBER(${scoreRange(r)})*${weights}),""))`,
          };
    const ampel = {
      formula: `IF(${g(r)}="","",IF(${g(r)}>=${num(plan.ampel.gruenAb)},"grün",IF(${g(r)}>=${num(plan.ampel.gelbAb)},"gelb","rot")))`,
    };
    return [
      row.id,
      row.handlungsfeld,
      row.massnahme,
      row.federfuehrung,
      row.status,
      toCell(row.frist),
      ...row.scores.map((s) => s ?? null),
      gesamt,
      ampel,
      ...MATRIX_COLUMNS.input.map((c) =>
        c.key === "bewertetAm" ? toCell(row.inputs[c.key]) : (row.inputs[c.key] ?? null),
      ),
      ...row.retired,
      ...row.extra,
    ];
  });

  const cells: CellPlan[] = [
    { row: WEIGHT_ROW, column: 1, value: `Bewertung ${plan.round}`, bold: true, size: 14 },
    { row: WEIGHT_ROW, column: lead, value: "Gewicht →", bold: true },
    ...plan.criteria.map((c, i) => ({ row: WEIGHT_ROW, column: firstScore + i, value: c.weight, bold: true })),
    {
      row: WEIGHT_ROW,
      column: gesamtCol,
      value: `Ampel: grün ab ${plan.ampel.gruenAb}, gelb ab ${plan.ampel.gelbAb}`,
    },
  ];

  // Per-Handlungsfeld summary below the table.
  const top = lastRow + 3;
  const col = (c: number) => `$${L(c)}$${firstRow}:$${L(c)}$${lastRow}`;
  const hf = col(2);
  const status = col(5);
  const gesamt = col(gesamtCol);
  const ampel = col(ampelCol);
  const active = `${status},"<>${ENTFALLEN}"`;
  const summaryHeaders = ["Handlungsfeld", "Maßnahmen", "bewertet", "Ø Gesamt", "grün", "gelb", "rot"];
  cells.push({
    row: top,
    column: 1,
    value: "Auswertung nach Handlungsfeld (ohne entfallene Maßnahmen)",
    bold: true,
    size: 12,
  });
  // The label in column A runs over the empty column B, so the figures start in column C, their headers
  // right-aligned over them.
  summaryHeaders.forEach((h, i) =>
    cells.push({ row: top + 1, column: i === 0 ? 1 : i + 2, value: h, bold: true, ...(i > 0 ? { right: true } : {}) }),
  );
  const summaryRow = (r: number, label: string, match: string | null) => {
    const where = match === null ? `${hf},"<>"` : `${hf},${match}`;
    const sel = match === null ? `(${hf}<>"")` : `(${hf}=${match})`;
    const scored = `SUMPRODUCT(${sel}*(${status}<>"${ENTFALLEN}")*ISNUMBER(${gesamt}))`;
    cells.push(
      { row: r, column: 1, value: label, bold: match === null },
      { row: r, column: 3, value: { formula: `COUNTIFS(${where},${active})` }, numFmt: "0" },
      { row: r, column: 4, value: { formula: scored }, numFmt: "0" },
      {
        row: r,
        column: 5,
        value: { formula: `IF(D${r}=0,"",SUMIFS(${gesamt},${where},${active})/D${r})` },
        numFmt: "0.00",
      },
      ...(["grün", "gelb", "rot"] as const).map((a, i) => ({
        row: r,
        column: 6 + i,
        value: { formula: `COUNTIFS(${where},${active},${ampel},"${a}")` },
        numFmt: "0",
      })),
    );
  };
  plan.handlungsfelder.forEach((h, i) => summaryRow(top + 2 + i, h, `$A${top + 2 + i}`));
  summaryRow(top + 2 + plan.handlungsfelder.length, "Alle Handlungsfelder", null);

  const dataRange = (c: number) => `${L(c)}${firstRow}:${L(c)}${lastRow}`;
  const validations: ValidationPlan[] = [];
  if (k > 0) {
    validations.push({
      range: `${L(firstScore)}${firstRow}:${L(lastScore)}${lastRow}`,
      type: "whole",
      operator: "between",
      formulae: ["0", "4"],
      prompt: { title: "Bewertung 0 bis 4", text: `${SCALE_TEXT}. Leer lassen, solange nicht bewertet.` },
      error: {
        style: "stop",
        title: "Bewertung 0 bis 4",
        text: `Bitte eine ganze Zahl von 0 bis 4 eingeben: ${SCALE_TEXT}.`,
      },
    });
  }
  validations.push(
    {
      range: dataRange(inputStart),
      type: "list",
      formulae: [`"${EMPFEHLUNGEN.join(",")}"`],
      prompt: {
        title: "Empfehlung",
        text: "Was empfiehlt das Bewertungsteam: fortführen, anpassen, beenden oder verstetigen?",
      },
      error: { style: "stop", title: "Empfehlung", text: `Bitte aus der Liste wählen: ${EMPFEHLUNGEN.join(", ")}.` },
    },
    {
      range: dataRange(inputStart + 1),
      type: "any",
      formulae: [],
      prompt: { title: "Begründung", text: "Kurze Begründung der Empfehlung für den Ausschuss." },
      error: null,
    },
    {
      range: dataRange(inputStart + 3),
      type: "date",
      operator: "between",
      formulae: ["2000-01-01", "2100-12-31"],
      prompt: { title: "Bewertet am", text: "Datum der Bewertung, z. B. 15.03.2027." },
      error: { style: "stop", title: "Bewertet am", text: "Bitte ein Datum wie 15.03.2027 eingeben." },
    },
  );
  const ampelRange = dataRange(ampelCol);
  const a0 = `$${L(ampelCol)}${firstRow}`;
  const sheet: SheetPlan = {
    name: roundSheetName(plan.round),
    state: "visible",
    tabColor: "FF8764B8",
    widths: headers.map((_, i) => ({ column: i + 1, width: roundColumnWidth(i + 1, { lead, gesamtCol, inputStart }) })),
    formats: [
      { column: 6, numFmt: DATE_FORMAT },
      { column: gesamtCol, numFmt: "0.00" },
      { column: inputStart + 3, numFmt: DATE_FORMAT },
    ],
    wrapColumns: [3, inputStart + 1],
    frozen: { rows: HEADER_ROW, columns: 1 },
    table: {
      name: roundTableName(plan.round),
      row: HEADER_ROW,
      column: 1,
      headers,
      rows: rows.length ? rows : [headers.map(() => null)],
      style: "TableStyleMedium7",
    },
    cells,
    validations,
    conditionalFormats: [
      { range: ampelRange, formula: `${a0}="grün"`, fill: FILL.green },
      { range: ampelRange, formula: `${a0}="gelb"`, fill: FILL.yellow },
      { range: ampelRange, formula: `${a0}="rot"`, fill: FILL.red },
    ],
    // The summary is a block of its own: printed from the top of a page, never split from its heading.
    rowBreaks: [top],
    notes: plan.rows.flatMap((row, i) =>
      [...row.notes].flatMap(([header, text]) => {
        const c = headers.findIndex((h) => normalizeLabel(h) === normalizeLabel(header));
        return c >= 0 ? [{ row: firstRow + i, column: c + 1, text }] : [];
      }),
    ),
  };
  // ID, Handlungsfeld and Maßnahme on every page; ID and Gesamt stay unwrapped so the title and the
  // Ampel thresholds in row 1 and the labels of the summary run over their empty neighbours.
  const wrap = headers.map((_, i) => i + 1).filter((c) => c !== 1 && c !== gesamtCol);
  const laidOut = withPrintLayout(sheet, { headerRow: HEADER_ROW, keyColumns: 3, wrapColumns: wrap });
  return page ? withPageInfo(laidOut, page) : laidOut;
}

/** Widths for what each column holds: names wrap, scores are one digit under a wrapped criterion name. */
function roundColumnWidth(column: number, at: { lead: number; gesamtCol: number; inputStart: number }): number {
  const lead = [10, 20, 30, 22, 14, 11];
  if (column <= at.lead) return lead[column - 1] ?? 12;
  if (column < at.gesamtCol) return 12;
  if (column === at.gesamtCol) return 9;
  if (column === at.gesamtCol + 1) return 8;
  const input = [14, 36, 14, 13];
  return input[column - at.inputStart] ?? 14;
}

/** Everything a round writes: its sheet and, where the workbook has no criteria, the default ones to show. */
export interface RoundSheets {
  /** The concept as read before anything was written. */
  concept: ReadConcept;
  plan: MatrixPlan;
  /** The workbook already holds this round. */
  exists: boolean;
  /** `Bewertungskriterien` with the default criteria, when the workbook has none and the round uses them. */
  criteriaSheet: SheetPlan | null;
  roundSheet: SheetPlan;
}

/**
 * Plans a round from a workbook, for every host alike (file, browser mode, Excel): reads the concept,
 * its settings and the existing round, keeps every input, and names Kommune and Konzepttitel in the
 * printed page's header (Stand: `stand`).
 */
export function planRoundSheets(source: WorkbookSource, round: number, stand?: IsoDate): RoundSheets {
  const concept = readConcept(source);
  const { settings } = readSettings(concept);
  const existing = readExistingRound(source, round);
  const plan = planRound(concept, settings, round, existing);
  const content = { spec: tableSpec("kriterien"), rows: DEFAULT_KRITERIEN.map((k) => ({ ...k })) };
  return {
    concept,
    plan,
    exists: existing !== null,
    // Show the team which criteria and weights the matrix uses, where they can change them.
    criteriaSheet:
      !concept.kriterien && plan.defaultCriteria ? planTableSheet(content, contractLayouts([content])) : null,
    roundSheet: planRoundSheet(plan, { kommune: settings.kommune, konzepttitel: settings.konzepttitel, stand }),
  };
}
