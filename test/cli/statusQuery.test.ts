/** The status query round on the command line: split --sachstand → returns filled in plain Excel → merge. */
import type ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { columnOf, columnValues, loadWorkbook, removeTempDirs, rowWhere, runCli, sheet, tempDir } from "../helpers/cli";
import { referenceId } from "../../src/domain/values";

afterAll(removeTempDirs);

const FB4 = "konzept – Sachstandsabfrage 31.12.2026 – Fachbereich 4 – Jugend.xlsx";

async function setUp(): Promise<{ dir: string; master: string; out: string }> {
  const dir = tempDir();
  const master = path.join(dir, "konzept.xlsx");
  expect((await runCli(["init", master, "--vorlage", "beispiel"])).code).toBe(0);
  const out = path.join(dir, "abfrage");
  const split = await runCli(["split", master, "--ziel", out, "--sachstand", "2026-12-31"]);
  expect(split).toMatchObject({ code: 0, err: "" });
  return { dir, master, out };
}

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await loadWorkbook(file);
  change(wb);
  await wb.xlsx.writeFile(file);
}

/** Rows of a table sheet as text by header (dates as JJJJ-MM-TT). */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, string>[] {
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, c) => (headers[c] = cell.text));
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Record<string, string> = {};
    headers.forEach((h, c) => {
      const v = ws.getCell(r, c).value;
      if (h) row[h] = v instanceof Date ? v.toISOString().slice(0, 10) : ws.getCell(r, c).text;
    });
    if (Object.values(row).some((v) => v !== "")) rows.push(row);
  }
  return rows;
}

