/**
 * `bericht` on the command line, and the report as LibreOffice reads it: the figures, Ampel words and
 * Sachstände worked out by hand for the fixture concept (see fixture.ts) are in the text.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { reportModelOf } from "../../src/cli/bericht";
import { resvgRasterizer } from "../../src/docx/raster";
import { renderReport } from "../../src/docx/report";
import { columnOf, leftoverTempFiles, loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";
import { convertWithLibreOffice, describeWithLibreOffice, hasRun, textLines } from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";
import { monitoring, writeWorkbook } from "./fixture";

afterAll(removeTempDirs);

/** The fixture with round 2026 made by `matrix` and scored by the team in Excel (here: exceljs). */
async function scoredWorkbook(dir: string): Promise<string> {
  const file = writeWorkbook(dir);
  expect((await runCli(["matrix", file, "--runde", "2026"])).code).toBe(0);
  const wb = await loadWorkbook(file);
  const ws = sheet(wb, "Bewertung 2026");
  const scores: Record<string, Record<string, number | string>> = {
    "M-001": {
      Umsetzungsstand: 4,
      Zielerreichung: 4,
      "Erreichung der Zielgruppe": 4,
      Ressourceneinsatz: 4,
      Nachhaltigkeit: 4,
      Empfehlung: "verstetigen",
    },
    // (2·25 + 3·30 + 2·20 + 1·15) / 90 = 2,1667 → 2,17 gelb
    "M-002": {
      Umsetzungsstand: 2,
      Zielerreichung: 3,
      "Erreichung der Zielgruppe": 2,
      Ressourceneinsatz: 1,
      Empfehlung: "anpassen",
    },
  };
  for (let r = 3; r <= ws.rowCount; r++) {
    const values = scores[ws.getCell(r, 1).text];
    if (!values) continue;
    for (const [header, value] of Object.entries(values)) ws.getCell(r, columnOf(ws, header, 2)).value = value;
  }
  await wb.xlsx.writeFile(file);
  return file;
}

