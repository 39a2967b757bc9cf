/**
 * Property: whatever a GENESIS-like file holds (one to four header lines, a time column or the date in the
 * title, a dimension column, areas inside and outside the own area, numbers, markers, empty and unreadable
 * cells) and however its columns are assigned, every data cell ends as exactly one value row or in exactly
 * one line of Werteübernahme — counted independently of the implementation from what was generated.
 */
import fc from "fast-check";
import { parseAddress } from "../../src/workbook/read";
import { type WerteResult, toIndicatorValues } from "../../src/workbook/werte";
import { type GenesisArea, type GenesisSpec, firstDataRow, genesisCsv, prefixWidth, utf8 } from "./genesisFile";
import { OPTIONS, tableOf } from "./helpers";

/** Cell texts with what they must give: a value (wert, kennzeichen), empty, or unreadable. */
const CELLS: [string, "value" | "empty" | "unreadable", number | null, string | null][] = [
  ["123", "value", 123, null],
  ["1.234", "value", 1234, null],
  ["0,5", "value", 0.5, null],
  ["-", "value", 0, "-"],
  [".", "value", null, "."],
  ["x", "value", null, "x"],
  ["/", "value", null, "/"],
  ["...", "value", null, "..."],
  ["(5)", "value", 5, "()"],
  ["7p", "value", 7, "p"],
  ["", "empty", null, null],
  ["k.A.", "unreadable", null, null],
];
const HEADER_WORDS = [
  "Insgesamt",
  "männlich",
  "weiblich",
  "Deutsche",
  "Ausländer",
  "Bevölkerung",
  "unter 6 Jahre",
  "Anzahl",
  "%",
];
const DIMS = ["unter 3 Jahre", "3 bis unter 6 Jahre", "Insgesamt", "Tagespflege"];
const AREAS: GenesisArea[] = [
  { key: "DG", name: "Deutschland", depth: 0 },
  { key: "15", name: "Sachsen-Anhalt", depth: 1 },
  { key: "15082", name: "Anhalt-Bitterfeld", depth: 3 },
  { key: "15083", name: "Börde", depth: 3 },
  { key: "15083040", name: "Barleben", depth: 4 },
  { key: "03", name: "Niedersachsen", depth: 1 },
  { key: "031", name: "Braunschweig, Stat. Region", depth: 2 },
  { key: "03151401", name: "Boldecker Land, Samtgemeinde", depth: 4 },
  { key: "03151401002", name: "Barwedel", depth: 5 },
];
const OWN = "15083";
const KNOWN = new Set(["DG", "15"]);
const areaId = (key: string) => (key.length === 11 ? key.slice(0, 5) + key.slice(8) : key);

