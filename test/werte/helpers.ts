/** Reading a statistics file the way `werte` will: bytes → grids → table → Indikatorwerte rows. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  type GebietEintrag,
  type Indikatorwert,
  type StatisticsTable,
  type WerteOptions,
  type WerteResult,
  problemText,
  readStatisticsFile,
  toIndicatorValues,
} from "../../src/workbook/werte";
import { statisticsGrids } from "../../src/xlsx/statisticsSource";

export const FIXTURES = "/work/shared/fixtures/statistik";

export const OPTIONS: WerteOptions = {
  zuordnung: { indikator: "I-001" },
  gebiete: [],
  eigenesGebiet: "",
  alleGebiete: false,
  abgerufenAm: "2025-03-01",
};

/** The first statistics table of a file's bytes; throws with the German sentence when there is none. */
export async function tableOf(bytes: Uint8Array, name: string): Promise<StatisticsTable> {
  const { grids } = await statisticsGrids(bytes, name);
  const read = readStatisticsFile(grids, name);
  if (!read.ok) throw new Error(problemText(read.problem));
  return read.file.tables[0]!;
}

export async function fixtureTable(name: string): Promise<StatisticsTable> {
  return tableOf(new Uint8Array(await fs.readFile(path.join(FIXTURES, name))), name);
}

export function mapped(table: StatisticsTable, options: Partial<WerteOptions>): WerteResult {
  return toIndicatorValues(table, { ...OPTIONS, ...options });
}

/** The row for a key, which must exist exactly once. */
export function valueAt(
  result: WerteResult,
  key: { indikator?: string; stichtag: string; gebiet: string; gruppe: string },
): Indikatorwert {
  const hits = result.werte.filter(
    (w) =>
      (key.indikator === undefined || w.indikator === key.indikator) &&
      w.stichtag === key.stichtag &&
      w.gebiet === key.gebiet &&
      w.gruppe === key.gruppe,
  );
  if (hits.length !== 1) throw new Error(`${hits.length} Zeilen für ${JSON.stringify(key)}`);
  return hits[0]!;
}

/**
 * Every data cell is a value row or counted once in the accounting, no cell gave two value rows, and no
 * two value rows share Indikator, Stichtag, Gebiet and Gruppe.
 */
export function expectComplete(result: WerteResult, cells: number): void {
  const accounted = result.uebernahme.reduce((sum, line) => sum + line.anzahl, 0);
  expect(result.zellen).toBe(cells);
  expect(result.werte.length + accounted).toBe(cells);
  expect(new Set(result.werte.map((w) => w.zelle)).size).toBe(result.werte.length);
  expect(new Set(result.werte.map((w) => [w.indikator, w.stichtag, w.gebiet, w.gruppe].join("|"))).size).toBe(
    result.werte.length,
  );
}

export function gebiet(id: string, name: string, ebene: string, extra: Partial<GebietEintrag> = {}): GebietEintrag {
  return { id, gebiet: name, ebene, uebergeordnet: "", vergleich: "", ...extra };
}
