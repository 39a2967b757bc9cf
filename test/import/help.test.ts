/**
 * Every row gets the workbook's help: dropdowns and the highlighting of empty required cells cover every row
 * a plan writes plus the spare rows, and rows appended to a table beyond its spare rows (merge, the browser
 * mode) get them too.
 */
import { templateContent } from "../../src/domain/templates";
import { buildImport } from "../../src/workbook/import/build";
import { guessMapping } from "../../src/workbook/import/mapping";
import { planImportWorkbook } from "../../src/workbook/import/workbook";
import { SPARE_ROWS, planNewWorkbook } from "../../src/workbook/plan";
import { readTable } from "../../src/workbook/read";
import { MASSNAHMEN } from "../../src/workbook/contract";
import { XlsxDocument } from "../../src/xlsx/document";
import { widenTableHelp } from "../../src/xlsx/sheetPatch";

const LONG = 700;

/** The sqref of every data validation and conditional format of a sheet XML (attributes and xm:sqref). */
function ranges(xml: string): string[] {
  return [
    ...[...xml.matchAll(/<(?:\w+:)?(?:dataValidation|conditionalFormatting)\s[^>]*?\bsqref="([^"]*)"/g)].map(
      (m) => m[1]!,
    ),
    ...[...xml.matchAll(/<(?:\w+:)?sqref>([^<]*)</g)].map((m) => m[1]!),
  ];
}

describe("generated sheets cover every row written", () => {
  it("an imported list of 700 measures has dropdowns and highlighting down to row 701 plus the spare rows", () => {
    const rows = [
      ["Nr.", "Maßnahme", "Zuständigkeit", "Status", "bis wann"],
      ...Array.from({ length: LONG }, (_, i) => [String(i + 1), `Maßnahme ${i + 1}`, `FB ${i % 7}`, "geplant", "2027"]),
    ];
    const grid = { sheet: "Liste", rows, merges: [] };
    const result = buildImport(grid, guessMapping(grid));
    const plan = planImportWorkbook(result, templateContent("leer", "2026-11-26"), "liste.csv");
    const sheet = plan.sheets.find((s) => s.name === MASSNAHMEN.sheet)!;
    const ends = [...sheet.validations, ...sheet.conditionalFormats].map((v) => Number(/(\d+)$/.exec(v.range)![1]));
    expect(ends.length).toBeGreaterThan(10);
    expect(new Set(ends)).toEqual(new Set([1 + LONG + SPARE_ROWS]));
    // The hidden lists offer every Akteur, also beyond the first 500.
    const akteure = plan.sheets.find((s) => s.name === "Akteure")!;
    expect(akteure.table!.rows).toHaveLength(7);
    const listen = plan.sheets.find((s) => s.name === "Listen")!;
    const akteurColumn = listen.cells.find((c) => c.row === 1 && c.value === "Akteure")!.column;
    expect(Math.max(...listen.cells.filter((c) => c.column === akteurColumn).map((c) => c.row))).toBe(
      1 + 7 + SPARE_ROWS,
    );
  });
});

describe("rows appended to a table beyond its spare rows", () => {
  const sheetXml = [
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><selection activeCell="B2" sqref="B2:B502"/></sheetView></sheetViews>',
    '<conditionalFormatting sqref="D2:D502"><cfRule type="expression" dxfId="0" priority="1"><formula>LEN(D2)=0</formula></cfRule></conditionalFormatting>',
    '<conditionalFormatting sqref="Z5:Z9"><cfRule type="expression" dxfId="0" priority="2"><formula>1</formula></cfRule></conditionalFormatting>',
    '<dataValidations count="3"><dataValidation type="list" sqref="P2:P502 B2:B502"><formula1>"a,b"</formula1></dataValidation>',
    '<dataValidation type="list" sqref="AB2:AB502"><formula1>"x"</formula1></dataValidation>',
    '<dataValidation type="list" sqref="C2:C10"><formula1>"x"</formula1></dataValidation></dataValidations>',
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>Listen!$A$2:$A$9</xm:f></x14:formula1><xm:sqref>I2:I502</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>',
    "</worksheet>",
  ].join("");
  const table = { left: 1, right: 26, firstRow: 2, oldLast: 2, newLast: 2 + LONG };

  it("widens the ranges that cover the table's columns from its first data row, keeping the spare rows", () => {
    const out = widenTableHelp(sheetXml, table);
    // C2:C10 covers the whole (one-row) table column too: like Excel, a new row takes the rule of the row above.
    // Z5:Z9 does not start at the table's first row, AB lies outside the table.
    expect(ranges(out)).toEqual(["D2:D1202", "Z5:Z9", "P2:P1202 B2:B1202", "AB2:AB502", "C2:C710", "I2:I1202"]);
    // The selection is not a rule.
    expect(out).toContain('<selection activeCell="B2" sqref="B2:B502"/>');
  });

  it("leaves everything alone while the new rows stay within the spare rows", () => {
    expect(widenTableHelp(sheetXml, { ...table, newLast: 10 })).toBe(sheetXml);
    expect(ranges(widenTableHelp(sheetXml, { ...table, newLast: 400 }))).toEqual([
      "D2:D502",
      "Z5:Z9",
      "P2:P502 B2:B502",
      "AB2:AB502",
      "C2:C408",
      "I2:I502",
    ]);
    expect(widenTableHelp(sheetXml, { ...table, newLast: 2 })).toBe(sheetXml);
  });

  it("extendTable brings the dropdowns of the Maßnahmen sheet down to rows written beyond the spare rows", async () => {
    const doc = XlsxDocument.create("konzept.xlsx");
    doc.applyWorkbookPlan(planNewWorkbook(templateContent("beispiel", "2026-11-26")));
    const found = readTable(MASSNAHMEN, await doc.source())!;
    const first = found.area.bottom + 1;
    const last = found.area.bottom + LONG;
    const id = found.columnIndex.id!;
    doc.writeCells(
      found.sheet,
      Array.from({ length: LONG }, (_, i) => ({ row: first + i, column: id, value: `M-${900 + i}` })),
      found.headerRow + 1,
    );
    doc.extendTable(found.tableName!, last);
    const part = doc.pkg.sheets().find((s) => s.name === found.sheet)!.part!;
    const all = ranges(doc.pkg.text(part)!).flatMap((r) => r.split(" "));
    const status = found.columnIndex.status!;
    const letter = String.fromCharCode(64 + status);
    expect(all).toContain(`${letter}2:${letter}${last + SPARE_ROWS}`);
    for (const range of all) expect(Number(/(\d+)$/.exec(range)![1])).toBe(last + SPARE_ROWS);
    // The table itself reaches the last row written.
    expect((await doc.source()).tables().find((t) => t.name === found.tableName)!.area.bottom).toBe(last);
  });
});
