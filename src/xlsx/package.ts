/**
 * An .xlsx package that the program changes by patching: it replaces the sheets it generates, changes the
 * cells it writes, and touches only the parts those need (workbook.xml, its relationships, content types,
 * styles, the sheets' own relationships and tables). Every other part — charts, drawings, images, pivot
 * tables and caches, slicers, threaded comments, custom properties, customXml, printer settings, external
 * links — is copied compressed, byte for byte, and never unpacked. See ./zip.ts for why.
 */
import { shiftFormulaRows, shiftSheetAreas, shiftSheetFormulas } from "./formulaShift";
import type { SheetPlan } from "../workbook/plan";
import { chartXml, drawingXml } from "./chartXml";
import {
  type CellWrite,
  cellRef,
  deleteSheetRows,
  moveNoteShapes,
  moveRefs,
  patchSheetCells,
  shrinkTable,
  widenTableHelp,
} from "./sheetPatch";
import { columnNumber } from "../workbook/read";
import { type GeneratedSheet, NS_MAIN, NS_REL, generateSheet } from "./sheetXml";
import { EMPTY_STYLES, StyleBook } from "./styles";
import { UserError } from "./userError";
import {
  attributes,
  element,
  elements,
  escapeXml,
  hasDoctype,
  prefixOf,
  removeAttribute,
  rootPrefix,
  setAttribute,
  splice,
  unescapeXml,
} from "./xml";
import { type ZipEntry, ZipError, crc32, inflateEntry, newEntry, readZip, writeZip } from "./zip";

export type { CellWrite };

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  sharedStrings: `${REL}/sharedStrings`,
  table: `${REL}/table`,
  comments: `${REL}/comments`,
  vml: `${REL}/vmlDrawing`,
  hyperlink: `${REL}/hyperlink`,
  printerSettings: `${REL}/printerSettings`,
  calcChain: `${REL}/calcChain`,
  officeDocument: `${REL}/officeDocument`,
  customProperties: `${REL}/custom-properties`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  threadedComments: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
} as const;

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/** What is wrong with a package, for the caller's sentence naming the file. */
export class PackageError extends Error {
  constructor(
    readonly reason: ZipError["reason"] | "not-a-workbook" | "doctype",
    readonly part?: string,
  ) {
    super(reason);
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The part, e.g. `xl/worksheets/sheet1.xml`; null where the relationship is missing. */
  part: string | null;
  /** A worksheet (cells) rather than a chart sheet, dialog sheet or macro sheet. */
  worksheet: boolean;
}

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

/** The part a relationship target names, relative to the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== ".") base.push(seg);
  }
  return base.join("/");
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

function relativeTarget(fromPart: string, part: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class XlsxPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly order: string[] = [];
  /** Parts the program wrote (text), by name; they replace or add entries when saved. */
  private readonly written = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly texts = new Map<string, string>();
  private styleBook: StyleBook | null = null;
  private changedCells = false;

  private constructor(entries: ZipEntry[]) {
    for (const e of entries) {
      // A name twice is a broken or hostile zip: the last one would win in one reader and the first in another.
      if (this.entries.has(e.name)) throw new PackageError("corrupt", e.name);
      this.entries.set(e.name, e);
      this.order.push(e.name);
    }
  }

  /** Reads the package's directory; throws PackageError (limits, not a workbook). Nothing is inflated yet. */
  static fromBytes(bytes: Uint8Array): XlsxPackage {
    let entries: ZipEntry[];
    try {
      entries = readZip(bytes);
    } catch (error) {
      if (error instanceof ZipError) throw new PackageError(error.reason, error.part);
      throw error;
    }
    const pkg = new XlsxPackage(entries);
    if (!pkg.has("[Content_Types].xml") || !pkg.workbookPart()) throw new PackageError("not-a-workbook");
    return pkg;
  }

  /** A package with an empty workbook (no sheet yet): `init` and `split` build on it. */
  static empty(now = new Date()): XlsxPackage {
    const pkg = new XlsxPackage([]);
    const iso = now.toISOString().replace(/\.\d+Z$/, "Z");
    pkg.put(
      "[Content_Types].xml",
      XML_DECL +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/></Types>`,
    );
    pkg.put(
      "_rels/.rels",
      XML_DECL +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_TYPE.officeDocument}" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        "</Relationships>",
    );
    pkg.put(
      "docProps/core.xml",
      XML_DECL +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>Maßnahmenplaner</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
    );
    pkg.put(
      "xl/workbook.xml",
      XML_DECL +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
        '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews>' +
        '<sheets></sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
    );
    pkg.put(
      "xl/_rels/workbook.xml.rels",
      XML_DECL +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_TYPE.styles}" Target="styles.xml"/></Relationships>`,
    );
    pkg.put("xl/styles.xml", EMPTY_STYLES);
    return pkg;
  }

