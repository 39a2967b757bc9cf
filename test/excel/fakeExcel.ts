/**
 * A recording fake of the few Excel JavaScript API objects the Office.js host uses, backed by an in-memory
 * workbook. Like Office, it queues every operation until `context.sync()`, counts the syncs, fails a
 * whole batch at sync time, and throws when a property is read that was not loaded and synced.
 * Cell behaviour mimicked: a string starting with `=`, `+`, `-` or `@` written into a cell that is not
 * formatted as text (`@`) becomes a formula; numeric text becomes a number; a number written into a text
 * cell becomes text; null in a 2-D array leaves the cell alone; "" clears it; Dates are refused.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { columnLetter, columnNumber } from "../../src/workbook/read";

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Cell {
  value: string | number | boolean;
  formula?: string;
  format?: string;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface SheetState {
  name: string;
  visibility: string;
  tabColor?: string;
  cells: Map<string, Cell>;
  columnFormats: Map<number, string>;
  columnWidths: Map<number, number>;
  wrap: Set<number>;
  protected: boolean;
  protectionOptions: any;
  /** Data validations in the order their parts were set. */
  validations: { range: string; part: "prompt" | "rule" | "errorAlert" | "ignoreBlanks"; value: any }[];
  conditionalFormats: { range: string; type: string; formula?: string; fill?: string; font?: string }[];
  frozen: { kind: string; arg: any } | null;
  pageLayout: Record<string, any>;
  notes: { address: string; text: string }[];
  bold: Set<string>;
  /** Cells set right-aligned. */
  right: Set<string>;
  /** The rows above which a manual page break was added. */
  rowBreaks: string[];
  charts: ChartState[];
}

export interface SeriesState {
  name: string;
  /** A1 ranges as given to `setValues` / `setXAxisValues` (the first series: its creation range). */
  values: string;
  categories?: string;
  fill?: string;
  line?: string;
  lineStyle?: string;
  markerStyle?: string;
}

export interface ChartState {
  type: string;
  seriesBy: string;
  name: string;
  title?: string;
  legend: { visible?: boolean; position?: string };
  position?: { start: string; end: string };
  series: SeriesState[];
  /** Axis properties set, by axis (`categoryAxis`, `valueAxis`). */
  axes: Record<string, Record<string, unknown>>;
  fontSize?: number;
  displayBlanksAs?: string;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  area: Area;
  style?: string;
  showFilterButton?: boolean;
}

const key = (r: number, c: number) => `${r},${c}`;

export function parseArea(address: string): Area {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b] = local.split(":");
  const part = (s: string, end: boolean) => {
    let m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (m) return { row: Number(m[2]), column: columnNumber(m[1]!) };
    m = /^([A-Z]+)$/i.exec(s);
    if (m) return { row: end ? 1048576 : 1, column: columnNumber(m[1]!) };
    m = /^(\d+)$/.exec(s);
    if (m) return { row: Number(m[1]), column: end ? 16384 : 1 };
    throw new OfficeError("InvalidArgument", `bad address ${address}`);
  };
  const start = part(a!, false);
  const end = part(b ?? a!, true);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

