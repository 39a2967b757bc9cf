/**
 * `vorlage`: the committee document of a Prozessplan step, as LibreOffice reads it — the parts of a council's
 * Mitteilung in their order (Kommune, Mitteilung or Beschlussvorlage, „– öffentlich –“, Drucksachen-Nr.,
 * Beratungsfolge, Betreff, Sachverhalt, Ausblick, „Im Auftrag“ and the name), the Beschlussvorschlag for an
 * Empfehlung or a Beschluss, the figures of the Sachstandsbericht; real headings, de-DE, a valid package; a
 * step without Gremium is one sentence and no file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { leftoverTempFiles, removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { convertWithLibreOffice, describeWithLibreOffice, textLines } from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";
import { writeBeispiel } from "../helpers/prozessplan";
import { genderOf, nounPhrase } from "../../src/docx/german";

afterAll(removeTempDirs);

const TIMEOUT = 180_000;

/** The index of each expected line (by its start) in order, each after the one before; -1 where missing. */
function inOrder(lines: string[], expected: string[]): number[] {
  let from = 0;
  return expected.map((e) => {
    const i = lines.findIndex((l, k) => k >= from && l.startsWith(e));
    if (i >= 0) from = i + 1;
    return i;
  });
}

async function vorlage(dir: string, file: string, id: string): Promise<{ docx: string; out: string; code: number }> {
  const docx = path.join(dir, `${id}.docx`);
  const run = await runCli(["vorlage", file, "--schritt", id, "-o", docx]);
  expect(run.err).toBe("");
  return { docx, out: run.out, code: run.code };
}

describe("the articles of Gremien and Gegenstände", () => {
  it("are read from the head noun, and a name of unknown gender is carried by a noun", () => {
    expect(
      ["Kreistag", "Ausschuss für Arbeit, Soziales und Gesundheit", "Rat der Stadt Laatzen"].map(genderOf),
    ).toEqual(["m", "m", "m"]);
    expect(["Steuerungsgruppe", "AG Integration", "Bezirksvertretung"].map(genderOf)).toEqual(["f", "f", "f"]);
    expect(["Maßnahmenkonzept", "Vorhaben Integrationskonzept"].map(genderOf)).toEqual(["n", "n"]);
    expect(nounPhrase("Integrationsbeirat", "Gremium").dative()).toBe("dem Integrationsbeirat");
    expect(nounPhrase("AG Integration", "Gremium").nominative(true)).toBe("Die AG Integration");
    expect(nounPhrase("Runder Tisch Integration", "Gremium").nominative(true)).toBe(
      "Das Gremium „Runder Tisch Integration“",
    );
    expect(nounPhrase("Leitlinien", "Gegenstand").accusative()).toBe("den Gegenstand „Leitlinien“");
  });
});

describe("vorlage on the command line", () => {
  it("refuses a step without Gremium, an unknown step and a missing option with one sentence, writing nothing", async () => {
    const dir = tempDir();
    const file = path.join(dir, "beispiel.xlsx");
    writeBeispiel(file);
    const out = path.join(dir, "v.docx");
    const cases: [string[], RegExp][] = [
      [
        ["--schritt", "P-17"],
        /^Der Schritt P-17 \(„Integrationsbericht 2026 erstellen: .*“\) in „.*beispiel\.xlsx“ nennt kein Gremium; .*\.\n$/,
      ],
      [["--schritt", "P-99"], /^Im Prozessplan von „.*“ gibt es keinen Schritt „P-99“; vorhanden: P-01, .* P-23\.\n$/],
      [[], /^Bitte mit --schritt angeben, .*\n$/],
    ];
    for (const [options, message] of cases) {
      const run = await runCli(["vorlage", file, ...options, "-o", out]);
      expect({ code: run.code, err: run.err }).toEqual({ code: 2, err: expect.stringMatching(message) });
      expect(fs.existsSync(out)).toBe(false);
    }
    expect((await runCli(["vorlage", file, "--schritt", "P-18", "-o", path.join(dir, "v.pdf")])).code).toBe(2);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });

  it("writes a valid document with real headings in German", async () => {
    const dir = tempDir();
    const file = path.join(dir, "beispiel.xlsx");
    writeBeispiel(file);
    const { docx, out, code } = await vorlage(dir, file, "p-18");
    expect(code).toBe(0);
    expect(out).toBe(
      `Beschlussvorlage „${docx}“ geschrieben: P-18 für Integrationsbeirat am 08.02.2027, Beratungsfolge mit 3 Sitzungen.\n`,
    );
    expect(ooxmlProblems(docx)).toEqual([]);
    const parts = unzipSync(fs.readFileSync(docx));
    const document = strFromU8(parts["word/document.xml"]!);
    for (const style of ["Title", "Heading1", "Heading2", "Heading3"]) expect(document).toContain(`w:val="${style}"`);
    expect(strFromU8(parts["word/styles.xml"]!)).toContain('w:lang w:val="de-DE"');
    expect(strFromU8(parts["docProps/core.xml"]!)).toContain("Beschlussvorlage: Integrationsbericht 2026");
  });
});

