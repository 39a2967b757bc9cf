/**
 * `fortschreiben <alt.xlsx> --laufzeit JJJJ-JJJJ -o <neu.xlsx> [--force]`: the next concept period as a new
 * workbook (docs/befehle.md); the old workbook is never changed.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseLaufzeit } from "../domain/fortschreibung";
import { VORPERIODE } from "../workbook/vorperiode-sheet";
import { fortschreiben } from "../xlsx/fortschreibung";
import { UserError, saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import type { CommandSpec, ParsedArgs } from "./args";
import type { Run } from "./main";
import { openStep } from "./progress";

export const FORTSCHREIBEN: CommandSpec = {
  name: "fortschreiben",
  usage: "<alt.xlsx> --laufzeit JJJJ-JJJJ -o <neu.xlsx> [--force]",
  summary:
    "Beginnt die nächste Konzeptperiode als neue Arbeitsmappe: neue Laufzeit, Maßnahmen mit ihren IDs außer\n" +
    `beendeten, umgesetzten und verworfenen (Blatt „${VORPERIODE.sheet}“), Basiswerte aus dem letzten IST.`,
  options: {
    laufzeit: { type: "string", value: "JJJJ-JJJJ", description: "die Laufzeit der neuen Periode, z. B. 2029-2032" },
    output: { type: "string", short: "o", value: "neu.xlsx", description: "die neue Arbeitsmappe (Pflicht)" },
    force: { type: "boolean", description: "eine vorhandene Ausgabedatei überschreiben" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

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
  if (args.positional.length !== 1) throw new UserError(`Bitte genau eine Arbeitsmappe angeben: ${usage}`);
  const file = args.positional[0]!;
  const parsed = parseLaufzeit(args.options.get("laufzeit"));
  if ("error" in parsed) throw new UserError(parsed.error);
  const output = args.options.get("output");
  if (!output) throw new UserError(`Bitte mit -o die neue Arbeitsmappe angeben; die alte bleibt unverändert: ${usage}`);
  if (!/\.xlsx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .xlsx enden.`);
  if (await sameFile(file, output)) {
    throw new UserError(
      `Die Ausgabedatei „${output}“ ist die alte Arbeitsmappe selbst; sie bleibt unverändert, bitte einen anderen Namen angeben.`,
    );
  }
  const existing = await fs.stat(output).catch(() => null);
  if (existing?.isDirectory()) throw new UserError(`„${output}“ ist ein Ordner; geben Sie einen Dateinamen an.`);
  if (existing && !args.flags.has("force")) {
    throw new UserError(`Die Datei „${output}“ existiert bereits; mit --force wird sie überschrieben.`);
  }
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
      (outcome.newTitle ? `Konzepttitel: „${outcome.newTitle}“.\n` : "") +
      `Prozessplan: ${outcome.prozessplan.template} Schritte der Vorlage, noch ohne Termine` +
      (outcome.prozessplan.previous > 0
        ? `; die ${outcome.prozessplan.previous} Schritte der Vorperiode stehen im Blatt „${VORPERIODE.sheet}“.\n`
        : ".\n"),
  );
  return 0;
}
