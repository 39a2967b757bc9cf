/**
 * `import`: lists built the way cities publish them arrive where a user expects them, `check` reads the
 * result without structural errors, and every value of the list is in the workbook or named in Übernahme.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { isoFromDate } from "../../src/domain/dates";
import { textOf } from "../../src/domain/values";
import { sachstaendeSpec } from "../../src/workbook/import/workbook";
import { plainValue } from "../helpers/excelJsSource";
import { loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";
import { CSV_ROWS, type Cells, MUSTERSTADT, csvText, windows1252, xlsxList } from "./lists";

afterAll(() => removeTempDirs());

type Rec = Record<string, string>;

/** A cell as text: dates as ISO, everything else as the reader sees it. */
function text(value: unknown): string {
  const v = plainValue(value);
  return v instanceof Date ? isoFromDate(v) : textOf(v);
}

/** The rows of a table sheet (header in row 1) by header, empty cells left out. */
function records(ws: ExcelJS.Worksheet): Rec[] {
  const headers = (ws.getRow(1).values as unknown[]).map((v) => text(v));
  const out: Rec[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const rec: Rec = {};
    headers.forEach((h, c) => {
      const t = text(ws.getCell(r, c).value);
      if (h && t) rec[h] = t;
    });
    if (Object.keys(rec).length) out.push(rec);
  }
  return out;
}

/** The rows of Übernahme as lists of cell texts. */
function lines(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => text(v))));
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Every non-empty input cell's text is in some cell of the workbook (compared case- and spacing-insensitively). */
function missingValues(input: Cells, wb: ExcelJS.Workbook): string[] {
  const haystack: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      (row.values as unknown[]).forEach((v) => {
        const p = plainValue(v);
        haystack.push(squash(textOf(p)));
        if (p instanceof Date) haystack.push(isoFromDate(p));
      }),
    );
  }
  const all = haystack.join("\u0000");
  return input
    .flat()
    .map((v) => textOf(v))
    .filter((t) => t !== "" && !all.includes(squash(t)));
}

async function importFile(name: string, data: Buffer | string, ...args: string[]) {
  const dir = tempDir("mnp-import-");
  const list = path.join(dir, name);
  fs.writeFileSync(list, data);
  const out = path.join(dir, "konzept.xlsx");
  const run = await runCli(["import", list, "-o", out, ...args]);
  return { dir, list, out, run };
}

async function structuralFindings(file: string): Promise<string[]> {
  const run = await runCli(["check", file, "--json"]);
  expect(run.code).not.toBe(2);
  const report = JSON.parse(run.out) as { findings: { rule: string; sheet: string }[] };
  return report.findings
    .filter((f) => f.rule === "BLATT_FEHLT" || f.rule === "SPALTE_FEHLT")
    .map((f) => `${f.rule} ${f.sheet}`);
}

