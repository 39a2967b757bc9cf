/**
 * The Sachstandsbericht as a Word document (.docx) from the report model: real heading styles (a table of
 * contents works), tables whose header row repeats on every page and that print every row in Word and
 * LibreOffice (./tables.ts), de-DE as the language, title and author in the document properties, „Seite x von
 * y“ in the footer, and each indicator's chart as a picture whose alt text states its values. The text is set
 * in Calibri, which LibreOffice replaces by the metric-compatible Carlito, so the column widths computed for
 * it (./layout.ts) hold in both. Runs in Node and in the browser; the rasteriser of the charts is handed in.
 */
import { type Zippable, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx";
import type { ReportModel } from "../domain/report";
import { CHART_HEIGHT, CHART_WIDTH, hasChart, indicatorChartSvg } from "./chart";
import { date } from "./format";
import { type ChartImages, annexSection, fieldSection, roundSection, summarySection, titleBlock } from "./sections";
import { TABLE_HEADING_STYLE, TABLE_TEXT_PT, TABLE_TEXT_STYLE, Tables } from "./tables";

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

const CHARTS_PER_BATCH = 20;

async function rasterizeCharts(model: ReportModel, charts: ChartRasterizer | undefined): Promise<ChartImages> {
  const images: ChartImages = new Map();
  if (!charts) return images;
  for (const indicator of model.fields.flatMap((f) => f.indicators)) {
    if (!hasChart(indicator) || images.has(indicator.id)) continue;
    images.set(
      indicator.id,
      await charts.toPng(indicatorChartSvg(indicator, { labels: charts.labels, fontFamily: charts.fontFamily })),
    );
    if (images.size % CHARTS_PER_BATCH === 0) await charts.release?.();
  }
  await charts.release?.();
  return images;
}

export interface RenderOptions {
  /** Without a rasteriser the report has no charts; the tables carry the same numbers. */
  charts?: ChartRasterizer;
  /** Author (creator) in the document properties; defaults to the Kommune. */
  author?: string;
}

const FONT = "Calibri";
/** A4 with 2 cm margins: the text is 9638 twips (about 642 px) wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Shown width of a chart in px (96 per inch); the PNG has 1,5 times as many. */
const CHART_SHOWN = { width: 600, height: Math.round((600 * CHART_HEIGHT) / CHART_WIDTH) };

// ---- document -------------------------------------------------------------------------------------------

function pageHeader(model: ReportModel): Header {
  const title = model.title.konzepttitel || "Handlungskonzept";
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            text: `Sachstandsbericht ${title} · Stand ${date(model.title.stichtag)}`,
            size: 16,
            color: "595959",
          }),
        ],
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

function reportDocument(model: ReportModel, options: RenderOptions, t: Tables, images: ChartImages): Document {
  const charts = { images, size: CHART_SHOWN, figures: { n: 0 } };
  const title = `Sachstandsbericht ${model.title.konzepttitel || "Handlungskonzept"} – Stand ${date(model.title.stichtag)}`;
  const children: Paragraph[] = [
    ...titleBlock(model),
    ...summarySection(model, t),
    new Paragraph({ text: "Stand nach Handlungsfeldern", heading: HeadingLevel.HEADING_1, keepNext: true }),
    ...model.fields.flatMap((f) => fieldSection(f, t, charts)),
    ...(model.bewertung ? roundSection(model.bewertung, t) : []),
    ...annexSection(model, t),
  ];
  const author = options.author || model.title.kommune || "Maßnahmenplaner";
  return new Document({
    title,
    subject: "Sachstandsbericht",
    creator: author,
    lastModifiedBy: author,
    description: `Erstellt mit dem Maßnahmenplaner, Stand ${date(model.title.stichtag)}.`,
    styles: {
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
    },
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
        headers: { default: pageHeader(model) },
        footers: { default: pageFooter() },
        children,
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

/** The report as .docx bytes. */
export async function renderReport(model: ReportModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const images = await rasterizeCharts(model, options.charts);
  const tables = new Tables();
  const files = unzipSync(await Packer.pack(reportDocument(model, options, tables, images), "uint8array"));
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
