/**
 * The XML parsers the reader could stand on, on the Maßnahmen sheet of the 5,000-measure workbook (7 MB of
 * XML): the package's own scanner (src/xlsx/xmlScanner.ts), saxes (which exceljs used), sax and htmlparser2
 * in XML mode. Each gets the same text in 64 KB pieces and the same small handler (a record per cell with
 * its reference, type, style and the text of `<v>`/`<t>`); inflating is left out. Prints, never asserts.
 *
 *   npx tsx bench/parsers.ts            warm: median of 7 parses in one process;
 *                                       cold: the first parse in a fresh process, median of 3 processes
 *
 * The program's reader (the scanner with the cell reader that builds the grid) is measured beside them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Parser as HtmlParser } from "htmlparser2";
import { SaxesParser } from "saxes";
import { XlsxPackage } from "../src/xlsx/package";
import { SheetCellsReader } from "../src/xlsx/sheetReader";
import { type XmlHandler, XmlScanner, readAttributes } from "../src/xlsx/xmlScanner";
import { conceptWorkbook } from "./generate";

const PIECE = 64 * 1024;
const PARSERS = ["scanner", "saxes", "sax", "htmlparser2", "reader"] as const;
type ParserName = (typeof PARSERS)[number];
const LABEL: Record<ParserName, string> = {
  scanner: "xmlScanner (eigener)",
  saxes: "saxes",
  sax: "sax",
  htmlparser2: "htmlparser2 (xmlMode)",
  reader: "Leser des Programms (xmlScanner + Zellen)",
};

interface SaxModule {
  parser(
    strict: boolean,
    options: object,
  ): {
    onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    write(text: string): unknown;
    close(): unknown;
  };
}
// sax ships no types; it is here as a transitive dependency of office-addin-manifest (xml2js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require("sax") as SaxModule;

/** The same work for every parser: one record per cell, the text of its value. */
class Cells {
  count = 0;
  private cell: { r: string; t?: string; s?: string; v?: string } | null = null;
  private capture = false;
  private text = "";

  open(name: string, attr: (name: string) => string | undefined): void {
    if (name === "c") {
      this.cell = { r: attr("r") ?? "", t: attr("t"), s: attr("s") };
      this.count++;
    } else if (name === "v" || name === "t") {
      this.capture = true;
      this.text = "";
    }
  }

  close(name: string): void {
    if (name !== "v" && name !== "t") return;
    this.capture = false;
    if (this.cell) this.cell.v = this.text;
  }

  chars(text: string): void {
    if (this.capture) this.text += text;
  }
}

function pieces(xml: string, write: (piece: string) => void): void {
  for (let i = 0; i < xml.length; i += PIECE) write(xml.slice(i, i + PIECE));
}

function parse(name: ParserName, xml: string, pkg: XlsxPackage): number {
  const cells = new Cells();
  switch (name) {
    case "scanner": {
      const attrs: string[] = [];
      const handler: XmlHandler = {
        open: (local, s, from, to) => {
          const count = readAttributes(s, from, to, attrs);
          cells.open(local, (n) => {
            for (let k = 0; k < count; k += 2) if (attrs[k] === n) return attrs[k + 1];
            return undefined;
          });
        },
        close: (local) => cells.close(local),
        text: (s, from, to) => cells.chars(s.slice(from, to)),
        cdata: (text) => cells.chars(text),
      };
      const scanner = new XmlScanner(handler);
      pieces(xml, (p) => scanner.write(p));
      scanner.end();
      return cells.count;
    }
    case "saxes": {
      const parser = new SaxesParser();
      parser.on("opentag", (node) => cells.open(node.name, (n) => node.attributes[n] as string | undefined));
      parser.on("closetag", (node) => cells.close(node.name));
      parser.on("text", (text) => cells.chars(text));
      pieces(xml, (p) => parser.write(p));
      parser.close();
      return cells.count;
    }
    case "sax": {
      const parser = sax.parser(true, {});
      parser.onopentag = (node) => cells.open(node.name, (n) => node.attributes[n]);
      parser.onclosetag = (tag) => cells.close(tag);
      parser.ontext = (text) => cells.chars(text);
      pieces(xml, (p) => parser.write(p));
      parser.close();
      return cells.count;
    }
    case "htmlparser2": {
      const parser = new HtmlParser(
        {
          onopentag: (tag, attributes) => cells.open(tag, (n) => attributes[n]),
          onclosetag: (tag) => cells.close(tag),
          ontext: (text) => cells.chars(text),
        },
        { xmlMode: true, decodeEntities: true },
      );
      pieces(xml, (p) => parser.write(p));
      parser.end();
      return cells.count;
    }
    case "reader": {
      const styles = pkg.styles();
      const reader = new SheetCellsReader({
        sharedString: () => undefined,
        isDateStyle: (xf) => styles.isDateStyle(xf),
        date1904: pkg.date1904(),
      });
      const scanner = new XmlScanner(reader);
      pieces(xml, (p) => scanner.write(p));
      scanner.end();
      return reader
        .result()
        .rows.reduce((n, row) => n + (row ? row.cells.filter((c) => c !== undefined).length : 0), 0);
    }
  }
}

async function input(): Promise<{ xml: string; pkg: XlsxPackage }> {
  const { file } = await conceptWorkbook(5000);
  const pkg = XlsxPackage.fromBytes(new Uint8Array(readFileSync(file)));
  const part = pkg.sheets().find((s) => s.name === "Maßnahmen")!.part!;
  return { xml: pkg.text(part)!, pkg };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function cold(name: ParserName): Promise<void> {
  const { xml, pkg } = await input();
  const start = performance.now();
  const cells = parse(name, xml, pkg);
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, cells }));
}

async function main(): Promise<void> {
  const { xml, pkg } = await input();
  console.log(
    `XML-Parser auf dem Blatt Maßnahmen (5.000 Maßnahmen, ${(xml.length / 1e6).toFixed(1)} Mio. Zeichen, Stücke zu 64 KB)`,
  );
  console.log("Parser                                      warm (ms)  kalt (ms)  Zellen");
  for (const name of PARSERS) {
    const warm: number[] = [];
    let cells = 0;
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      cells = parse(name, xml, pkg);
      if (i > 0) warm.push(performance.now() - start);
    }
    const colds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = spawnSync(process.execPath, [...process.execArgv, __filename, "--cold", name], { encoding: "utf8" });
      colds.push((JSON.parse(run.stdout) as { ms: number }).ms);
    }
    console.log(
      `${LABEL[name].padEnd(42)} ${median(warm).toFixed(0).padStart(10)} ${median(colds).toFixed(0).padStart(10)}  ${cells}`,
    );
  }
}

(process.argv[2] === "--cold" ? cold(process.argv[3] as ParserName) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