const quote = (name: string) => (/^[A-Za-z0-9_ÄÖÜäöüß]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const a1 = (a: Area) =>
  `${columnLetter(a.left)}${a.top}` + (a.bottom === a.top && a.right === a.left ? "" : `:${columnLetter(a.right)}${a.bottom}`);

export class FakeWorkbook {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  syncs = 0;
  /** Every queued operation, in order, as text (for assertions). */
  log: string[] = [];
  editMode = false;
  activeSheet: string | null = null;
  selection: string | null = null;
  suspendCalls = 0;
  handlers: { sheet: string; event: "changed" | "selectionChanged"; fn: (args: any) => unknown; removed: boolean }[] = [];
  /** Largest request in bytes (JSON of the queued writes). */
  maxRequestBytes = 0;
  private tableCounter = 0;

  addSheet(name: string): SheetState {
    if (this.sheet(name)) throw new OfficeError("ItemAlreadyExists", `sheet ${name} exists`);
    const s: SheetState = {
      name,
      visibility: "Visible",
      cells: new Map(),
      columnFormats: new Map(),
      columnWidths: new Map(),
      wrap: new Set(),
      protected: false,
      protectionOptions: null,
      validations: [],
      conditionalFormats: [],
      frozen: null,
      pageLayout: {},
      notes: [],
      bold: new Set(),
      right: new Set(),
      rowBreaks: [],
      charts: [],
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  nextTableName(): string {
    return `Table${++this.tableCounter}`;
  }

  formatOf(s: SheetState, r: number, c: number): string {
    return s.cells.get(key(r, c))?.format ?? s.columnFormats.get(c) ?? "General";
  }

  /** What a cell shows to `values` (formulas are not calculated: their value is ""). */
  value(sheet: string, r: number, c: number): string | number | boolean {
    return this.sheet(sheet)?.cells.get(key(r, c))?.value ?? "";
  }

  cell(sheet: string, address: string): Cell | undefined {
    const a = parseArea(address);
    return this.sheet(sheet)?.cells.get(key(a.top, a.left));
  }

  setFormat(s: SheetState, r: number, c: number, format: string) {
    const k = key(r, c);
    const cell = s.cells.get(k);
    if (cell) cell.format = format;
    else s.cells.set(k, { value: "", format });
  }

  write(s: SheetState, r: number, c: number, input: unknown, asFormula: boolean) {
    if (input === null || input === undefined) return;
    if (s.protected) throw new OfficeError("AccessDenied", `sheet ${s.name} is protected`);
    if (input instanceof Date || (typeof input === "object" && input !== null)) throw new OfficeError("InvalidArgument", "not a cell value");
    const k = key(r, c);
    const format = this.formatOf(s, r, c);
    const old = s.cells.get(k);
    const keep = old?.format !== undefined ? { format: old.format } : {};
    if (input === "") {
      if (old?.format !== undefined) s.cells.set(k, { value: "", format: old.format });
      else s.cells.delete(k);
      return;
    }
    let cell: Cell;
    if (typeof input === "string") {
      if (format === "@") cell = { value: input };
      else if (/^[+-]?\d+(\.\d+)?$/.test(input)) cell = { value: Number(input) };
      else if (/^[=+\-@]./.test(input)) cell = { value: "", formula: input.startsWith("=") ? input : `=${input}` };
      else cell = { value: input };
      void asFormula;
    } else if (typeof input === "number" || typeof input === "boolean") {
      cell = { value: format === "@" ? String(input).toUpperCase() === "TRUE" ? "TRUE" : String(input) : input };
    } else throw new OfficeError("InvalidArgument");
    s.cells.set(k, { ...cell, ...keep });
  }

  usedArea(s: SheetState): Area | null {
    let a: Area | null = null;
    for (const [k, cell] of s.cells) {
      if (cell.value === "" && !cell.formula) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (!a) a = { top: r, left: c, bottom: r, right: c };
      else {
        a.top = Math.min(a.top, r);
        a.left = Math.min(a.left, c);
        a.bottom = Math.max(a.bottom, r);
        a.right = Math.max(a.right, c);
      }
    }
    return a;
  }

  /** Fires an event on a sheet's handlers, as Excel does after a change or a selection. */
  async fire(sheet: string, event: "changed" | "selectionChanged", args: any): Promise<void> {
    for (const h of this.handlers) {
      if (!h.removed && h.event === event && h.sheet.toLowerCase() === sheet.toLowerCase()) await h.fn({ worksheetId: sheet, ...args });
    }
  }

  /** The fake `Excel.run`. */
  run = async <T>(a: any, b?: any): Promise<T> => {
    const batch: (ctx: any) => Promise<T> = b ?? a;
    const context = b ? a : new FakeContext(this);
    return batch(context);
  };
}

/** A proxy property: throws when read before load + sync, like Office.js. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected requested = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}

  protected get$(name: string): any {
    if (!this.loaded.has(name)) {
      throw new OfficeError("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name);
  }

  protected loadWith(props: string | undefined, fetch: (name: string) => unknown) {
    const names = (props ?? "").split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.queue(`load ${names.join(",")}`, () => {
      for (const n of names) this.loaded.set(n, fetch(n));
    });
  }
}

export class FakeContext {
  readonly workbook: any;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => this.queue("suspendCalculation", () => this.state.suspendCalls++),
  };
  private ops: { text: string; fn: () => void }[] = [];

  constructor(readonly state: FakeWorkbook) {
    this.workbook = {
      worksheets: new WorksheetCollection(this),
      tables: new TableCollection(this, null),
    };
  }

  queue(text: string, fn: () => void) {
    this.ops.push({ text, fn });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.state.syncs++;
    if (this.state.editMode) {
      throw new OfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    const bytes = ops.reduce((n, o) => n + o.text.length, 0);
    this.state.maxRequestBytes = Math.max(this.state.maxRequestBytes, bytes);
    for (const op of ops) {
      this.state.log.push(op.text.length > 200 ? op.text.slice(0, 200) : op.text);
      op.fn();
    }
  }
}

class WorksheetCollection extends Loadable {
  items: Worksheet[] = [];
  load(props?: string) {
    this.ctx.queue("worksheets.load", () => {
      this.items = this.ctx.state.sheets.map((s) => {
        const ws = new Worksheet(this.ctx, () => s);
        ws.fill(s);
        return ws;
      });
    });
    void props;
    return this;
  }
  getItem(name: string) {
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new OfficeError("ItemNotFound", `sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string) {
    return new Worksheet(this.ctx, () => this.ctx.state.sheet(name) ?? null);
  }
  add(name: string) {
    let created: SheetState | null = null;
    this.ctx.queue(`worksheets.add ${name}`, () => {
      created = this.ctx.state.addSheet(name);
    });
    return new Worksheet(this.ctx, () => created);
  }
}

class Worksheet extends Loadable {
  readonly protection: Protection;
  readonly freezePanes: any;
  readonly pageLayout: any;
  readonly tables: TableCollection;
  readonly onChanged: any;
  readonly onSelectionChanged: any;
  readonly notes: any;
  readonly charts: ChartCollection;
  readonly horizontalPageBreaks: any;

  constructor(
    ctx: FakeContext,
    readonly ref: () => SheetState | null,
  ) {
    super(ctx);
    const s = () => this.must();
    this.protection = new Protection(ctx, s);
    const q = (t: string, fn: () => void) => ctx.queue(t, fn);
    this.freezePanes = {
      freezeRows: (n: number) => q(`freezeRows ${n}`, () => (s().frozen = { kind: "rows", arg: n })),
      freezeColumns: (n: number) => q(`freezeColumns ${n}`, () => (s().frozen = { kind: "columns", arg: n })),
      freezeAt: (r: string) => q(`freezeAt ${r}`, () => (s().frozen = { kind: "at", arg: r })),
    };
    const layout: Record<string, any> = {
      setPrintTitleRows: (rows: string) => q(`setPrintTitleRows ${rows}`, () => (s().pageLayout.printTitleRows = rows)),
      setPrintTitleColumns: (columns: string) =>
        q(`setPrintTitleColumns ${columns}`, () => (s().pageLayout.printTitleColumns = columns)),
    };
    const margins = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"];
    for (const p of ["orientation", "paperSize", "zoom", ...margins]) {
      Object.defineProperty(layout, p, { set: (v) => q(`pageLayout.${p}`, () => (s().pageLayout[p] = v)) });
    }
    const pages: Record<string, any> = {};
    for (const part of ["Header", "Footer"]) {
      for (const side of ["left", "center", "right"]) {
        const p = `${side}${part}`;
        Object.defineProperty(pages, p, { set: (v) => q(`headersFooters.${p}`, () => (s().pageLayout[p] = v)) });
      }
    }
    layout.headersFooters = { defaultForAllPages: pages };
    this.pageLayout = layout;
    this.tables = new TableCollection(ctx, s);
    const events = (event: "changed" | "selectionChanged") => ({
      add: (fn: (args: any) => unknown) => {
        const handler = { sheet: "", event, fn, removed: false };
        q(`on${event}.add`, () => {
          handler.sheet = s().name;
          ctx.state.handlers.push(handler);
        });
        return { context: ctx, remove: () => q(`on${event}.remove`, () => (handler.removed = true)) };
      },
    });
    this.onChanged = events("changed");
    this.onSelectionChanged = events("selectionChanged");
    this.notes = { add: (address: string, text: string) => q(`notes.add ${address}`, () => s().notes.push({ address, text })) };
    this.charts = new ChartCollection(ctx, s);
    this.horizontalPageBreaks = {
      add: (at: string) => q(`horizontalPageBreaks.add ${at}`, () => s().rowBreaks.push(at)),
    };
  }

  must(): SheetState {
    const s = this.ref();
    if (!s) throw new OfficeError("ItemNotFound", "worksheet");
    return s;
  }

  fill(s: SheetState) {
    this.loaded.set("name", s.name);
    this.loaded.set("position", this.ctx.state.sheets.indexOf(s));
    this.loaded.set("visibility", s.visibility);
  }

  get isNullObject(): boolean {
    return this.get$("isNullObject");
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.ctx.queue(`worksheet.name=${v}`, () => {
      if (this.ctx.state.sheets.some((x) => x !== this.must() && x.name.toLowerCase() === v.toLowerCase())) throw new OfficeError("ItemAlreadyExists");
      this.must().name = v;
    });
  }
  get position(): number {
    return this.get$("position");
  }
  set position(v: number) {
    this.ctx.queue(`worksheet.position=${v}`, () => {
      const list = this.ctx.state.sheets;
      const s = this.must();
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(v, list.length), 0, s);
    });
  }
  set visibility(v: string) {
    this.ctx.queue(`worksheet.visibility=${v}`, () => (this.must().visibility = v));
  }
  set tabColor(v: string) {
    this.ctx.queue(`worksheet.tabColor=${v}`, () => (this.must().tabColor = v));
  }
  load(props?: string) {
    this.ctx.queue(`worksheet.load ${props}`, () => {
      const s = this.ref();
      this.loaded.set("isNullObject", !s);
      if (s) this.fill(s);
    });
    return this;
  }
  delete() {
    this.ctx.queue("worksheet.delete", () => {
      const s = this.must();
      const st = this.ctx.state;
      if (st.sheets.length === 1) throw new OfficeError("InvalidOperation", "cannot delete the last sheet");
      st.sheets = st.sheets.filter((x) => x !== s);
      st.tables = st.tables.filter((t) => t.sheet !== s);
    });
  }
  activate() {
    this.ctx.queue("worksheet.activate", () => (this.ctx.state.activeSheet = this.must().name));
  }
  getRange(address: string) {
    return new Range(this.ctx, () => ({ sheet: this.must(), area: parseArea(address) }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean) {
    void valuesOnly;
    return new Range(this.ctx, () => {
      const s = this.must();
      const a = this.ctx.state.usedArea(s);
      return a ? { sheet: s, area: a } : null;
    });
  }
}

class Protection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.get$("protected");
  }
  get options(): any {
    return this.get$("options");
  }
  load(props?: string) {
    this.loadWith(props, (n) => (n === "protected" ? this.sheet().protected : this.sheet().protectionOptions));
    return this;
  }
  protect(options?: any) {
    this.ctx.queue(`protect ${JSON.stringify(options ?? {})}`, () => {
      const s = this.sheet();
      if (s.protected) throw new OfficeError("InvalidOperation", "The worksheet is already protected.");
      s.protected = true;
      s.protectionOptions = options ?? {};
    });
  }
  unprotect() {
    this.ctx.queue("unprotect", () => {
      const s = this.sheet();
      if (!s.protected) throw new OfficeError("InvalidOperation", "The worksheet is not protected.");
      s.protected = false;
    });
  }
}

type RangeRef = () => { sheet: SheetState; area: Area } | null;

class Range extends Loadable {
  readonly format: any;
  readonly dataValidation: any;
  readonly conditionalFormats: any;

  constructor(
    ctx: FakeContext,
    readonly ref: RangeRef,
  ) {
    super(ctx);
    const r = () => this.must();
    const q = (t: string, fn: () => void) => ctx.queue(t, fn);
    const font: any = {};
    for (const p of ["bold", "size", "color"]) {
      Object.defineProperty(font, p, {
        set: (v) =>
          q(`font.${p}`, () => {
            const { sheet, area } = r();
            if (p === "bold") sheet.bold.add(a1(area));
          }),
      });
    }
    const format: any = { font };
    Object.defineProperty(format, "columnWidth", {
      set: (v: number) => q(`columnWidth=${v}`, () => r().sheet.columnWidths.set(r().area.left, v)),
    });
    Object.defineProperty(format, "wrapText", {
      set: (v: boolean) => q("wrapText", () => (v ? r().sheet.wrap.add(r().area.left) : undefined)),
    });
    Object.defineProperty(format, "horizontalAlignment", {
      set: (v: string) => q("horizontalAlignment", () => (v === "Right" ? r().sheet.right.add(a1(r().area)) : undefined)),
    });
    Object.defineProperty(format, "verticalAlignment", { set: () => q("verticalAlignment", () => undefined) });
    this.format = format;
    const dv: any = {};
    for (const part of ["prompt", "rule", "errorAlert", "ignoreBlanks"] as const) {
      Object.defineProperty(dv, part, {
        set: (value) =>
          q(`dataValidation.${part}`, () => {
            const { sheet, area } = r();
            sheet.validations.push({ range: a1(area), part, value });
          }),
      });
    }
    this.dataValidation = dv;
    this.conditionalFormats = {
      add: (type: string) => {
        const rec: SheetState["conditionalFormats"][number] = { range: "", type };
        q(`conditionalFormats.add ${type}`, () => {
          const { sheet, area } = r();
          rec.range = a1(area);
          sheet.conditionalFormats.push(rec);
        });
        const rule: any = {};
        Object.defineProperty(rule, "formula", { set: (v: string) => q("cf.formula", () => (rec.formula = v)) });
        const fill: any = {};
        Object.defineProperty(fill, "color", { set: (v: string) => q("cf.fill", () => (rec.fill = v)) });
        const cfFont: any = {};
        Object.defineProperty(cfFont, "color", { set: (v: string) => q("cf.font", () => (rec.font = v)) });
        return { custom: { rule, format: { fill, font: cfFont } } };
      },
    };
  }

  must() {
    const x = this.ref();
    if (!x) throw new OfficeError("ItemNotFound", "range");
    return x;
  }

  get isNullObject(): boolean {
    return this.get$("isNullObject");
  }
  get values(): any[][] {
    return this.get$("values");
  }
  get address(): string {
    return this.get$("address");
  }
  get rowCount(): number {
    return this.get$("rowCount");
  }
  get columnCount(): number {
    return this.get$("columnCount");
  }
  get numberFormat(): any[][] {
    return this.get$("numberFormat");
  }

  private grid(input: unknown, name: string): (r: number, c: number) => unknown {
    const { area } = this.must();
    if (!Array.isArray(input)) return () => input; // one value for all cells
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    if (input.length !== rows || input.some((row: unknown[]) => !Array.isArray(row) || row.length !== cols)) {
      throw new OfficeError("InvalidArgument", `${name}: the array does not match the size of the range`);
    }
    return (r, c) => (input as unknown[][])[r - area.top]![c - area.left];
  }

  private setCells(name: string, input: unknown, asFormula: boolean) {
    this.ctx.queue(`range.${name} ${JSON.stringify(input)}`, () => {
      const { sheet, area } = this.must();
      const at = this.grid(input, name);
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) this.ctx.state.write(sheet, r, c, at(r, c), asFormula);
    });
  }

  set values(v: any[][]) {
    this.setCells("values", v, false);
  }
  set formulas(v: any[][]) {
    this.setCells("formulas", v, true);
  }
  set numberFormat(v: any[][]) {
    this.ctx.queue(`range.numberFormat ${JSON.stringify(v)}`, () => {
      const { sheet, area } = this.must();
      if (!Array.isArray(v)) {
        if (area.top === 1 && area.bottom === 1048576) {
          for (let c = area.left; c <= area.right; c++) sheet.columnFormats.set(c, v as unknown as string);
          return;
        }
      }
      const at = this.grid(v, "numberFormat");
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const f = at(r, c);
          if (f !== null && f !== undefined) this.ctx.state.setFormat(sheet, r, c, String(f));
        }
    });
  }

  load(props?: string) {
    this.ctx.queue(`range.load ${props}`, () => {
      const x = this.ref();
      this.loaded.set("isNullObject", !x);
      if (!x) return;
      const { sheet, area } = x;
      const rows: unknown[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: unknown[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(sheet.cells.get(key(r, c))?.value ?? "");
        rows.push(row);
      }
      this.loaded.set("values", rows);
      this.loaded.set("address", `${quote(sheet.name)}!${a1(area)}`);
      this.loaded.set("rowCount", area.bottom - area.top + 1);
      this.loaded.set("columnCount", area.right - area.left + 1);
    });
    void props;
    return this;
  }

  getCell(row: number, column: number) {
    return new Range(this.ctx, () => {
      const { sheet, area } = this.must();
      const r = area.top + row;
      const c = area.left + column;
      return { sheet, area: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getRow(row: number) {
    return new Range(this.ctx, () => {
      const { sheet, area } = this.must();
      return { sheet, area: { ...area, top: area.top + row, bottom: area.top + row } };
    });
  }

  getIntersectionOrNullObject(other: Range) {
    return new Range(this.ctx, () => {
      const a = this.must();
      const b = other.must();
      if (a.sheet !== b.sheet) return null;
      const area = {
        top: Math.max(a.area.top, b.area.top),
        left: Math.max(a.area.left, b.area.left),
        bottom: Math.min(a.area.bottom, b.area.bottom),
        right: Math.min(a.area.right, b.area.right),
      };
      return area.top > area.bottom || area.left > area.right ? null : { sheet: a.sheet, area };
    });
  }

  /** Deletes the cells and moves the cells below up, shrinking a table that held them (as Excel does). */
  delete(shift: string) {
    this.ctx.queue(`range.delete ${shift}`, () => {
      if (shift !== "Up") throw new OfficeError("NotImplemented", "fake deletes upwards only");
      const { sheet, area } = this.must();
      if (sheet.protected) throw new OfficeError("AccessDenied", `sheet ${sheet.name} is protected`);
      const n = area.bottom - area.top + 1;
      const kept = new Map<string, Cell>();
      for (const [k, cell] of sheet.cells) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        if (c < area.left || c > area.right || r < area.top) kept.set(k, cell);
        else if (r > area.bottom) kept.set(key(r - n, c), cell);
      }
      sheet.cells.clear();
      for (const [k, cell] of kept) sheet.cells.set(k, cell);
      for (const t of this.ctx.state.tables) {
        const holds = t.sheet === sheet && t.area.top < area.top && t.area.bottom >= area.bottom;
        if (holds && t.area.left >= area.left && t.area.right <= area.right)
          t.area = { ...t.area, bottom: t.area.bottom - n };
        else if (holds) throw new OfficeError("InvalidOperation", "a delete that cuts a table's columns");
      }
    });
  }

  /** Clears the contents (values and formulas), keeping the formats. */
  clear(applyTo: string) {
    this.ctx.queue(`range.clear ${applyTo}`, () => {
      if (applyTo !== "Contents") throw new OfficeError("NotImplemented", "fake clears contents only");
      const { sheet, area } = this.must();
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) this.ctx.state.write(sheet, r, c, "", false);
    });
  }

  select() {
    this.ctx.queue("range.select", () => {
      const { sheet, area } = this.must();
      this.ctx.state.selection = `${sheet.name}!${a1(area)}`;
    });
  }
}

