/**
 * The spreadsheet above the package (./opc.ts): workbook.xml with its sheets, defined names (print titles)
 * and calculation settings, the styles part, and the tables of the worksheets. What changes a sheet's
 * content lives beside it: ./generatedSheets.ts (sheets the program regenerates), ./rowOps.ts (cells and
 * rows of the user's sheets), ./source.ts (reading).
 */
import { shiftFormulaRows } from "./formulaShift";
import { type OpcPackage, PackageError, type Relationship, isKind, resolveTarget } from "./opc";
import { NS_REL } from "./sheetXml";
import { EMPTY_STYLES, StyleBook } from "./styles";
import {
  attributes,
  element,
  elements,
  escapeXml,
  prefixOf,
  removeAttribute,
  rootPrefix,
  setAttribute,
  splice,
  unescapeXml,
} from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
  /** The part, e.g. `xl/worksheets/sheet1.xml`; null where the relationship is missing. */
  part: string | null;
  /** A worksheet (cells) rather than a chart sheet, dialog sheet or macro sheet. */
  worksheet: boolean;
}

/** A worksheet that exists: its part is known and present. */
export type WorksheetEntry = SheetEntry & { part: string };

export interface TableEntry {
  part: string;
  sheetPart: string;
  name: string;
  id: number;
  /** The table's range as written (`A1:S21`). */
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
}

export class WorkbookPart {
  private styleBook: StyleBook | null = null;
  private changedCells = false;

  constructor(readonly opc: OpcPackage) {}

  /** The workbook part named by the package's officeDocument relationship, or null (not a workbook). */
  locate(): string | null {
    const main = this.opc.relationships("").find((r) => isKind(r, "officeDocument"));
    const part = main ? resolveTarget("", main.target) : null;
    return part && this.opc.has(part) ? part : null;
  }

  get part(): string {
    const part = this.locate();
    if (!part) throw new PackageError("not-a-workbook");
    return part;
  }

  private xml(): string {
    return this.opc.text(this.part)!;
  }