  // ——— reading parts ———

  has(part: string): boolean {
    return !this.removed.has(part) && (this.written.has(part) || this.entries.has(part));
  }

  /** Part names in package order (written parts included, removed ones not). */
  partNames(): string[] {
    const names = this.order.filter((n) => !this.removed.has(n));
    for (const n of this.written.keys()) if (!this.entries.has(n) && !this.removed.has(n)) names.push(n);
    return names;
  }

  /** The text of an XML part, inflated within the limits; DOCTYPEs are refused. */
  text(part: string): string | undefined {
    if (this.removed.has(part)) return undefined;
    const written = this.written.get(part);
    if (written !== undefined) return written;
    let text = this.texts.get(part);
    if (text !== undefined) return text;
    const entry = this.entries.get(part);
    if (!entry) return undefined;
    text = decode(this.inflate(entry));
    if (hasDoctype(text)) throw new PackageError("doctype", part);
    this.texts.set(part, text);
    return text;
  }

  private inflate(entry: ZipEntry): Uint8Array {
    try {
      return inflateEntry(entry);
    } catch (error) {
      if (error instanceof ZipError) throw new PackageError(error.reason, error.part);
      throw error;
    }
  }

  /** The bytes of a part as it is stored now (for tests and for the reading copy); DOCTYPEs are refused. */
  bytes(part: string): Uint8Array | undefined {
    const written = this.written.get(part);
    if (written !== undefined) return encode(written);
    const entry = this.entries.get(part);
    if (!entry || this.removed.has(part)) return undefined;
    const data = this.inflate(entry);
    if (/\.(xml|rels|vml)$/i.test(part) && hasDoctype(decode(data.subarray(0, 4096))))
      throw new PackageError("doctype", part);
    return data;
  }

  private put(part: string, text: string): void {
    this.written.set(part, text);
    this.removed.delete(part);
  }

  private remove(part: string): void {
    this.written.delete(part);
    this.removed.add(part);
  }

  workbookPart(): string | null {
    const rels = this.relationships("");
    const main = rels.find((r) => r.type === REL_TYPE.officeDocument);
    const part = main ? resolveTarget("", main.target) : null;
    return part && this.has(part) ? part : null;
  }

  /** Relationships of a part ("" for the package's own `_rels/.rels`). */
  relationships(part: string): Relationship[] {
    const xml = this.text(part === "" ? "_rels/.rels" : relsPartOf(part));
    if (!xml) return [];
    const prefix = rootPrefix(xml, "Relationships");
    return elements(xml, `${prefix}Relationship`).map((e) => {
      const a = attributes(e.tag);
      return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" };
    });
  }

  /** The sheets in tab order as workbook.xml lists them. */
  sheets(): SheetEntry[] {
    const wb = this.workbookPart()!;
    const xml = this.text(wb)!;
    const p = rootPrefix(xml, "workbook");
    const r = prefixOf(xml, NS_REL) ?? "r";
    const rels = new Map(this.relationships(wb).map((rel) => [rel.id, rel]));
    const sheets = element(xml, `${p}sheets`);
    if (!sheets) return [];
    return elements(sheets.inner, `${p}sheet`).map((e) => {
      const a = attributes(e.tag);
      const rel = rels.get(a[`${r}:id`] ?? "");
      return {
        name: a.name ?? "",
        sheetId: Number(a.sheetId ?? 0),
        rId: a[`${r}:id`] ?? "",
        state: a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible",
        part: rel && !rel.external ? resolveTarget(wb, rel.target) : null,
        worksheet: rel?.type === REL_TYPE.worksheet,
      };
    });
  }

  date1904(): boolean {
    const xml = this.text(this.workbookPart()!)!;
    const pr = element(xml, `${rootPrefix(xml, "workbook")}workbookPr`);
    const v = pr ? attributes(pr.tag).date1904 : undefined;
    return v === "1" || v === "true";
  }

  /** Table parts of the whole workbook with their names and ids. */
  tables(): { part: string; sheetPart: string; name: string; id: number }[] {
    const out: { part: string; sheetPart: string; name: string; id: number }[] = [];
    for (const sheet of this.sheets()) {
      if (!sheet.part || !sheet.worksheet) continue;
      for (const rel of this.relationships(sheet.part)) {
        if (rel.type !== REL_TYPE.table || rel.external) continue;
        const part = resolveTarget(sheet.part, rel.target);
        const xml = this.text(part);
        if (!xml) continue;
        const root = element(xml, `${rootPrefix(xml, "table")}table`);
        const a = root ? attributes(root.tag) : {};
        out.push({ part, sheetPart: sheet.part, name: a.name ?? a.displayName ?? "", id: Number(a.id ?? 0) });
      }
    }
    return out;
  }

