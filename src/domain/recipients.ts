/**
 * Who leads a row and who receives it when the Gesamtdatei is distributed (`split`): the lead Akteur is
 * found by its ID or, for a Federführung written as text, by its Bezeichnung — the Akteur `check` suggests
 * (A_FEDERFUEHRUNG_UNBEKANNT) is the one a distribution sends the measure to. The recipient (Empfänger) is the
 * Akteur's Fachbereich, or the Akteur itself when it has none (an external partner such as the Jobcenter): each
 * gets a file of its own, and a return is merged only into the rows of its recipient. Pure.
 */
import type { CellValue } from "./dates";
import { STATUS_VALUES } from "./model";
import { idKey, matchListValue, normalizeLabel, referenceId, referenceLabel, textOf } from "./values";

export interface AkteurRef {
  id: string;
  bezeichnung: string;
  fachbereich: string;
}

/** Looks up Akteure by ID and, for a Federführung written as a name, by Bezeichnung. */
export function akteurIndex<A extends AkteurRef>(akteure: A[]): (federfuehrung: CellValue) => A | null {
  const byId = new Map<string, A>();
  const byName = new Map<string, A>();
  for (const a of akteure) {
    if (a.id && !byId.has(idKey(a.id))) byId.set(idKey(a.id), a);
    if (a.bezeichnung && !byName.has(normalizeLabel(a.bezeichnung))) byName.set(normalizeLabel(a.bezeichnung), a);
  }
  return (value) => {
    const id = referenceId(value);
    if (id === "") return null;
    return byId.get(idKey(id)) ?? byName.get(normalizeLabel(textOf(value))) ?? byName.get(normalizeLabel(id)) ?? null;
  };
}

/** Whether a cell names the Akteur by its ID (`A-06`, `A-06 – Jobcenter`), not only by its Bezeichnung. */
export function namesAkteurById(value: CellValue, akteur: AkteurRef): boolean {
  return akteur.id !== "" && idKey(referenceId(value)) === idKey(akteur.id);
}

/** The Fachbereich of a measure: that of its lead Akteur; "" when there is none. */
export function fachbereichResolver(akteure: AkteurRef[]): (federfuehrung: CellValue) => string {
  const find = akteurIndex(akteure);
  return (value) => textOf(find(value)?.fachbereich ?? "");
}

export function sameFachbereich(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}

/** Who receives a row: a Fachbereich, or an Akteur without Fachbereich. */
export interface Recipient {
  /** Equal for the same recipient however it is spelled: `fb:…` or `akteur:…`. */
  key: string;
  /** The Fachbereich, or the Akteur's Bezeichnung (its ID when it has none): for file names and the Hinweise. */
  name: string;
  /** The Akteur that receives a file of its own; null for a Fachbereich. */
  akteur: AkteurRef | null;
}

/** What a distributed file remembers of its recipient (in its hidden base sheet). */
export interface RecipientRef {
  /** The Fachbereich; "" for a file sent to an Akteur. */
  fachbereich: string;
  /** The Akteur's ID (its Bezeichnung when it has none) for a file sent to an Akteur without Fachbereich. */
  akteur?: string;
}

/** Files written before Akteure without Fachbereich got their own: everything without a Fachbereich went there. */
export const LEGACY_NO_FACHBEREICH = "ohne Fachbereich";

export function recipientOf(akteur: AkteurRef): Recipient {
  const fachbereich = akteur.fachbereich.trim();
  if (fachbereich) return { key: `fb:${normalizeLabel(fachbereich)}`, name: fachbereich, akteur: null };
  return { key: akteurKey(akteur.id || akteur.bezeichnung), name: akteur.bezeichnung || akteur.id, akteur };
}

const akteurKey = (idOrName: string) => `akteur:${normalizeLabel(idOrName)}`;

export function recipientRef(recipient: Recipient): RecipientRef {
  return recipient.akteur
    ? { fachbereich: "", akteur: recipient.akteur.id || recipient.akteur.bezeichnung }
    : { fachbereich: recipient.name };
}

/** The recipient of a row whose lead (Federführung, Träger, Zuständig) is `lead`; null when it names no Akteur. */
export function recipientResolver(akteure: AkteurRef[]): (lead: CellValue) => Recipient | null {
  const find = akteurIndex(akteure);
  return (lead) => {
    const akteur = find(lead);
    return akteur ? recipientOf(akteur) : null;
  };
}

