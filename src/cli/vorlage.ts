/**
 * `vorlage <datei.xlsx> --schritt P-ID -o <vorlage.docx>`: the Mitteilung or Beschlussvorlage of a Prozessplan
 * step for its Gremium (docs/befehle.md), written beside its target and renamed into place.
 */
import { renderVorlage } from "../docx/vorlage";
import { readVorlage, vorlageProblemText } from "../workbook/vorlage";
import { openWorkbook, withReadableConcept, writeFileAtomically } from "../xlsx/file";
import { UserError } from "../xlsx/userError";
import { type CommandSpec, type ParsedArgs, referenceDateOption } from "./args";
import type { Run } from "./main";

export const VORLAGE: CommandSpec = {
  name: "vorlage",
  usage: "<datei.xlsx> --schritt P-ID [--stichtag JJJJ-MM-TT] -o <vorlage.docx>",
  summary:
    "Schreibt die Vorlage eines Schritts im Prozessplan für sein Gremium als Word-Dokument: Mitteilung\n" +
    "(Befassung Information) oder Beschlussvorlage, mit Beratungsfolge, Sachverhalt, Ausblick und Kosten.",
  options: {
    schritt: { type: "string", value: "P-ID", description: "der Schritt im Prozessplan, z. B. P-12" },
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag der Zahlen (sonst wie bei check)" },
    output: { type: "string", short: "o", value: "vorlage.docx", description: "die Word-Datei, die geschrieben wird" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar (z. B. ein Schritt ohne Gremium).",
};

export async function commandVorlage(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const usage = `vorlage ${VORLAGE.usage}`;
  if (args.positional.length !== 1) throw new UserError(`Bitte genau eine Datei angeben: ${usage}`);
  const file = args.positional[0]!;
  const id = args.options.get("schritt");
  if (!id) throw new UserError(`Bitte mit --schritt angeben, für welchen Schritt die Vorlage ist: ${usage}`);
  const output = args.options.get("output");
  if (!output) throw new UserError(`Bitte mit -o angeben, wohin die Vorlage geschrieben wird: ${usage}`);
  if (!/\.docx$/i.test(output)) throw new UserError(`Die Ausgabedatei „${output}“ muss auf .docx enden.`);
  const referenceDate = referenceDateOption(args.options.get("stichtag"));
  progress.step(`Lese „${file}“ …`);
  const source = await (await openWorkbook(file)).source();
  const read = await withReadableConcept(file, () => readVorlage(source, id, { referenceDate, today: io.today() }));
  if ("problem" in read) throw new UserError(vorlageProblemText(read.problem, file));
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