  /**
   * The notes (legacy comments, which also carry the text of threaded comments) of a worksheet by cell,
   * read from its comments part: exceljs attaches a note only to a cell that has a value or a format.
   */
  notes(sheetName: string): Map<string, string> {
    const out = new Map<string, string>();
    const sheet = this.sheets().find((s) => s.name === sheetName);
    if (!sheet?.part || !sheet.worksheet) return out;
    for (const rel of this.relationships(sheet.part)) {
      if (rel.type !== REL_TYPE.comments || rel.external) continue;
      const xml = this.text(resolveTarget(sheet.part, rel.target));
      if (!xml) continue;
      const p = rootPrefix(xml, "comments");
      for (const c of elements(xml, `${p}comment`)) {
        const ref = attributes(c.tag).ref;
        const text = elements(c.inner, `${p}t`)
          .map((t) => unescapeXml(t.inner))
          .join("");
        if (ref && text) out.set(ref.toUpperCase(), text);
      }
    }
    return out;
  }

  /**
   * A copy with only what the reader needs (workbook, styles, shared strings, worksheets with their tables
   * and notes), stored uncompressed, for exceljs: it unpacks every entry it is given, so it is never given
   * charts, images, pivot caches or anything else it would not read.
   */
  readingCopy(): Uint8Array {
    this.flushStyles();
    const wb = this.workbookPart()!;
    const out: ZipEntry[] = [];
    const add = (name: string, content: string | Uint8Array | undefined = this.bytes(name)) => {
      const data = typeof content === "string" ? encode(content) : content;
      if (data) out.push(newEntryStored(name, data));
    };
    add("[Content_Types].xml");
    add("_rels/.rels", this.text("_rels/.rels"));
    const worksheets = this.sheets().filter((s) => s.worksheet && s.part && this.has(s.part));
    add("xl/workbook.xml", this.readingWorkbookXml(wb, new Set(worksheets.map((s) => s.rId))));
    const wbRels = this.relationships(wb).filter((r) =>
      [REL_TYPE.worksheet, REL_TYPE.styles, REL_TYPE.sharedStrings].includes(r.type as never),
    );
    add("xl/_rels/workbook.xml.rels", relsXml(wbRels));
    for (const rel of wbRels) {
      if (rel.type === REL_TYPE.worksheet) continue;
      const part = resolveTarget(wb, rel.target);
      const standard = rel.type === REL_TYPE.styles ? "xl/styles.xml" : "xl/sharedStrings.xml";
      if (this.has(part)) add(standard, this.bytes(part));
    }
    for (const sheet of worksheets) {
      add(sheet.part!, withoutDrawingReferences(this.text(sheet.part!)!));
      const keep = this.relationships(sheet.part!).filter(
        (r) => r.type === REL_TYPE.table || r.type === REL_TYPE.comments || r.type === REL_TYPE.hyperlink,
      );
      add(relsPartOf(sheet.part!), relsXml(keep));
      for (const r of keep) {
        if (r.external) continue;
        const part = resolveTarget(sheet.part!, r.target);
        if (this.has(part)) add(part);
      }
    }
    return writeZip(out);
  }

  /** workbook.xml for the reader: only the worksheets (chart sheets have no cells), no pivot caches. */
  private readingWorkbookXml(wb: string, keep: Set<string>): string {
    const xml = this.text(wb)!;
    const p = rootPrefix(xml, "workbook");
    const r = prefixOf(xml, NS_REL) ?? "r";
    const sheets = element(xml, `${p}sheets`);
    if (!sheets) return xml;
    const kept = elements(sheets.inner, `${p}sheet`)
      .filter((e) => keep.has(attributes(e.tag)[`${r}:id`] ?? ""))
      .map((e) => e.tag)
      .join("");
    let out = xml.slice(0, sheets.start) + `<${p}sheets>${kept}</${p}sheets>` + xml.slice(sheets.end);
    for (const name of ["pivotCaches", "externalReferences", "definedNames"]) {
      const el = element(out, `${p}${name}`);
      if (el) out = out.slice(0, el.start) + out.slice(el.end);
    }
    return out;
  }

  // ——— writing ———

  /**
   * Takes the document's custom properties (an e-Akte's Aktenzeichen, Vertraulichkeit) from another
   * package, byte for byte: a file made from a workbook carries its filing stamp.
   */
  copyCustomProperties(from: XlsxPackage): void {
    const rel = from.relationships("").find((r) => r.type === REL_TYPE.customProperties);
    const part = rel && !rel.external ? resolveTarget("", rel.target) : null;
    const entry = part ? from.entries.get(part) : undefined;
    if (!part || !entry || from.written.has(part) || this.has(part)) return;
    this.entries.set(part, entry);
    this.order.push(part);
    this.addRelationship("", REL_TYPE.customProperties, part);
    this.setContentType(`/${part}`, CT.customProperties);
  }

