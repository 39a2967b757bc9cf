/** `matrix <datei.xlsx> --runde JJJJ [-o out.xlsx]`: the Bewertungsmatrix of a round (docs/befehle.md). */
import { BEWERTUNG } from "../workbook/sheets/bewertung";
import { buildMatrix } from "../xlsx/concept";
import { saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import type { ParsedArgs } from "./args";
import { onePositional, openStep, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { MATRIX } from "./specs";

export async function commandMatrix(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `matrix ${MATRIX.usage}`);
  const roundText = args.options.get("runde");
  if (!roundText) throw cliError("RUNDE_FEHLT", {});
  if (!/^\d{4}$/.test(roundText) || Number(roundText) < 2000 || Number(roundText) > 2100) {
    throw cliError("RUNDE_KEIN_JAHR", { runde: roundText });
  }
  const output = args.options.get("output") ?? file;
  requireEnding(output, ".xlsx");
  const workbook = await openStep(file, progress);
  progress.step(`Erzeuge das Blatt „${BEWERTUNG.sheet(Number(roundText))}“ …`);
  const outcome = await withReadableConcept(file, () => buildMatrix(workbook, Number(roundText)));
  progress.step(`Schreibe „${output}“ …`);
  await saveWorkbookAtomically(workbook, output);
  const { added, kept, retired } = outcome.stats;
  io.out(
    `Blatt „${outcome.sheet}“ in „${output}“ ${kept + retired > 0 ? "aktualisiert" : "angelegt"}: ${outcome.rows} Maßnahmen ` +
      `(${added} neu, ${kept} mit bisheriger Bewertung, ${retired} entfallen).\n` +
      `Kriterien: ${outcome.criteria.join(", ")}${outcome.defaultCriteria ? " (Standardkriterien)" : ""}.\n` +
      (outcome.addedCriteriaSheet ? "Das Blatt „Bewertungskriterien“ mit den Standardkriterien wurde ergänzt.\n" : "") +
      (outcome.retiredColumns.length
        ? `Bewertungen entfallener Kriterien stehen in: ${outcome.retiredColumns.join(", ")}.\n`
        : ""),
  );
  return 0;
}
