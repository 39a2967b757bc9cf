/**
 * `fortschreiben` (docs/befehle.md): on the example concept with a scored round, the next period carries
 * exactly the measures it should, drops the others with their reasons on the sheet Vorperiode, marks those
 * to revise, takes the Basiswerte from the latest IST, keeps the history and never changes the old file.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkConcept } from "../../src/domain/rules";
import { type ReadConcept, readConcept } from "../../src/workbook/read";
import { openWorkbook } from "../../src/xlsx/file";
import type { PackageSource } from "../../src/xlsx/source";
import { TODAY, removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { assertPartsKept, corpusCopy, corpusFile, listParts, sheetPartName } from "../helpers/corpus";

afterAll(removeTempDirs);

/** Empfehlung and Begründung per measure in `Bewertung 2027`, as the evaluation team entered them. */
const VERDICTS: Record<string, [string, string]> = {
  "M-002": ["beenden", "Ziel erreicht, läuft beim Träger weiter"],
  "M-005": ["anpassen", "Zielgruppe zu eng gefasst"],
  "M-007": ["anpassen", ""],
  "M-010": ["verstetigen", "bewährt"],
};

function headerColumns(ws: ExcelJS.Worksheet, row: number): Map<string, number> {
  const columns = new Map<string, number>();
  ws.getRow(row).eachCell((cell, column) => columns.set(String(cell.value), column));
  return columns;
}

function rowOfId(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
  throw new Error(`no row ${id}`);
}

