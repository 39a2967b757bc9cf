/**
 * The one text decoder of CSV files (src/domain/text.ts), with the real bytes Excel writes for „CSV
 * (Trennzeichen-getrennt)“ on a German Windows: `€` is 0x80, „ “ are 0x84 and 0x93, – is 0x96. Node's own
 * `TextDecoder("windows-1252")` reads 0x80 as U+0080; this file runs in jest's node environment, where
 * test/helpers/setup-encoding.js leaves Node's decoders as they are (it only fills them in for jsdom).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { WINDOWS_1252_HIGH, decodeText, decodeWindows1252 } from "../../src/domain/text";
import { loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";

afterAll(() => removeTempDirs());

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** WHATWG index-windows-1252, pointers 0–31 (bytes 0x80–0x9F), as code points. */
const WHATWG_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

describe("Windows-1252", () => {
  it("reads the bytes Excel writes: 12.000 € (0x80), „…“ (0x84, 0x93), – (0x96), umlauts", () => {
    const amount = bytes(...ascii("12.000 "), 0x80);
    expect(decodeText(amount)).toEqual({ text: "12.000 €", encoding: "Windows-1252" });
    const title = bytes(
      0x84,
      ...ascii("Sprachcaf"),
      0xe9,
      0x93,
      0x20,
      0x96,
      0x20,
      ...ascii("f"),
      0xfc,
      ...ascii("r Eltern"),
    );
    expect(decodeText(title).text).toBe("„Sprachcafé“ – für Eltern");
  });

  it("decodes every byte as the WHATWG standard (and every browser) does", () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    const codePoints = [...all].map((c) => c.codePointAt(0));
    for (let b = 0; b < 256; b++) {
      const expected = b >= 0x80 && b <= 0x9f ? WHATWG_80_9F[b - 0x80] : b;
      expect({ byte: b, codePoint: codePoints[b] }).toEqual({ byte: b, codePoint: expected });
    }
    expect([...WINDOWS_1252_HIGH].map((c) => c.codePointAt(0))).toEqual(WHATWG_80_9F);
  });

  it("is needed: Node's own decoder gets 0x80 wrong on this machine (or the table is harmless)", () => {
    const node = new TextDecoder("windows-1252").decode(bytes(0x80));
    // Either Node still returns U+0080 (the reason for the table) or it was fixed; the decoder is right in both.
    expect(["\u0080", "€"]).toContain(node);
    expect(decodeWindows1252(bytes(0x80))).toBe("€");
  });
});

describe("detection", () => {
  const text = "Maßnahme;Kosten\r\nSprachcafé;12.000 €\r\n";
  it.each([
    ["UTF-8", Buffer.from(text, "utf8"), "UTF-8"],
    ["UTF-8 with BOM", Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from(text, "utf8")]), "UTF-8 (BOM)"],
    ["UTF-16 LE with BOM", Buffer.concat([bytes(0xff, 0xfe), Buffer.from(text, "utf16le")]), "UTF-16"],
    ["UTF-16 BE with BOM", Buffer.concat([bytes(0xfe, 0xff), Buffer.from(text, "utf16le").swap16()]), "UTF-16"],
  ])("%s", (_, data, encoding) => {
    expect(decodeText(new Uint8Array(data))).toEqual({ text, encoding });
  });

  it("pure ASCII is UTF-8; an empty file is empty text", () => {
    expect(decodeText(bytes(...ascii("a;b")))).toEqual({ text: "a;b", encoding: "UTF-8" });
    expect(decodeText(bytes())).toEqual({ text: "", encoding: "UTF-8" });
  });
});

describe("import of a Windows-1252 CSV on the command line", () => {
  it("reads 12.000 € as Sachkosten 12000 and keeps „…“ and – in the title, so check finds no invalid value", async () => {
    const dir = tempDir("mnp-encoding-");
    const list = path.join(dir, "liste.csv");
    /** A CSV record of fields given as bytes, separated by `;`. */
    const record = (...fields: number[][]) => fields.flatMap((f, i) => (i > 0 ? [0x3b, ...f] : f));
    const csv = [
      record(ascii("Nr."), [...ascii("Ma"), 0xdf, ...ascii("nahme")], ascii("Sachkosten"), ascii("Frist")),
      record(
        ascii("1"),
        [0x84, ...ascii("Sprachcaf"), 0xe9, 0x93, 0x20, 0x96, 0x20, ...ascii("offener Treff")],
        [...ascii("12.000 "), 0x80],
        ascii("31.12.2027"),
      ),
    ];
    fs.writeFileSync(list, Buffer.from(csv.flatMap((l) => [...l, 0x0d, 0x0a])));
    const out = path.join(dir, "konzept.xlsx");
    const run = await runCli(["import", list, "-o", out, "--quiet"]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("Windows-1252");
    const m = sheet(await loadWorkbook(out), "Maßnahmen");
    const header = (m.getRow(1).values as unknown[]).map(String);
    const cell = (name: string) => m.getCell(2, header.indexOf(name)).value;
    expect(cell("Titel")).toBe("„Sprachcafé“ – offener Treff");
    expect(cell("Sachkosten (EUR)")).toBe(12000);
    const check = await runCli(["check", out, "--json"]);
    const findings = (JSON.parse(check.out) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(findings).not.toContain("R_WERT_UNGUELTIG");
  });
});
