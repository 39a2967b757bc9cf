/**
 * An .xlsx package that the program reads and changes by patching: it replaces the sheets it generates,
 * changes the cells it writes, and touches only the parts those need (workbook.xml, its relationships,
 * content types, styles, the sheets' own relationships and tables). Every other part — charts, drawings,
 * images, pivot tables and caches, slicers, threaded comments, custom properties, customXml, printer
 * settings, external links — is copied compressed, byte for byte, and never unpacked. See ./zip.ts for why.
 *
 * The layers, as Apache POI separates its package from the spreadsheet:
 *   ./opc.ts             parts, relationships, content types (one registry of part kinds)
 *   ./workbookPart.ts    workbook.xml: sheets, defined names, calculation; styles; tables
 *   ./generatedSheets.ts the policy for sheets the program regenerates
 *   ./rowOps.ts          cells and rows of the user's sheets
 *   ./source.ts          reading (./sheetReader.ts, ./xmlScanner.ts)
 * This class is their one face for the documents (./document.ts) and the tests.
 */
import type { SheetPlan } from "../workbook/plan";
import { replaceSheet } from "./generatedSheets";
import { OpcPackage, PackageError, PART_KINDS, XML_DECL, contentTypesXml, relsXml } from "./opc";
import { addTableColumns, deleteRows, extendTable, writeCells } from "./rowOps";
import type { CellWrite } from "./sheetPatch";
import { NS_MAIN, NS_REL } from "./sheetXml";
import type { Guard, PackageReader, PackageSource } from "./source";
import { EMPTY_STYLES, type StyleBook } from "./styles";
import { type SheetEntry, type TableEntry, WorkbookPart } from "./workbookPart";
import type { ZipCodec } from "./zip";

export type { CellWrite, SheetEntry };
export { PackageError };

export class XlsxPackage {
  private readonly book: WorkbookPart;
  private loadedReader: PackageReader | null = null;

  private constructor(private readonly opc: OpcPackage) {
    this.book = new WorkbookPart(opc);
  }

  /** The reader of cells (./source.ts with the XML scanner), loaded when first asked for: `init` never is. */
  private get reader(): PackageReader {
    this.loadedReader ??= new (require("./source") as typeof import("./source")).PackageReader(this.book);
    return this.loadedReader;
  }

  /** Reads the package's directory; throws PackageError (limits, not a workbook). Nothing is inflated yet. */
  static fromBytes(bytes: Uint8Array, codec?: ZipCodec): XlsxPackage {
    const pkg = new XlsxPackage(OpcPackage.fromZip(bytes, codec));
    if (!pkg.opc.has("[Content_Types].xml") || !pkg.book.locate()) throw new PackageError("not-a-workbook");
    return pkg;
  }

  /** A package with an empty workbook (no sheet yet): `init` and `split` build on it. */
  static empty(now = new Date(), codec?: ZipCodec): XlsxPackage {
    const opc = OpcPackage.empty(codec);
    const iso = now.toISOString().replace(/\.\d+Z$/, "Z");
    const parts = [
      { part: "xl/workbook.xml", kind: "officeDocument" },
      { part: "xl/styles.xml", kind: "styles" },
      { part: "docProps/core.xml", kind: "coreProperties" },
    ] as const;
    opc.put("[Content_Types].xml", contentTypesXml([...parts]));
    opc.put(
      "_rels/.rels",
      relsXml([
        { id: "rId1", type: PART_KINDS.officeDocument.rel, target: "xl/workbook.xml", external: false },
        { id: "rId2", type: PART_KINDS.coreProperties.rel, target: "docProps/core.xml", external: false },
      ]),
    );
    opc.put(
      "docProps/core.xml",
      XML_DECL +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>Maßnahmenplaner</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
    );
    opc.put(
      "xl/workbook.xml",
      XML_DECL +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
        '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews>' +
        '<sheets></sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
    );
    opc.put(
      "xl/_rels/workbook.xml.rels",
      relsXml([{ id: "rId1", type: PART_KINDS.styles.rel, target: "styles.xml", external: false }]),
    );
    opc.put("xl/styles.xml", EMPTY_STYLES);
    return new XlsxPackage(opc);
  }

  // ——— the package ———

  has(part: string): boolean {
    return this.opc.has(part);
  }

  /** Part names in package order (written parts included, removed ones not). */
  partNames(): string[] {
    return this.opc.partNames();
  }

  /** The text of an XML part, inflated within the limits; DOCTYPEs are refused. */
  text(part: string): string | undefined {
    return this.opc.text(part);
  }

  /** The parts inflated so far: a part no command reads is never among them. */
  inflatedParts(): string[] {
    return this.opc.inflatedParts();
  }

  /**
   * Takes the document's custom properties (an e-Akte's Aktenzeichen, Vertraulichkeit) from another
   * package, byte for byte: a file made from a workbook carries its filing stamp.
   */
  copyCustomProperties(from: XlsxPackage): void {
    const part = from.opc.related("", "customProperties")[0];
    if (!part || !this.opc.adopt(from.opc, part)) return;
    this.opc.addRelationship("", "customProperties", part);
    this.opc.declareType(part, "customProperties");
  }

  // ——— the spreadsheet ———

  /** The sheets in tab order as workbook.xml lists them. */
  sheets(): SheetEntry[] {
    return this.book.sheets();
  }

  date1904(): boolean {
    return this.book.date1904();
  }

  /** Table parts of the whole workbook with their names, ids and ranges. */
  tables(): TableEntry[] {
    return this.book.tables();
  }

  styles(): StyleBook {
    return this.book.styles();
  }

  /** The notes of a worksheet by cell (`N3`). */
  notes(sheetName: string): Map<string, string> {
    return this.reader.notes(sheetName);
  }

  /** The workbook as the reader sees it now (worksheets read when first asked for). */
  source(guard?: Guard): PackageSource {
    return this.reader.source(guard);
  }

  // ——— writing ———

  /** Adds or replaces a generated sheet (see ./generatedSheets.ts); throws PackageError where it cannot. */
  replaceSheet(plan: SheetPlan): void {
    replaceSheet(this.book, plan);
  }

  writeCells(sheetName: string, writes: CellWrite[], templateRow?: number): void {
    writeCells(this.book, sheetName, writes, templateRow);
  }

  deleteRows(sheetName: string, rows: number[], positional: readonly string[] = []): void {
    deleteRows(this.book, sheetName, rows, positional);
  }

  extendTable(tableName: string, lastRow: number): void {
    extendTable(this.book, tableName, lastRow);
  }

  /** Widens a table by new columns to its right, with their headers (see rowOps.addTableColumns). */
  addTableColumns(tableName: string, headers: string[]): void {
    addTableColumns(this.book, tableName, headers);
  }

  /** The package as .xlsx bytes: untouched parts copied compressed, written parts deflated. */
  toBytes(now = new Date(), codec?: ZipCodec): Uint8Array {
    this.book.flushStyles();
    return this.opc.toBytes(now, codec);
  }
}
