/**
 * The sheets `Bewertung JJJJ`, one per round: reading what the team entered, finding the latest round, and
 * the plan of the regenerated sheet with live formulas for Gesamt, Ampel and the per-Handlungsfeld summary
 * (Excel and LibreOffice alike). Written by `matrix` and the pane's Bewertung; read back by the next
 * `matrix` of the round, the report, the Übersicht and the Fortschreibung.
 */
import type { CellValue, IsoDate } from "../../domain/dates";
import { dateFromIso, isValidIsoDate } from "../../domain/dates";
import {
  EMPFEHLUNGEN,
  ENTFALLEN,
  type ExistingRound,
  MATRIX_COLUMNS,
  type MatrixPlan,
  SCALE_TEXT,
  planRound,
} from "../../domain/matrix";
import type { LatestRoundInput } from "../../domain/report";
import { readSettings } from "../../domain/settings";
import { DEFAULT_KRITERIEN } from "../../domain/templates/kriterien";
import { isBlank, normalizeLabel, textOf } from "../../domain/values";
import { tableSpec } from "../contract";
import { contractLayouts, planTableSheet } from "../plan";
import { type PageInfo, withPageInfo, withPrintLayout } from "../print";
import { type ReadConcept, readConcept } from "../read";
import { type CellPlan, DATE_FORMAT, FILL, type PlanValue, type SheetPlan, type ValidationPlan } from "../sheet-plan";
import { type WorkbookSource, columnLetter } from "../source";
import { sheetFamily } from "./sheet";

export const BEWERTUNG = sheetFamily({
  sheet: (round) => `Bewertung ${round}`,
  table: (round) => `tblBewertung${round}`,
  memberOf: (name) => {
    const m = /^bewertung(\d{4})$/.exec(normalizeLabel(name));
    return m && normalizeLabel(`Bewertung ${m[1]}`) === normalizeLabel(name) ? Number(m[1]) : null;
  },
  state: "visible",
  plan: planRoundSheets,
  read: readExistingRound,
});

/** Rows above the table: row 1 holds the title and the weights of the criteria. */
export const WEIGHT_ROW = 1;
export const HEADER_ROW = 2;

