/**
 * What the registry knows of a sheet the program writes (see ./index.ts): its name and table, whether a
 * user sees it, the planner that makes it and, where it is read back, its reader. The contract's own tables
 * are entries of src/workbook/contract.ts; the sheets here are made by commands and pane actions.
 */
import type { SheetPlan } from "../sheet-plan";

/** `veryHidden`: not even listed under „Einblenden“; for what only the program reads. */
export type SheetState = SheetPlan["state"];

/** Any function, whatever it takes (planners and readers differ in what they need). */
type AnyFunction = (...args: never[]) => unknown;

export interface GeneratedSheet<
  Plan extends AnyFunction = AnyFunction,
  Read extends AnyFunction | null = AnyFunction | null,
  Table extends string | null = string | null,
> {
  /** The sheet's name. */
  sheet: string;
  /** Its Excel table; null for a sheet of plain cells. */
  table: Table;
  state: SheetState;
  /** Makes the sheet (or the plans it is part of). */
  plan: Plan;
  /** Reads it back; null for a sheet the program only writes. */
  read: Read;
}

/** Sheets of one kind, one per member (the Bewertung of each round): named by the member. */
export interface SheetFamily<
  Plan extends AnyFunction = AnyFunction,
  Read extends AnyFunction | null = AnyFunction | null,
> {
  /** The sheet of a member, e.g. `Bewertung 2027`. */
  sheet(member: number): string;
  table(member: number): string;
  /** The member a sheet name names (compared like sheet names); null for any other name. */
  memberOf(name: string): number | null;
  state: SheetState;
  plan: Plan;
  read: Read;
}

export function generatedSheet<Plan extends AnyFunction, Read extends AnyFunction | null, Table extends string | null>(
  entry: GeneratedSheet<Plan, Read, Table>,
): GeneratedSheet<Plan, Read, Table> {
  return entry;
}

export function sheetFamily<Plan extends AnyFunction, Read extends AnyFunction | null>(
  entry: SheetFamily<Plan, Read>,
): SheetFamily<Plan, Read> {
  return entry;
}
