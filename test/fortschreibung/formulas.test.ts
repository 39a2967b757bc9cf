/**
 * A user's formula column in Maßnahmen survives the Fortschreibung deleting rows: every formula still
 * reads its own row, a formula Excel stored as shared (filled down) keeps working when its first cell is
 * deleted, and references to deleted rows become #REF! as in Excel.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { shiftFormulaRows, shiftSheetAreas, translateFormula } from "../../src/xlsx/formulaShift";
import { sheetXml } from "../helpers/corpus";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { describeWithLibreOffice, recalc } from "../helpers/libreoffice";

afterAll(removeTempDirs);

describe("shiftFormulaRows", () => {
  it("moves references below the deleted rows up, shrinks ranges, turns deleted cells into #REF!", () => {
    const formula = `L5*2+SUM(L2:L21)+$A$7+Maßnahmen!A3+'Andere Tabelle'!A5+tblMassnahmen[Sachkosten]+LOG10(A7)&"A5"`;
    expect(shiftFormulaRows(formula, "Maßnahmen", [3, 4])).toBe(
      `L3*2+SUM(L2:L19)+$A$5+Maßnahmen!#REF!+'Andere Tabelle'!A5+tblMassnahmen[Sachkosten]+LOG10(A5)&"A5"`,
    );
    expect(shiftFormulaRows("SUM(A3:A4)+A2+B:B", "Maßnahmen", [3, 4])).toBe("SUM(#REF!)+A2+B:B");
    expect(shiftFormulaRows("'Maßnahmen'!C10", "Maßnahmen", [2])).toBe("'Maßnahmen'!C9");
  });
});

describe("shiftSheetAreas", () => {
  it("moves merged areas and links, drops those of deleted rows and lists left empty", () => {
    const xml =
      `<worksheet><sheetData/><mergeCells count="2"><mergeCell ref="U4:U5"/><mergeCell ref="U20:U21"/></mergeCells>` +
      `<hyperlinks><hyperlink ref="R2" r:id="rId1"/></hyperlinks></worksheet>`;
    expect(shiftSheetAreas(xml, [2, 20])).toBe(
      `<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="U3:U4"/></mergeCells></worksheet>`,
    );
  });
});

describe("translateFormula", () => {
  it("moves relative references, keeps $ ones (a shared formula written out per cell)", () => {
    expect(translateFormula("L2*$M$2+SUM(L$2:L2)+tbl[[#This Row],[A1]]", 3, 1)).toBe(
      "M5*$M$2+SUM(M$2:M5)+tbl[[#This Row],[A1]]",
    );
    expect(translateFormula("A2", -1, 0)).toBe("A1");
    expect(translateFormula("A2", -2, 0)).toBe("#REF!");
  });
});

/** Column S, right of the contract's columns; L (12) is Sachkosten. */
const extra = 19;
const SACHKOSTEN = 12;

/**
 * The example with a filled-down formula column S = L*2, a sum in T3, two links and two merged areas;
 * M-001 (the master's row) umgesetzt.
 */
