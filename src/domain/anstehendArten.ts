/**
 * The kinds of date that fall due in a concept (`anstehend`, the pane's start view, the calendar file): one
 * entry per kind, each with its own small source over the concept and its own German wording. A new kind of
 * date is one more entry in DUE_KINDS; the collector (./anstehend.ts) filters, orders and groups them all alike.
 */
import { type CellValue, type IsoDate, compareIso, formatGermanDate, lastDayOfMonth } from "./dates";
import type { ConceptData, EntityKind, FieldsOf, RowRecord } from "./model";
import { STATUS_VALUES } from "./model";
import { dateOf, monthsBefore, sachstandDue, sachstandOf, turnusMonths } from "./monitoring";
import { type MonitoringData, nextPublication } from "./monitoringData";
import { prozessschritte } from "./prozessplan";
import type { Settings } from "./settings";
import { idKey, matchListValue, referenceId, textOf } from "./values";

/** Who answers for a date, as the list heads its group. */
export interface Responsible {
  /** Equal for the same responsible however the cell spells it: `akteur:A-01`, `text:…`, `koordination`, `ohne`. */
  key: string;
  /** `A-01 – Jugendamt`, the text as written, „Koordination des Konzepts“ or „Ohne Zuständigkeit“. */
  label: string;
  fachbereich: string;
  ansprechperson: string;
  email: string;
  /** Whether the Akteure name it (false for a name they do not know, the coordination and nobody). */
  known: boolean;
}

/** What a source gives for one date, before the collector places it at the Stichtag. */
export interface DueDate {
  /** The same from run to run for the same thing: `frist:M-004`, `werte:I-003`, `ruecklauf`. */
  key: string;
  date: IsoDate;
  /** The row's ID (`M-004`, `I-003`, `P-03`); null for a date of the whole concept. */
  id: string | null;
  /** Its name: the measure's Titel, the Indikator, the step; "" for a date of the whole concept. */
  name: string;
  /** Where the date is written: the table and the sheet row; null where no cell holds it (the next round). */
  place: { kind: EntityKind; row: number } | null;
  responsible: Responsible;
  /** Short, for a calendar's title: „Frist: M-004 Sprachkurse für Eltern“. */
  summary: string;
  /** One whole German sentence: what is to be done. */
  text: string;
}

/** What every source reads. */
export interface DueContext {
  data: ConceptData;
  settings: Settings;
  /** The rows of the Einstellungen by key, where a setting is written. */
  settingRows: ReadonlyMap<keyof Settings, number>;
  /** The years of the Bewertung rounds the workbook holds. */
  rounds: readonly number[];
  stichtag: IsoDate;
  /** The responsible named by a cell (an Akteur's ID, `ID – Name` or Bezeichnung). */
  responsibleOf(cell: CellValue): Responsible;
  /** Who answers for the dates of the whole concept. */
  coordination: Responsible;
  /** The Indikatorwerte by indicator, with their Abgerufen am. */
  monitoring: MonitoringData;
}

export interface DueKind {
  kind: string;
  /** What the kind is, as a heading or a JSON reader sees it: „Frist einer Maßnahme“. */
  label: string;
  collect(ctx: DueContext): DueDate[];
}

const q = (text: string) => `„${text}“`;
const named = (id: string, name: string) => (name ? `${id} ${q(name)}` : id);

/** Measures `geplant` or `in Umsetzung` with a Frist: to be done by then. */
const FRIST: DueKind = {
  kind: "frist",
  label: "Frist einer Maßnahme",
  collect: (ctx) =>
    ctx.data.massnahmen.rows.flatMap((r) => {
      const id = textOf(r.values.id ?? null);
      const status = matchListValue(r.values.status ?? null, STATUS_VALUES);
      const date = dateOf(r.values.frist ?? null);
      if (!id || !date || (status !== "geplant" && status !== "in Umsetzung")) return [];
      const name = textOf(r.values.titel ?? null);
      return [
        {
          key: `frist:${idKey(id)}`,
          date,
          id,
          name,
          place: { kind: "massnahmen", row: r.row },
          responsible: ctx.responsibleOf(r.values.federfuehrung ?? null),
          summary: `Frist: ${id}${name ? ` ${name}` : ""}`,
          text: `Die Maßnahme ${named(id, name)} (${status}) soll bis zum ${formatGermanDate(date)} umgesetzt sein; danach Status und Sachstand eintragen.`,
        },
      ];
    }),
};

