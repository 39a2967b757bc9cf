/**
 * The cells of one worksheet part as plain values, read from its XML as it is inflated (see ./xmlScanner.ts),
 * with the values exceljs gave the domain before: numbers, shared and inline strings (rich text as its
 * text), booleans, errors as their text (`#DIV/0!`), a formula's cached result, numbers in a date format as
 * a Date; merged areas; and the row and column counts exceljs reported (readers rely on them).
 */
import type { CellValue } from "../domain/dates";
import type { Area } from "../workbook/read";
import { dateFromSerial } from "./numberFormats";
import { type XmlHandler, XmlError, attributeOffsets, decodeText, readAttributes, unescapeXstring } from "./xmlScanner";

/** One row: cells by column − 1 (a hole: no cell; null: a formatted empty cell or a formula without result). */
export interface SheetRow {
  cells: CellValue[];
  /** exceljs's `hasValues`: a cell with a value, a formula or a hyperlink, or a merged area's cell. */
  hasValue: boolean;
}

export interface SheetCells {
  /** Rows by number (1-based); a hole where the part has no row. */
  rows: (SheetRow | undefined)[];
  merges: Area[];
  /** The last row the part has (a `<row>`, also an empty one, or a merged area reaching it). */
  rowCount: number;
  /** The last cell of the rows that have values (exceljs: the longest such row). */
  columnCount: number;
}

/** What a cell's value depends on beyond its own XML. */
export interface CellContext {
  sharedString(index: number): string | undefined;
  isDateStyle(xf: number): boolean;
  date1904: boolean;
}

const enum Capture {
  None,
  Value,
  Formula,
  Text,
}

/**
 * A text of its own: V8 keeps a longer substring as a view into the string it was cut from, and a cell's
 * text would so keep the whole decoded piece of the part (up to a megabyte) alive as long as the grid.
 */
function own(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** The number written at `from` (NaN where there is none). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return i === from ? NaN : n;
}

/** The column of a reference written at `from` (`B7` → 2; 0 where it has no letters). */
function lettersAt(s: string, from: number, to: number): number {
  let column = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  return column;
}

const CELL_TYPES = ["s", "str", "inlineStr", "b", "e", "n", "d"];

/** A cell's `t` attribute as one of the shared type names. */
function cellType(s: string, from: number, to: number): string {
  for (const type of CELL_TYPES) if (to - from === type.length && s.startsWith(type, from)) return type;
  return s.slice(from, to);
}

/** `B7` → column 2 (0 where the reference has no letters). */
function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  return column;
}

