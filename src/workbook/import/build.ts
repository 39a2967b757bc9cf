/**
 * A city's own measure list, mapped (./mapping.ts), as the rows of a contract workbook: Maßnahmen with
 * their extra columns, Handlungsfelder, Ziele, Indikatoren and Akteure from the distinct values, Sachstände
 * from per-period columns, and a note for every value that was not understood or was read as something
 * else (for the sheet Übernahme). Pure.
 */
import { type CellValue, type DateParse, type IsoDate, formatGermanDate, parseGermanDate } from "../../domain/dates";
import { FINANZIERUNG_VALUES, PRIORITAET_VALUES, STATUS_VALUES } from "../../domain/model";
import { formatGermanNumber, parseGermanNumber } from "../../domain/numbers";
import { idKey, matchListValue, nextFreeId, normalizeLabel, referenceLabel, textOf } from "../../domain/values";
import { MASSNAHMEN } from "../contract";
import { columnLetter } from "../read";
import { type ImportGrid, type ImportMapping, cellReader, fieldLabel, headerKey } from "./mapping";
import { AMPEL_SYNONYMS, type ImportField, INTERNAL_UNIT, SECTION_PREFIX, STATUS_SYNONYMS } from "./synonyms";

/** A value of the list that was not understood, or was read as something else; `cell` is its address. */
export interface ImportNote {
  cell: string;
  value: string;
  message: string;
}

/** One Sachstand from a per-period column, as plain data. */
export interface SachstandImport {
  massnahme: string;
  /** The period's last day. */
  berichtsstichtag: IsoDate;
  status?: string;
  ampel?: string;
  sachstand: string;
  /** The source cells. */
  cells: string[];
}

export type Row = Record<string, CellValue>;

export interface ImportResult {
  sheet: string;
  mapping: ImportMapping;
  handlungsfelder: Row[];
  ziele: Row[];
  indikatoren: Row[];
  akteure: Row[];
  massnahmen: Row[];
  /** Columns not understood, after the contract's columns of Maßnahmen; row values under `key`. */
  extraColumns: { key: string; header: string; column: number }[];
  sachstaende: SachstandImport[];
  notes: ImportNote[];
  /** Source rows taken as measures. */
  rows: number[];
}

const address = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** Distinct names (trimmed, case- and spacing-insensitive) with new IDs in order of first appearance. */
class Distinct {
  readonly entries: { id: string; name: string; scope: string; row: Row }[] = [];
  private readonly byKey = new Map<string, Distinct["entries"][number]>();

  constructor(
    private readonly prefix: string,
    private readonly digits: number,
  ) {}

