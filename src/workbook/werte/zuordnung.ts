/**
 * Which indicator a value column belongs to: `--indikator ID` gives every column to one indicator; the
 * `--zuordnung` JSON `{"spalten": {"<text of a header cell>": "<Indikator-ID>"}}` gives a column to the
 * indicator whose header text stands in its header path (compared like the import's headers). In a long
 * file the row's unit counts as part of the path, so `{"Anzahl": "I-020", "Prozent": "I-021"}` splits
 * Open SDG rows by `Units`. A column named by none is not taken; one named for two indicators neither.
 */
import { z } from "zod";
import { headerKey } from "../import/mapping";
import type { StatisticsProblem, ZuordnungDetail } from "./messages";
import type { StatisticsTable } from "./table";

export type Zuordnung = { indikator: string } | { spalten: Readonly<Record<string, string>> };

export type ColumnAssignment =
  { kind: "indikator"; id: string } | { kind: "keine" } | { kind: "mehrdeutig"; ids: string[] };

/**
 * The `--zuordnung` file of the statistics, as zod reads it (the schema library the house uses for every
 * JSON the program reads): `spalten` with at least one entry, each a header text and an indicator ID.
 */
const ZUORDNUNG_FILE = z.strictObject({
  spalten: z
    .record(
      z.string().refine((kopf) => headerKey(kopf) !== ""),
      z
        .string()
        .trim()
        .refine((id) => id !== ""),
    )
    .refine((spalten) => Object.keys(spalten).length > 0),
});

/** The detail a zod issue of ZUORDNUNG_FILE means, for the file `json`. */
function zuordnungDetail(issue: z.core.$ZodIssue, json: Record<string, unknown>): ZuordnungDetail {
  if (issue.code === "unrecognized_keys") return { code: "EINTRAG_UNBEKANNT", eintrag: issue.keys[0] ?? "" };
  if (issue.path.length < 2) return { code: "SPALTEN_FEHLEN" };
  const kopf = String(issue.path[1]);
  const wert = (json.spalten as Record<string, unknown>)[kopf];
  return { code: "ZIEL_UNGUELTIG", kopf, wert: typeof wert === "string" ? wert : JSON.stringify(wert) };
}

/** Checked in this order, so that the first sentence names the outermost problem. */
const ISSUE_ORDER = (issue: z.core.$ZodIssue) => (issue.code === "unrecognized_keys" ? 0 : issue.path.length);

/** Reads the parsed JSON of a `--zuordnung` file. */
export function parseZuordnung(
  json: unknown,
): { ok: true; zuordnung: Zuordnung } | { ok: false; problem: StatisticsProblem } {
  const fail = (detail: ZuordnungDetail) => ({
    ok: false as const,
    problem: { code: "ZUORDNUNG_UNGUELTIG" as const, detail },
  });
  if (typeof json !== "object" || json === null || Array.isArray(json)) return fail({ code: "KEIN_OBJEKT" });
  const parsed = ZUORDNUNG_FILE.safeParse(json);
  if (parsed.success) return { ok: true, zuordnung: { spalten: parsed.data.spalten } };
  const first = [...parsed.error.issues].sort((a, b) => ISSUE_ORDER(a) - ISSUE_ORDER(b))[0]!;
  return fail(zuordnungDetail(first, json as Record<string, unknown>));
}

export class ColumnAssigner {
  private readonly entries = new Map<string, { texts: string[]; ids: Set<string> }>();
  private readonly memo = new Map<string, ColumnAssignment>();
  private readonly members = new Map<string, Set<number>>();
  /** Per entry key, the value columns (indexes) it matched. */
  private readonly matched = new Map<string, Set<number>>();
  private readonly keys: string[][];

  constructor(
    private readonly table: StatisticsTable,
    private readonly zuordnung: Zuordnung,
  ) {
    this.keys = table.columns.map((c) => c.path.map(headerKey));
    if ("spalten" in zuordnung) {
      for (const [text, id] of Object.entries(zuordnung.spalten)) {
        const key = headerKey(text);
        const entry = this.entries.get(key) ?? { texts: [], ids: new Set<string>() };
        entry.texts.push(text);
        entry.ids.add(id);
        this.entries.set(key, entry);
      }
    }
    const units = new Set<string | null>(table.records.map((r) => r.unit));
    if (units.size === 0) units.add(null);
    for (let j = 0; j < table.columns.length; j++) for (const unit of units) this.of(j, unit);
  }

  /** The indicator of value column j (index into table.columns) for a row of this unit. */
  of(j: number, unit: string | null): ColumnAssignment {
    const memo = `${j}\u0000${unit ?? ""}`;
    let assignment = this.memo.get(memo);
    if (!assignment) {
      assignment = this.assign(j, unit);
      this.memo.set(memo, assignment);
      if (assignment.kind === "indikator") {
        const set = this.members.get(assignment.id) ?? new Set<number>();
        set.add(j);
        this.members.set(assignment.id, set);
      }
    }
    return assignment;
  }

  private assign(j: number, unit: string | null): ColumnAssignment {
    if ("indikator" in this.zuordnung) return { kind: "indikator", id: this.zuordnung.indikator };
    const ids = new Set<string>();
    const keys = unit === null ? this.keys[j]! : [...this.keys[j]!, headerKey(unit)];
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      const columns = this.matched.get(key) ?? new Set<number>();
      columns.add(j);
      this.matched.set(key, columns);
      for (const id of entry.ids) ids.add(id);
    }
    if (ids.size === 0) return { kind: "keine" };
    if (ids.size > 1) return { kind: "mehrdeutig", ids: [...ids].sort() };
    return { kind: "indikator", id: [...ids][0]! };
  }

  /** The value columns (indexes) of an indicator, in table order. */
  columnsOf(id: string): number[] {
    return [...(this.members.get(id) ?? [])].sort((a, b) => a - b);
  }

  /**
   * The header keys that name the indicator itself (left out of its Gruppen): its entries that stand over
   * all its columns. Where several entries share out the columns (`männlich`, `weiblich`), they tell the
   * columns apart and stay in the Gruppe.
   */
  ownKeys(id: string): Set<string> {
    const out = new Set<string>();
    const members = this.columnsOf(id);
    for (const [key, entry] of this.entries) {
      const columns = this.matched.get(key);
      if (entry.ids.has(id) && columns && members.every((j) => columns.has(j))) out.add(key);
    }
    return out;
  }

  /** A column's header as shown in Werteübernahme: its filled header cells (and the row's unit) joined. */
  headerText(j: number, unit: string | null): string {
    const parts = this.table.columns[j]!.path.filter((p) => p !== "");
    if (unit !== null) parts.push(unit);
    return parts.join(" / ");
  }

  /** The `--zuordnung` texts that name no header cell of this table. */
  unusedEntries(): string[] {
    return [...this.entries].filter(([key]) => !this.matched.has(key)).flatMap(([, e]) => e.texts);
  }
}
