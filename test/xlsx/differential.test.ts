/**
 * The program's reader against exceljs, which read workbooks for the program before: for every workbook of
 * the corpus, every Excel-authored fixture, the example concept and a workbook exceljs wrote with every kind
 * of value, both give the same sheets, tables, row and column counts and the same value in every cell.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/dates";
import type { WorkbookSource } from "../../src/workbook/read";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { XlsxDocument } from "../../src/xlsx/document";
import { CORPUS_DIR, CORPUS_FILES } from "../helpers/corpus";
import { ExcelJsSource } from "../helpers/excelJsSource";

const EXCEL_AUTHORED = path.resolve(__dirname, "../../../shared/fixtures/excel-authored");

/** exceljs as it read for the program: a workbook loaded from the bytes. */
async function excelJsSource(bytes: Uint8Array): Promise<WorkbookSource> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return new ExcelJsSource(wb);
}

const comparable = (v: CellValue) => (v instanceof Date ? { date: v.toISOString() } : (v ?? null));

interface Difference {
  sheet: string;
  what: string;
  exceljs: unknown;
  reader: unknown;
}

function differences(expected: WorkbookSource, actual: WorkbookSource): Difference[] {
  const out: Difference[] = [];
  const names = expected.sheetNames();
  if (JSON.stringify(names) !== JSON.stringify(actual.sheetNames()))
    out.push({ sheet: "*", what: "sheets", exceljs: names, reader: actual.sheetNames() });
  const tables = (s: WorkbookSource) => JSON.stringify(s.tables());
  if (tables(expected) !== tables(actual))
    out.push({ sheet: "*", what: "tables", exceljs: expected.tables(), reader: actual.tables() });
  for (const name of names) {
    const e = expected.sheet(name)!;
    const a = actual.sheet(name);
    if (!a) {
      out.push({ sheet: name, what: "sheet", exceljs: name, reader: undefined });
      continue;
    }
    if (e.rowCount !== a.rowCount) out.push({ sheet: name, what: "rowCount", exceljs: e.rowCount, reader: a.rowCount });
    if (e.columnCount !== a.columnCount)
      out.push({ sheet: name, what: "columnCount", exceljs: e.columnCount, reader: a.columnCount });
    const rows = Math.max(e.rowCount, a.rowCount);
    const columns = Math.max(e.columnCount, a.columnCount) + 1;
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) {
        const want = comparable(e.value(r, c));
        const got = comparable(a.value(r, c));
        if (JSON.stringify(want) !== JSON.stringify(got))
          out.push({ sheet: name, what: `R${r}C${c}`, exceljs: want, reader: got });
      }
    }
  }
  return out;
}

/** A workbook exceljs writes with every kind of value a user's sheet may hold. */
async function everyValue(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Werte");
  ws.getCell("A1").value = "Text mit Umlauten äöü ß €";
  ws.getCell("B1").value = 12.5;
  ws.getCell("C1").value = true;
  ws.getCell("D1").value = new Date(Date.UTC(2026, 10, 22));
  ws.getCell("D1").numFmt = "dd.mm.yyyy";
  ws.getCell("E1").value = new Date(Date.UTC(2027, 0, 31, 12, 30));
  ws.getCell("E1").numFmt = "dd.mm.yyyy hh:mm";
  ws.getCell("F1").value = { richText: [{ text: "fett", font: { bold: true } }, { text: " und normal" }] };
  ws.getCell("G1").value = { formula: "B1*2", result: 25 };
  ws.getCell("H1").value = { formula: "A1", result: "Text" };
  ws.getCell("I1").value = { error: "#N/A" };
  ws.getCell("J1").value = { text: "Verweis", hyperlink: "https://example.org" };
  ws.getCell("K1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("L1").value = 46348;
  ws.getCell("L1").numFmt = '#,##0 "Tage"';
  ws.getCell("A3").value = "Zusammengefasst";
  ws.mergeCells("A3:C4");
  ws.getCell("E6").numFmt = "0.00";
  ws.getCell("A8").value = "Zeile 1\nZeile 2 & <Zeichen>";
  ws.getCell("B8").value = { formula: "B1+1" };
  ws.getRow(12).height = 30;
  const second = wb.addWorksheet("Zweites", { state: "hidden" });
  second.addTable({
    name: "tblZwei",
    ref: "B2",
    columns: [{ name: "ID" }, { name: "Datum" }],
    rows: [
      ["X-1", new Date(Date.UTC(2025, 0, 1))],
      ["X-2", new Date(Date.UTC(2025, 5, 30))],
    ],
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const FILES: [string, () => Promise<Uint8Array>][] = [
  ...CORPUS_FILES.map((f): [string, () => Promise<Uint8Array>] => [
    f,
    async () => fs.readFileSync(path.join(CORPUS_DIR, f)),
  ]),
  ...fs
    .readdirSync(EXCEL_AUTHORED)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f): [string, () => Promise<Uint8Array>] => [f, async () => fs.readFileSync(path.join(EXCEL_AUTHORED, f))]),
  ["init --vorlage beispiel", async () => createTemplateWorkbook("beispiel", "2026-11-22").toBytes()],
  ["exceljs mit jeder Art von Wert", everyValue],
];

describe("the reader gives what exceljs gave", () => {
  test.each(FILES)("%s", async (name, load) => {
    const bytes = new Uint8Array(await load());
    const doc = await XlsxDocument.open(bytes, name);
    expect(differences(await excelJsSource(bytes), await doc.source())).toEqual([]);
  });
});
