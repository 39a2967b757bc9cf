/** `zeitplan <datei.xlsx> [-o out.xlsx]`: the sheet Zeitplan, the Prozessplan as a month grid. */
import { dateFromIso } from "../domain/dates";
import { ZEITPLAN_SHEET } from "../workbook/zeitplan-sheet";
import { buildZeitplan } from "../xlsx/concept";
import { UserError, saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import type { CommandSpec, ParsedArgs } from "./args";
import type { Run } from "./main";
import { openStep } from "./progress";

export const ZEITPLAN: CommandSpec = {
  name: "zeitplan",
  usage: "<datei.xlsx> [-o out.xlsx]",
  summary:
    `Legt das Blatt „${ZEITPLAN_SHEET}“ an oder erneuert es: je Schritt des Prozessplans eine Zeile, je Monat eine\n` +
    "Spalte, Balken von Beginn bis Termin in der Farbe des Status, ◆ für die Sitzung eines Gremiums – als Formeln,\n" +
    "die einem geänderten Termin im Prozessplan folgen (ohne -o in der Datei selbst).",
  options: {
    output: {
      type: "string",
      short: "o",
      value: "out.xlsx",
      description: "in diese Datei schreiben statt in die Datei selbst",
    },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar (z. B. kein Blatt „Prozessplan“).",
};

const months = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" });
/** `April 2024`. */
const monthYear = (iso: string) => months.format(dateFromIso(iso));

export async function commandZeitplan(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  if (args.positional.length !== 1) throw new UserError(`Bitte genau eine Datei angeben: zeitplan ${ZEITPLAN.usage}`);
  const file = args.positional[0]!;
  const output = args.options.get("output") ?? file;
  if (!/\.xlsx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .xlsx enden.`);
  const doc = await openStep(file, progress);
  progress.step(`Erzeuge das Blatt „${ZEITPLAN_SHEET}“ …`);
  const outcome = await withReadableConcept(file, () => buildZeitplan(doc, io.today()));
  progress.step(`Schreibe „${output}“ …`);
  await saveWorkbookAtomically(doc, output);
  const lines = [
    `Blatt „${ZEITPLAN_SHEET}“ in „${output}“ erzeugt: ${outcome.steps} ${outcome.steps === 1 ? "Schritt" : "Schritte"}, ` +
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