  styles(): StyleBook {
    if (!this.styleBook) {
      const wb = this.workbookPart()!;
      const rel = this.relationships(wb).find((r) => r.type === REL_TYPE.styles);
      const text = rel ? this.text(resolveTarget(wb, rel.target)) : undefined;
      this.styleBook = new StyleBook(text ?? EMPTY_STYLES);
    }
    return this.styleBook;
  }

  private stylesPart(): string {
    const wb = this.workbookPart()!;
    const rel = this.relationships(wb).find((r) => r.type === REL_TYPE.styles);
    if (rel) return resolveTarget(wb, rel.target);
    this.addRelationship(wb, REL_TYPE.styles, "xl/styles.xml");
    this.setContentType("/xl/styles.xml", CT.styles);
    return "xl/styles.xml";
  }

  /** Writes the formats appended so far into the styles part (the book keeps the original to extend). */
  private flushStyles(): void {
    if (this.styleBook?.changed) this.put(this.stylesPart(), this.styleBook.toXml());
  }

  /**
   * Adds or replaces a generated sheet (whole). A sheet of that name keeps its place among the tabs;
   * refused (UserError naming the part) where that sheet carries a part the program cannot keep.
   */
  replaceSheet(plan: SheetPlan): void {
    const wb = this.workbookPart()!;
    const existing = this.sheets().find((s) => s.name.toLowerCase() === plan.name.toLowerCase());
    let part: string;
    let kept: KeptOfGenerated = { rels: [] };
    if (existing) {
      if (!existing.worksheet || !existing.part) {
        throw new UserError(
          `Das Blatt „${existing.name}“ ist ein Diagrammblatt; bitte benennen Sie es um, damit das Programm sein Blatt anlegen kann.`,
        );
      }
      part = existing.part;
      kept = this.keepOfGenerated(part, existing.name, (plan.charts?.length ?? 0) > 0);
      this.setSheetAttributes(existing.rId, plan);
    } else {
      part = this.freePart("xl/worksheets/sheet", ".xml");
      const rId = this.addRelationship(wb, REL_TYPE.worksheet, part);
      this.appendSheet(plan, rId);
      this.setContentType(`/${part}`, CT.worksheet);
    }
    const rels: Relationship[] = [...kept.rels];
    const taken = new Set(kept.rels.map((r) => r.id));
    const free = (n: number): string => (taken.has(`rId${n}`) ? free(n + 10) : `rId${n}`);
    const rel = { table: free(1), comments: free(2), vml: free(3) };
    const charts = plan.charts?.length ? this.addCharts(part, plan, free(4)) : null;
    if (charts) rels.push(charts);
    const generated = generateSheet(plan, {
      styles: this.styles(),
      date1904: this.date1904(),
      tableId: this.nextTableId(),
      rel,
      vmlId: 1000 + this.partNames().filter((n) => n.endsWith(".vml")).length,
      ...(kept.protection ? { protection: kept.protection } : {}),
      ...(kept.drawing ? { drawing: kept.drawing } : {}),
      ...(charts ? { drawing: charts.id } : {}),
    });
    this.put(part, generated.sheetXml);
    this.addSheetParts(part, generated, rel, rels);
    const relsPart = relsPartOf(part);
    if (rels.length) this.put(relsPart, relsXml(rels));
    else if (this.has(relsPart)) this.remove(relsPart);
    this.setPrintTitles(plan.name, generated.printTitles);
    this.cellsChanged();
  }

  private addSheetParts(
    part: string,
    g: GeneratedSheet,
    rel: { table: string; comments: string; vml: string },
    rels: Relationship[],
  ) {
    if (g.tableXml) {
      const table = this.freePart("xl/tables/table", ".xml");
      this.put(table, g.tableXml);
      this.setContentType(`/${table}`, CT.table);
      rels.push({ id: rel.table, type: REL_TYPE.table, target: relativeTarget(part, table), external: false });
    }
    if (g.commentsXml && g.vmlXml) {
      const comments = this.freePart("xl/comments", ".xml");
      const vml = this.freePart("xl/drawings/vmlDrawing", ".vml");
      this.put(comments, g.commentsXml);
      this.put(vml, g.vmlXml);
      this.setContentType(`/${comments}`, CT.comments);
      this.setDefaultContentType("vml", CT.vml);
      rels.push({ id: rel.comments, type: REL_TYPE.comments, target: relativeTarget(part, comments), external: false });
      rels.push({ id: rel.vml, type: REL_TYPE.vml, target: relativeTarget(part, vml), external: false });
    }
  }