describe("import of Musterstadt's plan (title rows, merged header over periods, sections, FB 50 / Jobcenter)", () => {
  let wb: ExcelJS.Workbook;
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    const bytes = await xlsxList([
      { name: "Deckblatt", rows: [["Integrationskonzept"], ["Beschlossen am 12.03.2012"]] },
      { name: "Maßnahmen 2012", ...MUSTERSTADT },
    ]);
    const r = await importFile("massnahmenplan.xlsx", bytes);
    expect(r.run).toMatchObject({ code: 0, err: "" });
    out = r.out;
    stdout = r.run.out;
    wb = await loadWorkbook(out);
  });

  it("finds the sheet with the list and says what it took", () => {
    expect(stdout).toContain("Blatt „Maßnahmen 2012“");
    expect(stdout).toContain("3 Maßnahmen, 2 Handlungsfelder, 2 Ziele, 3 Akteure");
  });

  it("puts each measure's values where they belong, with its own number as ID", () => {
    expect(records(sheet(wb, "Maßnahmen"))).toEqual([
      {
        ID: "1.1",
        Handlungsfeld: "HF-01 – Sprache und Bildung",
        Ziel: "Z-01 – Mehr Eltern sprechen Deutsch",
        Titel: "Sprachkurse für Eltern",
        Federführung: "A-01 – FB 50",
        Beteiligte: "A-02 – Jobcenter",
        "Sachkosten (EUR)": "15000",
        Frist: "2026-12-31",
        Status: "in Umsetzung",
        Förderprogramm: "BAMF",
      },
      {
        ID: "1.2",
        Handlungsfeld: "HF-01 – Sprache und Bildung",
        Ziel: "Z-01 – Mehr Eltern sprechen Deutsch",
        Titel: "Hausaufgabenhilfe",
        Federführung: "A-03 – VHS",
        "Sachkosten (EUR)": "2000",
        Frist: "2025-12-31",
        Status: "umgesetzt",
      },
      {
        ID: "2.1",
        Handlungsfeld: "HF-02 – Arbeit",
        Ziel: "Z-02 – Mehr Menschen in Arbeit",
        Titel: "Jobbörse",
        Federführung: "A-02 – Jobcenter",
        Beteiligte: "A-01 – FB 50",
        "Sachkosten (EUR)": "nach Bedarf",
        Frist: "laufend",
        Status: "umgesetzt",
        Förderprogramm: "ESF",
      },
    ]);
  });

  it("builds Handlungsfelder, Ziele and Akteure from the distinct values (case and spacing ignored)", () => {
    expect(records(sheet(wb, "Handlungsfelder"))).toEqual([
      { ID: "HF-01", Handlungsfeld: "Sprache und Bildung" },
      { ID: "HF-02", Handlungsfeld: "Arbeit" },
    ]);
    expect(records(sheet(wb, "Ziele"))).toEqual([
      { ID: "Z-01", Handlungsfeld: "HF-01 – Sprache und Bildung", Ziel: "Mehr Eltern sprechen Deutsch" },
      { ID: "Z-02", Handlungsfeld: "HF-02 – Arbeit", Ziel: "Mehr Menschen in Arbeit" },
    ]);
    expect(records(sheet(wb, "Akteure"))).toEqual([
      { ID: "A-01", Bezeichnung: "FB 50", Fachbereich: "FB 50", Art: "intern" },
      { ID: "A-02", Bezeichnung: "Jobcenter" },
      { ID: "A-03", Bezeichnung: "VHS" },
    ]);
  });

  it("turns the per-period columns into Sachstände, each period at its last day", () => {
    const expected = [
      ["1.1", "2013-12-31", "", "", "Konzept erstellt"],
      ["1.1", "2016-12-31", "in Umsetzung", "", "läuft"],
      ["1.1", "2018-12-31", "in Umsetzung", "grün", "in Umsetzung"],
      ["1.2", "2016-12-31", "geplant", "", "geplant"],
      ["1.2", "2018-12-31", "umgesetzt", "gelb", "umgesetzt"],
      ["2.1", "2018-12-31", "umgesetzt", "blau", "abgeschlossen"],
    ];
    if (sachstaendeSpec()) {
      // The measure in the one form of a reference: the dropdown's `ID – Titel`.
      const titles: Rec = { "1.1": "Sprachkurse für Eltern", "1.2": "Hausaufgabenhilfe", "2.1": "Jobbörse" };
      const rows = records(sheet(wb, "Sachstände"));
      expect(
        rows.map((r) => [r["Maßnahme"], r["Berichtsstichtag"], r["Status"] ?? "", r["Ampel"] ?? "", r["Sachstand"]]),
      ).toEqual(expected.map(([id, ...rest]) => [`${id} – ${titles[id!]}`, ...rest]));
    } else {
      const all = lines(sheet(wb, "Übernahme"));
      const start = all.findIndex((l) => l[0] === "Maßnahme" && l[1] === "Berichtsstichtag");
      expect(start).toBeGreaterThan(0);
      expect(all.slice(start + 1, start + 7).map((l) => [0, 1, 2, 3, 4].map((i) => l[i] ?? ""))).toEqual(expected);
    }
  });

  it("Übernahme shows the mapping, the rows taken and every value read differently, with its cell", () => {
    const all = lines(sheet(wb, "Übernahme"));
    expect(all[1]).toEqual(["Kopfzeile: Zeilen 3–4. Übernommen: 3 Maßnahmen aus Zeilen 6–7, 9."]);
    expect(all[3]).toEqual(["Weitere Blätter der Liste, nicht übernommen: „Deckblatt“."]);
    const mapping = all.slice(
      all.findIndex((l) => l[0] === "Spalte") + 1,
      all.findIndex((l) => l[0] === "Nicht oder anders verstandene Werte"),
    );
    expect(mapping.map((l) => l.slice(0, 3))).toEqual([
      ["A", "Nr.", "ID"],
      ["B", "Maßnahme", "Titel"],
      ["C", "Ziel", "Ziel"],
      ["D", "Zuständigkeit", "Federführung (weitere Stellen: Beteiligte)"],
      ["E", "bis wann", "Frist"],
      ["F", "Kosten", "Sachkosten (EUR)"],
      ["G", "Sachstand 2013", "Sachstände: Sachstand zum 31.12.2013"],
      ["H", "Sachstand 2015/16", "Sachstände: Sachstand zum 31.12.2016"],
      ["I", "Sachstand 2017/2018", "Sachstände: Sachstand zum 31.12.2018"],
      ["J", "Ampel 2017/2018", "Sachstände: Ampel zum 31.12.2018"],
      ["K", "Förderprogramm", "eigene Spalte „Förderprogramm“ in Maßnahmen"],
    ]);
    const notes = new Map(all.filter((l) => /^[A-Z]+\d+$/.test(l[0] ?? "")).map((l) => [l[0], `${l[1]} → ${l[2]}`]));
    expect(Object.fromEntries(notes)).toEqual({
      A1: "Integrationskonzept Musterstadt – Maßnahmenplan → über der Kopfzeile; nicht übernommen",
      A2: "Stand: März 2019 → über der Kopfzeile; nicht übernommen",
      A5: "Handlungsfeld 1: Sprache und Bildung → als Handlungsfeld „Sprache und Bildung“ der folgenden Maßnahmen gelesen",
      A8: "Handlungsfeld 2: Arbeit → als Handlungsfeld „Arbeit“ der folgenden Maßnahmen gelesen",
      D6: "FB 50 / Jobcenter → aufgeteilt: Federführung „FB 50“, Beteiligte „Jobcenter“",
      E6: "Ende 2026 → als Frist 31.12.2026 gelesen (letzter Tag des Jahres)",
      F6: "15.000 € → als Sachkosten (EUR) 15.000 gelesen",
      C7: "mehr eltern sprechen deutsch → als Ziel Z-01 – Mehr Eltern sprechen Deutsch gelesen",
      D9: "Jobcenter; FB 50 → aufgeteilt: Federführung „Jobcenter“, Beteiligte „FB 50“",
      E9: "laufend → ist kein Termin; steht unverändert in der Frist, bitte ein Datum eintragen",
      F9: "nach Bedarf → nicht als Zahl verstanden; steht unverändert in „Sachkosten (EUR)“",
      J9: "blau → keine Ampelfarbe (grün, gelb, rot); steht unverändert im Sachstand",
    });
  });

  it("check reads the result with no structural errors", async () => {
    expect(await structuralFindings(out)).toEqual([]);
  });

  it("every value of the list is in the workbook or named in Übernahme", () => {
    expect(MUSTERSTADT.rows.flat().filter((v) => textOf(v) !== "").length).toBeGreaterThan(40);
    expect(missingValues(MUSTERSTADT.rows, wb)).toEqual([]);
  });
});

