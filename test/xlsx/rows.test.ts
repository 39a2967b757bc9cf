/**
 * Deleting rows of a user's sheet in the package (the Fortschreibung drops measures that are not carried):
 * the rows below move up with their notes and threaded comments, the table ends higher, every other part
 * of the workbook stays byte for byte.
 */
import { XlsxPackage } from "../../src/xlsx/package";
import { XlsxDocument } from "../../src/xlsx/document";
import { assertPartsKept, corpusFile, listParts, sheetPartName } from "../helpers/corpus";
import { toExcelJs } from "../helpers/xlsx";

const KITCHEN = corpusFile("kitchen-sink.xlsx");

async function measures(bytes: Uint8Array): Promise<{ ids: string[]; area: string; notes: Map<string, string> }> {
  const doc = await XlsxDocument.open(bytes, "x.xlsx");
  const source = await doc.source();
  const ws = (await toExcelJs(doc)).getWorksheet("Maßnahmen")!;
  const ids: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value) ids.push(String(ws.getCell(r, 1).value));
  const table = source.tables().find((t) => t.name === "tblMassnahmen")!;
  return { ids, area: `${table.area.top}:${table.area.bottom}`, notes: doc.pkg.notes("Maßnahmen") };
}

describe("deleting rows", () => {
  test("moves the rows below up with their notes and threaded comments; the table ends higher", async () => {
    const before = await measures(new Uint8Array(KITCHEN));
    expect(before.ids.slice(0, 3)).toEqual(["M-001", "M-002", "M-003"]);
    expect(before.area).toBe("1:21");
    expect(before.notes.has("S2")).toBe(true); // on M-001's row
    expect(before.notes.has("H3")).toBe(true); // the threaded comment's note on M-002's row

    const pkg = XlsxPackage.fromBytes(new Uint8Array(KITCHEN));
    pkg.deleteRows("Maßnahmen", [2, 5], ["Listen"]); // M-001 and M-004; the lists read rows by position
    const out = pkg.toBytes();
    const after = await measures(out);
    expect(after.ids).toEqual(before.ids.filter((id) => id !== "M-001" && id !== "M-004"));
    expect(after.area).toBe("1:19");
    expect(after.notes.has("S2")).toBe(false); // deleted with M-001
    expect(after.notes.get("H2")).toBe(before.notes.get("H3")); // moved up with M-002
    const threads = listParts(Buffer.from(out)).get("xl/threadedComments/threadedComment1.xml")!.toString("utf8");
    expect(threads).toMatch(/<threadedComment ref="H2"/);
    expect(threads).not.toMatch(/ref="H3"/);

    const measuresPart = sheetPartName(KITCHEN, "Maßnahmen");
    const touched = new Set([
      measuresPart,
      "xl/workbook.xml",
      "xl/calcChain.xml",
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
    ]);
    assertPartsKept(KITCHEN, Buffer.from(out), {
      changed: (name) => touched.has(name) || /^xl\/(tables|comments|threadedComments|drawings\/vmlDrawing)/.test(name),
    });
  });
});
