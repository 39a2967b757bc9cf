/**
 * Hostile and oversized packages (issue 9, item 5; contract "Bad input"): zip bombs end in exit 2 with one
 * German sentence while the process stays within 300 MB; a large part the program does not read is copied
 * as it is, never unpacked; a generated sheet carrying a part the program cannot keep is refused by name.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { corpusCopy, listParts } from "../helpers/corpus";
import {
  doctypeWorkbook,
  hugeImageWorkbook,
  inflatingSheetWorkbook,
  lyingSizeWorkbook,
  readZipEntries,
} from "../helpers/zipbomb";

afterAll(removeTempDirs);

const ROOT = path.resolve(__dirname, "../..");
const MB = 1024 * 1024;

/** The CLI as its own process; returns exit code, stderr and the process's peak memory. */
function cliProcess(args: string[]): { code: number; err: string; peakMB: number } {
  const script = `import("./src/cli/main.ts").then(async (mod) => {
    const m = mod.main ? mod : mod.default;
    const code = await m.main(${JSON.stringify(args)});
    process.stdout.write("\\nmaxRSS=" + process.resourceUsage().maxRSS);
    process.exitCode = code;
  });`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  const rss = /maxRSS=(\d+)$/.exec(run.stdout)?.[1];
  return { code: run.status ?? -1, err: run.stderr, peakMB: Number(rss) / 1024 };
}

/** The memory of the same process for a small, ordinary check: the baseline of Node, tsx and the modules. */
let baselineMB = 0;
beforeAll(() => {
  const dir = tempDir();
  const file = path.join(dir, "klein.xlsx");
  expect(cliProcess(["init", file, "--vorlage", "beispiel"]).code).toBe(0);
  baselineMB = cliProcess(["check", file, "--quiet"]).peakMB;
  expect(baselineMB).toBeGreaterThan(0);
});

describe("zip bombs and hostile packages: exit 2, one sentence, bounded memory", () => {
  test("a Maßnahmen sheet that would unpack to 1 GiB", async () => {
    const file = await inflatingSheetWorkbook({ dir: tempDir() });
    const run = cliProcess(["check", file]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /^Die Datei „.*massnahmen-1gib\.xlsx“ enthält einen Teil \(„xl\/worksheets\/sheet\d+\.xml“\), der entpackt größer als 200 MB wäre; so große Arbeitsmappen werden nicht geöffnet\.\n$/,
    );
    expect(run.peakMB).toBeLessThan(300);
  });

  test("a 1 GiB picture: refused before anything is unpacked, also for matrix -o (nothing written)", async () => {
    const dir = tempDir();
    const file = await hugeImageWorkbook({ dir });
    const out = path.join(dir, "out.xlsx");
    for (const args of [
      ["check", file],
      ["matrix", file, "--runde", "2027", "-o", out],
    ]) {
      const run = cliProcess(args);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/„xl\/media\/image1\.png“\), der entpackt größer als 200 MB wäre/);
      expect(run.peakMB).toBeLessThan(300);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a zip that declares 25 KB for a part that inflates to 1 GiB is stopped while inflating", async () => {
    const file = await lyingSizeWorkbook({ dir: tempDir() });
    const run = cliProcess(["check", file]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^Die Datei „.*“ ist beschädigt oder keine gültige Excel-Arbeitsmappe \(\.xlsx\)\.\n$/);
    expect(run.peakMB).toBeLessThan(300);
  });

  test("XML with a DOCTYPE is refused and its entities are never expanded", async () => {
    const file = await doctypeWorkbook({ dir: tempDir() });
    const run = await runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `Die Datei „${file}“ enthält im Teil „xl/workbook.xml“ eine DOCTYPE-Angabe, die Excel nie schreibt; sie wird aus Sicherheitsgründen nicht geöffnet.\n`,
    );
  });

  test("a large picture the program does not read is copied compressed, never unpacked", async () => {
    const dir = tempDir();
    const file = await hugeImageWorkbook({ dir, imageBytes: 150 * MB });
    const run = cliProcess(["matrix", file, "--runde", "2027", "--quiet"]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    // Unpacking 150 MB would show in the peak; copying the ~150 KB of deflated zeros does not.
    expect(run.peakMB - baselineMB).toBeLessThan(100);
    const image = readZipEntries(file).find((e) => e.name === "xl/media/image1.png")!;
    expect(image.declaredSize).toBe(150 * MB);
  });
});

describe("a generated sheet that carries a part the program cannot keep", () => {
  test("is refused naming the part; nothing is written", async () => {
    const dir = tempDir();
    const file = corpusCopy("kitchen-sink.xlsx", dir);
    // The user's pivot table sheet is called like a sheet the program generates.
    const parts = listParts(fs.readFileSync(file));
    const workbook = parts.get("xl/workbook.xml")!.toString("utf8").replace('name="Pivot"', 'name="Prüfbericht"');
    const { zipSync } = await import("fflate");
    parts.set("xl/workbook.xml", Buffer.from(workbook, "utf8"));
    fs.writeFileSync(file, zipSync(Object.fromEntries([...parts].map(([n, d]) => [n, new Uint8Array(d)]))));
    const out = path.join(dir, "bericht.xlsx");
    const run = await runCli(["check", file, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /^Das Blatt „Prüfbericht“ wird vom Programm neu erzeugt, enthält aber „xl\/pivotTables\/pivotTable\d+\.xml“, das dabei verloren ginge; es wurde nichts geschrieben\. Bitte verschieben Sie es auf ein eigenes Blatt\.\n$/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});
