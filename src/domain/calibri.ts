/**
 * How wide text is in Calibri, the font of the workbooks and the report (LibreOffice sets it in the
 * metric-compatible Carlito): for column widths that fit the longest word, so that no word breaks inside a cell.
 */
import { BOLD, REGULAR, type WidthRanges } from "./calibri-widths";

/** A character the table does not know counts as wide as a capital W and a bit (erring on the wide side). */
const UNKNOWN = 1000;

function table(ranges: WidthRanges): Map<string, number> {
  const widths = new Map<string, number>();
  for (const [first, row] of ranges) row.forEach((w, i) => w > 0 && widths.set(String.fromCodePoint(first + i), w));
  return widths;
}
const FONTS = { regular: table(REGULAR), bold: table(BOLD) };

/** The advance width of `text` on one line, in ems (multiply by the size in points for points). */
export function emWidth(text: string, bold = false): number {
  const widths = bold ? FONTS.bold : FONTS.regular;
  let thousandths = 0;
  for (const ch of text) thousandths += widths.get(ch) ?? UNKNOWN;
  return thousandths / 1000;
}

/** Lines break at spaces, tabs and line breaks only (a no-break space, as in `45 %`, holds its words together). */
export const lineWords = (text: string): string[] => text.split(/[ \t\r\n]+/).filter(Boolean);
