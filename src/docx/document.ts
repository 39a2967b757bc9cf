/**
 * What every Word document of the program shares (the Sachstandsbericht ./report.ts, the Integrationsbericht
 * ./integrationsbericht.ts, the Vorlage ./vorlage.ts): A4 with 2 cm margins, Calibri (which LibreOffice sets in the metric-compatible
 * Carlito, so the column widths computed for it in ./layout.ts hold in both), de-DE, real heading styles,
 * the table paragraph styles, a running header, „Seite x von y“ in the footer, the charts rasterised in
 * batches, and the package: the docx package writes the document, ./tables.ts puts the tables in as text.
 */
import { type Zippable, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  type ISectionOptions,
  type IStylesOptions,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import { CHART_HEIGHT, CHART_WIDTH } from "./chart";
import { TABLE_HEADING_STYLE, TABLE_TEXT_PT, TABLE_TEXT_STYLE, type Tables } from "./tables";

/**
 * Turns a chart's SVG into PNG bytes; `labels` says whether it can draw text (has a font). Synchronous in
 * Node (resvg), asynchronous in the browser (an image drawn to a canvas).
 */
export interface ChartRasterizer {
  labels: boolean;
  fontFamily?: string;
  toPng(svg: string): Uint8Array | Promise<Uint8Array>;
  /** Lets the rasteriser free what it holds after a batch of charts (native memory, see ./raster.ts). */
  release?(): Promise<void>;
}

/** The PNG of each chart, by a key of the document's (an indicator's ID). */
export type ChartImages = Map<string, Uint8Array>;

const CHARTS_PER_BATCH = 20;

/** Rasterises each chart once (`svg` is asked only for a key not drawn yet), releasing memory in batches. */
export async function rasterizeCharts(
  charts: ChartRasterizer | undefined,
  items: Iterable<{ key: string; svg: (labels: boolean, fontFamily?: string) => string }>,
): Promise<ChartImages> {
  const images: ChartImages = new Map();
  if (!charts) return images;
  for (const item of items) {
    if (images.has(item.key)) continue;
    images.set(item.key, await charts.toPng(item.svg(charts.labels, charts.fontFamily)));
    if (images.size % CHARTS_PER_BATCH === 0) await charts.release?.();
  }
  await charts.release?.();
  return images;
}

export const FONT = "Calibri";
/** A4 with 2 cm margins: the text is 9638 twips (about 642 px) wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Shown width of a chart in px (96 per inch); the PNG has 1,5 times as many. */
export const CHART_SHOWN = { width: 600, height: Math.round((600 * CHART_HEIGHT) / CHART_WIDTH) };

/** The running header: one small line on the right. */
function pageHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text, size: 16, color: "595959" })],
      }),
    ],
  });
}

function pageFooter(): Footer {
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

const STYLES: IStylesOptions = {
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

/** The document's properties and text: what differs between the program's documents. */
export interface DocumentParts {
  title: string;
  subject: string;
  author: string;
  description: string;
  /** The running header's text. */
  header: string;
  children: ISectionOptions["children"];
  /** Word updates the fields (the table of contents) when it opens the document. */
  updateFields?: boolean;
}

/** A4, 2 cm margins, the shared styles, header and footer around `parts.children`. */
export function wordDocument(parts: DocumentParts): Document {
  return new Document({
    title: parts.title,
    subject: parts.subject,
    creator: parts.author,
    lastModifiedBy: parts.author,
    description: parts.description,
    features: parts.updateFields ? { updateFields: true } : undefined,
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: { default: pageHeader(parts.header) },
        footers: { default: pageFooter() },
        children: parts.children,
      },
    ],
  });
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

/** The document as .docx bytes, with its tables put in place of their placeholders. */
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