describe("CSV in every usual encoding and separator", () => {
  const expected: Rec[] = [
    {
      ID: "A1",
      Handlungsfeld: "HF-01 – Bildung",
      Titel: "Sprachcafé",
      Beschreibung: "Wöchentliches Treffen; Gespräche, Übungen und Austausch",
      Federführung: "A-01 – Amt für Jugend",
      Beteiligte: "A-02 – Caritas; A-03 – Diakonie",
      Beginn: "2020-01-01",
      Frist: "2022-12-31",
      Status: "in Umsetzung",
      Bemerkung: "Räume: Bürgerhaus",
    },
    {
      ID: "A2",
      Handlungsfeld: "HF-01 – Bildung",
      Titel: "Lesepaten",
      Beschreibung: "Ehrenamtliche lesen vor",
      Federführung: "A-04 – Stadtbibliothek",
      Frist: "2024-12-31",
      Status: "geplant",
    },
    {
      ID: "A3",
      Handlungsfeld: "HF-02 – Arbeit und Beruf",
      Titel: "Praktikumsbörse",
      Beschreibung: "Betriebe öffnen sich",
      Federführung: "A-05 – Jobcenter",
      Beteiligte: "A-06 – Wirtschaftsförderung; A-07 – IHK",
      Frist: "2025-09-30",
    },
  ];
  const variants: [string, (text: string) => Buffer][] = [
    ["UTF-8", (t) => Buffer.from(t, "utf8")],
    ["UTF-8 mit BOM", (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")])],
    ["Windows-1252", windows1252],
  ];
  for (const [encoding, encode] of variants) {
    for (const separator of [";", ","]) {
      it(`${encoding}, getrennt mit „${separator}“`, async () => {
        const { out, run } = await importFile("liste.csv", encode(csvText(CSV_ROWS, separator)));
        expect(run).toMatchObject({ code: 0, err: "" });
        const wb = await loadWorkbook(out);
        const rows = records(sheet(wb, "Maßnahmen")).map((r) => ({
          ...r,
          Beschreibung: r.Beschreibung?.replace(/\s+/g, " "),
        }));
        expect(rows).toEqual(expected);
        expect(missingValues(CSV_ROWS, wb)).toEqual([]);
        expect(await structuralFindings(out)).toEqual([]);
      });
    }
  }

  it("UTF-16 with BOM and tabs, as Excel saves „Unicode-Text“", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(CSV_ROWS, "\t"), "utf16le")]);
    const { out, run } = await importFile("liste.txt", bytes);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(records(sheet(await loadWorkbook(out), "Maßnahmen")).map((r) => r.Titel)).toEqual([
      "Sprachcafé",
      "Lesepaten",
      "Praktikumsbörse",
    ]);
  });
});

