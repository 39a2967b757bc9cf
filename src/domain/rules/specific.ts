/** S — spezifisch: Titel, Beschreibung, Zielgruppe of a measure. */
import { isBlank, textOf, wordCount } from "../values";
import { type Collector, type Row, type Table, at, has, value } from "./context";

export function checkSpecific(c: Collector, table: Table<"massnahmen">, m: Row<"massnahmen">, who: string) {
  if (has(table, "titel") && isBlank(value(m, "titel"))) c.add("S_TITEL_FEHLT", at(table, m, "titel"), who);
  if (has(table, "beschreibung")) {
    const text = textOf(value(m, "beschreibung"));
    if (text === "") c.add("S_BESCHREIBUNG_FEHLT", at(table, m, "beschreibung"), who);
    else if (wordCount(text) < 8) c.add("S_BESCHREIBUNG_KURZ", at(table, m, "beschreibung"), who, wordCount(text));
  }
  if (has(table, "zielgruppe") && isBlank(value(m, "zielgruppe"))) {
    c.add("S_ZIELGRUPPE_FEHLT", at(table, m, "zielgruppe"), who);
  }
}
