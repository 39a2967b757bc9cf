/**
 * The print layout as data (src/workbook/print.ts): the scale never shrinks text below 8 pt, wide sheets
 * repeat their key columns instead, wrapped text gets the rows it needs, and the header and footer name
 * the Kommune, the concept, the sheet, the page and the Stand. The PDF test (test/libreoffice/print.test.ts)
 * checks the same on paper.
 */
import { templateContent } from "../../src/domain/templates";
import { planNewWorkbook } from "../../src/workbook/plan";
import { MIN_SCALE, printSetup, withPageInfo, wrappedLines } from "../../src/workbook/print";

const sheets = planNewWorkbook(templateContent("beispiel", "2026-11-22")).sheets;
const sheet = (name: string) => sheets.find((s) => s.name === name)!;

describe("wrappedLines", () => {
  it("wraps between words and breaks a word only when it is longer than a line", () => {
    expect(wrappedLines("kurz", 20)).toBe(1);
    expect(wrappedLines("eins zwei drei vier fünf sechs", 10)).toBe(3); // 10 characters a line
    expect(wrappedLines("eins zwei drei vier fünf sechs", 20)).toBe(2);
    expect(wrappedLines("Donaudampfschifffahrtsgesellschaft", 10)).toBe(4); // 34 characters, broken
    expect(wrappedLines("Überschrift", 10, true)).toBe(2); // bold: 8 characters a line
    expect(wrappedLines("Zeile eins\nZeile zwei", 40)).toBe(2);
  });
});

describe("printSetup", () => {
  it("prints a narrow sheet at 100 % and a wide one at the smallest readable scale, repeating its key columns", () => {
    expect(printSetup([10, 30], { headerRow: 1, keyColumns: 2 })).toMatchObject({ scale: 100, fitToWidth: false });
    expect(printSetup([10, 30], { headerRow: 1, keyColumns: 2 }).repeatColumns).toBeUndefined();
    const wide = printSetup(Array(18).fill(20), { headerRow: 1, keyColumns: 4 });
    expect(wide).toMatchObject({ scale: MIN_SCALE, fitToWidth: false, repeatColumns: { first: 1, last: 4 } });
    const between = printSetup(Array(7).fill(20), { headerRow: 1, keyColumns: 2 });
    expect(between.scale).toBeGreaterThan(MIN_SCALE);
    expect(between.scale).toBeLessThan(100);
    expect(between.repeatColumns).toBeUndefined();
  });

  it("keeps 11 pt text at 8 pt or more", () => {
    expect((11 * MIN_SCALE) / 100).toBeGreaterThanOrEqual(8);
  });
});

describe("the sheets of a new workbook", () => {
  it("Maßnahmen: A4 landscape at 75 %, header row and ID, Handlungsfeld, Ziel, Titel repeated", () => {
    expect(sheet("Maßnahmen").print).toMatchObject({
      landscape: true,
      scale: MIN_SCALE,
      repeatHeaderRow: 1,
      repeatColumns: { first: 1, last: 4 },
    });
  });

  it("wraps text in every column and gives rows with long text the height of their lines", () => {
    const m = sheet("Maßnahmen");
    expect(m.wrapColumns).toHaveLength(m.widths.length);
    const heights = new Map((m.rowHeights ?? []).map((h) => [h.row, h.height]));
    // a Beschreibung longer than its column (50 characters) needs more than one line of 15 pt
    const column = m.table!.headers.indexOf("Beschreibung");
    const long = m.table!.rows.flatMap((r, i) => (String(r[column] ?? "").length > 50 ? [i + 2] : []));
    expect(long.length).toBeGreaterThan(10);
    for (const row of long) expect(heights.get(row)).toBeGreaterThan(15);
  });

  it("widens a column to its longest header word and value word", () => {
    const m = sheet("Maßnahmen");
    const headers = m.table!.headers;
    const width = (header: string) => m.widths.find((w) => w.column === headers.indexOf(header) + 1)!.width;
    expect(width("Personal (VZÄ)")).toBeGreaterThanOrEqual("Personal".length + 3);
    expect(width("Zielgruppe")).toBeGreaterThanOrEqual("Gemeinschaftsunterkünften".length);
  });

  it("names Kommune and Konzepttitel in the header, sheet, page x of y and the printing date in the footer", () => {
    const print = sheet("Handlungsfelder").print!;
    expect(print.header).toBe("&L&11Landkreis Beispielkreis&R&11Integrationskonzept 2026–2030");
    expect(print.footer).toBe("&L&11Stand: &D&C&11&A&R&11Seite &P von &N");
  });
});

describe("withPageInfo", () => {
  it("doubles an ampersand of the Kommune (a single one is a code) and writes the Stand as a German date", () => {
    const page = withPageInfo(sheet("Ziele"), { kommune: "Stadt A & B", konzepttitel: "Konzept", stand: "2027-03-31" });
    expect(page.print!.header).toBe("&L&11Stadt A && B&R&11Konzept");
    expect(page.print!.footer).toBe("&L&11Stand: 31.03.2027&C&11&A&R&11Seite &P von &N");
  });

  it("leaves hidden sheets alone", () => {
    const listen = sheets.find((s) => s.state !== "visible")!;
    expect(withPageInfo(listen, { kommune: "X", konzepttitel: "Y" })).toBe(listen);
  });
});
