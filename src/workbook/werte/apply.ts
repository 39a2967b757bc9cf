/**
 * What `werte` does to a workbook, as data (contract, „Bringing in official statistics“): the values of the
 * mapped files against the workbook's Indikatorwerte, key by key (Indikator, Stichtag, Gebiet, Gruppe — the
 * own area with or without its key being one area). A value the workbook lacks is appended; the same value
 * is already there (importing a file twice changes nothing); a different value is a conflict (the workbook
 * keeps its own, or with `aktualisieren` the file's replaces it). Every data cell of every file ends in a
 * line of Werteübernahme: taken, already there, in conflict, replaced, or not taken with its reason. Pure.
 */
import { type CellValue, type IsoDate, dateFromIso, formatGermanDate } from "../../domain/dates";
import { type MonitoringData, type MonitoringValue, shownValue, valueKey } from "../../domain/monitoringData";
import { idKey } from "../../domain/values";
import { type ReadConcept, columnLetter, columnNumber } from "../read";
import { referenceNames, rowsOfConcept, uniformRow } from "../references";
import type { GebietEintrag } from "./areas";
import type { Indikatorwert, WerteResult } from "./map";
import { type StatisticsProblem, type TakeoverReason, outcomeText, problemText, reasonText } from "./messages";

/** What became of the cells of a line of Werteübernahme. */
export type Ergebnis =
  "übernommen" | "schon vorhanden" | "Konflikt" | "ersetzt" | "nicht übernommen" | "Gebiet ergänzt" | "Hinweis";

/** A line of the sheet Werteübernahme. */
export interface UebernahmeLine {
  datei: string;
  /** A cell, a range, or '' for a line about the whole file. */
  zelle: string;
  ergebnis: Ergebnis;
  indikator: string;
  gebiet: string;
  gruppe: string;
  /** `31.12.2023`, or the first and last of several. */
  stichtag: string;
  wertDatei: string;
  wertArbeitsmappe: string;
  /** Data cells the line stands for; null for a line about no cells (a Gebiet, a hint). */
  zellen: number | null;
  erlaeuterung: string;
}

/** A statistics file as `werte` read it: its tables, mapped, and the sheets that are no statistics table. */
export interface WerteFile {
  datei: string;
  results: WerteResult[];
  skipped: { sheet: string; problem: StatisticsProblem }[];
}

export interface WertePlan {
  /** Rows to append to Indikatorwerte, values by field, references in the one form. */
  additions: Record<string, CellValue>[];
  /**
   * Rows of Indikatorwerte whose value the file's replaces (`aktualisieren`): by sheet row, and by their key
   * (Indikator, Stichtag, Gebiet, Gruppe) for a host that finds rows by key.
   */
  updates: { rows: number[]; key: Record<string, CellValue>; values: Record<string, CellValue> }[];
  /** Rows to append to Gebiete. */
  gebiete: Record<string, CellValue>[];
  lines: UebernahmeLine[];
  counts: {
    uebernommen: number;
    vorhanden: number;
    konflikte: number;
    ersetzt: number;
    nichtUebernommen: number;
    zellen: number;
    gebiete: number;
  };
}

/** The sheet Gebiete as `werte` matches areas against it. */
export function gebietEintraege(data: MonitoringData): GebietEintrag[] {
  return data.gebiete.list.map((g) => ({
    id: g.id,
    gebiet: g.name,
    ebene: g.ebene,
    uebergeordnet: g.uebergeordnet,
    vergleich: g.vergleich ? "ja" : "",
  }));
}

const sameValue = (a: { wert: number | null; kennzeichen: string | null }, b: typeof a) =>
  a.kennzeichen === b.kennzeichen &&
  (a.wert === b.wert || (a.wert !== null && b.wert !== null && Math.abs(a.wert - b.wert) <= 1e-9 * Math.abs(a.wert)));

