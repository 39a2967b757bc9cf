/**
 * `export <datei.xlsx> --ziel <ordner> [--force]`: the concept as open data — the CSV files and datapackage.json
 * (src/workbook/export.ts). Everything is made before the folder is touched, so bad input writes nothing; a
 * write that fails half-way takes back the files it wrote.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { countOf } from "../domain/numbers";
import { exportConcept } from "../workbook/export";
import { readConcept } from "../workbook/read";
import { withReadableConcept, writeFileAtomically } from "../xlsx/file";
import type { ParsedArgs } from "./args";
import { exists, onePositional, openStep } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { EXPORT } from "./specs";

export async function commandExport(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `export ${EXPORT.usage}`);
  const target = args.options.get("ziel");
  if (!target) throw cliError("ZIEL_FEHLT", {});
  const targetStat = await fs.stat(target).catch(() => null);
  if (targetStat && !targetStat.isDirectory()) throw cliError("ZIEL_IST_DATEI", { ziel: target });
  const doc = await openStep(file, progress);
  progress.step("Lese die Tabellen und stelle die offenen Daten zusammen …");
  const files = await withReadableConcept(file, async () => exportConcept(readConcept(await doc.source())));
  if (!args.flags.has("force")) {
    const present: string[] = [];
    for (const f of files) if (await exists(path.join(target, f.name))) present.push(f.name);
    if (present.length > 0) throw cliError("EXPORT_ZIEL_BELEGT", { ziel: target, dateien: present });
  }
  await writeAll(target, files, !targetStat, (name) => progress.step(`Schreibe „${name}“ …`));
  io.out(`Offene Daten in „${target}“ geschrieben:\n`);
  for (const f of files)
    io.out(`  ${f.name}${f.rows === undefined ? "" : ` (${countOf(f.rows, "Zeile", "Zeilen")})`}\n`);
  io.out(
    "Kontaktdaten von Personen (Ansprechperson, E-Mail, Gemeldet von) und Bemerkungen sind nicht enthalten; " +
      "die Lizenz trägt die veröffentlichende Stelle in datapackage.json ein.\n",
  );
  return 0;
}

/**
 * Writes every file; when one fails, the files this run added are removed again (and the folder, if this run
 * made it). A file it replaced (with --force) stays replaced: its old text is gone either way.
 */
async function writeAll(
  target: string,
  files: { name: string; text: string }[],
  madeFolder: boolean,
  step: (name: string) => void,
): Promise<void> {
  try {
    await fs.mkdir(target, { recursive: true });
  } catch {
    throw cliError("ORDNER_NICHT_ANLEGBAR", { ziel: target });
  }
  const added: string[] = [];
  try {
    for (const f of files) {
      step(f.name);
      const file = path.join(target, f.name);
      const isNew = !(await exists(file));
      await writeFileAtomically(new TextEncoder().encode(f.text), file);
      if (isNew) added.push(file);
    }
  } catch (error) {
    if (madeFolder) await fs.rm(target, { recursive: true, force: true });
    else for (const file of added) await fs.rm(file, { force: true });
    throw error;
  }
}
