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
import { UserError } from "../xlsx/userError";
import { type CommandSpec, type ParsedArgs, referenceDateOption } from "./args";
import type { Run } from "./main";

export const BERICHT: CommandSpec = {
  name: "bericht",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] -o <bericht.docx>",
  summary:
    "Schreibt den Sachstandsbericht für Ausschuss, Kreistag und Integrationsbeirat als Word-Dokument\n" +
    "(Zusammenfassung, je Handlungsfeld Indikatoren mit Diagramm und Maßnahmen, Bewertung, Anhang).",
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag des Berichts (sonst wie bei check)" },
    output: { type: "string", short: "o", value: "bericht.docx", description: "die Word-Datei, die geschrieben wird" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

interface BerichtArgs {
  file: string;
  output: string;
  referenceDate: IsoDate | undefined;
}

function berichtArgs(args: ParsedArgs): BerichtArgs {
  const usage = `bericht ${BERICHT.usage}`;
  if (args.positional.length !== 1) throw new UserError(`Bitte genau eine Datei angeben: ${usage}`);
  const output = args.options.get("output");
  if (!output) throw new UserError(`Bitte mit -o angeben, wohin der Bericht geschrieben wird: ${usage}`);
  if (!/\.docx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .docx enden.`);
  return { file: args.positional[0]!, output, referenceDate: referenceDateOption(args.options.get("stichtag")) };
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
        (charts.labels
          ? ""
          : "Keine Schrift für die Diagramme gefunden (DejaVu Sans, Liberation Sans, Arial): sie sind ohne Beschriftung.\n"),
    );
    return 0;
  };
}

export const commandBericht = berichtCommand();
