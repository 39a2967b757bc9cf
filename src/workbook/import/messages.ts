/**
 * The one message table of the import's mapping: why a list has no sheet or header to take, and why a
 * `--zuordnung` file cannot be meant. The mapping passes codes and facts; the wording lives here.
 */
const q = (text: string) => `„${text}“`;

export const MAPPING_MESSAGES = {
  KEIN_OBJEKT: () => "Die Zuordnung muss ein JSON-Objekt mit „spalten“ (und wahlweise „kopfzeile“) sein.",
  EINTRAG_UNBEKANNT: (p: { eintrag: string }) =>
    `Die Zuordnung kennt den Eintrag ${q(p.eintrag)} nicht; möglich sind „kopfzeile“ und „spalten“.`,
  KOPFZEILE_UNGUELTIG: (p: { wert: string }) =>
    `„kopfzeile“ muss eine Zeilennummer wie 3 oder zwei Zeilen wie "3-4" sein, nicht ${q(p.wert)}.`,
  SPALTEN_KEIN_OBJEKT: () => '„spalten“ muss ein Objekt sein, z. B. { "B": "Titel" }.',
  SPALTE_FEHLT: (p: { spalte: string }) => `Die Zuordnung nennt die Spalte ${q(p.spalte)}, die die Liste nicht hat.`,
  ZIEL_UNBEKANNT: (p: { spalte: string; wert: string }) =>
    `Für die Spalte ${q(p.spalte)} ist ${q(p.wert)} kein bekanntes Ziel; möglich sind die Spalten der Maßnahmen (z. B. „Titel“, „Federführung“, „Frist“), „Sachstand JJJJ“, „Status JJJJ“, „Ampel JJJJ“ oder „eigene Spalte“.`,
  ZIEL_DOPPELT: (p: { wert: string; erste: string; zweite: string }) =>
    `Die Zuordnung gibt ${q(p.wert)} zwei Spalten (${p.erste} und ${p.zweite}).`,
  NICHTS_ZUGEORDNET: () =>
    "Die Zuordnung ordnet keine Spalte einer Spalte der Maßnahmen zu; es gäbe nichts zu übernehmen.",
  BLATT_FEHLT: (p: { blatt: string; vorhanden: readonly string[] }) =>
    `Das Blatt ${q(p.blatt)} gibt es in der Liste nicht; vorhanden sind: ${p.vorhanden.map(q).join(", ")}.`,
  /** `blatt`: the sheet named with --blatt; null when the program looked at every sheet. */
  KEINE_KOPFZEILE: (p: { blatt: string | null }) =>
    `In der Liste wurde${p.blatt === null ? "" : ` im Blatt ${q(p.blatt)}`} in den ersten zehn Zeilen keine Kopfzeile mit bekannten Überschriften (z. B. „Maßnahme“, „Zuständigkeit“, „bis wann“) gefunden; mit --zuordnung lässt sich angeben, welche Spalte was enthält.`,
} satisfies Record<string, (params: never) => string>;

type Messages = typeof MAPPING_MESSAGES;

/** A problem of the mapping: its code and the facts its message is rendered from. */
export type MappingProblem = {
  [C in keyof Messages]: Parameters<Messages[C]> extends [] ? { code: C } : { code: C } & Parameters<Messages[C]>[0];
}[keyof Messages];

/** The one German sentence of a mapping problem. */
export function mappingText(problem: MappingProblem): string {
  return (MAPPING_MESSAGES[problem.code] as (p: MappingProblem) => string)(problem);
}

/** A mapping the user cannot mean: its problem, and the sentence rendered from it. */
export class MappingError extends Error {
  constructor(readonly problem: MappingProblem) {
    super(mappingText(problem));
  }
}
