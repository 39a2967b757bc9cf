/**
 * Property over the command-line path: whatever a GENESIS-like file holds (header lines, a time column or
 * the date in the title, a dimension column, areas inside and outside the own Kreis, numbers, markers,
 * empty and unreadable cells), after `werte` every data cell is a new row of Indikatorwerte or counted in
 * Werteübernahme — counted from what was generated — no key is doubled, and a second run changes nothing.
 */
import fc from "fast-check";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/dates";
import type { EntityKind } from "../../src/domain/model";
import { MonitoringData } from "../../src/domain/monitoringData";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { XlsxDocument } from "../../src/xlsx/document";
import { openWorkbook, saveWorkbookAtomically } from "../../src/xlsx/file";
import { baseline } from "../helpers/concept";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { type GenesisArea, genesisCsv, utf8 } from "../werte/genesisFile";

afterAll(removeTempDirs);

const CELLS = ["123", "1.234", "0,5", "-", ".", "x", "/", "...", "(5)", "7p", "", "k.A."];
const AREAS: GenesisArea[] = [
  { key: "DG", name: "Deutschland", depth: 0 },
  { key: "15", name: "Sachsen-Anhalt", depth: 1 },
  { key: "15082", name: "Anhalt-Bitterfeld", depth: 3 },
  { key: "15083", name: "Börde", depth: 3 },
  { key: "15083040", name: "Barleben", depth: 4 },
  { key: "15083190", name: "Haldensleben", depth: 4 },
];
const HEADERS = ["Insgesamt", "männlich", "weiblich", "Deutsche", "Ausländer"];

const fileArb = fc.record({
  columns: fc.integer({ min: 1, max: 4 }),
  twoLines: fc.boolean(),
  times: fc.option(fc.uniqueArray(fc.integer({ min: 2019, max: 2024 }), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
  }),
  dims: fc.option(
    fc.uniqueArray(fc.constantFrom("unter 18 Jahre", "18 Jahre und mehr", "Insgesamt"), { minLength: 1, maxLength: 2 }),
    {
      nil: undefined,
    },
  ),
  areas: fc.uniqueArray(fc.nat({ max: AREAS.length - 1 }), { minLength: 1, maxLength: AREAS.length }),
  cells: fc.array(fc.nat({ max: CELLS.length - 1 }), { minLength: 200, maxLength: 200 }),
});

async function template(): Promise<string> {
  const rows = baseline() as Record<string, Record<string, CellValue>[]>;
  rows.einstellungen!.push({ schluessel: "Gebiet", wert: "15083" });
  rows.gebiete = [
    { id: "15083", gebiet: "Börde", ebene: "Kreis", uebergeordnet: "15" },
    { id: "15", gebiet: "Sachsen-Anhalt", ebene: "Land", vergleich: "ja" },
  ];
  rows.indikatoren!.push({ id: "I-020", indikator: "Bevölkerung", art: "Basisindikator", einheit: "Anzahl" });
  const file = path.join(tempDir("mnp-werte-prop-"), "vorlage.xlsx");
  const doc = XlsxDocument.create(file);
  doc.applyWorkbookPlan(planNewWorkbook(rows as Partial<Record<EntityKind, Record<string, CellValue>[]>>));
  await saveWorkbookAtomically(doc, file);
  return file;
}

const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("werte over the command line: completeness", () => {
  it("every data cell is a new value row or counted in Werteübernahme; a second run changes nothing", async () => {
    const vorlage = await template();
    const dir = tempDir("mnp-werte-prop-");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async (f) => {
        const header = HEADERS.slice(0, f.columns);
        const spec = {
          code: "12411-99-01-4",
          titleLines: ["Testtabelle", f.times ? "- Stichtag 31.12. -" : "- Stichtag 31.12.2022 -"],
          header: f.twoLines ? [header.map(() => "Bevölkerung"), header] : [header],
          ...(f.times ? { times: f.times.map(String) } : {}),
          ...(f.dims ? { dims: f.dims } : {}),
          areas: [...f.areas].sort((a, b) => a - b).map((i) => AREAS[i]!),
          cell: (t: number, a: number, d: number, c: number) => CELLS[f.cells[(t * 37 + a * 11 + d * 5 + c) % 200]!]!,
        };
        // Data cells: every cell of a value column that holds anything at all.
        const rows = (f.times?.length ?? 1) * spec.areas.length * (f.dims?.length ?? 1);
        const filled = header.filter((_, c) =>
          Array.from({ length: rows }).some((_x, i) => {
            const dims = f.dims?.length ?? 1;
            const perTime = spec.areas.length * dims;
            const t = Math.floor(i / perTime);
            const a = Math.floor((i % perTime) / dims);
            return spec.cell(t, a, i % dims, c) !== "";
          }),
        ).length;
        const cells = rows * filled;
        const workbook = path.join(dir, `konzept-${n}.xlsx`);
        const csv = path.join(dir, `statistik-${n++}.csv`);
        fs.copyFileSync(vorlage, workbook);
        fs.writeFileSync(csv, utf8(genesisCsv(spec)));

        const run = await runCli(["werte", workbook, csv, "--indikator", "I-020"]);
        if (cells === 0) {
          expect(run.code).toBe(2);
          return;
        }
        expect(run.code).toBe(0);
        const source = await (await openWorkbook(workbook)).source();
        const concept = readConcept(source);
        const added = concept.indikatorwerte?.rows.length ?? 0;
        const sheet = source.sheet("Werteübernahme")!;
        expect(sheet).toBeDefined();
        let accounted = 0;
        let taken = 0;
        for (let r = 6; r <= sheet.rowCount; r++) {
          const zellen = Number(sheet.value(r, 10) ?? 0);
          accounted += zellen;
          if (sheet.value(r, 3) === "übernommen") taken += zellen;
        }
        expect(accounted).toBe(cells);
        expect(taken).toBe(added);
        const data = new MonitoringData(concept);
        expect(data.values.filter((v) => !v.berechnet)).toHaveLength(added);
        expect(data.values.some((v) => v.doppelt)).toBe(false);

        const before = digest(workbook);
        const again = await runCli(["werte", workbook, csv, "--indikator", "I-020"]);
        expect(again.code).toBe(0);
        expect(digest(workbook)).toBe(before);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
