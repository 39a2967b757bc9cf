/** `check <datei.xlsx> [--stichtag JJJJ-MM-TT] [--json] [-o bericht.xlsx]`: every rule (docs/befehle.md). */
import * as path from "node:path";
import type { CheckResult } from "../domain/rules";
import { addReportSheet, checkWorkbook } from "../xlsx/concept";
import { saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { type ParsedArgs, referenceDateOption } from "./args";
import { formatFindingsText } from "./format";
import { onePositional, openStep, requireEnding } from "./inputs";
import type { Run } from "./run";
import { CHECK } from "./specs";

export async function commandCheck(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `check ${CHECK.usage}`);
  const referenceDate = referenceDateOption(args.options.get("stichtag"));
  const output = args.options.get("output");
  if (output) requireEnding(output, ".xlsx");
  const workbook = await openStep(file, progress);
  progress.step("Lese die Tabellen und prüfe die Regeln …");
  const { concept, result } = await withReadableConcept(file, () =>
    checkWorkbook(workbook, { referenceDate, today: io.today() }),
  );
  io.out(args.flags.has("json") ? checkJson(file, result) : formatFindingsText(result, file, concept.massnahmen));
  if (output) {
    progress.step(`Schreibe den Prüfbericht nach „${output}“ …`);
    await addReportSheet(workbook, result, path.basename(file), concept);
    await saveWorkbookAtomically(workbook, output);
    if (!args.flags.has("json")) io.out(`Prüfbericht geschrieben: ${output}\n`);
  }
  return result.summary.errors > 0 ? 1 : 0;
}

/** `check --json`: the result as one object; each finding with its code, place, message and parameters. */
function checkJson(file: string, result: CheckResult): string {
  const findings = result.findings.map(({ rule, severity, smart, sheet, cell, id, message, params }) => ({
    rule,
    severity,
    smart,
    sheet,
    cell,
    id,
    message,
    params,
  }));
  const json = { file, referenceDate: result.referenceDate, summary: result.summary, findings };
  return JSON.stringify(json, null, 2) + "\n";
}
