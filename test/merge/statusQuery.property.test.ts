/**
 * Property-based: random Sachstände and Indikatorwerte in the master and in several returns, merged over and
 * over (each time into the master the last merge produced). Whatever happens: no reported row of a return is
 * lost (it is in the master with the same values, or it has a line in `Konflikte`), no key is in the master
 * twice, history already in the master is never changed, and a merge repeated changes nothing.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/domain/dates";
import { type RowValues, comparable, displayValue } from "../../src/domain/merge";
import { referenceId } from "../../src/domain/values";
import { type LongReturn, type LongTable, appendReports, longKey } from "../../src/domain/statusQuery";
import { LONG_TABLES } from "../../src/workbook/circulation";

const DATES: CellValue[] = [
  "31.12.2025",
  "2025-12-31",
  new Date("2025-12-31T00:00:00Z"),
  2025,
  "30.06.2026",
  "2015/2016",
  "Ende",
  null,
];
const SUBJECTS = ["M-001", "m-001", "M-001 – Kita", "M-002", "M-003", ""];
const TEXTS: CellValue[] = ["Läuft.", " Läuft. ", "Verzögert.", "", null];
const STATUS: CellValue[] = ["in Umsetzung", "In Umsetzung", "umgesetzt"];

const sachstand = fc.record({
  massnahme: fc.constantFrom(...SUBJECTS),
  berichtsstichtag: fc.constantFrom(...DATES),
  status: fc.constantFrom(...STATUS),
  umsetzung: fc.constantFrom<CellValue>(null, 40, "40", 100),
  sachstand: fc.constantFrom(...TEXTS),
});
const indikatorwert = fc.record({
  indikator: fc.constantFrom("I-001", "i-001", "I-001 – Kita-Quote", "I-002", "I-003", ""),
  stichtag: fc.constantFrom(...DATES),
  wert: fc.constantFrom<CellValue>(12.5, "12,5", 13, "1.500", "", null),
  quelle: fc.constantFrom<CellValue>(null, "Statistik"),
});

const CASES = [
  { name: "Sachstände", table: LONG_TABLES.sachstaende as LongTable, row: sachstand as fc.Arbitrary<RowValues> },
  {
    name: "Indikatorwerte",
    table: LONG_TABLES.indikatorwerte as LongTable,
    row: indikatorwert as fc.Arbitrary<RowValues>,
  },
];

describe.each(CASES)("status query merge of $name (property)", ({ table, row: rowArb }) => {
  const same = (a: RowValues, b: RowValues) =>
    table.fields.every((f) => comparable(f.kind, a[f.key] ?? null) === comparable(f.kind, b[f.key] ?? null));
  const filled = (r: RowValues) => String(r[table.reportedField] ?? "").trim() !== "";
  const returnArb = fc.record({
    rows: fc.array(rowArb, { maxLength: 8 }),
    owned: fc.subarray(["m-001", "m-002", "m-003", "i-001", "i-002", "i-003"]),
  });

  it("never loses or doubles a reported row, keeps history, and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 6 }),
        fc.array(returnArb, { minLength: 1, maxLength: 3 }),
        fc.nat({ max: 3 }),
        (seed, rets, rounds) => {
          // A master whose own rows have unique keys (as a master built by merges has).
          const master: RowValues[] = [];
          const keys = new Set<string>();
          for (const r of seed) {
            const key = longKey(table, r);
            if (key && !keys.has(key)) (keys.add(key), master.push({ ...r }));
          }
          const history = master.map((r) => ({ ...r }));
          const returns: LongReturn[] = rets.map((r, i) => ({
            file: `fb${i}.xlsx`,
            rows: r.rows,
            owns: (id: string) => r.owned.includes(id.toLowerCase()),
          }));
          let current = master;
          let lastAdditions = -1;
          for (let round = 0; round <= rounds + 1; round++) {
            const outcome = appendReports(table, current, returns);
            if (round > 0) expect(outcome.additions).toEqual([]); // merging again changes nothing
            lastAdditions = outcome.additions.length;
            current = [...current, ...outcome.additions];
            // nothing reported is lost: in the master with the same values, or listed as not applied
            returns.forEach((ret) =>
              ret.rows.filter(filled).forEach((row) => {
                const key = longKey(table, row);
                const inMaster = key !== null && current.some((m) => longKey(table, m) === key && same(m, row));
                const reportedAsNotApplied = outcome.actions.some(
                  (a) =>
                    a.file === ret.file &&
                    a.notApplied &&
                    a.id === referenceId(row[table.subjectField] ?? null) &&
                    a.returnValue === displayValue(row[table.reportedField] ?? null),
                );
                expect(inMaster || reportedAsNotApplied).toBe(true);
              }),
            );
            // no key twice
            const masterKeys = current.map((m) => longKey(table, m));
            expect(new Set(masterKeys).size).toBe(masterKeys.length);
            // history unchanged
            expect(current.slice(0, history.length)).toEqual(history);
          }
          expect(lastAdditions).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
