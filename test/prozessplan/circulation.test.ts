/**
 * The Prozessplan is the coordinator's: `split` does not send it to the Fachbereiche, `merge` leaves it as it
 * is, and `fortschreiben` begins the next period's plan from the template's thirteen steps (undated,
 * `geplant`), listing the old steps — and those of earlier periods — on the sheet Vorperiode.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { templateSteps } from "../../src/domain/templates/prozessplan";
import { readConcept } from "../../src/workbook/read";
import { openWorkbook } from "../../src/xlsx/file";
import { loadWorkbook, removeTempDirs, rowWhere, runCli, setRow, sheet, tempDir } from "../helpers/cli";
import { ooxmlProblems } from "../helpers/ooxml";
import { writeBeispiel } from "../helpers/prozessplan";

afterAll(removeTempDirs);

const stepsOf = async (file: string) => {
  const concept = readConcept(await (await openWorkbook(file)).source());
  return (concept.prozessplan?.rows ?? []).map((r) => r.values);
};

describe("split and merge", () => {
  it("send no Prozessplan to the Fachbereiche and leave the master's as it is", async () => {
    const dir = tempDir("mnp-prozess-");
    const master = path.join(dir, "konzept.xlsx");
    writeBeispiel(master);
    expect((await runCli(["zeitplan", master])).code).toBe(0);
    const before = await stepsOf(master);
    expect((await runCli(["split", master, "--ziel", path.join(dir, "verteilt")])).code).toBe(0);
    const files = fs.readdirSync(path.join(dir, "verteilt")).filter((f) => f.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const names = (await loadWorkbook(path.join(dir, "verteilt", f))).worksheets.map((w) => w.name);
      expect({ f, names }).toEqual({ f, names: expect.not.arrayContaining(["Prozessplan", "Zeitplan"]) });
    }
    // A return with a changed measure, merged: the measure changes, the Prozessplan does not.
    const returned = path.join(dir, "verteilt", files[0]!);
    const wb = await loadWorkbook(returned);
    const measures = sheet(wb, "Maßnahmen");
    const id = measures.getCell(2, 1).text;
    setRow(measures, rowWhere(measures, "ID", id), { Bemerkung: "Im Rücklauf ergänzt." });
    await wb.xlsx.writeFile(returned);
    const merged = await runCli(["merge", master, returned]);
    expect(merged.code).toBe(0);
    expect(await stepsOf(master)).toEqual(before);
    expect(ooxmlProblems(master)).toEqual([]);
  });
});

describe("fortschreiben", () => {
  it("begins the new period from the template's steps and lists the old ones on Vorperiode", async () => {
    const dir = tempDir("mnp-prozess-");
    const alt = path.join(dir, "alt.xlsx");
    writeBeispiel(alt);
    expect((await runCli(["zeitplan", alt])).code).toBe(0);
    const original = fs.readFileSync(alt);
    const neu = path.join(dir, "neu.xlsx");
    const run = await runCli(["fortschreiben", alt, "--laufzeit", "2031-2035", "-o", neu]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      "Prozessplan: 13 Schritte der Vorlage, noch ohne Termine; die 23 Schritte der Vorperiode stehen im Blatt „Vorperiode“.",
    );
    expect(fs.readFileSync(alt).equals(original)).toBe(true);
    expect(ooxmlProblems(neu)).toEqual([]);

    const steps = await stepsOf(neu);
    const template = templateSteps();
    expect(steps.map((s) => [s["id"], s["schritt"], s["status"], s["termin"] ?? null])).toEqual(
      template.map((t) => [t["id"], t["schritt"], "geplant", null]),
    );
    expect(steps.filter((s) => s["gremium"]).map((s) => s["gremium"])).toEqual([
      "Integrationsbeirat",
      "Fachausschuss",
      "Rat bzw. Kreistag",
      "Fachausschuss",
    ]);

    const wb = await loadWorkbook(neu);
    const vorperiode = sheet(wb, "Vorperiode");
    const listed = vorperiodeSteps(vorperiode);
    expect(listed).toHaveLength(23);
    expect(listed[0]).toEqual(expect.arrayContaining(["P-01", "erledigt", "31.05.2024", "2026–2030"]));
    expect(listed.find((r) => r[0] === "P-14")).toEqual(
      expect.arrayContaining([
        "Kreistag",
        "Beschluss",
        "Maßnahmenkonzept",
        "2025/131",
        "Mit großer Mehrheit beschlossen.",
      ]),
    );
    // The Zeitplan of the old plan is made anew for the new one.
    const zeitplan = sheet(wb, "Zeitplan");
    expect(zeitplan.getCell(6, 1).text).toBe("P-01");
    expect(zeitplan.getCell(19, 1).text).toBe("");

    // One more period: the new steps are listed, and those of the period before still are.
    const next = path.join(dir, "naechste.xlsx");
    expect((await runCli(["fortschreiben", neu, "--laufzeit", "2036-2040", "-o", next])).code).toBe(0);
    const again = vorperiodeSteps(sheet(await loadWorkbook(next), "Vorperiode"));
    expect(again).toHaveLength(13 + 23);
    expect(again.slice(0, 13).every((r) => r.includes("2031–2035"))).toBe(true);
    expect(again.slice(13).every((r) => r.includes("2026–2030"))).toBe(true);
    expect(ooxmlProblems(next)).toEqual([]);
  });

  it("gives an older workbook without Prozessplan the template's steps", async () => {
    const dir = tempDir("mnp-prozess-");
    const alt = path.join(dir, "alt.xlsx");
    writeBeispiel(alt);
    const wb = await loadWorkbook(alt);
    wb.removeWorksheet(sheet(wb, "Prozessplan").id);
    await wb.xlsx.writeFile(alt);
    const inherited = ooxmlProblems(alt).map((p) => p.replace("alt.xlsx", "neu.xlsx"));
    const neu = path.join(dir, "neu.xlsx");
    const run = await runCli(["fortschreiben", alt, "--laufzeit", "2031-2035", "-o", neu]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Prozessplan: 13 Schritte der Vorlage, noch ohne Termine.\n");
    expect((await stepsOf(neu)).map((s) => s["id"])).toEqual(templateSteps().map((t) => t["id"]));
    // exceljs, which removed the sheet here, leaves a theme out; the Fortschreibung adds no problem of its own.
    expect(ooxmlProblems(neu)).toEqual(inherited);
  });
});

/** The rows of the block „Prozessplan der Vorperiode“ as text, in the order of its columns. */
function vorperiodeSteps(ws: ReturnType<typeof sheet>): string[][] {
  let title = 0;
  for (let r = 1; r <= ws.rowCount && !title; r++)
    if (ws.getCell(r, 1).text === "Prozessplan der Vorperiode") title = r;
  expect(title).toBeGreaterThan(0);
  expect(ws.getCell(title + 1, 1).text).toBe("ID");
  const rows: string[][] = [];
  for (let r = title + 2; ws.getCell(r, 1).text !== ""; r++) {
    rows.push(Array.from({ length: 12 }, (_, c) => ws.getCell(r, c + 1).text));
  }
  return rows;
}
