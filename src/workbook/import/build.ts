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

/** The list as contract rows. */
export function buildImport(grid: ImportGrid, mapping: ImportMapping): ImportResult {
  const notes: ImportNote[] = [];
  const ctx: Context = {
    notes,
    note: (row, column, value, message) => notes.push({ cell: address(row, column), value: textOf(value), message }),
  };
  const read = cellReader(grid, mapping.headerBottom);
  const fieldColumn = new Map<ImportField, number>();
  for (const c of mapping.columns) if (c.target.kind === "field") fieldColumn.set(c.target.field, c.column);
  const extraColumns = extraColumnsOf(mapping);
  const periods = mapping.columns.filter((c) => c.target.kind === "period");

  // Title rows above the header are not data; they are named so that nothing of the list goes unmentioned.
  for (let row = 1; row < mapping.headerTop; row++) {
    (grid.rows[row - 1] ?? []).forEach((value, i) => {
      if (textOf(value) !== "") ctx.note(row, i + 1, value, "über der Kopfzeile; nicht übernommen");
    });
  }
  // Measure rows and section rows.
  const measureRows: number[] = [];
  const sectionOf = new Map<number, string>();
  let section: string | null = null;
  for (let row = mapping.headerBottom + 1; row <= grid.rows.length; row++) {
    const filled = mapping.columns
      .map((c) => ({ column: c.column, value: read(row, c.column) }))
      .filter((c) => textOf(c.value) !== "");
    if (filled.length === 0) continue;
    const text = sectionText(grid, row, filled, mapping.columns[0]?.column ?? 1, fieldColumn.get("titel"));
    if (text !== null) {
      if (fieldColumn.has("handlungsfeld"))
        ctx.note(row, filled[0]!.column, filled[0]!.value, "Zeile ohne Maßnahme; nicht übernommen");
      else {
        section = text;
        ctx.note(
          row,
          filled[0]!.column,
          filled[0]!.value,
          `als Handlungsfeld „${text}“ der folgenden Maßnahmen gelesen`,
        );
      }
      continue;
    }
    measureRows.push(row);
    if (section !== null) sectionOf.set(row, section);
  }

  const ids = measureIds(ctx, measureRows, fieldColumn.get("id"), read);
  const hf = new Distinct("HF", 2);
  const ziele = new Distinct("Z", 2);
  const indikatoren = new Distinct("I", 3);
  const akteure = new Distinct("A", 2);
  const actor = (name: string, row: number, column: number, raw: CellValue) => {
    const a = akteure.get(name, "", (id, clean) => {
      const internal = INTERNAL_UNIT.test(clean);
      return { id, bezeichnung: clean, fachbereich: internal ? clean : "", art: internal ? "intern" : "" };
    });
    if (a.variant) ctx.note(row, column, raw, `„${name}“ als Akteur ${referenceLabel(a.id, a.name)} gelesen`);
    return referenceLabel(a.id, a.name);
  };

  const massnahmen: Row[] = [];
  const sachstaende: SachstandImport[] = [];
  measureRows.forEach((row, i) => {
    const out: Row = { id: ids[i]! };
    const cell = (field: ImportField) => {
      const column = fieldColumn.get(field);
      return column === undefined ? { column: 0, raw: null as CellValue } : { column, raw: read(row, column) };
    };
    for (const field of ["titel", "beschreibung", "zielgruppe", "zielwert", "bemerkung"] as const) {
      const { raw } = cell(field);
      if (textOf(raw) !== "") out[field] = plainText(raw);
    }
    // Handlungsfeld, Ziel, Indikator: distinct values with new IDs.
    const hfCell = cell("handlungsfeld");
    const hfName = textOf(hfCell.raw) || sectionOf.get(row) || "";
    let hfId = "";
    if (hfName) {
      const h = hf.get(hfName, "", (id, name) => ({ id, handlungsfeld: name }));
      hfId = h.id;
      out.handlungsfeld = referenceLabel(h.id, h.name);
      if (h.variant && hfCell.column)
        ctx.note(row, hfCell.column, hfCell.raw, `als Handlungsfeld ${referenceLabel(h.id, h.name)} gelesen`);
    }
    const zielCell = cell("ziel");
    let zielId = "";
    if (textOf(zielCell.raw)) {
      const z = ziele.get(textOf(zielCell.raw), hfId, (id, name) => ({ id, handlungsfeld: hfId, ziel: name }));
      zielId = z.id;
      out.ziel = referenceLabel(z.id, z.name);
      if (z.variant) ctx.note(row, zielCell.column, zielCell.raw, `als Ziel ${referenceLabel(z.id, z.name)} gelesen`);
    }
    const indCell = cell("indikatoren");
    if (textOf(indCell.raw)) {
      const ind = indikatoren.get(textOf(indCell.raw), "", (id, name) => ({ id, ziel: zielId, indikator: name }));
      out.indikatoren = ind.id;
      if (ind.variant)
        ctx.note(row, indCell.column, indCell.raw, `als Indikator ${referenceLabel(ind.id, ind.name)} gelesen`);
    }
    // Federführung: the first named; the others are Beteiligte.
    const lead = cell("federfuehrung");
    const leads = splitActors(textOf(lead.raw), false);
    const others = splitActors(textOf(cell("beteiligte").raw), true);
    if (leads.length > 0) {
      out.federfuehrung = actor(leads[0]!, row, lead.column, lead.raw);
      if (leads.length > 1) {
        ctx.note(
          row,
          lead.column,
          lead.raw,
          `aufgeteilt: Federführung „${leads[0]}“, Beteiligte „${leads.slice(1).join("“, „")}“`,
        );
      }
    }
    const partners = [
      ...leads.slice(1).map((n) => [n, lead] as const),
      ...others.map((n) => [n, cell("beteiligte")] as const),
    ];
    if (partners.length > 0) {
      const labels = partners.map(([name, c]) => actor(name, row, c.column, c.raw));
      out.beteiligte = [...new Set(labels)].join("; ");
      const given = cell("beteiligte");
      if (others.length > 1) ctx.note(row, given.column, given.raw, `als Beteiligte ${out.beteiligte} gelesen`);
    }
    // Dates, numbers, lists.
    const frist = cell("frist");
    const f = readFrist(ctx, row, frist.column, frist.raw);
    if (f.frist !== null) out.frist = f.frist;
    const beginn = cell("beginn");
    const b = readBeginn(ctx, row, beginn.column, beginn.raw);
    if (b !== null) out.beginn = b;
    else if (f.beginn) out.beginn = f.beginn;
    for (const [field, label] of [
      ["personal", "Personal (VZÄ)"],
      ["sachkosten", "Sachkosten (EUR)"],
    ] as const) {
      const c = cell(field);
      const v = readNumber(ctx, row, c.column, c.raw, label);
      if (v !== null) out[field] = v;
    }
    for (const field of ["status", "prioritaet", "finanzierung"] as const) {
      const c = cell(field);
      const v = readList(ctx, row, c.column, c.raw, field);
      if (v !== null) out[field] = v;
    }
    for (const e of extraColumns) {
      const v = read(row, e.column);
      if (textOf(v) !== "") out[e.key] = v;
    }
    const history = sachstandRows(ctx, row, ids[i]!, periods, read);
    sachstaende.push(...history);
    const latest = history.filter((h) => h.status && statusOf(h.status)).at(-1);
    if (out.status === undefined && latest?.status) {
      out.status = latest.status;
      notes.push({
        cell: `Zeile ${row}`,
        value: latest.status,
        message: `Status aus dem Sachstand zum ${formatGermanDate(latest.berichtsstichtag)} übernommen`,
      });
    }
    massnahmen.push(out);
  });

  return {
    sheet: grid.sheet,
    mapping,
    handlungsfelder: hf.entries.map((e) => e.row),
    ziele: ziele.entries.map((e) => e.row),
    indikatoren: indikatoren.entries.map((e) => e.row),
    akteure: akteure.entries.map((e) => e.row),
    massnahmen,
    extraColumns,
    sachstaende,
    notes,
    rows: measureRows,
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
    }
    if (c.target.aspect === "ampel") {
      const a = AMPEL_KEYS.get(headerKey(text));
      entry.ampel = a ?? text;
      if (!a) ctx.note(row, c.column, raw, "keine Ampelfarbe (grün, gelb, rot); steht unverändert im Sachstand");
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
