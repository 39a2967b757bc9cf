/**
 * Makes src/domain/calibri-widths.ts: the advance widths of Carlito (the free font with Calibri's metrics, which
 * LibreOffice puts in for Calibri) for the characters a report's tables hold, read from the font files'
 * `cmap` (format 4) and `hmtx` tables. Regular and italic share one table, bold and bold italic another,
 * each character at the wider of the two.  npx tsx scripts/font-metrics.ts [fontdir]
 */
import * as fs from "node:fs";
import * as path from "node:path";

const DIR = process.argv[2] ?? "/usr/share/fonts/truetype/crosextra";

/** The characters measured: ASCII, Latin-1, Latin Extended-A, general punctuation and the euro sign. */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2010, 0x2044],
  [0x20ac, 0x20ac],
];

interface Font {
  unitsPerEm: number;
  advance(codePoint: number): number | null;
}

function readFont(file: string): Font {
  const data = fs.readFileSync(file);
  const tables = new Map<string, number>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(data.toString("latin1", at, at + 4), data.readUInt32BE(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: Tabelle ${tag} fehlt`);
    return offset;
  };
  const unitsPerEm = data.readUInt16BE(table("head") + 18);
  const metrics = data.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");
  const cmap = table("cmap");
  let format4 = -1;
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const [platform, encoding] = [data.readUInt16BE(record), data.readUInt16BE(record + 2)];
    const sub = cmap + data.readUInt32BE(record + 4);
    if (platform === 3 && encoding === 1 && data.readUInt16BE(sub) === 4) format4 = sub;
  }
  if (format4 < 0) throw new Error(`${file}: keine Unicode-Tabelle (cmap 3/1, Format 4)`);
  const segments = data.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const glyphOf = (c: number): number => {
    for (let s = 0; s < segments; s++) {
      if (c > data.readUInt16BE(ends + s * 2)) continue;
      const start = data.readUInt16BE(starts + s * 2);
      if (c < start) return 0;
      const delta = data.readInt16BE(deltas + s * 2);
      const rangeOffset = data.readUInt16BE(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (c + delta) & 0xffff;
      const glyph = data.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  return {
    unitsPerEm,
    advance(c) {
      const glyph = glyphOf(c);
      if (glyph === 0) return null;
      return data.readUInt16BE(hmtx + Math.min(glyph, metrics - 1) * 4);
    },
  };
}

/** Per range its first code point and the widths in thousandths of an em, the wider of two fonts (0: none). */
function widths(a: Font, b: Font): [number, number[]][] {
  return RANGES.map(([from, to]) => {
    const row: number[] = [];
    for (let c = from; c <= to; c++) {
      const w = [a, b].map((f) => {
        const advance = f.advance(c);
        return advance === null ? 0 : Math.ceil((advance * 1000) / f.unitsPerEm);
      });
      row.push(Math.max(...w));
    }
    return [from, row];
  });
}

const font = (name: string) => readFont(path.join(DIR, `Carlito-${name}.ttf`));
const regular = widths(font("Regular"), font("Italic"));
const bold = widths(font("Bold"), font("BoldItalic"));
const target = path.resolve(__dirname, "../src/domain/calibri-widths.ts");
fs.writeFileSync(
  target,
  "/**\n" +
    " * Advance widths of Calibri (measured on Carlito, which has the same metrics) in thousandths of an em:\n" +
    " * regular (or italic, the wider) and bold (or bold italic), per range of code points its first one and the\n" +
    " * widths from there on (0: the font has no such character). Data, made by scripts/font-metrics.ts.\n" +
    " */\n" +
    "export type WidthRanges = readonly (readonly [number, readonly number[]])[];\n" +
    `export const REGULAR: WidthRanges = ${JSON.stringify(regular)};\n` +
    `export const BOLD: WidthRanges = ${JSON.stringify(bold)};\n`,
);
console.log(target);