describe("lists without an ID column, with doubled numbers, with two title columns", () => {
  it("proposes M-001 … where the list has no numbers, and says so", async () => {
    const rows = [
      ["Maßnahme", "Verantwortlich", "Termin"],
      ["Elterncafé", "FB 51", "2026"],
      ["Lotsenprojekt", "Ehrenamt", "Q2 2027"],
    ];
    const { out, run } = await importFile("liste.csv", csvText(rows, ";"));
    expect(run.code).toBe(0);
    const wb = await loadWorkbook(out);
    expect(records(sheet(wb, "Maßnahmen")).map((r) => [r.ID, r.Titel, r.Frist])).toEqual([
      ["M-001", "Elterncafé", "2026-12-31"],
      ["M-002", "Lotsenprojekt", "2027-06-30"],
    ]);
    expect(lines(sheet(wb, "Übernahme")).flat()).toContain(
      "Keine Spalte mit Nummern erkannt: die Maßnahmen haben neue IDs (M-001 …) bekommen.",
    );
    expect(missingValues(rows, wb)).toEqual([]);
  });

  it("keeps unique numbers and gives doubled ones the next free ID, naming them", async () => {
    const rows = [
      ["Nr.", "Maßnahme"],
      ["1", "A"],
      ["2", "B"],
      ["2", "C"],
      ["", "D"],
    ];
    const { out } = await importFile("liste.csv", csvText(rows, ";"));
    const wb = await loadWorkbook(out);
    expect(records(sheet(wb, "Maßnahmen")).map((r) => [r.ID, r.Titel])).toEqual([
      ["1", "A"],
      ["M-001", "B"],
      ["M-002", "C"],
      ["M-003", "D"],
    ]);
    const notes = lines(sheet(wb, "Übernahme")).filter((l) => l[0] === "A3" || l[0] === "A4");
    expect(notes).toEqual([
      ["A3", "2", "Nummer kommt mehrfach vor; die Maßnahme hat die ID M-001 bekommen"],
      ["A4", "2", "Nummer kommt mehrfach vor; die Maßnahme hat die ID M-002 bekommen"],
    ]);
  });

  it("takes one of two title-like columns and keeps the other, Übernahme saying which", async () => {
    const rows = [
      ["Nr.", "Bezeichnung", "Maßnahme", "Zuständigkeit"],
      ["1", "Kurzname A", "Sprachkurs für Mütter", "VHS"],
    ];
    const { out } = await importFile("liste.csv", csvText(rows, ";"));
    const wb = await loadWorkbook(out);
    expect(records(sheet(wb, "Maßnahmen"))).toEqual([
      { ID: "1", Titel: "Sprachkurs für Mütter", Federführung: "A-01 – VHS", Bezeichnung: "Kurzname A" },
    ]);
    const b = lines(sheet(wb, "Übernahme")).find((l) => l[0] === "B");
    expect(b).toEqual([
      "B",
      "Bezeichnung",
      "eigene Spalte „Bezeichnung“ in Maßnahmen",
      "sieht auch wie „Titel“ aus; übernommen wurde dafür Spalte C",
    ]);
  });
});