/** `Rücklauf bis` of the Einstellungen: the Fachbereiche's files are due back. */
const RUECKLAUF: DueKind = {
  kind: "ruecklauf",
  label: "Rücklauf der Fachbereiche",
  collect: (ctx) => {
    const date = ctx.settings.ruecklaufBis;
    if (!date) return [];
    const row = ctx.settingRows.get("ruecklaufBis");
    return [
      {
        key: "ruecklauf",
        date,
        id: null,
        name: "",
        place: row ? { kind: "einstellungen", row } : null,
        responsible: ctx.coordination,
        summary: "Rücklauf der Fachbereiche",
        text: `Die Fachbereiche senden ihre Dateien bis zum ${formatGermanDate(date)} zurück; danach werden die Rückläufe zusammengeführt.`,
      },
    ];
  },
};

/** The Berichtsstichtag of the Einstellungen, while measures that owe a Sachstand for it have none. */
const BERICHTSSTICHTAG: DueKind = {
  kind: "berichtsstichtag",
  label: "Berichtsstichtag",
  collect: (ctx) => {
    const date = ctx.settings.berichtsstichtag;
    if (!date) return [];
    const reported = new Set(
      (ctx.data.sachstaende?.rows ?? [])
        .flatMap((r) => sachstandOf(r) ?? [])
        .filter((s) => s.berichtsstichtag === date)
        .map((s) => idKey(s.massnahme)),
    );
    const missing = ctx.data.massnahmen.rows
      .filter((r) => sachstandDue(r.values.status ?? null, r.values.beginn ?? null, date))
      .map((r) => textOf(r.values.id ?? null))
      .filter((id) => id && !reported.has(idKey(id)));
    if (missing.length === 0) return [];
    const row = ctx.settingRows.get("berichtsstichtag");
    const which =
      missing.length > 3 ? `${missing.slice(0, 3).join(", ")} und ${missing.length - 3} weitere` : missing.join(", ");
    return [
      {
        key: "berichtsstichtag",
        date,
        id: null,
        name: "",
        place: row ? { kind: "einstellungen", row } : null,
        responsible: ctx.coordination,
        summary: "Berichtsstichtag: Sachstände",
        text:
          missing.length === 1
            ? `Zum Berichtsstichtag ${formatGermanDate(date)} fehlt noch der Sachstand von ${which}.`
            : `Zum Berichtsstichtag ${formatGermanDate(date)} fehlen noch ${missing.length} Sachstände (${which}).`,
      },
    ];
  },
};

/** The latest Stichtag with a value of each indicator (rows whose Indikator and Stichtag can be read). */
function latestStichtage(data: ConceptData): Map<string, IsoDate> {
  const latest = new Map<string, IsoDate>();
  for (const r of data.indikatorwerte?.rows ?? []) {
    const id = idKey(referenceId(r.values.indikator ?? null));
    const date = dateOf(r.values.stichtag ?? null);
    if (!id || !date) continue;
    const before = latest.get(id);
    if (!before || compareIso(date, before) > 0) latest.set(id, date);
  }
  return latest;
}

/** `months` months after `date`; the last day of a month stays the last day (30.06. + 6 Monate = 31.12.). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const later = monthsBefore(date, -months);
  if (d !== lastDayOfMonth(y, m)) return later;
  const [ly, lm] = later.split("-").map(Number) as [number, number];
  return `${later.slice(0, 8)}${String(lastDayOfMonth(ly, lm)).padStart(2, "0")}`;
}

/** When an indicator's next values are due, and why, in the words of its item. */
interface ValuesDue {
  date: IsoDate;
  /** The reason, after the date: „(letzter Stichtag 31.12.2025, Erhebungsturnus jährlich)“. */
  reason: string;
}

/**
 * The `Nächste Veröffentlichung` where the indicator has one — until a value retrieved on or after it is in
 * (as the rule I_WERTE_FAELLIG), then nothing is due until the next one is entered; else the latest Stichtag
 * with a value plus the Erhebungsturnus (12 months when none is understood). One date per indicator, however
 * many Gebiete and Gruppen its values have.
 */
