/**
 * The Sachstandsbericht as a Word document (.docx) from the report model: real heading styles (a table of
 * contents works), tables whose header row repeats on every page, de-DE as the language, title and author
 * in the document properties, „Seite x von y“ in the footer, and each indicator's chart as a picture whose
 * alt text states its values. Runs in Node and in the browser; the rasteriser of the charts is handed in.
 */
import { type Zippable, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import type { Ampel } from "../domain/matrix";
import {
  type IndicatorAmpel,
  KEINE_DATEN,
  type ReportField,
  type ReportIndicator,
  type ReportMeasure,
  type ReportModel,
  type ReportRound,
} from "../domain/report";
import { CHART_HEIGHT, CHART_WIDTH, chartAltText, hasChart, indicatorChartSvg } from "./chart";
import { count, date, longDate, number, percent, score, valueInUnit } from "./format";
import { type CellSpec, TABLE_HEADING_STYLE, TABLE_TEXT_STYLE, type TableSpec, tableXml } from "./tables";

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

/** The PNG of each indicator's chart, by indicator ID (indicators without values have none). */
type ChartImages = Map<string, Uint8Array>;

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

const FONT = "Arial";
/** A4 with 2 cm margins: the text is 9638 twips (about 642 px) wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Shown width of a chart in px (96 per inch); the PNG has 1,5 times as many. */
const CHART_SHOWN = { width: 600, height: Math.round((600 * CHART_HEIGHT) / CHART_WIDTH) };

const AMPEL_FILL: Record<IndicatorAmpel, string> = {
  grün: "C6EFCE",
  gelb: "FFEB9C",
  rot: "FFC7CE",
  [KEINE_DATEN]: "EDEDED",
};
const DASH = "–";

// ---- building blocks ------------------------------------------------------------------------------------

/**
 * The tables of one document: each is written as WordprocessingML text (./tables.ts) in place of a
 * placeholder paragraph that names it by number.
 */
class Tables {
  readonly specs: TableSpec[] = [];
  readonly marker = `@@TABELLE-${Math.random().toString(36).slice(2)}-`;

  /** A table over the text width; `widths` are shares that add up to 1. */
  add(headers: string[], rows: CellSpec[][], widths: number[]): Paragraph {
    const index = this.specs.push({ headers, rows, widths }) - 1;
    return new Paragraph({ children: [new TextRun(`${this.marker}${index}@@`)] });
  }

  /** document.xml with every placeholder paragraph replaced by its table. */
  insertInto(documentXml: string): string {
    const marker = this.marker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const placeholder = new RegExp(`<w:p>(?:(?!</w:p>).)*?${marker}(\\d+)@@(?:(?!</w:p>).)*</w:p>`, "gs");
    let replaced = 0;
    const xml = documentXml.replace(placeholder, (_, index: string) => {
      replaced++;
      return tableXml(this.specs[Number(index)]!, TEXT_WIDTH);
    });
    if (replaced !== this.specs.length) throw new Error(`${this.specs.length - replaced} Tabellen nicht eingefügt`);
    return xml;
  }
}

const para = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 120 } });

const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    keepNext: true,
  });

const spacer = () => new Paragraph({ children: [], spacing: { after: 120 } });

const ampelCell = (ampel: IndicatorAmpel | Ampel | null): CellSpec =>
  ampel ? { text: ampel, fill: AMPEL_FILL[ampel] } : DASH;

// ---- content --------------------------------------------------------------------------------------------

function titleBlock(model: ReportModel): Paragraph[] {
  const { kommune, konzepttitel, stichtag, berichtsstichtag } = model.title;
  const blocks = [
    new Paragraph({ text: "Sachstandsbericht", heading: HeadingLevel.TITLE }),
    para(konzepttitel || "Handlungskonzept", { bold: true, size: 28 }),
  ];
  if (kommune) blocks.push(para(kommune, { size: 24 }));
  blocks.push(para(`Stichtag: ${longDate(stichtag)}`));
  if (berichtsstichtag) blocks.push(para(`Berichtsstichtag der Sachstände: ${longDate(berichtsstichtag)}`));
  blocks.push(
    para(
      `Dieser Bericht gibt den Stand der Umsetzung ${konzepttitel ? `des Konzepts „${konzepttitel}“` : "des Handlungskonzepts"} ` +
        `zum ${date(stichtag)} wieder: die Maßnahmen je Handlungsfeld mit ihrem letzten Sachstand, die Entwicklung der ` +
        "Indikatoren gegenüber dem Soll und, soweit vorhanden, das Ergebnis der letzten Bewertungsrunde. Grundlage sind " +
        "die Angaben der federführenden Stellen im Maßnahmenplan.",
    ),
  );
  return blocks;
}

