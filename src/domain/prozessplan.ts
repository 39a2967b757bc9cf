/**
 * The Prozessplan of a concept (docs/arbeitsmappe.md › Prozessplan): its steps read as typed values, and what
 * the rules, the Zeitplan, the committee Vorlage and the pane ask of them — the Beratungsfolge of a Gegenstand,
 * the steps done, the next steps, the overdue ones. Pure.
 */
import { type CellValue, type IsoDate, compareIso, parseGermanDate, periodStart } from "./dates";
import { BEFASSUNG_VALUES, FORMAT_VALUES, PROZESS_STATUS_VALUES, type RowRecord, type TableData } from "./model";
import { dateOf } from "./monitoring";
import { matchListValue, normalizeLabel, textOf } from "./values";

export type Befassung = (typeof BEFASSUNG_VALUES)[number];
export type Format = (typeof FORMAT_VALUES)[number];
export type ProzessStatus = (typeof PROZESS_STATUS_VALUES)[number];

/** Steps still to do: their Termin can pass (P_UEBERFAELLIG), they are the next steps. */
export const OFFENE_STATUS: readonly ProzessStatus[] = ["geplant", "in Arbeit", "verschoben"];
/** Steps whose passed Termin is overdue (P_UEBERFAELLIG); a `verschoben` step waits for its new Termin. */
export const UEBERFAELLIG_STATUS: readonly ProzessStatus[] = ["geplant", "in Arbeit"];

/** One step as the program reads it; the cells' own text where a value cannot be read. */
export interface Prozessschritt {
  /** 1-based sheet row. */
  row: number;
  id: string;
  phase: string;
  schritt: string;
  /** The first day of what Beginn names (a month's first day); null when empty or unreadable. */
  beginn: IsoDate | null;
  /** The day Termin names (a month's last day); null when empty or unreadable. */
  termin: IsoDate | null;
  /** The cell as it stands (`A-01 – Koordinierungsstelle` or `A-01`). */
  verantwortlich: string;
  beteiligte: string;
  format: Format | null;
  gremium: string;
  befassung: Befassung | null;
  gegenstand: string;
  drucksache: string;
  status: ProzessStatus | null;
  ergebnis: string;
}

type Row = RowRecord<string>;
const cell = (r: Row, field: string): CellValue => r.values[field] ?? null;

/** A Beginn as the first day of the period it names; null when it is empty or not a date. */
export function beginnOf(value: CellValue): IsoDate | null {
  const parsed = parseGermanDate(value);
  return parsed.kind === "date" ? periodStart(parsed.date, parsed.precision) : null;
}

/** A step's row as typed values. */
export function schrittOf(r: Row): Prozessschritt {
  const text = (field: string) => textOf(cell(r, field));
  return {
    row: r.row,
    id: text("id"),
    phase: text("phase"),
    schritt: text("schritt"),
    beginn: beginnOf(cell(r, "beginn")),
    termin: dateOf(cell(r, "termin")),
    verantwortlich: text("verantwortlich"),
    beteiligte: text("beteiligte"),
    format: matchListValue(cell(r, "format"), FORMAT_VALUES),
    gremium: text("gremium"),
    befassung: matchListValue(cell(r, "befassung"), BEFASSUNG_VALUES),
    gegenstand: text("gegenstand"),
    drucksache: text("drucksache"),
    status: matchListValue(cell(r, "status"), PROZESS_STATUS_VALUES),
    ergebnis: text("ergebnis"),
  };
}

/** The steps of the Prozessplan that have an ID, in the order of the table; none without the table. */
export function prozessschritte(table: TableData<string> | null | undefined): Prozessschritt[] {
  return (table?.rows ?? []).map(schrittOf).filter((s) => s.id !== "");
}

/** By Termin, steps without one last; on the same day, in the order of the table. */
export function byTermin(a: Prozessschritt, b: Prozessschritt): number {
  if (a.termin && b.termin) return compareIso(a.termin, b.termin) || a.row - b.row;
  if (a.termin || b.termin) return a.termin ? -1 : 1;
  return a.row - b.row;
}

/** Gegenstände compare like headers (case, spaces, umlaut spellings ignored). */
export const sameGegenstand = (a: string, b: string) => a !== "" && normalizeLabel(a) === normalizeLabel(b);

/**
 * The Beratungsfolge of a step: every step on the same Gegenstand that names a Gremium, in date order,
 * those `entfallen` left out (no session deals with it any more); the step itself always among them.
 */
export function beratungsfolge(steps: readonly Prozessschritt[], step: Prozessschritt): Prozessschritt[] {
  const same = steps.filter(
    (s) =>
      s === step || (s.gremium !== "" && s.status !== "entfallen" && sameGegenstand(s.gegenstand, step.gegenstand)),
  );
  return [...same].sort(byTermin);
}

/** The steps done, in date order. */
export function erledigteSchritte(steps: readonly Prozessschritt[]): Prozessschritt[] {
  return steps.filter((s) => s.status === "erledigt").sort(byTermin);
}

/** The steps still to do (geplant, in Arbeit, verschoben), in date order, undated ones last. */
export function offeneSchritte(steps: readonly Prozessschritt[]): Prozessschritt[] {
  return steps.filter((s) => s.status !== null && OFFENE_STATUS.includes(s.status)).sort(byTermin);
}

/** A step is overdue when its Termin lies before the Stichtag and it is still `geplant` or `in Arbeit`. */
export function istUeberfaellig(step: Prozessschritt, stichtag: IsoDate): boolean {
  return (
    step.termin !== null &&
    step.status !== null &&
    UEBERFAELLIG_STATUS.includes(step.status) &&
    compareIso(step.termin, stichtag) < 0
  );
}

/**
 * Where the concept's process stands on a Stichtag: the overdue steps, and the open steps due from then on
 * (the next `count`, undated ones after the dated).
 */
export function prozessStand(
  steps: readonly Prozessschritt[],
  stichtag: IsoDate,
  count = 3,
): { ueberfaellig: Prozessschritt[]; naechste: Prozessschritt[] } {
  const offen = offeneSchritte(steps);
  const ueberfaellig = offen.filter((s) => istUeberfaellig(s, stichtag));
  const naechste = offen.filter((s) => !ueberfaellig.includes(s)).slice(0, count);
  return { ueberfaellig, naechste };
}
