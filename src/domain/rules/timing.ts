/** T — terminiert: Beginn and Frist of a measure, against each other, the Laufzeit and the Stichtag. */
import { type IsoDate, compareIso, parseGermanDate, periodStart } from "../dates";
import { type Collector, type Row, type RuleContext, at, has, value } from "./context";

export function checkDates(c: Collector, ctx: RuleContext, m: Row<"massnahmen">, who: string, status: string | null) {
  const beginn = readBeginn(c, ctx, m, who);
  const frist = readFrist(c, ctx, m, who);
  if (!frist) return;
  const table = ctx.data.massnahmen;
  if (beginn && compareIso(beginn, frist) > 0) c.add("T_BEGINN_NACH_FRIST", at(table, m, "beginn"), who, beginn, frist);
  const { laufzeitVon: von, laufzeitBis: bis } = ctx.settings;
  if ((von && compareIso(frist, von) < 0) || (bis && compareIso(frist, bis) > 0)) {
    c.add("T_AUSSERHALB_LAUFZEIT", at(table, m, "frist"), who, frist, von, bis);
  }
  if ((status === "geplant" || status === "in Umsetzung") && compareIso(frist, ctx.referenceDate) < 0) {
    c.add("T_UEBERFAELLIG", at(table, m, "frist"), who, frist, ctx.referenceDate, status);
  }
}

/** Beginn as the first day of the period it names; null when empty or unreadable (reported). */
function readBeginn(c: Collector, ctx: RuleContext, m: Row<"massnahmen">, who: string): IsoDate | null {
  const table = ctx.data.massnahmen;
  if (!has(table, "beginn")) return null;
  const parsed = parseGermanDate(value(m, "beginn"));
  if (parsed.kind === "invalid") c.add("T_DATUM_UNGUELTIG", at(table, m, "beginn"), who, "Beginn", parsed.text);
  if (parsed.kind !== "date") return null;
  const beginn = periodStart(parsed.date, parsed.precision);
  if (parsed.precision !== "day")
    c.add("T_DATUM_UNGENAU", at(table, m, "beginn"), who, "Beginn", parsed.precision, beginn);
  return beginn;
}

/** Frist as a date; null when there is none (each case reported). */
function readFrist(c: Collector, ctx: RuleContext, m: Row<"massnahmen">, who: string): IsoDate | null {
  const table = ctx.data.massnahmen;
  if (!has(table, "frist")) return null;
  const place = at(table, m, "frist");
  const parsed = parseGermanDate(value(m, "frist"));
  switch (parsed.kind) {
    case "empty":
      c.add("T_FRIST_FEHLT", place, who);
      return null;
    case "vague":
      c.add("T_FRIST_UNBESTIMMT", place, who, parsed.text);
      return null;
    case "invalid":
      c.add("T_DATUM_UNGUELTIG", place, who, "Frist", parsed.text);
      return null;
    case "date":
      if (parsed.precision !== "day") c.add("T_DATUM_UNGENAU", place, who, "Frist", parsed.precision, parsed.date);
      return parsed.date;
  }
}
