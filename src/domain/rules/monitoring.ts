/**
 * The Integrationsmonitoring's columns of Indikatoren (Art, Handlungsfeld, Berechnung, Nächste
 * Veröffentlichung) and the sheet Gebiete: choice lists, references, a Berechnung that can be computed,
 * and values due from their source.
 */
import { compareIso } from "../dates";
import { gebietText } from "../gebiete";
import { EBENE_VALUES, INDIKATOR_ART_VALUES, VERGLEICH_VALUES } from "../model";
import { berechnungOf, berechnungProblem, nextPublication } from "../monitoringData";
import { idKey, isBlank, referenceId, textOf } from "../values";
import { type Collector, type Row, type RuleContext, at, has, rowId, subjectOf, value } from "./context";
import { checkChoice, sheetOf } from "./structure";

export function checkMonitoring(c: Collector, ctx: RuleContext) {
  const indikatoren = ctx.data.indikatoren;
  for (const ind of indikatoren?.rows ?? []) {
    checkChoice(c, indikatoren!, ind, "art", "Art", INDIKATOR_ART_VALUES);
    checkHandlungsfeld(c, ctx, ind);
    checkBerechnung(c, ctx, ind);
    checkDue(c, ctx, ind);
  }
  checkGebiete(c, ctx);
}

/** The chapter of a Basisindikator: empty, or a Handlungsfeld that exists. */
function checkHandlungsfeld(c: Collector, ctx: RuleContext, ind: Row<"indikatoren">) {
  const table = ctx.data.indikatoren!;
  const raw = value(ind, "handlungsfeld");
  if (!has(table, "handlungsfeld") || isBlank(raw)) return;
  const id = referenceId(raw);
  if (ctx.hfById.has(idKey(id))) return;
  const sheet = sheetOf(ctx, "handlungsfelder");
  const subject = subjectOf(table, ind);
  c.add("VERWEIS_UNBEKANNT", at(table, ind, "handlungsfeld"), { subject, label: "Handlungsfeld", id, sheet });
}

function checkBerechnung(c: Collector, ctx: RuleContext, ind: Row<"indikatoren">) {
  const table = ctx.data.indikatoren!;
  const id = rowId(ind);
  if (!id || !has(table, "berechnung")) return;
  const berechnung = berechnungOf(value(ind, "berechnung"));
  const known = (other: string) => ctx.indById.has(idKey(other));
  const of = (other: string) => berechnungOf(ctx.indById.get(idKey(other))?.values.berechnung ?? null);
  const problem = berechnungProblem(id, berechnung, known, of);
  if (!problem) return;
  c.add("I_BERECHNUNG_UNGUELTIG", at(table, ind, "berechnung"), {
    indicator: id,
    given: textOf(value(ind, "berechnung")),
    problem: problem.problem,
    operand: "operand" in problem ? problem.operand : null,
  });
}

/**
 * New values are due when the Nächste Veröffentlichung lies before the Stichtag and no value of the
 * indicator was retrieved (Abgerufen am) on or after it.
 */
function checkDue(c: Collector, ctx: RuleContext, ind: Row<"indikatoren">) {
  const id = rowId(ind);
  if (!id) return;
  const next = nextPublication(value(ind, "naechsteVeroeffentlichung"), ctx.monitoring.of(id));
  if (!next || next.fetched || compareIso(next.datum, ctx.referenceDate) >= 0) return;
  const { datum } = next;
  c.add("I_WERTE_FAELLIG", at(ctx.data.indikatoren!, ind, "naechsteVeroeffentlichung"), {
    indicator: id,
    datum,
    quelle: textOf(value(ind, "datenquelle")),
  });
}

/** Ebene and Vergleich from their lists; Übergeordnet names a Gebiet of the list. */
function checkGebiete(c: Collector, ctx: RuleContext) {
  const table = ctx.data.gebiete;
  if (!table) return;
  for (const g of table.rows) {
    checkChoice(c, table, g, "ebene", "Ebene", EBENE_VALUES);
    checkChoice(c, table, g, "vergleich", "Vergleich", VERGLEICH_VALUES);
    const parent = gebietText(value(g, "uebergeordnet"));
    if (parent === "" || ctx.monitoring.gebiete.get(parent)) continue;
    c.add("VERWEIS_UNBEKANNT", at(table, g, "uebergeordnet"), {
      subject: subjectOf(table, g),
      label: "Gebiet",
      id: parent,
      sheet: table.sheet,
    });
  }
}