function summarySection(model: ReportModel, t: Tables): Paragraph[] {
  const s = model.summary;
  const fieldCount = model.fields.filter((f) => f.id !== "").length;
  const out: Paragraph[] = [heading("Zusammenfassung", 1)];
  out.push(
    para(
      `Der Maßnahmenplan umfasst ${count(s.measures, "Maßnahme", "Maßnahmen")} in ${count(fieldCount, "Handlungsfeld", "Handlungsfeldern")}. ` +
        `${number(s.smartComplete)} von ${number(s.active)} Maßnahmen (ohne verworfene) sind SMART-vollständig beschrieben. ` +
        (s.overdue === 0
          ? "Zum Stichtag ist keine Frist überschritten."
          : `Bei ${count(s.overdue, "Maßnahme", "Maßnahmen")} ist die Frist zum Stichtag überschritten, ohne dass sie umgesetzt ist (siehe Anhang).`),
    ),
  );
  out.push(heading("Maßnahmen nach Status", 3));
  out.push(
    t.add(
      ["Status", "Maßnahmen"],
      [
        ...s.byStatus.map((b) => [b.status, number(b.count)]),
        [
          { text: "Zusammen", bold: true },
          { text: number(s.measures), bold: true },
        ],
      ],
      [0.7, 0.3],
    ),
    spacer(),
  );
  out.push(heading("Indikatoren nach Ampel", 3));
  out.push(
    para(
      model.monitoring
        ? "Die Ampel eines Indikators vergleicht seine Zielerreichung mit dem zeitlichen Soll: grün im Plan, gelb mit Rückstand, rot mit deutlichem Rückstand; keine Daten, wenn Ist-, Basis- oder Zielwert fehlt."
        : "Für diesen Bericht lagen keine Indikatorwerte vor; alle Indikatoren stehen daher auf „keine Daten“.",
    ),
    t.add(
      ["Ampel", "Indikatoren"],
      [
        ...s.indicatorsByAmpel.map((a) => [ampelCell(a.ampel), number(a.count)]),
        [
          { text: "Zusammen", bold: true },
          { text: number(s.indicators), bold: true },
        ],
      ],
      [0.7, 0.3],
    ),
    spacer(),
  );
  const b = model.bewertung;
  out.push(
    para(
      b
        ? `In der Bewertungsrunde ${b.round} sind ${number(b.scored)} von ${count(b.rows.length, "Maßnahme", "Maßnahmen")} bewertet` +
            (b.meanGesamt === null
              ? "."
              : `; die mittlere Gesamtbewertung beträgt ${score(b.meanGesamt)} auf der Skala von 0 bis 4.`)
        : "Eine Bewertungsrunde liegt noch nicht vor.",
    ),
  );
  return out;
}

const withYear = (wert: number | null, jahr: number | null, einheit: string) =>
  wert === null ? DASH : `${valueInUnit(wert, einheit)}${jahr === null ? "" : ` (${jahr})`}`;

function indicatorRow(i: ReportIndicator): CellSpec[] {
  return [
    { text: `${i.id} ${i.name}`, lines: i.einheit ? [`Einheit: ${i.einheit}`] : [] },
    withYear(i.basis.wert, i.basis.jahr, i.einheit),
    i.ist ? `${valueInUnit(i.ist.wert, i.einheit)} (${date(i.ist.stichtag)})` : DASH,
    withYear(i.ziel.wert, i.ziel.jahr, i.einheit),
    i.zielerreichung === null ? DASH : percent(i.zielerreichung),
    i.soll === null ? DASH : percent(i.soll),
    ampelCell(i.ampel),
  ];
}

