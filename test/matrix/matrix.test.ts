import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ampel, weightedScore } from "../../src/domain/matrix";
import { buildMatrix, createTemplateWorkbook } from "../../src/xlsx/concept";
import { XlsxDocument } from "../../src/xlsx/document";
import { ExcelJsSource, plainValue } from "../helpers/excelJsSource";
import { fromExcelJs, toExcelJs } from "../helpers/xlsx";
import { describeWithLibreOffice, recalc } from "../helpers/libreoffice";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "matrix-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function reload(wb: ExcelJS.Workbook | XlsxDocument): Promise<ExcelJS.Workbook> {
  return toExcelJs(wb instanceof XlsxDocument ? wb : await fromExcelJs(wb));
}

/** Runs `matrix` on a workbook as a user left it; returns the outcome and the written workbook. */
async function matrixOn(wb: ExcelJS.Workbook, round: number) {
  const doc = await fromExcelJs(wb);
  const outcome = await buildMatrix(doc, round);
  return { outcome, wb: await toExcelJs(doc) };
}

/** Column number of a header in the round's header row (row 2). */
function col(ws: ExcelJS.Worksheet, header: string, row = 2): number {
  const values = ws.getRow(row).values as unknown[];
  const i = values.findIndex((v) => v === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
  throw new Error(`no row ${id}`);
}

function cellsOf(ws: ExcelJS.Worksheet, id: string, headers: string[]): unknown[] {
  const r = rowOf(ws, id);
  return headers.map((h) => plainValue(ws.getCell(r, col(ws, h)).value));
}

const CRITERIA = ["Umsetzungsstand", "Zielerreichung", "Erreichung der Zielgruppe", "Ressourceneinsatz", "Nachhaltigkeit"];
const WEIGHTS = [25, 30, 20, 15, 10];

async function scoredWorkbook() {
  const { wb: back } = await matrixOn(await reload(createTemplateWorkbook("beispiel", "2026-11-22")), 2027);
  const ws = back.getWorksheet("Bewertung 2027")!;
  const scores: Record<string, (number | null)[]> = {
    "M-001": [4, 2, null, null, null],
    "M-002": [1, 1, 1, 1, 1],
    "M-005": [3, 3, 3, 4, 2],
    "M-007": [0, 4, 4, 2, 3],
  };
  for (const [id, s] of Object.entries(scores)) {
    s.forEach((v, i) => {
      if (v !== null) ws.getCell(rowOf(ws, id), col(ws, CRITERIA[i]!)).value = v;
    });
  }
  return { wb: back, ws, scores };
}

describeWithLibreOffice("the Bewertungsmatrix in LibreOffice", () => {
  it("computes Gesamt, Ampel and the per-Handlungsfeld summary from the scores", async () => {
    const { wb, scores } = await scoredWorkbook();
    const file = path.join(dir, "scored.xlsx");
    await wb.xlsx.writeFile(file);
    const sheet = recalc(file)["Bewertung 2027"]!;
    const header = sheet[1]!;
    const at = (id: string, h: string) => sheet.find((r) => r[0] === id)![header.indexOf(h)]!;
    const settings = { ampelGruenAb: 3, ampelGelbAb: 2 };
    const criteria = CRITERIA.map((name, i) => ({ name, weight: WEIGHTS[i]! }));
    for (const [id, s] of Object.entries(scores)) {
      const expected = weightedScore(s, criteria)!;
      expect(Number(at(id, "Gesamt"))).toBeCloseTo(expected, 9);
      expect(at(id, "Ampel")).toBe(ampel(expected, settings));
    }
    expect([at("M-001", "Ampel"), at("M-002", "Ampel"), at("M-005", "Ampel")]).toEqual(["gelb", "rot", "grün"]);
    expect([at("M-003", "Gesamt"), at("M-003", "Ampel")]).toEqual(["", ""]);

    // The label in column A runs over the empty column B; the figures stand in C to H.
    const summary = (label: string) => {
      const row = sheet.find((r) => r[0] === label)!;
      expect(row[1]).toBe("");
      return [row[0]!, ...row.slice(2, 8)];
    };
    const m1 = weightedScore(scores["M-001"]!, criteria)!;
    const m2 = weightedScore(scores["M-002"]!, criteria)!;
    const [hf, n, scored, mean, gruen, gelb, rot] = summary("HF-01 – Willkommenskultur");
    expect([hf, n, scored, gruen, gelb, rot]).toEqual(["HF-01 – Willkommenskultur", "3", "2", "0", "1", "1"]);
    expect(Number(mean)).toBeCloseTo((m1 + m2) / 2, 9);
    expect(summary("HF-06 – Interkulturelle Öffnung").slice(1)).toEqual(["2", "0", "", "0", "0", "0"]);
    const all = summary("Alle Handlungsfelder");
    expect(all.slice(1, 3)).toEqual(["19", "4"]);
    expect(all.slice(4)).toEqual(["1", "2", "1"]); // M-005 3,05; M-001 2,91 and M-007 2,6; M-002 1
  });
});

describe("regenerating a round", () => {
  it("keeps scores, inputs, notes and extra columns by ID; marks removed measures entfallen; retires removed criteria", async () => {
    const { wb, ws } = await scoredWorkbook();
    const inputs = ["Empfehlung", "Begründung", "Bewertet von", "Bewertet am"];
    const r5 = rowOf(ws, "M-005");
    ws.getCell(r5, col(ws, "Empfehlung")).value = "verstetigen";
    ws.getCell(r5, col(ws, "Begründung")).value = "=läuft sehr gut"; // text that looks like a formula stays text
    ws.getCell(r5, col(ws, "Bewertet von")).value = "AG Integration";
    ws.getCell(r5, col(ws, "Bewertet am")).value = new Date(Date.UTC(2027, 2, 15));
    ws.getCell(r5, col(ws, "Umsetzungsstand")).note = "laut Sachstandsbericht";
    const extra = ws.getRow(2).cellCount + 1;
    ws.getCell(2, extra).value = "Kommentar Ausschuss";
    ws.getCell(r5, extra).value = "im Ausschuss am 20.04.";
    const before = cellsOf(ws, "M-005", [...CRITERIA, ...inputs]);
    const m2Scores = cellsOf(ws, "M-002", CRITERIA);

    // Maßnahmen: M-002 deleted (row cleared), M-007 verworfen, a new M-021 typed below the table.
    const mws = wb.getWorksheet("Maßnahmen")!;
    const mcol = (h: string) => (mws.getRow(1).values as unknown[]).indexOf(h);
    for (let c = 1; c <= mws.columnCount; c++) mws.getCell(3, c).value = null;
    mws.getCell(8, mcol("Status")).value = "verworfen";
    const last = mws.rowCount + 1;
    Object.entries({ ID: "M-021", Handlungsfeld: "HF-07", Ziel: "Z-11", Titel: "Neue Maßnahme", Status: "geplant", Frist: "31.12.2028" }).forEach(
      ([h, v]) => (mws.getCell(last, mcol(h)).value = v),
    );
    // Criteria: Nachhaltigkeit replaced by Wirkung.
    const kws = wb.getWorksheet("Bewertungskriterien")!;
    kws.getCell(6, 1).value = "Wirkung";

    const { outcome, wb: again } = await matrixOn(wb, 2027);
    expect(outcome.stats).toEqual({ added: 1, kept: 17, retired: 2 });
    const round = again.getWorksheet("Bewertung 2027")!;
    const headers = (round.getRow(2).values as unknown[]).filter(Boolean);
    expect(headers.slice(6, 11)).toEqual(["Umsetzungsstand", "Zielerreichung", "Erreichung der Zielgruppe", "Ressourceneinsatz", "Wirkung"]);
    expect(headers.slice(-2)).toEqual(["Nachhaltigkeit (entfallen)", "Kommentar Ausschuss"]);

    const after = cellsOf(round, "M-005", [...CRITERIA.slice(0, 4), "Nachhaltigkeit (entfallen)", ...inputs]);
    expect(after).toEqual(before);
    expect(typeof round.getCell(rowOf(round, "M-005"), col(round, "Begründung")).value).toBe("string");
    expect(cellsOf(round, "M-005", ["Kommentar Ausschuss", "Wirkung"])).toEqual(["im Ausschuss am 20.04.", null]);
    expect(round.getCell(rowOf(round, "M-005"), col(round, "Umsetzungsstand")).note).toBe("laut Sachstandsbericht");

    expect(cellsOf(round, "M-002", ["Status", ...CRITERIA.slice(0, 4), "Nachhaltigkeit (entfallen)"])).toEqual(["entfallen", ...m2Scores]);
    expect(cellsOf(round, "M-007", ["Status"])).toEqual(["entfallen"]);
    expect(cellsOf(round, "M-021", ["Handlungsfeld", "Maßnahme", "Status"])).toEqual(["HF-07 – Vernetzung", "Neue Maßnahme", "geplant"]);
    // ordered by Handlungsfeld, then ID
    const ids = [] as string[];
    for (let r = 3; round.getCell(r, 1).value; r++) ids.push(String(round.getCell(r, 1).value));
    expect(ids.slice(0, 3)).toEqual(["M-001", "M-002", "M-003"]);
    expect(ids.slice(-2)).toEqual(["M-017", "M-021"]);

    // A second regeneration changes nothing.
    const { wb: third } = await matrixOn(again, 2027);
    const round3 = third.getWorksheet("Bewertung 2027")!;
    for (const id of ids) expect(cellsOf(round3, id, headers as string[])).toEqual(cellsOf(round, id, headers as string[]));
  });

  it("leaves an earlier round untouched when the next round is created", async () => {
    const { wb } = await scoredWorkbook();
    const snapshot = (w: ExcelJS.Workbook) => {
      const ws = w.getWorksheet("Bewertung 2027")!;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).map((v) => plainValue(v))));
      return rows;
    };
    const before = snapshot(wb);
    const { wb: back } = await matrixOn(wb, 2029);
    expect(snapshot(back)).toEqual(before);
    expect(back.worksheets.map((w) => w.name).filter((n) => n.startsWith("Bewertung "))).toEqual(["Bewertung 2027", "Bewertung 2029"]);
  });

  it("uses the default criteria and adds them as a sheet when tblKriterien is missing", async () => {
    const wb = await reload(createTemplateWorkbook("beispiel", "2026-11-22"));
    wb.removeWorksheet(wb.getWorksheet("Bewertungskriterien")!.id);
    const { outcome, wb: back } = await matrixOn(wb, 2027);
    expect(outcome.defaultCriteria).toBe(true);
    expect(outcome.addedCriteriaSheet).toBe(true);
    expect(outcome.criteria).toEqual(CRITERIA);
    expect(new ExcelJsSource(back).tables().map((t) => t.name)).toEqual(expect.arrayContaining(["tblKriterien", "tblBewertung2027"]));
  });
});
