/**
 * Every write keeps what the program does not own (issue 9): on the corpus of Excel-authored parts, each
 * write command and the browser mode's download change only the parts they must — the sheets they generate,
 * the cells they write and the package parts those need — and every other part stays byte for byte;
 * LibreOffice still sees the charts, the pivot table and the picture; the user's protection stays.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { XlsxPackage } from "../../src/xlsx/package";
import { describeWithLibreOffice } from "../helpers/libreoffice";
import { loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";
import {
  type LibreOfficeView,
  assertPartsKept,
  corpusCopy,
  corpusFile,
  libreOfficeSees,
  listParts,
  sheetPartName,
  sheetProtection,
  sheetXml,
} from "../helpers/corpus";

afterAll(removeTempDirs);

/** Parts any write may rewrite: the package's directory of parts, the workbook and its relationships, styles. */
const PACKAGE_PARTS = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/calcChain.xml",
];

/** The parts of a sheet the program regenerates or writes cells into: the sheet, its rels, tables, notes. */
function ownParts(xlsx: Buffer, sheetName: string): string[] {
  const parts = listParts(xlsx);
  let part: string;
  try {
    part = sheetPartName(parts, sheetName);
  } catch {
    return [];
  }
  const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const out = [part, rels];
  const text = parts.get(rels)?.toString("utf8") ?? "";
  for (const m of text.matchAll(
    /Type="[^"]*\/(table|comments|vmlDrawing)"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/(table|comments|vmlDrawing)"/g,
  )) {
    const target = m[2] ?? m[3]!;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(part), target)));
  }
  return out;
}

function touched(before: Buffer, after: Buffer, sheets: string[]): (name: string) => boolean {
  const own = new Set([...PACKAGE_PARTS, ...sheets.flatMap((s) => [...ownParts(before, s), ...ownParts(after, s)])]);
  return (name) => own.has(name);
}

/** What LibreOffice must still see after a write of the kitchen sink. */
function expectSameView(after: LibreOfficeView, before: LibreOfficeView): void {
  expect(after.charts).toBe(before.charts);
  expect(after.pivotTables).toBe(before.pivotTables);
  expect(after.images).toBe(before.images);
  expect(after.protectedSheets).toEqual(expect.arrayContaining(before.protectedSheets));
}

const KITCHEN = corpusFile("kitchen-sink.xlsx");
let kitchenView: LibreOfficeView;

/** A return of the master's first Fachbereich with one value changed and one measure added. */
async function returnFor(master: string, dir: string): Promise<string> {
  const target = path.join(dir, "verteilt");
  expect((await runCli(["split", master, "--ziel", target])).code).toBe(0);
  const file = path.join(target, fs.readdirSync(target).sort()[0]!);
  const wb = await loadWorkbook(file);
  const ws = sheet(wb, "Maßnahmen");
  ws.getCell(2, 6).value = "Neu zugewanderte Familien";
  await wb.xlsx.writeFile(file);
  return file;
}