function chartBlock(i: ReportIndicator, png: Uint8Array, figure: number): Paragraph[] {
  const alt = chartAltText(i);
  return [
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: CHART_SHOWN,
          altText: { name: `Diagramm ${i.id}`, title: `${i.id} ${i.name}`, description: alt },
        }),
      ],
    }),
    new Paragraph({
      style: "Caption",
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: `Abbildung ${figure}: ${i.id} ${i.name} – Ist-Werte und Soll-Pfad` })],
    }),
  ];
}

function measureRow(m: ReportMeasure): CellSpec[] {
  const sachstand: CellSpec = m.sachstand
    ? {
        text: m.sachstand.text,
        lines: [
          `Stand ${date(m.sachstand.berichtsstichtag)}${m.sachstand.ampel ? `, Ampel ${m.sachstand.ampel}` : ""}`,
        ],
      }
    : "";
  return [
    m.id,
    m.titel,
    m.federfuehrung,
    m.frist.date ? date(m.frist.date) : m.frist.text,
    m.status,
    m.umsetzung === null ? "" : `${number(m.umsetzung)}\u00a0%`,
    sachstand,
  ];
}

const MEASURE_HEADERS = ["ID", "Maßnahme", "Feder\u00adführung", "Frist", "Status", "Umset\u00adzung", "Sachstand"];
const MEASURE_WIDTHS = [0.075, 0.19, 0.14, 0.13, 0.13, 0.095, 0.24];

function fieldSection(field: ReportField, t: Tables, images: ChartImages, figures: { n: number }): Paragraph[] {
  const out: Paragraph[] = [heading(field.id ? `${field.id} – ${field.name}` : field.name, 2)];
  if (field.leitziel) {
    out.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: "Leitziel: ", bold: true }), new TextRun(field.leitziel)],
      }),
    );
  }
  out.push(heading("Indikatoren", 3));
  if (field.indicators.length === 0) {
    out.push(para("Diesem Handlungsfeld ist kein Indikator zugeordnet."));
  } else {
    out.push(
      t.add(
        ["Indikator", "Basis", "Ist", "Ziel", "Ziel\u00aderreichung", "Soll", "Ampel"],
        field.indicators.map(indicatorRow),
        [0.25, 0.12, 0.16, 0.12, 0.13, 0.1, 0.12],
      ),
      spacer(),
    );
    for (const i of field.indicators) {
      const png = images.get(i.id);
      if (png) out.push(...chartBlock(i, png, ++figures.n));
    }
    const withoutValues = field.indicators.filter((i) => !hasChart(i)).map((i) => i.id);
    if (withoutValues.length) {
      out.push(para(`Ohne Werte bis zum Stichtag (kein Diagramm): ${withoutValues.join(", ")}.`, { italics: true }));
    }
  }
  out.push(heading("Maßnahmen", 3));
  out.push(
    field.measures.length === 0
      ? para("Diesem Handlungsfeld ist keine Maßnahme zugeordnet.")
      : t.add(MEASURE_HEADERS, field.measures.map(measureRow), MEASURE_WIDTHS),
  );
  return out;
}

function roundSection(round: ReportRound, t: Tables): Paragraph[] {
  return [
    heading(`Bewertung ${round.round}`, 1),
    para(
      `Das Bewertungsteam hat ${number(round.scored)} von ${count(round.rows.length, "Maßnahme", "Maßnahmen")} bewertet. ` +
        "Die Gesamtbewertung ist der gewichtete Mittelwert der Kriterien auf der Skala von 0 (nicht erfüllt) bis 4 (vollständig).",
    ),
    t.add(
      ["ID", "Maßnahme", "Handlungsfeld", "Gesamt", "Ampel", "Empfehlung"],
      round.rows.map((r) => [
        r.id,
        r.titel,
        r.handlungsfeld,
        r.gesamt === null ? "nicht bewertet" : score(r.gesamt),
        ampelCell(r.ampel),
        r.empfehlung,
      ]),
      [0.085, 0.3, 0.22, 0.145, 0.1, 0.15],
    ),
  ];
}

