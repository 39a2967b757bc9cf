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
import type { DataRecord, StatisticsFormat, StatisticsTable, TimeRef } from "./table";
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

class GruppeMaker {
  private readonly labels: boolean[][];
  private readonly parts = new Map<string, Map<number, string[]>>();
  private readonly dims = new Map<string, string[]>();

  constructor(
    private readonly table: StatisticsTable,
    private readonly assigner: ColumnAssigner,
  ) {
    this.labels = breakdownLabels(table.columns);
  }

  of(indicator: string, column: number, record: DataRecord): string {
    let byColumn = this.parts.get(indicator);
    if (!byColumn) {
      const members = this.assigner.columnsOf(indicator);
      byColumn = headerParts(this.table.columns, this.labels, members, this.assigner.ownKeys(indicator));
      this.parts.set(indicator, byColumn);
    }
    const dimKey = record.dims.join("\u0000");
    let dims = this.dims.get(dimKey);
    if (!dims) {
      dims = dimensionParts(record.dims);
      this.dims.set(dimKey, dims);
    }
    return joinGruppe(byColumn.get(column) ?? [], dims);
  }
}

/** The mapping of one table: walks its cells once, each to a value row or the ledger. */
class Mapping {
  readonly werte: Indikatorwert[] = [];
  readonly areas: AreaResolver;
  readonly assigner: ColumnAssigner;
  readonly ledger: Ledger;
  private readonly gruppen: GruppeMaker;
  readonly quelle: string;
  private readonly letters: string[];
  private readonly left: number;
  private readonly right: number;
  /** Indikator, Stichtag, Gebiet, Gruppe → the value row taken for it and its cell. */
  private readonly seen = new Map<string, { index: number; row: number; column: number }>();

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
  }

  record(record: DataRecord): void {
    const area = record.area ? this.areas.resolve(record.area) : null;
    if (!takenRow(record, area, this.ledger, this.left, this.right, this.table.columns.length)) return;
    const gebiet = (area as Extract<AreaDecision, { kind: "taken" }>).id;
    for (let j = 0; j < this.table.columns.length; j++) this.cell(record, j, gebiet);
  }

  private cell(record: DataRecord, j: number, gebiet: string): void {
    const column = this.table.columns[j]!;
    const assignment = this.assigner.of(j, record.unit);
    if (assignment.kind !== "indikator") {
      this.ledger.column(unassigned(assignment, this.assigner.headerText(j, record.unit)), column.column, record.row);
      return;
    }
    const stichtag = stichtagOf(record.time, column.time, this.table);
    if (stichtag === null) return this.ledger.cell({ code: "ZEIT_FEHLT" }, column.column, record.row);
    const reading = readValue(record.cells[j] ?? null, this.table.decimal);
    if (reading.kind === "empty") return this.ledger.cell({ code: "WERT_LEER" }, column.column, record.row);
    if (reading.kind === "unreadable") {
      return this.ledger.cell({ code: "WERT_UNLESBAR", text: reading.text }, column.column, record.row);
    }
    this.keep(
      {
        indikator: assignment.id,
        stichtag,
        gebiet,
        gruppe: this.gruppen.of(assignment.id, j, record),
        wert: reading.wert,
        kennzeichen: reading.kennzeichen,
        quelle: this.quelle,
        abgerufenAm: this.options.abgerufenAm,
        zelle: this.letters[j]! + record.row,
      },
      record.row,
      column.column,
    );
  }

  /** Takes a value unless its key is taken already; then the one of the two cells not kept goes to the ledger. */
  private keep(wert: Indikatorwert, row: number, column: number): void {
    const key = `${wert.indikator}\u0000${wert.stichtag}\u0000${wert.gebiet}\u0000${wert.gruppe}`;
    const held = this.seen.get(key);
    if (held === undefined) {
      this.seen.set(key, { index: this.werte.length, row, column });
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
      this.seen.set(key, { index: held.index, row, column });
    } else this.ledger.cell({ code: "DOPPELT", zelle: kept.zelle, schluessel }, column, row);
  }
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
