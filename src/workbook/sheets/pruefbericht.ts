/**
 * The sheet `Prüfbericht`: the findings of a check as an Excel table, with live counts above it. Errors first,
 * then warnings, then hints; each finding names the measure by ID and Titel, says what is wrong first and
 * gives the rule's code last (it is for looking up in docs/pruefregeln.md, not for reading). Written by
 * `check -o` and the pane's „Prüfbericht schreiben“; never read back.
 */
import { formatGermanDate } from "../../domain/dates";
import type { ConceptData } from "../../domain/model";
import { type CheckResult, RULES } from "../../domain/rules";
import { withPageInfo, withPrintLayout } from "../print";
import { SEVERITY_LABEL, bySeverity, measureTitles } from "../report";
import { FILL, type SheetPlan } from "../sheet-plan";
import { generatedSheet } from "./sheet";

export const PRUEFBERICHT = generatedSheet({
  sheet: "Prüfbericht",
  table: "tblPruefbericht",
  state: "visible",
  plan: planReportSheet,
  read: null,
});

const HEADERS = ["Schwere", "ID", "Titel", "Meldung", "Blatt", "Zelle", "SMART", "Prüfpunkt", "Regel"] as const;
/** Schwere as wide as the labels above the table (`SMART-vollständig`, whose value stands beside it). */
const WIDTHS = [18, 8, 20, 38, 14, 7, 7, 16, 12];
const TABLE_ROW = 9;

/**
 * The sheet for a check's result; `massnahmen` (the table as read) gives each measure's Titel beside its ID.
 */
export function planReportSheet(result: CheckResult, file: string, massnahmen?: ConceptData["massnahmen"]): SheetPlan {
  const { summary } = result;
  const findings = bySeverity(result.findings);
  const titles = massnahmen ? measureTitles(massnahmen) : new Map<string, string>();
  const last = TABLE_ROW + Math.max(findings.length, 1);
  const severityRange = `$A$${TABLE_ROW + 1}:$A$${last}`;
  const rows = findings.map((f) => [
    SEVERITY_LABEL[f.severity],
    f.id ?? "",
    f.id ? (titles.get(`${f.sheet}\u0000${f.id}`) ?? "") : "",
    f.message,
    f.sheet,
    // A link that jumps to the cell in Excel and LibreOffice alike.
    { formula: `HYPERLINK("#'${f.sheet.replace(/'/g, "''")}'!${f.cell}","${f.cell}")` },
    f.smart ?? "",
    RULES[f.rule].title,
    f.rule,
  ]);
  const label = (row: number, text: string, value: SheetPlan["cells"][number]["value"]) => [
    { row, column: 1, value: text, bold: true },
    { row, column: 2, value },
  ];
  const sheet: SheetPlan = {
    name: PRUEFBERICHT.sheet,
    state: PRUEFBERICHT.state,
    tabColor: "FFC50F1F",
    widths: WIDTHS.map((width, i) => ({ column: i + 1, width })),
    formats: [],
    wrapColumns: [],
    frozen: { rows: TABLE_ROW, columns: 0 },
    table: {
      name: PRUEFBERICHT.table,
      row: TABLE_ROW,
      column: 1,
      headers: [...HEADERS],
      rows: rows.length > 0 ? rows : [["", "", "", "Keine Befunde.", "", "", "", "", ""]],
      style: "TableStyleLight9",
    },
    cells: [
      { row: 1, column: 1, value: PRUEFBERICHT.sheet, bold: true, size: 14 },
      ...label(2, "Datei", file),
      ...label(3, "Stichtag", formatGermanDate(result.referenceDate)),
      ...label(4, "Maßnahmen", summary.measures),
      ...label(5, "SMART-vollständig", summary.smartComplete),
      ...label(6, "Fehler", { formula: `COUNTIF(${severityRange},"Fehler")` }),
      ...label(7, "Warnungen", { formula: `COUNTIF(${severityRange},"Warnung")` }),
      ...label(8, "Hinweise", { formula: `COUNTIF(${severityRange},"Hinweis")` }),
    ],
    validations: [],
    conditionalFormats: [
      { range: `A${TABLE_ROW + 1}:A${last}`, formula: `A${TABLE_ROW + 1}="Fehler"`, fill: FILL.error },
      { range: `A${TABLE_ROW + 1}:A${last}`, formula: `A${TABLE_ROW + 1}="Warnung"`, fill: FILL.warning },
      { range: `A${TABLE_ROW + 1}:A${last}`, formula: `A${TABLE_ROW + 1}="Hinweis"`, fill: FILL.info },
    ],
  };
  // Titel, Meldung, Blatt and Prüfpunkt wrap; the labels and values above the table run over their neighbours.
  const laidOut = withPrintLayout(sheet, { headerRow: TABLE_ROW, keyColumns: 0, wrapColumns: [3, 4, 5, 8] });
  const { kommune, konzepttitel } = result.settings;
  return withPageInfo(laidOut, { kommune, konzepttitel, stand: result.referenceDate });
}
