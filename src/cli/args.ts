/** A small argument parser: positional arguments, flags and options with values, German errors. */
import { type IsoDate, parseGermanDate } from "../domain/dates";
import { UserError } from "../xlsx/file";

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/**
 * `valueOptions` take a value (`--stichtag 2026-01-01`, `--stichtag=2026-01-01`, `-o x.xlsx`);
 * `flagOptions` stand alone. Anything else starting with `-` is an error.
 */
export function parseArgs(argv: string[], valueOptions: string[], flagOptions: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      parsed.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (valueOptions.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UserError(`Die Option ${name} braucht einen Wert.`);
      parsed.options.set(name, value);
    } else if (flagOptions.includes(name) && inline === undefined) {
      parsed.flags.add(name);
    } else {
      throw new UserError(`Die Option „${arg}“ ist unbekannt; „--help“ zeigt die möglichen Optionen.`);
    }
  }
  return parsed;
}

/** A date option given as a day (`2026-12-31`, `31.12.2026`); a German sentence when it is none. */
export function parseReferenceDate(text: string | undefined, what = "Der Stichtag"): IsoDate | undefined {
  if (text === undefined) return undefined;
  const parsed = parseGermanDate(text);
  if (parsed.kind !== "date" || parsed.precision !== "day") {
    throw new UserError(`${what} „${text}“ ist kein Datum; geben Sie ihn als JJJJ-MM-TT an, z. B. 2026-12-31.`);
  }
  return parsed.date;
}
