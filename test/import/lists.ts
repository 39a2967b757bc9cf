/**
 * Measure lists built the way cities publish them, with exceljs as a fixture editor: a title row, merged
 * header cells over per-period columns, sections merged across the table, `FB 50 / Jobcenter`, `Ende 2026`.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/domain/dates";

export type Cells = (CellValue | undefined)[][];

/** An .xlsx with one sheet per entry; rows from row 1, merges as A1 ranges. */
export async function xlsxList(
  sheets: { name: string; rows: Cells; merges?: string[]; table?: boolean }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== undefined && v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.table) {
      ws.addTable({
        name: "tblListe",
        ref: "A1",
        headerRow: true,
        columns: (s.rows[0] ?? []).map((h) => ({ name: String(h) })),
        rows: s.rows.slice(1).map((r) => r.map((v) => (v ?? null) as ExcelJS.CellValue)),
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Musterstadt's plan: title rows, a two-row header with `Sachstand` merged over its periods, sections merged across. */
export const MUSTERSTADT: { rows: Cells; merges: string[] } = {
  rows: [
    ["Integrationskonzept Musterstadt – Maßnahmenplan"],
    ["Stand: März 2019"],
    [
      "Nr.",
      "Maßnahme",
      "Ziel",
      "Zuständigkeit",
      "bis wann",
      "Kosten",
      "Sachstand",
      null,
      null,
      "Ampel 2017/2018",
      "Förderprogramm",
    ],
    [null, null, null, null, null, null, "2013", "2015/16", "2017/2018", null, null],
    ["Handlungsfeld 1: Sprache und Bildung"],
    [
      "1.1",
      "Sprachkurse für Eltern",
      "Mehr Eltern sprechen Deutsch",
      "FB 50 / Jobcenter",
      "Ende 2026",
      "15.000 €",
      "Konzept erstellt",
      "läuft",
      "in Umsetzung",
      "grün",
      "BAMF",
    ],
    [
      "1.2",
      "Hausaufgabenhilfe",
      "mehr eltern  sprechen deutsch",
      "VHS",
      new Date(Date.UTC(2025, 11, 31)),
      2000,
      null,
      "geplant",
      "umgesetzt",
      "Gelb",
      null,
    ],
    ["Handlungsfeld 2: Arbeit"],
    [
      "2.1",
      "Jobbörse",
      "Mehr Menschen in Arbeit",
      "Jobcenter; FB 50",
      "laufend",
      "nach Bedarf",
      null,
      null,
      "abgeschlossen",
      "blau",
      "ESF",
    ],
  ],
  merges: ["A1:K1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:I3", "J3:J4", "K3:K4", "A5:K5", "A8:K8"],
};

/** A list as a town hall exports it to CSV: one header row, per-period columns, a quoted field with separator and line break. */
export const CSV_ROWS: string[][] = [
  [
    "lfd. Nr.",
    "Handlungsfeld",
    "Maßnahme",
    "Beschreibung",
    "Federführung",
    "Partner",
    "Zeitraum",
    "Status",
    "Bemerkung",
    "Sachstand 2013",
    "Stand 2015/16",
    "Ampel 2017/2018",
  ],
  [
    "A1",
    "Bildung",
    "Sprachcafé",
    "Wöchentliches Treffen; Gespräche, Übungen\nund Austausch",
    "Amt für Jugend",
    "Caritas, Diakonie",
    "2020 - 2022",
    "in Arbeit",
    "Räume: Bürgerhaus",
    "Idee",
    "gestartet",
    "grün",
  ],
  [
    "A2",
    " bildung ",
    "Lesepaten",
    "Ehrenamtliche lesen vor",
    "Stadtbibliothek",
    "",
    "12/2024",
    "geplant",
    "",
    "",
    "",
    "",
  ],
  [
    "A3",
    "Arbeit und  Beruf",
    "Praktikumsbörse",
    "Betriebe öffnen sich",
    "Jobcenter / Wirtschaftsförderung",
    "IHK",
    "Q3 2025",
    "",
    "",
    "",
    "",
    "rot",
  ],
];

export function csvText(rows: string[][], separator: string): string {
  const quote = (f: string) =>
    f.includes(separator) || f.includes('"') || f.includes("\n") ? `"${f.replace(/"/g, '""')}"` : f;
  return rows.map((r) => r.map(quote).join(separator)).join("\r\n") + "\r\n";
}

/** CP1252 bytes of a text (the characters the lists use: umlauts, ß, €, en dash). */
export function windows1252(text: string): Buffer {
  const special: Record<string, number> = { "€": 0x80, "–": 0x96, "„": 0x84, "“": 0x93 };
  return Buffer.from([...text].map((ch) => special[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}
