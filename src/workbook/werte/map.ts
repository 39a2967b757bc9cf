/**
 * From a read statistics table to rows of Indikatorwerte (contract, `werte`): each value column, or each
 * combination of dimension values, becomes one Gruppe of one indicator; areas are matched to Gebiete; and
 * every data cell ends as exactly one value row or in one line of Werteübernahme. Pure; linear in the cells.
 */
import { type IsoDate, formatGermanDate, isValidIsoDate } from "../../domain/dates";
import { columnLetter } from "../read";
import { type AreaDecision, AreaResolver, type GebietEintrag } from "./areas";
import { readValue } from "./cells";
import { breakdownLabels, dimensionParts, headerParts, joinGruppe } from "./gruppe";
import { Ledger, type TakeoverLine, sheetPrefix } from "./ledger";
import type { TakeoverReason } from "./messages";
import { type DataRecord, NO_TIME, type StatisticsFormat, type StatisticsTable, type TimeRef } from "./table";
import { type ColumnAssignment, type Zuordnung, ColumnAssigner } from "./zuordnung";

export interface WerteOptions {
  /** `--indikator ID` for a file of one indicator, or the `--zuordnung` entries. */
  zuordnung: Zuordnung;
  /** The sheet Gebiete as the workbook holds it. */
  gebiete: readonly GebietEintrag[];
  /** Einstellungen `Gebiet` (e.g. a Kreis's AGS `15083`); '' when not set. */
  eigenesGebiet: string;
  /** `--alle-gebiete`: areas outside the own area are taken (and added to Gebiete as Vergleich) too. */
  alleGebiete: boolean;
  /** Abgerufen am: the day the file was downloaded or is read. */
  abgerufenAm: IsoDate;
  /** The Quelle written to each row; by default the table's (`GENESIS 12411-01-01-4`, else the file name). */
  quelle?: string;
}

/** A row for Indikatorwerte. */
export interface Indikatorwert {
  indikator: string;
  stichtag: IsoDate;
  /** The area's ID as text, leading zeros kept (`01001`, `DG`). */
  gebiet: string;
  /** '' = insgesamt. */
  gruppe: string;
  wert: number | null;
  kennzeichen: string | null;
  quelle: string;
  abgerufenAm: IsoDate;
  /** The cell of the file the value comes from (`E12`, `'Tab 1'!E12`). */
  zelle: string;
}

export interface WerteResult {
  datei: string;
  blatt: string | null;
  format: StatisticsFormat;
  quelle: string;
  werte: Indikatorwert[];
  /** Areas taken that Gebiete lacks, to be added there. */
  neueGebiete: GebietEintrag[];
  /** Lines of Werteübernahme: every data cell not taken. */
  uebernahme: TakeoverLine[];
  /** Data cells of the table: `werte.length` + the sum of `uebernahme[].anzahl`. */
  zellen: number;
  /** `--zuordnung` entries that name no header cell of this file. */
  ungenutzteZuordnung: string[];
}