/** A cell address of a file (`E12`, `'Tab 1'!E12`) in parts. */
function cellParts(zelle: string): { prefix: string; column: number; row: number } {
  const m = /^(.*!)?([A-Z]+)(\d+)$/.exec(zelle);
  return m ? { prefix: m[1] ?? "", column: columnNumber(m[2]!), row: Number(m[3]) } : { prefix: "", column: 0, row: 0 };
}

/** The taken (or already present) values of one file, Indikator and Gebiet: one line, its cells as a range. */
class Group {
  top = Infinity;
  bottom = 0;
  left = Infinity;
  right = 0;
  prefix = "";
  count = 0;
  first: IsoDate | null = null;
  last: IsoDate | null = null;
  readonly gruppen = new Set<string>();

  constructor(
    readonly datei: string,
    readonly ergebnis: "übernommen" | "schon vorhanden",
    readonly indikator: string,
    readonly gebiet: string,
  ) {}

  add(w: Indikatorwert): void {
    const c = cellParts(w.zelle);
    this.prefix = c.prefix;
    this.top = Math.min(this.top, c.row);
    this.bottom = Math.max(this.bottom, c.row);
    this.left = Math.min(this.left, c.column);
    this.right = Math.max(this.right, c.column);
    this.count++;
    if (!this.first || w.stichtag < this.first) this.first = w.stichtag;
    if (!this.last || w.stichtag > this.last) this.last = w.stichtag;
    this.gruppen.add(w.gruppe);
  }

  line(label: Labels): UebernahmeLine {
    const from = `${columnLetter(this.left)}${this.top}`;
    const to = `${columnLetter(this.right)}${this.bottom}`;
    const gruppen = [...this.gruppen];
    return {
      datei: this.datei,
      zelle: this.prefix + (from === to ? from : `${from}:${to}`),
      ergebnis: this.ergebnis,
      indikator: label.indikator(this.indikator),
      gebiet: label.gebiet(this.gebiet),
      gruppe: gruppen.length === 1 ? gruppen[0] || "insgesamt" : `${gruppen.length} Gruppen`,
      stichtag:
        this.first === this.last
          ? formatGermanDate(this.first!)
          : `${formatGermanDate(this.first!)} – ${formatGermanDate(this.last!)}`,
      wertDatei: "",
      wertArbeitsmappe: "",
      zellen: this.count,
      erlaeuterung: outcomeText(
        this.ergebnis === "übernommen"
          ? { code: "UEBERNOMMEN", werte: this.count }
          : { code: "VORHANDEN", werte: this.count },
      ),
    };
  }
}

/** The `ID – Name` of an indicator and a Gebiet, as the lines show them. */
interface Labels {
  indikator(id: string): string;
  gebiet(id: string): string;
}

/** A value held for a key: in the workbook (its rows) or taken earlier in this run (its file and cell). */
interface Held {
  wert: number | null;
  kennzeichen: string | null;
  rows: number[];
  addition: number | null;
  datei: string;
  zelle: string;
}

class Planner {
  readonly plan: WertePlan = {
    additions: [],
    updates: [],
    gebiete: [],
    lines: [],
    counts: { uebernommen: 0, vorhanden: 0, konflikte: 0, ersetzt: 0, nichtUebernommen: 0, zellen: 0, gebiete: 0 },
  };
  private readonly held = new Map<string, Held>();
  private readonly groups = new Map<string, Group>();
  private readonly names;
  private readonly label: Labels;
  private readonly addedGebiete = new Set<string>();

  constructor(
    private readonly concept: ReadConcept,
    private readonly data: MonitoringData,
    private readonly aktualisieren: boolean,
    newGebiete: GebietEintrag[],
  ) {
    const rows = rowsOfConcept(concept);
    const gebiete = newGebiete.map((g) => ({ id: g.id, gebiet: g.gebiet }));
    this.names = referenceNames({ ...rows, gebiete: [...(rows.gebiete ?? []), ...gebiete] });
    const names = this.names;
    this.label = {
      indikator: (id) => names.indikatoren?.get(idKey(id)) ?? id,
      gebiet: (id) => names.gebiete?.get(idKey(id)) ?? id,
    };
  }

