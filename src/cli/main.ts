/**
 * The command line: `init` and `check` of the contract. German output, exit codes 0/1/2, and every
 * problem with the input as one sentence, never a stack trace.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { type IsoDate, isoFromDate } from "../domain/dates";
import { TEMPLATE_NAMES, type TemplateName } from "../domain/templates";
import { addReportSheet, buildMatrix, checkWorkbook, createTemplateWorkbook } from "../xlsx/concept";
import { UserError, openWorkbook, saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { parseArgs, parseReferenceDate } from "./args";
import { commandMerge, commandSplit } from "./circulation";
import { formatFindingsText } from "./format";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Today's date; tests pin it. */
  today(): IsoDate;
}

const HELP = `Maßnahmenplaner – SMARTe Maßnahmen für Integrations- und Handlungskonzepte

Aufruf: massnahmenplaner <Befehl> [Optionen]
        (im Projektordner: npm run --silent cli -- <Befehl> [Optionen])

Befehle:
  init <datei.xlsx> [--vorlage leer|laatzen|ilm-kreis|beispiel] [--force]
        legt eine strukturierte Arbeitsmappe an (überschreibt nur mit --force)
  check <datei.xlsx> [--stichtag JJJJ-MM-TT] [--json] [-o bericht.xlsx]
        prüft alle Maßnahmen auf SMART-Vollständigkeit, Verweise und Fristen;
        -o schreibt eine Kopie mit dem Blatt „Prüfbericht“
  matrix <datei.xlsx> --runde JJJJ [-o out.xlsx]
        legt die Bewertungsmatrix „Bewertung JJJJ“ an oder aktualisiert sie,
        ohne Bewertungen zu verlieren (ohne -o in der Datei selbst)
  split <datei.xlsx> --ziel <ordner> [--sachstand JJJJ-MM-TT]
        schreibt je Fachbereich eine Arbeitsmappe mit dessen Maßnahmen in den
        Ordner (überschreibt keine vorhandenen Dateien); mit --sachstand als
        Sachstandsabfrage mit Sachständen und Indikatorwerten zum Ausfüllen
  merge <datei.xlsx> <rücklauf.xlsx>... [-o out.xlsx]
        führt die Rückläufe der Fachbereiche zusammen (ohne -o in der Datei
        selbst); Exit 1, wenn Werte im Blatt „Konflikte“ zu klären sind

Exit-Codes: 0 ohne Fehler, 1 Fehler in den Maßnahmen gefunden, 2 Eingabe unbrauchbar.
Alle Daten bleiben in der Arbeitsmappe; es wird nichts übertragen.
`;

const todayLocal = (): IsoDate => {
  const now = new Date();
  return isoFromDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
};

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  today: todayLocal,
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

async function commandInit(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["--vorlage"], ["--force"]);
  const file = onePositional(args.positional, "init <datei.xlsx> [--vorlage …] [--force]");
  requireXlsxName(file, "Die Datei");
  const template = (args.options.get("--vorlage") ?? "leer").toLowerCase() as TemplateName;
  if (!TEMPLATE_NAMES.includes(template)) {
    throw new UserError(
      `Die Vorlage „${args.options.get("--vorlage")}“ gibt es nicht; möglich sind: ${TEMPLATE_NAMES.join(", ")}.`,
    );
  }
  if ((await exists(file)) && !args.flags.has("--force")) {
    throw new UserError(`Die Datei „${file}“ existiert bereits; mit --force wird sie überschrieben.`);
  }
  const workbook = await createTemplateWorkbook(template, io.today());
  await saveWorkbookAtomically(workbook, file);
  io.out(`Arbeitsmappe „${file}“ mit der Vorlage „${template}“ angelegt.\n`);
  return 0;
}

async function commandCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["--stichtag", "-o", "--output"], ["--json"]);
  const file = onePositional(args.positional, "check <datei.xlsx> [--stichtag JJJJ-MM-TT] [--json] [-o bericht.xlsx]");
  const referenceDate = parseReferenceDate(args.options.get("--stichtag"));
  const output = args.options.get("-o") ?? args.options.get("--output");
  if (output) requireXlsxName(output, "Die Ausgabedatei");
  const workbook = await openWorkbook(file);
  const { concept, result } = await withReadableConcept(file, () =>
    checkWorkbook(workbook, { referenceDate, today: io.today() }),
  );
  if (args.flags.has("--json")) {
    io.out(
      JSON.stringify(
        {
          file,
          referenceDate: result.referenceDate,
          summary: result.summary,
          findings: result.findings.map(({ rule, severity, smart, sheet, cell, id, message }) => ({
            rule,
            severity,
            smart,
            sheet,
            cell,
            id,
            message,
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
    await addReportSheet(workbook, result, path.basename(file));
    await saveWorkbookAtomically(workbook, output);
    if (!args.flags.has("--json")) io.out(`Prüfbericht geschrieben: ${output}\n`);
  }
  return result.summary.errors > 0 ? 1 : 0;
}

async function commandMatrix(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["--runde", "-o", "--output"], []);
  const file = onePositional(args.positional, "matrix <datei.xlsx> --runde JJJJ [-o out.xlsx]");
  const roundText = args.options.get("--runde");
  if (!roundText) throw new UserError("Bitte die Bewertungsrunde angeben, z. B. --runde 2027.");
  if (!/^\d{4}$/.test(roundText) || Number(roundText) < 2000 || Number(roundText) > 2100) {
    throw new UserError(`Die Runde „${roundText}“ ist kein Jahr; geben Sie sie vierstellig an, z. B. --runde 2027.`);
  }
  const output = args.options.get("-o") ?? args.options.get("--output") ?? file;
  requireXlsxName(output, "Die Ausgabedatei");
  const workbook = await openWorkbook(file);
  const outcome = await withReadableConcept(file, () => buildMatrix(workbook, Number(roundText)));
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

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  init: commandInit,
  check: commandCheck,
  matrix: commandMatrix,
  split: commandSplit,
  merge: commandMerge,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "hilfe") {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(HELP);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UserError(`Den Befehl „${command}“ gibt es nicht; „--help“ zeigt die möglichen Befehle.`);
    return await run(rest, io);
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
