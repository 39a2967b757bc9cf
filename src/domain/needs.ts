/**
 * Bedarfe and Angebote: which needs the measures answer and which Handlungsfelder have offers. The rules
 * (rules/needs.ts) and the Übersicht (overview.ts) count with the same functions, so they never disagree.
 */
import { type ConceptData, STATUS_VALUES } from "./model";
import { idKey, matchListValue, referenceId, referenceIds, textOf } from "./values";

/** The Bedarf IDs (ID keys) that a measure not `verworfen` names in its column Bedarfe. */
export function answeredBedarfe(concept: Pick<ConceptData, "massnahmen">): Set<string> {
  return new Set(answeringMeasures(concept).keys());
}

/**
 * Per Bedarf (ID key): the IDs of the measures not `verworfen` that name it, in sheet order. `except` leaves
 * one measure out (the one being edited: which Bedarfe are open apart from it).
 */
export function answeringMeasures(concept: Pick<ConceptData, "massnahmen">, except?: string): Map<string, string[]> {
  // Sets while collecting: a Bedarf named by thousands of measures must not search its list for each.
  const byBedarf = new Map<string, Set<string>>();
  for (const m of concept.massnahmen.rows) {
    if (matchListValue(m.values.status ?? null, STATUS_VALUES) === "verworfen") continue;
    const measure = textOf(m.values.id ?? null);
    if (except !== undefined && measure !== "" && idKey(measure) === idKey(except)) continue;
    for (const id of referenceIds(m.values.bedarfe ?? null)) {
      const measures = byBedarf.get(idKey(id));
      if (measures) measures.add(measure);
      else byBedarf.set(idKey(id), new Set([measure]));
    }
  }
  return new Map([...byBedarf].map(([id, measures]) => [id, [...measures]]));
}

export interface NeedsOfField {
  /** Bedarfe of the Handlungsfeld. */
  bedarfe: number;
  /** Of them, named by a measure not `verworfen`. */
  answered: number;
}

/** Bedarfe and answered Bedarfe per Handlungsfeld (ID key; "" for Bedarfe without a Handlungsfeld). */
export function needsByField(concept: Pick<ConceptData, "massnahmen" | "bedarfe">): Map<string, NeedsOfField> {
  const answered = answeredBedarfe(concept);
  const byField = new Map<string, NeedsOfField>();
  for (const b of concept.bedarfe?.rows ?? []) {
    const id = textOf(b.values.id ?? null);
    const field = idKey(referenceId(b.values.handlungsfeld ?? null));
    const entry = byField.get(field) ?? { bedarfe: 0, answered: 0 };
    entry.bedarfe++;
    if (id !== "" && answered.has(idKey(id))) entry.answered++;
    byField.set(field, entry);
  }
  return byField;
}

/** The Handlungsfelder (ID keys) that at least one Angebot names. */
export function fieldsWithAngebot(concept: Pick<ConceptData, "angebote">): Set<string> {
  return new Set((concept.angebote?.rows ?? []).map((a) => idKey(referenceId(a.values.handlungsfeld ?? null))));
}