describe("split --sachstand", () => {
  test("gives each Fachbereich its measures' Sachstände to fill, the last one beside them, and its indicators", async () => {
    const { out } = await setUp();
    const wb = await loadWorkbook(path.join(out, FB4));
    const reports = rowsOf(sheet(wb, "Sachstände"));
    expect(reports.map((r) => r["Maßnahme"])).toEqual(["M-005", "M-006", "M-007", "M-009"]);
    expect(reports.every((r) => r["Berichtsstichtag"] === "2026-12-31" && r["Sachstand"] === "")).toBe(true);
    expect(reports.find((r) => r["Maßnahme"] === "M-007")!["Status"]).toBe("in Umsetzung");
    expect(reports.map((r) => r["Bisheriger Sachstand (nur zur Information)"])).toContain("noch kein Sachstand");
    // Only the fields to fill are editable: the sheet is protected, the previous report locked.
    const s = sheet(wb, "Sachstände");
    expect((s as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const m7 = rowWhere(s, "Maßnahme", "M-007");
    expect(s.getCell(m7, columnOf(s, "Sachstand")).protection?.locked).toBe(false);
    expect(s.getCell(m7, columnOf(s, "Bisheriger Sachstand (nur zur Information)")).protection?.locked ?? true).toBe(
      true,
    );
    const values = rowsOf(sheet(wb, "Indikatorwerte"));
    // I-004 and I-012 are delivered by A-04 (Fachbereich 4); I-005 by A-05, also Fachbereich 4
    expect(values.map((v) => v["Indikator"]).sort()).toEqual(["I-004", "I-005", "I-012"]);
    expect(values.find((v) => v["Indikator"] === "I-004")!["Letzter Wert (nur zur Information)"]).toBe(
      "31.12.2025: 71",
    );
  });

  test("refuses a Berichtsstichtag that is not a day, writing nothing", async () => {
    const dir = tempDir();
    const master = path.join(dir, "konzept.xlsx");
    await runCli(["init", master, "--vorlage", "beispiel"]);
    const run = await runCli(["split", master, "--ziel", path.join(dir, "x"), "--sachstand", "Ende 2026"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Berichtsstichtag „Ende 2026“ ist kein Datum/);
    expect(fs.existsSync(path.join(dir, "x"))).toBe(false);
  });
});

describe("merge of a status query", () => {
  test("appends the filled rows, reports the empty ones as nicht gemeldet, applies a reported Status, and stays idempotent", async () => {
    const { master, out } = await setUp();
    const fb4 = path.join(out, FB4);
    await edit(fb4, (wb) => {
      const s = sheet(wb, "Sachstände");
      const row = rowWhere(s, "Maßnahme", "M-007");
      s.getCell(row, columnOf(s, "Sachstand")).value = "Zwölf Elternbegleiterinnen sind ausgebildet.";
      s.getCell(row, columnOf(s, "Umsetzung (%)")).value = 60;
      s.getCell(row, columnOf(s, "Ampel")).value = "grün";
      const m6 = rowWhere(s, "Maßnahme", "M-006");
      s.getCell(m6, columnOf(s, "Sachstand")).value = "Das Programm ist gestartet.";
      s.getCell(m6, columnOf(s, "Status")).value = "in Umsetzung";
      const v = sheet(wb, "Indikatorwerte");
      v.getCell(rowWhere(v, "Indikator", "I-012"), columnOf(v, "Wert")).value = 75;
    });
    const first = await runCli(["merge", master, fb4]);
    expect(first.err).toBe("");
    expect(first.out).toContain("2 Sachstände angefügt, 2 nicht gemeldet; 1 Indikatorwert angefügt, 2 nicht gemeldet");

    const wb = await loadWorkbook(master);
    const reports = rowsOf(sheet(wb, "Sachstände"));
    expect(reports).toHaveLength(7 + 2);
    // What is appended names its measure in the one form of a reference, `ID – Titel`.
    const of = (id: string) => (r: Record<string, string>) => referenceId(r["Maßnahme"] ?? "") === id;
    expect(reports.filter(of("M-007"))).toEqual([
      expect.objectContaining({
        Maßnahme: expect.stringMatching(/^M-007 – ./),
        Berichtsstichtag: "2026-12-31",
        Sachstand: "Zwölf Elternbegleiterinnen sind ausgebildet.",
        "Umsetzung (%)": "60",
      }),
    ]);
    // the history is kept: M-004's two reports are untouched
    expect(reports.filter(of("M-004"))).toHaveLength(2);
    expect(rowsOf(sheet(wb, "Indikatorwerte")).filter((v) => referenceId(v["Indikator"] ?? "") === "I-012")).toEqual([
      expect.objectContaining({ Indikator: expect.stringMatching(/^I-012 – ./), Stichtag: "2026-12-31", Wert: "75" }),
    ]);
    const m = sheet(wb, "Maßnahmen");
    expect(m.getCell(rowWhere(m, "ID", "M-006"), columnOf(m, "Status")).text).toBe("in Umsetzung");
    const log = rowsOf(sheet(wb, "Zusammenführung"));
    expect(
      log
        .filter((l) => l["Aktion"] === "nicht gemeldet")
        .map((l) => l["ID im Rücklauf"])
        .sort(),
    ).toEqual(["I-004", "I-005", "M-005", "M-009"]);

    // merging the same return again changes nothing
    const again = await runCli(["merge", master, fb4]);
    expect(again.code).toBe(0);
    const wb2 = await loadWorkbook(master);
    expect(rowsOf(sheet(wb2, "Sachstände"))).toEqual(reports);
    expect(columnValues(sheet(wb2, "Indikatorwerte"), "Indikator")).toEqual(
      columnValues(sheet(wb, "Indikatorwerte"), "Indikator"),
    );
  });

  test("a different report already in the master for the same date is a conflict; the master keeps its own", async () => {
    const { master, out } = await setUp();
    const fb4 = path.join(out, FB4);
    await edit(fb4, (wb) => {
      const s = sheet(wb, "Sachstände");
      s.getCell(rowWhere(s, "Maßnahme", "M-007"), columnOf(s, "Sachstand")).value = "Version des Fachbereichs.";
    });
    await edit(master, (wb) => {
      const s = sheet(wb, "Sachstände");
      const row = s.rowCount + 1;
      s.getCell(row, columnOf(s, "Maßnahme")).value = "M-007";
      s.getCell(row, columnOf(s, "Berichtsstichtag")).value = "31.12.2026";
      s.getCell(row, columnOf(s, "Status")).value = "in Umsetzung";
      s.getCell(row, columnOf(s, "Sachstand")).value = "Version der Koordinierungsstelle.";
    });
    const run = await runCli(["merge", master, fb4]);
    expect(run.code).toBe(1);
    const wb = await loadWorkbook(master);
    const m7 = rowsOf(sheet(wb, "Sachstände")).filter((r) => referenceId(r["Maßnahme"] ?? "") === "M-007");
    expect(m7.map((r) => r["Sachstand"])).toEqual(["Version der Koordinierungsstelle."]);
    expect(rowsOf(sheet(wb, "Konflikte"))).toContainEqual(
      expect.objectContaining({
        ID: "M-007",
        "Wert in der Gesamtdatei": "Version der Koordinierungsstelle.",
        "Wert im Rücklauf": "Version des Fachbereichs.",
      }),
    );
  });
});
