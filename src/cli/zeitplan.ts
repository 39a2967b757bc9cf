/** `zeitplan <datei.xlsx> [-o out.xlsx]`: the sheet Zeitplan, the Prozessplan as a month grid. */
import { dateFromIso } from "../domain/dates";
import { ZEITPLAN_SHEET } from "../workbook/sheets/zeitplan";
import { buildZeitplan } from "../xlsx/concept";
import { saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import type { ParsedArgs } from "./args";
import { onePositional, openStep, requireEnding } from "./inputs";
import type { Run } from "./run";
import { ZEITPLAN } from "./specs";

const months = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" });
/** `April 2024`. */
const monthYear = (iso: string) => months.format(dateFromIso(iso));

export async function commandZeitplan(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `zeitplan ${ZEITPLAN.usage}`);
  const output = args.options.get("output") ?? file;
  requireEnding(output, ".xlsx");
  const doc = await openStep(file, progress);
  progress.step(`Erzeuge das Blatt „${ZEITPLAN_SHEET.sheet}“ …`);
  const outcome = await withReadableConcept(file, () => buildZeitplan(doc, io.today()));
  progress.step(`Schreibe „${output}“ …`);
  await saveWorkbookAtomically(doc, output);
  const lines = [
    `Blatt „${ZEITPLAN_SHEET.sheet}“ in „${output}“ erzeugt: ${outcome.steps} ${outcome.steps === 1 ? "Schritt" : "Schritte"}, ` +
      `${outcome.months} Monate von ${monthYear(outcome.from)} bis ${monthYear(outcome.to)}.`,
  ];
  if (outcome.undated) lines.push("Noch kein Schritt hat ein Datum: Der Zeitplan zeigt die zwölf Monate ab heute.");
  if (outcome.cut > 0) {
    lines.push(`Der Prozessplan reicht ${outcome.cut} Monate weiter zurück; gezeigt werden die letzten 60 Monate.`);
  }
  if (outcome.textDates.length > 0) {
    lines.push(
      `Bei ${outcome.textDates.join(", ")} steht ein Datum als Text; ihr Balken folgt einer Änderung erst, wenn dort ein Datum steht oder der Zeitplan neu erzeugt wird.`,
    );
  }
  io.out(lines.join("\n") + "\n");
  return 0;
}
