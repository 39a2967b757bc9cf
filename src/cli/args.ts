/**
 * The options of each command, parsed with Node's `util.parseArgs`, and the help text made from the same
 * description. A wrong option is one German sentence (exit 2), never Node's English message.
 */
import { parseArgs } from "node:util";
import { type IsoDate, parseGermanDate } from "../domain/dates";
import type { UserError } from "../xlsx/userError";
import { cliError } from "./messages";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** The value's placeholder in the help, e.g. `JJJJ-MM-TT`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** The arguments after the command name, e.g. `<datei.xlsx> [--json]`. */
  usage: string;
  /** What the command does, one or two lines. */
  summary: string;
  options: Record<string, OptionSpec>;
  /** What the exit codes mean for this command. */
  exit: string;
}

/** Options every command takes. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  quiet: { type: "boolean", short: "q", description: "keine Fortschrittsmeldungen auf stderr" },
  help: { type: "boolean", short: "h", description: "diese Hilfe" },
};

export interface ParsedArgs {
  positional: string[];
  /** Values of string options by name without dashes (`stichtag`, `output`). */
  options: Map<string, string>;
  /** Boolean options given (`json`, `force`, `quiet`). */
  flags: Set<string>;
}

const optionName = (spec: CommandSpec, name: string) => {
  const o = spec.options[name] ?? COMMON_OPTIONS[name];
  return o?.short ? `-${o.short}/--${name}` : `--${name}`;
};

/** Node's parse error as one German sentence, with the option it names. */
function parseError(error: unknown, spec: CommandSpec): UserError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^', ]+)/.exec(message)?.[1] ?? "";
  const befehl = spec.name;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return cliError("OPTION_UNBEKANNT", { befehl, option });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = option.replace(/^-+/, "").replace(/=.*$/, "");
      const known = spec.options[name] ?? COMMON_OPTIONS[name];
      return known?.type === "boolean"
        ? cliError("OPTION_OHNE_WERT", { befehl, option: option.replace(/=.*$/, "") })
        : cliError("OPTION_BRAUCHT_WERT", { befehl, option });
    }
    default:
      return cliError("ANGABEN_UNLESBAR", { befehl, grund: message });
  }
}

/** Parses the arguments after the command name. */
export function parseCommandArgs(argv: string[], spec: CommandSpec): ParsedArgs {
  const options = { ...COMMON_OPTIONS, ...spec.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw parseError(error, spec);
  }
  const result: ParsedArgs = { positional: parsed.positionals, options: new Map(), flags: new Set() };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "boolean") {
      if (value) result.flags.add(name);
    } else if (typeof value === "string") {
      if (value.trim() === "") throw cliError("OPTION_WERT_LEER", { option: optionName(spec, name) });
      result.options.set(name, value);
    }
  }
  return result;
}

/** The help of one command: usage, what it does, its options and exit codes. */
export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, ...COMMON_OPTIONS }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.value ? ` ${o.value}` : ""}`;
    return `  ${flag.padEnd(30)}${o.description}`;
  });
  return [
    `Aufruf: massnahmenplaner ${spec.name} ${spec.usage}`,
    "",
    spec.summary,
    "",
    "Optionen:",
    ...rows,
    "",
    `Exit-Codes: ${spec.exit}`,
    "",
  ].join("\n");
}

/** Text in lines of at most `width` characters, broken between words. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/**
 * `massnahmenplaner --help`: every command of the table with its usage and what it does, made from the same
 * specs as each command's own help, so a new command cannot be missing from it.
 */
export function overviewHelp(version: string, specs: CommandSpec[]): string {
  const commands = specs.flatMap((spec) => [
    `  ${spec.name} ${spec.usage}`,
    ...wrap(spec.summary.replace(/\s+/g, " "), 92).map((line) => `        ${line}`),
  ]);
  return [
    `Maßnahmenplaner ${version} – SMARTe Maßnahmen für Integrations- und Handlungskonzepte`,
    "",
    "Aufruf: massnahmenplaner <Befehl> [Optionen]",
    "        (im Projektordner nach npm install: npx massnahmenplaner <Befehl> [Optionen])",
    "",
    "Befehle:",
    ...commands,
    "",
    "Jeder Befehl: --help zeigt seine Optionen und Exit-Codes, -q/--quiet schaltet die",
    "Fortschrittsmeldungen auf stderr ab. massnahmenplaner --version zeigt die Version.",
    "",
    "Exit-Codes: 0 ohne Fehler, 1 Fehler in den Maßnahmen gefunden oder Konflikte beim Zusammenführen,",
    "2 Eingabe unbrauchbar. Alle Daten bleiben in der Arbeitsmappe; es wird nichts übertragen.",
    "",
  ].join("\n");
}

/** `--stichtag JJJJ-MM-TT` (or another date option) as a date; a value that is not a day is one German sentence (exit 2). */
export function referenceDateOption(text: string | undefined, what = "Der Stichtag"): IsoDate | undefined {
  if (text === undefined) return undefined;
  const parsed = parseGermanDate(text);
  if (parsed.kind !== "date" || parsed.precision !== "day") {
    throw cliError("DATUM_UNGUELTIG", { was: what, text });
  }
  return parsed.date;
}
