/** `uebersicht <datei.xlsx> [--stichtag JJJJ-MM-TT] [-o out.xlsx]`: the sheet Übersicht with its charts. */
import type { MonitoringReader } from "../workbook/report-model";
import { KENNZAHLEN } from "../workbook/sheets/kennzahlen";
import { OVERVIEW_SHEET } from "../workbook/sheets/uebersicht";
import { buildOverview } from "../xlsx/concept";
import { saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { type ParsedArgs, referenceDateOption } from "./args";
import { onePositional, openStep, requireEnding } from "./inputs";
import type { Run } from "./run";
import { UEBERSICHT } from "./specs";

/** The command, with the reader of monitoring data it uses. */
export function uebersichtCommand(monitoring?: MonitoringReader) {
  return async (args: ParsedArgs, { io, progress }: Run): Promise<number> => {
    const file = onePositional(args.positional, `uebersicht ${UEBERSICHT.usage}`);
    const output = args.options.get("output") ?? file;
    requireEnding(output, ".xlsx");
    const referenceDate = referenceDateOption(args.options.get("stichtag"));
    const doc = await openStep(file, progress);
    progress.step(`Erzeuge das Blatt „${OVERVIEW_SHEET.sheet}“ …`);
    const outcome = await withReadableConcept(file, () =>
      buildOverview(doc, { referenceDate, today: io.today(), monitoring }),
    );
    progress.step(`Schreibe „${output}“ …`);
    await saveWorkbookAtomically(doc, output);
    io.out(
      `Blatt „${OVERVIEW_SHEET.sheet}“ in „${output}“ erzeugt: ${outcome.handlungsfelder} Handlungsfelder, ${outcome.charts} Diagramme` +
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
