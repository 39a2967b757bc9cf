/**
 * The report's tables as WordprocessingML text. A report of 5,000 measures has 35,000 table cells; built as
 * docx objects they took seconds and hundreds of MB to serialise, as text they take milliseconds. The rest
 * of the document (styles, headings, pictures, properties, footer) is built with the docx package, which
 * leaves one placeholder paragraph per table (see ./report.ts).
 *
 * How a table is built so that neither Word nor LibreOffice drops or hides a row:
 * - LibreOffice 7.4 lost every row after the last one on a page when that row may not split (`w:cantSplit`)
 *   and ends less than a horizontal border's width above the page bottom: its "does the row fit" test leaves
 *   out the border between rows (`w:insideH`, which becomes the row's bottom border at a page break), the row
 *   is placed, and the rest of the table is printed nowhere. Whether the header row repeats (`w:tblHeader`)
 *   or a heading is kept with the table (`w:keepNext`) only moves the page position where it happens; found
 *   with tables made by the docx package and moved down a page in steps of 4 twips: with a 0.5 pt border
 *   the rows went missing in windows about 8 twips wide, with a 1.5 pt border about 28 twips wide, without
 *   `w:insideH` (or without `w:cantSplit`) never. So the rows are separated by each cell's own top border
 *   (`w:tcBorders/w:top`), which belongs to the row below and moves with it; the table has no `w:insideH`.
 * - Word lets a row that may not split but is taller than a page run off the page, its end hidden; and
 *   LibreOffice loses the end of such a row when it is taller than the page below the repeated header. So only
 *   rows estimated well below a page (KEEP_TOGETHER) may not split; a longer row splits across pages.
 * - The header row repeats on every page (`w:tblHeader`) and never splits.
 *
 * Columns are as wide as their content needs (./layout.ts), so no word breaks inside a cell; hyphenation is
 * off in the table paragraph styles (`w:suppressAutoHyphens`, see ./report.ts).
 */
import { Paragraph, TextRun } from "docx";
import { type MeasuredText, columnWidths, linesHeight, linesOf } from "./layout";

/** A cell: its text, and optionally a fill colour, bold text and further lines in italics. */
export type CellSpec = string | { text: string; fill?: string; bold?: boolean; lines?: string[] };

export interface TableSpec {
  headers: string[];
  rows: CellSpec[][];
  /** Columns (0-based) of numbers: right-aligned, their header too. */
  numeric?: number[];
}

/** Paragraph styles of the table text, defined in the document's styles (./report.ts). */
export const TABLE_TEXT_STYLE = "Tabelleninhalt";
export const TABLE_HEADING_STYLE = "Tabellenkopf";
/** The size of the table text in points (the styles' size), and the smaller one a table too wide falls back to. */
export const TABLE_TEXT_PT = 9;
const SMALL_TEXT_PT = 8;

const HEADER_FILL = "D9E2F3";
const BORDER = `w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"`;
/** Cell margins in twips. */
const MARGIN = { top: 40, bottom: 40, side: 70 };
/** Rows estimated taller than this (a third of an A4 page's text) may split across pages. */
const KEEP_TOGETHER = 4800;

/** Characters XML 1.0 does not allow, which a cell could still hold. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** One line of text as runs: line breaks become w:br, soft hyphens (the user's own) w:softHyphen. */
function runs(text: string, properties: string): string {
  const rPr = properties ? `<w:rPr>${properties}</w:rPr>` : "";
  return text
    .split(/\r?\n/)
    .map((line, i) => {
      const parts = line
        .split("\u00ad")
        .map((part) => (part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ""))
        .join("<w:softHyphen/>");
      return `<w:r>${rPr}${i > 0 ? "<w:br/>" : ""}${parts}</w:r>`;
    })
    .join("");
}

interface Cell {
  text: string;
  fill?: string;
  bold: boolean;
  lines: string[];
}

const cellOf = (spec: CellSpec, header: boolean): Cell =>
  typeof spec === "string"
    ? { text: spec, bold: header, lines: [] }
    : { text: spec.text, fill: spec.fill, bold: header || !!spec.bold, lines: spec.lines ?? [] };

/** The paragraphs of a cell as they are measured: its text, then its lines in italics. */
const measured = (c: Cell): MeasuredText[] => [
  { text: c.text, bold: c.bold },
  ...c.lines.map((text) => ({ text, bold: false })),
];

interface Layout {
  widths: number[];
  size: number;
}

function layoutOf(headers: Cell[], rows: Cell[][], textWidth: number): Layout {
  const columns = headers.map((h, j) => [...measured(h), ...rows.flatMap((r) => (r[j] ? measured(r[j]) : []))]);
  const padding = 2 * MARGIN.side;
  const normal = columnWidths(columns, textWidth, TABLE_TEXT_PT, padding);
  if (normal.fits) return { widths: normal.widths, size: TABLE_TEXT_PT };
  return { widths: columnWidths(columns, textWidth, SMALL_TEXT_PT, padding).widths, size: SMALL_TEXT_PT };
}