  /**
   * What a user added to a sheet the program regenerates, and what becomes of it: the program's own parts
   * (table, notes — put back from the plan —, printer settings) are removed; the user's sheet protection
   * and a drawing (charts, pictures anchored on the sheet) are kept; anything else (a pivot table, threaded
   * comments, controls …) cannot be kept on a sheet whose cells are rewritten, so the write is refused.
   */
  private keepOfGenerated(part: string, name: string, ownsDrawing: boolean): KeptOfGenerated {
    const owned: string[] = [REL_TYPE.table, REL_TYPE.comments, REL_TYPE.vml, REL_TYPE.printerSettings];
    if (ownsDrawing) owned.push(REL_TYPE.drawing);
    const rels = this.relationships(part);
    const drawing = rels.filter((r) => r.type === REL_TYPE.drawing && !r.external && !ownsDrawing);
    const foreign = rels.find(
      (r) => !owned.includes(r.type) && r.type !== REL_TYPE.drawing && !(r.external && r.type === REL_TYPE.hyperlink),
    );
    if (foreign || drawing.length > 1) {
      const what = foreign
        ? foreign.external
          ? foreign.target
          : resolveTarget(part, foreign.target)
        : resolveTarget(part, drawing[1]!.target);
      throw new UserError(
        `Das Blatt „${name}“ wird vom Programm neu erzeugt, enthält aber „${what}“, das dabei verloren ginge; es wurde nichts geschrieben. Bitte verschieben Sie es auf ein eigenes Blatt.`,
      );
    }
    for (const r of rels) {
      if (r.external || !owned.includes(r.type)) continue;
      this.removeWithOwnParts(resolveTarget(part, r.target));
    }
    const xml = this.text(part)!;
    const p = rootPrefix(xml, "worksheet");
    const protection = element(xml, `${p}sheetProtection`);
    return {
      rels: drawing,
      ...(protection ? { protection: unprefixed(protection.tag, p) } : {}),
      ...(drawing[0] ? { drawing: drawing[0].id } : {}),
    };
  }

  /** Removes a part, and with a drawing the charts it holds (and their own style and colour parts). */
  private removeWithOwnParts(target: string): void {
    if (/^xl\/(drawings|charts)\//.test(target) && target.endsWith(".xml")) {
      for (const r of this.relationships(target)) {
        if (!r.external && (r.type === REL_TYPE.chart || /chartStyle|chartColorStyle/.test(r.type))) {
          this.removeWithOwnParts(resolveTarget(target, r.target));
        }
      }
      const rels = relsPartOf(target);
      if (this.has(rels)) this.remove(rels);
    }
    this.remove(target);
    this.removeContentType(`/${target}`);
  }

  /** Writes the plan's charts and their drawing; returns the sheet's relationship to the drawing. */
  private addCharts(sheetPart: string, plan: SheetPlan, id: string): Relationship {
    const drawing = this.freePart("xl/drawings/drawing", ".xml");
    const chartRels: Relationship[] = [];
    plan.charts!.forEach((chart, i) => {
      const part = this.freePart("xl/charts/chart", ".xml");
      this.put(part, chartXml(chart, plan.name));
      this.setContentType(`/${part}`, CT.chart);
      chartRels.push({
        id: `rId${i + 1}`,
        type: REL_TYPE.chart,
        target: relativeTarget(drawing, part),
        external: false,
      });
    });
    this.put(
      drawing,
      drawingXml(
        plan.charts!,
        chartRels.map((r) => r.id),
      ),
    );
    this.put(relsPartOf(drawing), relsXml(chartRels));
    this.setContentType(`/${drawing}`, CT.drawing);
    return { id, type: REL_TYPE.drawing, target: relativeTarget(sheetPart, drawing), external: false };
  }

  private nextTableId(): number {
    return Math.max(0, ...this.tables().map((t) => t.id)) + 1;
  }

  private freePart(stem: string, ext: string): string {
    const taken = new Set([...this.entries.keys(), ...this.written.keys()].map((n) => n.toLowerCase()));
    for (let i = 1; ; i++) if (!taken.has(`${stem}${i}${ext}`.toLowerCase())) return `${stem}${i}${ext}`;
  }

  private editWorkbook(edit: (xml: string, p: string, r: string) => string): void {
    const wb = this.workbookPart()!;
    const xml = this.text(wb)!;
    this.put(wb, edit(xml, rootPrefix(xml, "workbook"), prefixOf(xml, NS_REL) ?? "r"));
  }

