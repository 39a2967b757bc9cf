/** R — realistisch: Personal, Sachkosten and Finanzierung of a measure. */
import { FINANZIERUNG_VALUES } from "../model";
import { parseGermanNumber } from "../numbers";
import { isBlank, matchListValue } from "../values";
import { type Collector, type Row, type Table, at, has, value } from "./context";
import type { Subject } from "./messages";
import { checkChoice } from "./structure";

const AMOUNTS = [
  ["personal", "Personal (VZÄ)", "0,5"],
  ["sachkosten", "Sachkosten (EUR)", "1.500"],
] as const;

export function checkResources(
  c: Collector,
  table: Table<"massnahmen">,
  m: Row<"massnahmen">,
  subject: Subject,
  status: string | null,
) {
  let given = false;
  let readable = true;
  for (const [field, label, example] of AMOUNTS) {
    if (!has(table, field)) continue;
    const parsed = parseGermanNumber(value(m, field));
    if (parsed.kind === "empty") continue;
    if (parsed.kind === "invalid" || parsed.value < 0) {
      readable = false;
      const notANumber = parsed.kind === "invalid" ? { text: parsed.text, example } : null;
      c.add("R_WERT_UNGUELTIG", at(table, m, field), { subject, label, notANumber });
    } else {
      given = true;
    }
  }
  if (!given && readable && (has(table, "personal") || has(table, "sachkosten"))) {
    c.add("R_RESSOURCEN_FEHLT", at(table, m, has(table, "personal") ? "personal" : "sachkosten"), { subject });
  }
  checkFinancing(c, table, m, subject, status);
}

function checkFinancing(
  c: Collector,
  table: Table<"massnahmen">,
  m: Row<"massnahmen">,
  subject: Subject,
  status: string | null,
) {
  if (!has(table, "finanzierung")) return;
  const finanzierung = matchListValue(value(m, "finanzierung"), FINANZIERUNG_VALUES);
  checkChoice(c, table, m, "finanzierung", "Finanzierung", FINANZIERUNG_VALUES);
  if (status === "in Umsetzung" && (finanzierung === "offen" || isBlank(value(m, "finanzierung")))) {
    c.add("R_FINANZIERUNG_OFFEN", at(table, m, "finanzierung"), { subject, given: Boolean(finanzierung) });
  }
}
