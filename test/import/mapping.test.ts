/**
 * The pure part a pane uses to show the guess before anything is written: headers as cities write them,
 * periods, the guess over a grid, corrections, and Sachstände rows for the contract's table once it exists.
 */
import { buildImport, splitActors } from "../../src/workbook/import/build";
import { applyMappingOverrides } from "../../src/workbook/import/overrides";
import { MappingError, chooseGrid, fieldOf, guessMapping, periodOf } from "../../src/workbook/import/mapping";
import { sachstandRow } from "../../src/workbook/import/workbook";
import type { TableSpec } from "../../src/workbook/contract";

describe("headers as cities write them", () => {
  it.each([
    ["lfd. Nr.", "id"],
    ["Nr.", "id"],
    ["Maßnahme (Kurzbezeichnung)", "titel"],
    ["Maßnahmenbeschreibung", "beschreibung"],
    ["Inhalt / Erläuterung", "beschreibung"],
    ["Zuständigkeit / Federführung", "federfuehrung"],
    ["Wer?", "federfuehrung"],
    ["mit wem?", "beteiligte"],
    ["Bis wann?", "frist"],
    ["Finanzbedarf (EUR)", "sachkosten"],
    ["Themenfeld", "handlungsfeld"],
    ["Zielgruppe(n)", "zielgruppe"],
    ["Kennzahl", "indikatoren"],
    ["Stand", "status"],
  ])("%s → %s", (header, field) => {
    expect(fieldOf(header)?.field).toBe(field);
  });

  // The usual headers docs/befehle.md names under `import`.
  it.each([
    ["Nr.", "id"],
    ["lfd. Nr.", "id"],
    ["Maßnahme", "titel"],
    ["Bezeichnung", "titel"],
    ["Beschreibung", "beschreibung"],
    ["Inhalt", "beschreibung"],
    ["Erläuterung", "beschreibung"],
    ["Handlungsfeld", "handlungsfeld"],
    ["Themenfeld", "handlungsfeld"],
    ["Bereich", "handlungsfeld"],
    ["Ziel", "ziel"],
    ["Zuständigkeit", "federfuehrung"],
    ["Federführung", "federfuehrung"],
    ["verantwortlich", "federfuehrung"],
    ["Wer", "federfuehrung"],
    ["Beteiligte", "beteiligte"],
    ["Partner", "beteiligte"],
    ["mit wem", "beteiligte"],
    ["Zeitraum", "frist"],
    ["bis wann", "frist"],
    ["Termin", "frist"],
    ["Frist", "frist"],
    ["Kosten", "sachkosten"],
    ["Finanzbedarf", "sachkosten"],
    ["Status", "status"],
    ["Stand", "status"],
    ["Indikator", "indikatoren"],
    ["Kennzahl", "indikatoren"],
    ["Zielgruppe", "zielgruppe"],
    ["für wen", "zielgruppe"],
    ["Priorität", "prioritaet"],
  ])("contract: %s → %s", (header, field) => {
    expect(fieldOf(header)?.field).toBe(field);
  });

  it.each(["Förderprogramm", "Stadtteil", "Haushaltsstelle", "2013"])("%s is not a field", (header) => {
    expect(fieldOf(header)).toBeNull();
  });

  it.each([
    ["Sachstand 2013", "sachstand", "2013-12-31"],
    ["Stand 2015/16", "sachstand", "2016-12-31"],
    ["Ampel 2017/2018", "ampel", "2018-12-31"],
    ["Status zum 30.06.2024", "status", "2024-06-30"],
    ["Umsetzungsstand (Dezember 2022)", "sachstand", "2022-12-31"],
  ])("%s is a per-period column", (header, aspect, date) => {
    expect(periodOf(header)).toEqual({ aspect, date });
  });

  it("a period column is not the Status, and a period must be one", () => {
    expect(periodOf("Stand")).toBeNull();
    expect(periodOf("Stand 2019/2010")).toBeNull();
    expect(periodOf("Standort")).toBeNull();
  });

  it("splits a Zuständigkeit into Stellen, but not a number range", () => {
    expect(splitActors("FB 50 / Jobcenter", false)).toEqual(["FB 50", "Jobcenter"]);
    expect(splitActors("Jugendamt/Schulamt; VHS", false)).toEqual(["Jugendamt", "Schulamt", "VHS"]);
    expect(splitActors("FB 50/51", false)).toEqual(["FB 50/51"]);
    expect(splitActors("Amt für Jugend, Familie und Soziales", false)).toEqual([
      "Amt für Jugend, Familie und Soziales",
    ]);
    expect(splitActors("Caritas, Diakonie", true)).toEqual(["Caritas", "Diakonie"]);
  });
});