/**
 * Whether a row whose lead is `lead` belongs to the file sent to `ref`. A file of the old kind „ohne
 * Fachbereich“ owns every row without a Fachbereich, as it was sent.
 */
export function recipientMatcher(akteure: AkteurRef[], ref: RecipientRef): (lead: CellValue) => boolean {
  const resolve = recipientResolver(akteure);
  if (!ref.akteur && normalizeLabel(ref.fachbereich) === normalizeLabel(LEGACY_NO_FACHBEREICH)) {
    return (lead) => {
      const r = resolve(lead);
      return r === null || r.akteur !== null;
    };
  }
  const key = ref.akteur ? akteurKey(ref.akteur) : `fb:${normalizeLabel(ref.fachbereich)}`;
  return (lead) => resolve(lead)?.key === key;
}

/** An Akteur as the dropdowns show it: `A-06 – Jobcenter` (its Bezeichnung alone without ID). */
export function akteurLabel(akteur: AkteurRef): string {
  return akteur.id ? referenceLabel(akteur.id, akteur.bezeichnung) : akteur.bezeichnung;
}

/** A recipient as the notes name it: the Fachbereich, or the Akteur as `A-06 – Jobcenter`. */
export function recipientLabel(recipient: Recipient): string {
  return recipient.akteur ? akteurLabel(recipient.akteur) : recipient.name;
}

/** The recipient a file was sent to, as the notes name it. */
export function recipientRefLabel(akteure: AkteurRef[], ref: RecipientRef): string {
  if (!ref.akteur) return ref.fachbereich || LEGACY_NO_FACHBEREICH;
  const akteur = akteurIndex(akteure)(ref.akteur);
  return akteur ? akteurLabel(akteur) : ref.akteur;
}

// ---------------------------------------------------------------------------------------------
// Assigning the rows of a distribution

/** Fachbereiche first, then Akteure without Fachbereich; each alphabetically. */
export function compareRecipients(a: Recipient, b: Recipient): number {
  return Number(a.akteur !== null) - Number(b.akteur !== null) || a.name.localeCompare(b.name, "de");
}

/** A row that goes to nobody: no lead, or a lead that names no Akteur. */
export interface Unassigned<T> {
  row: T;
  /** The lead as written ("" when empty). */
  lead: string;
}

/** A row whose lead names an Akteur by its Bezeichnung, not its ID: sent to that Akteur's recipient. */
export interface AssignedByName<T> {
  row: T;
  lead: string;
  akteur: AkteurRef;
}

export interface Assignment<T> {
  /** Fachbereiche (alphabetically), then Akteure without Fachbereich (alphabetically); rows in sheet order. */
  groups: { recipient: Recipient; rows: T[] }[];
  unassigned: Unassigned<T>[];
  byName: AssignedByName<T>[];
  /** Rows left out because they are `verworfen` (with `skipRejected`). */
  rejected: T[];
}

/**
 * Assigns rows to their recipients by the Akteur in `leadField`. `everyAkteur`: every Akteur's recipient gets a
 * group, even without rows (the Erfassungsbogen goes to everyone). `skipRejected`: measures `verworfen` are not
 * sent.
 */
export function assignRows<T extends { values: Record<string, CellValue> }>(
  akteure: AkteurRef[],
  rows: T[],
  options: { leadField: string; skipRejected?: boolean; everyAkteur?: boolean },
): Assignment<T> {
  const find = akteurIndex(akteure);
  const groups = new Map<string, { recipient: Recipient; rows: T[] }>();
  const groupOf = (recipient: Recipient) => {
    const group = groups.get(recipient.key) ?? { recipient, rows: [] };
    groups.set(recipient.key, group);
    return group;
  };
  if (options.everyAkteur) for (const a of akteure) if (a.id || a.bezeichnung) groupOf(recipientOf(a));
  const out: Assignment<T> = { groups: [], unassigned: [], byName: [], rejected: [] };
  for (const row of rows) {
    if (options.skipRejected && matchListValue(row.values["status"] ?? null, STATUS_VALUES) === "verworfen") {
      out.rejected.push(row);
      continue;
    }
    const value = row.values[options.leadField] ?? null;
    const akteur = find(value);
    if (!akteur) {
      out.unassigned.push({ row, lead: textOf(value) });
      continue;
    }
    if (!namesAkteurById(value, akteur)) out.byName.push({ row, lead: textOf(value), akteur });
    groupOf(recipientOf(akteur)).rows.push(row);
  }
  out.groups = [...groups.values()].sort((a, b) => compareRecipients(a.recipient, b.recipient));
  return out;
}
