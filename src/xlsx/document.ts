/**
 * A workbook file as the command line and the browser mode hold it: the package (read and written by the
 * package layer, see ./package.ts) and the name the user knows it by. This is where the package's errors,
 * codes with parameters, become user errors naming the file (worded in ./messages.ts).
 */
import { LISTEN_SHEET } from "../workbook/sheets/listen";
import type { SheetPlan, WorkbookPlan } from "../workbook/plan";
import { type CellWrite, PackageError, XlsxPackage } from "./package";
import type { Guard, PackageSource } from "./source";
import { xlsxError } from "./messages";
import type { ZipCodec } from "./zip";

export class XlsxDocument {
  private readonly guard: Guard;

  constructor(
    readonly pkg: XlsxPackage,
    /** The name for messages (the file as the user gave it). */
    readonly name: string,
  ) {
    this.guard = (run) => guard(this.name, run);
  }

  /**
   * Opens the bytes of an .xlsx file; throws UserError with one German sentence. The package's directory,
   * workbook.xml and its relationships are read now; a worksheet when a reader first asks for it.
   */
  static async open(bytes: Uint8Array, name: string, codec?: ZipCodec): Promise<XlsxDocument> {
    const pkg = guard(name, () => {
      const opened = XlsxPackage.fromBytes(bytes, codec);
      opened.sheets();
      return opened;
    });
    return new XlsxDocument(pkg, name);
  }

  /** A new workbook without sheets. */
  static create(name: string, now = new Date()): XlsxDocument {
    return new XlsxDocument(XlsxPackage.empty(now), name);
  }

  /** A reader's view of the workbook as it is now (read again where the program wrote since). */
  async source(): Promise<PackageSource> {
    return this.readSource();
  }

  /** The same, without waiting (the package reads synchronously; for the pane's selected cell). */
  readSource(): PackageSource {
    return this.pkg.source(this.guard);
  }

  applySheetPlan(plan: SheetPlan): void {
    this.guard(() => this.pkg.replaceSheet(plan));
  }

  applyWorkbookPlan(plan: WorkbookPlan): void {
    for (const sheet of plan.sheets) this.applySheetPlan(sheet);
  }

  writeCells(sheet: string, writes: CellWrite[], templateRow?: number): void {
    this.guard(() => this.pkg.writeCells(sheet, writes, templateRow));
  }

  /**
   * Deletes whole rows of a sheet, moving the rows below up (see XlsxPackage.deleteRows); the formulas of
   * the hidden sheet Listen keep reading their rows by position.
   */
  deleteRows(sheet: string, rows: number[]): void {
    this.guard(() => this.pkg.deleteRows(sheet, rows, [LISTEN_SHEET.sheet]));
  }

  extendTable(table: string, lastRow: number): void {
    this.guard(() => this.pkg.extendTable(table, lastRow));
  }

  addTableColumns(table: string, headers: string[]): void {
    this.guard(() => this.pkg.addTableColumns(table, headers));
  }

  /** The workbook as .xlsx bytes; `codec` compresses the parts the program wrote (default: the package's). */
  toBytes(codec?: ZipCodec): Uint8Array {
    return this.guard(() => this.pkg.toBytes(new Date(), codec));
  }
}

function guard<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PackageError)
      throw xlsxError("PAKET_UNBRAUCHBAR", { datei: name, grund: error.reason, teil: error.part, blatt: error.sheet });
    throw error;
  }
}
