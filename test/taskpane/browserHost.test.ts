/**
 * The browser mode's host: rows written by ID land inside the Excel table of the saved file, updates touch
 * only the named fields, setting up never overwrites a sheet, and a file that is not a workbook is refused
 * with one German sentence.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { templateContent } from "../../src/domain/templates";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { BrowserFileError, BrowserHost } from "../../src/xlsx/browserHost";
import { ExcelJsSource } from "../helpers/excelJsSource";
import { arrayBuffer, toExcelJs } from "../helpers/xlsx";

const TODAY = "2026-11-22";
const VALIDATOR = "/work/shared/tools/validate-ooxml.py";

async function beispielBytes(edit?: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const doc = createTemplateWorkbook("beispiel", TODAY);
  if (!edit) return arrayBuffer(doc.toBytes());
  const wb = await toExcelJs(doc);
  edit(wb);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

async function reread(host: BrowserHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await host.save());
  return wb;
}

function tableRef(wb: ExcelJS.Workbook, sheet: string, name: string): string {
  const t = wb.getWorksheet(sheet)!.getTables().find((x) => (x as unknown as { table: { name: string } }).table.name === name);
  const model = (t as unknown as { table: { tableRef?: string; ref?: string } }).table;
  return model.tableRef ?? model.ref ?? "";
}

describe("BrowserHost", () => {
  it("appends a new measure inside the loaded table, so the saved file re-reads it as a table row", async () => {
    const host = await BrowserHost.open(await beispielBytes(), "beispiel.xlsx");
    expect(tableRef(await toExcelJs(host.document), "Maßnahmen", "tblMassnahmen")).toBe("A1:S21");
    await host.writeRows([
      {
        kind: "massnahmen",
        id: "M-021",
        values: {
          handlungsfeld: "HF-03 – Bildung und Sprache",
          ziel: "Z-05",
          titel: "Lernpatenschaften",
          beschreibung: "=SUMME(A1) sieht aus wie eine Formel, bleibt aber Text.",
          indikatoren: "I-005",
          zielwert: "40 Patenschaften",
          federfuehrung: "A-05",
          personal: 0.5,
          sachkosten: 1500,
          frist: "2027-12-31",
          status: "geplant",
        },
      },
    ]);
    const wb = await reread(host);
    expect(tableRef(wb, "Maßnahmen", "tblMassnahmen")).toBe("A1:S22");
    const ws = wb.getWorksheet("Maßnahmen")!;
    expect(ws.getCell("A22").value).toBe("M-021");
    expect(ws.getCell("E22").value).toBe("=SUMME(A1) sieht aus wie eine Formel, bleibt aber Text.");
    expect(ws.getCell("E22").formula).toBeUndefined();
    expect(ws.getCell("O22").value).toEqual(new Date("2027-12-31T00:00:00Z"));
    expect(ws.getCell("O22").numFmt).toBe("dd.mm.yyyy");

    const concept = readConcept(new ExcelJsSource(wb));
    expect(concept.found.massnahmen?.tableName).toBe("tblMassnahmen");
    expect(concept.found.massnahmen?.area.bottom).toBe(22);
    const row = concept.massnahmen.rows.find((r) => r.values.id === "M-021");
    expect(row?.values.titel).toBe("Lernpatenschaften");
  });

  it("updates a row by its ID and leaves the fields it does not name alone", async () => {
    const bytes = await beispielBytes((wb) => {
      const ws = wb.getWorksheet("Maßnahmen")!;
      ws.getCell("T1").value = "Eigene Spalte"; // a column a user added
      ws.getCell("T4").value = "bleibt";
    });
    const host = await BrowserHost.open(bytes, "beispiel.xlsx");
    const ws = (await toExcelJs(host.document)).getWorksheet("Maßnahmen")!;
    const before = ws.getCell("D4").value;
    expect(ws.getCell("A4").value).toBe("M-003");
    await host.writeRows([{ kind: "massnahmen", id: "m-003 ", values: { zielwert: "40 % mehrsprachige Termine" } }]);
    const wb = await reread(host);
    const out = wb.getWorksheet("Maßnahmen")!;
    expect(out.getCell("H4").value).toBe("40 % mehrsprachige Termine");
    expect(out.getCell("D4").value).toBe(before);
    expect(out.getCell("T4").value).toBe("bleibt");
    expect(tableRef(wb, "Maßnahmen", "tblMassnahmen")).toBe("A1:S21");
  });

  it("adds an Akteur with a new ID", async () => {
    const host = await BrowserHost.open(await beispielBytes(), "beispiel.xlsx");
    await host.writeRows([{ kind: "akteure", id: "A-09", values: { bezeichnung: "Bibliothek" } }]);
    const wb = await reread(host);
    expect(tableRef(wb, "Akteure", "tblAkteure")).toBe("A1:F10");
    expect(wb.getWorksheet("Akteure")!.getCell("B10").value).toBe("Bibliothek");
  });

  it("deletes rows by ID: the table shrinks, the rows below move up, the hidden lists keep reading by position", async () => {
    const host = await BrowserHost.open(await beispielBytes(), "beispiel.xlsx");
    const before = readConcept(await host.snapshot()).akteure!.rows.map((r) => r.values.id);
    await host.deleteRows("akteure", ["A-02", "a-03", "A-99"]);
    const wb = await reread(host);
    expect(tableRef(wb, "Akteure", "tblAkteure")).toBe(`A1:F${before.length + 1 - 2}`);
    const after = readConcept(new ExcelJsSource(wb)).akteure!.rows;
    expect(after.map((r) => r.values.id)).toEqual(before.filter((id) => id !== "A-02" && id !== "A-03"));
    expect(after.map((r) => r.row)).toEqual(after.map((_, i) => i + 2));
    // The written package is valid OOXML (where the workplace's validator is installed).
    if (fs.existsSync(VALIDATOR)) {
      const file = path.join(os.tmpdir(), `mnp-delete-${process.pid}.xlsx`);
      fs.writeFileSync(file, new Uint8Array(await host.save()));
      const validated = spawnSync("python3", [VALIDATOR, file], { encoding: "utf8" });
      fs.rmSync(file, { force: true });
      expect(validated.stdout + validated.stderr).toMatch(/^ooxml: 1 files, \d+ parts validated, 0 problems/m);
    }
    const listen = wb.getWorksheet("Listen")!;
    const akteureColumn = [1, 2, 3, 4, 5, 6].find((c) => listen.getCell(1, c).value === "Akteure")!;
    expect(String((listen.getCell(2, akteureColumn).value as { formula: string }).formula)).toContain("$A2");
  });

  it("writes several new rows in one batch below one another, and a setting by its Schlüssel", async () => {
    const host = await BrowserHost.open(await beispielBytes(), "beispiel.xlsx");
    const n = readConcept(await host.snapshot()).handlungsfelder!.rows.length;
    await host.writeRows([
      { kind: "handlungsfelder", id: "HF-08", values: { handlungsfeld: "Gesundheit" } },
      { kind: "handlungsfelder", id: "HF-09", values: { handlungsfeld: "Sport" } },
      { kind: "handlungsfelder", id: "HF-08", values: { leitziel: "Alle sind versorgt." } },
      {
        kind: "einstellungen",
        id: "Kommune",
        key: { name: "schluessel" },
        values: { schluessel: "kommune", wert: "Landkreis Neu" },
      },
    ]);
    const concept = readConcept(new ExcelJsSource(await reread(host)));
    expect(
      concept.handlungsfelder!.rows.slice(n).map((r) => [r.values.id, r.values.handlungsfeld, r.values.leitziel]),
    ).toEqual([
      ["HF-08", "Gesundheit", "Alle sind versorgt."],
      ["HF-09", "Sport", undefined],
    ]);
    // The row of „Kommune“ was found although the key was spelled otherwise: no second row.
    const kommune = concept.einstellungen!.rows.filter((r) => String(r.values.schluessel).toLowerCase() === "kommune");
    expect(kommune.map((r) => r.values.wert)).toEqual(["Landkreis Neu"]);
  });

  it("sets up an empty workbook, never overwrites existing sheets, and fills the table's empty first row", async () => {
    const created = await BrowserHost.create();
    const plans = planNewWorkbook(templateContent("leer", TODAY)).sheets;
    expect(await created.createSheetsIfMissing(plans)).toEqual([]);
    const edited = await toExcelJs(await created.save());
    edited.getWorksheet("Handlungsfelder")!.getCell("B2").value = "Eigener Eintrag";
    const host = await BrowserHost.open((await edited.xlsx.writeBuffer()) as ArrayBuffer, "neu.xlsx");
    expect(await host.createSheetsIfMissing(plans)).toEqual(plans.map((p) => p.name));
    expect((await toExcelJs(host.document)).getWorksheet("Handlungsfelder")!.getCell("B2").value).toBe("Eigener Eintrag");

    await host.writeRows([{ kind: "massnahmen", id: "M-001", values: { titel: "Erste Maßnahme" } }]);
    const wb = await reread(host);
    expect(wb.getWorksheet("Maßnahmen")!.getCell("A2").value).toBe("M-001");
    expect(tableRef(wb, "Maßnahmen", "tblMassnahmen")).toBe("A1:S2");
  });

  it("records the selection and tells its listeners", async () => {
    const host = await BrowserHost.create();
    const seen: unknown[] = [];
    const off = host.onSelection((s) => seen.push(s));
    await host.selectCell("Maßnahmen", "H7");
    off();
    await host.selectCell("Maßnahmen", "A1");
    expect(seen).toEqual([{ sheet: "Maßnahmen", address: "H7" }]);
    expect(host.selected()).toEqual({ sheet: "Maßnahmen", address: "A1" });
  });

  it("refuses a file that is not a workbook with one German sentence", async () => {
    const text = new TextEncoder().encode("Kein Excel").buffer as ArrayBuffer;
    await expect(BrowserHost.open(text, "notiz.txt")).rejects.toThrow(BrowserFileError);
    await expect(BrowserHost.open(text, "notiz.txt")).rejects.toThrow("Die Datei „notiz.txt“ ist keine Excel-Arbeitsmappe (.xlsx).");
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).buffer as ArrayBuffer;
    await expect(BrowserHost.open(broken, "kaputt.xlsx")).rejects.toThrow("beschädigt");
  });
});
