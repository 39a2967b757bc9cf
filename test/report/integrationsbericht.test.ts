/**
 * `integrationsbericht` on the command line, and the Integrationsbericht and the Gemeindeprofil as LibreOffice
 * reads (text) and prints (PDF) them: the figures worked out by hand (from ./integrationsFixture.ts) in the right
 * chapter, the table of contents with its entries, each chart's alt text naming its values, the Gemeindeprofil
 * without the other Gemeinden, every table row printed; the file passes validate-ooxml.py.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { leftoverTempFiles, removeTempDirs, runCli, tempDir } from "../helpers/cli";
import {
  convertWithLibreOffice,
  describeWithLibreOffice,
  hasPdfToText,
  hasRun,
  textLines,
} from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";
import { workbook } from "./integrationsFixture";

const STICHTAG = "2025-06-30";

afterAll(removeTempDirs);

/** The lines from the heading `from` up to the next of `until` (or the end). */
function section(lines: string[], from: string, until: string[], start = 0): string[] {
  const i = lines.indexOf(from, start);
  expect(i).toBeGreaterThanOrEqual(0);
  const ends = until.map((u) => lines.indexOf(u, i + 1)).filter((e) => e > i);
  return lines.slice(i, ends.length ? Math.min(...ends) : undefined);
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function documentXml(file: string): Record<string, string> {
  const files = unzipSync(fs.readFileSync(file));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith(".xml"))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

/** Every table row (header rows left out) as the first paragraph of each cell, as the document holds them. */
function tableRows(xml: string): string[][] {
  const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)]
    .map((m) => m[1]!)
    .filter((r) => !r.includes("<w:tblHeader/>"));
  return rows.map((r) =>
    [...r.matchAll(/<w:tc>.*?<w:p>(.*?)<\/w:p>.*?<\/w:tc>/gs)].map((c) =>
      decode([...c[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")).replace(/\u00a0/g, " "),
    ),
  );
}

describe("integrationsbericht on the command line", () => {
  it("writes the report and says what is in it", async () => {
    const dir = tempDir("mnp-ib-");
    const file = await workbook(dir);
    const out = path.join(dir, "bericht.docx");
    const run = await runCli(["integrationsbericht", file, "--stichtag", STICHTAG, "-o", out]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      `Integrationsbericht 2025 „${out}“ geschrieben: 3 Kapitel, 3 Basisindikatoren mit Werten, 2 Zielindikatoren, 5 Gebiete, Stichtag 30.06.2025.\n`,
    );
    expect(ooxmlProblems(out)).toEqual([]);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });

  it.each([
    [
      "09999099",
      "Das Gebiet „09999099“ steht nicht im Blatt „Gebiete“; ein Gemeindeprofil gibt es für 09999001, 09999002.",
    ],
    [
      "09",
      "Das Gebiet „09“ liegt nicht im eigenen Gebiet der Arbeitsmappe (Einstellungen „Gebiet“); ein Gemeindeprofil gibt es für 09999001, 09999002.",
    ],
  ])("refuses the Gemeindeprofil of %s with one sentence, exit 2 and no file", async (gebiet, sentence) => {
    const dir = tempDir("mnp-ib-");
    const file = await workbook(dir);
    const run = await runCli(["integrationsbericht", file, "--gebiet", gebiet, "-o", path.join(dir, "profil.docx")]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`${sentence}\n`);
    expect(fs.readdirSync(dir)).toEqual(["monitoring.xlsx"]);
  });

  it.each([
    [["integrationsbericht", "x.xlsx"], "Bitte mit -o angeben"],
    [["integrationsbericht", "x.xlsx", "-o", "b.pdf"], "muss auf .docx enden"],
    [["integrationsbericht", "x.xlsx", "-o", "b.docx", "--gebiet"], "Die Option „--gebiet“ braucht einen Wert"],
  ])("refuses %j with exit 2 and one German sentence", async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err.trim().split("\n")).toHaveLength(1);
  });
});

