/**
 * Once the contract has the Sachstände table (another branch adds it), the import writes the per-period
 * history there instead of listing it in Übernahme. Until then this test lends the contract a table of that
 * shape (the columns docs/arbeitsmappe.md gives), so the path is proven today and by the real table later.
 */
import { templateContent } from "../../src/domain/templates";
import { type ColumnSpec, type TableSpec, TABLES } from "../../src/workbook/contract";
import { buildImport } from "../../src/workbook/import/build";
import { guessMapping } from "../../src/workbook/import/mapping";
import { planImportWorkbook, sachstaendeSpec } from "../../src/workbook/import/workbook";
import { areaOf } from "../../src/xlsx/source";
import { MUSTERSTADT } from "./lists";

const HEADERS: [string, string, ColumnSpec["format"]][] = [
  ["massnahme", "Maßnahme", "text"],
  ["berichtsstichtag", "Berichtsstichtag", "date"],
  ["status", "Status", "text"],
  ["umsetzung", "Umsetzung (%)", "number"],
  ["ampel", "Ampel", "text"],
  ["sachstand", "Sachstand", "text"],
  ["naechsteSchritte", "Nächste Schritte", "text"],
];

const lent = !sachstaendeSpec();
beforeAll(() => {
  if (!lent) return;
  const spec = {
    kind: "sachstaende",
    sheet: "Sachstände",
    table: "tblSachstaende",
    requiredSheet: false,
    tabColor: "FF107C10",
    columns: HEADERS.map(([field, header, format]) => ({
      field,
      header,
      required: false,
      format,
      width: 12,
      prompt: { title: header, text: header },
    })),
  };
  (TABLES as unknown as TableSpec[]).push(spec as unknown as TableSpec);
});
afterAll(() => {
  if (lent) (TABLES as unknown as TableSpec[]).pop();
});

it("writes the Sachstände sheet with one row per measure and period, and Übernahme no longer lists them", () => {
  const grid = {
    sheet: "Maßnahmen",
    rows: MUSTERSTADT.rows.map((r) => r.map((v) => v ?? null)),
    merges: MUSTERSTADT.merges.map(areaOf),
  };
  const result = buildImport(grid, guessMapping(grid));
  const plan = planImportWorkbook(result, templateContent("leer", "2026-11-26"), "liste.xlsx");
  const sheet = plan.sheets.find((s) => s.name === "Sachstände")!;
  const headers = sheet.table!.headers;
  const at = (h: string) => headers.indexOf(h);
  const rows = sheet.table!.rows.map((r) => [
    r[at("Maßnahme")],
    (r[at("Berichtsstichtag")] as Date).toISOString().slice(0, 10),
    r[at("Status")] ?? null,
    r[at("Ampel")] ?? null,
    r[at("Sachstand")],
  ]);
  expect(rows).toEqual([
    // The measure in the one form of a reference: the dropdown's `ID – Titel`.
    ["1.1 – Sprachkurse für Eltern", "2013-12-31", null, null, "Konzept erstellt"],
    ["1.1 – Sprachkurse für Eltern", "2016-12-31", "in Umsetzung", null, "läuft"],
    ["1.1 – Sprachkurse für Eltern", "2018-12-31", "in Umsetzung", "grün", "in Umsetzung"],
    ["1.2 – Hausaufgabenhilfe", "2016-12-31", "geplant", null, "geplant"],
    ["1.2 – Hausaufgabenhilfe", "2018-12-31", "umgesetzt", "gelb", "umgesetzt"],
    ["2.1 – Jobbörse", "2018-12-31", "umgesetzt", "blau", "abgeschlossen"],
  ]);
  const uebernahme = plan.sheets.find((s) => s.name === "Übernahme")!;
  expect(uebernahme.cells.some((c) => c.value === "Berichtsstichtag")).toBe(false);
});