  file(file: WerteFile): void {
    for (const result of file.results) this.result(result);
    for (const s of file.skipped) this.hint(file.datei, s.sheet, problemText(s.problem));
  }

  private result(result: WerteResult): void {
    this.plan.counts.zellen += result.zellen;
    for (const w of result.werte) this.value(result, w);
    for (const line of result.uebernahme) this.notTaken(line.datei, line.zelle, line.grund, line.anzahl);
    for (const entry of result.ungenutzteZuordnung) {
      this.hint(result.datei, result.blatt, outcomeText({ code: "ZUORDNUNG_UNGENUTZT", eintrag: entry }));
    }
    for (const g of result.neueGebiete) this.gebiet(result.datei, g);
  }

  private value(result: WerteResult, w: Indikatorwert): void {
    const area = this.data.gebiete.areaOf(w.gebiet);
    const key = valueKey(w.indikator, w.stichtag, area, w.gruppe);
    const held = this.held.get(key) ?? this.stored(this.data.at(w.indikator, w.stichtag, area, w.gruppe));
    if (!held) {
      this.held.set(key, this.append(result, w));
      this.group(result.datei, "übernommen", w);
      return;
    }
    this.held.set(key, held);
    if (sameValue(held, w)) {
      this.group(result.datei, "schon vorhanden", w);
      this.plan.counts.vorhanden++;
    } else if (this.aktualisieren) {
      this.replace(result, w, held);
    } else {
      this.conflict(result.datei, w, held);
    }
  }

  private stored(v: MonitoringValue | undefined): Held | undefined {
    if (!v || v.berechnet) return undefined;
    return { wert: v.wert, kennzeichen: v.kennzeichen, rows: v.rows, addition: null, datei: "", zelle: "" };
  }

  private rowValues(result: WerteResult, w: Indikatorwert): Record<string, CellValue> {
    return {
      wert: w.wert,
      kennzeichen: w.kennzeichen,
      quelle: result.quelle,
      abgerufenAm: dateFromIso(w.abgerufenAm),
    };
  }

  private append(result: WerteResult, w: Indikatorwert): Held {
    const row = {
      indikator: w.indikator,
      stichtag: dateFromIso(w.stichtag),
      gebiet: w.gebiet,
      gruppe: w.gruppe || null,
      ...this.rowValues(result, w),
    };
    this.plan.additions.push(uniformRow("indikatorwerte", row, this.names));
    this.plan.counts.uebernommen++;
    return {
      wert: w.wert,
      kennzeichen: w.kennzeichen,
      rows: [],
      addition: this.plan.additions.length - 1,
      datei: result.datei,
      zelle: w.zelle,
    };
  }

  private replace(result: WerteResult, w: Indikatorwert, held: Held): void {
    const values = this.rowValues(result, w);
    if (held.addition !== null) Object.assign(this.plan.additions[held.addition]!, values);
    else {
      const key = {
        indikator: w.indikator,
        stichtag: dateFromIso(w.stichtag),
        gebiet: w.gebiet,
        gruppe: w.gruppe || null,
      };
      this.plan.updates.push({ rows: held.rows, key, values });
    }
    this.plan.counts.ersetzt++;
    this.plan.lines.push(this.keyLine(result.datei, w, held, "ersetzt", outcomeText({ code: "ERSETZT" })));
    Object.assign(held, { wert: w.wert, kennzeichen: w.kennzeichen });
  }

  private conflict(datei: string, w: Indikatorwert, held: Held): void {
    this.plan.counts.konflikte++;
    const text =
      held.addition === null
        ? outcomeText({ code: "KONFLIKT" })
        : outcomeText({ code: "KONFLIKT_DATEIEN", datei: held.datei, zelle: held.zelle });
    this.plan.lines.push(this.keyLine(datei, w, held, "Konflikt", text));
  }

