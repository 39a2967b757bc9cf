/**
 * `bericht <datei.xlsx> [--stichtag JJJJ-MM-TT] -o <bericht.docx>`: the Sachstandsbericht for the committee
 * (CONTRACT.md, "Report to the committee") as a Word document, written beside its target and renamed into place.
 */
import { parseArgs } from "node:util";
import { type IsoDate, parseGermanDate } from "../domain/dates";
import { type MonitoringInput, type ReportModel, buildReportModel } from "../domain/report";
import { checkConcept } from "../domain/rules";
import type { ReadConcept, WorkbookSource } from "../workbook/read";
import { readConcept } from "../workbook/read";
import { readLatestRound } from "../workbook/rounds";
import { resvgRasterizer } from "../docx/raster";
import { renderReport } from "../docx/report";
import { openWorkbook, withReadableConcept, writeFileAtomically } from "../xlsx/file";
import { UserError } from "../xlsx/userError";
import type { Io } from "./main";

const USAGE = "bericht <datei.xlsx> [--stichtag JJJJ-MM-TT] -o <bericht.docx>";

/** Monitoring data of a workbook (indicator states, Sachstände) at a reference date; undefined when not read. */
export type MonitoringReader = (
  source: WorkbookSource,
  concept: ReadConcept,
  referenceDate: IsoDate,
) => MonitoringInput | undefined;

interface BerichtArgs {
  file: string;
  output: string;
  referenceDate: IsoDate | undefined;
}

function parseBerichtArgs(argv: string[]): BerichtArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { stichtag: { type: "string" }, output: { type: "string", short: "o" } },
    });
  } catch (error) {
    // node:util's errors come from another realm under test runners: read them by shape, not instanceof.
    const { code, message } = error as { code?: string; message?: string };
    const option = /'(-[^', ]+)/.exec(String(message ?? ""))?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UserError(`Die Option ${option} braucht einen Wert.`);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new UserError(`Die Option „${option}“ ist unbekannt; „--help“ zeigt die möglichen Optionen.`);
    }
    throw error;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new UserError(`Bitte genau eine Datei angeben: ${USAGE}`);
  const output = values.output;
  if (!output) throw new UserError(`Bitte mit -o angeben, wohin der Bericht geschrieben wird: ${USAGE}`);
  if (!/\.docx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .docx enden.`);
  return { file: positionals[0]!, output, referenceDate: referenceDateOf(values.stichtag) };
}

function referenceDateOf(text: string | undefined): IsoDate | undefined {
  if (text === undefined) return undefined;
  const parsed = parseGermanDate(text);
  if (parsed.kind !== "date" || parsed.precision !== "day") {
    throw new UserError(`Der Stichtag „${text}“ ist kein Datum; geben Sie ihn als JJJJ-MM-TT an, z. B. 2026-12-31.`);
  }
  return parsed.date;
}

/** The report model of a workbook file. */
export async function reportModelOf(
  file: string,
  referenceDate: IsoDate | undefined,
  today: IsoDate,
  monitoring?: MonitoringReader,
): Promise<ReportModel> {
  const workbook = await openWorkbook(file);
  const source = await workbook.source();
  return withReadableConcept(file, () => {
    const concept = readConcept(source);
    const check = checkConcept(concept, { referenceDate, today });
    return buildReportModel(concept, check, {
      latestRound: readLatestRound(source),
      monitoring: monitoring?.(source, concept, check.referenceDate),
    });
  });
}

/** The command, with the reader of monitoring data it uses (none yet: indicators then read `keine Daten`). */
export function berichtCommand(monitoring?: MonitoringReader) {
  return async (argv: string[], io: Io): Promise<number> => {
    const args = parseBerichtArgs(argv);
    const model = await reportModelOf(args.file, args.referenceDate, io.today(), monitoring);
    const charts = resvgRasterizer();
    const bytes = await renderReport(model, { charts });
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
