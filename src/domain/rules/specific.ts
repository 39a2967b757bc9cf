/** S — spezifisch: Titel, Beschreibung, Zielgruppe of a measure. */
import { isBlank, textOf, wordCount } from "../values";
import { type Collector, type Row, type Table, at, has, value } from "./context";
import type { Subject } from "./messages";

export function checkSpecific(c: Collector, table: Table<"massnahmen">, m: Row<"massnahmen">, subject: Subject) {
  if (has(table, "titel") && isBlank(value(m, "titel"))) c.add("S_TITEL_FEHLT", at(table, m, "titel"), { subject });
  if (has(table, "beschreibung")) {
    const text = textOf(value(m, "beschreibung"));
    const words = wordCount(text);
    if (text === "") c.add("S_BESCHREIBUNG_FEHLT", at(table, m, "beschreibung"), { subject });
    else if (words < 8) c.add("S_BESCHREIBUNG_KURZ", at(table, m, "beschreibung"), { subject, words });
  }
  if (has(table, "zielgruppe") && isBlank(value(m, "zielgruppe"))) {
    c.add("S_ZIELGRUPPE_FEHLT", at(table, m, "zielgruppe"), { subject });
  }
}