const fileArb = fc
  .record({
    depth: fc.integer({ min: 1, max: 4 }),
    columns: fc.integer({ min: 1, max: 5 }),
    times: fc.option(fc.uniqueArray(fc.integer({ min: 2015, max: 2024 }), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    dims: fc.option(fc.uniqueArray(fc.constantFrom(...DIMS), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    areas: fc.uniqueArray(fc.nat({ max: AREAS.length - 1 }), { minLength: 1, maxLength: AREAS.length }),
    withCode: fc.boolean(),
    alleGebiete: fc.boolean(),
    mapping: fc.option(fc.uniqueArray(fc.constantFrom(...HEADER_WORDS), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    seed: fc.array(fc.nat({ max: 1000 }), { minLength: 64, maxLength: 64 }),
  })
  .map((r) => {
    const pick = (i: number, n: number) => r.seed[i % r.seed.length]! % n;
    // Every value column has a header; the last line is never empty (GENESIS writes at least the unit).
    const header = Array.from({ length: r.depth }, (_, row) =>
      Array.from({ length: r.columns }, (_, c) => {
        const i = pick(row * 7 + c * 3, HEADER_WORDS.length + (row + 1 < r.depth ? 2 : 0));
        return HEADER_WORDS[i] ?? "";
      }),
    );
    const cellIndex = (t: number, a: number, d: number, c: number) =>
      pick(t * 31 + a * 17 + d * 13 + c * 5 + 1, CELLS.length);
    const spec: GenesisSpec = {
      ...(r.withCode ? { code: "99999-01-01-4" } : {}),
      titleLines: ["Testtabelle", r.times ? "- Stichtag 31.12. -" : "- Stichtag 31.12.2022 -"],
      header,
      ...(r.times ? { times: r.times.map(String) } : {}),
      ...(r.dims ? { dims: r.dims } : {}),
      areas: [...r.areas].sort((a, b) => a - b).map((i) => AREAS[i]!),
      cell: (t, a, d, c) => CELLS[cellIndex(t, a, d, c)]![0],
    };
    return { ...r, spec, cellIndex };
  });

type File = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** The indicator of column c as the contract assigns it, null where none or two entries name it. */
function indicatorOf(file: File, c: number): string | null {
  if (!file.mapping) return "I-1";
  const ids = new Set(
    file.mapping
      .filter((w) => file.spec.header.some((row) => row[c] === w))
      .map((w) => `I-${HEADER_WORDS.indexOf(w) % 2}`),
  );
  return ids.size === 1 ? [...ids][0]! : null;
}

function expected(file: File) {
  const { spec } = file;
  const times = spec.times?.length ?? 1;
  const dims = spec.dims?.length ?? 1;
  const columns = spec.header[0]!.length;
  const tally = { cells: 0, taken: 0, notAssigned: 0, emptyOrBad: 0, outside: new Map<string, number>() };
  // A column without any filled cell is no value column.
  const filled = Array.from({ length: columns }, (_, c) =>
    spec.areas.some((_a, a) =>
      Array.from({ length: times * dims }).some(
        (_x, i) => CELLS[file.cellIndex(Math.floor(i / dims), a, i % dims, c)]![1] !== "empty",
      ),
    ),
  );
  spec.areas.forEach((area, a) => {
    const id = areaId(area.key);
    const inside = KNOWN.has(id) || id.startsWith(OWN) || file.alleGebiete;
    for (let t = 0; t < times; t++)
      for (let d = 0; d < dims; d++)
        for (let c = 0; c < columns; c++) {
          if (!filled[c]) continue;
          tally.cells++;
          if (!inside) tally.outside.set(id, (tally.outside.get(id) ?? 0) + 1);
          else if (indicatorOf(file, c) === null) tally.notAssigned++;
          else if (CELLS[file.cellIndex(t, a, d, c)]![1] === "value") tally.taken++;
          else tally.emptyOrBad++;
        }
  });
  return tally;
}

const sum = (result: WerteResult, codes: string[]) =>
  result.uebernahme.filter((l) => codes.includes(l.grund.code)).reduce((n, l) => n + l.anzahl, 0);

/** The cells of a range `E3:E5` (one column, as cell-level lines are). */
function cellsOf(range: string): string[] {
  const [from, to = from] = range.split(":") as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to!);
  const letters = from.replace(/\d+$/, "");
  return Array.from({ length: b.row - a.row + 1 }, (_, i) => `${letters}${a.row + i}`);
}

describe("werte: completeness", () => {
  it("every data cell is one value row or in one line of Werteübernahme, nothing doubled", async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const want = expected(file);
        const bytes = utf8(genesisCsv(file.spec));
        if (want.cells === 0) {
          // Every value cell empty: no value column, so no statistics table.
          await expect(tableOf(bytes, "generiert.csv")).rejects.toThrow("keine Statistiktabelle");
          return;
        }
        const table = await tableOf(bytes, "generiert.csv");
        const options = {
          ...OPTIONS,
          zuordnung: file.mapping
            ? { spalten: Object.fromEntries(file.mapping.map((w) => [w, `I-${HEADER_WORDS.indexOf(w) % 2}`])) }
            : { indikator: "I-1" },
          gebiete: [...KNOWN].map((id) => ({ id, gebiet: id, ebene: "", uebergeordnet: "", vergleich: "ja" })),
          eigenesGebiet: OWN,
          alleGebiete: file.alleGebiete,
        };
        const result = toIndicatorValues(table, options);

        expect(result.zellen).toBe(want.cells);
        expect(result.werte.length + sum(result, ["DOPPELT"])).toBe(want.taken);
        expect(sum(result, ["SPALTE_NICHT_ZUGEORDNET", "SPALTE_MEHRDEUTIG"])).toBe(want.notAssigned);
        expect(sum(result, ["WERT_LEER", "WERT_UNLESBAR"])).toBe(want.emptyOrBad);
        const outside = result.uebernahme.filter((l) => l.grund.code === "GEBIET_AUSSERHALB");
        expect(new Map(outside.map((l) => [(l.grund as { gebiet: string }).gebiet, l.anzahl]))).toEqual(want.outside);
        expect(result.werte.length + result.uebernahme.reduce((n, l) => n + l.anzahl, 0)).toBe(want.cells);

        // One value row per Indikator, Stichtag, Gebiet and Gruppe.
        const keys = result.werte.map((w) => [w.indikator, w.stichtag, w.gebiet, w.gruppe].join("|"));
        expect(new Set(keys).size).toBe(keys.length);

        // Nothing doubled: a value cell is in no cell-level line, and no cell is in two of them.
        const seen = new Set(result.werte.map((w) => w.zelle));
        expect(seen.size).toBe(result.werte.length);
        for (const line of result.uebernahme.filter((l) =>
          ["WERT_LEER", "WERT_UNLESBAR", "DOPPELT"].includes(l.grund.code),
        )) {
          const cells = cellsOf(line.zelle);
          expect(cells).toHaveLength(line.anzahl);
          for (const cell of cells) {
            expect(seen.has(cell)).toBe(false);
            seen.add(cell);
          }
        }

        // Each value row holds what its cell says.
        const first = firstDataRow(file.spec);
        const dims = file.spec.dims?.length ?? 1;
        for (const w of result.werte) {
          const { row, column } = parseAddress(w.zelle);
          const i = row - first;
          const [t, a, d] = [
            Math.floor(i / (file.spec.areas.length * dims)),
            Math.floor(i / dims) % file.spec.areas.length,
            i % dims,
          ];
          const [, , wert, kennzeichen] = CELLS[file.cellIndex(t, a, d, column - 1 - prefixWidth(file.spec))]!;
          expect([w.wert, w.kennzeichen]).toEqual([wert, kennzeichen]);
        }

        // Pure: the same input gives the same output.
        expect(toIndicatorValues(table, options)).toEqual(result);
      }),
      { numRuns: 150 },
    );
  });
});
