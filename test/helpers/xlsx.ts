/**
 * Tests edit input workbooks the way a user would in Excel; exceljs does that here, as a fixture editor
 * only: the program itself writes by patching the package (src/xlsx/package.ts).
 */
import ExcelJS from "exceljs";
import { XlsxDocument } from "../../src/xlsx/document";

/** The document's bytes opened in exceljs, for a test to look at or edit. */
export async function toExcelJs(doc: XlsxDocument | Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const bytes = doc instanceof XlsxDocument ? doc.toBytes() : doc;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

/** A workbook edited with exceljs, saved and opened as the program opens files. */
export async function fromExcelJs(wb: ExcelJS.Workbook, name = "test.xlsx"): Promise<XlsxDocument> {
  return XlsxDocument.open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), name);
}

export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
