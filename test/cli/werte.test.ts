/**
 * `werte` on the command line: official statistics of each format into a workbook, nothing lost and
 * nothing doubled, importing twice changes nothing, a revised value is a conflict, and a file that is no
 * statistics table is one sentence with the workbook untouched. Every written file passes the validator.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/dates";
import type { EntityKind } from "../../src/domain/model";
import { MonitoringData } from "../../src/domain/monitoringData";
import { tableSpec } from "../../src/workbook/contract";
import { contractLayouts, planNewWorkbook, planTableSheet } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { XlsxDocument } from "../../src/xlsx/document";
import { openWorkbook, saveWorkbookAtomically } from "../../src/xlsx/file";
import { baseline } from "../helpers/concept";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { ooxmlProblems } from "../helpers/ooxml";

const FIXTURES = "/work/shared/fixtures/statistik";
const GENESIS = path.join(FIXTURES, "12411-01-01-4.csv");
const OPEN_SDG = path.join(FIXTURES, "lsn_indicator_5-2-1.csv");

afterAll(removeTempDirs);

type Rows = Record<string, Record<string, CellValue>[]>;

/** The baseline concept with the own Kreis Flensburg (01001), Schleswig-Holstein and the Bund to compare. */
function monitoringRows(own = "01001"): Rows {
  const rows = baseline() as Rows;
  rows.einstellungen!.push({ schluessel: "Gebiet", wert: own });
  rows.gebiete = [
    { id: "01001", gebiet: "Flensburg", ebene: "Kreis", uebergeordnet: "01" },
    { id: "01", gebiet: "Schleswig-Holstein", ebene: "Land", vergleich: "ja" },
    { id: "DG", gebiet: "Deutschland", ebene: "Bund", vergleich: "ja" },
  ];
  rows.indikatoren!.push(
    { id: "I-020", indikator: "Bevölkerung", art: "Basisindikator", einheit: "Anzahl", datenquelle: "Statistik" },
    { id: "I-021", indikator: "Beschäftigte Ausländer/-innen", art: "Basisindikator", einheit: "Anzahl" },
  );
  rows.indikatorwerte = [];
  return rows;
}

async function writeWorkbook(rows: Rows, name = "konzept.xlsx"): Promise<string> {
  const file = path.join(tempDir("mnp-werte-"), name);
  const doc = XlsxDocument.create(file);
  doc.applyWorkbookPlan(planNewWorkbook(rows as Partial<Record<EntityKind, Record<string, CellValue>[]>>));
  await saveWorkbookAtomically(doc, file);
  return file;
}

const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function concept(file: string) {
  return readConcept(await (await openWorkbook(file)).source());
}

/** The lines of Werteübernahme as records by header. */
async function takeover(file: string): Promise<Record<string, CellValue>[]> {
  const source = await (await openWorkbook(file)).source();
  const grid = source.sheet("Werteübernahme")!;
  const headers = Array.from({ length: grid.columnCount }, (_, i) => String(grid.value(5, i + 1) ?? ""));
  const out: Record<string, CellValue>[] = [];
  for (let r = 6; r <= grid.rowCount; r++) {
    out.push(Object.fromEntries(headers.map((h, i) => [h, grid.value(r, i + 1)])));
  }
  return out;
}

const cellsOf = (lines: Record<string, CellValue>[]) => lines.reduce((n, l) => n + Number(l["Zellen"] ?? 0), 0);

