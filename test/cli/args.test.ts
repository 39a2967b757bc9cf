/**
 * The command line's arguments: `<befehl> --help` and `--version`, wrong options as one German sentence
 * with exit 2, and progress lines on stderr for a run that takes longer than a second (`--quiet` silences
 * them).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { COMMANDS, main } from "../../src/cli/main";
import { LARGE_FILE_BYTES } from "../../src/cli/progress";
import { TODAY, removeTempDirs, runCli, tempDir } from "../helpers/cli";

afterAll(() => removeTempDirs());

const pkg = require("../../package.json") as { version: string };

/** Runs the CLI with a clock that advances `stepMs` each time it is read. */
async function runWithClock(argv: string[], stepMs: number) {
  let out = "";
  let err = "";
  let t = 0;
  const code = await main(argv, {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    today: () => TODAY,
    now: () => (t += stepMs),
  });
  return { code, out, err };
}

describe("help and version", () => {
  test.each(Object.keys(COMMANDS))(
    "%s --help names the command, each of its options and its exit codes",
    async (name) => {
      const run = await runCli([name, "--help"]);
      expect(run.code).toBe(0);
      expect(run.err).toBe("");
      expect(run.out).toMatch(new RegExp(`^Aufruf: massnahmenplaner ${name} `));
      for (const option of Object.keys(COMMANDS[name]!.spec.options)) expect(run.out).toContain(`--${option}`);
      expect(run.out).toContain("--quiet");
      expect(run.out).toMatch(/Exit-Codes: 0 /);
      // one command's help, not the overview of all
      const others = Object.keys(COMMANDS).filter((n) => n !== name);
      for (const other of others) expect(run.out).not.toContain(`massnahmenplaner ${other} `);
    },
  );

  test("massnahmenplaner --help lists every command of the table, with its usage and what it does", async () => {
    for (const argv of [["--help"], ["-h"], ["hilfe"]]) {
      const run = await runCli(argv);
      expect(run).toMatchObject({ code: 0, err: "" });
      const listed = [...run.out.matchAll(/^ {2}(\S+) /gm)].map((m) => m[1]);
      expect(listed).toEqual(Object.keys(COMMANDS));
      for (const [name, { spec }] of Object.entries(COMMANDS)) {
        expect(run.out).toContain(`\n  ${name} ${spec.usage}\n`);
        // The summary's first words stand under the usage line.
        const words = spec.summary.split(/\s+/).slice(0, 4).join(" ");
        expect(run.out).toContain(`${spec.usage}\n        ${words}`);
      }
      expect(run.out.split("\n").every((line) => line.length <= 100)).toBe(true);
    }
    // Without a command: the same overview, exit 2.
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toBe((await runCli(["--help"])).out);
  });

  test("-h works like --help after the command, also with a file given", async () => {
    const run = await runCli(["matrix", "datei.xlsx", "-h"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("--runde");
  });

  test("--version prints the version of package.json", async () => {
    for (const flag of ["--version", "-v"]) {
      const run = await runCli([flag]);
      expect(run).toEqual({ code: 0, out: `${pkg.version}\n`, err: "" });
    }
  });
});

describe("wrong options", () => {
  test.each([
    [["check", "x.xlsx", "--farbig"], "„--farbig“"],
    [["init", "x.xlsx", "-x"], "„-x“"],
    [["merge", "a.xlsx", "b.xlsx", "--ziel", "ordner"], "„--ziel“"],
    [["init", "x.xlsx", "--force=ja"], "„--force“ steht für sich"],
    [["matrix", "x.xlsx", "--runde"], "„--runde“ braucht einen Wert"],
    [["check", "x.xlsx", "--stichtag", "--json"], "„--stichtag“ braucht einen Wert"],
    [["split", "x.xlsx", "--ziel="], "--ziel braucht einen Wert"],
  ])("%j: one German sentence naming the option, exit 2, nothing on stdout", async (argv, text) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toContain(text);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).not.toMatch(/Unknown|argument|ERR_/);
  });

  test("-o and --output are the same option", async () => {
    const dir = tempDir();
    const file = path.join(dir, "k.xlsx");
    expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
    for (const flag of ["-o", "--output"]) {
      const out = path.join(dir, `bericht${flag}.xlsx`);
      const run = await runCli(["check", file, "--json", flag, out]);
      expect(run.code).toBe(1);
      expect(fs.existsSync(out)).toBe(true);
    }
  });
});

describe("progress on stderr", () => {
  test("a run taking longer than a second names each step; stdout stays the same", async () => {
    const dir = tempDir();
    const file = path.join(dir, "k.xlsx");
    const init = await runWithClock(["init", file, "--vorlage", "beispiel"], 700);
    expect(init.code).toBe(0);
    expect(init.err).toMatch(/^\[\d+,\d s\] Schreibe „.*k\.xlsx“ …$/m);
    const out = path.join(dir, "bericht.xlsx");
    const slow = await runWithClock(["check", file, "-o", out], 1100);
    const quick = await runCli(["check", file, "-o", out]);
    expect(slow.code).toBe(1);
    expect(slow.out).toBe(quick.out);
    expect(quick.err).toBe("");
    const steps = slow.err.trim().split("\n");
    expect(steps.map((l) => l.replace(/^\[[\d,]+ s\] /, ""))).toEqual([
      `Öffne „${file}“ …`,
      "Lese die Tabellen und prüfe die Regeln …",
      `Schreibe den Prüfbericht nach „${out}“ …`,
    ]);
  });

  test("opening a file of 2 MB or more is shown at once; a quick small run prints no step", async () => {
    const dir = tempDir();
    const big = path.join(dir, "gross.xlsx");
    fs.writeFileSync(big, Buffer.alloc(LARGE_FILE_BYTES));
    const run = await runWithClock(["check", big], 1);
    expect(run.code).toBe(2);
    const [first, ...rest] = run.err.trim().split("\n");
    expect(first).toMatch(/^\[0,0 s\] Öffne „.*gross\.xlsx“ …$/);
    expect(rest).toHaveLength(1); // the one sentence about the unusable file
    const small = path.join(dir, "klein.xlsx");
    fs.writeFileSync(small, Buffer.alloc(100));
    expect((await runWithClock(["check", small], 1)).err.trim().split("\n")).toHaveLength(1);
  });

  test("--quiet and -q silence the progress lines, not the result or errors", async () => {
    const dir = tempDir();
    const file = path.join(dir, "k.xlsx");
    expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
    for (const flag of ["--quiet", "-q"]) {
      const run = await runWithClock(["matrix", file, "--runde", "2027", flag], 5000);
      expect(run.code).toBe(0);
      expect(run.err).toBe("");
      expect(run.out).toContain("Bewertung 2027");
    }
    const bad = await runWithClock(["matrix", file, "--runde", "27", "-q"], 5000);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("27");
  });
});
