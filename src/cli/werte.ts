/**
 * `werte <datei.xlsx> <statistik.csv|.xlsx>... [--indikator ID] [--zuordnung datei.json] [--alle-gebiete]
 * [--aktualisieren] [-o out.xlsx]`: official statistics into Indikatorwerte, by Gebiet and Gruppe
 * (docs/befehle.md). Exit 0, 1 with conflicts, 2 for unusable input (the workbook untouched).
 */
import * as path from "node:path";
import { parseZuordnung, werteSummary, WERTEUEBERNAHME, type Zuordnung } from "../workbook/werte";
import { readInput, saveWorkbookAtomically, withReadableConcept } from "../xlsx/file";
import { runWerte } from "../xlsx/werte";
import type { ParsedArgs } from "./args";
import { openStep, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { WERTE } from "./specs";
import { countOf } from "../domain/numbers";

async function readZuordnung(args: ParsedArgs): Promise<Zuordnung> {
  const indikator = args.options.get("indikator");
  const file = args.options.get("zuordnung");
  if (indikator !== undefined && file !== undefined) {
    throw cliError("INDIKATOR_UND_ZUORDNUNG", {});
  }
  if (indikator !== undefined) {
    if (indikator.trim() === "") throw cliError("INDIKATOR_LEER", {});
    return { indikator: indikator.trim() };
  }
  if (file === undefined) {
    throw cliError("INDIKATOR_FEHLT", {});
  }
  const text = (await readInput(file)).toString("utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw cliError("WERTE_ZUORDNUNG_KEIN_JSON", { datei: file });
  }
  const parsed = parseZuordnung(json);
  if (!parsed.ok) throw cliError("WERTE_ZUORDNUNG_UNBRAUCHBAR", { datei: file, problem: parsed.problem });
  return parsed.zuordnung;
}

export async function commandWerte(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const usage = `werte ${WERTE.usage}`;
  if (args.positional.length < 2) {
    throw cliError("STATISTIK_FEHLT", { aufruf: usage });
  }
  const [file, ...statistics] = args.positional as [string, ...string[]];
  requireEnding(file, ".xlsx", "Die Arbeitsmappe");
  const output = args.options.get("output") ?? file;
  requireEnding(output, ".xlsx");
  const clash = statistics.find(
    (s) => path.resolve(s) === path.resolve(file) || path.resolve(s) === path.resolve(output),
  );
  if (clash) throw cliError("STATISTIK_IST_ARBEITSMAPPE", { datei: clash });
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
      `${countOf(plan.counts.konflikte, "Wert weicht", "Werte weichen")} von der Arbeitsmappe ab; sie behält ihre Werte. Mit --aktualisieren werden die Werte der Dateien übernommen.`,
    );
  }
  io.out(lines.join("\n") + "\n");
  return plan.counts.konflikte > 0 ? 1 : 0;
}