describe("werte with a GENESIS export (Windows-1252, the date only in the title)", () => {
  it("takes the own Kreis and the comparison areas by Gruppe, accounts for every other cell, and validates", async () => {
    const file = await writeWorkbook(monitoringRows());
    const run = await runCli(["werte", file, GENESIS, "--indikator", "I-020"]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("1.578 Datenzellen: 9 Werte übernommen");
    const c = await concept(file);
    const data = new MonitoringData(c);
    expect(data.at("I-020", "2015-12-31", "01001")).toMatchObject({ wert: 85942, gruppe: "" });
    expect(data.at("I-020", "2015-12-31", "01001", "weiblich")!.wert).toBe(43175);
    expect(data.at("I-020", "2015-12-31", "DG", "männlich")!.wert).toBe(40514123);
    expect(c.indikatorwerte!.rows[0]!.values).toMatchObject({
      indikator: "I-020 – Bevölkerung",
      gebiet: "DG – Deutschland",
      quelle: "GENESIS 12411-01-01-4",
    });
    const lines = await takeover(file);
    expect(cellsOf(lines)).toBe(1578);
    expect(lines.filter((l) => l["Ergebnis"] === "übernommen").map((l) => [l["Gebiet"], l["Zellen"]])).toEqual([
      ["DG – Deutschland", 3],
      ["01 – Schleswig-Holstein", 3],
      ["01001 – Flensburg", 3],
    ]);
    expect(lines.find((l) => String(l["Erläuterung"]).includes("01002 (Kiel"))).toMatchObject({
      Ergebnis: "nicht übernommen",
      Zellen: 3,
    });
    expect(ooxmlProblems(file)).toEqual([]);
  });

  it("changes nothing when the same file comes again", async () => {
    const file = await writeWorkbook(monitoringRows());
    await runCli(["werte", file, GENESIS, "--indikator", "I-020"]);
    const before = digest(file);
    const again = await runCli(["werte", file, GENESIS, "--indikator", "I-020"]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("9 schon vorhanden");
    expect(again.out).toContain("bleibt unverändert");
    expect(digest(file)).toBe(before);
  });

  it("keeps the workbook's value of a revised figure (exit 1), or replaces it with --aktualisieren", async () => {
    const file = await writeWorkbook(monitoringRows());
    await runCli(["werte", file, GENESIS, "--indikator", "I-020"]);
    const revised = path.join(path.dirname(file), "12411-01-01-4 berichtigt.csv");
    const bytes = fs
      .readFileSync(GENESIS, "latin1")
      .replace("Flensburg, Kreisfreie Stadt;85942", "Flensburg, Kreisfreie Stadt;85950");
    fs.writeFileSync(revised, bytes, "latin1");

    const conflict = await runCli(["werte", file, revised, "--indikator", "I-020"]);
    expect(conflict.code).toBe(1);
    expect(conflict.out).toContain("1 Wert weicht von der Arbeitsmappe ab");
    expect(new MonitoringData(await concept(file)).at("I-020", "2015-12-31", "01001")!.wert).toBe(85942);
    expect((await takeover(file)).find((l) => l["Ergebnis"] === "Konflikt")).toMatchObject({
      Zelle: "C11",
      Gebiet: "01001 – Flensburg",
      "Wert der Datei": "85.950",
      "Wert der Arbeitsmappe": "85.942",
    });

    const replaced = await runCli(["werte", file, revised, "--indikator", "I-020", "--aktualisieren"]);
    expect(replaced.code).toBe(0);
    const c = await concept(file);
    expect(new MonitoringData(c).at("I-020", "2015-12-31", "01001")).toMatchObject({ wert: 85950, rows: [8] });
    expect(c.indikatorwerte!.rows).toHaveLength(9);
    expect((await takeover(file)).find((l) => l["Ergebnis"] === "ersetzt")).toMatchObject({
      "Wert der Datei": "85.950",
      "Wert der Arbeitsmappe": "85.942",
    });
    expect(ooxmlProblems(file)).toEqual([]);
  });

  it("with --alle-gebiete adds every area as a Gebiet to compare, keys as text with their leading zero", async () => {
    const file = await writeWorkbook(monitoringRows(), "alle.xlsx");
    const run = await runCli(["werte", file, GENESIS, "--indikator", "I-020", "--alle-gebiete", "-o", file]);
    expect(run.code).toBe(0);
    const c = await concept(file);
    expect(c.gebiete!.rows.length).toBe(526);
    const kiel = c.gebiete!.rows.find((r) => r.values.id === "01002")!;
    expect(kiel.values).toMatchObject({
      gebiet: "Kiel, Landeshauptstadt, Kreisfreie Stadt",
      ebene: "Kreis",
      vergleich: "ja",
    });
    expect(kiel.values.uebergeordnet).toBe("01 – Schleswig-Holstein");
    expect(c.indikatorwerte!.rows).toHaveLength(1578);
    expect(ooxmlProblems(file)).toEqual([]);
  });
});

describe("werte with GENESIS exports of several indicators and markers", () => {
  it("splits a UTF-8 Kita table by --zuordnung into indicators and Gruppen, the unassigned column accounted", async () => {
    const file = await writeWorkbook(monitoringRows());
    const mapping = path.join(path.dirname(file), "zuordnung.json");
    fs.writeFileSync(
      mapping,
      JSON.stringify({
        spalten: { "Betreute Kinder": "I-020", "Kinder, Herkunft mind. 1 Elternteil ausländisch": "I-021" },
      }),
    );
    const run = await runCli(["werte", file, path.join(FIXTURES, "22543-01-01-4_00.csv"), "--zuordnung", mapping]);
    expect(run.code).toBe(0);
    const data = new MonitoringData(await concept(file));
    expect(data.at("I-020", "2010-03-01", "01001", "Tageseinrichtung")!.wert).toBe(3202);
    expect(data.at("I-020", "2010-03-01", "01001", "unter 3 Jahre | Tagespflege")!.wert).toBe(118);
    expect(data.at("I-020", "2010-03-01", "01001")!.wert).toBe(3388);
    expect(data.at("I-021", "2010-03-01", "01001")!.wert).toBe(902);
    const lines = await takeover(file);
    expect(cellsOf(lines)).toBe(Number(/^([\d.]+) Datenzellen/.exec(run.out)![1]!.replace(/\./g, "")));
    expect(
      lines.find((l) => String(l["Erläuterung"]).startsWith("Die Spalte „Kinder mit Mittagsverpflegung")),
    ).toMatchObject({
      Ergebnis: "nicht übernommen",
    });
    expect(ooxmlProblems(file)).toEqual([]);
  });

  it("puts the offices' markers into Kennzeichen, never into Wert (Schulabgänger, Windows-1252)", async () => {
    const rows = monitoringRows("03101");
    rows.gebiete = [{ id: "03101", gebiet: "Braunschweig", ebene: "Kreis" }];
    const file = await writeWorkbook(rows);
    const run = await runCli(["werte", file, path.join(FIXTURES, "21111-02-06-4.csv"), "--indikator", "I-020"]);
    expect(run.code).toBe(0);
    const c = await concept(file);
    const marked = c.indikatorwerte!.rows.filter((r) => r.values.kennzeichen === ".");
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((r) => r.values.wert === undefined)).toBe(true);
    const data = new MonitoringData(c);
    expect(data.at("I-020", "2015-12-31", "03101")!.wert).toBe(2612);
    expect(ooxmlProblems(file)).toEqual([]);
  });
});

describe("werte with an Open SDG file (BOM, quoted, GeoCode K + AGS)", () => {
  it("adds the Gemeinden inside the own Kreis and takes their values by Gruppe", async () => {
    const rows = monitoringRows("03159");
    rows.gebiete = [{ id: "03159", gebiet: "Göttingen", ebene: "Kreis" }];
    const file = await writeWorkbook(rows);
    const run = await runCli(["werte", file, OPEN_SDG, "--indikator", "I-021"]);
    expect(run.code).toBe(0);
    const c = await concept(file);
    const data = new MonitoringData(c);
    const values = data.of("I-021");
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v.gebiet.startsWith("03159"))).toBe(true);
    expect(cellsOf(await takeover(file))).toBe(Number(/^([\d.]+) Datenzellen/.exec(run.out)![1]!.replace(/\./g, "")));
    expect(ooxmlProblems(file)).toEqual([]);
  });
});