class TableCollection extends Loadable {
  items: Table[] = [];
  constructor(
    ctx: FakeContext,
    private readonly sheet: (() => SheetState) | null,
  ) {
    super(ctx);
  }
  load(props?: string) {
    this.ctx.queue("tables.load", () => {
      this.items = this.ctx.state.tables
        .filter((t) => !this.sheet || t.sheet === this.sheet())
        .map((t) => {
          const table = new Table(this.ctx, () => t);
          table.loadNow();
          return table;
        });
    });
    void props;
    return this;
  }
  getItem(name: string) {
    return new Table(this.ctx, () => {
      const t = this.ctx.state.table(name);
      if (!t) throw new OfficeError("ItemNotFound", `table ${name}`);
      return t;
    });
  }
  getItemOrNullObject(name: string) {
    return new Table(this.ctx, () => this.ctx.state.table(name) ?? null);
  }
  add(address: string, hasHeaders: boolean) {
    let created: TableState | null = null;
    this.ctx.queue(`tables.add ${address} ${hasHeaders}`, () => {
      const sheet = this.sheet!();
      const area = parseArea(address);
      if (this.ctx.state.tables.some((t) => t.sheet === sheet && !(t.area.bottom < area.top || t.area.top > area.bottom || t.area.right < area.left || t.area.left > area.right))) {
        throw new OfficeError("InvalidOperation", "tables overlap");
      }
      created = { name: this.ctx.state.nextTableName(), sheet, area };
      this.ctx.state.tables.push(created);
    });
    return new Table(this.ctx, () => created);
  }
}