  /** The sheets in tab order as workbook.xml lists them. */
  sheets(): SheetEntry[] {
    const wb = this.part;
    const xml = this.xml();
    const p = rootPrefix(xml, "workbook");
    const r = prefixOf(xml, NS_REL) ?? "r";
    const rels = new Map(this.opc.relationships(wb).map((rel) => [rel.id, rel]));
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
        worksheet: rel !== undefined && isKind(rel, "worksheet"),
      };
    });
  }

  /** The worksheets whose part exists, in tab order (chart sheets and dangling entries left out). */
  worksheets(): WorksheetEntry[] {
    return this.sheets().filter((s): s is WorksheetEntry => s.worksheet && s.part !== null && this.opc.has(s.part));
  }

  /** A worksheet by name (case-insensitive, as Excel compares sheet names), or undefined. */
  worksheet(name: string): WorksheetEntry | undefined {
    const wanted = name.toLowerCase();
    return this.worksheets().find((s) => s.name.toLowerCase() === wanted);
  }

  date1904(): boolean {
    const xml = this.xml();
    const pr = element(xml, `${rootPrefix(xml, "workbook")}workbookPr`);
    const v = pr ? attributes(pr.tag).date1904 : undefined;
    return v === "1" || v === "true";
  }

  /** The shared strings part, where the workbook has one. */
  sharedStringsPart(): string | undefined {
    return this.opc.related(this.part, "sharedStrings").find((part) => this.opc.has(part));
  }

  /** Table parts of the whole workbook with their names, ids and ranges. */
  tables(): TableEntry[] {
    const out: TableEntry[] = [];
    for (const sheet of this.sheets()) {
      if (!sheet.part || !sheet.worksheet) continue;
      for (const part of this.opc.related(sheet.part, "table")) {
        const xml = this.opc.text(part);
        if (!xml) continue;
        const root = element(xml, `${rootPrefix(xml, "table")}table`);
        const a = root ? attributes(root.tag) : {};
        out.push({
          part,
          sheetPart: sheet.part,
          name: a.name ?? a.displayName ?? "",
          id: Number(a.id ?? 0),
          ref: a.ref ?? "",
          headerRowCount: Number(a.headerRowCount ?? 1),
          totalsRowCount: Number(a.totalsRowCount ?? 0),
        });
      }
    }
    return out;
  }

  // ——— styles ———

  styles(): StyleBook {
    if (!this.styleBook) {
      const part = this.opc.related(this.part, "styles")[0];
      this.styleBook = new StyleBook((part && this.opc.text(part)) || EMPTY_STYLES);
    }
    return this.styleBook;
  }

  /** Writes the formats appended so far into the styles part (the book keeps the original to extend). */
  flushStyles(): void {
    if (!this.styleBook?.changed) return;
    const wb = this.part;
    let part = this.opc.related(wb, "styles")[0];
    if (!part) {
      part = "xl/styles.xml";
      this.opc.addRelationship(wb, "styles", part);
      this.opc.declareType(part, "styles");
    }
    this.opc.put(part, this.styleBook.toXml());
  }

  // ——— editing workbook.xml ———

  private edit(change: (xml: string, p: string, r: string) => string): void {
    const xml = this.xml();
    const out = change(xml, rootPrefix(xml, "workbook"), prefixOf(xml, NS_REL) ?? "r");
    if (out !== xml) this.opc.put(this.part, out);
  }

  /** A new sheet at the end of the tabs, related as `rId`. */
  appendSheet(name: string, state: SheetState, rId: string): void {
    const sheetId = Math.max(0, ...this.sheets().map((s) => s.sheetId)) + 1;
    this.edit((xml, p, r) => {
      const stateAttr = state === "visible" ? "" : ` state="${state}"`;
      const tag = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} ${r}:id="${rId}"/>`;
      const sheets = element(xml, `${p}sheets`)!;
      if (sheets.tag.endsWith("/>"))
        return splice(xml, [{ start: sheets.start, end: sheets.end, text: `<${p}sheets>${tag}</${p}sheets>` }]);
      const end = sheets.end - `</${p}sheets>`.length;
      return xml.slice(0, end) + tag + xml.slice(end);
    });
  }

  setSheetState(rId: string, state: SheetState): void {
    this.edit((xml, p, r) => {
      const sheets = element(xml, `${p}sheets`)!;
      const el = elements(xml, `${p}sheet`, sheets.start, sheets.end).find(
        (e) => attributes(e.tag)[`${r}:id`] === rId,
      )!;
      const tag = state === "visible" ? removeAttribute(el.tag, "state") : setAttribute(el.tag, "state", state);
      return splice(xml, [{ start: el.start, end: el.end, text: tag }]);
    });
  }

  /** `_xlnm.Print_Titles` of one sheet: replaced, or removed where `rows` is undefined. */
  setPrintTitles(sheetName: string, rows: string | undefined): void {
    const index = this.sheets().findIndex((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    const quoted = `'${sheetName.replace(/'/g, "''")}'`;
    this.edit((xml, p) => {
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

  /** Defined names whose formula names rows of `sheetName` that were deleted, moved with the rows below. */
  shiftDefinedNames(sheetName: string, gone: readonly number[]): void {
    this.edit((xml) =>
      xml.replace(
        /(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<\/(?:\w+:)?definedName>)/g,
        (whole, open: string, body: string, close: string) => {
          const formula = unescapeXml(body);
          const shifted = shiftFormulaRows(formula, sheetName, gone, false);
          return shifted === formula ? whole : `${open}${escapeXml(shifted)}${close}`;
        },
      ),
    );
  }

  /**
   * After the program changed cells: Excel recalculates on opening, and its calculation chain (a cache of
   * formula cells in calculation order, which may name cells that are gone) is dropped for Excel to rebuild.
   */
  cellsChanged(): void {
    if (this.changedCells) return;
    this.changedCells = true;
    const wb = this.part;
    this.edit((xml, p) => {
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
    const chain: Relationship | undefined = this.opc.relationships(wb).find((r) => isKind(r, "calcChain"));
    if (chain) {
      this.opc.removePart(resolveTarget(wb, chain.target));
      this.opc.removeRelationship(wb, chain.id);
    }
  }
}

function insertAfterFirst(xml: string, anchors: string[], text: string): string {
  for (const anchor of anchors) {
    const at = xml.indexOf(anchor);
    if (at >= 0) return xml.slice(0, at + anchor.length) + text + xml.slice(at + anchor.length);
  }
  return xml;
}