describe("werte with a plain table (.xlsx, long)", () => {
  it("takes Jahr, AGS and value columns of an Excel file", async () => {
    const dir = tempDir("mnp-werte-plain-");
    const list = path.join(dir, "einbuergerungen.xlsx");
    const doc = XlsxDocument.create(list);
    doc.applySheetPlan({
      name: "Daten",
      state: "visible",
      widths: [],
      formats: [],
      wrapColumns: [],
      frozen: { rows: 0, columns: 0 },
      cells: [
        ["Jahr", "AGS", "Gebiet", "Einbürgerungen"],
        [2023, "01001", "Flensburg", 310],
        [2024, "01001", "Flensburg", "."],
        [2024, "01002", "Kiel", 900],
      ].flatMap((r, i) => r.map((value, j) => ({ row: i + 1, column: j + 1, value }))),
      validations: [],
      conditionalFormats: [],
    });
    await saveWorkbookAtomically(doc, list);
    const file = await writeWorkbook(monitoringRows());
    const run = await runCli(["werte", file, list, "--indikator", "I-021"]);
    expect(run.code).toBe(0);
    const data = new MonitoringData(await concept(file));
    expect(data.at("I-021", "2023-12-31", "01001")!.wert).toBe(310);
    expect(data.at("I-021", "2024-12-31", "01001")).toMatchObject({ wert: null, kennzeichen: "." });
    expect(data.at("I-021", "2024-12-31", "01002")).toBeUndefined();
    expect(cellsOf(await takeover(file))).toBe(3);
  });
});

