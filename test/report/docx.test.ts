/**
 * The Word document's structure, read from its XML: heading styles a table of contents can use, header rows
 * that repeat, alt text on the charts, de-DE, title and author, page numbers; and the charts themselves.
 */
import { strFromU8, unzipSync } from "fflate";
import { buildReportModel } from "../../src/domain/report";
import { chartAltText, indicatorChartSvg } from "../../src/docx/chart";
import { findChartFont, resvgRasterizer } from "../../src/docx/raster";
import { renderReport } from "../../src/docx/report";
import { checkedConcept, conceptRows, monitoring } from "./fixture";

const { concept, check } = checkedConcept();
const model = buildReportModel(concept, check, { monitoring: monitoring() });

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

const all = (text: string, re: RegExp) => [...text.matchAll(re)];
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("the report as .docx", () => {
  let xml: Record<string, string>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderReport(model, { charts: resvgRasterizer() });
    xml = await parts(bytes);
  });

  it("uses the built-in heading styles 1–3 for the chapters, Handlungsfelder and their parts", () => {
    const doc = xml["word/document.xml"]!;
    const headings = all(
      doc,
      /<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading[123])"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs,
    ).map((m) => [
      m[1],
      all(m[0], /<w:t[^>]*>([^<]*)<\/w:t>/g)
        .map((t) => decode(t[1]!))
        .join(""),
    ]);
    expect(headings.filter(([level]) => level === "Heading1").map(([, text]) => text)).toEqual([
      "Zusammenfassung",
      "Stand nach Handlungsfeldern",
      "Anhang",
    ]);
    expect(headings.filter(([level]) => level === "Heading2").map(([, text]) => text)).toEqual([
      "HF-01 – Bildung und Sprache",
      "HF-02 – Arbeit",
      "Überfällige Maßnahmen",
      "Fehlende Sachstände",
    ]);
    expect(headings.filter(([level]) => level === "Heading3").map(([, text]) => text)).toContain("Indikatoren");
    // Word and LibreOffice recognise the styles as their own headings by name (case does not matter), so a
    // table of contents collects them.
    const styles = xml["word/styles.xml"]!;
    for (const n of [1, 2, 3]) {
      expect(styles).toMatch(
        new RegExp(`<w:style [^>]*w:styleId="Heading${n}"[^>]*>\\s*<w:name w:val="heading ${n}"/>`, "i"),
      );
    }
  });

  it("repeats the header row of every table on each page", () => {
    const doc = xml["word/document.xml"]!;
    const tables = all(doc, /<w:tbl>.*?<\/w:tbl>/gs).map((m) => m[0]);
    // summary: Status, money, Ampel; per Handlungsfeld: indicators, measures, money; annex: 2
    expect(tables.length).toBe(3 + 2 * 3 + 2);
    for (const table of tables) {
      const rows = all(table, /<w:tr>.*?<\/w:tr>/gs).map((m) => m[0]);
      expect(rows[0]).toContain("<w:tblHeader/>");
      expect(rows.slice(1).some((r) => r.includes("<w:tblHeader/>"))).toBe(false);
    }
  });

  it("gives each chart alt text that states its values and the Soll path", () => {
    const descr = all(xml["word/document.xml"]!, /<wp:docPr [^>]*descr="([^"]*)"/g).map((m) => decode(m[1]!));
    expect(descr).toEqual([
      "Liniendiagramm I-001 Sprachförderquote. Ist-Werte 31.12.2024: 40\u00a0%; 31.12.2025: 52\u00a0%. " +
        "Soll-Pfad von 40\u00a0% (Basisjahr 2024) bis 80\u00a0% (Zieljahr 2028).",
      "Liniendiagramm I-002 Beschäftigte Zugewanderte (Einheit: Anzahl). Ist-Werte 31.12.2024: 1.000; 31.12.2025: 1.050. " +
        "Soll-Pfad von 1.000 (Basisjahr 2024) bis 1.400 (Zieljahr 2028).",
    ]);
    const media = Object.keys(unzipSync(bytes)).filter((n) => n.startsWith("word/media/"));
    expect(media).toHaveLength(2);
  });

  it("never hyphenates a word in a table cell: no automatic hyphenation, and it is suppressed in the table styles", () => {
    expect(xml["word/settings.xml"]).not.toContain("autoHyphenation");
    const style = /<w:style [^>]*w:styleId="Tabelleninhalt".*?<\/w:style>/s.exec(xml["word/styles.xml"]!)?.[0] ?? "";
    expect(style).toContain("<w:suppressAutoHyphens/>");
    expect(xml["word/styles.xml"]).toMatch(
      /<w:style [^>]*w:styleId="Tabellenkopf"[^>]*>.*?<w:basedOn w:val="Tabelleninhalt"\/>/s,
    );
    // Calibri, which LibreOffice sets in the metric-compatible Carlito: the column widths hold in both.
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(xml["word/styles.xml"]!)?.[0] ?? "";
    expect(defaults).toMatch(/<w:rFonts w:ascii="Calibri"/);
  });

  it("is German: de-DE in the document defaults", () => {
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(xml["word/styles.xml"]!)?.[0] ?? "";
    expect(defaults).toMatch(/<w:lang w:val="de-DE"/);
  });

  it("carries title and author in the document properties", () => {
    const core = xml["docProps/core.xml"]!;
    expect(core).toContain("<dc:title>Sachstandsbericht Integrationskonzept 2025–2029 – Stand 30.06.2026</dc:title>");
    expect(core).toContain("<dc:creator>Stadt Musterhausen</dc:creator>");
  });

  it("numbers the pages „Seite x von y“ in the footer", () => {
    const footers = Object.entries(xml).filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = footers[0]![1];
    const text = all(footer, /<w:t[^>]*>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)
      .map((m) => m[1] ?? `{${m[2]!.trim()}}`)
      .join("");
    expect(text).toBe("Seite {PAGE} von {NUMPAGES}");
  });

  it("writes any text a cell can hold as text: markup characters, line breaks, no control characters", async () => {
    const rows = conceptRows();
    rows.massnahmen![0]!.titel = "Kurse & <Treffen> =SUMME(A1)\u0007";
    const checked = checkedConcept(rows);
    const m = buildReportModel(checked.concept, checked.check, {
      monitoring: {
        ...monitoring(),
        sachstaende: [
          {
            massnahme: "M-001",
            berichtsstichtag: "2026-06-30",
            status: "geplant",
            umsetzung: 0,
            ampel: null,
            sachstand: "Erste Zeile\nzweite Zeile",
          },
        ],
      },
    });
    const doc = (await parts(await renderReport(m)))["word/document.xml"]!;
    expect(doc).toContain('<w:t xml:space="preserve">Kurse &amp; &lt;Treffen&gt; =SUMME(A1)</w:t>');
    expect(doc).toContain(
      '<w:t xml:space="preserve">Erste Zeile</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">zweite Zeile</w:t>',
    );
    expect(doc).not.toContain("\u0007");
  });

  it("without a rasteriser has no pictures, and the tables still carry every number", async () => {
    const plain = await parts(await renderReport(model));
    expect(plain["word/document.xml"]).not.toContain("<wp:docPr");
    expect(plain["word/document.xml"]).toContain("1.050 (31.12.2025)");
  });
});

