/**
 * `vorlage <datei.xlsx> --schritt P-ID -o <vorlage.docx>`: the Mitteilung or Beschlussvorlage of a Prozessplan
 * step for its Gremium (docs/befehle.md), written beside its target and renamed into place.
 */
import { renderVorlage } from "../docx/vorlage";
import { readVorlage } from "../workbook/vorlage";
import { openWorkbook, withReadableConcept, writeFileAtomically } from "../xlsx/file";
import { xlsxError } from "../xlsx/messages";
import { type ParsedArgs, referenceDateOption } from "./args";
import { onePositional, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { VORLAGE } from "./specs";

export async function commandVorlage(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const aufruf = `vorlage ${VORLAGE.usage}`;
  const file = onePositional(args.positional, aufruf);
  const id = args.options.get("schritt");
  if (!id) throw cliError("SCHRITT_FEHLT", { aufruf });
  const output = args.options.get("output");
  if (!output) throw cliError("AUSGABE_FEHLT", { fuer: "vorlage", aufruf });
  requireEnding(output, ".docx");
  const referenceDate = referenceDateOption(args.options.get("stichtag"));
  progress.step(`Lese „${file}“ …`);
  const source = await (await openWorkbook(file)).source();
  const read = await withReadableConcept(file, () => readVorlage(source, id, { referenceDate, today: io.today() }));
  if ("problem" in read) throw xlsxError("PROZESSPLAN_UNBRAUCHBAR", { datei: file, problem: read.problem });
  const v = read.vorlage;
  progress.step("Setze die Vorlage …");
  const bytes = await renderVorlage(v);
  progress.step(`Schreibe „${output}“ …`);
  await writeFileAtomically(bytes, output);
  io.out(
    `${v.art} „${output}“ geschrieben: ${v.schritt.id} für ${v.schritt.gremium}` +
      (v.schritt.termin ? ` am ${v.schritt.termin.split("-").reverse().join(".")}` : "") +
      `, Beratungsfolge mit ${v.beratungsfolge.length} ${v.beratungsfolge.length === 1 ? "Sitzung" : "Sitzungen"}.\n`,
  );
  return 0;
}