class Table extends Loadable {
  readonly rows: any;
  readonly worksheet: Worksheet;

  constructor(
    ctx: FakeContext,
    readonly ref: () => TableState | null,
  ) {
    super(ctx);
    this.worksheet = new Worksheet(ctx, () => this.must().sheet);
    this.rows = {
      add: (index?: number | null, values?: unknown[][]) => {
        let top = 0;
        const row = { getRange: () => new Range(ctx, () => ({ sheet: this.must().sheet, area: { ...this.must().area, top, bottom: top } })) };
        ctx.queue(`rows.add ${JSON.stringify(values ?? null)}`, () => {
          const t = this.must();
          if (index !== undefined && index !== null) throw new OfficeError("NotImplemented", "fake adds at the end only");
          if (t.sheet.protected) throw new OfficeError("AccessDenied", "protected");
          top = t.area.bottom + 1;
          t.area = { ...t.area, bottom: top };
          const v = values?.[0];
          if (v) v.forEach((x, j) => ctx.state.write(t.sheet, top, t.area.left + j, x, false));
        });
        return row;
      },
    };
  }

  must(): TableState {
    const t = this.ref();
    if (!t) throw new OfficeError("ItemNotFound", "table");
    return t;
  }
  loadNow() {
    const t = this.must();
    this.loaded.set("name", t.name);
    this.loaded.set("isNullObject", false);
  }
  get isNullObject(): boolean {
    return this.get$("isNullObject");
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.ctx.queue(`table.name=${v}`, () => {
      if (this.ctx.state.tables.some((t) => t !== this.must() && t.name.toLowerCase() === v.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `table ${v}`);
      this.must().name = v;
    });
  }
  set style(v: string) {
    this.ctx.queue(`table.style=${v}`, () => (this.must().style = v));
  }
  set showFilterButton(v: boolean) {
    this.ctx.queue(`table.showFilterButton=${v}`, () => (this.must().showFilterButton = v));
  }
  load(props?: string) {
    this.ctx.queue(`table.load ${props}`, () => {
      const t = this.ref();
      this.loaded.set("isNullObject", !t);
      if (t) this.loaded.set("name", t.name);
    });
    return this;
  }
  getRange() {
    return new Range(this.ctx, () => ({ sheet: this.must().sheet, area: this.must().area }));
  }
  getHeaderRowRange() {
    return new Range(this.ctx, () => {
      const t = this.must();
      return { sheet: t.sheet, area: { ...t.area, bottom: t.area.top } };
    });
  }
  getDataBodyRange() {
    return new Range(this.ctx, () => {
      const t = this.must();
      return { sheet: t.sheet, area: { ...t.area, top: t.area.top + 1 } };
    });
  }
}

/** The address a fake Range was made from, as the host gave it (Ranges of the fake know only their area). */
const rangeAddress = (range: any): string => {
  const ref = range.ref?.();
  if (!ref) throw new OfficeError("InvalidArgument", "range");
  return a1(ref.area);
};

class ChartCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  add(type: string, source: any, seriesBy: string) {
    let created: ChartState | null = null;
    this.ctx.queue(`charts.add ${type}`, () => {
      const values = rangeAddress(source);
      const sheet = this.sheet();
      created = {
        type,
        seriesBy,
        name: `Diagramm ${sheet.charts.length + 1}`,
        legend: {},
        series: [{ name: "Datenreihe1", values }],
        axes: {},
      };
      sheet.charts.push(created);
    });
    return new Chart(this.ctx, () => created);
  }
}

