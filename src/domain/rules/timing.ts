/** T — terminiert: Beginn and Frist of a measure, against each other, the Laufzeit and the Stichtag. */
import { type IsoDate, compareIso, parseGermanDate, periodStart } from "../dates";
import { type Collector, type Row, type RuleContext, at, has, value } from "./context";
import type { Subject } from "./messages";

export function checkDates(
  c: Collector,
  ctx: RuleContext,
  m: Row<"massnahmen">,
  subject: Subject,
  status: string | null,
) {
  const beginn = readBeginn(c, ctx, m, subject);
  const frist = readFrist(c, ctx, m, subject);
  if (!frist) return;
  const table = ctx.data.massnahmen;
  if (beginn && compareIso(beginn, frist) > 0) {
    c.add("T_BEGINN_NACH_FRIST", at(table, m, "beginn"), { subject, beginn, frist });
  }
  const { laufzeitVon: von, laufzeitBis: bis } = ctx.settings;
  if ((von && compareIso(frist, von) < 0) || (bis && compareIso(frist, bis) > 0)) {
    c.add("T_AUSSERHALB_LAUFZEIT", at(table, m, "frist"), { subject, frist, von, bis });
  }
  if ((status === "geplant" || status === "in Umsetzung") && compareIso(frist, ctx.referenceDate) < 0) {
    c.add("T_UEBERFAELLIG", at(table, m, "frist"), { subject, frist, referenceDate: ctx.referenceDate, status });
  }
}

/** Beginn as the first day of the period it names; null when empty or unreadable (reported). */
function readBeginn(c: Collector, ctx: RuleContext, m: Row<"massnahmen">, subject: Subject): IsoDate | null {
  const table = ctx.data.massnahmen;
  if (!has(table, "beginn")) return null;
  const place = at(table, m, "beginn");
  const parsed = parseGermanDate(value(m, "beginn"));
  if (parsed.kind === "invalid") c.add("T_DATUM_UNGUELTIG", place, { subject, label: "Beginn", given: parsed.text });
  if (parsed.kind !== "date") return null;
  const beginn = periodStart(parsed.date, parsed.precision);
  if (parsed.precision !== "day")
    c.add("T_DATUM_UNGENAU", place, { subject, label: "Beginn", precision: parsed.precision, read: beginn });
  return beginn;
}

/** Frist as a date; null when there is none (each case reported). */
function readFrist(c: Collector, ctx: RuleContext, m: Row<"massnahmen">, subject: Subject): IsoDate | null {
  const table = ctx.data.massnahmen;
  if (!has(table, "frist")) return null;
  const place = at(table, m, "frist");
  const parsed = parseGermanDate(value(m, "frist"));
  switch (parsed.kind) {
    case "empty":
      c.add("T_FRIST_FEHLT", place, { subject });
      return null;
    case "vague":
      c.add("T_FRIST_UNBESTIMMT", place, { subject, given: parsed.text });
      return null;
    case "invalid":
      c.add("T_DATUM_UNGUELTIG", place, { subject, label: "Frist", given: parsed.text });
      return null;
    case "date":
      if (parsed.precision !== "day")
        c.add("T_DATUM_UNGENAU", place, { subject, label: "Frist", precision: parsed.precision, read: parsed.date });
      return parsed.date;
  }
}
