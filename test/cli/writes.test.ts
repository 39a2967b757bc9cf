/**
 * Writes in place that cannot lose each other or the user's file: a file changed since it was read is not
 * replaced, two merges at once never drop a value silently, a read-only file stays as it is, a killed run's
 * temporary file is removed by the next run, and the file keeps its permissions.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { openWorkbook, saveWorkbookAtomically } from "../../src/xlsx/file";
import { buildMatrix } from "../../src/xlsx/concept";
import { leftoverTempFiles, loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";

afterAll(removeTempDirs);

async function beispiel(dir: string, name = "konzept.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
  return file;
}

/** A return of the first Fachbereich with one changed Zielgruppe. */
async function splitReturns(master: string, dir: string): Promise<string[]> {
  const target = path.join(dir, "verteilt");
  expect((await runCli(["split", master, "--ziel", target])).code).toBe(0);
  return fs.readdirSync(target).map((f) => path.join(target, f));
}

async function editZielgruppe(file: string, id: string, value: string): Promise<void> {
  const wb = await loadWorkbook(file);
  const ws = sheet(wb, "Maßnahmen");
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) ws.getCell(r, 6).value = value;
  await wb.xlsx.writeFile(file);
}

async function zielgruppe(file: string, id: string): Promise<unknown> {
  const ws = sheet(await loadWorkbook(file), "Maßnahmen");
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return ws.getCell(r, 6).value;
  return undefined;
}

describe("writing in place", () => {
  test("a file changed since it was read is not replaced: exit 2, the other writer's file stays", async () => {
    const dir = tempDir();
    const file = await beispiel(dir);
    const doc = await openWorkbook(file);
    await buildMatrix(doc, 2027);
    fs.utimesSync(file, new Date(), new Date()); // touched, same bytes: still the file that was read
    await saveWorkbookAtomically(doc, file);
    const saved = fs.readFileSync(file);

    const doc2 = await openWorkbook(file);
    await buildMatrix(doc2, 2029);
    expect((await runCli(["matrix", file, "--runde", "2031"])).code).toBe(0); // another writer, meanwhile
    const between = fs.readFileSync(file);
    expect(between.equals(saved)).toBe(false);
    await expect(saveWorkbookAtomically(doc2, file)).rejects.toThrow(
      `„${file}“ wurde geändert, seit es gelesen wurde (z. B. von Excel oder einem anderen Zusammenführen); es wurde nichts geschrieben. Bitte den Befehl erneut ausführen.`,
    );
    expect(fs.readFileSync(file).equals(between)).toBe(true);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });

  test("two merges into the same master at the same time never lose a value without saying so", async () => {
    const dir = tempDir();
    const master = await beispiel(dir);
    const [a, b] = await splitReturns(master, dir);
    await editZielgruppe(a!, "M-001", "Familien aus Rücklauf A");
    const idB = sheet(await loadWorkbook(b!), "Maßnahmen").getCell(2, 1).value as string;
    await editZielgruppe(b!, idB, "Familien aus Rücklauf B");
    const [ra, rb] = await Promise.all([runCli(["merge", master, a!]), runCli(["merge", master, b!])]);
    const results = [
      { run: ra, id: "M-001", value: "Familien aus Rücklauf A" },
      { run: rb, id: idB, value: "Familien aus Rücklauf B" },
    ];
    for (const { run, id, value } of results) {
      if (run.code === 0) expect(await zielgruppe(master, id)).toBe(value);
      else {
        expect(run.code).toBe(2);
        expect(run.err).toMatch(/es wurde nichts (geschrieben|geändert)/);
      }
    }
    expect(results.some((r) => r.run.code === 0)).toBe(true);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });

  test("a read-only file is not replaced (exit 2) and keeps its bytes and permissions", async () => {
    const dir = tempDir();
    const file = await beispiel(dir);
    fs.chmodSync(file, 0o444);
    const before = fs.readFileSync(file);
    const run = await runCli(["matrix", file, "--runde", "2027"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`„${file}“ ist schreibgeschützt und wird nicht ersetzt; es wurde nichts geschrieben.\n`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  test("a file keeps its permissions when it is replaced", async () => {
    const dir = tempDir();
    const file = await beispiel(dir);
    fs.chmodSync(file, 0o640);
    expect((await runCli(["matrix", file, "--runde", "2027"])).code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  test("the temporary file of a killed run is removed by the next run; one of a running process stays", async () => {
    const dir = tempDir();
    const file = await beispiel(dir);
    const dead = path.join(dir, ".konzept.xlsx.999999999.1700000000000.tmp");
    const running = path.join(dir, `.konzept.xlsx.1.1700000000000.tmp`); // pid 1 is always alive
    const otherFile = path.join(dir, ".anderes.xlsx.999999999.1700000000000.tmp");
    for (const f of [dead, running, otherFile]) fs.writeFileSync(f, "halb geschrieben");
    expect((await runCli(["matrix", file, "--runde", "2027"])).code).toBe(0);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(otherFile)).toBe(true);
  });
});