describe("writes keep every part of the workbook they do not own", () => {
  test("matrix in place: a new round adds its sheet; every other part byte for byte", async () => {
    const file = corpusCopy("kitchen-sink.xlsx", tempDir());
    const run = await runCli(["matrix", file, "--runde", "2027"]);
    expect(run.err).toBe("");
    const after = fs.readFileSync(file);
    assertPartsKept(KITCHEN, after, { changed: touched(KITCHEN, after, ["Bewertung 2027"]) });
    // The Maßnahmen sheet with its x14 dropdowns, threaded comment and extra column: not touched at all.
    expect(sheetXml(after, "Maßnahmen")).toBe(sheetXml(KITCHEN, "Maßnahmen"));
  });

  test("matrix regenerating a round the user protected keeps the protection with the same settings", async () => {
    const file = corpusCopy("kitchen-sink.xlsx", tempDir());
    expect((await runCli(["matrix", file, "--runde", "2025"])).code).toBe(0);
    const after = fs.readFileSync(file);
    assertPartsKept(KITCHEN, after, { changed: touched(KITCHEN, after, ["Bewertung 2025"]) });
    expect(sheetProtection(after, "Bewertung 2025")).toBe(sheetProtection(KITCHEN, "Bewertung 2025"));
    expect(sheetProtection(after, "Bewertung 2025")).toMatch(/formatCells="0"/);
  });

  test("check -o writes a copy with the Prüfbericht and every other part as it was", async () => {
    const dir = tempDir();
    const file = corpusCopy("kitchen-sink.xlsx", dir);
    const out = path.join(dir, "bericht.xlsx");
    expect((await runCli(["check", file, "-o", out])).code).toBe(1);
    expect(fs.readFileSync(file).equals(KITCHEN)).toBe(true);
    const after = fs.readFileSync(out);
    assertPartsKept(KITCHEN, after, { changed: touched(KITCHEN, after, ["Prüfbericht"]) });
  });

  test("merge in place writes the cells of Maßnahmen and its report sheets; the x14 dropdowns stay", async () => {
    const dir = tempDir();
    const file = corpusCopy("kitchen-sink.xlsx", dir);
    const returned = await returnFor(file, dir);
    const run = await runCli(["merge", file, returned]);
    expect(run.err).toBe("");
    const after = fs.readFileSync(file);
    assertPartsKept(KITCHEN, after, {
      changed: touched(KITCHEN, after, ["Maßnahmen", "Konflikte", "Zusammenführung", "Rücklaufprotokoll"]),
    });
    const extLst = (xml: string) => xml.slice(xml.indexOf("<extLst"));
    expect(extLst(sheetXml(after, "Maßnahmen"))).toBe(extLst(sheetXml(KITCHEN, "Maßnahmen")));
    expect(sheetXml(after, "Maßnahmen")).toContain("Neu zugewanderte Familien");
  });

  test("split files carry the master's custom document properties (the e-Akte's Aktenzeichen)", async () => {
    const dir = tempDir();
    const file = corpusCopy("kitchen-sink.xlsx", dir);
    const target = path.join(dir, "verteilt");
    expect((await runCli(["split", file, "--ziel", target])).code).toBe(0);
    const custom = listParts(KITCHEN).get("docProps/custom.xml")!;
    for (const f of fs.readdirSync(target)) {
      expect(listParts(fs.readFileSync(path.join(target, f))).get("docProps/custom.xml")).toEqual(custom);
    }
  });

  test("the browser mode's download after saving a measure keeps every other part", async () => {
    const host = await BrowserHost.open(new Uint8Array(KITCHEN).buffer, "kitchen-sink.xlsx");
    await host.writeRows([{ kind: "massnahmen", id: "M-099", values: { titel: "Neue Maßnahme", status: "geplant" } }]);
    const after = Buffer.from(await host.save());
    assertPartsKept(KITCHEN, after, { changed: touched(KITCHEN, after, ["Maßnahmen"]) });
    expect(sheetXml(after, "Maßnahmen")).toContain("Neue Maßnahme");
  });

  test("a user's chart on a generated sheet is kept when the sheet is regenerated", async () => {
    const original = corpusFile("generated-sheet-user-parts.xlsx");
    const file = corpusCopy("generated-sheet-user-parts.xlsx", tempDir());
    const run = await runCli(["matrix", file, "--runde", "2025"]);
    expect(run.err).toBe("");
    const after = fs.readFileSync(file);
    assertPartsKept(original, after, { changed: touched(original, after, ["Bewertung 2025"]) });
    expect(sheetXml(after, "Bewertung 2025")).toMatch(/<drawing r:id="rId\d+"\/>/);
    // The note the coordinator left on an empty Empfehlung cell is put back with the regenerated round.
    const notes = XlsxPackage.fromBytes(new Uint8Array(after)).notes("Bewertung 2025");
    expect(notes.get("N3")).toBe("Petra Koordination:\nEmpfehlung im Lenkungskreis noch offen.");
  });
});

describeWithLibreOffice("LibreOffice after each write", () => {
  beforeAll(async () => {
    kitchenView = await libreOfficeSees(KITCHEN);
    expect(kitchenView.charts).toBeGreaterThanOrEqual(3);
    expect(kitchenView.pivotTables).toBe(1);
  });

  test("sees the charts, the pivot table, the picture and the protection after matrix and merge", async () => {
    const dir = tempDir();
    const file = corpusCopy("kitchen-sink.xlsx", dir);
    expect((await runCli(["matrix", file, "--runde", "2025"])).code).toBe(0);
    expect((await runCli(["merge", file, await returnFor(file, dir)])).code).toBeLessThan(2);
    const view = await libreOfficeSees(file);
    expectSameView(view, kitchenView);
    expect(view.sheets).toEqual(expect.arrayContaining(["Bewertung 2025", "Konflikte", "Zusammenführung"]));
  });

  test("sees the user's chart on a regenerated generated sheet", async () => {
    const file = corpusCopy("generated-sheet-user-parts.xlsx", tempDir());
    const before = await libreOfficeSees(file);
    expect((await runCli(["matrix", file, "--runde", "2025"])).code).toBe(0);
    expect((await libreOfficeSees(file)).charts).toBe(before.charts);
  });
});
