/**
 * The sentences about the Gemeinde of a Gemeindeprofil (`integrationsbericht --gebiet`, the pane's download),
 * apart from the reader so that the command line's message table loads nothing else.
 */

/** Why the Gemeinde of a Gemeindeprofil cannot be shown, with the Gebiete that can. */
export interface GebietProblem {
  problem: "unbekannt" | "nicht-innen";
  gebiet: string;
  moeglich: string[];
}

/** The sentence of a GebietProblem (the command line's message table and the pane show it). */
export function gebietProblemText(p: GebietProblem): string {
  const profile = p.moeglich.length
    ? `ein Gemeindeprofil gibt es für ${p.moeglich.join(", ")}`
    : "die Arbeitsmappe nennt kein Gebiet innerhalb des eigenen, für das es ein Gemeindeprofil gäbe";
  return p.problem === "unbekannt"
    ? `Das Gebiet „${p.gebiet}“ steht nicht im Blatt „Gebiete“; ${profile}.`
    : `Das Gebiet „${p.gebiet}“ liegt nicht im eigenen Gebiet der Arbeitsmappe (Einstellungen „Gebiet“); ${profile}.`;
}