  private appendSheet(plan: SheetPlan, rId: string): void {
    const sheetId = Math.max(0, ...this.sheets().map((s) => s.sheetId)) + 1;
    this.editWorkbook((xml, p, r) => {
      const state = plan.state === "visible" ? "" : ` state="${plan.state}"`;
      const tag = `<${p}sheet name="${escapeXml(plan.name)}" sheetId="${sheetId}"${state} ${r}:id="${rId}"/>`;
      const sheets = element(xml, `${p}sheets`)!;
      if (sheets.tag.endsWith("/>"))
        return splice(xml, [{ start: sheets.start, end: sheets.end, text: `<${p}sheets>${tag}</${p}sheets>` }]);
      const end = sheets.end - `</${p}sheets>`.length;
      return xml.slice(0, end) + tag + xml.slice(end);
    });
  }

  private setSheetAttributes(rId: string, plan: SheetPlan): void {
    this.editWorkbook((xml, p, r) => {
      const sheets = element(xml, `${p}sheets`)!;
      const el = elements(xml, `${p}sheet`, sheets.start, sheets.end).find(
        (e) => attributes(e.tag)[`${r}:id`] === rId,
      )!;
      const tag =
        plan.state === "visible" ? removeAttribute(el.tag, "state") : setAttribute(el.tag, "state", plan.state);
      return splice(xml, [{ start: el.start, end: el.end, text: tag }]);
    });
  }

