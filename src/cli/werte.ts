/**
 * `werte <datei.xlsx> <statistik.csv|.xlsx>... [--indikator ID] [--zuordnung datei.json] [--alle-gebiete]
 * [--aktualisieren] [-o out.xlsx]`: official statistics into Indikatorwerte, by Gebiet and Gruppe
 * (docs/befehle.md). Exit 0, 1 with conflicts, 2 for unusable input (the workbook untouched).
 */
import * as path from "node:path";
import { parseZuordnung, problemText, werteSummary, WERTEUEBERNAHME, type Zuordnung } from "../workbook/werte";
import { UserError, readInput, saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { runWerte } from "../xlsx/werte";
import type { CommandSpec, ParsedArgs } from "./args";
import type { Run } from "./main";
import { openStep } from "./progress";

export const WERTE: CommandSpec = {
  name: "werte",
  // The options in full under `werte --help`; the overview line stays within 100 characters.
  usage: "<datei.xlsx> <statistik.csv|.xlsx>... (--indikator ID | --zuordnung datei.json) [Optionen]",
  summary:
    "Übernimmt Werte der amtlichen Statistik (GENESIS, Open SDG, Tabellen) nach Gebiet und Gruppe ins Blatt\n" +
    "„Indikatorwerte“ (ohne -o in der Datei selbst); das Blatt „Werteübernahme“ nennt jede Zelle,\n" +
    "die nicht übernommen wurde, mit dem Grund.",
  options: {
    indikator: { type: "string", value: "ID", description: "der Indikator, zu dem alle Werte der Dateien gehören" },
    zuordnung: {
      type: "string",
      value: "datei.json",
      description: 'Spalten zu Indikatoren: {"spalten": {"<Überschrift>": "<Indikator-ID>"}}',
    },
    "alle-gebiete": {
      type: "boolean",
      description: "auch Gebiete außerhalb des eigenen übernehmen (als Vergleichsgebiete ergänzt)",
    },
    aktualisieren: {
      type: "boolean",
      description: "abweichende Werte der Dateien ersetzen die der Arbeitsmappe (die alten aufgeführt)",
    },
    output: {
      type: "string",
      short: "o",
      value: "out.xlsx",
      description: "in diese Datei schreiben statt in die Datei selbst",
    },
  },
  exit: "0 übernommen, 1 übernommen mit Konflikten (abweichende Werte), 2 Eingabe unbrauchbar (nichts geschrieben).",
};

async function readZuordnung(args: ParsedArgs): Promise<Zuordnung> {
  const indikator = args.options.get("indikator");
  const file = args.options.get("zuordnung");
  if (indikator !== undefined && file !== undefined) {
    throw new UserError("Bitte entweder --indikator oder --zuordnung angeben, nicht beides.");
  }
  if (indikator !== undefined) {
    if (indikator.trim() === "")
      throw new UserError("Die Option --indikator braucht die ID eines Indikators, z. B. I-021.");
    return { indikator: indikator.trim() };
  }
  if (file === undefined) {
    throw new UserError(
      'Bitte angeben, zu welchem Indikator die Werte gehören: --indikator I-021, oder für mehrere --zuordnung datei.json mit {"spalten": {"Ausländer": "I-021"}}.',
    );
  }
  const text = (await readInput(file)).toString("utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`Die Zuordnung „${file}“ ist kein gültiges JSON, z. B. {"spalten": {"Ausländer": "I-021"}}.`);
  }
  const parsed = parseZuordnung(json);
  if (!parsed.ok) throw new UserError(`${file}: ${problemText(parsed.problem)}`);
  return parsed.zuordnung;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("de-DE")} ${n === 1 ? one : many}`;

export async function commandWerte(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const usage = `werte ${WERTE.usage}`;
  if (args.positional.length < 2) {
    throw new UserError(`Bitte die Arbeitsmappe und mindestens eine Statistikdatei angeben: ${usage}`);
  }
  const [file, ...statistics] = args.positional as [string, ...string[]];
  if (!/\.xlsx$/i.test(file)) throw new UserError(`Die Arbeitsmappe „${file}“ muss auf .xlsx enden.`);
  const output = args.options.get("output") ?? file;
  if (!/\.xlsx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .xlsx enden.`);
  const clash = statistics.find(
    (s) => path.resolve(s) === path.resolve(file) || path.resolve(s) === path.resolve(output),
  );
  if (clash) throw new UserError(`„${clash}“ ist die Arbeitsmappe selbst, keine Statistikdatei.`);
  const zuordnung = await readZuordnung(args);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const name of statistics) {
    const bytes = await readInput(name);
    // The sheet and the sentences name a file as the user knows it: by its name, not its folder.
    files.push({ name: path.basename(name), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  const doc = await openStep(file, progress);
  const outcome = await withReadableConcept(file, () =>
    runWerte(
      doc,
      files,
      {
        zuordnung,
        alleGebiete: args.flags.has("alle-gebiete"),
        aktualisieren: args.flags.has("aktualisieren"),
        heute: io.today(),
      },
      (text) => progress.step(text),
    ),
  );
  const { plan } = outcome;
  if (outcome.written || output !== file) {
    progress.step(`Schreibe „${output}“ …`);
    await saveWorkbookAtomically(doc, output);
  }
  const lines = [werteSummary(plan)];
  if (outcome.written) {
    lines.push(
      `Geschrieben: „${output}“; das Blatt „${WERTEUEBERNAHME.sheet}“ nennt jede Datei und Zelle, was aus ihr wurde und warum.`,
    );
  } else {
    const kept = output === file ? "bleibt unverändert" : "ist eine unveränderte Kopie";
    lines.push(
      plan.counts.uebernommen + plan.counts.vorhanden === 0
        ? `Kein Wert übernommen; „${output}“ ${kept}.`
        : `Alle übernommenen Werte stehen schon so in der Arbeitsmappe; „${output}“ ${kept}.`,
    );
    const reasons = plan.lines.filter((l) => l.ergebnis === "nicht übernommen" || l.ergebnis === "Hinweis");
    for (const l of reasons.slice(0, 10)) lines.push(`  ${l.datei}${l.zelle ? ` ${l.zelle}` : ""}: ${l.erlaeuterung}`);
    if (reasons.length > 10) lines.push(`  … und ${reasons.length - 10} weitere.`);
  }
  const outside = plan.lines.filter(
    (l) => l.ergebnis === "nicht übernommen" && /außerhalb des eigenen/.test(l.erlaeuterung),
  );
  if (outcome.eigenesGebiet === "" && outside.length > 0) {
    lines.push(
      "In den Einstellungen fehlt „Gebiet“ (der Schlüssel des eigenen Kreises oder der Stadt); ohne ihn werden nur Gebiete übernommen, die im Blatt „Gebiete“ stehen.",
    );
  }
  if (plan.counts.konflikte > 0) {
    lines.push(
      `${count(plan.counts.konflikte, "Wert weicht", "Werte weichen")} von der Arbeitsmappe ab; sie behält ihre Werte. Mit --aktualisieren werden die Werte der Dateien übernommen.`,
    );
  }
  io.out(lines.join("\n") + "\n");
  return plan.counts.konflikte > 0 ? 1 : 0;
}
