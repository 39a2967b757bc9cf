/**
 * `zeitplan`: the sheet Zeitplan as the program writes it — months from the earliest to the latest date (at most
 * 60, the latest kept), formulas Excel 2021 and LibreOffice both compute, A4 across with the step columns and
 * the rows above the months repeated, every other sheet kept; a workbook without steps is one sentence, exit 2.
 * (That the formulas follow a changed date is proven in test/libreoffice/zeitplan.test.ts.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Prozessschritt } from "../../src/domain/prozessplan";
import { MAX_MONTHS, zeitplanMonths } from "../../src/workbook/sheets/zeitplan";
import { loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";
import { ooxmlProblems } from "../helpers/ooxml";
import { writeBeispiel } from "../helpers/prozessplan";
import { PROZESSPLAN as BEISPIEL_PROZESSPLAN } from "../../src/domain/templates/beispiel";

afterAll(() => removeTempDirs());

const step = (beginn: string | null, termin: string | null): Prozessschritt => ({ beginn, termin }) as Prozessschritt;

describe("the months of the Zeitplan", () => {
  it("run from the earliest Beginn or Termin to the latest Termin", () => {
    expect(zeitplanMonths([step("2026-03-01", "2026-05-31"), step(null, "2027-01-15")], "2026-11-22")).toEqual({
      first: 2026 * 12 + 2,
      last: 2027 * 12,
      cut: 0,
      undated: false,
    });
  });

  it("are at most 60, the latest kept", () => {
    const months = zeitplanMonths([step("2020-01-01", "2020-02-01"), step(null, "2027-12-31")], "2026-11-22");
    expect(months.last - months.first + 1).toBe(MAX_MONTHS);
    expect(months.last).toBe(2027 * 12 + 11);
    expect(months.cut).toBe(2027 * 12 + 11 - MAX_MONTHS + 1 - 2020 * 12);
  });

  it("are a year from the current month while no step has a date", () => {
    expect(zeitplanMonths([step(null, null)], "2026-11-22")).toEqual({
      first: 2026 * 12 + 10,
      last: 2027 * 12 + 9,
      cut: 0,
      undated: true,
    });
  });
});

describe("zeitplan", () => {
  it("writes the sheet with formulas over the Prozessplan, printed A4 across, keeping the rest", async () => {
    const dir = tempDir("mnp-zeitplan-");
    const file = path.join(dir, "beispiel.xlsx");
    writeBeispiel(file);
    const original = fs.readFileSync(file);
    const out = path.join(dir, "mit-zeitplan.xlsx");
    const run = await runCli(["zeitplan", file, "-o", out]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toBe(
      "Blatt „Zeitplan“ in „" + out + "“ erzeugt: 23 Schritte, 48 Monate von April 2024 bis März 2028.\n",
    );
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    expect(ooxmlProblems(out)).toEqual([]);

    const wb = await loadWorkbook(out);
    const before = await loadWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), "Zeitplan"]);
    const z = sheet(wb, "Zeitplan");
    const headers = [1, 2, 3, 4, 5, 6, 7].map((c) => z.getCell(5, c).text);
    expect(headers).toEqual(["ID", "Phase", "Schritt", "Gremium", "Beginn", "Termin", "Status"]);
    expect(z.getCell(6, 1).value).toBe("P-01");
    const formulas: string[] = [];
    z.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.length).toBeGreaterThan(23 * 48);
    for (const f of formulas) expect(f).not.toMatch(/XLOOKUP|LET\(|LAMBDA|FILTER\(|SEQUENCE|_xlfn/);
    // Each step's cells come from tblProzessplan by the step's ID.
    expect(z.getCell(6, 3).formula).toBe(`IFERROR(INDEX('Prozessplan'!$C:$C,MATCH($A6,'Prozessplan'!$A:$A,0))&"","")`);
    expect(z.getCell(6, 8).formula).toContain("◆");
    expect(z.getCell(5, 8).numFmt).toBe("[$-407]mmm");
    expect(z.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    expect(z.pageSetup.printTitlesRow).toBe("3:5");
    expect(z.pageSetup.printTitlesColumn).toBe("A:G");
    expect(z.views[0]).toMatchObject({ state: "frozen", xSplit: 7, ySplit: 5 });
  });

  it("regenerated, replaces its sheet and nothing else", async () => {
    const dir = tempDir("mnp-zeitplan-");
    const file = path.join(dir, "beispiel.xlsx");
    writeBeispiel(file);
    expect((await runCli(["zeitplan", file])).code).toBe(0);
    const once = (await loadWorkbook(file)).worksheets.map((w) => w.name);
    expect((await runCli(["zeitplan", file])).code).toBe(0);
    expect((await loadWorkbook(file)).worksheets.map((w) => w.name)).toEqual(once);
    expect(ooxmlProblems(file)).toEqual([]);
  });

  it("keeps the date it read from a text Termin, and says so", async () => {
    const dir = tempDir("mnp-zeitplan-");
    const file = path.join(dir, "text.xlsx");
    const plan = BEISPIEL_PROZESSPLAN.slice(0, 3).map((r) => ({ ...r }));
    plan[1]!["termin"] = "08/2024";
    writeBeispiel(file, plan);
    // planNewWorkbook writes ISO text as a date; `08/2024` stays text.
    const run = await runCli(["zeitplan", file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Bei P-02 steht ein Datum als Text");
    const z = sheet(await loadWorkbook(file), "Zeitplan");
    expect(z.getCell(7, 6).formula).toContain("DATE(2024,8,31)");
  });

  it("of a new workbook: the template's thirteen undated steps over the twelve months from today", async () => {
    const file = path.join(tempDir("mnp-zeitplan-"), "neu.xlsx");
    expect((await runCli(["init", file, "--vorlage", "laatzen"])).code).toBe(0);
    const run = await runCli(["zeitplan", file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("13 Schritte, 12 Monate");
    expect(run.out).toContain("Noch kein Schritt hat ein Datum");
    expect(ooxmlProblems(file)).toEqual([]);
  });

  it("without a Prozessplan or without steps: one sentence, exit 2, the file unchanged", async () => {
    const dir = tempDir("mnp-zeitplan-");
    const file = path.join(dir, "ohne.xlsx");
    writeBeispiel(file, []);
    const original = fs.readFileSync(file);
    const run = await runCli(["zeitplan", file]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^Im Blatt „Prozessplan“ in „.*ohne\.xlsx“ steht noch kein Schritt mit ID; .*\.\n$/);
    expect(fs.readFileSync(file).equals(original)).toBe(true);
  });
});
