/**
 * The hostile-file builders (test/helpers/zipbomb.ts) make what they claim: `unzip -l` (Info-ZIP) lists the
 * declared sizes, streaming inflation measures the real ones, and the small variants are valid contract
 * workbooks that `check` reads — so a refusal of the big ones can only come from their size or DOCTYPE.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import {
  GiB,
  doctypeWorkbook,
  hugeImageWorkbook,
  inflatedSize,
  inflatingSheetWorkbook,
  lyingSizeWorkbook,
  readZipEntries,
} from "../helpers/zipbomb";

afterAll(removeTempDirs);

const MEASURES = "xl/worksheets/sheet6.xml";

/** `unzip -l`: the uncompressed length Info-ZIP reads from the central directory, by entry name. */
function unzipList(file: string): Map<string, number> {
  const out = execFileSync("unzip", ["-l", file], { encoding: "utf8" });
  const sizes = new Map<string, number>();
  for (const line of out.split("\n")) {
    const m = /^\s*(\d+)\s+\S+\s+\S+\s+(\S.*)$/.exec(line);
    if (m && !/^-+$/.test(m[2]!)) sizes.set(m[2]!.trim(), Number(m[1]));
  }
  return sizes;
}

function unzipText(file: string, part: string): string {
  return execFileSync("unzip", ["-p", file, part], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
}

describe("zip bombs built in the test", () => {
  it("(a) a contract workbook whose Maßnahmen sheet inflates to 1 GiB, in about 1 MB", async () => {
    const file = await inflatingSheetWorkbook({ dir: tempDir() });
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    expect(unzipList(file).get(MEASURES)).toBe(GiB);
    expect(await inflatedSize(file, MEASURES)).toBe(GiB);
  });

  it("(a) small, the same construction is a valid contract workbook (whitespace and rows)", async () => {
    for (const fill of ["whitespace", "rows"] as const) {
      const file = await inflatingSheetWorkbook({ dir: tempDir(), inflatedBytes: 2 * 1024 * 1024, fill });
      expect(unzipList(file).get(MEASURES)).toBe(2 * 1024 * 1024);
      const run = await runCli(["check", file]);
      expect({ fill, code: run.code, err: run.err }).toEqual({ fill, code: 1, err: "" });
    }
  });

  it("(b) a ~1 MB contract workbook with a 1 GiB picture in xl/media", async () => {
    const file = await hugeImageWorkbook({ dir: tempDir() });
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const listed = unzipList(file);
    expect(listed.get("xl/media/image1.png")).toBe(GiB);
    expect(unzipText(file, "xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../media/image1.png"');
    expect(unzipText(file, MEASURES)).toContain('<drawing r:id="rIdBild"/>');
    const small = await hugeImageWorkbook({ dir: tempDir(), imageBytes: 1024 });
    expect((await runCli(["check", small])).code).toBe(1);
  });

  it("(c) a zip that declares ~25 KB for the Maßnahmen sheet, which inflates to 1 GiB", async () => {
    const file = await lyingSizeWorkbook({ dir: tempDir() });
    const declared = unzipList(file).get(MEASURES)!;
    expect(declared).toBeLessThan(100_000);
    expect(readZipEntries(file).find((e) => e.name === MEASURES)!.declaredSize).toBe(declared);
    expect(await inflatedSize(file, MEASURES)).toBe(GiB);
  });

  it("(d) workbook.xml with a DOCTYPE whose nested entities are used", async () => {
    const file = await doctypeWorkbook({ dir: tempDir() });
    const workbook = unzipText(file, "xl/workbook.xml");
    expect(workbook).toMatch(/^<\?xml[^>]*\?>\s*<!DOCTYPE workbook \[<!ENTITY lol0 "lol">/);
    expect(workbook).toContain('<definedName name="Lachen">"&lol9;"</definedName>');
  });
});
