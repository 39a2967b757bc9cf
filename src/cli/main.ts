/**
 * The command line: `init` and `check` of the contract. German output, exit codes 0/1/2, and every
 * problem with the input as one sentence, never a stack trace.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { type IsoDate, localIsoDate } from "../domain/dates";
import { TEMPLATE_NAMES, type TemplateName } from "../domain/templates";
import { PRUEFBERICHT } from "../workbook/contract";
import { addReportSheet, buildMatrix, checkWorkbook, createTemplateWorkbook } from "../xlsx/concept";
import { UserError, saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { type CommandSpec, commandHelp, overviewHelp, parseCommandArgs, referenceDateOption } from "./args";
import { BERICHT, commandBericht } from "./bericht";
import { MERGE, SPLIT, commandMerge, commandSplit } from "./circulation";
import { UEBERSICHT, commandUebersicht } from "./uebersicht";
import { formatFindingsText } from "./format";
import { type Progress, createProgress, openStep } from "./progress";
import { IMPORT, commandImport } from "./import";
import { FORTSCHREIBEN, commandFortschreiben } from "./fortschreiben";
import { WERTE, commandWerte } from "./werte";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Today's date; tests pin it. */
  today(): IsoDate;
  /** Milliseconds of a monotonic clock, for progress lines; tests advance it. Default: the real clock. */
  now?(): number;
}

/** The context a command runs in: its output, today's date and its progress lines. */
export interface Run {
  io: Io;
  progress: Progress;
}

const VERSION: string = (require("../../package.json") as { version: string }).version;

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  today: () => localIsoDate(new Date()),
  now: () => performance.now(),
};

function requireXlsxName(file: string, what: string) {
  if (!/\.xlsx$/i.test(file)) throw new UserError(`${what} „${file}“ muss auf .xlsx enden.`);
}

function onePositional(positional: string[], usage: string): string {
  if (positional.length !== 1) throw new UserError(`Bitte genau eine Datei angeben: ${usage}`);
  return positional[0]!;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

const INIT: CommandSpec = {
  name: "init",
  usage: "<datei.xlsx> [--vorlage leer|laatzen|ilm-kreis|beispiel] [--force]",
  summary: "Legt eine strukturierte Arbeitsmappe an: alle Tabellen, Auswahllisten, Eingabehinweise und Markierungen.",
  options: {
    vorlage: { type: "string", value: "NAME", description: "leer (Standard), laatzen, ilm-kreis oder beispiel" },
    force: { type: "boolean", description: "eine vorhandene Datei überschreiben" },
  },
  exit: "0 angelegt, 2 Eingabe unbrauchbar (z. B. Datei vorhanden ohne --force).",
};

const CHECK: CommandSpec = {
  name: "check",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] [--json] [-o bericht.xlsx]",
  summary:
    "Prüft alle Regeln (SMART, Verweise, Fristen) und gibt die Befunde nach Blatt und Maßnahme aus.\n" +
    "Stichtag: --stichtag, sonst „Stichtag“ in den Einstellungen, sonst heute.",
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag der Prüfung" },
    json: { type: "boolean", description: "Ergebnis als JSON-Objekt auf stdout" },
    output: {
      type: "string",
      short: "o",
      value: "bericht.xlsx",
      description: `Kopie mit dem Blatt „${PRUEFBERICHT.sheet}“ schreiben`,
    },
  },
  exit: "0 keine Fehler, 1 Fehler in den Maßnahmen gefunden, 2 Eingabe unbrauchbar.",
};