describe("guess and corrections on a grid", () => {
  const grid = {
    sheet: "Liste",
    rows: [
      ["Maßnahmenübersicht 2024", null, null, null],
      [null, null, null, null],
      ["Pos.", "Vorhaben", "Bezeichnung", "Ansprechpartner"],
      ["1", "Sprachcafé", "SC", "Frau Muster"],
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
  };

  it("finds the header below the title and says what each column is (of two title-like headers the better synonym wins)", () => {
    const guess = guessMapping(grid);
    expect(guess.headerTop).toBe(3);
    expect(
      guess.columns.map((c) => [
        c.column,
        c.header,
        c.target.kind === "field" ? c.target.field : c.target.kind,
        c.alsoLike ?? null,
      ]),
    ).toEqual([
      [1, "Pos.", "id", null],
      [2, "Vorhaben", "extra", "titel"],
      [3, "Bezeichnung", "titel", null],
      [4, "Ansprechpartner", "extra", null],
    ]);
  });

  it("a title that names a field does not beat a header with one known column", () => {
    const titled = {
      sheet: "L",
      rows: [["Maßnahmen der Stadt Musterstadt"], ["Maßnahme", "Ort", "Träger"], ["Sprachcafé", "Nord", "VHS"]],
      merges: [],
    };
    expect(guessMapping(titled).headerTop).toBe(2);
  });

  it("a correction moves the Titel to another column; the guessed one stays its own column", () => {
    const mapping = applyMappingOverrides(grid, guessMapping(grid), { spalten: { Vorhaben: "Titel" } });
    const result = buildImport(grid, mapping);
    expect(result.massnahmen).toEqual([{ id: "1", titel: "Sprachcafé", "extra:3": "SC", "extra:4": "Frau Muster" }]);
    expect(result.extraColumns.map((e) => e.header)).toEqual(["Bezeichnung", "Ansprechpartner"]);
  });

  it("refuses corrections that cannot be meant, in one sentence", () => {
    const guess = guessMapping(grid);
    expect(() => applyMappingOverrides(grid, guess, [])).toThrow(MappingError);
    expect(() => applyMappingOverrides(grid, guess, { spalten: { B: "Titel", C: "Maßnahme" } })).toThrow(
      /zwei Spalten \(B und C\)/,
    );
    expect(() => applyMappingOverrides(grid, guess, { kopfzeile: "drei" })).toThrow(
      /„kopfzeile“ muss eine Zeilennummer/,
    );
    expect(() => applyMappingOverrides(grid, guess, { farben: {} })).toThrow(/kennt den Eintrag „farben“ nicht/);
  });
});

describe("Sachstände for the contract's table, once the contract has one", () => {
  it("fills the columns found by their headers", () => {
    const headers = [
      "Maßnahme",
      "Berichtsstichtag",
      "Status",
      "Umsetzung (%)",
      "Ampel",
      "Sachstand",
      "Nächste Schritte",
    ];
    const spec = {
      kind: "sachstaende",
      sheet: "Sachstände",
      table: "tblSachstaende",
      requiredSheet: false,
      tabColor: "FF000000",
      columns: headers.map((header, i) => ({
        field: `f${i}`,
        header,
        required: false,
        format: "text",
        width: 10,
        prompt: { title: "", text: "" },
      })),
    } as unknown as TableSpec;
    expect(
      sachstandRow(spec, {
        massnahme: "1.1",
        berichtsstichtag: "2016-12-31",
        status: "in Umsetzung",
        ampel: "grün",
        sachstand: "läuft",
        cells: ["H6"],
      }),
    ).toEqual({
      f0: "1.1",
      f1: "2016-12-31",
      f2: "in Umsetzung",
      f4: "grün",
      f5: "läuft",
    });
  });
});

describe("dates as lists write them", () => {
  const build = (header: string, value: string) => {
    const grid = {
      sheet: "L",
      rows: [
        ["Maßnahme", header],
        ["A", value],
      ],
      merges: [],
    };
    return buildImport(grid, guessMapping(grid));
  };

  it.each([
    ["bis wann", "Ende 2026", { frist: "2026-12-31" }],
    ["bis wann", "bis Q3 2025", { frist: "2025-09-30" }],
    ["Zeitraum", "01/2021 bis 12/2022", { beginn: "2021-01-01", frist: "2022-12-31" }],
    ["Zeitraum", "2020–2022", { beginn: "2020-01-01", frist: "2022-12-31" }],
    ["Beginn", "ab 2025", { beginn: "2025-01-01" }],
    ["Beginn", "3. Quartal 2025", { beginn: "2025-07-01" }],
    ["Termin", "fortlaufend", { frist: "fortlaufend" }],
    ["Termin", "sobald Mittel da sind", { frist: "sobald Mittel da sind" }],
  ])("%s „%s“", (header, value, expected) => {
    const result = build(header, value);
    expect(result.massnahmen[0]).toEqual({ id: "M-001", titel: "A", ...expected });
    // Whatever is not taken as written is named with its cell.
    expect(result.notes.map((n) => [n.cell, n.value])).toEqual([["B2", value]]);
  });
});

describe("merged cells in the data", () => {
  it("a Handlungsfeld or Zuständigkeit merged down over its measures belongs to each of them; a cell merged across does not repeat", () => {
    const grid = {
      sheet: "L",
      rows: [
        ["Handlungsfeld", "Maßnahme", "Zuständigkeit", "Bemerkung", "Kosten"],
        ["Bildung", "Sprachkurs", "FB 40", "lang erklärt", null],
        [null, "Lesepaten", null, "kurz", 100],
        ["Arbeit", "Jobbörse", "Jobcenter", null, null],
      ],
      merges: [
        { top: 2, left: 1, bottom: 3, right: 1 },
        { top: 2, left: 3, bottom: 3, right: 3 },
        { top: 2, left: 4, bottom: 2, right: 5 },
      ],
    };
    const result = buildImport(grid, guessMapping(grid));
    expect(
      result.massnahmen.map((m) => [
        m.handlungsfeld,
        m.titel,
        m.federfuehrung,
        m.bemerkung ?? null,
        m.sachkosten ?? null,
      ]),
    ).toEqual([
      ["HF-01 – Bildung", "Sprachkurs", "A-01 – FB 40", "lang erklärt", null],
      ["HF-01 – Bildung", "Lesepaten", "A-01 – FB 40", "kurz", 100],
      ["HF-02 – Arbeit", "Jobbörse", "A-02 – Jobcenter", null, null],
    ]);
  });
});

describe("section rows", () => {
  it("a text alone in the first column names the Handlungsfeld; a value alone in another column is a measure", () => {
    const grid = {
      sheet: "L",
      rows: [
        ["Nr.", "Maßnahme", "Beschreibung"],
        ["Bildung"],
        ["1", "Sprachcafé", "Treffen"],
        [null, null, "Fortsetzung der Beschreibung"],
      ],
      merges: [],
    };
    const result = buildImport(grid, guessMapping(grid));
    expect(result.massnahmen).toEqual([
      { id: "1", titel: "Sprachcafé", beschreibung: "Treffen", handlungsfeld: "HF-01 – Bildung" },
      { id: "M-001", beschreibung: "Fortsetzung der Beschreibung", handlungsfeld: "HF-01 – Bildung" },
    ]);
    expect(result.notes).toEqual([
      { cell: "A2", value: "Bildung", message: "als Handlungsfeld „Bildung“ der folgenden Maßnahmen gelesen" },
    ]);
  });
});

describe("choosing the sheet", () => {
  const list = (sheet: string, hidden = false) => ({
    sheet,
    rows: [
      ["Nr.", "Maßnahme", "Zuständigkeit"],
      ["1", "A", "VHS"],
    ],
    merges: [],
    ...(hidden ? { hidden } : {}),
  });

  it("takes the visible sheet with the most known headers; a hidden one only when named", () => {
    const cover = { sheet: "Deckblatt", rows: [["Maßnahmenplan"]], merges: [] };
    expect(chooseGrid([cover, list("Alt", true), list("Liste")]).grid.sheet).toBe("Liste");
    expect(chooseGrid([cover, list("Alt", true), list("Liste")], "alt").grid.sheet).toBe("Alt");
  });
});
