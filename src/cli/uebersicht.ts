/** `uebersicht <datei.xlsx> [--stichtag JJJJ-MM-TT] [-o out.xlsx]`: the sheet Übersicht with its charts. */
import type { MonitoringReader } from "../workbook/report-model";
import { KENNZAHLEN } from "../workbook/kennzahlen-sheet";
import { OVERVIEW_SHEET } from "../workbook/overview-sheet";
import { buildOverview } from "../xlsx/concept";
import { UserError, saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { type CommandSpec, type ParsedArgs, referenceDateOption } from "./args";
import type { Run } from "./main";
import { openStep } from "./progress";

export const UEBERSICHT: CommandSpec = {
  name: "uebersicht",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] [-o out.xlsx]",
  summary:
    `Legt das Blatt „${OVERVIEW_SHEET}“ an oder erneuert es: je Handlungsfeld Maßnahmen nach Status, überfällig,\n` +
    "SMART-vollständig, Kosten, Indikatoren nach Ampel, Ø Gesamt der letzten Bewertung, mit Diagrammen;\n" +
    `mit Werten von Basisindikatoren auch das Blatt „${KENNZAHLEN.sheet}“ (je Gebiet und Stichtag).`,
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag (sonst wie bei check)" },
    output: {
      type: "string",
      short: "o",
      value: "out.xlsx",
      description: "in diese Datei schreiben statt in die Datei selbst",
    },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

/** The command, with the reader of monitoring data it uses. */
export function uebersichtCommand(monitoring?: MonitoringReader) {
  return async (args: ParsedArgs, { io, progress }: Run): Promise<number> => {
    if (args.positional.length !== 1)
      throw new UserError(`Bitte genau eine Datei angeben: uebersicht ${UEBERSICHT.usage}`);
    const file = args.positional[0]!;
    const output = args.options.get("output") ?? file;
    if (!/\.xlsx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .xlsx enden.`);
    const referenceDate = referenceDateOption(args.options.get("stichtag"));
    const doc = await openStep(file, progress);
    progress.step(`Erzeuge das Blatt „${OVERVIEW_SHEET}“ …`);
    const outcome = await withReadableConcept(file, () =>
      buildOverview(doc, { referenceDate, today: io.today(), monitoring }),
    );
    progress.step(`Schreibe „${output}“ …`);
    await saveWorkbookAtomically(doc, output);
    io.out(
      `Blatt „${OVERVIEW_SHEET}“ in „${output}“ erzeugt: ${outcome.handlungsfelder} Handlungsfelder, ${outcome.charts} Diagramme` +
        (outcome.indicatorsWithoutValues
          ? ` (${outcome.indicatorsWithoutValues} Indikatoren ohne Werte, ohne Diagramm)`
          : "") +
        ".\n" +
        (outcome.kennzahlen
          ? `Blatt „${KENNZAHLEN.sheet}“ erzeugt: ${outcome.kennzahlen} ${outcome.kennzahlen === 1 ? "Basisindikator" : "Basisindikatoren"} nach Gebiet, mit Diagrammen.\n`
          : "") +
        (outcome.kennzahlenBlocked
          ? `Das Blatt „${KENNZAHLEN.sheet}“ gibt es schon mit eigenem Inhalt; es bleibt unverändert. Benennen Sie es um, damit das Programm die Kennzahlen der Basisindikatoren anlegen kann.\n`
          : ""),
    );
    return 0;
  };
}

export const commandUebersicht = uebersichtCommand();