  /** `_xlnm.Print_Titles` of one sheet: replaced, or removed where the plan has none. */
  private setPrintTitles(sheetName: string, rows: string | undefined): void {
    const index = this.sheets().findIndex((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    const quoted = `'${sheetName.replace(/'/g, "''")}'`;
    this.editWorkbook((xml, p) => {
      let out = xml;
      const names = element(out, `${p}definedNames`);
      if (names) {
        const drop = elements(out, `${p}definedName`, names.start, names.end).filter((e) => {
          const a = attributes(e.tag);
          return a.name === "_xlnm.Print_Titles" && Number(a.localSheetId) === index;
        });
        out = splice(
          out,
          drop.map((e) => ({ start: e.start, end: e.end, text: "" })),
        );
      }
      if (!rows) return out;
      const ranges = rows
        .split(",")
        .map((r) => `${quoted}!${r}`)
        .join(",");
      const def = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(ranges)}</${p}definedName>`;
      const again = element(out, `${p}definedNames`);
      if (again && !again.tag.endsWith("/>")) {
        const end = again.end - `</${p}definedNames>`.length;
        return out.slice(0, end) + def + out.slice(end);
      }
      if (again)
        return splice(out, [
          { start: again.start, end: again.end, text: `<${p}definedNames>${def}</${p}definedNames>` },
        ]);
      return insertAfterFirst(
        out,
        [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`],
        `<${p}definedNames>${def}</${p}definedNames>`,
      );
    });
  }

  private addRelationship(part: string, type: string, targetPart: string): string {
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    const rels = this.relationships(part);
    const ids = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const tag = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, targetPart))}"/>`;
    const xml = this.text(relsPart);
    if (!xml) {
      this.put(relsPart, relsXml([{ id, type, target: relativeTarget(part, targetPart), external: false }]));
      return id;
    }
    const prefix = rootPrefix(xml, "Relationships");
    const end = xml.lastIndexOf(`</${prefix}Relationships>`);
    const text = prefix ? tag.replace("<Relationship", `<${prefix}Relationship`) : tag;
    this.put(
      relsPart,
      end >= 0
        ? xml.slice(0, end) + text + xml.slice(end)
        : xml.replace(/\/>\s*$/, `>${text}</${prefix}Relationships>`),
    );
    return id;
  }

  private editContentTypes(edit: (xml: string, p: string) => string): void {
    const xml = this.text("[Content_Types].xml")!;
    const out = edit(xml, rootPrefix(xml, "Types"));
    if (out !== xml) this.put("[Content_Types].xml", out);
  }

  private setContentType(partName: string, type: string): void {
    this.editContentTypes((xml, p) => {
      const existing = elements(xml, `${p}Override`).find(
        (e) => attributes(e.tag).PartName?.toLowerCase() === partName.toLowerCase(),
      );
      const tag = `<${p}Override PartName="${escapeXml(partName)}" ContentType="${type}"/>`;
      if (existing) return splice(xml, [{ start: existing.start, end: existing.end, text: tag }]);
      const end = xml.lastIndexOf(`</${p}Types>`);
      return xml.slice(0, end) + tag + xml.slice(end);
    });
  }

  private setDefaultContentType(extension: string, type: string): void {
    this.editContentTypes((xml, p) => {
      if (elements(xml, `${p}Default`).some((e) => attributes(e.tag).Extension?.toLowerCase() === extension))
        return xml;
      const end = xml.lastIndexOf(`</${p}Types>`);
      return xml.slice(0, end) + `<${p}Default Extension="${extension}" ContentType="${type}"/>` + xml.slice(end);
    });
  }

  private removeContentType(partName: string): void {
    this.editContentTypes((xml, p) => {
      const drop = elements(xml, `${p}Override`).filter(
        (e) => attributes(e.tag).PartName?.toLowerCase() === partName.toLowerCase(),
      );
      return splice(
        xml,
        drop.map((e) => ({ start: e.start, end: e.end, text: "" })),
      );
    });
  }

  /**
   * After the program changed cells: Excel recalculates on opening, and its calculation chain (a cache of
   * formula cells in calculation order, which may name cells that are gone) is dropped for Excel to rebuild.
   */
  private cellsChanged(): void {
    if (this.changedCells) return;
    this.changedCells = true;
    const wb = this.workbookPart()!;
    this.editWorkbook((xml, p) => {
      const calc = element(xml, `${p}calcPr`);
      if (calc)
        return splice(xml, [
          { start: calc.start, end: calc.start + calc.tag.length, text: setAttribute(calc.tag, "fullCalcOnLoad", "1") },
        ]);
      return insertAfterFirst(
        xml,
        [`</${p}definedNames>`, `</${p}externalReferences>`, `</${p}sheets>`],
        `<${p}calcPr fullCalcOnLoad="1"/>`,
      );
    });
    const chain = this.relationships(wb).find((r) => r.type === REL_TYPE.calcChain);
    if (chain) {
      const part = resolveTarget(wb, chain.target);
      this.remove(part);
      this.removeContentType(`/${part}`);
      const relsPart = relsPartOf(wb);
      const xml = this.text(relsPart)!;
      const prefix = rootPrefix(xml, "Relationships");
      const drop = elements(xml, `${prefix}Relationship`).filter((e) => attributes(e.tag).Id === chain.id);
      this.put(
        relsPart,
        splice(
          xml,
          drop.map((e) => ({ start: e.start, end: e.end, text: "" })),
        ),
      );
    }
  }

  /**
   * Writes cells into an existing worksheet: a cell keeps its own format; a new cell takes the format of
   * the cell in the same column of `templateRow` (the table's first data row), and a date gets a date
   * format where its cell has none. Text is written as text, never as a formula.
   */
  writeCells(sheetName: string, writes: CellWrite[], templateRow?: number): void {
    if (writes.length === 0) return;
    const sheet = this.sheets().find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet?.part || !sheet.worksheet) throw new Error(`Blatt „${sheetName}“ nicht gefunden.`);
    const xml = this.text(sheet.part)!;
    this.put(sheet.part, patchSheetCells(xml, writes, this.styles(), this.date1904(), templateRow));
    this.cellsChanged();
  }

  /**
   * Deletes whole rows of a worksheet and moves the rows below up, as Excel's "Zeilen löschen" does for
   * what lives in cells: the cells, the notes and threaded comments on them (and where their boxes are
   * anchored), and the bottom of the tables that contained them. Ranges of validations and conditional
   * formats stay as they are (they cover whole columns of a table and its spare rows).
   */
  deleteRows(sheetName: string, rows: number[], positional: readonly string[] = []): void {
    const gone = [...new Set(rows)].sort((a, b) => a - b);
    if (gone.length === 0) return;
    const sheet = this.sheets().find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet?.part || !sheet.worksheet) throw new Error(`Blatt „${sheetName}“ nicht gefunden.`);
    const shift = (row: number): number | null => {
      let below = 0;
      for (const g of gone) {
        if (g === row) return null;
        if (g < row) below++;
      }
      return row - below;
    };
    const adjusted = shiftSheetAreas(shiftSheetFormulas(this.text(sheet.part)!, sheet.name, gone), gone);
    this.put(sheet.part, deleteSheetRows(adjusted, shift));
    this.shiftReferencesTo(sheet.name, sheet.part, gone, positional);
    for (const rel of this.relationships(sheet.part)) {
      if (rel.external) continue;
      const target = resolveTarget(sheet.part, rel.target);
      const xml = this.text(target);
      if (xml === undefined) continue;
      if (rel.type === REL_TYPE.comments || rel.type === REL_TYPE.threadedComments) {
        this.put(target, moveRefs(xml, rel.type === REL_TYPE.comments ? "comment" : "threadedComment", shift));
      } else if (rel.type === REL_TYPE.vml) {
        this.put(target, moveNoteShapes(xml, shift));
      } else if (rel.type === REL_TYPE.table) {
        this.put(target, shrinkTable(xml, gone));
      }
    }
    this.cellsChanged();
  }

  /**
   * Formulas of the other sheets and defined names that name `sheetName`, moved with its deleted rows —
   * except on the `positional` sheets, whose formulas read rows by position (the hidden lists: row k of the
   * list is row k of the table, whatever is in it).
   */
  private shiftReferencesTo(sheetName: string, part: string, gone: number[], positional: readonly string[]): void {
    const fixed = new Set(positional.map((n) => n.toLowerCase()));
    for (const other of this.sheets()) {
      if (!other.part || !other.worksheet || other.part === part || fixed.has(other.name.toLowerCase())) continue;
      const xml = this.text(other.part)!;
      const moved = shiftSheetFormulas(xml, sheetName, gone, false);
      if (moved !== xml) this.put(other.part, moved);
    }
    const wb = this.workbookPart()!;
    const xml = this.text(wb)!;
    const moved = xml.replace(
      /(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<\/(?:\w+:)?definedName>)/g,
      (whole, open: string, body: string, close: string) => {
        const formula = unescapeXml(body);
        const shifted = shiftFormulaRows(formula, sheetName, gone, false);
        return shifted === formula ? whole : `${open}${escapeXml(shifted)}${close}`;
      },
    );
    if (moved !== xml) this.put(wb, moved);
  }

  /** Extends a table (and its filter) down to `lastRow`; a table already reaching it is left alone. */
  extendTable(tableName: string, lastRow: number): void {
    const table = this.tables().find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (!table) return;
    const xml = this.text(table.part)!;
    const p = rootPrefix(xml, "table");
    const root = element(xml, `${p}table`)!;
    const a = attributes(root.tag);
    const [start, end] = (a.ref ?? "").split(":");
    const m = /^([A-Z]+)(\d+)$/i.exec(end ?? "");
    if (!start || !m || Number(m[2]) >= lastRow) return;
    const totals = Number(a.totalsRowCount ?? 0);
    const ref = `${start}:${m[1]}${lastRow + totals}`;
    const edits = [{ start: root.start, end: root.start + root.tag.length, text: setAttribute(root.tag, "ref", ref) }];
    const filter = element(xml, `${p}autoFilter`, root.start + root.tag.length);
    if (filter)
      edits.push({
        start: filter.start,
        end: filter.start + filter.tag.length,
        text: setAttribute(filter.tag, "ref", `${start}:${m[1]}${lastRow}`),
      });
    this.put(table.part, splice(xml, edits));
    const first = cellRef(start.replace(/\$/g, "").toUpperCase());
    const sheetXml = this.text(table.sheetPart);
    if (!first || !sheetXml) return;
    const area = {
      left: first.column,
      right: columnNumber(m[1]!),
      firstRow: first.row + Number(a.headerRowCount ?? 1),
      oldLast: Number(m[2]) - totals,
      newLast: lastRow,
    };
    const widened = widenTableHelp(sheetXml, area);
    if (widened !== sheetXml) this.put(table.sheetPart, widened);
  }

  /** The package as .xlsx bytes: untouched parts copied compressed, written parts deflated. */
  toBytes(now = new Date()): Uint8Array {
    this.flushStyles();
    const out: ZipEntry[] = [];
    for (const name of this.partNames()) {
      const text = this.written.get(name);
      out.push(text !== undefined ? newEntry(name, encode(text), now) : this.entries.get(name)!);
    }
    return writeZip(out);
  }
}