describe("bericht on the command line", () => {
  it("writes the report and says what is in it", async () => {
    const dir = tempDir();
    const file = await scoredWorkbook(dir);
    const out = path.join(dir, "bericht.docx");
    const run = await runCli(["bericht", file, "-o", out]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain("5 Maßnahmen in 2 Handlungsfeldern, 2 Indikatoren, Stichtag 30.06.2026, Bewertung 2026");
    expect(fs.readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(ooxmlProblems(out)).toEqual([]);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });

  it("reports at the Stichtag given with --stichtag: then no Frist was overdue yet", async () => {
    const dir = tempDir();
    const file = writeWorkbook(dir);
    const run = await runCli(["bericht", file, "--stichtag", "2026-01-15", "-o", path.join(dir, "b.docx")]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Stichtag 15.01.2026");
    const model = await reportModelOf(file, "2026-01-15", "2026-11-22");
    expect([model.summary.overdue, model.annex.overdue]).toEqual([0, []]);
  });

  it.each([
    [["bericht"], "Bitte genau eine Datei angeben"],
    [["bericht", "x.xlsx"], "Bitte mit -o angeben"],
    [["bericht", "x.xlsx", "-o", "bericht.pdf"], "muss auf .docx enden"],
    [["bericht", "x.xlsx", "-o"], "Die Option „-o“ braucht einen Wert"],
    [["bericht", "x.xlsx", "-o", "b.docx", "--runde", "2026"], "Die Option „--runde“ kennt der Befehl bericht nicht"],
    [["bericht", "x.xlsx", "-o", "b.docx", "--stichtag"], "Die Option „--stichtag“ braucht einen Wert"],
    [["bericht", "x.xlsx", "-o", "b.docx", "--stichtag", "morgen"], "Der Stichtag „morgen“ ist kein Datum"],
  ])("refuses %j with exit 2 and one German sentence", async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err.trim().split("\n")).toHaveLength(1);
  });

  it("writes nothing for unusable input", async () => {
    const dir = tempDir();
    const notXlsx = path.join(dir, "liste.xlsx");
    fs.writeFileSync(notXlsx, "ID;Titel\n");
    const out = path.join(dir, "bericht.docx");
    for (const input of [notXlsx, path.join(dir, "fehlt.xlsx")]) {
      const run = await runCli(["bericht", input, "-o", out]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^Die Datei „.*“ (ist keine Excel-Arbeitsmappe|wurde nicht gefunden)/);
    }
    expect(fs.readdirSync(dir)).toEqual(["liste.xlsx"]);
  });

  it("does not replace a read-only report", async () => {
    const dir = tempDir();
    const file = writeWorkbook(dir);
    const out = path.join(dir, "bericht.docx");
    fs.writeFileSync(out, "alt");
    fs.chmodSync(out, 0o444);
    const run = await runCli(["bericht", file, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("schreibgeschützt");
    expect(fs.readFileSync(out, "utf8")).toBe("alt");
  });
});

describeWithLibreOffice("the report as LibreOffice reads it", () => {
  let workbook: string;
  let cli: string[];
  let withMonitoring: string[];
  beforeAll(async () => {
    const dir = tempDir();
    workbook = await scoredWorkbook(dir);
    const out = path.join(dir, "bericht.docx");
    expect((await runCli(["bericht", workbook, "-o", out])).code).toBe(0);
    cli = textLines(convertWithLibreOffice(out, "txt"));
    // The same workbook with the monitoring data a monitoring domain hands over.
    const model = await reportModelOf(workbook, undefined, "2026-11-22", () => monitoring());
    const monitored = path.join(dir, "monitoring.docx");
    fs.writeFileSync(monitored, await renderReport(model, { charts: resvgRasterizer() }));
    withMonitoring = textLines(convertWithLibreOffice(monitored, "txt"));
  });

  it("has the title and the summary's figures", () => {
    expect(cli.slice(0, 4)).toEqual([
      "Sachstandsbericht",
      "Integrationskonzept 2025–2029",
      "Stadt Musterhausen",
      // One date on the cover, named: without Sachstände there is no Berichtsstichtag, so it is the Stand.
      "Stand: 30. Juni 2026",
    ]);
    expect(cli).toContain(
      "Der Maßnahmenplan umfasst 5 Maßnahmen in 2 Handlungsfeldern. 3 von 4 Maßnahmen (ohne verworfene) sind SMART-vollständig beschrieben. " +
        "Bei 1 Maßnahme ist die Frist zum Stichtag überschritten, ohne dass sie umgesetzt ist (siehe Anhang).",
    );
    expect(
      hasRun(cli, [
        "geplant",
        "1",
        "in Umsetzung",
        "2",
        "umgesetzt",
        "1",
        "verstetigt",
        "0",
        "zurückgestellt",
        "0",
        "verworfen",
        "1",
        "Zusammen",
        "5",
      ]),
    ).toBe(true);
    // Every measure 0,5 VZÄ and 2.000 € gesichert (fixture.ts); M-005 is verworfen and not counted.
    expect(cli).toContain(
      "Die Maßnahmen (ohne verworfene) veranschlagen zusammen 8.000 € Sachkosten und 2 VZÄ Personal. " +
        "Von den Sachkosten sind 8.000 € gesichert.",
    );
    expect(hasRun(cli, ["HF-01 – Bildung und Sprache", "4.000 €", "4.000 €", "0 €", "0 €", "1"])).toBe(true);
    expect(hasRun(cli, ["Zusammen", "8.000 €", "8.000 €", "0 €", "0 €", "2"])).toBe(true);
    expect(hasRun(cli, ["gesichert", "2", "4.000 €", "1", "Zusammen", "2", "4.000 €", "1"])).toBe(true);
  });

  it("has the latest round with Gesamt, Ampel and Empfehlung", () => {
    expect(cli).toContain(
      "In der Bewertungsrunde 2026 sind 2 von 4 Maßnahmen bewertet; die mittlere Gesamtbewertung beträgt 3,08 auf der Skala von 0 bis 4.",
    );
    expect(
      hasRun(cli, ["M-001", "Sprachkita-Lotsen", "HF-01 – Bildung und Sprache", "4,00", "grün", "verstetigen"]),
    ).toBe(true);
    expect(
      hasRun(cli, ["M-002", "Elternkurse Deutsch", "HF-01 – Bildung und Sprache", "2,17", "gelb", "anpassen"]),
    ).toBe(true);
    // Not scored yet: one sentence, not a row each.
    expect(cli).toContain("Noch nicht bewertet (2): M-003, M-004.");
    expect(cli).not.toContain("nicht bewertet");
  });

  it("without indicator values and Sachstände says keine Daten and leaves the Sachstände empty", () => {
    expect(hasRun(cli, ["grün", "0", "gelb", "0", "rot", "0", "keine Daten", "2", "Zusammen", "2"])).toBe(true);
    expect(
      hasRun(cli, [
        "I-001 Sprachförderquote",
        "Einheit: %",
        "40 % (2024)",
        "–",
        "80 % (2028)",
        "–",
        // The Soll needs no values: 546 of the 1.461 days from 31.12.2024 to 31.12.2028 have passed.
        "37,4 %",
        "keine Daten",
      ]),
    ).toBe(true);
    // Umsetzung and Sachstand stay empty: the row ends with the Status, the next Handlungsfeld follows
    expect(
      hasRun(cli, [
        "M-002",
        "Elternkurse Deutsch",
        "Federführung: Jugendamt",
        "31.03.2026",
        "in Umsetzung",
        "Sachkosten, Personal und Finanzierung",
      ]),
    ).toBe(true);
    // The sheets are there but empty: no Berichtsstichtag, so missing reports cannot be told.
    expect(cli).toContain(
      "Es ist kein Berichtsstichtag festgelegt; fehlende Sachstände lassen sich daher nicht feststellen.",
    );
  });

  it("with monitoring data has IST, Zielerreichung, Soll, Ampel and the latest Sachstand of each measure", () => {
    const w = withMonitoring;
    expect(w.slice(3, 4)).toEqual(["Berichtsstichtag: 30. Juni 2026"]);
    expect(w.join("\n")).not.toContain("Stichtag: ");
    expect(hasRun(w, ["grün", "1", "gelb", "1", "rot", "0", "keine Daten", "0"])).toBe(true);
    // Soll 546 / 1461 days = 37,4 %; I-001 30 % → grün; I-002 12,5 % → gelb
    expect(
      hasRun(w, [
        "I-001 Sprachförderquote",
        "Einheit: %",
        "40 % (2024)",
        "52 % (31.12.2025)",
        "80 % (2028)",
        "30,0 %",
        "37,4 %",
        "grün",
      ]),
    ).toBe(true);
    expect(
      hasRun(w, [
        "I-002 Beschäftigte Zugewanderte",
        "Einheit: Anzahl",
        "1.000 (2024)",
        "1.050 (31.12.2025)",
        "1.400 (2028)",
        "12,5 %",
        "37,4 %",
        "gelb",
      ]),
    ).toBe(true);
    expect(w).toContain("Abbildung 1: I-001 Sprachförderquote – Ist-Werte und Soll-Pfad");
    expect(
      hasRun(w, [
        "M-002",
        "Elternkurse Deutsch",
        "Federführung: Jugendamt",
        "31.03.2026",
        "in Umsetzung",
        "45 %",
        "Drei Kurse laufen in der Nordstadt.",
        "Stand 30.06.2026, Ampel gelb",
      ]),
    ).toBe(true);
    expect(
      hasRun(w, [
        "M-004",
        "Anerkennungsberatung",
        "Federführung: Jobcenter",
        "30.06.2027",
        "in Umsetzung",
        "20 %",
        "Beratungsstelle eingerichtet.",
        "Stand 31.12.2025, Ampel grün",
      ]),
    ).toBe(true);
    // the earlier Sachstand of M-002 is history, not in the report
    expect(w.join("\n")).not.toContain("Kursleitungen gewonnen.");
  });

  it("lists overdue measures and missing Sachstände in the annex", () => {
    const annex = withMonitoring.slice(withMonitoring.lastIndexOf("Anhang"));
    expect(
      hasRun(annex, [
        "Überfällige Maßnahmen",
        "ID",
        "Maßnahme",
        "Federführung",
        "Frist",
        "Status",
        "M-002",
        "Elternkurse Deutsch",
        "Jugendamt",
        "31.03.2026",
        "in Umsetzung",
      ]),
    ).toBe(true);
    expect(annex).toContain("Für den Berichtsstichtag 30.06.2026 fehlt der Sachstand dieser Maßnahmen:");
    expect(hasRun(annex, ["M-004", "Anerkennungsberatung", "Jobcenter", "in Umsetzung"])).toBe(true);
    expect(annex.filter((l) => /^M-\d{3}$/.test(l))).toEqual(["M-002", "M-004"]);
  });
});
