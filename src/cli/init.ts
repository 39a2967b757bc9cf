/** `init <datei.xlsx> [--vorlage NAME] [--force]`: a new structured workbook (docs/befehle.md). */
import { TEMPLATE_NAMES, type TemplateName } from "../domain/templates";
import { createTemplateWorkbook } from "../xlsx/concept";
import { saveWorkbookAtomically } from "../xlsx/file";
import type { ParsedArgs } from "./args";
import { exists, onePositional, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { INIT } from "./specs";

export async function commandInit(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `init ${INIT.usage}`);
  requireEnding(file, ".xlsx", "Die Datei");
  const template = (args.options.get("vorlage") ?? "leer").toLowerCase() as TemplateName;
  if (!TEMPLATE_NAMES.includes(template)) {
    throw cliError("VORLAGE_UNBEKANNT", { vorlage: args.options.get("vorlage") ?? "", moeglich: TEMPLATE_NAMES });
  }
  if ((await exists(file)) && !args.flags.has("force")) throw cliError("DATEI_VORHANDEN", { datei: file });
  progress.step(`Lege die Arbeitsmappe mit der Vorlage „${template}“ an …`);
  const workbook = await createTemplateWorkbook(template, io.today());
  progress.step(`Schreibe „${file}“ …`);
  await saveWorkbookAtomically(workbook, file);
  io.out(`Arbeitsmappe „${file}“ mit der Vorlage „${template}“ angelegt.\n`);
  return 0;
}