/** Reads an existing round; null when the workbook has none for this round. */
export function readExistingRound(source: WorkbookSource, round: number): ExistingRound | null {
  const tableName = BEWERTUNG.table(round).toLowerCase();
  const table = source.tables().find((t) => t.name.toLowerCase() === tableName);
  const sheetName = table?.sheet ?? source.sheetNames().find((n) => BEWERTUNG.memberOf(n) === round);
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

/** Where the parts of a round's sheet are: its columns (1-based) and the rows of its table. */
interface RoundLayout {
  /** The number of criteria. */
  k: number;
  lead: number;
  firstScore: number;
  lastScore: number;
  gesamtCol: number;
  ampelCol: number;
  inputStart: number;
  headers: string[];
  firstRow: number;
  lastRow: number;
}

function roundLayout(plan: MatrixPlan): RoundLayout {
  const k = plan.criteria.length;
  const lead = MATRIX_COLUMNS.lead.length;
  const gesamtCol = lead + k + 1;
  const headers = [
    ...MATRIX_COLUMNS.lead.map((c) => c.header),
    ...plan.criteria.map((c) => c.name),
    ...MATRIX_COLUMNS.result.map((c) => c.header),
    ...MATRIX_COLUMNS.input.map((c) => c.header),
    ...plan.retiredColumns,
    ...plan.extraColumns,
  ];
  return {
    k,
    lead,
    firstScore: lead + 1,
    lastScore: lead + k,
    gesamtCol,
    ampelCol: gesamtCol + 1,
    inputStart: gesamtCol + 2,
    headers,
    firstRow: HEADER_ROW + 1,
    lastRow: HEADER_ROW + Math.max(plan.rows.length, 1),
  };
}

const L = columnLetter;

/** The table's rows: the measures with their scores, live Gesamt and Ampel, and the team's inputs. */
function roundRows(plan: MatrixPlan, at: RoundLayout): PlanValue[][] {
  const scoreRange = (r: number) => `${L(at.firstScore)}${r}:${L(at.lastScore)}${r}`;
  const weights = `${L(at.firstScore)}$${WEIGHT_ROW}:${L(at.lastScore)}$${WEIGHT_ROW}`;
  const g = (r: number) => `${L(at.gesamtCol)}${r}`;
  return plan.rows.map((row, i) => {
    const r = at.firstRow + i;
    const gesamt =
      at.k === 0
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
}

/** Row 1: the title, the weight of each criterion above its column, the Ampel's thresholds. */
function weightCells(plan: MatrixPlan, at: RoundLayout): CellPlan[] {
  return [
    { row: WEIGHT_ROW, column: 1, value: BEWERTUNG.sheet(plan.round), bold: true, size: 14 },
    { row: WEIGHT_ROW, column: at.lead, value: "Gewicht →", bold: true },
    ...plan.criteria.map((c, i) => ({ row: WEIGHT_ROW, column: at.firstScore + i, value: c.weight, bold: true })),
    {
      row: WEIGHT_ROW,
      column: at.gesamtCol,
      value: `Ampel: grün ab ${plan.ampel.gruenAb}, gelb ab ${plan.ampel.gelbAb}`,
    },
  ];
}

/** The per-Handlungsfeld summary below the table, from row `top`: counts, Ø Gesamt and Ampel, by formula. */
function summaryCells(plan: MatrixPlan, at: RoundLayout, top: number): CellPlan[] {
  const col = (c: number) => `$${L(c)}$${at.firstRow}:$${L(c)}$${at.lastRow}`;
  const hf = col(2);
  const status = col(5);
  const gesamt = col(at.gesamtCol);
  const ampel = col(at.ampelCol);
  const active = `${status},"<>${ENTFALLEN}"`;
  const summaryHeaders = ["Handlungsfeld", "Maßnahmen", "bewertet", "Ø Gesamt", "grün", "gelb", "rot"];
  const cells: CellPlan[] = [
    { row: top, column: 1, value: "Auswertung nach Handlungsfeld (ohne entfallene Maßnahmen)", bold: true, size: 12 },
  ];
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
  return cells;
}

/** Scores 0 to 4, the Empfehlung from its list, the Begründung's prompt, Bewertet am as a date. */
function roundValidations(at: RoundLayout): ValidationPlan[] {
  const dataRange = (c: number) => `${L(c)}${at.firstRow}:${L(c)}${at.lastRow}`;
  const validations: ValidationPlan[] = [];
  if (at.k > 0) {
    validations.push({
      range: `${L(at.firstScore)}${at.firstRow}:${L(at.lastScore)}${at.lastRow}`,
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
      range: dataRange(at.inputStart),
      type: "list",
      formulae: [`"${EMPFEHLUNGEN.join(",")}"`],
      prompt: {
        title: "Empfehlung",
        text: "Was empfiehlt das Bewertungsteam: fortführen, anpassen, beenden oder verstetigen?",
      },
      error: { style: "stop", title: "Empfehlung", text: `Bitte aus der Liste wählen: ${EMPFEHLUNGEN.join(", ")}.` },
    },
    {
      range: dataRange(at.inputStart + 1),
      type: "any",
      formulae: [],
      prompt: { title: "Begründung", text: "Kurze Begründung der Empfehlung für den Ausschuss." },
      error: null,
    },
    {
      range: dataRange(at.inputStart + 3),
      type: "date",
      operator: "between",
      formulae: ["2000-01-01", "2100-12-31"],
      prompt: { title: "Bewertet am", text: "Datum der Bewertung, z. B. 15.03.2027." },
      error: { style: "stop", title: "Bewertet am", text: "Bitte ein Datum wie 15.03.2027 eingeben." },
    },
  );
  return validations;
}

/** The round's sheet; `page` names Kommune, Konzepttitel and Stand in the printed page's header and footer. */
export function planRoundSheet(plan: MatrixPlan, page?: PageInfo): SheetPlan {
  const at = roundLayout(plan);
  const { headers, lead, gesamtCol, ampelCol, inputStart, firstRow } = at;
  const rows = roundRows(plan, at);
  // The summary starts two rows below the table.
  const top = at.lastRow + 3;
  const ampelRange = `${L(ampelCol)}${firstRow}:${L(ampelCol)}${at.lastRow}`;
  const a0 = `$${L(ampelCol)}${firstRow}`;
  const sheet: SheetPlan = {
    name: BEWERTUNG.sheet(plan.round),
    state: BEWERTUNG.state,
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
      name: BEWERTUNG.table(plan.round),
      row: HEADER_ROW,
      column: 1,
      headers,
      rows: rows.length ? rows : [headers.map(() => null)],
      style: "TableStyleMedium7",
    },
    cells: [...weightCells(plan, at), ...summaryCells(plan, at, top)],
    validations: roundValidations(at),
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

/** The years of the rounds in the workbook, by sheet name or table name, ascending. */
export function roundYears(source: WorkbookSource): number[] {
  const years = new Set<number>();
  for (const name of source.sheetNames()) {
    const round = BEWERTUNG.memberOf(name);
    if (round !== null) years.add(round);
  }
  for (const table of source.tables()) {
    const m = /^tblbewertung(\d{4})$/i.exec(table.name);
    if (m && table.name.toLowerCase() === BEWERTUNG.table(Number(m[1])).toLowerCase()) years.add(Number(m[1]));
  }
  return [...years].sort((a, b) => a - b);
}

/** The latest round that can be read (a sheet with an ID column); null when the workbook has none. */
export function readLatestRound(source: WorkbookSource): LatestRoundInput | null {
  for (const round of roundYears(source).reverse()) {
    const existing = readExistingRound(source, round);
    if (existing) return { round, existing };
  }
  return null;
}
