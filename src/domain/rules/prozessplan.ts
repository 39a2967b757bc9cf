/**
 * P — the Prozessplan: every step dated, its dates readable and in order, nothing left overdue, someone
 * responsible who is an Akteur, a Gremium for every Befassung and Sitzung, and the committee advising before
 * the council decides (the Beratungsfolge). Applies only when the sheet Prozessplan is there.
 */
import { compareIso, parseGermanDate } from "../dates";
import { BEFASSUNG_VALUES, FORMAT_VALUES, PROZESS_STATUS_VALUES } from "../model";
import { type Prozessschritt, istUeberfaellig, sameGegenstand, schrittOf } from "../prozessplan";
import { idKey, isBlank, referenceId, textOf } from "../values";
import { leadLookup } from "./achievable";
import { type Collector, type Row, type RuleContext, type Table, at, has, subjectOf, value } from "./context";
import type { Subject } from "./messages";
import { checkChoice } from "./structure";

export function checkProzessplan(c: Collector, ctx: RuleContext) {
  const table = ctx.data.prozessplan;
  if (!table) return;
  const steps: { row: Row<"prozessplan">; step: Prozessschritt }[] = [];
  const begun = planBegun(table);
  for (const row of table.rows) {
    const subject = subjectOf(table, row);
    const step = schrittOf(row);
    checkStepStatus(c, table, row, subject, step);
    checkChoice(c, table, row, "format", "Format", FORMAT_VALUES);
    checkChoice(c, table, row, "befassung", "Befassung", BEFASSUNG_VALUES);
    checkStepDates(c, ctx, table, row, subject, step, begun);
    checkResponsible(c, ctx, table, row, subject, begun);
    checkGremium(c, table, row, subject, step);
    steps.push({ row, step });
  }
  checkBeratungsfolge(c, table, steps);
}

/**
 * Whether anyone has begun to fill in the plan: a step with a Termin or a Verantwortlich. The templates' steps
 * (and those fortschreiben starts the next period with) have neither; until the coordinator dates or assigns
 * the first one, a missing Termin or Verantwortlich is the template's state, not a defect, and a new workbook
 * is not greeted with two warnings per step.
 */
function planBegun(table: Table<"prozessplan">): boolean {
  return table.rows.some((row) => !isBlank(value(row, "termin")) || !isBlank(value(row, "verantwortlich")));
}

/** Status: required, one of the Prozessplan's own (STATUS_UNGUELTIG, with that list). */
function checkStepStatus(
  c: Collector,
  table: Table<"prozessplan">,
  row: Row<"prozessplan">,
  subject: Subject,
  step: Prozessschritt,
) {
  if (!has(table, "status") || step.status) return;
  const raw = value(row, "status");
  c.add("STATUS_UNGUELTIG", at(table, row, "status"), {
    subject,
    given: isBlank(raw) ? null : textOf(raw),
    list: PROZESS_STATUS_VALUES,
  });
}

/** Beginn and Termin readable, Beginn not after Termin, Termin given and not overdue. */
function checkStepDates(
  c: Collector,
  ctx: RuleContext,
  table: Table<"prozessplan">,
  row: Row<"prozessplan">,
  subject: Subject,
  step: Prozessschritt,
  begun: boolean,
) {
  for (const label of ["Beginn", "Termin"] as const) {
    const field = label === "Beginn" ? "beginn" : "termin";
    if (!has(table, field)) continue;
    const parsed = parseGermanDate(value(row, field));
    if (parsed.kind === "invalid" || parsed.kind === "vague") {
      c.add("P_DATUM_UNGUELTIG", at(table, row, field), {
        subject,
        label,
        given: parsed.text,
        vague: parsed.kind === "vague",
      });
    } else if (parsed.kind === "empty" && field === "termin" && begun) {
      c.add("P_TERMIN_FEHLT", at(table, row, "termin"), { subject });
    }
  }
  const { beginn, termin } = step;
  if (beginn && termin && compareIso(beginn, termin) > 0) {
    c.add("P_BEGINN_NACH_TERMIN", at(table, row, "beginn"), { subject, beginn, termin });
  }
  if (termin && step.status && istUeberfaellig(step, ctx.referenceDate)) {
    c.add("P_UEBERFAELLIG", at(table, row, "termin"), {
      subject,
      termin,
      referenceDate: ctx.referenceDate,
      status: step.status,
    });
  }
}

/** Verantwortlich: given, and an Akteur (by ID; a Bezeichnung is recognised and the Akteur proposed). */
function checkResponsible(
  c: Collector,
  ctx: RuleContext,
  table: Table<"prozessplan">,
  row: Row<"prozessplan">,
  subject: Subject,
  begun: boolean,
) {
  if (!has(table, "verantwortlich")) return;
  const raw = value(row, "verantwortlich");
  if (isBlank(raw)) {
    if (begun) c.add("P_VERANTWORTLICH_FEHLT", at(table, row, "verantwortlich"), { subject });
    return;
  }
  const akteure = ctx.data.akteure;
  if (!akteure || ctx.akteurById.has(idKey(referenceId(raw)))) return;
  const byName = leadLookup(akteure)(raw);
  const meant = byName ? { id: byName.id, name: byName.bezeichnung } : null;
  c.add("P_VERANTWORTLICH_UNBEKANNT", at(table, row, "verantwortlich"), { subject, given: textOf(raw), meant });
}

/** A step with a Befassung, or of Format `Sitzung`, names its Gremium. */
function checkGremium(
  c: Collector,
  table: Table<"prozessplan">,
  row: Row<"prozessplan">,
  subject: Subject,
  step: Prozessschritt,
) {
  if (!has(table, "gremium") || !isBlank(value(row, "gremium"))) return;
  const befassung = textOf(value(row, "befassung"));
  const sitzung = step.format === "Sitzung";
  if (befassung === "" && !sitzung) return;
  c.add("P_GREMIUM_FEHLT", at(table, row, "gremium"), { subject, befassung: befassung || null });
}

/**
 * A Beschluss on a Gegenstand dated before a Beratung or Empfehlung of the same Gegenstand: the committee
 * advises before the council decides. Steps `entfallen` take no part; the finding names the latest of the
 * later Beratungen and Empfehlungen.
 */
function checkBeratungsfolge(
  c: Collector,
  table: Table<"prozessplan">,
  steps: { row: Row<"prozessplan">; step: Prozessschritt }[],
) {
  const dated = steps.filter(({ step }) => step.termin && step.status !== "entfallen" && step.gegenstand !== "");
  for (const { row, step } of dated) {
    if (step.befassung !== "Beschluss") continue;
    const later = dated
      .map((s) => s.step)
      .filter(
        (o) =>
          (o.befassung === "Beratung" || o.befassung === "Empfehlung") &&
          sameGegenstand(o.gegenstand, step.gegenstand) &&
          compareIso(o.termin!, step.termin!) > 0,
      )
      .sort((a, b) => compareIso(b.termin!, a.termin!));
    const other = later[0];
    if (!other) continue;
    c.add("P_BERATUNGSFOLGE", at(table, row, "termin"), {
      subject: subjectOf(table, row),
      gegenstand: step.gegenstand,
      gremium: step.gremium,
      termin: step.termin!,
      other: {
        id: other.id,
        gremium: other.gremium,
        befassung: other.befassung as "Beratung" | "Empfehlung",
        termin: other.termin!,
      },
    });
  }
}