/** `A1:C3` (or `B2`) as an area; null where it is not a cell range. */
export function parseArea(ref: string): Area | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const left = columnOfRef(m[1]!);
  const right = m[3] ? columnOfRef(m[3]) : left;
  const top = Number(m[2]);
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export class SheetCellsReader implements XmlHandler {
  private readonly rows: (SheetRow | undefined)[] = [];
  private readonly merges: Area[] = [];
  /** Cells with a relationship hyperlink (`<hyperlink ref r:id>`): exceljs gave them a value object. */
  private readonly links: string[] = [];
  private readonly attrs: string[] = [];
  private readonly offsets: number[] = [];
  private inData = false;
  private row: SheetRow | null = null;
  private rowNumber = 0;
  private column = 0;
  private style = 0;
  private type = "";
  private capture = Capture.None;
  private value: string | undefined;
  private formula = false;
  private buffer = "";
  /** Depth inside `<rPh>` (phonetic runs are not part of the text). */
  private phonetic = 0;
  private inInline = false;

  constructor(private readonly context: CellContext) {}

  open(local: string, s: string, from: number, to: number): void {
    switch (local) {
      case "c":
        if (this.row) this.openCell(s, from, to);
        return;
      case "v":
        this.capture = Capture.Value;
        this.buffer = "";
        return;
      case "f":
        this.openFormula(s, from, to);
        return;
      case "is":
        this.inInline = true;
        this.buffer = "";
        return;
      case "t":
        if (this.inInline && this.phonetic === 0) this.capture = Capture.Text;
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "row":
        if (this.inData) this.openRow(s, from, to);
        return;
      case "sheetData":
        this.inData = true;
        return;
      case "mergeCell":
        this.addMerge(s, from, to);
        return;
      case "hyperlink":
        this.addLink(s, from, to);
        return;
    }
  }

  close(local: string): void {
    switch (local) {
      case "c":
        this.closeCell();
        return;
      case "v":
        if (this.capture === Capture.Value) this.value = this.buffer;
        this.capture = Capture.None;
        return;
      case "f":
        this.capture = Capture.None;
        return;
      case "t":
        if (this.capture === Capture.Text) this.capture = Capture.None;
        return;
      case "is":
        this.inInline = false;
        if (this.buffer !== "") this.value = this.buffer;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "row":
        this.row = null;
        return;
      case "sheetData":
        this.inData = false;
        return;
    }
  }

  text(s: string, from: number, to: number): void {
    if (this.capture === Capture.None) return;
    if (this.capture === Capture.Formula) {
      if (to > from) this.formula = true;
      return;
    }
    this.buffer += decodeText(s.slice(from, to));
  }

  cdata(text: string): void {
    if (this.capture === Capture.Formula) this.formula ||= text !== "";
    else if (this.capture !== Capture.None) this.buffer += text;
  }

  private openRow(s: string, from: number, to: number): void {
    const o = this.offsets;
    const count = attributeOffsets(s, from, to, o);
    let number = this.rowNumber + 1;
    for (let k = 0; k < count; k += 4) {
      if (o[k + 1]! - o[k]! === 1 && s.charCodeAt(o[k]!) === 114) number = digitsAt(s, o[k + 2]!, o[k + 3]!);
    }
    if (!(number >= 1 && number <= 1048576)) throw new XmlError("corrupt");
    this.rowNumber = number;
    this.column = 0;
    this.row = this.rows[number] ?? { cells: [], hasValue: false };
    this.rows[number] = this.row;
  }

  /** `<c r="B7" s="3" t="s">`: read in place (a sheet has a hundred thousand of them). */
  private openCell(s: string, from: number, to: number): void {
    const o = this.offsets;
    const count = attributeOffsets(s, from, to, o);
    let column = this.column + 1;
    this.style = 0;
    this.type = "";
    for (let k = 0; k < count; k += 4) {
      if (o[k + 1]! - o[k]! !== 1) continue;
      const name = s.charCodeAt(o[k]!);
      if (name === 114) column = lettersAt(s, o[k + 2]!, o[k + 3]!) || column;
      else if (name === 115) this.style = digitsAt(s, o[k + 2]!, o[k + 3]!) || 0;
      else if (name === 116) this.type = cellType(s, o[k + 2]!, o[k + 3]!);
    }
    if (column > 16384) throw new XmlError("corrupt");
    this.column = column;
    this.value = undefined;
    this.formula = false;
    this.buffer = "";
  }

  private openFormula(s: string, from: number, to: number): void {
    this.capture = Capture.Formula;
    // A shared or array formula's other cells carry only `<f t="shared" si="0"/>`.
    const count = readAttributes(s, from, to, this.attrs);
    for (let k = 0; k < count; k += 2) if (this.attrs[k] === "t") this.formula = true;
  }

  /** As exceljs: a cell without value, formula or format is no cell; a formatted empty one is null. */
  private closeCell(): void {
    const row = this.row;
    if (!row) return;
    const raw = this.value;
    if (!this.formula && raw === undefined) {
      if (this.style) row.cells[this.column - 1] = null;
      return;
    }
    row.hasValue = true;
    row.cells[this.column - 1] = raw === undefined ? null : this.valueOf(raw);
  }

  private valueOf(raw: string): CellValue {
    switch (this.type) {
      case "s": {
        const text = this.context.sharedString(parseInt(raw, 10));
        return text === undefined ? null : text;
      }
      case "str":
        return own(raw);
      case "inlineStr":
        return own(unescapeXstring(raw));
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return raw;
      case "d": {
        const date = new Date(raw.length <= 10 ? `${raw}T00:00:00Z` : /Z|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
        return Number.isNaN(date.getTime()) ? raw : date;
      }
      default: {
        const number = parseFloat(raw);
        return this.style && this.context.isDateStyle(this.style) && Number.isFinite(number)
          ? dateFromSerial(number, this.context.date1904)
          : number;
      }
    }
  }

  private addMerge(s: string, from: number, to: number): void {
    const count = readAttributes(s, from, to, this.attrs);
    for (let k = 0; k < count; k += 2) {
      if (this.attrs[k] !== "ref") continue;
      const area = parseArea(this.attrs[k + 1]!);
      if (area) this.merges.push(area);
    }
  }

  private addLink(s: string, from: number, to: number): void {
    const count = readAttributes(s, from, to, this.attrs);
    let ref = "";
    let related = false;
    for (let k = 0; k < count; k += 2) {
      const name = this.attrs[k]!;
      if (name === "ref") ref = this.attrs[k + 1]!;
      else if (name.endsWith(":id") && this.attrs[k + 1]) related = true;
    }
    if (ref && related) this.links.push(ref);
  }

  result(): SheetCells {
    const rows = this.rows;
    for (const ref of this.links) {
      const area = parseArea(ref);
      if (!area || area.top !== area.bottom || area.left !== area.right) continue;
      const row = rows[area.top];
      if (row && row.cells[area.left - 1] !== undefined) row.hasValue = true;
    }
    let rowCount = rows.length > 0 ? rows.length - 1 : 0;
    let columnCount = 0;
    for (const row of rows) if (row?.hasValue && row.cells.length > columnCount) columnCount = row.cells.length;
    // exceljs made every cell of a merged area (the others as copies of the first): rows and columns count.
    for (const m of this.merges) {
      if (m.bottom > rowCount) rowCount = m.bottom;
      if (m.bottom > m.top || m.right > m.left) columnCount = Math.max(columnCount, m.right);
      else if (rows[m.top]?.hasValue) columnCount = Math.max(columnCount, m.left);
    }
    return { rows, merges: this.merges, rowCount, columnCount };
  }
}

/** The strings of a shared strings part (`<si>`, rich text as its text, phonetic runs left out). */
export class SharedStringsReader implements XmlHandler {
  readonly strings: string[] = [];
  private inItem = false;
  private capture = false;
  private phonetic = 0;
  private buffer = "";

  open(local: string): void {
    if (local === "si") {
      this.inItem = true;
      this.buffer = "";
    } else if (local === "t") this.capture = this.inItem && this.phonetic === 0;
    else if (local === "rPh") this.phonetic++;
  }

  close(local: string): void {
    if (local === "si") {
      this.strings.push(own(unescapeXstring(this.buffer)));
      this.inItem = false;
    } else if (local === "t") this.capture = false;
    else if (local === "rPh") this.phonetic--;
  }

  text(s: string, from: number, to: number): void {
    if (this.capture) this.buffer += decodeText(s.slice(from, to));
  }

  cdata(text: string): void {
    if (this.capture) this.buffer += text;
  }
}
