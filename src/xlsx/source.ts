/**
 * Reading a package for the host-independent reader (src/workbook/read.ts): its worksheets as grids of
 * plain values, the tables with their ranges, the notes. Only what a reader asks for is read: a sheet's
 * part is inflated and parsed when its grid is first wanted (see ./sheetReader.ts), shared strings when a
 * cell refers to them, a comments part when a note is asked for — a check never inflates the hidden Listen
 * sheet, the pictures or the pivot caches.
 */
import type { CellValue } from "../domain/dates";
import type { Area, SheetGrid, TableLocation, WorkbookSource } from "../workbook/read";
import type { OpcPackage } from "./opc";
import { SharedStringsReader, type SheetCells, SheetCellsReader, parseArea } from "./sheetReader";
import type { SheetState, WorkbookPart, WorksheetEntry } from "./workbookPart";
import { attributes, elements, rootPrefix, unescapeXml } from "./xml";

/** `A1:C3` as an area (a cell range the program reads: a table's, a merged area's). */
export function areaOf(ref: string): Area {
  const area = parseArea(ref);
  if (!area) throw new Error(`not a cell range: ${ref}`);
  return area;
}

/** Runs a read; the document passes one that turns a PackageError into its German sentence. */
export type Guard = <T>(run: () => T) => T;

const unguarded: Guard = (run) => run();

/** The parsed cells of the package's worksheets, kept while their parts do not change. */
export class PackageReader {
  /** Held weakly: a grid lives as long as a source uses it, and goes when memory is wanted for writing. */
  private readonly cells = new Map<string, { key: string; cells: WeakRef<SheetCells> }>();
  private strings: { key: string; list: string[] } | null = null;

  constructor(private readonly book: WorkbookPart) {}

  private get opc(): OpcPackage {
    return this.book.opc;
  }

  /**
   * The cells of a worksheet part, parsed once per version of the part and of its shared strings while a
   * source still holds them (a write to one sheet parses that sheet again, not the others). Formats are only ever appended, so the dates of
   * cells already read stay dates.
   */
  sheetCells(part: string): SheetCells {
    const sst = this.book.sharedStringsPart();
    const date1904 = this.book.date1904();
    const key = `${this.opc.generation(part)}:${sst ? `${sst}@${this.opc.generation(sst)}` : ""}:${date1904}`;
    const cached = this.cells.get(part);
    const known = cached?.key === key ? cached.cells.deref() : undefined;
    if (known) return known;
    const styles = this.book.styles();
    const reader = new SheetCellsReader({
      sharedString: (index) => this.sharedStrings(sst)[index],
      isDateStyle: (xf) => styles.isDateStyle(xf),
      date1904,
    });
    this.opc.read(part, reader);
    const cells = reader.result();
    this.cells.set(part, { key, cells: new WeakRef(cells) });
    return cells;
  }

  private sharedStrings(part: string | undefined): string[] {
    if (!part) return [];
    const key = `${part}:${this.opc.generation(part)}`;
    if (this.strings?.key !== key) {
      const reader = new SharedStringsReader();
      this.opc.read(part, reader);
      this.strings = { key, list: reader.strings };
    }
    return this.strings.list;
  }

  /**
   * The notes (legacy comments, which also carry the text of threaded comments) of a worksheet by cell
   * (`N3`), read from its comments part.
   */
  notes(sheetName: string): Map<string, string> {
    const out = new Map<string, string>();
    const sheet = this.book.worksheets().find((s) => s.name === sheetName);
    if (!sheet) return out;
    for (const part of this.opc.related(sheet.part, "comments")) {
      const xml = this.opc.text(part);
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

  source(guard: Guard = unguarded): PackageSource {
    return new PackageSource(this, this.book, guard);
  }
}

/** A worksheet of the package as a grid; merged areas show their first cell's value in every cell. */
export class PackageGrid implements SheetGrid {
  private notes: Map<string, string> | null = null;
  private mergedAt: Map<number, Area> | null = null;

  constructor(
    readonly name: string,
    private readonly cells: SheetCells,
    private readonly notesOf: () => Map<string, string>,
  ) {
    if (cells.merges.length) this.mergedAt = indexMerges(cells.merges);
  }

  get rowCount(): number {
    return this.cells.rowCount;
  }

  get columnCount(): number {
    return this.cells.columnCount;
  }

  /** The merged areas (for the import, which keeps only the first cell's value). */
  get merges(): readonly Area[] {
    return this.cells.merges;
  }

  value(row: number, column: number): CellValue {
    if (this.mergedAt) {
      const m = this.mergedAt.size ? this.mergedAt.get(row * 16384 + column) : mergeOf(this.cells.merges, row, column);
      if (m) {
        row = m.top;
        column = m.left;
      }
    }
    const v = this.cells.rows[row]?.cells[column - 1];
    return v === undefined ? null : v;
  }

  note(row: number, column: number): string | undefined {
    this.notes ??= this.notesOf();
    return this.notes.get(`${columnName(column)}${row}`);
  }
}

function columnName(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The cells covered by merged areas (not their first) by `row * 16384 + column`; empty where too many. */
function indexMerges(merges: readonly Area[]): Map<number, Area> {
  const index = new Map<number, Area>();
  let cells = 0;
  for (const m of merges) cells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
  if (cells > 1_000_000) return index;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if ((r !== m.top || c !== m.left) && !index.has(r * 16384 + c)) index.set(r * 16384 + c, m);
      }
    }
  }
  return index;
}

function mergeOf(merges: readonly Area[], row: number, column: number): Area | undefined {
  return merges.find(
    (m) =>
      row >= m.top && row <= m.bottom && column >= m.left && column <= m.right && (row !== m.top || column !== m.left),
  );
}

export interface WorksheetInfo {
  name: string;
  state: SheetState;
}

/** The package as the reader sees it now; a fresh source after the program wrote to the package. */
export class PackageSource implements WorkbookSource {
  private readonly grids = new Map<string, PackageGrid>();
  private sheetList: WorksheetEntry[] | null = null;
  private tableList: TableLocation[] | null = null;

  constructor(
    private readonly reader: PackageReader,
    private readonly book: WorkbookPart,
    private readonly guard: Guard,
  ) {}

  private list(): WorksheetEntry[] {
    this.sheetList ??= this.guard(() => this.book.worksheets());
    return this.sheetList;
  }

  /** The worksheets in tab order (chart sheets have no cells and are left out). */
  sheetNames(): string[] {
    return this.list().map((s) => s.name);
  }

  worksheets(): WorksheetInfo[] {
    return this.list().map((s) => ({ name: s.name, state: s.state }));
  }

  sheet(name: string): PackageGrid | undefined {
    let grid = this.grids.get(name);
    if (!grid) {
      const entry = this.list().find((s) => s.name === name);
      if (!entry) return undefined;
      const cells = this.guard(() => this.reader.sheetCells(entry.part));
      grid = new PackageGrid(entry.name, cells, () => this.guard(() => this.reader.notes(entry.name)));
      this.grids.set(name, grid);
    }
    return grid;
  }

  tables(): TableLocation[] {
    if (!this.tableList) {
      const sheets = new Map(this.list().map((s) => [s.part, s.name]));
      this.tableList = this.guard(() => this.book.tables()).flatMap((t) => {
        const sheet = sheets.get(t.sheetPart);
        const area = t.ref.includes(":") ? parseArea(t.ref) : null;
        return sheet !== undefined && area ? [{ name: t.name, sheet, area }] : [];
      });
    }
    return this.tableList;
  }
}