/** What survives of a regenerated sheet: the user's protection element and drawing relationship. */
interface KeptOfGenerated {
  rels: Relationship[];
  protection?: string;
  drawing?: string;
}

function unprefixed(tag: string, p: string): string {
  return p ? tag.replace(`<${p}`, "<") : tag;
}

/** A sheet for the reader without its references to drawings, which the reading copy leaves out. */
function withoutDrawingReferences(xml: string): string {
  const p = rootPrefix(xml, "worksheet");
  const drop = ["drawing", "legacyDrawingHF", "picture"].flatMap((name) => elements(xml, `${p}${name}`));
  return drop.length
    ? splice(
        xml,
        drop.map((e) => ({ start: e.start, end: e.end, text: "" })),
      )
    : xml;
}

function newEntryStored(name: string, data: Uint8Array): ZipEntry {
  return {
    ...newEntry(name, new Uint8Array(0)),
    crc: crc32(data),
    compressedSize: data.length,
    size: data.length,
    raw: data,
  };
}

function relsXml(rels: Relationship[]): string {
  return (
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
      )
      .join("") +
    "</Relationships>"
  );
}

function insertAfterFirst(xml: string, anchors: string[], text: string): string {
  for (const anchor of anchors) {
    const at = xml.indexOf(anchor);
    if (at >= 0) return xml.slice(0, at + anchor.length) + text + xml.slice(at + anchor.length);
  }
  return xml;
}
