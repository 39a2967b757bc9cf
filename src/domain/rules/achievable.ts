/** A — aktivierend: the Akteure's contact data and a measure's Federführung. */
import { ART_VALUES } from "../model";
import { akteurIndex } from "../recipients";
import { idKey, isBlank, isEmailAddress, referenceId, textOf } from "../values";
import { type Collector, type Row, type RuleContext, at, has, subjectOf, value } from "./context";
import type { Subject } from "./messages";
import { checkChoice } from "./structure";

/** Every Akteur's E-Mail is an address and its Art in the list. */
export function checkAkteure(c: Collector, ctx: RuleContext) {
  const akteure = ctx.data.akteure;
  for (const a of akteure?.rows ?? []) {
    const mail = textOf(value(a, "email"));
    if (mail !== "" && !isEmailAddress(mail))
      c.add("A_EMAIL_UNGUELTIG", at(akteure!, a, "email"), { subject: subjectOf(akteure!, a), mail });
    checkChoice(c, akteure!, a, "art", "Art", ART_VALUES);
  }
}

/** The measure's Federführung names a known Akteur; returns that Akteur's row. */
export function checkLead(
  c: Collector,
  ctx: RuleContext,
  m: Row<"massnahmen">,
  subject: Subject,
  rejected: boolean,
): Row<"akteure"> | null {
  const table = ctx.data.massnahmen;
  const akteure = ctx.data.akteure;
  if (!has(table, "federfuehrung")) return null;
  const raw = value(m, "federfuehrung");
  if (isBlank(raw)) {
    if (!rejected) c.add("A_FEDERFUEHRUNG_FEHLT", at(table, m, "federfuehrung"), { subject });
    return null;
  }
  if (!akteure) return null;
  const lead = ctx.akteurById.get(idKey(referenceId(raw)));
  if (lead) return lead;
  // The Akteur a Bezeichnung names is the one `split` sends the measure to (src/domain/recipients.ts).
  const byName = leadLookup(akteure)(raw);
  const meant = byName ? { id: byName.id, name: byName.bezeichnung } : null;
  c.add("A_FEDERFUEHRUNG_UNBEKANNT", at(table, m, "federfuehrung"), { subject, given: textOf(raw), meant });
  return null;
}

const lookups = new WeakMap<object, ReturnType<typeof akteurIndex>>();

/** The Akteure as the distribution looks them up (by ID, else by Bezeichnung), built once per table. */
export function leadLookup(akteure: NonNullable<RuleContext["data"]["akteure"]>): ReturnType<typeof akteurIndex> {
  let find = lookups.get(akteure);
  if (!find) {
    find = akteurIndex(
      akteure.rows.map((a) => ({
        id: textOf(value(a, "id")),
        bezeichnung: textOf(value(a, "bezeichnung")),
        fachbereich: textOf(value(a, "fachbereich")),
      })),
    );
    lookups.set(akteure, find);
  }
  return find;
}

/** The lead Akteur can be reached: Ansprechperson or E-Mail. */
export function checkContact(
  c: Collector,
  ctx: RuleContext,
  m: Row<"massnahmen">,
  subject: Subject,
  lead: Row<"akteure"> | null,
) {
  if (!lead || !ctx.data.akteure) return;
  if (!isBlank(value(lead, "ansprechperson")) || !isBlank(value(lead, "email"))) return;
  const table = ctx.data.massnahmen;
  c.add("A_KONTAKT_FEHLT", at(table, m, "federfuehrung"), {
    subject,
    lead: textOf(value(lead, "id")),
    leadName: textOf(value(lead, "bezeichnung")),
  });
}
