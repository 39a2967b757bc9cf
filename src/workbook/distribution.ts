/**
 * Who gets which rows when the Gesamtdatei is distributed (`split`, the pane's Verteilen view): every
 * Fachbereich and every Akteur without Fachbereich that leads a measure gets a file of its own; measures
 * `verworfen` stay at home; what cannot be assigned is listed before any file is written, never sent as a
 * mixed file. Light (domain only), so the pane shows it before it loads the writer.
 */
import {
  type AkteurRef,
  type Recipient,
  type RecipientRef,
  akteurLabel,
  assignRows,
  compareRecipients,
  recipientMatcher,
} from "../domain/recipients";
import type { CellValue } from "../domain/dates";
import { isBlank, textOf } from "../domain/values";
import type { ReadConcept } from "./read";

export function akteurRefs(concept: Pick<ReadConcept, "akteure">): AkteurRef[] {
  return (concept.akteure?.rows ?? []).map((r) => ({
    id: textOf(r.values.id ?? null),
    bezeichnung: textOf(r.values.bezeichnung ?? null),
    fachbereich: textOf(r.values.fachbereich ?? null),
  }));
}

/** A row of a distribution: its ID and values by field (the user's own columns included where read). */
export interface DistributedRow {
  id: string;
  values: Record<string, CellValue>;
  row: number;
}

/** What a distribution says about one row before anything is written. */
export interface RowNote {
  kind: "massnahme" | "angebot" | "indikator";
  id: string;
  /** Titel, Angebot or Indikator. */
  title: string;
  /** The lead as written (Federführung, Träger, Zuständig); "" when empty. */
  lead: string;
  /** For a lead written as a Bezeichnung: the Akteur it was resolved to, as `A-06 – Jobcenter`. */
  akteur?: string;
}

export interface RecipientGroup<T> {
  recipient: Recipient;
  rows: T[];
  /** The Erfassungsbogen (`split --angebote`): the Angebote whose Träger the recipient is or employs. */
  angebote?: T[];
}

export interface Distribution<T> {
  /** Fachbereiche (alphabetically), then Akteure without Fachbereich (alphabetically). */
  groups: RecipientGroup<T>[];
  /** Rows nobody receives (no lead, or a lead that names no Akteur): not sent. */
  unassigned: RowNote[];
  /** Leads written as a Bezeichnung, sent to the Akteur `check` suggests. */
  byName: RowNote[];
  /** Measures `verworfen`: not sent. */
  rejected: RowNote[];
}

const TITLE_FIELD = { massnahme: "titel", angebot: "angebot", indikator: "indikator" } as const;

function note(kind: RowNote["kind"], row: { id: string; values: Record<string, CellValue> }, lead: string): RowNote {
  return { kind, id: row.id, title: textOf(row.values[TITLE_FIELD[kind]] ?? null), lead };
}

/**
 * The recipients of the measures (and with `angebote` of the Angebote, every Akteur's recipient getting a group
 * even without rows). With `sachstand`, indicators whose Zuständig names no Akteur are listed too: their values
 * would be asked of nobody.
 */
export function distributionOf<T extends DistributedRow>(
  concept: Pick<ReadConcept, "akteure" | "indikatoren">,
  measures: T[],
  options: { angebote?: T[] | null; sachstand?: boolean } = {},
): Distribution<T> {
  const akteure = akteurRefs(concept);
  const assigned = assignRows(akteure, measures, { leadField: "federfuehrung", skipRejected: true });
  const offers = options.angebote
    ? assignRows(akteure, options.angebote, { leadField: "traeger", everyAkteur: true })
    : null;
  const groups = new Map(assigned.groups.map((g) => [g.recipient.key, { ...g } as RecipientGroup<T>]));
  for (const g of offers?.groups ?? []) {
    const group = groups.get(g.recipient.key) ?? { recipient: g.recipient, rows: [] };
    group.angebote = g.rows;
    groups.set(g.recipient.key, group);
  }
  if (offers) for (const g of groups.values()) g.angebote ??= [];
  const named = (kind: RowNote["kind"], list: typeof assigned.byName) =>
    list.map((b) => ({ ...note(kind, b.row, b.lead), akteur: akteurLabel(b.akteur) }));
  return {
    groups: [...groups.values()].sort((a, b) => compareRecipients(a.recipient, b.recipient)),
    unassigned: [
      ...assigned.unassigned.map((u) => note("massnahme", u.row, u.lead)),
      ...(offers?.unassigned ?? []).map((u) => note("angebot", u.row, u.lead)),
      ...(options.sachstand ? unassignedIndicators(concept, akteure) : []),
    ],
    byName: [...named("massnahme", assigned.byName), ...named("angebot", offers?.byName ?? [])],
    rejected: assigned.rejected.map((r) => note("massnahme", r, textOf(r.values["federfuehrung"] ?? null))),
  };
}

/** Indicators whose Zuständig is given but names no Akteur. */
function unassignedIndicators(concept: Pick<ReadConcept, "indikatoren">, akteure: AkteurRef[]): RowNote[] {
  const rows = (concept.indikatoren?.rows ?? [])
    .map((r) => ({ id: textOf(r.values.id ?? null), values: r.values as Record<string, CellValue> }))
    .filter((r) => r.id !== "" && !isBlank(r.values["zustaendig"] ?? null));
  return assignRows(akteure, rows, { leadField: "zustaendig" }).unassigned.map((u) => note("indikator", u.row, u.lead));
}

/** The indicators whose Zuständig belongs to a recipient: their values are asked of it in a status query. */
export function indicatorsOf(
  concept: Pick<ReadConcept, "akteure" | "indikatoren">,
  ref: RecipientRef,
): { id: string; values: Record<string, CellValue> }[] {
  const owns = recipientMatcher(akteurRefs(concept), ref);
  return (concept.indikatoren?.rows ?? [])
    .filter((r) => textOf(r.values.id ?? null) !== "" && !isBlank(r.values.zustaendig ?? null))
    .filter((r) => owns(r.values.zustaendig ?? null))
    .map((r) => ({ id: textOf(r.values.id ?? null), values: r.values as Record<string, CellValue> }));
}

// ---------------------------------------------------------------------------------------------
// The sentences the command line and the pane show

const SUBJECT = { massnahme: "Maßnahme", angebot: "Angebot", indikator: "Indikator" } as const;
const LEAD = {
  massnahme: ["Federführung", "keine Federführung"],
  angebot: ["Träger", "kein Träger"],
  indikator: ["Zuständig", "kein Zuständig"],
} as const;

function named(n: RowNote): string {
  return `${SUBJECT[n.kind]} ${n.id || "(ohne ID)"}${n.title ? ` „${n.title}“` : ""}`;
}

/** Why a row goes to nobody, and what to do. */
export function unassignedText(n: RowNote): string {
  return n.lead
    ? `${named(n)}: ${LEAD[n.kind][0]} „${n.lead}“ ist kein Akteur; bitte einen Akteur aus der Liste wählen oder im Blatt „Akteure“ anlegen.`
    : `${named(n)}: ${LEAD[n.kind][1]}; bitte einen Akteur aus der Liste wählen.`;
}

/** A lead written as a Bezeichnung, and to whom the row goes. */
export function byNameText(n: RowNote): string {
  return `${named(n)}: ${LEAD[n.kind][0]} „${n.lead}“ ist keine Akteur-ID; verteilt an ${n.akteur} (bitte die ID eintragen).`;
}
