/**
 * The Integrationsbericht of the example concept (`init --vorlage beispiel`) as LibreOffice reads it: every
 * Handlungsfeld and every Basisindikator with values is a chapter or section listed in the table of contents,
 * each Basisindikator's table holds the latest values of the Kennzahlen (the figures the sheet Kennzahlen and
 * the pane show) for every Gebiet, each chart's alt text names them, the Gemeindeprofil of the first Gemeinde
 * holds no other Gemeinde, and both files pass validate-ooxml.py.
 */
import * as path from "node:path";
import { gemeindeprofilGebiete } from "../../src/domain/integrationsbericht";
import { markedValue } from "../../src/docx/format";
import { readIntegrationsbericht } from "../../src/workbook/integrationsbericht";
import { readConcept } from "../../src/workbook/read";
import { openWorkbook } from "../../src/xlsx/file";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { convertWithLibreOffice, describeWithLibreOffice, hasRun, textLines } from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";

afterAll(removeTempDirs);

const lines = (file: string) => textLines(convertWithLibreOffice(file, "txt"));

describeWithLibreOffice("the Integrationsbericht of the example concept", () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = tempDir("mnp-ib-beispiel-");
    workbook = path.join(dir, "beispiel.xlsx");
    expect((await runCli(["init", workbook, "--vorlage", "beispiel"])).code).toBe(0);
  });

  it("has every chapter in the table of contents and the Kennzahlen's latest values in the tables", async () => {
    const out = path.join(dir, "bericht.docx");
    const run = await runCli(["integrationsbericht", workbook, "-o", out]);
    expect(run.code).toBe(0);
    expect(ooxmlProblems(out)).toEqual([]);
    const text = lines(out);
    const source = await (await openWorkbook(workbook)).source();
    const read = readIntegrationsbericht(source, { today: "2026-11-22" });
    if (!("model" in read)) throw new Error(read.problem);
    const { model } = read;
    const toc = text.slice(text.indexOf("Inhalt") + 1, text.indexOf("Einleitung", text.indexOf("Inhalt") + 2));
    for (const k of model.kapitel) {
      expect(toc).toContain(k.titel);
      for (const b of k.basis) expect(toc).toContain(`${b.indikator.id} ${b.indikator.name}`);
    }
    for (const b of model.kapitel.flatMap((k) => k.basis)) {
      const at = text.indexOf(`${b.indikator.id} ${b.indikator.name}`, text.indexOf("Einleitung", 20));
      const section = text.slice(at, at + 40 + 8 * b.zeilen.length * (4 + b.gruppen.length));
      for (const z of b.zeilen) {
        const i = section.indexOf(z.name);
        expect([z.name, i >= 0]).toEqual([z.name, true]);
        const latest = z.aktuell ? markedValue(z.aktuell, b.indikator.einheit).replace(/\u00a0/g, " ") : "–";
        expect([z.name, section.slice(i, i + 5)]).toEqual([z.name, expect.arrayContaining([latest])]);
      }
    }
    // Figures of the example's monitoring (src/domain/templates/beispielMonitoring.ts), by chapter.
    const chapter = (title: string) => {
      const from = text.indexOf(title, text.indexOf("Einleitung", 20));
      return text.slice(
        from,
        text.findIndex((l, i) => i > from && /^HF-\d\d – |^Anhang$/.test(l)),
      );
    };
    const allgemein = chapter("Bevölkerung und Zuwanderung");
    expect(hasRun(allgemein, ["Landkreis Beispielkreis", "94.950", "96.076", "+1,2 %"])).toBe(true);
    expect(hasRun(allgemein, ["Beispieltal", ".", "124", "–"])).toBe(true);
    const bildung = chapter("HF-03 – Bildung und Sprache");
    expect(hasRun(bildung, ["Landkreis Beispielkreis", "31,0 %", "33,2 %", "+2,2"])).toBe(true);
    expect(hasRun(bildung, ["Deutschland", "35,5 %", "37,4 %"])).toBe(true);
    const annex = text.slice(text.lastIndexOf("Zeichenerklärung"));
    expect(hasRun(annex, ["Zeichen", "Bedeutung", ".", "Zahlenwert unbekannt oder geheim zu halten", "Quellen"])).toBe(
      true,
    );
    expect(run.out).toContain(
      `${model.kapitel.length} Kapitel, ${model.kapitel.flatMap((k) => k.basis).length} Basisindikator`,
    );
  });

  it("writes the Gemeindeprofil of its first Gemeinde without the others, where the example has Gemeinden", async () => {
    const concept = readConcept(await (await openWorkbook(workbook)).source());
    const gemeinden = gemeindeprofilGebiete(concept);
    if (gemeinden.length === 0) {
      // Without Gemeinden a Gemeindeprofil is one sentence and exit 2.
      const run = await runCli(["integrationsbericht", workbook, "--gebiet", "01", "-o", path.join(dir, "p.docx")]);
      expect(run.code).toBe(2);
      expect(run.err.trim().split("\n")).toHaveLength(1);
      return;
    }
    const [first, ...others] = gemeinden;
    const out = path.join(dir, "profil.docx");
    expect((await runCli(["integrationsbericht", workbook, "--gebiet", first!.id, "-o", out])).code).toBe(0);
    expect(ooxmlProblems(out)).toEqual([]);
    const text = lines(out).join("\n");
    expect(text).toContain(`Gemeindeprofil ${first!.name}`);
    for (const g of others) expect(text).not.toContain(g.name);
  });
});
