/**
 * The user's corrections of the guessed mapping: the `--zuordnung` JSON of `import`, read by a zod schema
 * (zod: the schema library the house uses for every JSON the program reads; its issues carry code and path,
 * which become the German sentences of ./messages.ts). Apart from mapping.ts so that zod is loaded only
 * when a mapping file is read, never when a command merely names the sheet Übernahme.
 */
import { z } from "zod";
import { columnLetter, columnNumber } from "../read";
import {
  type ColumnTarget,
  type ImportGrid,
  type ImportMapping,
  asOwnColumn,
  headerKey,
  mappingAt,
  targetKey,
  targetOf,
} from "./mapping";
import { MappingError, type MappingProblem } from "./messages";

/** `3` or `"3-4"`: the header's top and bottom row; null for anything else. */
function headerRange(value: number | string): [number, number] | null {
  const m =
    typeof value === "number"
      ? [String(value), String(value), undefined]
      : /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(value);
  const top = m ? Number(m[1]) : NaN;
  const bottom = m?.[2] ? Number(m[2]) : top;
  return Number.isInteger(top) && top >= 1 && bottom >= top && bottom <= top + 1 ? [top, bottom] : null;
}

/** The `--zuordnung` file of `import`, as zod reads it. */
const MAPPING_FILE = z.strictObject({
  kopfzeile: z
    .union([z.number(), z.string()])
    .transform((value, ctx) => headerRange(value) ?? (ctx.addIssue({ code: "custom", input: value }), z.NEVER))
    .optional(),
  spalten: z.record(z.string(), z.string()).optional(),
});

/** The problem a zod issue of MAPPING_FILE means, for the file `json`. */
function mappingProblem(issue: z.core.$ZodIssue, json: Record<string, unknown>): MappingProblem {
  const [key, column] = issue.path.map(String);
  if (issue.code === "unrecognized_keys") return { code: "EINTRAG_UNBEKANNT", eintrag: issue.keys[0] ?? "" };
  if (key === "kopfzeile") return { code: "KOPFZEILE_UNGUELTIG", wert: String(json.kopfzeile) };
  if (column === undefined) return { code: "SPALTEN_KEIN_OBJEKT" };
  return { code: "ZIEL_UNBEKANNT", spalte: column, wert: String((json.spalten as Record<string, unknown>)[column]) };
}

/** Checked in this order, so that the first sentence names the outermost problem. */
const ISSUE_ORDER = (issue: z.core.$ZodIssue) =>
  issue.code === "unrecognized_keys" ? 0 : issue.path[0] === "kopfzeile" ? 1 : issue.path.length === 1 ? 2 : 3;

/** The mapping file read by its schema; throws MappingError with the first problem. */
function readMappingFile(json: unknown): z.output<typeof MAPPING_FILE> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new MappingError({ code: "KEIN_OBJEKT" });
  const parsed = MAPPING_FILE.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = [...parsed.error.issues].sort((a, b) => ISSUE_ORDER(a) - ISSUE_ORDER(b))[0]!;
  throw new MappingError(mappingProblem(first, json as Record<string, unknown>));
}

/**
 * Applies a mapping file `{ "kopfzeile": 3, "spalten": { "B": "Titel", "Zuständigkeit": "Federführung",
 * "H": "Sachstand 2016", "J": "eigene Spalte" } }` on top of the guess: columns by letter or header, targets
 * by the contract's header, a known synonym, a period (`Ampel 2017/2018`) or `eigene Spalte`. A guessed
 * column whose field the user gave to another column stays as its own column.
 */
export function applyMappingOverrides(grid: ImportGrid, guess: ImportMapping, json: unknown): ImportMapping {
  const { kopfzeile, spalten } = readMappingFile(json);
  const base = kopfzeile === undefined ? guess : mappingAt(grid, ...kopfzeile);
  if (spalten === undefined) return base;
  const chosen = new Map<number, ColumnTarget>();
  for (const [key, value] of Object.entries(spalten)) {
    const column = /^[A-Z]{1,3}$/.test(key.trim())
      ? base.columns.find((c) => c.column === columnNumber(key.trim()))
      : base.columns.find((c) => headerKey(c.header) === headerKey(key));
    if (!column) throw new MappingError({ code: "SPALTE_FEHLT", spalte: key });
    const target = targetOf(value);
    if (!target) throw new MappingError({ code: "ZIEL_UNBEKANNT", spalte: key, wert: value });
    const key2 = targetKey(target);
    const clash = key2 ? [...chosen].find(([, t]) => targetKey(t) === key2) : undefined;
    if (clash) {
      const [erste, zweite] = [columnLetter(clash[0]), columnLetter(column.column)];
      throw new MappingError({ code: "ZIEL_DOPPELT", wert: value, erste, zweite });
    }
    chosen.set(column.column, target);
  }
  const taken = new Set([...chosen.values()].map(targetKey).filter((k) => k !== null));
  return {
    ...base,
    columns: base.columns.map((c) => {
      const own = chosen.get(c.column);
      if (own) return { column: c.column, header: c.header, target: own };
      const key = targetKey(c.target);
      if (key && taken.has(key)) {
        return asOwnColumn(c);
      }
      return c;
    }),
  };
}