/** The Stichtag of a cell: the row's time, else the column's, else the title's; a bare year takes the title's day. */
function stichtagOf(row: TimeRef, column: TimeRef, table: StatisticsTable): IsoDate | null {
  const t = row.kind === "date" ? row : column.kind === "date" ? column : table.time;
  if (t.kind !== "date") return null;
  if (!t.yearOnly || !table.dayOfYear) return t.date;
  const { day, month } = table.dayOfYear;
  const date = `${t.date.slice(0, 4)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isValidIsoDate(date) ? date : t.date;
}

/** Small numbers for texts that repeat (Gruppen, Stichtage, Gebiete). */
class Numbers {
  private readonly ids = new Map<string, number>();
  of(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }
}

/** A Gruppe with a number standing for its indicator and text (equal texts, equal numbers), so keys are numbers. */
interface Series {
  gruppe: string;
  id: number;
}

class GruppeMaker {
  private readonly labels: boolean[][];
  private readonly byIndicator = new Map<string, { parts: Map<number, string[]>; byDims: Map<string, Series[]> }>();
  private readonly dims = new Map<string, string[]>();
  private readonly ids = new Numbers();

  constructor(
    private readonly table: StatisticsTable,
    private readonly assigner: ColumnAssigner,
  ) {
    this.labels = breakdownLabels(table.columns);
  }

  /** The series of value column j of the indicator for a row with these dimension values (`dimKey`: joined). */
  of(indicator: string, j: number, dimKey: string, dims: readonly string[]): Series {
    let held = this.byIndicator.get(indicator);
    if (!held) {
      const members = this.assigner.columnsOf(indicator);
      const parts = headerParts(this.table.columns, this.labels, members, this.assigner.ownKeys(indicator));
      held = { parts, byDims: new Map() };
      this.byIndicator.set(indicator, held);
    }
    let row = held.byDims.get(dimKey);
    if (!row) {
      row = [];
      held.byDims.set(dimKey, row);
    }
    let series = row[j];
    if (!series) {
      const gruppe = joinGruppe(held.parts.get(j) ?? [], this.dimensionParts(dimKey, dims));
      series = { gruppe, id: this.ids.of(`${indicator}\u0000${gruppe}`) };
      row[j] = series;
    }
    return series;
  }

  private dimensionParts(dimKey: string, values: readonly string[]): string[] {
    let parts = this.dims.get(dimKey);
    if (!parts) {
      parts = dimensionParts(values);
      this.dims.set(dimKey, parts);
    }
    return parts;
  }
}

/** Where a taken value came from, to list it when a later cell of the same key replaces it. */
interface Held {
  index: number;
  row: number;
  column: number;
}

/** The mapping of one table: walks its cells once, each to a value row or the ledger. */
class Mapping {
  readonly werte: Indikatorwert[] = [];
  readonly areas: AreaResolver;
  readonly assigner: ColumnAssigner;
  readonly ledger: Ledger;
  readonly quelle: string;
  private readonly gruppen: GruppeMaker;
  private readonly letters: string[];
  private readonly left: number;
  private readonly right: number;
  /** The Stichtag of each column where the row gives none (a header line of dates, the title). */
  private readonly columnStichtag: (IsoDate | null)[];
  private readonly stichtage = new Numbers();
  private readonly gebiete = new Numbers();
  /** Series → Stichtag and Gebiet → the value taken for the key Indikator, Stichtag, Gebiet, Gruppe. */
  private readonly seen = new Map<number, Map<number, Held>>();

  constructor(
    private readonly table: StatisticsTable,
    private readonly options: WerteOptions,
  ) {
    this.quelle = options.quelle ?? table.source;
    this.areas = new AreaResolver(table.records, options);
    this.assigner = new ColumnAssigner(table, options.zuordnung);
    this.gruppen = new GruppeMaker(table, this.assigner);
    this.ledger = new Ledger(table.file, table.sheet);
    const prefix = sheetPrefix(table.sheet);
    this.letters = table.columns.map((c) => prefix + columnLetter(c.column));
    this.left = table.columns[0]?.column ?? 1;
    this.right = table.columns.at(-1)?.column ?? this.left;
    this.columnStichtag = table.columns.map((c) => stichtagOf(NO_TIME, c.time, table));
  }

  record(record: DataRecord): void {
    const area = record.area ? this.areas.resolve(record.area) : null;
    if (!takenRow(record, area, this.ledger, this.left, this.right, this.table.columns.length)) return;
    const gebiet = (area as Extract<AreaDecision, { kind: "taken" }>).id;
    const row: RowContext = {
      record,
      gebiet,
      gebietId: this.gebiete.of(gebiet),
      stichtag: record.time.kind === "date" ? stichtagOf(record.time, NO_TIME, this.table) : null,
      dimKey: record.dims.length === 0 ? "" : record.dims.join("\u0000"),
    };
    for (let j = 0; j < this.table.columns.length; j++) this.cell(row, j);
  }

  private cell(row: RowContext, j: number): void {
    const { record } = row;
    const column = this.table.columns[j]!.column;
    const assignment = this.assigner.of(j, record.unit);
    if (assignment.kind !== "indikator") {
      this.ledger.column(unassigned(assignment, this.assigner.headerText(j, record.unit)), column, record.row);
      return;
    }
    const stichtag = row.stichtag ?? this.columnStichtag[j]!;
    if (stichtag === null) return this.ledger.cell({ code: "ZEIT_FEHLT" }, column, record.row);
    const reading = readValue(record.cells[j] ?? null, this.table.decimal);
    if (reading.kind === "empty") return this.ledger.cell({ code: "WERT_LEER" }, column, record.row);
    if (reading.kind === "unreadable") {
      return this.ledger.cell({ code: "WERT_UNLESBAR", text: reading.text }, column, record.row);
    }
    const series = this.gruppen.of(assignment.id, j, row.dimKey, record.dims);
    const wert: Indikatorwert = {
      indikator: assignment.id,
      stichtag,
      gebiet: row.gebiet,
      gruppe: series.gruppe,
      wert: reading.wert,
      kennzeichen: reading.kennzeichen,
      quelle: this.quelle,
      abgerufenAm: this.options.abgerufenAm,
      zelle: this.letters[j]! + record.row,
    };
    this.keep(wert, series.id, this.stichtage.of(stichtag) * 0x200000 + row.gebietId, record.row, column);
  }

  /** Takes a value unless its key is taken already; then the one of the two cells not kept goes to the ledger. */
  private keep(wert: Indikatorwert, series: number, key: number, row: number, column: number): void {
    let bySeries = this.seen.get(series);
    if (!bySeries) {
      bySeries = new Map();
      this.seen.set(series, bySeries);
    }
    const held = bySeries.get(key);
    if (held === undefined) {
      bySeries.set(key, { index: this.werte.length, row, column });
      this.werte.push(wert);
      return;
    }
    const kept = this.werte[held.index]!;
    const schluessel = [wert.indikator, formatGermanDate(wert.stichtag), wert.gebiet, wert.gruppe || "insgesamt"].join(
      ", ",
    );
    if (kept.kennzeichen === "-" && wert.kennzeichen !== "-") {
      // A Gemeinde listed under its former and its new Verband: the number beats the "nichts vorhanden".
      this.ledger.cell({ code: "DOPPELT", zelle: wert.zelle, schluessel }, held.column, held.row);
      this.werte[held.index] = wert;
      bySeries.set(key, { index: held.index, row, column });
    } else this.ledger.cell({ code: "DOPPELT", zelle: kept.zelle, schluessel }, column, row);
  }
}

/** What the cells of one taken row share. */
interface RowContext {
  record: DataRecord;
  gebiet: string;
  gebietId: number;
  /** The row's own Stichtag; null: each column's. */
  stichtag: IsoDate | null;
  dimKey: string;
}

export function toIndicatorValues(table: StatisticsTable, options: WerteOptions): WerteResult {
  const mapping = new Mapping(table, options);
  for (const record of table.records) mapping.record(record);
  return {
    datei: table.file,
    blatt: table.sheet,
    format: table.format,
    quelle: mapping.quelle,
    werte: mapping.werte,
    neueGebiete: mapping.areas.newAreas(),
    uebernahme: mapping.ledger.lines(),
    zellen: table.records.length * table.columns.length,
    ungenutzteZuordnung: mapping.assigner.unusedEntries(),
  };
}

/** Whether a row's cells are looked at one by one; else they are all accounted for here. */
function takenRow(
  record: DataRecord,
  area: AreaDecision | null,
  ledger: Ledger,
  left: number,
  right: number,
  n: number,
): boolean {
  if (area === null) {
    ledger.row({ code: "GEBIET_UNLESBAR", text: record.areaText ?? "" }, record.row, left, right, n);
    return false;
  }
  const cell = record.area!;
  if (area.kind === "outside") {
    const reason = (zeilen: number): TakeoverReason => ({
      code: "GEBIET_AUSSERHALB",
      gebiet: area.id,
      name: cell.name,
      zeilen,
    });
    ledger.area(area.id, reason, record.row, cell.column, n);
    return false;
  }
  if (area.kind === "unknown") {
    const reason = (zeilen: number): TakeoverReason => ({ code: "GEBIET_UNBEKANNT", name: cell.name, zeilen });
    ledger.area(`\u0000${cell.name}`, reason, record.row, cell.column, n);
    return false;
  }
  if (record.time.kind === "unreadable") {
    ledger.row({ code: "ZEIT_UNLESBAR", text: record.time.text }, record.row, left, right, n);
    return false;
  }
  return true;
}

function unassigned(assignment: Exclude<ColumnAssignment, { kind: "indikator" }>, kopf: string): TakeoverReason {
  return assignment.kind === "mehrdeutig"
    ? { code: "SPALTE_MEHRDEUTIG", kopf, indikatoren: assignment.ids }
    : { code: "SPALTE_NICHT_ZUGEORDNET", kopf };
}
