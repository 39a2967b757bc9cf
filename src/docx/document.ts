/**
 * What every Word document of the program shares: A4 with 2 cm margins, Calibri (LibreOffice sets it in the
 * metric-compatible Carlito, so the column widths computed for it hold in both), de-DE as the language, real
 * heading styles, the table paragraph styles (./tables.ts writes its paragraphs in them) without hyphenation,
 * „Seite x von y“ in the footer, and the packing: the docx package builds the document, the tables are put in
 * as WordprocessingML text (./tables.ts), pictures stored, the rest deflated.
 */
import { type Zippable, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { AlignmentType, type Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { TABLE_HEADING_STYLE, TABLE_TEXT_PT, TABLE_TEXT_STYLE, type Tables } from "./tables";

export const FONT = "Calibri";
/** A4 with 2 cm margins: the text is 9638 twips (about 642 px) wide. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** The section properties of an A4 page with 2 cm margins. */
export const A4_PAGE = {
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
  },
};

/** A header line at the right, small and grey. */
export function pageHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, size: 16, color: "595959" })] }),
    ],
  });
}

/** „Seite x von y“, centred. */
export function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ["Seite ", PageNumber.CURRENT, " von ", PageNumber.TOTAL_PAGES], size: 18 }),
        ],
      }),
    ],
  });
}

/** The paragraph styles of the table text (./tables.ts writes paragraphs in them; they must exist). */
export const TABLE_PARAGRAPH_STYLES = [
  {
    id: TABLE_TEXT_STYLE,
    name: "Tabelleninhalt",
    basedOn: "Normal",
    quickFormat: true,
    run: { size: TABLE_TEXT_PT * 2 },
    paragraph: { spacing: { before: 0, after: 0 } },
  },
  {
    id: TABLE_HEADING_STYLE,
    name: "Tabellenkopf",
    basedOn: TABLE_TEXT_STYLE,
    quickFormat: true,
    run: { bold: true },
  },
];

const headingStyle = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: "1F3864" },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

/** The styles of a document: Calibri 11 in de-DE, title, three heading levels, captions and the table text. */
export function documentStyles() {
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: "de-DE" } },
        paragraph: { spacing: { after: 60 } },
      },
      title: { run: { font: FONT, size: 44, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 240 } } },
      heading1: headingStyle(32, 360),
      heading2: headingStyle(26, 280),
      heading3: headingStyle(22, 200),
    },
    paragraphStyles: [
      {
        id: "Caption",
        name: "caption",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { size: 18, italics: true, color: "404040" },
      },
      ...TABLE_PARAGRAPH_STYLES,
    ],
  };
}

/**
 * styles.xml with hyphenation off in the table text (`w:suppressAutoHyphens`, which the docx package does not
 * write): a word in a cell never breaks, even when someone turns hyphenation on for the document.
 */
function withoutHyphenation(styles: string): string {
  const style = new RegExp(`(<w:style [^>]*w:styleId="${TABLE_TEXT_STYLE}"[^>]*>(?:(?!</w:style>).)*?<w:pPr>)`, "s");
  if (!style.test(styles)) throw new Error(`Absatzformat ${TABLE_TEXT_STYLE} nicht gefunden`);
  // First in the style's pPr: it has spacing only, which comes after suppressAutoHyphens in CT_PPrBase.
  return styles.replace(style, "$1<w:suppressAutoHyphens/>");
}

/** The document as .docx bytes, its tables put in over the text width. */
export async function packDocument(document: Document, tables: Tables): Promise<Uint8Array> {
  const files = unzipSync(await Packer.pack(document, "uint8array"));
  files["word/document.xml"] = strToU8(tables.insertInto(strFromU8(files["word/document.xml"]!), TEXT_WIDTH));
  files["word/styles.xml"] = strToU8(withoutHyphenation(strFromU8(files["word/styles.xml"]!)));
  // Pictures are compressed already: stored as they are, the rest deflated.
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [
      name,
      /\.(png|jpe?g)$/i.test(name) ? ([data, { level: 0 }] as const) : data,
    ]),
  );
  return zipSync(entries as Zippable, { level: 6 });
}