describe("choosing sheet and mapping", () => {
  it("reads an Excel table on the sheet named with --blatt", async () => {
    const bytes = await xlsxList([
      {
        name: "Alt",
        rows: [
          ["Nr.", "Maßnahme"],
          ["9", "Alte Liste"],
        ],
      },
      {
        name: "Neu",
        rows: [
          ["Nr.", "Maßnahme", "Frist"],
          ["1", "Neue Liste", "31.12.2027"],
        ],
        table: true,
      },
    ]);
    const { out, run } = await importFile("liste.xlsx", bytes, "--blatt", "neu");
    expect(run.code).toBe(0);
    expect(records(sheet(await loadWorkbook(out), "Maßnahmen"))).toEqual([
      { ID: "1", Titel: "Neue Liste", Frist: "2027-12-31" },
    ]);
  });

  it("--zuordnung overrides the guess: a column by letter or header, a period, a header row", async () => {
    const rows = [
      ["Titelblatt"],
      ["Pos.", "Vorhaben", "Förderprogramm", "Stadtteil", "Bericht Mai 2025"],
      ["1", "Sprachcafé", "ESF", "Nord", "läuft gut"],
    ];
    const dir = tempDir("mnp-import-");
    fs.writeFileSync(
      path.join(dir, "z.json"),
      JSON.stringify({ kopfzeile: 2, spalten: { C: "Finanzierung", Stadtteil: "Zielgruppe", E: "Sachstand 2025" } }),
    );
    const { out, run } = await importFile("liste.csv", csvText(rows, ";"), "--zuordnung", path.join(dir, "z.json"));
    expect(run).toMatchObject({ code: 0, err: "" });
    const wb = await loadWorkbook(out);
    expect(records(sheet(wb, "Maßnahmen"))).toEqual([
      { ID: "1", Titel: "Sprachcafé", Zielgruppe: "Nord", Finanzierung: "ESF" },
    ]);
    expect(lines(sheet(wb, "Übernahme")).find((l) => l[0] === "C3")).toEqual([
      "C3",
      "ESF",
      "kein Wert der Liste „Finanzierung“; steht unverändert dort",
    ]);
  });
});