describeWithLibreOffice("the Vorlage as LibreOffice reads it", () => {
  const texts: Record<string, string[]> = {};

  beforeAll(async () => {
    const dir = tempDir();
    const file = path.join(dir, "beispiel.xlsx");
    writeBeispiel(file);
    for (const id of ["P-18", "P-20", "P-16"]) {
      const { docx, code } = await vorlage(dir, file, id);
      expect(code).toBe(0);
      texts[id] = textLines(convertWithLibreOffice(docx, "txt"));
    }
  }, TIMEOUT);

  it("reads like a council's Vorlage, its parts in order", () => {
    const lines = texts["P-18"]!;
    const parts = [
      "Landkreis Beispielkreis",
      "Beschlussvorlage",
      "– öffentlich –",
      "Drucksachen-Nr.:",
      "Beratungsfolge",
      "Integrationsbeirat",
      "08.02.2027",
      "Empfehlung",
      "diese Vorlage",
      "Ausschuss für Arbeit, Soziales und Gesundheit",
      "25.02.2027",
      "Beratung",
      "Kreistag",
      "18.03.2027",
      "Beschluss",
      "Betreff: Integrationskonzept 2026–2030",
      "– Integrationsbericht 2026 –",
      "Beschlussvorschlag",
      "Der Integrationsbeirat empfiehlt dem Kreistag, den Integrationsbericht 2026 zum Integrationskonzept 2026–2030 in der vorliegenden Fassung (Anlage 1) zu beschließen.",
      "Sachverhalt",
      "Die Verwaltung legt dem Integrationsbeirat den Integrationsbericht 2026 zum Integrationskonzept 2026–2030 zur Beratung und Empfehlung vor (Sitzung am 08.02.2027).",
      "Das Konzept gliedert sich in 7 Handlungsfelder:",
      "Willkommenskultur",
      "Vernetzung",
      "Der Maßnahmenplan umfasst 20 Maßnahmen (13 geplant, 6 in Umsetzung und 1 verworfen). 14 von 19 Maßnahmen",
      "Eine Bewertungsrunde liegt noch nicht vor.",
      "Von den 12 Indikatoren",
      "Bisheriger Verlauf",
      "31.05.2024 – Steuerungsgruppe Integration gründen",
      "24.09.2026 – Sachstandsbericht 2026 im Ausschuss vorstellen (Ausschuss für Arbeit, Soziales und Gesundheit, Information: Zur Kenntnis genommen)",
      "Ausblick auf die nächsten Schritte",
      "31.10.2026 – Integrationsbericht 2026 erstellen: Daten aktualisieren, Kapitel je Handlungsfeld schreiben – Termin überschritten",
      "25.02.2027 – Integrationsbericht 2026 im Ausschuss beraten",
      "31.03.2028 – Fortschreibung des Konzepts",
      "Finanzielle Auswirkungen",
      "Die Maßnahmen (ohne verworfene) veranschlagen zusammen 159.500 € Sachkosten und 6,35 Vollzeitäquivalente (VZÄ) Personal.",
      "gesichert",
      "Zusammen",
      "Anlagen",
      "Anlage 1: Integrationsbericht 2026 (Entwurf zur Beschlussfassung)",
      "Im Auftrag",
      "Petra Lehmann",
      "Sozialamt",
    ];
    const found = inOrder(lines, parts);
    expect(parts.filter((_, i) => found[i] === -1)).toEqual([]);
  });

  it("puts the decision to edit in the Beschlussvorschlag of a Beschluss", () => {
    const lines = texts["P-20"]!;
    expect(lines[lines.indexOf("Beschlussvorschlag") + 1]).toBe(
      "Der Kreistag beschließt den Integrationsbericht 2026 zum Integrationskonzept 2026–2030 in der vorliegenden Fassung (Anlage 1).",
    );
    // The Ausblick of the last session names what follows it and what is overdue, not the sessions before it.
    const ausblick = lines.slice(
      lines.indexOf("Ausblick auf die nächsten Schritte") + 1,
      lines.indexOf("Finanzielle Auswirkungen"),
    );
    expect(ausblick.map((l) => l.slice(0, 10))).toEqual(["31.10.2026", "30.06.2027", "16.09.2027", "31.03.2028"]);
  });

  it("is a Mitteilung without Beschlussvorschlag for an Information, with its Drucksache", () => {
    const lines = texts["P-16"]!;
    expect(lines.slice(0, 4)).toEqual([
      "Landkreis Beispielkreis",
      "Mitteilung",
      "– öffentlich –",
      "Drucksachen-Nr.: 2026/097",
    ]);
    expect(lines).not.toContain("Beschlussvorschlag");
    expect(lines).toContain(
      "Die Verwaltung legt dem Ausschuss für Arbeit, Soziales und Gesundheit den Sachstandsbericht 2026 zum Integrationskonzept 2026–2030 zur Kenntnis vor (Sitzung am 24.09.2026). Grundlage ist der Maßnahmenplan mit dem Stand vom 22.11.2026.",
    );
  });
});
