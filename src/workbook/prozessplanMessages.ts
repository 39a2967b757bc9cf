/**
 * The one message table of the Prozessplan's outputs: why a workbook has no Zeitplan to make (`zeitplan`,
 * „Zeitplan erzeugen“) or no Vorlage for a step (`vorlage`, „Vorlage herunterladen“). The planners pass codes
 * and facts; the wording, which names the workbook by its file, lives here.
 */
const q = (text: string) => `„${text}“`;

/** `P-01, P-02, … P-23` (at most five named, then the last). */
function known(ids: readonly string[]): string {
  if (ids.length === 0) return "keiner";
  return ids.length <= 6 ? ids.join(", ") : `${ids.slice(0, 5).join(", ")} … ${ids.at(-1)}`;
}

export const PROZESSPLAN_MESSAGES = {
  ZEITPLAN_OHNE_PROZESSPLAN: (p: { datei: string; blatt: string }) =>
    `Die Arbeitsmappe ${q(p.datei)} hat kein Blatt ${q(p.blatt)}; legen Sie es an (die Vorlagen von „init“ bringen es mit), dann lässt sich der Zeitplan erzeugen.`,
  ZEITPLAN_OHNE_ID_SPALTE: (p: { datei: string; blatt: string }) =>
    `Das Blatt ${q(p.blatt)} in ${q(p.datei)} hat keine Spalte „ID“; ohne IDs findet der Zeitplan seine Schritte nicht.`,
  ZEITPLAN_OHNE_SCHRITTE: (p: { datei: string; blatt: string }) =>
    `Im Blatt ${q(p.blatt)} in ${q(p.datei)} steht noch kein Schritt mit ID; tragen Sie die Schritte ein, dann lässt sich der Zeitplan erzeugen.`,
  VORLAGE_OHNE_PROZESSPLAN: (p: { datei: string }) =>
    `Die Arbeitsmappe ${q(p.datei)} hat kein Blatt „Prozessplan“; eine Vorlage gehört zu einem Schritt des Prozessplans.`,
  SCHRITT_UNBEKANNT: (p: { datei: string; id: string; vorhanden: readonly string[] }) =>
    `Im Prozessplan von ${q(p.datei)} gibt es keinen Schritt ${q(p.id)}; vorhanden: ${known(p.vorhanden)}.`,
  SCHRITT_OHNE_GREMIUM: (p: { datei: string; id: string; schritt: string }) =>
    `Der Schritt ${p.id} (${q(p.schritt)}) in ${q(p.datei)} nennt kein Gremium; eine Vorlage gibt es nur für die Sitzung eines Gremiums – tragen Sie es im Prozessplan ein.`,
} satisfies Record<string, (params: never) => string>;

type Messages = typeof PROZESSPLAN_MESSAGES;

/** A problem of the Prozessplan: its code and the facts its message is rendered from, except the file. */
export type ProzessplanProblem = {
  [C in keyof Messages]: { code: C } & Omit<Parameters<Messages[C]>[0], "datei">;
}[keyof Messages];

/** The one German sentence of a problem, naming the workbook by its file name. */
export function prozessplanText(problem: ProzessplanProblem, datei: string): string {
  return (PROZESSPLAN_MESSAGES[problem.code] as (p: object) => string)({ ...problem, datei });
}
