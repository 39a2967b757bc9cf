/** The sheet `Prüfbericht`: the findings of a check as an Excel table, with live counts above it. */
import { formatGermanDate } from "../domain/dates";
import { type CheckResult, RULES, type Severity } from "../domain/rules";
import { PRUEFBERICHT } from "./contract";
import { FILL, type SheetPlan } from "./plan";
import { withPageInfo, withPrintLayout } from "./print";

export const SEVERITY_LABEL: Record<Severity, string> = { error: "Fehler", warning: "Warnung", info: "Hinweis" };
export const SEVERITY_PLURAL: Record<Severity, string> = { error: "Fehler", warning: "Warnungen", info: "Hinweise" };

/** `1 Warnung`, `3 Warnungen`. */
export function severityCount(severity: Severity, n: number): string {
  return `${n} ${n === 1 ? SEVERITY_LABEL[severity] : SEVERITY_PLURAL[severity]}`;
}

const HEADERS = ["Schwere", "SMART", "Regel", "Prüfpunkt", "Blatt", "Zelle", "ID", "Meldung"] as const;
const TABLE_ROW = 9;

export function planReportSheet(result: CheckResult, file: string): SheetPlan {
  const { findings, summary } = result;
  const last = TABLE_ROW + Math.max(findings.length, 1);
  const severityRange = `$A$${TABLE_ROW + 1}:$A$${last}`;
  const rows = findings.map((f) => [
    SEVERITY_LABEL[f.severity],
    f.smart ?? "",
    f.rule,
    RULES[f.rule].title,
    f.sheet,
    // A link that jumps to the cell in Excel and LibreOffice alike.
    { formula: `HYPERLINK("#'${f.sheet.replace(/'/g, "''")}'!${f.cell}","${f.cell}")` },
    f.id ?? "",
    f.message,
  ]);
  const label = (row: number, text: string, value: SheetPlan["cells"][number]["value"]) => [
    { row, column: 1, value: text, bold: true },
    { row, column: 2, value },
  ];
  const sheet: SheetPlan = {
    name: PRUEFBERICHT.sheet,
    state: "visible",
    tabColor: "FFC50F1F",
    widths: [21, 7, 28, 24, 20, 8, 9, 60].map((width, i) => ({ column: i + 1, width })),
    formats: [],
    wrapColumns: [],
    frozen: { rows: TABLE_ROW, columns: 0 },
    table: {
      name: PRUEFBERICHT.table,
      row: TABLE_ROW,
      column: 1,
      headers: [...HEADERS],
      rows: rows.length > 0 ? rows : [["", "", "", "", "", "", "", "Keine Befunde."]],
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
  // Prüfpunkt, Blatt and Meldung wrap; the labels and values above the table run over their neighbours.
  const laidOut = withPrintLayout(sheet, { headerRow: TABLE_ROW, keyColumns: 0, wrapColumns: [4, 5, 8] });
  const { kommune, konzepttitel } = result.settings;
  return withPageInfo(laidOut, { kommune, konzepttitel, stand: result.referenceDate });
}