/** `init --vorlage beispiel`, `matrix --runde 2027`, then the team's Empfehlungen and a few user edits. */
async function evaluatedConcept(dir: string): Promise<string> {
  const file = path.join(dir, "konzept.xlsx");
  expect((await runCli(["init", file, "--vorlage", "beispiel", "-q"])).code).toBe(0);
  expect((await runCli(["matrix", file, "--runde", "2027", "-q"])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const round = wb.getWorksheet("Bewertung 2027")!;
  const header = [1, 2, 3].find((r) => headerColumns(round, r).has("Empfehlung"))!;
  const col = headerColumns(round, header);
  for (const [id, [empfehlung, begruendung]] of Object.entries(VERDICTS)) {
    const r = rowOfId(round, id);
    round.getCell(r, col.get("Empfehlung")!).value = empfehlung;
    round.getCell(r, col.get("Begründung")!).value = begruendung;
  }
  const measures = wb.getWorksheet("Maßnahmen")!;
  const mcol = headerColumns(measures, 1);
  measures.getCell(rowOfId(measures, "M-003"), mcol.get("Status")!).value = "umgesetzt";
  measures.getCell(rowOfId(measures, "M-005"), mcol.get("Bemerkung")!).value = "mit Mieterverein abgestimmt";
  await wb.xlsx.writeFile(file);
  return file;
}

async function read(file: string): Promise<{ source: PackageSource; concept: ReadConcept }> {
  const source = await (await openWorkbook(file)).source();
  return { source, concept: readConcept(source) };
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

function rowsById(concept: ReadConcept, kind: "massnahmen" | "indikatoren") {
  return new Map(concept.found[kind]!.rows.map((r) => [text(r.values["id"]), r.values]));
}

/** Every cell of a sheet, row by row (for comparing the history sheets of both files). */
function cells(source: PackageSource, sheet: string): unknown[][] {
  const grid = source.sheet(sheet)!;
  return Array.from({ length: grid.rowCount }, (_, r) =>
    Array.from({ length: grid.columnCount }, (_, c) => grid.value(r + 1, c + 1)),
  );
}

/** The table tblVorperiode as rows by header. */
function vorperiode(source: PackageSource): Record<string, string>[] {
  const table = source.tables().find((t) => t.name === "tblVorperiode")!;
  const grid = source.sheet(table.sheet)!;
  const headers: string[] = [];
  for (let c = table.area.left; c <= table.area.right; c++) headers.push(text(grid.value(table.area.top, c)));
  const rows: Record<string, string>[] = [];
  for (let r = table.area.top + 1; r <= table.area.bottom; r++)
    rows.push(Object.fromEntries(headers.map((h, i) => [h, text(grid.value(r, table.area.left + i))])));
  return rows;
}

describe("fortschreiben on the example concept after the 2027 round", () => {
  let dir: string;
  let oldFile: string;
  let newFile: string;
  let oldBytes: Buffer;
  let out: string;

  beforeAll(async () => {
    dir = tempDir("fortschreiben-");
    oldFile = await evaluatedConcept(dir);
    oldBytes = fs.readFileSync(oldFile);
    newFile = path.join(dir, "neu.xlsx");
    const run = await runCli(["fortschreiben", oldFile, "--laufzeit", "2029-2032", "-o", newFile]);
    expect(run).toMatchObject({ code: 0, err: "" });
    out = run.out;
  });

  it("leaves the old workbook byte for byte as it was", () => {
    expect(fs.readFileSync(oldFile).equals(oldBytes)).toBe(true);
  });

  it("carries every measure with its ID except beenden, umgesetzt and verworfen", async () => {
    const { concept } = await read(newFile);
    const ids = concept.massnahmen.rows.map((r) => r.values.id);
    const expected = Array.from({ length: 20 }, (_, i) => `M-${String(i + 1).padStart(3, "0")}`).filter(
      (id) => !["M-002", "M-003", "M-019"].includes(id),
    );
    expect(ids).toEqual(expected);
    expect(out).toContain("Übernommen: 17 Maßnahmen, davon 2 zur Überarbeitung markiert (M-005, M-007).");
    expect(out).toContain("Nicht übernommen: 3 Maßnahmen (M-002, M-003, M-019)");
  });

  it("lists what was not carried, with the reason, on the sheet Vorperiode", async () => {
    const { source } = await read(newFile);
    expect(source.sheetNames()).toContain("Vorperiode");
    expect(vorperiode(source)).toEqual([
      {
        ID: "M-002",
        Titel: "Willkommensveranstaltung",
        Handlungsfeld: "HF-01 – Willkommenskultur", // as the measure names it
        Status: "in Umsetzung",
        Empfehlung: "beenden",
        Begründung: "Ziel erreicht, läuft beim Träger weiter",
        Grund: "Empfehlung der Bewertung 2027: beenden",
        Periode: "2026–2030",
      },
      {
        ID: "M-003",
        Titel: "Mehrsprachige Terminvergabe",
        Handlungsfeld: "HF-01 – Willkommenskultur",
        Status: "umgesetzt",
        Empfehlung: "",
        Begründung: "",
        Grund: "Status „umgesetzt“",
        Periode: "2026–2030",
      },
      {
        ID: "M-019",
        Titel: "Ankunftshaus",
        Handlungsfeld: "HF-02 – Wohnen und Leben",
        Status: "verworfen",
        Empfehlung: "", // a verworfene measure is not in the round
        Begründung: "",
        Grund: "Status „verworfen“",
        Periode: "2026–2030",
      },
    ]);
  });

  it("marks the anpassen measures for revision in their Bemerkung and leaves their Status", async () => {
    const before = rowsById((await read(oldFile)).concept, "massnahmen");
    const after = rowsById((await read(newFile)).concept, "massnahmen");
    expect(after.get("M-005")!.bemerkung).toBe(
      "Überarbeiten (Bewertung 2027: anpassen): Zielgruppe zu eng gefasst – mit Mieterverein abgestimmt",
    );
    expect(after.get("M-007")!.bemerkung).toBe("Überarbeiten (Bewertung 2027: anpassen)");
    for (const id of ["M-005", "M-007"]) expect(after.get(id)!.status).toBe(before.get(id)!.status);
    // fortführen/verstetigen and no recommendation: carried as they were, cell for cell
    for (const id of ["M-001", "M-010", "M-020"]) expect(after.get(id)).toEqual(before.get(id));
    const { source } = await read(newFile);
    const sheet = cells(source, "Vorperiode").map((r) => r.map(text));
    const marked = sheet.findIndex((r) => r[0] === "Zur Überarbeitung markiert (übernommen)");
    expect(sheet.slice(marked + 2, marked + 4).map((r) => r[0])).toEqual(["M-005", "M-007"]);
  });

  it("sets the new Laufzeit and the title's years in Einstellungen", async () => {
    const { concept } = await read(newFile);
    const settings = new Map(concept.einstellungen!.rows.map((r) => [text(r.values.schluessel), r.values.wert]));
    expect((settings.get("Laufzeit von") as Date).toISOString().slice(0, 10)).toBe("2029-01-01");
    expect((settings.get("Laufzeit bis") as Date).toISOString().slice(0, 10)).toBe("2032-12-31");
    expect(settings.get("Konzepttitel")).toBe("Integrationskonzept 2029–2032");
    expect(settings.get("Kommune")).toBe("Landkreis Beispielkreis");
  });

  it("offers Basiswert and Basisjahr from each indicator's latest IST", async () => {
    const after = rowsById((await read(newFile)).concept, "indikatoren");
    const base = (id: string) => [after.get(id)!.basiswert, after.get(id)!.basisjahr];
    // worked out by hand from the example's Indikatorwerte
    expect(base("I-001")).toEqual([160, 2026]); // 30.06.2026: 160
    expect(base("I-002")).toEqual([14, 2026]);
    expect(base("I-003")).toEqual([52, 2026]);
    expect(base("I-004")).toEqual([71, 2025]); // latest is the old Basiswert: unchanged
    expect(base("I-006")).toEqual([5450, 2025]); // two values of 2025: the later row
    expect(base("I-007")).toEqual([29, 2026]);
    expect(base("I-011")).toEqual([2.5, 2026]); // "2,5" read as a German number
    expect(base("I-009")).toEqual([undefined, 2025]); // no values: left as it was
    expect(after.get("I-001")!.zielwert).toBe(300);
    const { source } = await read(newFile);
    // The Basiswerte's eight columns (the old Prozessplan's block below runs wider).
    const sheet = cells(source, "Vorperiode").map((r) => r.slice(0, 8).map(text));
    expect(sheet).toContainEqual([
      "I-001",
      "Teilnehmende an Willkommensveranstaltungen pro Jahr",
      "120",
      "2025",
      "160",
      "2026",
      "30.06.2026",
      "",
    ]);
    expect(sheet.find((r) => r[0] === "I-011")!.slice(2, 7)).toEqual(["2", "2025", "2,5", "2026", "30.06.2026"]);
    expect(sheet.some((r) => r[0] === "I-004")).toBe(false);
  });

  it("keeps Sachstände, Indikatorwerte and the Bewertung round as they were", async () => {
    const before = (await read(oldFile)).source;
    const after = (await read(newFile)).source;
    for (const sheet of ["Sachstände", "Indikatorwerte", "Bewertung 2027", "Handlungsfelder", "Ziele", "Akteure"]) {
      expect(cells(after, sheet)).toEqual(cells(before, sheet));
    }
  });

  it("passes check without new errors: the history of measures not carried is not a wrong ID", async () => {
    const errors = async (file: string) =>
      checkConcept((await read(file)).concept, { today: TODAY })
        .findings.filter((f) => f.severity === "error")
        .map((f) => `${f.rule} ${f.id}`);
    const before = await errors(oldFile);
    const after = await errors(newFile);
    expect(after.filter((e) => !before.includes(e))).toEqual([]);
    const { concept } = await read(newFile);
    expect(concept.missingTables).toEqual([]);
    const run = await runCli(["check", newFile, "--json"]);
    expect(run.code).not.toBe(2);
    // M-002 and M-003 have Sachstände; they are named on Vorperiode, so check knows them
    expect(JSON.parse(run.out).findings.filter((f: { rule: string }) => f.rule === "SACHSTAND_UNGUELTIG")).toEqual([]);
  });

  it("a second Fortschreibung keeps listing what earlier ones did not carry", async () => {
    const third = path.join(dir, "dritte.xlsx");
    const run = await runCli(["fortschreiben", newFile, "--laufzeit", "2033-2036", "-o", third, "-q"]);
    expect(run.code).toBe(0);
    const { source, concept } = await read(third);
    const rows = vorperiode(source).map((r) => [r.ID, r.Periode]);
    // the 2027 round and the Status drop nothing new: the earlier rows, still with their Periode
    expect(rows).toEqual([
      ["M-002", "2026–2030"],
      ["M-003", "2026–2030"],
      ["M-019", "2026–2030"],
    ]);
    expect(concept.formerMeasures).toEqual(["M-002", "M-003", "M-019"]);
    // the revision mark is not doubled
    expect(rowsById(concept, "massnahmen").get("M-005")!.bemerkung).toBe(
      "Überarbeiten (Bewertung 2027: anpassen): Zielgruppe zu eng gefasst – mit Mieterverein abgestimmt",
    );
  });
});

describe("fortschreiben keeps what the program does not own", () => {
  it("keeps the kitchen sink's charts, pivot, comments and custom properties; changes only its own parts", async () => {
    const dir = tempDir("fortschreiben-corpus-");
    const file = corpusCopy("kitchen-sink.xlsx", dir);
    const target = path.join(dir, "neu.xlsx");
    expect((await runCli(["fortschreiben", file, "--laufzeit", "2031-2034", "-o", target, "-q"])).code).toBe(0);
    const before = corpusFile("kitchen-sink.xlsx");
    const after = fs.readFileSync(target);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Prozessplan: the new period's plan begins from the template's steps.
    const own = new Set(
      ["Maßnahmen", "Einstellungen", "Indikatoren", "Prozessplan"].map((s) => sheetPartName(before, s)),
    );
    assertPartsKept(before, after, {
      changed: (name) =>
        own.has(name) ||
        /^xl\/(tables|comments|threadedComments|drawings\/vmlDrawing)/.test(name) ||
        [
          "xl/workbook.xml",
          "xl/_rels/workbook.xml.rels",
          "[Content_Types].xml",
          "xl/styles.xml",
          "xl/calcChain.xml",
        ].includes(name) ||
        name === "xl/sharedStrings.xml",
    });
    const parts = listParts(after);
    expect(parts.get("docProps/custom.xml")!.toString("utf8")).toContain("Aktenzeichen");
    expect([...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length).toBe(
      [...listParts(before).keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length,
    );
    const { source } = await read(target);
    expect(vorperiode(source).map((r) => [r.ID, r.Grund, r.Periode])).toEqual([
      ["M-019", "Status „verworfen“", "2026–2030"],
    ]);
  });
});

describe("fortschreiben refuses unusable input with one sentence and exit 2", () => {
  let dir: string;
  let file: string;
  let bytes: Buffer;

  beforeAll(async () => {
    dir = tempDir("fortschreiben-bad-");
    file = path.join(dir, "alt.xlsx");
    expect((await runCli(["init", file, "--vorlage", "beispiel", "-q"])).code).toBe(0);
    bytes = fs.readFileSync(file);
  });

  const expectRefused = async (argv: string[], message: RegExp) => {
    const run = await runCli(["fortschreiben", ...argv]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).not.toMatch(/at .*\.ts:\d+/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  };

  it.each([
    ["2029", /Die Laufzeit „2029“ ist nicht lesbar/],
    ["2032-2029", /endet vor ihrem Beginn/],
    ["29-32", /nicht lesbar/],
    ["1999-2003", /außerhalb der Jahre 2000 bis 2100/],
  ])("a Laufzeit %s that cannot be read", async (laufzeit, message) => {
    await expectRefused([file, "--laufzeit", laufzeit, "-o", path.join(dir, "x.xlsx")], message);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  it("no Laufzeit", async () => {
    await expectRefused([file, "-o", path.join(dir, "x.xlsx")], /Bitte die Laufzeit der neuen Periode angeben/);
  });

  it("no -o: the old workbook is never written", async () => {
    await expectRefused([file, "--laufzeit", "2029-2032"], /Bitte mit -o die neue Arbeitsmappe angeben/);
  });

  it("-o naming the old workbook, also with --force and under another spelling", async () => {
    await expectRefused([file, "--laufzeit", "2029-2032", "-o", file, "--force"], /ist die alte Arbeitsmappe selbst/);
    const other = path.join(dir, ".", "sub", "..", "alt.xlsx");
    await expectRefused([file, "--laufzeit", "2029-2032", "-o", other], /ist die alte Arbeitsmappe selbst/);
  });

  it("-o naming a folder", async () => {
    fs.mkdirSync(path.join(dir, "ordner.xlsx"));
    await expectRefused(
      [file, "--laufzeit", "2029-2032", "-o", path.join(dir, "ordner.xlsx"), "--force"],
      /ist ein Ordner/,
    );
  });

  it("an existing -o without --force; with --force it is replaced", async () => {
    const target = path.join(dir, "vorhanden.xlsx");
    fs.writeFileSync(target, "meins");
    await expectRefused([file, "--laufzeit", "2029-2032", "-o", target], /existiert bereits; mit --force/);
    expect(fs.readFileSync(target, "utf8")).toBe("meins");
    const run = await runCli(["fortschreiben", file, "--laufzeit", "2029–2032", "-o", target, "--force", "-q"]);
    expect(run.code).toBe(0);
    expect((await read(target)).source.sheetNames()).toContain("Vorperiode");
  });

  it("a workbook without round: only the Status decides", async () => {
    const target = path.join(dir, "ohne-runde.xlsx");
    const run = await runCli(["fortschreiben", file, "--laufzeit", "2029-2032", "-o", target]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Es gibt keine Bewertungsrunde; nur der Status entschied.");
    expect(vorperiode((await read(target)).source).map((r) => r.ID)).toEqual(["M-019"]);
  });
});

describe("fortschreiben with Einstellungen that lack the Laufzeit", () => {
  it("appends the missing keys to tblEinstellungen", async () => {
    const dir = tempDir("fortschreiben-einstellungen-");
    const file = path.join(dir, "alt.xlsx");
    expect((await runCli(["init", file, "--vorlage", "beispiel", "-q"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Einstellungen")!;
    for (const key of ["Laufzeit von", "Laufzeit bis"]) {
      const r = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((i) => ws.getCell(i, 1).value === key)!;
      ws.getCell(r, 1).value = null;
      ws.getCell(r, 2).value = null;
    }
    await wb.xlsx.writeFile(file);
    const target = path.join(dir, "neu.xlsx");
    const run = await runCli(["fortschreiben", file, "--laufzeit", "2029-2032", "-o", target, "-q"]);
    expect(run.code).toBe(0);
    expect(run.out).not.toContain("Konzepttitel"); // without an old Laufzeit the title stays
    const { source, concept } = await read(target);
    const settings = new Map(concept.einstellungen!.rows.map((r) => [text(r.values.schluessel), r.values.wert]));
    expect((settings.get("Laufzeit von") as Date).toISOString().slice(0, 10)).toBe("2029-01-01");
    expect((settings.get("Laufzeit bis") as Date).toISOString().slice(0, 10)).toBe("2032-12-31");
    expect(settings.get("Konzepttitel")).toBe("Integrationskonzept 2026–2030");
    const table = source.tables().find((t) => t.name === "tblEinstellungen")!;
    expect(table.area.bottom).toBe(concept.einstellungen!.rows[concept.einstellungen!.rows.length - 1]!.row);
  });
});
