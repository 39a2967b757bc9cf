/**
 * `integrationsbericht <datei.xlsx> [--stichtag JJJJ-MM-TT] [--gebiet ID] -o <bericht.docx>`: the
 * Integrationsbericht from the monitoring, or with --gebiet the Gemeindeprofil of one Gemeinde
 * (docs/befehle.md), as a Word document written beside its target and renamed into place. An unknown
 * Gebiet is one sentence and exit 2, and nothing is written.
 */
import { formatGermanDate } from "../domain/dates";
import { countOf } from "../domain/numbers";
import type { IntegrationsberichtModel } from "../domain/integrationsbericht";
import { documentTitle, renderIntegrationsbericht } from "../docx/integrationsbericht";
import { resvgRasterizer } from "../docx/raster";
import { readIntegrationsbericht } from "../workbook/integrationsbericht";
import { openWorkbook, withReadableConcept, writeFileAtomically } from "../xlsx/file";
import { type ParsedArgs, referenceDateOption } from "./args";
import { chartFontNote } from "./bericht";
import { onePositional, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { INTEGRATIONSBERICHT } from "./specs";

function argsOf(args: ParsedArgs) {
  const usage = `integrationsbericht ${INTEGRATIONSBERICHT.usage}`;
  const file = onePositional(args.positional, usage);
  const output = args.options.get("output");
  if (!output) throw cliError("AUSGABE_FEHLT", { fuer: "bericht", aufruf: usage });
  requireEnding(output, ".docx");
  const gebiet = args.options.get("gebiet");
  return { file, output, gebiet, referenceDate: referenceDateOption(args.options.get("stichtag")) };
}

/** `3 Kapitel, 4 Basisindikatoren mit Werten, 2 Zielindikatoren, 6 Gebiete`. */
function contentLine(model: IntegrationsberichtModel): string {
  const basis = model.kapitel.reduce((n, k) => n + k.basis.length, 0);
  const ziel = model.kapitel.reduce((n, k) => n + k.ziel.length, 0);
  return (
    `${countOf(model.kapitel.length, "Kapitel", "Kapitel")}, ${countOf(basis, "Basisindikator", "Basisindikatoren")} mit Werten, ` +
    `${countOf(ziel, "Zielindikator", "Zielindikatoren")}, ${countOf(model.annex.gebiete.length, "Gebiet", "Gebiete")}`
  );
}

export async function commandIntegrationsbericht(parsed: ParsedArgs, { io, progress }: Run): Promise<number> {
  const args = argsOf(parsed);
  progress.step(`Lese „${args.file}“ …`);
  const source = await (await openWorkbook(args.file)).source();
  progress.step("Stelle die Kennzahlen nach Gebiet zusammen …");
  const read = await withReadableConcept(args.file, () =>
    readIntegrationsbericht(source, { referenceDate: args.referenceDate, today: io.today(), gebiet: args.gebiet }),
  );
  if ("problem" in read) throw cliError("GEBIET_UNBRAUCHBAR", { problem: read });
  const { model } = read;
  progress.step("Zeichne die Diagramme und setze den Bericht …");
  const charts = resvgRasterizer();
  const bytes = await renderIntegrationsbericht(model, { charts });
  progress.step(`Schreibe „${args.output}“ …`);
  await writeFileAtomically(bytes, args.output);
  io.out(
    `${documentTitle(model)} „${args.output}“ geschrieben: ${contentLine(model)}, ` +
      `Stichtag ${formatGermanDate(model.title.stichtag)}.\n` +
      chartFontNote(charts.labels),
  );
  return 0;
}
