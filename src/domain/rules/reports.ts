/** Sachstände: readable rows, a report per measure for the Berichtsstichtag, and agreement with the Status. */
import { STATUS_VALUES } from "../model";
import {
  AMPEL_VALUES,
  type Sachstand,
  currentBerichtsstichtag,
  latestSachstand,
  sachstandHistory,
  sachstandDue,
  sachstandOf,
  sachstandProblems,
} from "../monitoring";
import { idKey, matchListValue, referenceId, textOf } from "../values";
import {
  type Collector,
  type Row,
  type RuleContext,
  type Table,
  at,
  indexById,
  rowId,
  subjectOf,
  value,
} from "./context";
import { checkChoice } from "./structure";

export function checkSachstaende(c: Collector, ctx: RuleContext) {
  const table = ctx.data.sachstaende;
  const reports = table ? readReports(c, ctx, table) : [];
  const berichtsstichtag = currentBerichtsstichtag(ctx.settings.berichtsstichtag, reports, ctx.referenceDate);
  for (const m of ctx.data.massnahmen.rows) {
    const status = matchListValue(value(m, "status"), STATUS_VALUES);
    const id = rowId(m);
    if (!status || !id) continue;
    if (berichtsstichtag && (table || ctx.settings.berichtsstichtag))
      checkReported(c, ctx, m, id, status, berichtsstichtag, reports);
    const latest = latestSachstand(id, reports);
    if (latest && latest.status !== status) {
      c.add("SACHSTAND_WIDERSPRUCH", at(ctx.data.massnahmen, m, "status"), {
        subject: subjectOf(ctx.data.massnahmen, m),
        status,
        reported: latest.status,
        berichtsstichtag: latest.berichtsstichtag,
      });
    }
  }
}

/** The readable rows of known measures; every unreadable cell is reported. */
function readReports(c: Collector, ctx: RuleContext, table: Table<"sachstaende">): Sachstand[] {
  const measures = indexById(ctx.data.massnahmen);
  const former = new Set((ctx.data.formerMeasures ?? []).map(idKey));
  const reports: Sachstand[] = [];
  for (const row of table.rows) {
    const id = idKey(referenceId(value(row, "massnahme")));
    // The history of a measure an earlier Fortschreibung did not carry: neither wrong nor current.
    if (!measures.has(id) && former.has(id)) continue;
    const known = checkReportRow(c, table, row, measures.has(id));
    checkChoice(c, table, row, "ampel", "Ampel", AMPEL_VALUES);
    const report = known ? sachstandOf(row) : null;
    if (report) reports.push(report);
  }
  return reports;
}

/** Reports each unreadable cell of a Sachstände row; false when its measure is missing or unknown. */
function checkReportRow(c: Collector, table: Table<"sachstaende">, row: Row<"sachstaende">, known: boolean): boolean {
  const measure = referenceId(value(row, "massnahme"));
  const subject = subjectOf(table, row);
  for (const field of sachstandProblems(row)) {
    const place = { table, row: row.row, field, id: measure || null };
    c.add("SACHSTAND_UNGUELTIG", place, { subject, problem: field, given: textOf(value(row, field)) });
  }
  if (measure !== "" && !known) {
    const place = { table, row: row.row, field: "massnahme" as const, id: measure };
    c.add("SACHSTAND_UNGUELTIG", place, { subject, problem: "unbekannt", given: measure });
  }
  return measure !== "" && known;
}

/** A measure `in Umsetzung`, or `geplant` with Beginn on or before the Berichtsstichtag, has a report for it. */
function checkReported(
  c: Collector,
  ctx: RuleContext,
  m: Row<"massnahmen">,
  id: string,
  status: string,
  berichtsstichtag: string,
  reports: Sachstand[],
) {
  if (!sachstandDue(status, value(m, "beginn"), berichtsstichtag)) return;
  const reported = sachstandHistory(id, reports).some((r) => r.berichtsstichtag === berichtsstichtag);
  if (!reported) {
    const subject = subjectOf(ctx.data.massnahmen, m);
    c.add("SACHSTAND_FEHLT", at(ctx.data.massnahmen, m, "id"), { subject, berichtsstichtag });
  }
}
