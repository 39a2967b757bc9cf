/**
 * `fortschreiben <alt.xlsx> --laufzeit JJJJ-JJJJ -o <neu.xlsx> [--force]`: the next concept period as a new
 * workbook (docs/befehle.md); the old workbook is never changed.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseLaufzeit } from "../domain/fortschreibung";
import { VORPERIODE } from "../workbook/sheets/vorperiode";
import { fortschreiben } from "../xlsx/fortschreibung";
import { saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { xlsxError } from "../xlsx/messages";
import type { ParsedArgs } from "./args";
import { onePositional, openStep, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { FORTSCHREIBEN } from "./specs";

/** The same file under another name (a link) counts as the same file. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

const measures = (n: number) => `${n} ${n === 1 ? "Maßnahme" : "Maßnahmen"}`;

/** ` (M-001, M-002, …)` after a count. */
function listed(ids: string[]): string {
  const shown = ids.filter((id) => id !== "");
  return shown.length === 0 ? "" : ` (${shown.slice(0, 10).join(", ")}${shown.length > 10 ? ", …" : ""})`;
}

export async function commandFortschreiben(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const usage = `fortschreiben ${FORTSCHREIBEN.usage}`;
  const file = onePositional(args.positional, usage, "Arbeitsmappe");
  const parsed = parseLaufzeit(args.options.get("laufzeit"));
  if ("error" in parsed) throw cliError("LAUFZEIT_UNGUELTIG", { satz: parsed.error });
  const output = args.options.get("output");
  if (!output) throw cliError("AUSGABE_FEHLT", { fuer: "fortschreiben", aufruf: usage });
  requireEnding(output, ".xlsx");
  if (await sameFile(file, output)) throw cliError("AUSGABE_IST_ALTE", { datei: output });
  const existing = await fs.stat(output).catch(() => null);
  if (existing?.isDirectory()) throw xlsxError("IST_ORDNER", { ziel: output });
  if (existing && !args.flags.has("force")) throw cliError("DATEI_VORHANDEN", { datei: output });
  const doc = await openStep(file, progress);
  progress.step("Übernehme Maßnahmen, Laufzeit und Basiswerte …");
  const outcome = await withReadableConcept(file, () =>
    fortschreiben(doc, { laufzeit: parsed.laufzeit, file, today: io.today() }),
  );
  progress.step(`Schreibe „${output}“ …`);
  await saveWorkbookAtomically(doc, output);
  const { decisions, baselines } = outcome;
  const { firstYear, lastYear } = parsed.laufzeit;
  io.out(
    `Neue Periode ${firstYear}–${lastYear} in „${output}“ angelegt; „${file}“ bleibt unverändert.\n` +
      `Übernommen: ${measures(decisions.carried.length + decisions.revised.length)}, davon ` +
      `${decisions.revised.length} zur Überarbeitung markiert${listed(decisions.revised.map((m) => m.id))}.\n` +
      `Nicht übernommen: ${measures(decisions.dropped.length)}${listed(decisions.dropped.map((m) => m.id))}; ` +
      `die Gründe stehen im Blatt „${VORPERIODE.sheet}“.\n` +
      `Basiswerte aus dem letzten IST: ${baselines.length} Indikatoren.\n` +
      (outcome.round === null ? "Es gibt keine Bewertungsrunde; nur der Status entschied.\n" : "") +
      (outcome.newTitle ? `Konzepttitel: „${outcome.newTitle}“.\n` : ""),
  );
  return 0;
}