async function withFormulaColumn(dir: string): Promise<string> {
  const file = path.join(dir, "alt.xlsx");
  expect((await runCli(["init", file, "--vorlage", "beispiel", "-q"])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Maßnahmen")!;
  ws.getCell(1, extra).value = "Sachkosten doppelt";
  // Filled down as Excel stores it: a shared formula whose master sits in row 2 (M-001).
  ws.fillFormula("S2:S21", "L2*2", (row) => row);
  ws.getCell(2, 16).value = "umgesetzt"; // M-001 is not carried: the master's row goes
  ws.getCell(1, extra + 1).value = "Summe";
  ws.getCell(3, extra + 1).value = { formula: "SUM(L2:L21)" } as ExcelJS.CellFormulaValue;
  // links on a carried row (M-003) and on a dropped one (M-001); merged areas
  ws.getCell("R4").value = { text: "Protokoll", hyperlink: "https://example.org/protokoll" };
  ws.getCell("R2").value = { text: "alt", hyperlink: "https://example.org/alt" };
  ws.mergeCells("U4:U5");
  ws.mergeCells("U20:U21"); // M-019 (row 20) is dropped: one row is left, no longer merged
  // a user's sheet and a name pointing at single measures' cells
  const own = wb.addWorksheet("Auswertung");
  own.getCell("A1").value = { formula: "Maßnahmen!L4*1" } as ExcelJS.CellFormulaValue; // M-003
  own.getCell("A2").value = { formula: "Maßnahmen!L2*1" } as ExcelJS.CellFormulaValue; // M-001, dropped
  wb.definedNames.add("'Maßnahmen'!$L$4", "KostenM003");
  await wb.xlsx.writeFile(file);
  expect(sheetXml(fs.readFileSync(file), "Maßnahmen")).toMatch(/<f t="shared" ref="S2:S21" si="0">L2\*2<\/f>/);
  return file;
}

describe("fortschreiben with a user's formula column, links and merged cells in Maßnahmen", () => {
  it("keeps every formula, link and merge on its own row, also a shared formula whose first cell is deleted", async () => {
    const dir = tempDir("fortschreiben-formeln-");
    const file = await withFormulaColumn(dir);
    const target = path.join(dir, "neu.xlsx");
    expect((await runCli(["fortschreiben", file, "--laufzeit", "2029-2032", "-o", target, "-q"])).code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(target);
    const m = out.getWorksheet("Maßnahmen")!;
    // M-001 (row 2) and M-019 (row 20) went; the rows below moved up
    expect(m.getCell(2, 1).value).toBe("M-002");
    for (let r = 2; r <= 19; r++) {
      const cell = m.getCell(r, extra);
      expect([r, cell.formula]).toEqual([r, `L${r}*2`]);
    }
    expect(m.getCell(20, extra).formula ?? null).toBeNull();
    // the Summe moved up with M-002 and its range shrank by the two deleted rows
    expect(m.getCell(2, extra + 1).formula).toBe("SUM(L2:L19)");
    expect(m.getCell("R3").value).toMatchObject({ text: "Protokoll", hyperlink: "https://example.org/protokoll" });
    const xml = sheetXml(fs.readFileSync(target), "Maßnahmen");
    // M-001's link went with its row; nothing points at R2, which now holds M-002's empty Bemerkung
    expect([...xml.matchAll(/<hyperlink ref="([^"]+)"/g)].map((x) => x[1])).toEqual(["R3"]);
    expect([...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((x) => x[1])).toEqual(["U3:U4"]);
    const auswertung = out.getWorksheet("Auswertung")!;
    expect([auswertung.getCell("A1").formula, auswertung.getCell("A2").formula]).toEqual([
      "Maßnahmen!L3*1",
      "Maßnahmen!#REF!*1",
    ]);
    expect(out.definedNames.getRanges("KostenM003").ranges).toEqual(["'Maßnahmen'!$L$3"]);
    // no cell refers to a shared formula whose master was deleted
    const written = sheetXml(fs.readFileSync(target), "Maßnahmen");
    expect(written).not.toMatch(/t="shared"/);
  });
});

describeWithLibreOffice("the moved formulas, computed by LibreOffice", () => {
  it("give each measure's own Sachkosten doubled and the sum of the measures carried", async () => {
    const dir = tempDir("fortschreiben-formeln-lo-");
    const file = await withFormulaColumn(dir);
    const target = path.join(dir, "neu.xlsx");
    expect((await runCli(["fortschreiben", file, "--laufzeit", "2029-2032", "-o", target, "-q"])).code).toBe(0);
    const rows = recalc(target)["Maßnahmen"]!;
    const l = SACHKOSTEN - 1;
    const measures = rows.slice(1).filter((r) => /^M-\d+$/.test(r[0] ?? ""));
    expect(measures.map((r) => r[0])).not.toContain("M-001");
    let sum = 0;
    for (const r of measures) {
      const cost = Number(r[l] || 0);
      sum += cost;
      expect([r[0], Number(r[extra - 1])]).toEqual([r[0], cost * 2]);
    }
    expect(sum).toBeGreaterThan(0);
    expect(Number(rows[1]![extra])).toBe(sum);
  });
});
