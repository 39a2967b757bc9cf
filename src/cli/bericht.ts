/**
 * `bericht <datei.xlsx> [--stichtag JJJJ-MM-TT] -o <bericht.docx>`: the Sachstandsbericht for the committee
 * (docs/befehle.md) as a Word document, written beside its target and renamed into place.
 */
import type { IsoDate } from "../domain/dates";
import type { ReportModel } from "../domain/report";
import { type MonitoringReader, readReportModel } from "../workbook/report-model";
import { resvgRasterizer } from "../docx/raster";
import { renderReport } from "../docx/report";
import { openWorkbook, withReadableConcept, writeFileAtomically } from "../xlsx/file";
import { type ParsedArgs, referenceDateOption } from "./args";
import { onePositional, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { BERICHT } from "./specs";

interface BerichtArgs {
  file: string;
  output: string;
  referenceDate: IsoDate | undefined;
}

function berichtArgs(args: ParsedArgs): BerichtArgs {
  const usage = `bericht ${BERICHT.usage}`;
  const file = onePositional(args.positional, usage);
  const output = args.options.get("output");
  if (!output) throw cliError("AUSGABE_FEHLT", { fuer: "bericht", aufruf: usage });
  requireEnding(output, ".docx");
  return { file, output, referenceDate: referenceDateOption(args.options.get("stichtag")) };
}

/** The report model of a workbook file. */
export async function reportModelOf(
  file: string,
  referenceDate: IsoDate | undefined,
  today: IsoDate,
  monitoring?: MonitoringReader,
): Promise<ReportModel> {
  const source = await (await openWorkbook(file)).source();
  return withReadableConcept(file, () => readReportModel(source, { referenceDate, today, monitoring }).model);
}

/** The command, with the reader of monitoring data it uses (none yet: indicators then read `keine Daten`). */
export function berichtCommand(monitoring?: MonitoringReader) {
  return async (parsed: ParsedArgs, { io, progress }: Run): Promise<number> => {
    const args = berichtArgs(parsed);
    progress.step(`Lese „${args.file}“ …`);
    const model = await reportModelOf(args.file, args.referenceDate, io.today(), monitoring);
    progress.step("Zeichne die Diagramme und setze den Bericht …");
    const charts = resvgRasterizer();
    const bytes = await renderReport(model, { charts });
    progress.step(`Schreibe „${args.output}“ …`);
    await writeFileAtomically(bytes, args.output);
    const fields = model.fields.filter((f) => f.id !== "").length;
    io.out(
      `Sachstandsbericht „${args.output}“ geschrieben: ${model.summary.measures} Maßnahmen in ${fields} Handlungsfeldern, ` +
        `${model.summary.indicators} Indikatoren, Stichtag ${model.title.stichtag.split("-").reverse().join(".")}` +
        (model.bewertung ? `, Bewertung ${model.bewertung.round}` : "") +
        ".\n" +
        (model.monitoring ? "" : "Indikatorwerte und Sachstände sind nicht enthalten (keine Daten).\n") +
        chartFontNote(charts.labels),
    );
    return 0;
  };
}

export const commandBericht = berichtCommand();

/** The line saying that the charts are drawn without text (no font found); '' when they have their labels. */
export const chartFontNote = (labels: boolean) =>
  labels
    ? ""
    : "Keine Schrift für die Diagramme gefunden (DejaVu Sans, Liberation Sans, Arial): sie sind ohne Beschriftung.\n";
