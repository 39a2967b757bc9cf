/**
 * The corpus of Excel-authored parts (test/fixtures/corpus) and the helpers the preservation tests use:
 * the corpus is what build.ts makes, every file is a well-formed package that `check` and LibreOffice read,
 * and the helpers notice a write that loses a part — as today's exceljs round trip does (issue 9).
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildCorpus } from "../fixtures/corpus/build";
import { Package } from "../fixtures/corpus/opc";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import {
  CORPUS_DIR,
  CORPUS_FILES,
  assertPartsKept,
  compareParts,
  corpusFile,
  libreOfficeSees,
  listParts,
  partsOfSheet,
  sheetPartName,
  sheetProtection,
  worksheetOrderProblems,
} from "../helpers/corpus";
import { SaxesParser } from "saxes";
import { describeWithLibreOffice } from "../helpers/libreoffice";

afterAll(removeTempDirs);

async function exceljsRoundTrip(xlsx: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function attr(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`\\b${name}="([^"]*)"`, "g"))].map((m) => m[1]!);
}

describe("the corpus", () => {
  // Not byte for byte: the contract parts come from the project's own init/matrix, which may change; the
  // grafted parts and the package structure must not drift from build.ts (else: npx tsx test/fixtures/corpus/build.ts).
  it("is what build.ts makes: the same parts, the grafted ones with the same bytes", async () => {
    const dir = tempDir("corpus-build-");
    const built = await buildCorpus(dir);
    expect(built.map((f) => path.basename(f)).sort()).toEqual([...CORPUS_FILES].sort());
    const grafted =
      /^(customXml\/|docProps\/custom|xl\/(charts|chartsheets|drawings|media|pivotCache|pivotTables|persons|threadedComments|printerSettings)\/|xl\/comments)/;
    for (const name of CORPUS_FILES) {
      const rebuilt = fs.readFileSync(path.join(dir, name));
      expect({ name, parts: [...listParts(rebuilt).keys()] }).toEqual({
        name,
        parts: [...listParts(corpusFile(name)).keys()],
      });
      expect(() =>
        assertPartsKept(corpusFile(name), rebuilt, { changed: (part) => !grafted.test(part) }),
      ).not.toThrow();
    }
  });

  it("stays small", () => {
    const total = CORPUS_FILES.reduce((sum, name) => sum + fs.statSync(path.join(CORPUS_DIR, name)).size, 0);
    // 500 KB until the contract gained the sheets Gebiete (with the Integrationsmonitoring's columns, issue 19)
    // and Prozessplan (issue 21), which every corpus file built from the example now carries.
    expect(total).toBeLessThan(560_000);
  });

  it("carries every kind of part the program must keep", () => {
    const parts = listParts(corpusFile("kitchen-sink.xlsx"));
    const names = [...parts.keys()];
    const has = (re: RegExp) => names.filter((n) => re.test(n)).length;
    expect(has(/^xl\/charts\/chart\d+\.xml$/)).toBe(3);
    expect(has(/^xl\/chartsheets\/sheet\d+\.xml$/)).toBe(1);
    expect(has(/^xl\/pivotTables\/pivotTable\d+\.xml$/)).toBe(1);
    expect(has(/^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/)).toBe(1);
    expect(has(/^xl\/pivotCache\/pivotCacheRecords\d+\.xml$/)).toBe(1);
    expect(has(/^xl\/threadedComments\/threadedComment\d+\.xml$/)).toBe(1);
    expect(has(/^xl\/comments\d+\.xml$/)).toBe(2);
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/persons/person.xml",
        "xl/media/image1.png",
        "xl/printerSettings/printerSettings1.bin",
        "docProps/custom.xml",
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
      ]),
    );
    expect(parts.get("xl/media/image1.png")!.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(parts.get("docProps/custom.xml")!.toString("utf8")).toContain('name="Aktenzeichen"');
    const workbook = parts.get("xl/workbook.xml")!.toString("utf8");
    expect(workbook).toContain('<definedName name="Auswertungsbereich">');
    expect(workbook).toMatch(/<pivotCaches><pivotCache cacheId="\d+" r:id="rId\d+"\/><\/pivotCaches>/);
    const measures = parts.get("xl/worksheets/sheet6.xml")!.toString("utf8");
    expect(measures).toMatch(
      /<x14:dataValidation [^>]*><x14:formula1><xm:f>OFFSET\((?:'|&apos;)Listen(?:'|&apos;)!\$A\$2/,
    );
    expect(measures).toContain("<xm:f>Kennzahlen!$H$2:$H$4</xm:f>");
  });

  it.each(CORPUS_FILES)(
    "%s is a consistent package: every relationship resolves, every part has a content type",
    (name) => {
      const parts = listParts(corpusFile(name));
      const types = parts.get("[Content_Types].xml")!.toString("utf8");
      const defaults = new Set(attr(types, "Extension").map((e) => e.toLowerCase()));
      const overrides = new Set(attr(types, "PartName").map((p) => p.slice(1)));
      for (const part of parts.keys()) {
        if (part === "[Content_Types].xml") continue;
        const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
        expect({ part, typed: overrides.has(part) || defaults.has(ext) }).toEqual({ part, typed: true });
      }
      for (const over of overrides) expect({ over, exists: parts.has(over) }).toEqual({ over, exists: true });
      for (const [relsName, bytes] of parts) {
        if (!relsName.endsWith(".rels")) continue;
        const owner = relsName.replace(/_rels\/([^/]*)\.rels$/, "$1");
        const rels = bytes.toString("utf8");
        const ids = attr(rels, "Id");
        expect(new Set(ids).size).toBe(ids.length);
        for (const m of rels.matchAll(/<Relationship ([^>]*)\/>/g)) {
          if (/TargetMode="External"/.test(m[1]!)) continue;
          const target = /Target="([^"]*)"/.exec(m[1]!)![1]!;
          const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(owner), target));
          expect({ relsName, target, exists: parts.has(resolved) }).toEqual({ relsName, target, exists: true });
        }
      }
      const workbook = parts.get("xl/workbook.xml")!.toString("utf8");
      const sheetIds = [...workbook.matchAll(/<sheet [^>]*sheetId="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(sheetIds).size).toBe(sheetIds.length);
      const tableIds = [...parts]
        .filter(([n]) => /^xl\/tables\//.test(n))
        .map(([, b]) => /<table [^>]*?\bid="(\d+)"/.exec(b.toString("utf8"))![1]);
      expect(new Set(tableIds).size).toBe(tableIds.length);
    },
  );

  it.each(CORPUS_FILES)("%s has well-formed XML parts and worksheets in the order Excel demands", (name) => {
    const parts = listParts(corpusFile(name));
    for (const [part, bytes] of parts) {
      if (!/\.(xml|rels|vml)$/.test(part)) continue;
      const parser = new SaxesParser();
      let error = "";
      parser.on("error", (e) => {
        error ||= e.message;
      });
      parser.write(bytes.toString("utf8")).close();
      expect({ part, error }).toEqual({ part, error: "" });
      const text = bytes.toString("utf8");
      if (text.includes("<worksheet "))
        expect({ part, problems: worksheetOrderProblems(text) }).toEqual({ part, problems: [] });
    }
  });

  it.each(CORPUS_FILES)("%s is read by check (exit 0 or 1, never 2)", async (name) => {
    const run = await runCli(["check", path.join(CORPUS_DIR, name)]);
    expect(run.err).toBe("");
    expect([0, 1]).toContain(run.code);
  });
});

describe("looking into a package by sheet name", () => {
  const parts = listParts(corpusFile("kitchen-sink.xlsx"));

  it("finds sheet parts and the user's protection settings", () => {
    expect(sheetPartName(parts, "Maßnahmen")).toBe("xl/worksheets/sheet6.xml");
    expect(sheetPartName(parts, "Diagramm Kosten")).toBe("xl/chartsheets/sheet1.xml");
    expect(sheetProtection(parts, "Bewertung 2025")).toMatch(
      /^<sheetProtection algorithmName="SHA-512" hashValue="[^"]+" saltValue="[^"]+" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0" sort="0" autoFilter="0"\/>$/,
    );
    expect(sheetProtection(parts, "Kennzahlen")).toContain(
      'formatColumns="0" formatRows="0" sort="0" autoFilter="0" selectLockedCells="1"',
    );
    expect(sheetProtection(parts, "Auswertung")).toBeUndefined();
    expect(() => sheetPartName(parts, "Gibt es nicht")).toThrow(/no sheet named/);
  });

  it("lists the parts hanging off a sheet, through every relationship", () => {
    const pivotSheet = sheetPartName(parts, "Pivot");
    expect(partsOfSheet(parts, "Pivot")).toEqual([
      "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/pivotTables/_rels/pivotTable1.xml.rels",
      "xl/pivotTables/pivotTable1.xml",
      pivotSheet.replace(/([^/]+)$/, "_rels/$1.rels"),
      pivotSheet,
    ]);
    const generated = listParts(corpusFile("generated-sheet-user-parts.xlsx"));
    expect(partsOfSheet(generated, "Bewertung 2025")).toEqual([
      "xl/charts/chart1.xml",
      "xl/comments1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/tables/table14.xml",
      "xl/worksheets/_rels/sheet15.xml.rels",
      "xl/worksheets/sheet15.xml",
    ]);
  });

  it("worksheetOrderProblems notices an element Excel would refuse where it stands", () => {
    const measures = parts.get("xl/worksheets/sheet6.xml")!.toString("utf8");
    expect(worksheetOrderProblems(measures)).toEqual([]);
    const legacy = /<legacyDrawing r:id="rId\d+"\/>/.exec(measures)![0];
    const moved = measures.replace(legacy, "").replace("<extLst>", `${legacy}<extLst>`);
    expect(worksheetOrderProblems(moved)).toEqual(["<legacyDrawing> after <tableParts>"]);
    const doubled = measures.replace(
      "</sheetData>",
      '</sheetData><sheetProtection sheet="1"/><sheetProtection sheet="1"/>',
    );
    expect(worksheetOrderProblems(doubled)).toEqual(["<sheetProtection> twice"]);
  });
});

describe("assertPartsKept", () => {
  const original = corpusFile("kitchen-sink.xlsx");

  it("passes for an unchanged package, even re-zipped", () => {
    const rezipped = Buffer.from(Package.read(original).write());
    expect(() => assertPartsKept(original, original)).not.toThrow();
    expect(() => assertPartsKept(original, rezipped)).not.toThrow();
  });

  it("names every part that disappeared or changed bytes, and spares the declared ones", () => {
    const pkg = Package.read(original);
    pkg.parts.delete("xl/charts/chart2.xml");
    pkg.parts.delete("docProps/custom.xml");
    pkg.edit("xl/pivotCache/pivotCacheRecords1.xml", (x) => x.replace("<x v=", "<x  v="));
    pkg.edit("xl/worksheets/sheet9.xml", (x) => `${x} `);
    const damaged = Buffer.from(pkg.write());
    expect(compareParts(original, damaged)).toEqual({
      missing: ["docProps/custom.xml", "xl/charts/chart2.xml"],
      changed: ["xl/pivotCache/pivotCacheRecords1.xml", "xl/worksheets/sheet9.xml"],
    });
    expect(() => assertPartsKept(original, damaged)).toThrow(
      /missing: docProps\/custom\.xml\n {2}missing: xl\/charts\/chart2\.xml\n {2}changed: xl\/pivotCache\/pivotCacheRecords1\.xml\n {2}changed: xl\/worksheets\/sheet9\.xml/,
    );
    const touched = (name: string) => name === "xl/worksheets/sheet9.xml";
    expect(compareParts(original, damaged, { changed: touched }).changed).toEqual([
      "xl/pivotCache/pivotCacheRecords1.xml",
    ]);
  });

  it("catches what today's exceljs round trip loses: charts, pivot, custom properties, customXml (the bug of issue 9)", async () => {
    const { missing, changed } = compareParts(original, await exceljsRoundTrip(original));
    expect(missing).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/chartsheets/sheet1.xml",
        "xl/pivotTables/pivotTable1.xml",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "docProps/custom.xml",
        "customXml/item1.xml",
        "xl/threadedComments/threadedComment1.xml",
        "xl/persons/person.xml",
        "xl/printerSettings/printerSettings1.bin",
      ]),
    );
    expect(changed).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet6.xml"]));
    expect(() => assertPartsKept(original, original)).not.toThrow();
  });
});

describeWithLibreOffice("libreOfficeSees", () => {
  it("sees the corpus's charts, pivot table, picture and notes", async () => {
    expect(await libreOfficeSees(corpusFile("kitchen-sink.xlsx"))).toMatchObject({
      charts: 3,
      pivotTables: 1,
      images: 1,
      notes: 5,
      protectedSheets: ["Listen", "Bewertung 2025", "Kennzahlen"],
    });
    const charts = await libreOfficeSees(path.join(CORPUS_DIR, "charts-pivot.xlsx"));
    expect(charts).toMatchObject({ charts: 3, pivotTables: 1, images: 0, notes: 0 });
    expect(charts.sheets).toEqual(expect.arrayContaining(["Maßnahmen", "Auswertung", "Diagramm Kosten", "Pivot"]));
    expect(await libreOfficeSees(corpusFile("comments-properties.xlsx"))).toMatchObject({
      charts: 0,
      pivotTables: 0,
      notes: 5,
    });
    expect(await libreOfficeSees(corpusFile("generated-sheet-user-parts.xlsx"))).toMatchObject({
      charts: 1,
      pivotTables: 0,
      notes: 1,
    });
  });

  it("sees that the exceljs round trip lost the charts and the pivot table", async () => {
    const seen = await libreOfficeSees(await exceljsRoundTrip(corpusFile("charts-pivot.xlsx")));
    expect(seen).toMatchObject({ charts: 0, pivotTables: 0 });
    expect(seen.sheets).toContain("Maßnahmen");
  });
});
