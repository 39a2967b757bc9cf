/**
 * A workbook file as the command line and the browser mode hold it: the package (read and written by the
 * package layer, see ./package.ts) and the name the user knows it by. This is where the package's errors,
 * codes with parameters, become one German sentence naming the file.
 */
import { LISTEN_SHEET } from "../workbook/contract";
import type { SheetPlan, WorkbookPlan } from "../workbook/plan";
import { type CellWrite, PackageError, XlsxPackage } from "./package";
import type { Guard, PackageSource } from "./source";
import { UserError } from "./userError";
import type { ZipCodec } from "./zip";

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
    case "chart-sheet":
      return `Das Blatt „${error.sheet}“ ist ein Diagrammblatt; bitte benennen Sie es um, damit das Programm sein Blatt anlegen kann.`;
    case "foreign-part":
      return `Das Blatt „${error.sheet}“ wird vom Programm neu erzeugt, enthält aber „${error.part}“, das dabei verloren ginge; es wurde nichts geschrieben. Bitte verschieben Sie es auf ein eigenes Blatt.`;
    case "no-sheet":
      return `In der Datei „${name}“ fehlt das Blatt „${error.sheet}“.`;
    default:
      return `Die Datei „${name}“ ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).`;
  }
}

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
    this.guard(() => this.pkg.deleteRows(sheet, rows, [LISTEN_SHEET]));
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
    if (error instanceof PackageError) throw new UserError(packageErrorMessage(name, error));
    throw error;
  }
}