class Chart extends Loadable {
  readonly title: any;
  readonly legend: any;
  readonly series: any;
  readonly axes: any;
  readonly format: any;
  constructor(
    ctx: FakeContext,
    private readonly ref: () => ChartState | null,
  ) {
    super(ctx);
    const c = () => {
      const chart = this.ref();
      if (!chart) throw new OfficeError("ItemNotFound", "chart");
      return chart;
    };
    const q = (t: string, fn: () => void) => ctx.queue(t, fn);
    this.title = {};
    Object.defineProperty(this.title, "text", { set: (v) => q("chart.title", () => (c().title = v)) });
    Object.defineProperty(this.title, "visible", { set: () => q("chart.title.visible", () => undefined) });
    const axis = (which: string) => {
      const props: any = {};
      for (const p of ["categoryType", "baseTimeUnit", "majorTimeUnitScale", "majorUnit", "minimum", "numberFormat"]) {
        Object.defineProperty(props, p, {
          set: (v) => q(`chart.axes.${which}.${p}`, () => ((c().axes[which] ??= {})[p] = v)),
        });
      }
      return props;
    };
    this.axes = { categoryAxis: axis("categoryAxis"), valueAxis: axis("valueAxis") };
    const font: any = {};
    Object.defineProperty(font, "size", { set: (v: number) => q("chart.font.size", () => (c().fontSize = v)) });
    this.format = { font };
    this.legend = {};
    for (const p of ["visible", "position"] as const) {
      Object.defineProperty(this.legend, p, { set: (v) => q(`chart.legend.${p}`, () => (c().legend[p] = v)) });
    }
    const seriesAt = (get: () => SeriesState) => {
      const set = (p: keyof SeriesState) => (v: string) => q(`series.${p}`, () => (get()[p] = v));
      const line: any = {};
      Object.defineProperty(line, "color", { set: set("line") });
      Object.defineProperty(line, "lineStyle", { set: set("lineStyle") });
      const series: any = {
        setValues: (r: any) => q("series.setValues", () => (get().values = rangeAddress(r))),
        setXAxisValues: (r: any) => q("series.setXAxisValues", () => (get().categories = rangeAddress(r))),
        format: { fill: { setSolidColor: (v: string) => q("series.fill", () => (get().fill = v)) }, line },
      };
      for (const p of ["name", "markerStyle"] as const) Object.defineProperty(series, p, { set: set(p) });
      for (const p of ["markerBackgroundColor", "markerForegroundColor"])
        Object.defineProperty(series, p, { set: (v) => q(`series.${p}`, () => void v) });
      return series;
    };
    this.series = {
      getItemAt: (i: number) =>
        seriesAt(() => {
          const s = c().series[i];
          if (!s) throw new OfficeError("ItemNotFound", `series ${i}`);
          return s;
        }),
      add: (name: string) => {
        let created: SeriesState | null = null;
        q("series.add", () => {
          created = { name, values: "" };
          c().series.push(created);
        });
        return seriesAt(() => created!);
      },
    };
  }
  set name(v: string) {
    this.ctx.queue(`chart.name=${v}`, () => (this.ref()!.name = v));
  }
  setPosition(start: string, end: string) {
    this.ctx.queue("chart.setPosition", () => (this.ref()!.position = { start, end }));
  }
  set displayBlanksAs(v: string) {
    this.ctx.queue(`chart.displayBlanksAs=${v}`, () => (this.ref()!.displayBlanksAs = v));
  }
}
