/**
 * The package layer's reader (src/xlsx/source.ts on sheetReader.ts and xmlScanner.ts): every cell value
 * as exceljs gave it to the domain before — numbers, shared and inline strings, rich text, booleans, errors,
 * cached formula results, dates by built-in and custom formats (also in the 1904 system) —, merged areas,
 * the row and column counts; hostile parts refused; parts no reader asks for never inflated.
 */
import { zipSync } from "fflate";
import { LISTEN_SHEET } from "../../src/workbook/sheets/listen";
import { checkWorkbook, createTemplateWorkbook } from "../../src/xlsx/concept";
import { XlsxDocument } from "../../src/xlsx/document";
import { NODE_ZLIB } from "../../src/xlsx/file";
import { XlsxPackage } from "../../src/xlsx/package";
import { UserError } from "../../src/xlsx/userError";
import { lyingSizeWorkbook } from "../helpers/zipbomb";
import { removeTempDirs, tempDir } from "../helpers/cli";
import * as fs from "node:fs";

afterAll(removeTempDirs);

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Parts {
  /** The worksheet's XML between `<sheetData>` and `</sheetData>`. */
  rows: string;
  /** Worksheet XML after sheetData (mergeCells, hyperlinks). */
  after?: string;
  sharedStrings?: string[];
  /** `<numFmts>` children and the number formats of cellXfs 1, 2, … */
  numFmts?: string;
  xfs?: number[];
  date1904?: boolean;
  /** More parts (name → text or bytes), e.g. one no reader asks for. */
  extra?: Record<string, string | Uint8Array>;
  /** A second worksheet (its sheetData) named „Zwei“. */
  second?: string;
}

/** A minimal workbook package, as Excel lays it out, with one worksheet „Eins“ (and maybe „Zwei“). */
function workbook(p: Parts): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const sheets = [`<sheet name="Eins" sheetId="1" r:id="rId1"/>`];
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (p.second !== undefined) {
    sheets.push(`<sheet name="Zwei" sheetId="2" state="hidden" r:id="rId4"/>`);
    rels.push(`<Relationship Id="rId4" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>`);
  }
  rels.push(`<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`);
  if (p.sharedStrings) rels.push(`<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  const xfs = [0, ...(p.xfs ?? [])].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": enc(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ),
    "_rels/.rels": enc(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": enc(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><workbookPr${p.date1904 ? ' date1904="1"' : ""}/><sheets>${sheets.join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": enc(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
    ),
    "xl/styles.xml": enc(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${p.numFmts ? `<numFmts>${p.numFmts}</numFmts>` : ""}` +
        `<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
        `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": enc(
      `<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet ${NS}><sheetData>${p.rows}</sheetData>${p.after ?? ""}</worksheet>`,
    ),
  };
  if (p.second !== undefined)
    files["xl/worksheets/sheet2.xml"] = enc(`<worksheet ${NS}><sheetData>${p.second}</sheetData></worksheet>`);
  if (p.sharedStrings)
    files["xl/sharedStrings.xml"] = enc(`<sst ${NS}>${p.sharedStrings.map((s) => `<si>${s}</si>`).join("")}</sst>`);
  for (const [name, data] of Object.entries(p.extra ?? {})) files[name] = typeof data === "string" ? enc(data) : data;
  return zipSync(files);
}

