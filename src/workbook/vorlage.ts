/**
 * The committee Vorlage of a workbook's Prozessplan step, for every host: the concept and the Sachstandsbericht's
 * figures as read (./report-model.ts), the Vorlage worked out by the domain, and why there is none, as one German
 * sentence naming the workbook.
 */
import type { IsoDate } from "../domain/dates";
import { type VorlageModel, type VorlageProblem, buildVorlage } from "../domain/vorlage";
import type { WorkbookSource } from "./read";
import { type MonitoringReader, readReportModel } from "./report-model";

export function readVorlage(
  source: WorkbookSource,
  id: string,
  options: { referenceDate?: IsoDate; today: IsoDate; monitoring?: MonitoringReader },
): { vorlage: VorlageModel } | { problem: VorlageProblem } {
  const { concept, model } = readReportModel(source, options);
  return buildVorlage(concept, model, id);
}

/** `P-01, P-02, … P-23` (at most five named, then the last). */
function known(ids: string[]): string {
  if (ids.length === 0) return "keiner";
  return ids.length <= 6 ? ids.join(", ") : `${ids.slice(0, 5).join(", ")} … ${ids.at(-1)}`;
}

/** The problem as one German sentence naming the workbook (its file name). */
export function vorlageProblemText(p: VorlageProblem, file: string): string {
  switch (p.reason) {
    case "no-sheet":
      return `Die Arbeitsmappe „${file}“ hat kein Blatt „Prozessplan“; eine Vorlage gehört zu einem Schritt des Prozessplans.`;
    case "unknown-step":
      return `Im Prozessplan von „${file}“ gibt es keinen Schritt „${p.id}“; vorhanden: ${known(p.known)}.`;
    case "no-gremium":
      return `Der Schritt ${p.id} („${p.schritt}“) in „${file}“ nennt kein Gremium; eine Vorlage gibt es nur für die Sitzung eines Gremiums – tragen Sie es im Prozessplan ein.`;
  }
}
