/**
 * Nothing of a list goes unmentioned: for lists made up of the headers and values cities use (and noise),
 * every non-empty cell's text is in the new workbook or named in Übernahme (compared case- and
 * spacing-insensitively, dates also as ISO).
 */
import fc from "fast-check";
import { type CellValue, isoFromDate } from "../../src/domain/dates";
import { textOf } from "../../src/domain/values";
import { buildImport } from "../../src/workbook/import/build";
import { type ImportGrid, guessMapping } from "../../src/workbook/import/mapping";
import { planImportWorkbook } from "../../src/workbook/import/workbook";
import { type PlanValue, type WorkbookPlan, isFormula } from "../../src/workbook/plan";

const HEADERS = [
  "Nr.",
  "lfd. Nr.",
  "Maßnahme",
  "Bezeichnung",
  "Beschreibung",
  "Handlungsfeld",
  "Ziel",
  "Zuständigkeit",
  "Partner",
  "bis wann",
  "Beginn",
  "Kosten",
  "Status",
  "Priorität",
  "Kennzahl",
  "Zielgruppe",
  "Sachstand 2013",
  "Stand 2015/16",
  "Ampel 2017/2018",
  "Förderung",
  "Stadtteil",
  "",
];
const VALUES: CellValue[] = [
  "1",
  "1",
  "2",
  "1.1",
  "Sprachkurs",
  "sprachkurs ",
  "Bildung",
  " bildung",
  "FB 50 / Jobcenter",
  "Jobcenter",
  "jobcenter",
  "VHS; Caritas",
  "Ende 2026",
  "Q3 2025",
  "laufend",
  "2020 - 2022",
  "ab 2025",
  "15.000 €",
  "nach Bedarf",
  "läuft",
  "abgeschlossen",
  "grün",
  "Blau",
  "hoch",
  "sehr hoch",
  "=SUMME(A1)",
  2000,
  0.5,
  new Date(Date.UTC(2025, 11, 31)),
  "Handlungsfeld 3: Wohnen",
  null,
  null,
  null,
];

const listArb = fc
  .record({
    title: fc.boolean(),
    headers: fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 2, maxLength: 8 }),
    rows: fc.array(fc.array(fc.constantFrom(...VALUES), { minLength: 8, maxLength: 8 }), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map(({ title, headers, rows }): ImportGrid => ({
    sheet: "Liste",
    rows: [...(title ? [["Maßnahmenplan der Stadt"]] : []), headers, ...rows.map((r) => r.slice(0, headers.length))],
    merges: [],
  }));

function texts(value: PlanValue): string[] {
  if (value === null || value === undefined || isFormula(value)) return [];
  if (value instanceof Date) return [textOf(value), isoFromDate(value)];
  return [textOf(value)];
}

function planText(plan: WorkbookPlan): string {
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    if (sheet.table) out.push(...sheet.table.headers, ...sheet.table.rows.flat().flatMap(texts));
    out.push(...sheet.cells.flatMap((c) => texts(c.value)));
  }
  return out.map(squash).join("\u0000");
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The values of the list that are neither in the workbook nor named in Übernahme. */
function missingValues(grid: ImportGrid): string[] {
  const result = buildImport(grid, guessMapping(grid));
  const all = planText(planImportWorkbook(result, {}, "liste.csv"));
  return grid.rows.flat().flatMap((v) => (textOf(v) !== "" && !all.includes(squash(textOf(v))) ? [textOf(v)] : []));
}

it("every value of a list is in the workbook or named in Übernahme", () => {
  fc.assert(
    fc.property(listArb, (grid) => {
      fc.pre(guessMapping(grid).recognised > 0);
      expect(missingValues(grid)).toEqual([]);
    }),
    { numRuns: 300 },
  );
});

it("names a period's Status word of the list's own („laufend“) that it read as a Status (found by the property above)", () => {
  const grid: ImportGrid = {
    sheet: "Liste",
    rows: [
      ["Nr.", "lfd. Nr.", "", "Status"],
      ["1", "1", "1", "2020 - 2022"],
      ["1", "1", "1", "laufend"],
    ],
    merges: [],
  };
  expect(missingValues(grid)).toEqual([]);
});
