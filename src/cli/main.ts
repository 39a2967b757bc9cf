/**
 * The command line: German output, exit codes 0/1/2, and every problem with the input as one sentence,
 * never a stack trace. The command table names each command's description (specs.ts) and loads its code
 * only when it runs, so that `init` never loads the reader and only `bericht` and `vorlage` load docx (resvg only
 * `bericht`).
 */
import { type CommandSpec, commandHelp, overviewHelp, parseCommandArgs } from "./args";
import { cliError } from "./messages";
import { createProgress } from "./progress";
import { type CommandRun, type Io, processIo } from "./run";
import {
  ANSTEHEND,
  BERICHT,
  CHECK,
  EXPORT,
  FORTSCHREIBEN,
  IMPORT,
  INIT,
  INTEGRATIONSBERICHT,
  MATRIX,
  MERGE,
  SPLIT,
  UEBERSICHT,
  VORLAGE,
  WERTE,
  ZEITPLAN,
} from "./specs";
import { UserError } from "../xlsx/userError";

export type { Io, Run } from "./run";
export { processIo };

const VERSION: string = (require("../../package.json") as { version: string }).version;

/**
 * Every command with its options: `massnahmenplaner --help` lists them in this order, `massnahmenplaner
 * <befehl> --help` prints one entry. A command's code is required when it runs (CommonJS `require` through
 * `import()`), never at start.
 */
export const COMMANDS: Record<string, { spec: CommandSpec; run: CommandRun }> = {
  init: { spec: INIT, run: async (a, r) => (await import("./init")).commandInit(a, r) },
  check: { spec: CHECK, run: async (a, r) => (await import("./check")).commandCheck(a, r) },
  matrix: { spec: MATRIX, run: async (a, r) => (await import("./matrix")).commandMatrix(a, r) },
  split: { spec: SPLIT, run: async (a, r) => (await import("./circulation")).commandSplit(a, r) },
  merge: { spec: MERGE, run: async (a, r) => (await import("./circulation")).commandMerge(a, r) },
  bericht: { spec: BERICHT, run: async (a, r) => (await import("./bericht")).commandBericht(a, r) },
  integrationsbericht: {
    spec: INTEGRATIONSBERICHT,
    run: async (a, r) => (await import("./integrationsbericht")).commandIntegrationsbericht(a, r),
  },
  uebersicht: { spec: UEBERSICHT, run: async (a, r) => (await import("./uebersicht")).commandUebersicht(a, r) },
  werte: { spec: WERTE, run: async (a, r) => (await import("./werte")).commandWerte(a, r) },
  import: { spec: IMPORT, run: async (a, r) => (await import("./import")).commandImport(a, r) },
  fortschreiben: {
    spec: FORTSCHREIBEN,
    run: async (a, r) => (await import("./fortschreiben")).commandFortschreiben(a, r),
  },
  zeitplan: { spec: ZEITPLAN, run: async (a, r) => (await import("./zeitplan")).commandZeitplan(a, r) },
  vorlage: { spec: VORLAGE, run: async (a, r) => (await import("./vorlage")).commandVorlage(a, r) },
  anstehend: { spec: ANSTEHEND, run: async (a, r) => (await import("./anstehend")).commandAnstehend(a, r) },
  export: { spec: EXPORT, run: async (a, r) => (await import("./export")).commandExport(a, r) },
};

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "hilfe";

/** A user error by its `exitCode`; anything else is unexpected (exit 2), never a stack trace. */
function failure(error: unknown, io: Io): number {
  if (error instanceof UserError) {
    io.err(`${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`Unerwarteter Fehler: ${message}. Bitte melden Sie ihn mit der Datei, bei der er auftrat.\n`);
  return 2;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || isHelp(command)) {
    io.out(
      overviewHelp(
        VERSION,
        Object.values(COMMANDS).map((c) => c.spec),
      ),
    );
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(`${VERSION}\n`);
    return 0;
  }
  try {
    const entry = COMMANDS[command];
    if (!entry) throw cliError("BEFEHL_UNBEKANNT", { befehl: command });
    const args = parseCommandArgs(rest, entry.spec);
    if (args.flags.has("help")) {
      io.out(commandHelp(entry.spec));
      return 0;
    }
    const clock = io.now ?? (() => performance.now());
    const progress = createProgress((t) => io.err(t), clock, args.flags.has("quiet"));
    return await entry.run(args, { io, progress });
  } catch (error) {
    return failure(error, io);
  }
}

export function runFromProcess(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runFromProcess();
