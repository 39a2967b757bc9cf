/**
 * Column widths of the report's tables from their content, so that no word is ever broken inside a cell:
 * every column is at least as wide as its longest word (a line breaks only at spaces; hyphenation is off in
 * table cells), and the width left over goes to the columns whose text would otherwise wrap most. Text is
 * measured with Calibri's advance widths (../domain/calibri.ts); LibreOffice sets Calibri in Carlito, which has
 * the same metrics, so both programs break the lines where this module expects them.
 */
import { emWidth, lineWords as words } from "../domain/calibri";

/** Twips per point. */
const TWIPS = 20;
/**
 * Room for what the two programs do differently (kerning, rounding to device units): a word needs this much
 * more than its advance widths add up to.
 */
const SLACK = 1.04;
/** Line height of Calibri (ascent + descent + line gap: 1.22 em). */
const LINE_HEIGHT = 1.22;

/** The width of `text` on one line in twips at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  return (emWidth(text, bold) * size * TWIPS * SLACK) | 0;
}

/** One paragraph of a cell as it is measured. */
export interface MeasuredText {
  text: string;
  bold: boolean;
}

/** Lines a paragraph takes in a column `width` twips wide (inside the cell's margins). */
export function linesOf(p: MeasuredText, width: number, size: number): number {
  let lines = 0;
  for (const line of p.text.split(/\r?\n/)) {
    lines++;
    let used = -1;
    const space = textWidth(" ", size, p.bold);
    for (const word of words(line)) {
      const w = textWidth(word, size, p.bold);
      if (used >= 0 && used + space + w <= width) used += space + w;
      else {
        if (used >= 0) lines++;
        // A word wider than the column (only where no layout fits, see columnWidths) takes several lines.
        lines += Math.max(0, Math.ceil(w / Math.max(width, 1)) - 1);
        used = Math.min(w, width);
      }
    }
  }
  return Math.max(lines, 1);
}

/** The height in twips of `lines` lines of text at `size` points. */
export const linesHeight = (lines: number, size: number) => Math.ceil(lines * size * LINE_HEIGHT * TWIPS);

export interface ColumnLayout {
  /** Widths in twips, adding up to the width given. */
  widths: number[];
  /** False when even the longest words side by side do not fit: some word then breaks. */
  fits: boolean;
}

/** Rounds widths to whole twips that add up to `total` exactly. */
function rounded(widths: number[], total: number): number[] {
  const out = widths.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = widths.map((w, i) => [w - Math.floor(w), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; rest > 0 && order.length; k = (k + 1) % order.length, rest--) {
    const i = order[k]![1];
    out[i] = out[i]! + 1;
  }
  return out;
}

/**
 * Widths of the columns of a table `total` twips wide whose cells hold `columns[j]` (every paragraph of
 * column j, its header included), each cell with `padding` twips of margins: at least the longest word,
 * and of the rest a share after how much wider the column would have to be for its longest paragraph to
 * stand on one line (the automatic table layout of HTML and Word, done here once for a fixed layout).
 */
export function columnWidths(columns: MeasuredText[][], total: number, size: number, padding: number): ColumnLayout {
  const least = columns.map(
    (c) => padding + Math.max(0, ...c.flatMap((p) => words(p.text).map((w) => textWidth(w, size, p.bold)))),
  );
  const most = columns.map((c, j) =>
    Math.max(
      least[j]!,
      padding + Math.max(0, ...c.flatMap((p) => p.text.split(/\r?\n/).map((l) => textWidth(l, size, p.bold)))),
    ),
  );
  const sumLeast = least.reduce((a, b) => a + b, 0);
  const sumMost = most.reduce((a, b) => a + b, 0);
  if (sumLeast > total)
    return {
      widths: rounded(
        least.map((w) => (w * total) / sumLeast),
        total,
      ),
      fits: false,
    };
  if (sumMost <= total)
    return {
      widths: rounded(
        most.map((w) => (w * total) / sumMost),
        total,
      ),
      fits: true,
    };
  const share = (total - sumLeast) / (sumMost - sumLeast);
  return {
    widths: rounded(
      least.map((w, j) => w + (most[j]! - w) * share),
      total,
    ),
    fits: true,
  };
}
