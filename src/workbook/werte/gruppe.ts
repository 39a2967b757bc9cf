/**
 * The Gruppe of a value (contract, `werte`): the header cells of its column that tell it apart from the
 * other columns, then the values of the dimension columns, leaving out what means the total, header rows
 * equal over all value columns (the table's subject), units, the label of a breakdown (`Altersgruppe`
 * above `unter 3 Jahre`) and the indicator's own header text: the `--zuordnung` entry that stands over
 * all its columns, with the cells above it that its columns share (`Betreute Kinder` above the entry
 * `unter 3 Jahre`). Fixed order: header rows top to bottom, then dimension columns left to right, joined
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

/** Per header row, whether its cells differ over these columns. */
function differing(columns: readonly ValueColumn[], members: readonly number[], depth: number): boolean[] {
  return Array.from({ length: depth }, (_, i) => {
    const first = cmp(columns[members[0]!]?.path[i] ?? "");
    return members.some((j) => cmp(columns[j]!.path[i]!) !== first);
  });
}

/**
 * The header part of the Gruppe of each of an indicator's columns (`members`, indexes into `columns`),
 * given the keys (headerKey) of the `--zuordnung` entries that name the indicator itself.
 */
export function headerParts(
  columns: readonly ValueColumn[],
  labels: readonly boolean[][],
  members: readonly number[],
  ownKeys: ReadonlySet<string>,
): Map<number, string[]> {
  const depth = columns[0]?.path.length ?? 0;
  const inTable = differing(
    columns,
    columns.map((_, j) => j),
    depth,
  );
  const inIndicator = differing(columns, members, depth);
  const parts = new Map<number, string[]>();
  for (const j of members) {
    const path = columns[j]!.path;
    let own = -1;
    for (let i = 0; i < depth; i++) if (ownKeys.has(headerKey(path[i]!))) own = i;
    const out: string[] = [];
    for (let i = 0; i < depth; i++) {
      const text = path[i]!;
      if (!inTable[i] || text === "" || labels[j]![i] || isTotal(text) || isUnit(text)) continue;
      if (i === own || (i < own && !inIndicator[i])) continue;
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
