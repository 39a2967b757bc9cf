/**
 * A workbook file as the command line and the browser mode hold it: the package (written by patching, see
 * ./package.ts) and, for reading, an exceljs model of the parts the reader needs. exceljs only ever reads:
 * it is given a copy without charts, images or pivot caches, and its model is never written back.
 */
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./excelJs";
import { LISTEN_SHEET } from "../workbook/contract";
import type { SheetPlan, WorkbookPlan } from "../workbook/plan";
import { type CellWrite, PackageError, XlsxPackage } from "./package";
import { ExcelJsSource } from "./source";
import { UserError } from "./userError";

/** One German sentence for a package that cannot be used, naming the file as the user gave it. */
export function packageErrorMessage(name: string, error: PackageError): string {
  switch (error.reason) {
    case "too-large-part":
      return `Die Datei „${name}“ enthält einen Teil („${error.part}“), der entpackt größer als 200 MB wäre; so große Arbeitsmappen werden nicht geöffnet.`;
    case "too-large-package":
      return `Die Datei „${name}“ wäre entpackt größer als 1 GB; so große Arbeitsmappen werden nicht geöffnet.`;
    case "zip64":
      return `Die Datei „${name}“ ist für eine Arbeitsmappe zu groß (ZIP64); so große Arbeitsmappen werden nicht geöffnet.`;
    case "encrypted":
      return `Die Datei „${name}“ ist verschlüsselt; speichern Sie sie in Excel ohne Kennwort.`;
    case "doctype":
      return `Die Datei „${name}“ enthält im Teil „${error.part}“ eine DOCTYPE-Angabe, die Excel nie schreibt; sie wird aus Sicherheitsgründen nicht geöffnet.`;
    case "not-a-workbook":
      return `Die Datei „${name}“ ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx).`;
    default:
      return `Die Datei „${name}“ ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).`;
  }
}

export class XlsxDocument {
  private model: ExcelJS.Workbook | null = null;

  constructor(
    readonly pkg: XlsxPackage,
    /** The name for messages (the file as the user gave it). */
    readonly name: string,
  ) {}

  /** Opens the bytes of an .xlsx file; throws UserError with one German sentence. */
  static async open(bytes: Uint8Array, name: string): Promise<XlsxDocument> {
    const doc = new XlsxDocument(
      guard(name, () => XlsxPackage.fromBytes(bytes)),
      name,
    );
    await doc.workbook();
    return doc;
  }

  /** A new workbook without sheets. */
  static create(name: string, now = new Date()): XlsxDocument {
    return new XlsxDocument(XlsxPackage.empty(now), name);
  }

  /** The exceljs model of the workbook as it is now (read again after the program wrote to it). */
  async workbook(): Promise<ExcelJS.Workbook> {
    if (this.model) return this.model;
    const copy = guard(this.name, () => this.pkg.readingCopy());
    const workbook = new (await loadExcelJs()).Workbook();
    try {
      await workbook.xlsx.load(copy as unknown as ArrayBuffer);
    } catch {
      throw new UserError(`Die Datei „${this.name}“ ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).`);
    }
    this.model = workbook;
    return workbook;
  }

  /** The model as last read, without reading again (null after a write until the next read). */
  loadedWorkbook(): ExcelJS.Workbook | null {
    return this.model;
  }

  /** A reader's view of the workbook as it is now. */
  async source(): Promise<ExcelJsSource> {
    return new ExcelJsSource(await this.workbook(), (sheet) => this.pkg.notes(sheet));
  }

  applySheetPlan(plan: SheetPlan): void {
    this.pkg.replaceSheet(plan);
    this.model = null;
  }

  applyWorkbookPlan(plan: WorkbookPlan): void {
    for (const sheet of plan.sheets) this.applySheetPlan(sheet);
  }

  writeCells(sheet: string, writes: CellWrite[], templateRow?: number): void {
    this.pkg.writeCells(sheet, writes, templateRow);
    this.model = null;
  }

  /**
   * Deletes whole rows of a sheet, moving the rows below up (see XlsxPackage.deleteRows); the formulas of
   * the hidden sheet Listen keep reading their rows by position.
   */
  deleteRows(sheet: string, rows: number[]): void {
    this.pkg.deleteRows(sheet, rows, [LISTEN_SHEET]);
    this.model = null;
  }

  extendTable(table: string, lastRow: number): void {
    this.pkg.extendTable(table, lastRow);
    this.model = null;
  }

  toBytes(): Uint8Array {
    return this.pkg.toBytes();
  }
}

function guard<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PackageError) throw new UserError(packageErrorMessage(name, error));
    throw error;
  }
}