function rowHeight(cells: Cell[], layout: Layout): number {
  const lines = cells.map((c, j) =>
    measured(c).reduce((n, p) => n + linesOf(p, layout.widths[j]! - 2 * MARGIN.side, layout.size), 0),
  );
  return linesHeight(Math.max(1, ...lines), layout.size) + MARGIN.top + MARGIN.bottom;
}

function paragraph(style: string, text: string, right: boolean, properties: string): string {
  const jc = right ? '<w:jc w:val="right"/>' : "";
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr>${text ? runs(text, properties) : ""}</w:p>`;
}

function cellXml(c: Cell, width: number, header: boolean, options: { right: boolean; ruled: boolean; size: string }) {
  const fill = header ? HEADER_FILL : c.fill;
  const borders = options.ruled ? `<w:tcBorders><w:top ${BORDER}/></w:tcBorders>` : "";
  const shading = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : "";
  const style = header ? TABLE_HEADING_STYLE : TABLE_TEXT_STYLE;
  const body = [
    paragraph(style, c.text, options.right, (!header && c.bold ? "<w:b/><w:bCs/>" : "") + options.size),
    ...c.lines.map((line) => paragraph(style, line, options.right, `<w:i/><w:iCs/>${options.size}`)),
  ].join("");
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${borders}${shading}</w:tcPr>${body}</w:tc>`;
}

function rowXml(cells: Cell[], layout: Layout, numeric: Set<number>, index: number): string {
  const header = index === 0;
  const keep = header || rowHeight(cells, layout) <= KEEP_TOGETHER;
  const trPr = `${keep ? "<w:cantSplit/>" : ""}${header ? "<w:tblHeader/>" : ""}`;
  const size =
    layout.size === TABLE_TEXT_PT ? "" : `<w:sz w:val="${layout.size * 2}"/><w:szCs w:val="${layout.size * 2}"/>`;
  const xml = cells.map((c, j) =>
    cellXml(c, layout.widths[j]!, header, { right: numeric.has(j), ruled: !header, size }),
  );
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ""}${xml.join("")}</w:tr>`;
}

/** The table as a `w:tbl` element over `textWidth` twips. */
export function tableXml(spec: TableSpec, textWidth: number): string {
  const headers = spec.headers.map((h) => cellOf(h, true));
  const rows = spec.rows.map((r) => r.map((c) => cellOf(c, false)));
  const layout = layoutOf(headers, rows, textWidth);
  const numeric = new Set(spec.numeric ?? []);
  // No w:insideH: the rows are ruled by their cells' top borders (see above).
  const borders = ["top", "left", "bottom", "right", "insideV"].map((side) => `<w:${side} ${BORDER}/>`).join("");
  const margins =
    `<w:top w:w="${MARGIN.top}" w:type="dxa"/><w:left w:w="${MARGIN.side}" w:type="dxa"/>` +
    `<w:bottom w:w="${MARGIN.bottom}" w:type="dxa"/><w:right w:w="${MARGIN.side}" w:type="dxa"/>`;
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${textWidth}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>`,
    `<w:tblLayout w:type="fixed"/><w:tblCellMar>${margins}</w:tblCellMar>`,
    `<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`,
    `<w:tblGrid>${layout.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
  ];
  [headers, ...rows].forEach((r, i) => parts.push(rowXml(r, layout, numeric, i)));
  parts.push("</w:tbl>");
  return parts.join("");
}

/**
 * The tables of one document: each is written as WordprocessingML text in place of a placeholder paragraph
 * that names it by number (the docx package builds the rest of the document).
 */
export class Tables {
  readonly specs: TableSpec[] = [];
  readonly marker = `@@TABELLE-${Math.random().toString(36).slice(2)}-`;

  /** A table over the text width; `numeric` are the columns of numbers (right-aligned). */
  add(headers: string[], rows: CellSpec[][], numeric: number[] = []): Paragraph {
    const index = this.specs.push({ headers, rows, numeric }) - 1;
    return new Paragraph({ children: [new TextRun(`${this.marker}${index}@@`)] });
  }

  /** document.xml with every placeholder paragraph replaced by its table `textWidth` twips wide. */
  insertInto(documentXml: string, textWidth: number): string {
    const marker = this.marker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const placeholder = new RegExp(`<w:p>(?:(?!</w:p>).)*?${marker}(\\d+)@@(?:(?!</w:p>).)*</w:p>`, "gs");
    let replaced = 0;
    const xml = documentXml.replace(placeholder, (_, index: string) => {
      replaced++;
      return tableXml(this.specs[Number(index)]!, textWidth);
    });
    if (replaced !== this.specs.length) throw new Error(`${this.specs.length - replaced} Tabellen nicht eingefügt`);
    return xml;
  }
}