const MATRIX: CommandSpec = {
  name: "matrix",
  usage: "<datei.xlsx> --runde JJJJ [-o out.xlsx]",
  summary:
    "Legt die Bewertungsmatrix „Bewertung JJJJ“ an oder aktualisiert sie, ohne Bewertungen zu verlieren\n" +
    "(ohne -o in der Datei selbst).",
  options: {
    runde: { type: "string", value: "JJJJ", description: "die Bewertungsrunde, z. B. 2027" },
    output: {
      type: "string",
      short: "o",
      value: "out.xlsx",
      description: "in diese Datei schreiben statt in die Datei selbst",
    },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

/**
 * Every command with its options: `massnahmenplaner --help` lists them in this order, `massnahmenplaner
 * <befehl> --help` prints one entry.
 */
export const COMMANDS: Record<
  string,
  { spec: CommandSpec; run: (args: ReturnType<typeof parseCommandArgs>, run: Run) => Promise<number> }
> = {
  init: { spec: INIT, run: commandInit },
  check: { spec: CHECK, run: commandCheck },
  matrix: { spec: MATRIX, run: commandMatrix },
  split: { spec: SPLIT, run: commandSplit },
  merge: { spec: MERGE, run: commandMerge },
  bericht: { spec: BERICHT, run: commandBericht },
  uebersicht: { spec: UEBERSICHT, run: commandUebersicht },
  import: { spec: IMPORT, run: commandImport },
  fortschreiben: { spec: FORTSCHREIBEN, run: commandFortschreiben },
  werte: { spec: WERTE, run: commandWerte },
};

async function commandInit(args: ReturnType<typeof parseCommandArgs>, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `init ${INIT.usage}`);
  requireXlsxName(file, "Die Datei");
  const template = (args.options.get("vorlage") ?? "leer").toLowerCase() as TemplateName;
  if (!TEMPLATE_NAMES.includes(template)) {
    throw new UserError(
      `Die Vorlage „${args.options.get("vorlage")}“ gibt es nicht; möglich sind: ${TEMPLATE_NAMES.join(", ")}.`,
    );
  }
  if ((await exists(file)) && !args.flags.has("force")) {
    throw new UserError(`Die Datei „${file}“ existiert bereits; mit --force wird sie überschrieben.`);
  }
  progress.step(`Lege die Arbeitsmappe mit der Vorlage „${template}“ an …`);
  const workbook = await createTemplateWorkbook(template, io.today());
  progress.step(`Schreibe „${file}“ …`);
  await saveWorkbookAtomically(workbook, file);
  io.out(`Arbeitsmappe „${file}“ mit der Vorlage „${template}“ angelegt.\n`);
  return 0;
}

async function commandCheck(args: ReturnType<typeof parseCommandArgs>, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `check ${CHECK.usage}`);
  const referenceDate = referenceDateOption(args.options.get("stichtag"));
  const output = args.options.get("output");
  if (output) requireXlsxName(output, "Die Ausgabedatei");
  const workbook = await openStep(file, progress);
  progress.step("Lese die Tabellen und prüfe die Regeln …");
  const { concept, result } = await withReadableConcept(file, () =>
    checkWorkbook(workbook, { referenceDate, today: io.today() }),
  );
  if (args.flags.has("json")) {
    io.out(
      JSON.stringify(
        {
          file,
          referenceDate: result.referenceDate,
          summary: result.summary,
          findings: result.findings.map(({ rule, severity, smart, sheet, cell, id, message, params }) => ({
            rule,
            severity,
            smart,
            sheet,
            cell,
            id,
            message,
            params,
          })),
        },
        null,
        2,
      ) + "\n",
    );
  } else {
    io.out(formatFindingsText(result, file, concept.massnahmen));
  }
  if (output) {
    progress.step(`Schreibe den Prüfbericht nach „${output}“ …`);
    await addReportSheet(workbook, result, path.basename(file), concept);
    await saveWorkbookAtomically(workbook, output);
    if (!args.flags.has("json")) io.out(`Prüfbericht geschrieben: ${output}\n`);
  }
  return result.summary.errors > 0 ? 1 : 0;
}

async function commandMatrix(args: ReturnType<typeof parseCommandArgs>, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `matrix ${MATRIX.usage}`);
  const roundText = args.options.get("runde");
  if (!roundText) throw new UserError("Bitte die Bewertungsrunde angeben, z. B. --runde 2027.");
  if (!/^\d{4}$/.test(roundText) || Number(roundText) < 2000 || Number(roundText) > 2100) {
    throw new UserError(`Die Runde „${roundText}“ ist kein Jahr; geben Sie sie vierstellig an, z. B. --runde 2027.`);
  }
  const output = args.options.get("output") ?? file;
  requireXlsxName(output, "Die Ausgabedatei");
  const workbook = await openStep(file, progress);
  progress.step(`Erzeuge das Blatt „Bewertung ${roundText}“ …`);
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

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "hilfe";

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || isHelp(command)) {
    io.out(
      overviewHelp(
        VERSION,
        Object.values(COMMANDS).map((c) => c.spec),
      ),
    );
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[command];
  try {
    if (!entry)
      throw new UserError(
        `Den Befehl „${command}“ gibt es nicht; „massnahmenplaner --help“ zeigt die möglichen Befehle.`,
      );
    const args = parseCommandArgs(rest, entry.spec);
    if (args.flags.has("help")) {
      io.out(commandHelp(entry.spec));
      return 0;
    }
    const clock = io.now ?? (() => performance.now());
    const progress = createProgress((t) => io.err(t), clock, args.flags.has("quiet"));
    return await entry.run(args, { io, progress });
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`Unerwarteter Fehler: ${message}. Bitte melden Sie ihn mit der Datei, bei der er auftrat.\n`);
    return 2;
  }
}

export function runFromProcess(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runFromProcess();
