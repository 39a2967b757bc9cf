/**
 * What falls due (`anstehend`, the pane's start view, the calendar file): every date of every kind in
 * DUE_KINDS (./anstehendArten.ts), overdue first, then by date, grouped by who is responsible with
 * Ansprechperson and E-Mail. Pure: the workbook layer hands in the concept and the rounds it holds.
 */
import { type DueContext, type DueDate, DUE_KINDS, type Responsible } from "./anstehendArten";
import type { CalendarItem } from "./ics";
import { type IsoDate, addDays, compareIso, daysBetween, formatGermanDate } from "./dates";
import type { ConceptData } from "./model";
import { MonitoringData } from "./monitoringData";
import { countOf } from "./numbers";
import { type AkteurRef, akteurIndex, akteurLabel } from "./recipients";
import { readSettings } from "./settings";
import { idKey, normalizeLabel, textOf } from "./values";

export type { Responsible } from "./anstehendArten";

/** One date placed at the Stichtag. */
export interface DueItem extends DueDate {
  kind: string;
  /** Its date lies before the Stichtag. */
  overdue: boolean;
  /** Days from the Stichtag to the date: negative when overdue, 0 on the Stichtag itself. */
  days: number;
}

export interface DueGroup {
  responsible: Responsible;
  /** Overdue first, then by date. */
  items: DueItem[];
}

export interface Anstehend {
  stichtag: IsoDate;
  /** The window: the days after the Stichtag, and its last day. */
  tage: number;
  bis: IsoDate;
  overdue: number;
  due: number;
  /** Groups ordered by their first item, so that the most pressing comes first. */
  groups: DueGroup[];
}

export interface AnstehendInput {
  data: ConceptData;
  /** The years of the Bewertung rounds the workbook holds. */
  rounds: readonly number[];
}

export const DEFAULT_TAGE = 60;

/** Who answers for a date of the whole concept (Rücklauf, Berichtsstichtag, the next round). */
export const COORDINATION: Responsible = {
  key: "koordination",
  label: "Koordination des Konzepts",
  fachbereich: "",
  ansprechperson: "",
  email: "",
  known: false,
};

const NOBODY: Responsible = {
  key: "ohne",
  label: "Ohne Zuständigkeit",
  fachbereich: "",
  ansprechperson: "",
  email: "",
  known: false,
};

interface AkteurContact extends AkteurRef {
  ansprechperson: string;
  email: string;
}

/** The responsible a cell names: the Akteur with its contact, the text as written, or nobody. */
export function responsibleResolver(
  akteure: ConceptData["akteure"],
): (cell: Parameters<DueContext["responsibleOf"]>[0]) => Responsible {
  const contacts: AkteurContact[] = (akteure?.rows ?? []).map((r) => ({
    id: textOf(r.values.id ?? null),
    bezeichnung: textOf(r.values.bezeichnung ?? null),
    fachbereich: textOf(r.values.fachbereich ?? null),
    ansprechperson: textOf(r.values.ansprechperson ?? null),
    email: textOf(r.values.email ?? null),
  }));
  const find = akteurIndex(contacts);
  return (cell) => {
    const written = textOf(cell ?? null);
    if (!written) return NOBODY;
    const a = find(cell ?? null);
    if (!a) return { ...NOBODY, key: `text:${normalizeLabel(written)}`, label: written };
    const { fachbereich, ansprechperson, email } = a;
    return {
      key: `akteur:${idKey(a.id || a.bezeichnung)}`,
      label: akteurLabel(a),
      fachbereich,
      ansprechperson,
      email,
      known: true,
    };
  };
}

/** Overdue first, then by date, then in the order of DUE_KINDS, then by ID. */
function compareItems(a: DueItem, b: DueItem): number {
  const order = (k: string) => DUE_KINDS.findIndex((d) => d.kind === k);
  return (
    Number(b.overdue) - Number(a.overdue) ||
    compareIso(a.date, b.date) ||
    order(a.kind) - order(b.kind) ||
    (a.id ?? "").localeCompare(b.id ?? "", "de", { numeric: true })
  );
}

/**
 * Everything overdue at the Stichtag and everything due within `tage` days after it (the Stichtag and the
 * last day included), grouped by the responsible.
 */
export function anstehend(input: AnstehendInput, options: { stichtag: IsoDate; tage?: number }): Anstehend {
  const { stichtag } = options;
  const tage = options.tage ?? DEFAULT_TAGE;
  const bis = addDays(stichtag, tage);
  const { settings, rows } = readSettings(input.data);
  const ctx: DueContext = {
    data: input.data,
    settings,
    settingRows: rows,
    rounds: input.rounds,
    stichtag,
    responsibleOf: responsibleResolver(input.data.akteure),
    coordination: COORDINATION,
    monitoring: new MonitoringData(input.data),
  };
  const items = DUE_KINDS.flatMap((k) =>
    k.collect(ctx).map((d): DueItem => {
      const days = daysBetween(stichtag, d.date);
      return { ...d, kind: k.kind, overdue: days < 0, days };
    }),
  )
    .filter((i) => compareIso(i.date, bis) <= 0)
    .sort(compareItems);
  const groups = new Map<string, DueGroup>();
  for (const item of items) {
    const group = groups.get(item.responsible.key) ?? { responsible: item.responsible, items: [] };
    group.items.push(item);
    groups.set(item.responsible.key, group);
  }
  const overdue = items.filter((i) => i.overdue).length;
  return { stichtag, tage, bis, overdue, due: items.length - overdue, groups: [...groups.values()] };
}

/** The contact of a responsible in one line: „Jan Wichmann, kita@beispielkreis.de“; "" without any. */
export function contactLine(r: Responsible): string {
  return [r.ansprechperson, r.email].filter(Boolean).join(", ");
}

/** The items as events of a calendar file (src/domain/ics.ts), one per item. */
export function calendarItems(result: Anstehend): CalendarItem[] {
  return result.groups.flatMap((g) =>
    g.items.map((i) => ({
      key: i.key,
      date: i.date,
      summary: i.summary,
      description: i.text,
      responsible: g.responsible.label + (g.responsible.fachbereich ? ` (${g.responsible.fachbereich})` : ""),
      ...(contactLine(g.responsible) ? { contact: contactLine(g.responsible) } : {}),
    })),
  );
}

/** When an item is due, as the head of its line: „überfällig seit 31.10.2026 (22 Tage)“. */
export function dueWhen(item: Pick<DueItem, "date" | "days">): string {
  const date = formatGermanDate(item.date);
  if (item.days < 0) return `überfällig seit ${date} (${countOf(-item.days, "Tag", "Tage")})`;
  if (item.days === 0) return `fällig heute, ${date}`;
  return `fällig am ${date} (in ${countOf(item.days, "Tag", "Tagen")})`;
}

/** The whole list in one German sentence: how much is overdue, how much comes until when. */
export function anstehendSummary(result: Anstehend): string {
  const bis = formatGermanDate(result.bis);
  if (result.overdue + result.due === 0) return `Nichts ist überfällig, und bis zum ${bis} steht nichts an.`;
  const overdue =
    result.overdue === 0
      ? "Nichts ist überfällig"
      : `${countOf(result.overdue, "Punkt ist", "Punkte sind")} überfällig`;
  const due =
    result.due === 0
      ? "bis zum " + bis + " steht nichts weiter an"
      : `bis zum ${bis} ${result.due === 1 ? "steht 1 Punkt" : `stehen ${result.due} Punkte`} an`;
  return `${overdue}, ${due}.`;
}