  private keyLine(
    datei: string,
    w: Indikatorwert,
    held: Held,
    ergebnis: Ergebnis,
    erlaeuterung: string,
  ): UebernahmeLine {
    return {
      datei,
      zelle: w.zelle,
      ergebnis,
      indikator: this.label.indikator(w.indikator),
      gebiet: this.label.gebiet(w.gebiet),
      gruppe: w.gruppe || "insgesamt",
      stichtag: formatGermanDate(w.stichtag),
      wertDatei: shownValue(w),
      wertArbeitsmappe: shownValue({ wert: held.wert, kennzeichen: held.kennzeichen }),
      zellen: 1,
      erlaeuterung,
    };
  }

  private group(datei: string, ergebnis: "übernommen" | "schon vorhanden", w: Indikatorwert): void {
    const key = `${datei}\u0000${cellParts(w.zelle).prefix}\u0000${ergebnis}\u0000${idKey(w.indikator)}\u0000${idKey(w.gebiet)}`;
    let group = this.groups.get(key);
    if (!group) {
      group = new Group(datei, ergebnis, w.indikator, w.gebiet);
      this.groups.set(key, group);
    }
    group.add(w);
  }

  private notTaken(datei: string, zelle: string, grund: TakeoverReason, anzahl: number): void {
    this.plan.counts.nichtUebernommen += anzahl;
    this.plan.lines.push({
      ...emptyLine(datei, "nicht übernommen"),
      zelle,
      zellen: anzahl,
      erlaeuterung: reasonText(grund, anzahl),
    });
  }

  private hint(datei: string, blatt: string | null, text: string): void {
    this.plan.lines.push({ ...emptyLine(datei, "Hinweis"), zelle: blatt ?? "", erlaeuterung: text });
  }

  private gebiet(datei: string, g: GebietEintrag): void {
    if (this.addedGebiete.has(idKey(g.id))) return;
    this.addedGebiete.add(idKey(g.id));
    const row = {
      id: g.id,
      gebiet: g.gebiet,
      ebene: g.ebene,
      uebergeordnet: g.uebergeordnet || null,
      vergleich: g.vergleich || null,
    };
    this.plan.gebiete.push(uniformRow("gebiete", row, this.names));
    this.plan.counts.gebiete++;
    this.plan.lines.push({
      ...emptyLine(datei, "Gebiet ergänzt"),
      gebiet: `${g.id} – ${g.gebiet}`,
      erlaeuterung: outcomeText({
        code: "GEBIET_ERGAENZT",
        ebene: g.ebene,
        uebergeordnet: g.uebergeordnet,
        vergleich: g.vergleich === "ja",
      }),
    });
  }

  finish(): WertePlan {
    // Taken and present values first, by file, then every other line in the order it arose.
    const grouped = [...this.groups.values()].map((g) => g.line(this.label));
    this.plan.lines = [...grouped, ...this.plan.lines];
    return this.plan;
  }
}

function emptyLine(datei: string, ergebnis: Ergebnis): UebernahmeLine {
  return {
    datei,
    zelle: "",
    ergebnis,
    indikator: "",
    gebiet: "",
    gruppe: "",
    stichtag: "",
    wertDatei: "",
    wertArbeitsmappe: "",
    zellen: null,
    erlaeuterung: "",
  };
}

/** The plan of a `werte` run over its files, against the workbook as read. */
export function planWerte(
  concept: ReadConcept,
  data: MonitoringData,
  files: readonly WerteFile[],
  options: { aktualisieren: boolean },
): WertePlan {
  const newGebiete = files.flatMap((f) => f.results.flatMap((r) => r.neueGebiete));
  const planner = new Planner(concept, data, options.aktualisieren, newGebiete);
  for (const file of files) planner.file(file);
  return planner.finish();
}

/** Whether a plan changes the workbook's data (else a run writes nothing: importing twice changes nothing). */
export function changesData(plan: WertePlan): boolean {
  return plan.additions.length + plan.updates.length + plan.gebiete.length + plan.counts.konflikte > 0;
}