describe("indicator chart", () => {
  const i1 = model.fields[0]!.indicators[0]!;

  it("draws the values in Stichtag order and the Soll path as a dashed line from Basis to Ziel", () => {
    const svg = indicatorChartSvg(i1, { labels: true });
    const path = /<path d="M([\d.]+) ([\d.]+) L([\d.]+) ([\d.]+)"/.exec(svg)!;
    const [x1, y1, x2, y2] = path.slice(1).map(Number);
    expect(x2).toBeGreaterThan(x1!); // 2024 before 2025
    expect(y2).toBeLessThan(y1!); // 52 above 40 (SVG y grows downwards)
    const soll = /<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"[^>]*stroke-dasharray/.exec(svg)!;
    const [sx1, sy1, sx2, sy2] = soll.slice(1).map(Number);
    expect(sx1).toBeCloseTo(x1!, 0); // both start at 31.12.2024 …
    expect(sy1).toBeCloseTo(y1!, 0); // … at the Basiswert 40
    expect(sx2).toBeGreaterThan(x2!);
    expect(sy2).toBeLessThan(y2!); // up to 80 in 2028
    expect(svg).toContain(">40\u00a0%</text>");
    expect(svg).toContain(">Soll-Pfad bis zum Zielwert</text>");
  });

  it("leaves out all text when the rasteriser has no font, and the Soll path when Basis or Ziel is missing", () => {
    const noFont = indicatorChartSvg(i1, { labels: false });
    expect(noFont).not.toContain("<text");
    const withoutZiel = { ...i1, ziel: { wert: null, jahr: 2028 } };
    expect(indicatorChartSvg(withoutZiel, { labels: true })).not.toContain("stroke-dasharray");
    expect(chartAltText(withoutZiel)).toContain("Ohne Soll-Pfad");
  });

  it("without a font file draws no text and still rasterises", () => {
    expect(findChartFont([{ file: "/gibt/es/nicht.ttf", family: "Nirgends" }])).toBeNull();
    const noFont = resvgRasterizer(null);
    expect(noFont.labels).toBe(false);
    const png = noFont.toPng(indicatorChartSvg(i1, { labels: noFont.labels }));
    expect(Buffer.from(png.subarray(1, 4)).toString("ascii")).toBe("PNG");
  });

  it("places each value by its date: the time axis is proportional, not one step per value", () => {
    const uneven = {
      ...i1,
      werte: [
        { stichtag: "2025-12-31", wert: 50 },
        { stichtag: "2026-06-30", wert: 55 },
        { stichtag: "2030-12-31", wert: 70 },
      ],
    };
    const svg = indicatorChartSvg(uneven, { labels: true });
    // The points, then the legend's marker.
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="[\d.]+" r="4" fill="#1f4e79"\/>/g)];
    expect(circles).toHaveLength(4);
    const xs = circles.slice(0, 3).map((m) => Number(m[1]));
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    // 181 days, then 1645 days: the gaps between the points stand in the same ratio (to the rounding of 0,1 px).
    const ratio = (xs[1]! - xs[0]!) / (xs[2]! - xs[1]!);
    expect(ratio).toBeCloseTo(days("2025-12-31", "2026-06-30") / days("2026-06-30", "2030-12-31"), 2);
    // The Soll path ends at 31.12. of the Zieljahr 2028, between the second and the third value.
    const soll = /<line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"[^>]*stroke-dasharray/.exec(svg)!;
    expect(Number(soll[2])).toBeGreaterThan(xs[1]!);
    expect(Number(soll[2])).toBeLessThan(xs[2]!);
  });

  it("rasterises to a PNG 1,5 times the drawn size", () => {
    const png = resvgRasterizer().toPng(indicatorChartSvg(i1, { labels: true }));
    expect(Buffer.from(png.subarray(1, 4)).toString("ascii")).toBe("PNG");
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([960, 390]);
  });
});