function valuesDue(
  ctx: DueContext,
  r: RowRecord<FieldsOf<"indikatoren">>,
  id: string,
  latest: Map<string, IsoDate>,
): ValuesDue | null {
  const next = nextPublication(r.values.naechsteVeroeffentlichung ?? null, ctx.monitoring.of(id));
  if (next) {
    if (next.fetched) return null;
    return {
      date: next.datum,
      reason: "(„Nächste Veröffentlichung“ der Quelle; nach dem Abruf die folgende eintragen)",
    };
  }
  const last = latest.get(idKey(id));
  if (!last) return null;
  const turnus = textOf(r.values.erhebungsturnus ?? null);
  return {
    date: addMonths(last, turnusMonths(turnus)),
    reason: `(letzter Stichtag ${formatGermanDate(last)}, Erhebungsturnus ${turnus || "nicht angegeben, ein Jahr angenommen"})`,
  };
}

/** Indicator values due: see valuesDue. The key `werte:I-003` stays whichever date applies. */
const INDIKATORWERTE: DueKind = {
  kind: "indikatorwerte",
  label: "Neue Indikatorwerte",
  collect: (ctx) => {
    const latest = latestStichtage(ctx.data);
    return (ctx.data.indikatoren?.rows ?? []).flatMap((r) => {
      const id = textOf(r.values.id ?? null);
      const due = id ? valuesDue(ctx, r, id, latest) : null;
      if (!due) return [];
      const name = textOf(r.values.indikator ?? null);
      const quelle = textOf(r.values.datenquelle ?? null);
      return [
        {
          key: `werte:${idKey(id)}`,
          date: due.date,
          id,
          name,
          place: { kind: "indikatoren", row: r.row },
          responsible: ctx.responsibleOf(r.values.zustaendig ?? null),
          summary: `Neue Werte: ${id}${name ? ` ${name}` : ""}`,
          text:
            `Für den Indikator ${named(id, name)} ist der Wert zum ${formatGermanDate(due.date)} fällig ${due.reason}` +
            `${quelle ? `; Quelle: ${quelle}` : ""}.`,
        },
      ];
    });
  },
};

/** The next Bewertung round: the latest round plus the Bewertungsturnus, due by the end of its year. */
const BEWERTUNG: DueKind = {
  kind: "bewertung",
  label: "Bewertungsrunde",
  collect: (ctx) => {
    if (ctx.rounds.length === 0) return [];
    const last = Math.max(...ctx.rounds);
    const turnus = Math.max(1, Math.round(ctx.settings.bewertungsturnus));
    const next = last + turnus;
    return [
      {
        key: `bewertung:${next}`,
        date: `${next}-12-31`,
        id: null,
        name: "",
        place: null,
        responsible: ctx.coordination,
        summary: `Bewertungsrunde ${next}`,
        text: `Die Bewertungsrunde ${next} steht an (letzte Runde ${last}, Bewertungsturnus ${turnus === 1 ? "ein Jahr" : `${turnus} Jahre`}): Blatt „Bewertung ${next}“ anlegen und die Maßnahmen bewerten.`,
      },
    ];
  },
};

/** Steps of the Prozessplan with a Termin, neither `erledigt` nor `entfallen`: a session, a Fachtag, a deadline. */
const TERMIN: DueKind = {
  kind: "termin",
  label: "Termin im Prozessplan",
  collect: (ctx) =>
    prozessschritte(ctx.data.prozessplan).flatMap((s) => {
      if (!s.termin || s.status === "erledigt" || s.status === "entfallen") return [];
      const where = s.gremium ? ` (${s.gremium}${s.befassung ? `, ${s.befassung}` : ""})` : "";
      return [
        {
          key: `termin:${idKey(s.id)}`,
          date: s.termin,
          id: s.id,
          name: s.schritt,
          place: { kind: "prozessplan", row: s.row },
          responsible: ctx.responsibleOf(s.verantwortlich),
          summary: `${s.gremium || "Prozessplan"}: ${s.id} ${s.schritt}`,
          text:
            `Der Schritt ${named(s.id, s.schritt)}${where} hat den Termin ${formatGermanDate(s.termin)}` +
            `${s.status ? ` (Status ${s.status})` : ""}; danach Status und Ergebnis im Prozessplan eintragen.`,
        },
      ];
    }),
};

/** Every kind of date, in the order the list names them on the same day. */
export const DUE_KINDS: readonly DueKind[] = [FRIST, TERMIN, INDIKATORWERTE, RUECKLAUF, BERICHTSSTICHTAG, BEWERTUNG];
