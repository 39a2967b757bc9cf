import ExcelJS from "exceljs";
import { checkConcept } from "../../src/domain/rules";
import { readConcept } from "../../src/workbook/read";
import { ExcelJsSource } from "../helpers/excelJsSource";
import { baseline, toSheets } from "../helpers/concept";

/** Writes the baseline concept into an exceljs workbook (plain ranges), via a buffer round trip. */
async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  return back;
}

function addSheets(wb: ExcelJS.Workbook, except: string[] = []) {
  for (const [name, rows] of Object.entries(toSheets(baseline()))) {
    if (except.includes(name)) continue;
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
}

const today = { today: "2026-11-22" };

describe("reading a workbook", () => {
  it("finds tables by name even on a renamed sheet", async () => {
    const wb = await roundTrip((wb) => {
      addSheets(wb, ["Maßnahmen"]);
      const ws = wb.addWorksheet("Unsere Maßnahmen 2026");
      const [header, ...rows] = toSheets(baseline())["Maßnahmen"]!;
      ws.addTable({
        name: "tblMassnahmen",
        ref: "B3",
        headerRow: true,
        columns: header!.map((h) => ({ name: String(h) })),
        rows: rows.map((r) => r.map((v) => v ?? null)),
      });
    });
    const concept = readConcept(new ExcelJsSource(wb));
    expect(concept.massnahmen.sheet).toBe("Unsere Maßnahmen 2026");
    expect(concept.massnahmen.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(concept.massnahmen.columns.frist).toBe("P");
    expect(checkConcept(concept, today).findings).toEqual([]);
  });

  it("reads a plain range with a title above, shuffled and renamed headers, blank rows and extra columns", async () => {
    const wb = await roundTrip((wb) => {
      addSheets(wb, ["Maßnahmen"]);
      const ws = wb.addWorksheet("Massnahmen");
      ws.addRow(["Maßnahmenplan Landkreis Test"]);
      ws.addRow([]);
      const [header, ...rows] = toSheets(baseline())["Maßnahmen"]!;
      const rename: Record<string, string> = {
        Federführung: "Federfuehrung",
        Frist: "  FRIST ",
        "Personal (VZÄ)": "Personal\n(VZAE)",
        Titel: "Maßnahme",
        Beschreibung: "beschreibung",
      };
      const order = [...header!.keys()].reverse();
      ws.addRow(["Notiz intern", ...order.map((i) => rename[String(header![i])] ?? header![i])]);
      rows.forEach((r, n) => {
        ws.addRow([`Notiz ${n + 1}`, ...order.map((i) => r[i] ?? null)]);
        ws.addRow([]);
      });
    });
    const concept = readConcept(new ExcelJsSource(wb));
    const m = concept.massnahmen;
    expect(m.sheet).toBe("Massnahmen");
    expect(m.headerRow).toBe(3);
    expect(m.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(m.columns.id).toBe("T");
    expect(m.columns.frist).toBe("F");
    expect(m.missingColumns).toEqual([]);
    expect(concept.found.massnahmen!.extraColumns).toEqual([{ header: "Notiz intern", column: 1 }]);
    expect(m.rows[0]!.values.personal).toBe(0.5);
    const result = checkConcept(concept, today);
    expect(result.findings).toEqual([]);
  });

  it("points findings at the real cells of a shuffled sheet", async () => {
    const wb = await roundTrip((wb) => {
      addSheets(wb, ["Maßnahmen"]);
      const ws = wb.addWorksheet("Maßnahmen");
      const [header, ...rows] = toSheets(baseline())["Maßnahmen"]!;
      const order = [...header!.keys()].reverse();
      ws.addRow(order.map((i) => header![i]));
      rows.forEach((r) => ws.addRow(order.map((i) => (header![i] === "Frist" ? "bald" : (r[i] ?? null)))));
    });
    const result = checkConcept(readConcept(new ExcelJsSource(wb)), today);
    expect(result.findings.filter((f) => f.rule === "T_DATUM_UNGUELTIG").map((f) => `${f.id}@${f.cell}`)).toEqual([
      "M-001@E2",
      "M-002@E3",
    ]);
  });

  it("reads formula results, rich text and hyperlinks as their text", async () => {
    const wb = await roundTrip((wb) => {
      addSheets(wb, ["Akteure"]);
      const ws = wb.addWorksheet("Akteure");
      ws.addRow(["ID", "Bezeichnung", "Ansprechperson", "E-Mail"]);
      ws.addRow([
        { formula: '"A-"&"01"', result: "A-01" },
        { richText: [{ text: "Jugend" }, { text: "amt", font: { bold: true } }] },
        "Frau Muster",
        { text: "jugend@kreis.de", hyperlink: "mailto:jugend@kreis.de" },
      ]);
      ws.addRow(["A-02", "Jobcenter", "", "info@jobcenter.de"]);
    });
    const concept = readConcept(new ExcelJsSource(wb));
    expect(concept.akteure!.rows[0]!.values).toMatchObject({
      id: "A-01",
      bezeichnung: "Jugendamt",
      email: "jugend@kreis.de",
    });
    expect(checkConcept(concept, today).findings).toEqual([]);
  });

  it("refuses a workbook without Maßnahmen and names the required sheets that are missing", async () => {
    const wb = await roundTrip((wb) => addSheets(wb, ["Maßnahmen"]));
    expect(() => readConcept(new ExcelJsSource(wb))).toThrow(/Maßnahmen/);
    const partial = await roundTrip((wb) => addSheets(wb, ["Akteure", "Einstellungen"]));
    const concept = readConcept(new ExcelJsSource(partial));
    expect(concept.missingTables.map((t) => t.sheet)).toEqual(["Akteure"]);
  });
});