function annexSection(model: ReportModel, t: Tables): Paragraph[] {
  const out: Paragraph[] = [heading("Anhang", 1), heading("Überfällige Maßnahmen", 2)];
  const { overdue, missingSachstaende } = model.annex;
  out.push(
    overdue.length === 0
      ? para("Zum Stichtag ist bei keiner Maßnahme die Frist überschritten.")
      : t.add(
          ["ID", "Maßnahme", "Federführung", "Frist", "Status"],
          overdue.map((m) => [
            m.id,
            m.titel,
            m.federfuehrung,
            m.frist.date ? date(m.frist.date) : m.frist.text,
            m.status,
          ]),
          [0.075, 0.39, 0.2, 0.14, 0.195],
        ),
  );
  out.push(heading("Fehlende Sachstände", 2));
  if (missingSachstaende === null) {
    out.push(
      para(
        model.monitoring
          ? "Es ist kein Berichtsstichtag festgelegt; fehlende Sachstände lassen sich daher nicht feststellen."
          : "Für diesen Bericht lagen keine Sachstände vor (keine Daten).",
      ),
    );
  } else if (missingSachstaende.length === 0) {
    out.push(
      para(`Zum Berichtsstichtag ${date(model.title.berichtsstichtag!)} liegen alle erwarteten Sachstände vor.`),
    );
  } else {
    out.push(
      para(`Für den Berichtsstichtag ${date(model.title.berichtsstichtag!)} fehlt der Sachstand dieser Maßnahmen:`),
      t.add(
        ["ID", "Maßnahme", "Federführung", "Status"],
        missingSachstaende.map((m) => [m.id, m.titel, m.federfuehrung, m.status]),
        [0.085, 0.5, 0.25, 0.165],
      ),
    );
  }
  return out;
}

// ---- document -------------------------------------------------------------------------------------------

function pageHeader(model: ReportModel): Header {
  const title = model.title.konzepttitel || "Handlungskonzept";
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            text: `Sachstandsbericht ${title} · Stichtag ${date(model.title.stichtag)}`,
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

const headingStyle = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: "1F3864" },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

function reportDocument(model: ReportModel, options: RenderOptions, t: Tables, images: ChartImages): Document {
  const figures = { n: 0 };
  const title = `Sachstandsbericht ${model.title.konzepttitel || "Handlungskonzept"} – Stichtag ${date(model.title.stichtag)}`;
  const children: Paragraph[] = [
    ...titleBlock(model),
    ...summarySection(model, t),
    heading("Stand nach Handlungsfeldern", 1),
    ...model.fields.flatMap((f) => fieldSection(f, t, images, figures)),
    ...(model.bewertung ? roundSection(model.bewertung, t) : []),
    ...annexSection(model, t),
  ];
  const author = options.author || model.title.kommune || "Maßnahmenplaner";
  return new Document({
    title,
    subject: "Sachstandsbericht",
    creator: author,
    lastModifiedBy: author,
    description: `Erstellt mit dem Maßnahmenplaner am Stichtag ${date(model.title.stichtag)}.`,
    // German compounds in narrow table columns break at syllables, not anywhere.
    hyphenation: { autoHyphenation: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, language: { value: "de-DE" } },
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
        {
          id: TABLE_TEXT_STYLE,
          name: "Tabelleninhalt",
          basedOn: "Normal",
          quickFormat: true,
          run: { size: 18 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: TABLE_HEADING_STYLE,
          name: "Tabellenkopf",
          basedOn: TABLE_TEXT_STYLE,
          quickFormat: true,
          run: { bold: true },
        },
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

/** The report as .docx bytes. */
export async function renderReport(model: ReportModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const images = await rasterizeCharts(model, options.charts);
  const tables = new Tables();
  const files = unzipSync(await Packer.pack(reportDocument(model, options, tables, images), "uint8array"));
  files["word/document.xml"] = strToU8(tables.insertInto(strFromU8(files["word/document.xml"]!)));
  // Pictures are compressed already: stored as they are, the rest deflated.
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [
      name,
      /\.(png|jpe?g)$/i.test(name) ? ([data, { level: 0 }] as const) : data,
    ]),
  );
  return zipSync(entries as Zippable, { level: 6 });
}