describe("bad input: exit 2, one German sentence, nothing written", () => {
  const list = csvText(
    [
      ["Nr.", "Maßnahme"],
      ["1", "A"],
    ],
    ";",
  );
  const cases: [
    string,
    () => Promise<{ dir: string; list: string; out: string; run: { code: number; err: string } }>,
    RegExp,
  ][] = [
    [
      "an existing output without --force",
      async () => {
        const dir = tempDir("mnp-import-");
        fs.writeFileSync(path.join(dir, "konzept.xlsx"), "alt");
        fs.writeFileSync(path.join(dir, "liste.csv"), list);
        const run = await runCli(["import", path.join(dir, "liste.csv"), "-o", path.join(dir, "konzept.xlsx")]);
        return { dir, list: "", out: "", run };
      },
      /existiert bereits; mit --force wird sie überschrieben\.$/,
    ],
    [
      "a mapping that is not JSON",
      async () => {
        const dir = tempDir("mnp-import-");
        fs.writeFileSync(path.join(dir, "z.json"), "{spalten: B=Titel}");
        return importFile("liste.csv", list, "--zuordnung", path.join(dir, "z.json"));
      },
      /ist kein gültiges JSON/,
    ],
    [
      "a mapping naming a column the list lacks",
      async () => {
        const dir = tempDir("mnp-import-");
        fs.writeFileSync(path.join(dir, "z.json"), JSON.stringify({ spalten: { Kosten: "Sachkosten" } }));
        return importFile("liste.csv", list, "--zuordnung", path.join(dir, "z.json"));
      },
      /nennt die Spalte „Kosten“, die die Liste nicht hat\.$/,
    ],
    [
      "a mapping with an unknown target",
      async () => {
        const dir = tempDir("mnp-import-");
        fs.writeFileSync(path.join(dir, "z.json"), JSON.stringify({ spalten: { B: "Farbe" } }));
        return importFile("liste.csv", list, "--zuordnung", path.join(dir, "z.json"));
      },
      /„Farbe“ kein bekanntes Ziel/,
    ],
    [
      "a sheet that does not exist",
      async () =>
        importFile(
          "liste.xlsx",
          await xlsxList([
            {
              name: "Liste",
              rows: [
                ["Nr.", "Maßnahme"],
                ["1", "A"],
              ],
            },
          ]),
          "--blatt",
          "Tabelle9",
        ),
      /Das Blatt „Tabelle9“ gibt es in der Liste nicht; vorhanden sind: „Liste“\.$/,
    ],
    [
      "a list without a recognisable header",
      async () =>
        importFile(
          "liste.csv",
          csvText(
            [
              ["Farbe", "Form"],
              ["rot", "rund"],
            ],
            ";",
          ),
        ),
      /keine Kopfzeile mit bekannten Überschriften/,
    ],
    [
      "a header without rows",
      async () => importFile("liste.csv", csvText([["Nr.", "Maßnahme"]], ";")),
      /stehen unter der Kopfzeile \(Zeile 1\) keine Maßnahmen\.$/,
    ],
    [
      "an old .xls",
      async () => importFile("liste.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)])),
      /im alten \.xls-Format/,
    ],
    [
      "--blatt with a CSV file",
      async () => importFile("liste.csv", list, "--blatt", "Liste"),
      /ist eine CSV-Datei mit nur einer Tabelle; --blatt gilt nur für Excel-Arbeitsmappen\.$/,
    ],
    [
      "an unknown option",
      async () => importFile("liste.csv", list, "--schnell"),
      /Die Option „--schnell“ kennt der Befehl import nicht/,
    ],
    [
      "an output that is not .xlsx",
      async () => {
        const dir = tempDir("mnp-import-");
        fs.writeFileSync(path.join(dir, "liste.csv"), list);
        const run = await runCli(["import", path.join(dir, "liste.csv"), "-o", path.join(dir, "konzept.ods")]);
        return { dir, list: "", out: "", run };
      },
      /muss auf \.xlsx enden\.$/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(what, async () => {
      const { dir, run } = await make();
      expect(run.code).toBe(2);
      expect(run.err.trim()).toMatch(message);
      expect(run.err.trim().split("\n")).toHaveLength(1);
      expect(
        fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".xlsx") && f !== "liste.xlsx")
          .map((f) => fs.readFileSync(path.join(dir, f), "utf8").slice(0, 3)),
      ).not.toContain("PK\u0003");
    });
  }
});
