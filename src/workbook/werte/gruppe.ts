/**
 * The Gruppe of a value (contract, `werte`): the header cells of its column that tell it apart from the
 * other columns of its indicator, then the values of the dimension columns, leaving out what means the
 * total, header rows equal over all the indicator's columns (the table's subject), units, the
 * indicator's own header text (its `--zuordnung` entry standing over all its columns) and the label of a breakdown (`Altersgruppe` above
 * `unter 3 Jahre`). Fixed order: header rows top to bottom, then dimension columns left to right; joined
 * by ` | `. Only totals left: Gruppe insgesamt ('').
 */
import { headerKey } from "../import/mapping";
import { isBreakdownLabel, isTotal, isUnit } from "./synonyms";
import type { ValueColumn } from "./table";

export const GRUPPE_SEPARATOR = " | ";

const cmp = (text: string) => text.trim().toLowerCase();

/**
 * Which header cells are labels of a breakdown, as [column][header row]. A header row is a label row where
 * the row below is filled exactly where it is, each run of equal labels has different values below it,
 * one run spans two columns or more and no value stands under two runs (GENESIS's `Altersgruppe` line);
 * a single cell is a label where it names a known breakdown (`Nationalität`) and a value stands below it.
 */
export function breakdownLabels(columns: readonly ValueColumn[]): boolean[][] {
  const depth = columns[0]?.path.length ?? 0;
  const labels = columns.map(() => new Array<boolean>(depth).fill(false));
  for (let i = 0; i + 1 < depth; i++) {
    const rowIsLabel = isLabelRow(columns, i);
    columns.forEach((c, j) => {
      const text = c.path[i]!;
      if (text === "" || c.path[i + 1] === "") return;
      if (rowIsLabel || isBreakdownLabel(text)) labels[j]![i] = true;
    });
  }
  return labels;
}

function isLabelRow(columns: readonly ValueColumn[], i: number): boolean {
  if (columns.some((c) => (c.path[i] === "") !== (c.path[i + 1] === ""))) return false;
  const runs: string[][] = [];
  let previous: string | null = null;
  for (const c of columns) {
    if (c.path[i] === "") {
      previous = null;
      continue;
    }
    const id = c.path
      .slice(0, i + 1)
      .map(cmp)
      .join("\u0000");
    if (id !== previous) runs.push([]);
    runs.at(-1)!.push(cmp(c.path[i + 1]!));
    previous = id;
  }
  if (!runs.some((r) => r.length >= 2)) return false;
  const seen = new Set<string>();
  for (const run of runs) {
    if (new Set(run).size !== run.length) return false;
    for (const value of run) {
      if (seen.has(value)) return false;
      seen.add(value);
    }
  }
  return true;
}

/**
 * The header part of the Gruppe of each of an indicator's columns (indexes into `columns`), given the
 * keys (headerKey) of its own `--zuordnung` entries.
 */
export function headerParts(
  columns: readonly ValueColumn[],
  labels: readonly boolean[][],
  members: readonly number[],
  ownKeys: ReadonlySet<string>,
): Map<number, string[]> {
  const depth = columns[0]?.path.length ?? 0;
  const varies: boolean[] = [];
  for (let i = 0; i < depth; i++) {
    const first = cmp(columns[members[0]!]?.path[i] ?? "");
    varies.push(members.some((j) => cmp(columns[j]!.path[i]!) !== first));
  }
  const parts = new Map<number, string[]>();
  for (const j of members) {
    const out: string[] = [];
    for (let i = 0; i < depth; i++) {
      const text = columns[j]!.path[i]!;
      if (!varies[i] || text === "" || labels[j]![i]) continue;
      if (isTotal(text) || isUnit(text) || ownKeys.has(headerKey(text))) continue;
      if (!out.includes(text)) out.push(text);
    }
    parts.set(j, out);
  }
  return parts;
}

/** The dimension values that belong in a Gruppe (totals and empty values left out). */
export function dimensionParts(values: readonly string[]): string[] {
  return values.filter((v) => v !== "" && !isTotal(v));
}

/** Header parts, then dimension parts; a word in both stays twice (`ledig | ledig`: the man's and the woman's). */
export function joinGruppe(header: readonly string[], dims: readonly string[]): string {
  if (dims.length === 0) return header.join(GRUPPE_SEPARATOR);
  return header.length === 0 ? dims.join(GRUPPE_SEPARATOR) : [...header, ...dims].join(GRUPPE_SEPARATOR);
}
