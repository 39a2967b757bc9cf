/**
 * The report's tables as WordprocessingML text. A report of 5,000 measures has 35,000 table cells; built as
 * docx objects they took seconds and hundreds of MB to serialise, as text they take milliseconds. The rest
 * of the document (styles, headings, pictures, properties, footer) is built with the docx package, which
 * leaves one placeholder paragraph per table (see ./report.ts).
 *
 * The header row is marked `w:tblHeader` (repeated on every page) and no row splits across pages.
 */

/** A cell: its text, and optionally a fill colour, bold text and further lines in italics. */
export type CellSpec = string | { text: string; fill?: string; bold?: boolean; lines?: string[] };

export interface TableSpec {
  headers: string[];
  rows: CellSpec[][];
  /** Shares of the text width, adding up to 1. */
  widths: number[];
}

/** Paragraph styles of the table text, defined in the document's styles (./report.ts). */
export const TABLE_TEXT_STYLE = "Tabelleninhalt";
export const TABLE_HEADING_STYLE = "Tabellenkopf";

const HEADER_FILL = "D9E2F3";
const BORDER = `w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"`;

/** Characters XML 1.0 does not allow, which a cell could still hold. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** One line of text as runs: line breaks become w:br, soft hyphens w:softHyphen. */
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

function paragraph(style: string, text: string, properties = ""): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${text ? runs(text, properties) : ""}</w:p>`;
}

function cellXml(spec: CellSpec, width: number, header: boolean): string {
  const s = typeof spec === "string" ? { text: spec } : spec;
  const fill = header ? HEADER_FILL : s.fill;
  const shading = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : "";
  const style = header ? TABLE_HEADING_STYLE : TABLE_TEXT_STYLE;
  const body = [
    paragraph(style, s.text, !header && s.bold ? "<w:b/><w:bCs/>" : ""),
    ...(s.lines ?? []).map((line) => paragraph(style, line, "<w:i/><w:iCs/>")),
  ].join("");
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${body}</w:tc>`;
}

function rowXml(cells: CellSpec[], widths: number[], header: boolean): string {
  const trPr = header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>";
  return `<w:tr>${trPr}${cells.map((c, i) => cellXml(c, widths[i]!, header)).join("")}</w:tr>`;
}

/** The table as a `w:tbl` element over `textWidth` twips. */
export function tableXml(spec: TableSpec, textWidth: number): string {
  const widths = spec.widths.map((w) => Math.round(w * textWidth));
  const total = widths.reduce((a, b) => a + b, 0);
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} ${BORDER}/>`)
    .join("");
  const margins = `<w:top w:w="40" w:type="dxa"/><w:left w:w="70" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="70" w:type="dxa"/>`;
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>`,
    `<w:tblLayout w:type="fixed"/><w:tblCellMar>${margins}</w:tblCellMar>`,
    `<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
    rowXml(spec.headers, widths, true),
  ];
  for (const row of spec.rows) parts.push(rowXml(row, widths, false));
  parts.push("</w:tbl>");
  return parts.join("");
}
