/**
 * The headers by which a plain statistics table (long or wide, .xlsx or .csv) names its time and area
 * columns, as data. Compared like the import's headers (src/workbook/import/mapping.ts `headerKey`: case,
 * spacing, umlaut spellings and punctuation ignored); a header that starts with a synonym of four or more
 * letters counts too (`Jahr (31.12.)`), the longest synonym winning (`Gebietsschlüssel` is a key, not a name).
 */
import { headerKey } from "../import/mapping";

export type PlainRole = "zeit" | "schluessel" | "name" | "einheit";

export const PLAIN_SYNONYMS: Readonly<Record<PlainRole, readonly string[]>> = {
  zeit: ["Jahr", "Stichtag", "Datum", "Zeit", "Zeitraum", "Zeitpunkt", "Berichtsjahr", "Berichtszeitraum", "Year"],
  schluessel: [
    "AGS",
    "Amtlicher Gemeindeschlüssel",
    "Gemeindeschlüssel",
    "Kreisschlüssel",
    "Regionalschlüssel",
    "ARS",
    "Schlüssel",
    "Gebietsschlüssel",
    "Kennziffer",
    "Gebietskennziffer",
    "Gemeindekennziffer",
    "GKZ",
    "GeoCode",
    "Kreisnummer",
    "Kreis-Nr",
    "Gemeindenummer",
    "Gemeinde-Nr",
    "Gebiets-ID",
  ],
  name: [
    "Gebiet",
    "Gebietseinheit",
    "Gebietsname",
    "Gebietsbezeichnung",
    "Region",
    "Raumeinheit",
    "Verwaltungseinheit",
    "Name",
    "Gemeinde",
    "Gemeindename",
    "Kreis",
    "Kreisname",
    "Landkreis",
    "Stadtteil",
    "Sozialraum",
    "Ort",
  ],
  einheit: ["Einheit", "Units", "Maßeinheit"],
};

const PREFIX_MIN = 4;

const ROLE_KEYS: { key: string; role: PlainRole }[] = Object.entries(PLAIN_SYNONYMS)
  .flatMap(([role, words]) => words.map((w) => ({ key: headerKey(w), role: role as PlainRole })))
  .sort((a, b) => b.key.length - a.key.length);

/** The role a header names, or null. */
export function plainRoleOf(header: string): PlainRole | null {
  const key = headerKey(header);
  if (key === "") return null;
  const exact = ROLE_KEYS.find((r) => r.key === key);
  if (exact) return exact.role;
  return ROLE_KEYS.find((r) => r.key.length >= PREFIX_MIN && key.startsWith(r.key))?.role ?? null;
}

/**
 * What means the total in a header path or a dimension (left out of the Gruppe): `Insgesamt`, `Zusammen`,
 * `Gesamt`, `Summe`, also with a note in parentheses (`Insgesamt (ohne Doppelzählungen)`).
 */
const TOTALS = new Set(["insgesamt", "zusammen", "gesamt", "summe", "total"]);
export function isTotal(text: string): boolean {
  return TOTALS.has(
    text
      .toLowerCase()
      .replace(/\s*\(.*\)$/, "")
      .trim(),
  );
}

/** Units in a header path (left out of the Gruppe): `Anzahl`, `%`, `Tsd. EUR`, `1000 qm`, `ha` … */
const UNIT =
  /^(?:(?:1\.?000|tsd\.?|tausend|mill\.?|mio\.?)\s*)?(?:anzahl|prozent|%|‰|promille|eur|euro|€|qm|m²|qkm|km²|ha|jahre|stunden)$/i;
export function isUnit(text: string): boolean {
  return UNIT.test(text.trim());
}

/**
 * Names of a breakdown (Merkmal) that GENESIS writes in a header line above its values (`Altersgruppe`
 * above `unter 3 Jahre`, `Art des Gebäudes`, `Davon mit`): a label, not part of the Gruppe, where the cell
 * below it holds a value.
 */
const BREAKDOWN_LABELS = [
  "Altersgruppe",
  "Altersgruppen",
  "Altersjahre",
  "Altersklasse",
  "Altersklassen",
  "Geschlecht",
  "Nationalität",
  "Staatsangehörigkeit",
  "Migrationshintergrund",
  "Migrationsstatus",
  "Haushaltstyp",
  "Familienstand",
  "Religionszugehörigkeit",
  "Schulabschluss",
  "Erwerbsstatus",
].map((w) => w.toLowerCase());
/** Words that only connect a header to the breakdown below it (`Davon mit` above `Mietzuschuss`). */
const CONNECTIVES = new Set(["davon", "davon mit", "davon nach", "darunter", "dar.", "dav.", "und zwar", "nach"]);

export function isBreakdownLabel(text: string): boolean {
  const t = text.toLowerCase().trim();
  if (t.startsWith("art der ") || t.startsWith("art des ") || CONNECTIVES.has(t)) return true;
  const word = t.replace(/\s*\(.*\)$/, "");
  return BREAKDOWN_LABELS.includes(word);
}
