/**
 * B and K for the inventory: Bedarfe of high priority answered by a measure (or with a reason why not),
 * Handlungsfelder with at least one existing Angebot; and the references of Angebote, Bedarfe and of the
 * measures' column Bedarfe. All of it applies only when the sheet is there.
 */
import { PRIORITAET_VALUES } from "../model";
import { answeredBedarfe, fieldsWithAngebot } from "../needs";
import { idKey, isBlank, matchListValue, referenceIds, textOf } from "../values";
import { type Collector, type RuleContext, at, has, indexById, rowId, subjectOf, value } from "./context";
import { checkChoice, checkReference, sheetOf } from "./structure";

export function checkNeeds(c: Collector, ctx: RuleContext) {
  checkAngeboteReferences(c, ctx);
  checkBedarfeReferences(c, ctx);
  checkMeasureBedarfe(c, ctx);
  checkUnansweredBedarfe(c, ctx);
  checkFieldsWithoutAngebot(c, ctx);
}

function checkAngeboteReferences(c: Collector, ctx: RuleContext) {
  const angebote = ctx.data.angebote;
  for (const a of angebote?.rows ?? []) {
    checkReference(c, angebote!, a, "handlungsfeld", "Handlungsfeld", ctx.hfById, sheetOf(ctx, "handlungsfelder"));
  }
}

function checkBedarfeReferences(c: Collector, ctx: RuleContext) {
  const bedarfe = ctx.data.bedarfe;
  for (const b of bedarfe?.rows ?? []) {
    checkReference(c, bedarfe!, b, "handlungsfeld", "Handlungsfeld", ctx.hfById, sheetOf(ctx, "handlungsfelder"));
    checkChoice(c, bedarfe!, b, "prioritaet", "Priorität", PRIORITAET_VALUES);
  }
}

/** Every Bedarf a measure names exists (when the sheet Bedarfe is there). */
function checkMeasureBedarfe(c: Collector, ctx: RuleContext) {
  const { massnahmen, bedarfe } = ctx.data;
  if (!bedarfe || !has(massnahmen, "bedarfe")) return;
  const known = indexById(bedarfe);
  for (const m of massnahmen.rows) {
    for (const id of referenceIds(value(m, "bedarfe"))) {
      if (known.has(idKey(id))) continue;
      const subject = subjectOf(massnahmen, m);
      c.add("VERWEIS_UNBEKANNT", at(massnahmen, m, "bedarfe"), { subject, label: "Bedarf", id, sheet: bedarfe.sheet });
    }
  }
}

/** B_OHNE_MASSNAHME: a Bedarf of Priorität `hoch` that no measure (not `verworfen`) names and that has no Begründung. */
function checkUnansweredBedarfe(c: Collector, ctx: RuleContext) {
  const bedarfe = ctx.data.bedarfe;
  if (!bedarfe) return;
  const answered = answeredBedarfe(ctx.data);
  for (const b of bedarfe.rows) {
    const id = rowId(b);
    if (!id || answered.has(idKey(id))) continue;
    if (matchListValue(value(b, "prioritaet"), PRIORITAET_VALUES) !== "hoch") continue;
    if (has(bedarfe, "begruendung") && !isBlank(value(b, "begruendung"))) continue;
    c.add("B_OHNE_MASSNAHME", at(bedarfe, b, "id"), { id, bedarf: textOf(value(b, "bedarf")) });
  }
}

/**
 * K_HANDLUNGSFELD_OHNE_BESTAND: the sheet Angebote is there, but a Handlungsfeld has no Angebot. An empty
 * sheet (as `init` creates it) means the Bestandsaufnahme has not begun: no finding then.
 */
function checkFieldsWithoutAngebot(c: Collector, ctx: RuleContext) {
  const { angebote, handlungsfelder } = ctx.data;
  if (!angebote || !handlungsfelder || !has(angebote, "handlungsfeld") || angebote.rows.length === 0) return;
  const covered = fieldsWithAngebot(ctx.data);
  for (const h of handlungsfelder.rows) {
    const id = rowId(h);
    if (!id || covered.has(idKey(id))) continue;
    const name = textOf(value(h, "handlungsfeld"));
    c.add("K_HANDLUNGSFELD_OHNE_BESTAND", at(handlungsfelder, h, "id"), { id, name });
  }
}