  /** The entry for a name; `variant` is set when the name was spelled differently before. */
  get(
    name: string,
    scope = "",
    make: (id: string, name: string) => Row,
  ): { id: string; name: string; variant: boolean } {
    const key = `${scope}\u0000${name.replace(/\s+/g, " ").trim().toLowerCase()}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      const id = `${this.prefix}-${String(this.entries.length + 1).padStart(this.digits, "0")}`;
      const clean = name.replace(/\s+/g, " ").trim();
      entry = { id, name: clean, scope, row: make(id, clean) };
      this.entries.push(entry);
      this.byKey.set(key, entry);
    }
    return { id: entry.id, name: entry.name, variant: entry.name !== name.trim() };
  }
}

/** `FB 50 / Jobcenter` → [`FB 50`, `Jobcenter`]; `FB 50/51` stays one (a slash between digits). */
export function splitActors(text: string, commas: boolean): string[] {
  const separator = commas ? /\s*(?:[;\n,]|\/(?!\s*\d)|(?<!\d)\s*\/)\s*/ : /\s*(?:[;\n]|\/(?!\s*\d)|(?<!\d)\s*\/)\s*/;
  return text
    .split(separator)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s !== "");
}

/** The first day of what a date text names (Beginn: `2025` is 01.01.2025). */
function firstDay(parse: Extract<DateParse, { kind: "date" }>): IsoDate {
  const [y, m] = parse.date.split("-");
  const back = { day: 0, month: 0, quarter: 2, half: 5, year: 11 }[parse.precision];
  if (parse.precision === "day") return parse.date;
  return `${y}-${String(Number(m) - back).padStart(2, "0")}-01`;
}

const PRECISION_TEXT = {
  day: "",
  month: " (letzter Tag des Monats)",
  quarter: " (letzter Tag des Quartals)",
  half: " (letzter Tag des Halbjahrs)",
  year: " (letzter Tag des Jahres)",
};

interface Context {
  notes: ImportNote[];
  note(row: number, column: number, value: CellValue, message: string): void;
}

function readFrist(ctx: Context, row: number, column: number, raw: CellValue): { frist: CellValue; beginn?: IsoDate } {
  const text = textOf(raw);
  const parsed = parseGermanDate(raw);
  if (parsed.kind === "empty") return { frist: null };
  if (parsed.kind === "date") {
    if (text !== formatGermanDate(parsed.date)) {
      ctx.note(
        row,
        column,
        raw,
        `als Frist ${formatGermanDate(parsed.date)} gelesen${PRECISION_TEXT[parsed.precision]}`,
      );
    }
    return { frist: parsed.date };
  }
  if (parsed.kind === "invalid") {
    const range = /^(.+?)\s*(?:–|—|-|\bbis\b)\s*(.+)$/i.exec(text);
    const start = range ? parseGermanDate(range[1]!) : null;
    const end = range ? parseGermanDate(range[2]!) : null;
    if (start?.kind === "date" && end?.kind === "date" && start.date <= end.date) {
      const beginn = firstDay(start);
      ctx.note(
        row,
        column,
        raw,
        `als Zeitraum gelesen: Beginn ${formatGermanDate(beginn)}, Frist ${formatGermanDate(end.date)}`,
      );
      return { frist: end.date, beginn };
    }
    ctx.note(row, column, raw, "nicht als Datum verstanden; steht unverändert in der Frist");
  } else {
    ctx.note(row, column, raw, "ist kein Termin; steht unverändert in der Frist, bitte ein Datum eintragen");
  }
  return { frist: text };
}

function readBeginn(ctx: Context, row: number, column: number, raw: CellValue): CellValue {
  // `ab 2025` names no deadline, but it does name a beginning.
  const parsed = parseGermanDate(typeof raw === "string" ? raw.replace(/^\s*(?:ab|seit)\s+/i, "") : raw);
  if (parsed.kind === "empty") return null;
  if (parsed.kind === "date") {
    const day = firstDay(parsed);
    if (textOf(raw) !== formatGermanDate(day))
      ctx.note(row, column, raw, `als Beginn ${formatGermanDate(day)} gelesen`);
    return day;
  }
  ctx.note(row, column, raw, "nicht als Datum verstanden; steht unverändert im Beginn");
  return textOf(raw);
}

function readNumber(ctx: Context, row: number, column: number, raw: CellValue, label: string): CellValue {
  const parsed = parseGermanNumber(raw);
  if (parsed.kind === "empty") return null;
  if (parsed.kind === "number") {
    if (textOf(raw) !== String(parsed.value))
      ctx.note(row, column, raw, `als ${label} ${formatGermanNumber(parsed.value)} gelesen`);
    return parsed.value;
  }
  ctx.note(row, column, raw, `nicht als Zahl verstanden; steht unverändert in „${label}“`);
  return textOf(raw);
}

const STATUS_KEYS = new Map(Object.entries(STATUS_SYNONYMS).map(([k, v]) => [headerKey(k), v]));
const AMPEL_KEYS = new Map(Object.entries(AMPEL_SYNONYMS).map(([k, v]) => [headerKey(k), v]));

/** A status word as the contract's Status, or null. */
export function statusOf(value: CellValue): string | null {
  return matchListValue(value, STATUS_VALUES) ?? STATUS_KEYS.get(headerKey(textOf(value))) ?? null;
}

function readList(ctx: Context, row: number, column: number, raw: CellValue, field: ImportField): CellValue {
  const text = textOf(raw);
  if (text === "") return null;
  const label = fieldLabel(field);
  const known =
    field === "status"
      ? statusOf(raw)
      : matchListValue(raw, field === "prioritaet" ? PRIORITAET_VALUES : FINANZIERUNG_VALUES);
  if (known === null) {
    ctx.note(row, column, raw, `kein Wert der Liste „${label}“; steht unverändert dort`);
    return text;
  }
  if (known !== text) ctx.note(row, column, raw, `als ${label} „${known}“ gelesen`);
  return known;
}

/** Text as the user wrote it: trimmed, line breaks kept; dates and numbers as they show. */
function plainText(raw: CellValue): string {
  return typeof raw === "string" ? raw.trim() : textOf(raw);
}

/** A row that only names a section (`Handlungsfeld 1: Bildung`, merged across the table), not a measure. */
function sectionText(
  grid: ImportGrid,
  row: number,
  filled: { column: number; value: CellValue }[],
  firstColumn: number,
  titleColumn?: number,
): string | null {
  if (filled.length !== 1) return null;
  const { column, value } = filled[0]!;
  const merged = grid.merges.some((m) => m.top === row && m.left === column && m.right > m.left);
  // Unmerged, only a text in the first column is a section; elsewhere it is a measure with one value.
  if (!merged && (column === titleColumn || column !== firstColumn)) return null;
  if (typeof value !== "string") return null;
  return value.replace(/\s+/g, " ").trim().replace(SECTION_PREFIX, "") || null;
}

type Reader = (row: number, column: number) => CellValue;

/** One source cell of a field: its column (0 when the list has none) and value. */
interface SourceCell {
  column: number;
  raw: CellValue;
}

/** Builds the rows; each method fills one part of a measure and notes what it read differently. */
class ImportBuilder {
  readonly notes: ImportNote[] = [];
  readonly ctx: Context = {
    notes: this.notes,
    note: (row, column, value, message) =>
      this.notes.push({ cell: address(row, column), value: textOf(value), message }),
  };
  readonly read: Reader;
  readonly fieldColumn = new Map<ImportField, number>();
  readonly hf = new Distinct("HF", 2);
  readonly ziele = new Distinct("Z", 2);
  readonly indikatoren = new Distinct("I", 3);
  readonly akteure = new Distinct("A", 2);

  constructor(
    readonly grid: ImportGrid,
    readonly mapping: ImportMapping,
  ) {
    this.read = cellReader(grid, mapping.headerBottom);
    for (const c of mapping.columns) if (c.target.kind === "field") this.fieldColumn.set(c.target.field, c.column);
  }

  cell(row: number, field: ImportField): SourceCell {
    const column = this.fieldColumn.get(field);
    return column === undefined ? { column: 0, raw: null } : { column, raw: this.read(row, column) };
  }

  /** Title rows above the header are not data; they are named so that nothing of the list goes unmentioned. */
  noteTitleRows(): void {
    for (let row = 1; row < this.mapping.headerTop; row++) {
      (this.grid.rows[row - 1] ?? []).forEach((value, i) => {
        if (textOf(value) !== "") this.ctx.note(row, i + 1, value, "über der Kopfzeile; nicht übernommen");
      });
    }
  }

  /** The rows that are measures, each with the section (Handlungsfeld) it stands under. */
  measureRows(): { row: number; section: string | null }[] {
    const out: { row: number; section: string | null }[] = [];
    let section: string | null = null;
    const first = this.mapping.columns[0]?.column ?? 1;
    for (let row = this.mapping.headerBottom + 1; row <= this.grid.rows.length; row++) {
      const filled = this.mapping.columns
        .map((c) => ({ column: c.column, value: this.read(row, c.column) }))
        .filter((c) => textOf(c.value) !== "");
      if (filled.length === 0) continue;
      const text = sectionText(this.grid, row, filled, first, this.fieldColumn.get("titel"));
      if (text === null) {
        out.push({ row, section });
        continue;
      }
      const { column, value } = filled[0]!;
      if (this.fieldColumn.has("handlungsfeld"))
        this.ctx.note(row, column, value, "Zeile ohne Maßnahme; nicht übernommen");
      else {
        section = text;
        this.ctx.note(row, column, value, `als Handlungsfeld „${text}“ der folgenden Maßnahmen gelesen`);
      }
    }
    return out;
  }

  /** Handlungsfeld, Ziel and Indikator as references to rows built from the distinct values. */
  references(out: Row, row: number, section: string | null): void {
    const hfCell = this.cell(row, "handlungsfeld");
    const hfName = textOf(hfCell.raw) || section || "";
    let hfId = "";
    if (hfName) {
      const h = this.hf.get(hfName, "", (id, name) => ({ id, handlungsfeld: name }));
      hfId = h.id;
      out.handlungsfeld = referenceLabel(h.id, h.name);
      if (h.variant && hfCell.column) this.noteAs(row, hfCell, `als Handlungsfeld ${out.handlungsfeld} gelesen`);
    }
    const zielCell = this.cell(row, "ziel");
    let zielId = "";
    if (textOf(zielCell.raw)) {
      const z = this.ziele.get(textOf(zielCell.raw), hfId, (id, name) => ({ id, handlungsfeld: hfId, ziel: name }));
      zielId = z.id;
      out.ziel = referenceLabel(z.id, z.name);
      if (z.variant) this.noteAs(row, zielCell, `als Ziel ${out.ziel} gelesen`);
    }
    const indCell = this.cell(row, "indikatoren");
    if (textOf(indCell.raw)) {
      const ind = this.indikatoren.get(textOf(indCell.raw), "", (id, name) => ({ id, ziel: zielId, indikator: name }));
      out.indikatoren = ind.id;
      if (ind.variant) this.noteAs(row, indCell, `als Indikator ${referenceLabel(ind.id, ind.name)} gelesen`);
    }
  }

  private noteAs(row: number, cell: SourceCell, message: string): void {
    this.ctx.note(row, cell.column, cell.raw, message);
  }

  private actor(name: string, row: number, cell: SourceCell): string {
    const a = this.akteure.get(name, "", (id, clean) => {
      const internal = INTERNAL_UNIT.test(clean);
      return { id, bezeichnung: clean, fachbereich: internal ? clean : "", art: internal ? "intern" : "" };
    });
    if (a.variant) this.noteAs(row, cell, `„${name}“ als Akteur ${referenceLabel(a.id, a.name)} gelesen`);
    return referenceLabel(a.id, a.name);
  }

  /** Federführung: the first Stelle named; the others, and those of a Beteiligte column, are Beteiligte. */
  actors(out: Row, row: number): void {
    const lead = this.cell(row, "federfuehrung");
    const given = this.cell(row, "beteiligte");
    const leads = splitActors(textOf(lead.raw), false);
    const others = splitActors(textOf(given.raw), true);
    if (leads.length > 0) {
      out.federfuehrung = this.actor(leads[0]!, row, lead);
      if (leads.length > 1) {
        this.noteAs(row, lead, `aufgeteilt: Federführung „${leads[0]}“, Beteiligte „${leads.slice(1).join("“, „")}“`);
      }
    }
    const partners = [...leads.slice(1).map((n) => [n, lead] as const), ...others.map((n) => [n, given] as const)];
    if (partners.length === 0) return;
    out.beteiligte = [...new Set(partners.map(([name, c]) => this.actor(name, row, c)))].join("; ");
    if (others.length > 1) this.noteAs(row, given, `als Beteiligte ${out.beteiligte} gelesen`);
  }

  /** Texts as written; dates, amounts and list values as the contract reads them. */
  values(out: Row, row: number): void {
    for (const field of ["titel", "beschreibung", "zielgruppe", "zielwert", "bemerkung"] as const) {
      const { raw } = this.cell(row, field);
      if (textOf(raw) !== "") out[field] = plainText(raw);
    }
    const frist = this.cell(row, "frist");
    const f = readFrist(this.ctx, row, frist.column, frist.raw);
    if (f.frist !== null) out.frist = f.frist;
    const beginn = this.cell(row, "beginn");
    const b = readBeginn(this.ctx, row, beginn.column, beginn.raw) ?? f.beginn ?? null;
    if (b !== null) out.beginn = b;
    for (const [field, label] of [
      ["personal", "Personal (VZÄ)"],
      ["sachkosten", "Sachkosten (EUR)"],
    ] as const) {
      const c = this.cell(row, field);
      const v = readNumber(this.ctx, row, c.column, c.raw, label);
      if (v !== null) out[field] = v;
    }
    for (const field of ["status", "prioritaet", "finanzierung"] as const) {
      const c = this.cell(row, field);
      const v = readList(this.ctx, row, c.column, c.raw, field);
      if (v !== null) out[field] = v;
    }
  }

  /** Without a Status of its own, a measure takes the latest Status of its history. */
  statusFromHistory(out: Row, row: number, history: SachstandImport[]): void {
    const latest = history.filter((h) => h.status && statusOf(h.status)).at(-1);
    if (out.status !== undefined || !latest?.status) return;
    out.status = latest.status;
    this.notes.push({
      cell: `Zeile ${row}`,
      value: latest.status,
      message: `Status aus dem Sachstand zum ${formatGermanDate(latest.berichtsstichtag)} übernommen`,
    });
  }
}

/** The list as contract rows. */
export function buildImport(grid: ImportGrid, mapping: ImportMapping): ImportResult {
  const b = new ImportBuilder(grid, mapping);
  const extraColumns = extraColumnsOf(mapping);
  const periods = mapping.columns.filter((c) => c.target.kind === "period");
  b.noteTitleRows();
  const rows = b.measureRows();
  const ids = measureIds(
    b.ctx,
    rows.map((r) => r.row),
    b.fieldColumn.get("id"),
    b.read,
  );
  const massnahmen: Row[] = [];
  const sachstaende: SachstandImport[] = [];
  rows.forEach(({ row, section }, i) => {
    const out: Row = { id: ids[i]! };
    b.values(out, row);
    b.references(out, row, section);
    b.actors(out, row);
    for (const e of extraColumns) {
      const v = b.read(row, e.column);
      if (textOf(v) !== "") out[e.key] = v;
    }
    const history = sachstandRows(b.ctx, row, ids[i]!, periods, b.read);
    sachstaende.push(...history);
    b.statusFromHistory(out, row, history);
    massnahmen.push(out);
  });
  return {
    sheet: grid.sheet,
    mapping,
    handlungsfelder: b.hf.entries.map((e) => e.row),
    ziele: b.ziele.entries.map((e) => e.row),
    indikatoren: b.indikatoren.entries.map((e) => e.row),
    akteure: b.akteure.entries.map((e) => e.row),
    massnahmen,
    extraColumns,
    sachstaende,
    notes: b.notes,
    rows: rows.map((r) => r.row),
  };
}

/** Each measure's own number where it is unique, else the next free `M-001`. */
function measureIds(
  ctx: Context,
  rows: number[],
  column: number | undefined,
  read: (r: number, c: number) => CellValue,
): string[] {
  const own = rows.map((r) => (column === undefined ? "" : textOf(read(r, column))));
  const count = new Map<string, number>();
  for (const id of own) if (id) count.set(idKey(id), (count.get(idKey(id)) ?? 0) + 1);
  const taken = own.filter((id) => id && count.get(idKey(id)) === 1);
  return own.map((id, i) => {
    if (id && count.get(idKey(id)) === 1) return id;
    const next = nextFreeId(MASSNAHMEN.idPrefix!, MASSNAHMEN.idDigits!, taken);
    taken.push(next);
    if (id) ctx.note(rows[i]!, column!, id, `Nummer kommt mehrfach vor; die Maßnahme hat die ID ${next} bekommen`);
    return next;
  });
}

/** The Sachstände of one measure from the per-period columns, oldest first. */
function sachstandRows(
  ctx: Context,
  row: number,
  massnahme: string,
  periods: ImportMapping["columns"],
  read: (r: number, c: number) => CellValue,
): SachstandImport[] {
  const byDate = new Map<IsoDate, SachstandImport>();
  for (const c of periods) {
    if (c.target.kind !== "period") continue;
    const raw = read(row, c.column);
    const text = plainText(raw);
    if (text === "") continue;
    const entry = byDate.get(c.target.date) ?? { massnahme, berichtsstichtag: c.target.date, sachstand: "", cells: [] };
    entry.cells.push(address(row, c.column));
    if (c.target.aspect === "sachstand") entry.sachstand = text;
    if (c.target.aspect === "status") {
      const s = statusOf(raw);
      entry.status = s ?? text;
      if (!s) ctx.note(row, c.column, raw, "kein Status der Liste; steht unverändert im Sachstand");
      // A word of the list's own (`laufend`) read as a Status: the original is named, not only the Status.
      else if (s.toLowerCase() !== text.trim().toLowerCase()) ctx.note(row, c.column, raw, `als Status „${s}“ gelesen`);
    }
    if (c.target.aspect === "ampel") {
      const a = AMPEL_KEYS.get(headerKey(text));
      entry.ampel = a ?? text;
      if (!a) ctx.note(row, c.column, raw, "keine Ampelfarbe (grün, gelb, rot); steht unverändert im Sachstand");
      else if (a.toLowerCase() !== text.trim().toLowerCase()) ctx.note(row, c.column, raw, `als Ampel „${a}“ gelesen`);
    }
    byDate.set(c.target.date, entry);
  }
  for (const e of byDate.values()) {
    if (e.status === undefined && e.sachstand) {
      const s = statusOf(e.sachstand);
      if (s) e.status = s;
    }
  }
  return [...byDate.values()].sort((a, b) => (a.berichtsstichtag < b.berichtsstichtag ? -1 : 1));
}

/** Columns not understood, under their own header (unique among the table's headers). */
function extraColumnsOf(mapping: ImportMapping): ImportResult["extraColumns"] {
  const used = new Set(MASSNAHMEN.columns.map((c) => normalizeLabel(c.header)));
  const out: ImportResult["extraColumns"] = [];
  for (const c of mapping.columns) {
    if (c.target.kind !== "extra") continue;
    const base = c.header.replace(/\s+/g, " ").trim() || `Spalte ${columnLetter(c.column)}`;
    let header = base;
    for (let n = 2; used.has(normalizeLabel(header)); n++) header = `${base} (${n})`;
    used.add(normalizeLabel(header));
    out.push({ key: `extra:${c.column}`, header, column: c.column });
  }
  return out;
}