describeWithLibreOffice("the Integrationsbericht as LibreOffice reads it", () => {
  let report: string;
  let lines: string[];
  let profil: string[];
  let profilFile: string;
  beforeAll(async () => {
    const dir = tempDir("mnp-ib-");
    const file = await workbook(dir);
    report = path.join(dir, "bericht.docx");
    profilFile = path.join(dir, "profil.docx");
    expect((await runCli(["integrationsbericht", file, "--stichtag", STICHTAG, "-o", report])).code).toBe(0);
    const run = await runCli([
      "integrationsbericht",
      file,
      "--stichtag",
      STICHTAG,
      "--gebiet",
      "09999001",
      "-o",
      profilFile,
    ]);
    expect(run.out).toContain("Gemeindeprofil Musterstadt");
    lines = textLines(convertWithLibreOffice(report, "txt"));
    profil = textLines(convertWithLibreOffice(profilFile, "txt"));
  }, 240_000);

  it("has the title page and a table of contents with its entries, marked for update", () => {
    expect(lines.slice(0, 3)).toEqual(["Landkreis Test", "Integrationsbericht 2025", "Stand: 30. Juni 2025"]);
    const toc = lines.slice(lines.indexOf("Inhalt") + 1, lines.indexOf("Einleitung", lines.indexOf("Inhalt") + 2));
    expect(toc).toEqual([
      "Einleitung",
      "Bevölkerung und Zuwanderung",
      "I-020 Bevölkerung",
      "I-022 Ausländeranteil",
      "HF-01 – Bildung und Sprache",
      "I-021 Ausländer/-innen",
      "Zielindikatoren",
      "HF-02 – Wirtschaft und Arbeit",
      "Zielindikatoren",
      "Anhang",
      "Zeichenerklärung",
      "Quellen",
      "Gebiete",
    ]);
    const xml = documentXml(report);
    expect(xml["word/settings.xml"]).toContain("<w:updateFields");
    const field = /<w:sdt>.*?<\/w:sdt>/s.exec(xml["word/document.xml"]!)?.[0] ?? "";
    expect(field).toContain(
      '<w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;',
    );
  });

  it("has Bevölkerung and the computed Ausländeranteil in the first chapter: latest year, earliest of five, change", () => {
    const chapter = section(lines, "Bevölkerung und Zuwanderung", ["HF-01 – Bildung und Sprache"], 20);
    expect(chapter).toContain("Definition: Einwohnerinnen und Einwohner mit Hauptwohnsitz.");
    expect(chapter).toContain(
      "Quelle: Landesamt für Statistik; GENESIS 12411-01-01-4, abgerufen am 01.03.2025; Einheit: Anzahl",
    );
    expect(hasRun(chapter, ["Gebiet", "31.12.2020", "31.12.2024", "Veränderung in %", "weiblich"])).toBe(false);
    // Five Gruppen of the Kreis: in a table of their own; the main table has no Gruppe column.
    expect(hasRun(chapter, ["Gebiet", "31.12.2020", "31.12.2024", "Veränderung in %", "Musterstadt"])).toBe(true);
    expect(hasRun(chapter, ["Musterstadt", "40.200", "40.600", "+1,0 %"])).toBe(true);
    expect(hasRun(chapter, ["Beispieldorf", "1.980", "1.940", "−2,0 %"])).toBe(true);
    expect(hasRun(chapter, ["Landkreis Muster", "101.000", "103.000", "+2,0 %"])).toBe(true);
    expect(hasRun(chapter, ["Bayern", "13.100.000", "13.300.000", "+1,5 %"])).toBe(true);
    expect(hasRun(chapter, ["Deutschland", "83.200.000", "83.600.000", "+0,5 %"])).toBe(true);
    expect(hasRun(chapter, ["Gebiet", "weiblich", "männlich", "unter 18 Jahre", "18 bis unter 65 Jahre"])).toBe(true);
    expect(hasRun(chapter, ["Musterstadt", "20.300", "–", "–", "–", "–"])).toBe(true);
    expect(hasRun(chapter, ["Landkreis Muster", "52.500", "50.500", "17.000", "63.000", "23.000"])).toBe(true);
    // Ausländeranteil = I-021 / I-020 × 100, change in percentage points; a marker carried (p, r).
    expect(chapter.join("\n")).toContain("Berechnung: I-021 Ausländer/-innen geteilt durch I-020 Bevölkerung mal 100");
    expect(hasRun(chapter, ["Gebiet", "31.12.2020", "31.12.2024", "Veränderung in Prozentpunkten", "weiblich"])).toBe(
      true,
    );
    expect(hasRun(chapter, ["Musterstadt", "10,4 %", "11,3 %", "+0,9", "10,8 %"])).toBe(true);
    expect(hasRun(chapter, ["Beispieldorf", "–", "9,3 % p", "–", "–"])).toBe(true);
    expect(hasRun(chapter, ["Landkreis Muster", "9,5 %", "10,5 %", "+1,0", "10,3 %"])).toBe(true);
    expect(hasRun(chapter, ["Bayern", "12,4 %", "14,0 %", "+1,6", "–"])).toBe(true);
    expect(hasRun(chapter, ["Deutschland", "13,0 %", "14,8 % r", "+1,9", "–"])).toBe(true);
    expect(chapter).toContain("Abbildung 1: I-020 Bevölkerung im Zeitverlauf (Index, erster Wert je Gebiet = 100)");
    expect(chapter).toContain("Abbildung 2: I-022 Ausländeranteil im Zeitverlauf");
  });

  it("has each Handlungsfeld's Basisindikatoren, markers as markers, and its Zielindikatoren as in the Sachstandsbericht", () => {
    const hf1 = section(lines, "HF-01 – Bildung und Sprache", ["HF-02 – Wirtschaft und Arbeit"], 20);
    expect(hasRun(hf1, ["Musterstadt", "4.200", "4.600", "+9,5 %", "2.200"])).toBe(true);
    expect(hasRun(hf1, ["Beispieldorf", ".", "180 p", "–", "–"])).toBe(true);
    expect(hasRun(hf1, ["Landkreis Muster", "9.600", "10.800", "+12,5 %", "5.400"])).toBe(true);
    expect(hasRun(hf1, ["Deutschland", "10.800.000", "12.400.000 r", "+14,8 %", "–"])).toBe(true);
    expect(hasRun(hf1, ["I-001 Kita-Quote", "Einheit: %", "70 % (2025)", "–", "85 % (2030)"])).toBe(true);
    const hf2 = section(lines, "HF-02 – Wirtschaft und Arbeit", ["Anhang"], 20);
    expect(hasRun(hf2, ["I-002 Beschäftigte", "Einheit: Anzahl", "5.000 (2025)", "5.100 (31.12.2024)"])).toBe(true);
    expect(hf2.join("\n")).not.toContain("Musterstadt");
  });

  it("explains the markers used, lists sources with dates and the Gebiete in the annex", () => {
    const annex = lines.slice(lines.lastIndexOf("Anhang"));
    expect(hasRun(annex, ["Zeichen", "Bedeutung", ".", "Zahlenwert unbekannt oder geheim zu halten", "p"])).toBe(true);
    expect(hasRun(annex, ["p", "vorläufige Zahl", "r", "berichtigte Zahl", "Quellen"])).toBe(true);
    expect(annex).not.toContain("geschätzte Zahl");
    expect(
      hasRun(annex, [
        "I-020 Bevölkerung",
        "Landesamt für Statistik; GENESIS 12411-01-01-4",
        "01.03.2025",
        "30.09.2025",
      ]),
    ).toBe(true);
    expect(hasRun(annex, ["09999001", "Musterstadt", "Gemeinde", "Landkreis Muster", "im eigenen Gebiet"])).toBe(true);
    expect(hasRun(annex, ["DG", "Deutschland", "Bund", "–", "Vergleichsgebiet"])).toBe(true);
  });

  it("gives every chart alt text that names its values", () => {
    const xml = documentXml(report)["word/document.xml"]!;
    const descr = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) =>
      decode(m[1]!).replace(/\u00a0/g, " "),
    );
    expect(descr).toHaveLength(4); // three Basisindikatoren, one Zielindikator with values
    expect(descr[0]).toContain("Liniendiagramm I-020 Bevölkerung (Einheit: Anzahl). Gezeichnet als Index");
    expect(descr[0]).toContain("Landkreis Muster: 31.12.2018: 100.000; 31.12.2019: 100.500;");
    expect(descr[0]).toContain("31.12.2024: 103.000. Bayern: 31.12.2018: 13.000.000;");
    expect(descr[0]).toContain("Deutschland: 31.12.2018: 83.000.000;");
    expect(descr[0]).not.toContain("Musterstadt");
    expect(descr[1]).toContain("Liniendiagramm I-022 Ausländeranteil. Landkreis Muster: 31.12.2018: 9,0 %;");
    expect(descr[2]).toContain("Deutschland: 31.12.2018: 10.000.000;");
    expect(descr[2]).toContain("31.12.2024: 12.400.000.");
    expect(descr[3]).toContain("Ist-Werte 31.12.2024: 5.100.");
  });

  it("writes the Gemeindeprofil with that Gemeinde, its Kreis and the comparison areas only", () => {
    expect(profil.slice(0, 4)).toEqual([
      "Landkreis Test",
      "Gemeindeprofil Musterstadt",
      "Auszug aus dem Integrationsbericht 2025 für Landkreis Muster",
      "Stand: 30. Juni 2025",
    ]);
    expect(profil.join("\n")).not.toContain("Beispieldorf");
    expect(profil.join("\n")).not.toContain("09999002");
    const chapter = section(profil, "Bevölkerung und Zuwanderung", ["HF-01 – Bildung und Sprache"], 20);
    expect(hasRun(chapter, ["Musterstadt", "40.200", "40.600", "+1,0 %", "Landkreis Muster", "101.000"])).toBe(true);
    const descr = [...documentXml(profilFile)["word/document.xml"]!.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)];
    expect(decode(descr[0]![1]!).replace(/\u00a0/g, " ")).toContain("Musterstadt: 31.12.2018: 40.000;");
    expect(ooxmlProblems(profilFile)).toEqual([]);
  });

  (hasPdfToText() ? it : it.skip)(
    "prints every row of every table: its cells side by side on a printed line",
    () => {
      for (const file of [report, profilFile]) {
        const pdf = convertWithLibreOffice(file, "pdf");
        const printed = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
          .replace(/\u00a0/g, " ")
          .split("\n")
          .map((l) => l.trim().replace(/\s+/g, " "));
        const rows = tableRows(documentXml(file)["word/document.xml"]!);
        expect(rows.length).toBeGreaterThan(20);
        const missing = rows
          .map((r) => r.filter((c) => c !== "").join(" "))
          .filter((r) => !printed.some((l) => l.includes(r)));
        expect(missing).toEqual([]);
      }
    },
    240_000,
  );
});