async function grid(p: Parts) {
  const doc = await XlsxDocument.open(workbook(p), "test.xlsx");
  const source = await doc.source();
  return { doc, source, grid: source.sheet("Eins")! };
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("cell values", () => {
  test("numbers, shared and inline strings, rich text, booleans and errors", async () => {
    const { grid: g } = await grid({
      sharedStrings: [
        "<t>geteilt</t>",
        '<r><rPr><b/></rPr><t>fett </t></r><r><t xml:space="preserve">und normal</t></r>',
        "<t>Zeile_x000D_\nzwei &amp; &lt;mehr&gt; &#8364;</t>",
        '<t>Kanji</t><rPh sb="0" eb="1"><t>かんじ</t></rPh>',
      ],
      rows:
        '<row r="1"><c r="A1"><v>42</v></c><c r="B1"><v>-1.5E-3</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>inline &quot;Text&quot;</t></is></c>' +
        '<c r="B2" t="inlineStr"><is><r><t>reich</t></r><r><rPr><i/></rPr><t xml:space="preserve"> formatiert</t></r></is></c>' +
        '<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="C3" t="str"><v>Text &amp; mehr</v></c></row>',
    });
    expect([1, 2, 3, 4].map((c) => g.value(1, c))).toEqual([42, -0.0015, "geteilt", "fett und normal"]);
    expect([1, 2, 3, 4, 5].map((c) => g.value(2, c))).toEqual([
      'inline "Text"',
      "reich formatiert",
      true,
      false,
      "#DIV/0!",
    ]);
    expect(g.value(3, 1)).toBe("Zeile\r\nzwei & <mehr> €");
    expect(g.value(3, 2)).toBe("Kanji");
    expect(g.value(3, 3)).toBe("Text & mehr");
    expect(g.value(9, 9)).toBeNull();
  });

  test("formulas give their cached result, typed as the cell says; without one, null", async () => {
    const { grid: g } = await grid({
      xfs: [14],
      rows:
        '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
        '<c r="C1" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="E1" s="1"><f>DATE(2026,11,22)</f><v>46348</v></c><c r="F1"><f>A1*2</f></c>' +
        '<c r="G1"><f t="shared" ref="G1:G2" si="0">A1</f><v>2</v></c></row>' +
        '<row r="2"><c r="G2"><f t="shared" si="0"/><v>0</v></c><c r="H2"><f t="shared" si="0"/></c></row>',
    });
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => g.value(1, c))).toEqual([
      2,
      "ab",
      true,
      "#DIV/0!",
      utc("2026-11-22"),
      null,
      2,
    ]);
    expect(g.value(2, 7)).toBe(0);
    expect(g.value(2, 8)).toBeNull();
    // A formula without result is a cell with a value for the counts, as in exceljs.
    expect(g.columnCount).toBe(8);
  });

  test("dates by the built-in formats and by custom formats with date tokens outside quotes and brackets", async () => {
    const custom = [
      [164, "dd.mm.yyyy"],
      [165, "[$-407]mmmm\\ yyyy;@"],
      [166, '0.00 "Tage"'],
      [167, "[Red]#,##0;[Blue]-#,##0"],
      [168, '#,##0.00\\ "€"'],
      [169, "hh:mm"],
      [170, "0\\h"],
      [171, "_-* #,##0 _€_-"],
      [14, "General"],
    ] as const;
    const numFmts = custom
      .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, "&quot;")}"/>`)
      .join("");
    const ids = [14, 22, 27, 36, 45, 47, 50, 58, 1, 2, 49, 164, 165, 166, 167, 168, 169, 170, 171];
    const serial = 46348; // 2026-11-22
    const { grid: g } = await grid({
      numFmts: numFmts.replace('<numFmt numFmtId="14" formatCode="General"/>', ""),
      xfs: ids,
      rows: `<row r="1">${ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>${serial}</v></c>`).join("")}</row>`,
    });
    const dates = new Set([14, 22, 27, 36, 45, 47, 50, 58, 164, 165, 169]);
    ids.forEach((id, i) =>
      expect({ id, value: g.value(1, i + 1) }).toEqual({ id, value: dates.has(id) ? utc("2026-11-22") : serial }),
    );
  });

  test("a custom format overriding a built-in id decides, and a time of day keeps its fraction", async () => {
    const { grid: g } = await grid({
      numFmts: '<numFmt numFmtId="14" formatCode="0.00"/>',
      xfs: [14, 22],
      rows: '<row r="1"><c r="A1" s="1"><v>46348</v></c><c r="B1" s="2"><v>46348.75</v></c><c r="C1"><v>46348</v></c></row>',
    });
    expect(g.value(1, 1)).toBe(46348);
    expect(g.value(1, 2)).toEqual(new Date("2026-11-22T18:00:00Z"));
    expect(g.value(1, 3)).toBe(46348);
  });

  test("the 1904 date system", async () => {
    const { grid: g } = await grid({
      date1904: true,
      xfs: [14],
      rows: '<row r="1"><c r="A1" s="1"><v>44886</v></c></row>',
    });
    expect(g.value(1, 1)).toEqual(utc("2026-11-22"));
  });

  test("merged areas: every cell shows the first one's value; the counts reach the area's end", async () => {
    const { grid: g } = await grid({
      rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Kopf</t></is></c><c r="B1" t="inlineStr"><is><t>verdeckt</t></is></c></row>',
      after: '<mergeCells count="2"><mergeCell ref="A1:C2"/><mergeCell ref="E4:E5"/></mergeCells>',
    });
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 3 },
      { top: 4, left: 5, bottom: 5, right: 5 },
    ]);
    expect([g.value(1, 1), g.value(1, 2), g.value(2, 3), g.value(5, 5), g.value(3, 1)]).toEqual([
      "Kopf",
      "Kopf",
      "Kopf",
      null,
      null,
    ]);
    expect({ rows: g.rowCount, columns: g.columnCount }).toEqual({ rows: 5, columns: 5 });
  });

  test("counts as exceljs reported them: empty and formatted rows count as rows, formatted cells only in rows with values", async () => {
    const { grid: g } = await grid({
      xfs: [0],
      rows:
        '<row r="1"><c r="A1"><v>1</v></c><c r="D1" s="1"/><c r="F1"/></row>' +
        '<row r="2"><c r="H2" s="1"/></row><row r="7" ht="20" customHeight="1"/>',
    });
    expect({ rows: g.rowCount, columns: g.columnCount }).toEqual({ rows: 7, columns: 4 });
    expect(g.value(1, 4)).toBeNull();
  });

  test("cells and rows without a reference follow the one before", async () => {
    const { grid: g } = await grid({
      rows: '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>',
    });
    expect([g.value(1, 1), g.value(1, 2), g.value(2, 3), g.value(2, 4)]).toEqual([1, 2, 3, 4]);
  });

  test("a prefixed part (x:row, x:c as the Open XML SDK writes them) reads the same", async () => {
    const bytes = workbook({ rows: "" });
    const files = (await import("fflate")).unzipSync(bytes);
    files["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>SDK</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    );
    const doc = await XlsxDocument.open(zipSync(files), "sdk.xlsx");
    expect((await doc.source()).sheet("Eins")!.value(2, 2)).toBe("SDK");
  });

  test("sheet names in tab order with their visibility", async () => {
    const { source } = await grid({ rows: "", second: '<row r="1"><c r="A1"><v>2</v></c></row>' });
    expect(source.worksheets()).toEqual([
      { name: "Eins", state: "visible" },
      { name: "Zwei", state: "hidden" },
    ]);
    expect(source.sheet("Zwei")!.value(1, 1)).toBe(2);
  });
});

describe("hostile and broken parts", () => {
  test("a worksheet with a DOCTYPE is refused, its entities never expanded", async () => {
    const bytes = workbook({ rows: "" });
    const files = (await import("fflate")).unzipSync(bytes);
    files["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(
      `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
    );
    const doc = await XlsxDocument.open(zipSync(files), "doctype.xlsx");
    const read = async () => (await doc.source()).sheet("Eins");
    await expect(read()).rejects.toThrow(UserError);
    await expect(read()).rejects.toThrow(
      "Die Datei „doctype.xlsx“ enthält im Teil „xl/worksheets/sheet1.xml“ eine DOCTYPE-Angabe, die Excel nie schreibt; sie wird aus Sicherheitsgründen nicht geöffnet.",
    );
  });

  test.each([
    ["an unclosed element", '<row r="1"><c r="A1"><v>1</v></c>'],
    ["a mismatched end tag", '<row r="1"><c r="A1"><v>1</c></v></row>'],
    ["an undefined entity", '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'],
  ])("%s makes the part broken", async (_, rows) => {
    const doc = await XlsxDocument.open(workbook({ rows }), "kaputt.xlsx");
    await expect((async () => (await doc.source()).sheet("Eins"))()).rejects.toThrow(
      "Die Datei „kaputt.xlsx“ ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).",
    );
  });

  test.each([
    ["fflate (browser)", undefined],
    ["Node's zlib (command line)", NODE_ZLIB],
  ])("a part that inflates beyond what the zip declares is stopped while inflating: %s", async (_, codec) => {
    const file = await lyingSizeWorkbook({ dir: tempDir(), actualBytes: 8 * 1024 * 1024 });
    const doc = await XlsxDocument.open(new Uint8Array(fs.readFileSync(file)), "luege.xlsx", codec);
    await expect((async () => (await doc.source()).sheet("Maßnahmen"))()).rejects.toThrow(
      "Die Datei „luege.xlsx“ ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).",
    );
  });

  test("parts no reader asks for are never inflated: a large picture, the other sheets", async () => {
    const picture = new Uint8Array(20 * 1024 * 1024);
    const bytes = workbook({
      rows: '<row r="1"><c r="A1"><v>1</v></c></row>',
      second: "",
      extra: { "xl/media/image1.png": picture },
    });
    const pkg = XlsxPackage.fromBytes(bytes);
    expect(pkg.source().sheet("Eins")!.value(1, 1)).toBe(1);
    expect(pkg.inflatedParts()).toEqual(expect.arrayContaining(["xl/worksheets/sheet1.xml"]));
    expect(pkg.inflatedParts()).not.toContain("xl/media/image1.png");
    expect(pkg.inflatedParts()).not.toContain("xl/worksheets/sheet2.xml");
    // A write copies the picture compressed: its bytes are the same entry, never unpacked.
    pkg.writeCells("Eins", [{ row: 2, column: 1, value: "neu" }]);
    const out = XlsxPackage.fromBytes(pkg.toBytes());
    expect(pkg.inflatedParts()).not.toContain("xl/media/image1.png");
    expect(out.source().sheet("Eins")!.value(2, 1)).toBe("neu");
  });

  test("check reads the contract's sheets and never inflates the hidden Listen sheet", async () => {
    const bytes = createTemplateWorkbook("beispiel", "2026-11-22").toBytes();
    const doc = await XlsxDocument.open(bytes, "beispiel.xlsx");
    const { result } = await checkWorkbook(doc, { today: "2026-11-22" });
    expect(result.findings.length).toBeGreaterThan(0);
    const part = (name: string) => doc.pkg.sheets().find((s) => s.name === name)!.part!;
    expect(doc.pkg.inflatedParts()).toContain(part("Maßnahmen"));
    expect(doc.pkg.inflatedParts()).not.toContain(part(LISTEN_SHEET.sheet));
  });
});