describe("werte into a workbook made before the Integrationsmonitoring", () => {
  it("widens Indikatorwerte by Gebiet, Gruppe, Kennzeichen and Abgerufen am, keeping its rows", async () => {
    const rows = monitoringRows();
    const file = path.join(tempDir("mnp-werte-old-"), "alt.xlsx");
    const doc = XlsxDocument.create(file);
    delete rows.indikatorwerte;
    const plan = planNewWorkbook(rows as Partial<Record<EntityKind, Record<string, CellValue>[]>>);
    doc.applyWorkbookPlan({ sheets: plan.sheets.filter((s) => s.name !== "Indikatorwerte") });
    const spec = tableSpec("indikatorwerte");
    const old = { ...spec, columns: spec.columns.slice(0, 5) };
    const content = {
      spec: old,
      rows: [{ indikator: "I-001", stichtag: "2025-12-31", wert: 70, quelle: "Kita-Planung" }],
    };
    doc.applySheetPlan(planTableSheet(content, contractLayouts([content])));
    await saveWorkbookAtomically(doc, file);

    const run = await runCli(["werte", file, GENESIS, "--indikator", "I-020"]);
    expect(run.code).toBe(0);
    const c = await concept(file);
    const table = c.found.indikatorwerte!;
    expect(table.tableName).toBe("tblIndikatorwerte");
    expect(Object.keys(table.columnIndex)).toEqual(
      expect.arrayContaining(["gebiet", "gruppe", "kennzeichen", "abgerufenAm"]),
    );
    expect(table.area.right).toBe(9);
    expect(table.rows[0]!.values).toMatchObject({ indikator: "I-001", wert: 70 });
    expect(table.rows).toHaveLength(10);
    expect(ooxmlProblems(file)).toEqual([]);
  });
});

describe("uebersicht after werte", () => {
  it("makes the sheet Kennzahlen, but leaves a user's own sheet of that name alone and says so", async () => {
    const file = await writeWorkbook(monitoringRows());
    expect((await runCli(["werte", file, GENESIS, "--indikator", "I-020"])).code).toBe(0);
    const made = await runCli(["uebersicht", file]);
    expect(made.out).toContain("Blatt „Kennzahlen“ erzeugt: 1 Basisindikator nach Gebiet, mit Diagrammen.");
    expect(ooxmlProblems(file)).toEqual([]);

    const own = await writeWorkbook(monitoringRows(), "eigenes.xlsx");
    const doc = await openWorkbook(own);
    doc.applySheetPlan({
      name: "Kennzahlen",
      state: "visible",
      widths: [],
      formats: [],
      wrapColumns: [],
      frozen: { rows: 0, columns: 0 },
      cells: [{ row: 1, column: 1, value: "Unsere Kennzahlen" }],
      validations: [],
      conditionalFormats: [],
    });
    await saveWorkbookAtomically(doc, own);
    await runCli(["werte", own, GENESIS, "--indikator", "I-020"]);
    const kept = await runCli(["uebersicht", own]);
    expect(kept.code).toBe(0);
    expect(kept.out).toContain("Das Blatt „Kennzahlen“ gibt es schon mit eigenem Inhalt; es bleibt unverändert.");
    const source = await (await openWorkbook(own)).source();
    expect(source.sheet("Kennzahlen")!.value(1, 1)).toBe("Unsere Kennzahlen");
  });
});

describe("werte with unusable input", () => {
  async function untouched(args: string[], sentence: RegExp) {
    const file = await writeWorkbook(monitoringRows());
    const before = digest(file);
    const run = await runCli(["werte", file, ...args]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatch(sentence);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(digest(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["konzept.xlsx"]);
  }

  it("refuses a CSV that is no statistics table", async () => {
    const dir = tempDir();
    const notes = path.join(dir, "notizen.csv");
    fs.writeFileSync(notes, "Name;Telefon\nFrau Muster;0511 123\n");
    await untouched([notes, "--indikator", "I-020"], /„notizen\.csv“ ist keine Statistiktabelle/);
  });

  it("refuses a file in UTF-16", async () => {
    const dir = tempDir();
    const utf16 = path.join(dir, "export.csv");
    fs.writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Jahr;AGS;Wert\n2023;01001;5\n", "utf16le")]),
    );
    await untouched([utf16, "--indikator", "I-020"], /ist in UTF-16 gespeichert/);
  });

  it("refuses a file over 50 MB", async () => {
    const dir = tempDir();
    const big = path.join(dir, "gross.csv");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 51 * 1024 * 1024);
    await untouched([big, "--indikator", "I-020"], /größer als die erlaubten 50 MB/);
  });

  it("refuses an indicator the workbook does not have, and a missing assignment", async () => {
    await untouched([GENESIS, "--indikator", "I-099"], /Den Indikator „I-099“ gibt es im Blatt „Indikatoren“ nicht/);
    await untouched([GENESIS], /Bitte angeben, zu welchem Indikator die Werte gehören/);
  });
});
