/**
 * The Integrationsbericht and the Gemeindeprofil as Word documents (docs/befehle.md, integrationsbericht),
 * from the content model of ../domain/integrationsbericht.ts: a title page; a table of contents over the
 * headings 1–2, written with its entries (so Word and LibreOffice show them on opening) and marked for
 * update (Word fills in the page numbers); an introduction to edit; per chapter the Basisindikatoren (table
 * and chart) and the Zielindikatoren as in the Sachstandsbericht (./sections.ts); the annex. Page, styles,
 * header, footer and tables are the Sachstandsbericht's (./document.ts, ./tables.ts).
 */
import { HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun } from "docx";
import type { IbBasisindikator, IbKapitel, IbZeile, IntegrationsberichtModel } from "../domain/integrationsbericht";
import type { MonitoringValue } from "../domain/monitoringData";
import { areaChartAltText, areaChartHeight, areaChartSvg, drawnAsIndex } from "./areaChart";
import { CHART_WIDTH, hasChart, indicatorChartSvg } from "./chart";
import {
  CHART_SHOWN,
  type ChartImages,
  type ChartRasterizer,
  packDocument,
  rasterizeCharts,
  wordDocument,
} from "./document";
import { change, date, longDate, markedValue } from "./format";
import { type FieldCharts, figureParagraphs, heading, indicatorPart, para, spacer } from "./sections";
import { type CellSpec, Tables } from "./tables";

const DASH = "–";
/** More Gruppen than this go into tables of their own below the main table. */
const GRUPPEN_INLINE = 3;
const GRUPPEN_PER_TABLE = 5;
const ROLLE_TEXT = { innen: "im eigenen Gebiet", eigen: "eigenes Gebiet", vergleich: "Vergleichsgebiet" } as const;

export interface IntegrationsberichtOptions {
  /** Without a rasteriser the report has no charts; the tables carry the same numbers. */
  charts?: ChartRasterizer;
}

/** `Integrationsbericht 2025` or `Gemeindeprofil Musterstadt`. */
export function documentTitle(model: IntegrationsberichtModel): string {
  const { profil, stichtag } = model.title;
  return profil ? `Gemeindeprofil ${profil.name}` : `Integrationsbericht ${stichtag.slice(0, 4)}`;
}

// ---- title, contents, introduction ------------------------------------------------------------------------

function titlePage(model: IntegrationsberichtModel): Paragraph[] {
  const { kommune, konzepttitel, stichtag, gebiet, profil } = model.title;
  const out: Paragraph[] = [];
  if (kommune) out.push(para(kommune, { size: 28 }));
  out.push(new Paragraph({ text: documentTitle(model), heading: HeadingLevel.TITLE, spacing: { before: 2400 } }));
  if (profil) out.push(para(`Auszug aus dem Integrationsbericht ${stichtag.slice(0, 4)} für ${gebiet}`));
  if (konzepttitel) out.push(para(konzepttitel, { bold: true, size: 28 }));
  out.push(para(`Stand: ${longDate(stichtag)}`), new Paragraph({ children: [new PageBreak()] }));
  return out;
}

/** The table of contents over the headings 1–2, filled in from them and marked for update. */
function contents(): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ children: [new TextRun({ text: "Inhalt", bold: true, size: 32, color: "1F3864" })] }),
    new TableOfContents("Inhaltsverzeichnis", { hyperlink: true, headingStyleRange: "1-2", beginDirty: true }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

const list = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} und ${names.at(-1)}` : (names[0] ?? "");

function introduction(model: IntegrationsberichtModel): Paragraph[] {
  const { gebiet, konzepttitel, stichtag, profil } = model.title;
  const vergleich = model.annex.gebiete.filter((g) => g.rolle === "vergleich").map((g) => g.name);
  const innen = model.annex.gebiete.filter((g) => g.rolle === "innen").length;
  const against = vergleich.length ? ` und der Vergleichsgebiete ${list(vergleich)}` : "";
  const what = profil
    ? `Dieses Gemeindeprofil ist ein Auszug aus dem Integrationsbericht: Es zeigt die Zahlen von ${profil.name} neben denen des Gebiets „${gebiet}“${against}, Stand ${date(stichtag)}.`
    : `Dieser Bericht beschreibt die Lage der Integration zum ${date(stichtag)}. Er zeigt die Zahlen des Gebiets „${gebiet}“` +
      (innen === 0 ? "" : innen === 1 ? ", seines Teilgebiets" : `, seiner ${innen} Teilgebiete`) +
      `${against}.`;
  const chapters = konzepttitel ? ` des Konzepts „${konzepttitel}“` : "";
  return [
    heading("Einleitung", 1),
    para(what),
    para(
      `Auf das Kapitel Bevölkerung und Zuwanderung folgt je Handlungsfeld${chapters} sein Leitziel, seine ` +
        "Basisindikatoren und seine Zielindikatoren. Die Tabellen zeigen je Gebiet den neuesten Stichtag, den frühesten " +
        "der letzten fünf Jahre und die Veränderung dazwischen (bei Anteilen in Prozentpunkten); das eigene Gebiet ist " +
        "fett gesetzt. Zeichen wie „.“ oder „p“ sind die der Statistikämter, Quellen und Abrufdaten stehen im Anhang.",
    ),
    para(
      "Diese Einleitung kann vor der Beratung ergänzt werden, etwa um die wichtigsten Entwicklungen und die " +
        "Schlussfolgerungen der AG Integration.",
      { italics: true },
    ),
  ];
}

// ---- Basisindikatoren ---------------------------------------------------------------------------------------

const valueText = (v: MonitoringValue | null, einheit: string) => (v ? markedValue(v, einheit) : DASH);

function rowCells(z: IbZeile, b: IbBasisindikator, gruppen: number[] | null): CellSpec[] {
  const strong = z.rolle === "eigen";
  const cell = (text: string): CellSpec => (strong ? { text, bold: true } : text);
  const unit = b.indikator.einheit;
  const main = gruppen === null || gruppen.length <= GRUPPEN_INLINE;
  const cells: CellSpec[] = [cell(z.name)];
  if (main) {
    if (b.frueh) cells.push(cell(valueText(z.frueh, unit)));
    cells.push(cell(valueText(z.aktuell, unit)));
    if (b.frueh) cells.push(cell(z.veraenderung === null ? DASH : change(z.veraenderung, b.veraenderung)));
  }
  for (const g of gruppen ?? []) cells.push(cell(valueText(z.gruppen[g] ?? null, unit)));
  return cells;
}

const numericAfterFirst = (n: number) => Array.from({ length: n - 1 }, (_, i) => i + 1);

/** The table Gebiet × Stichtage and change, with up to three Gruppen; more Gruppen in tables of their own. */
function basisTables(b: IbBasisindikator, t: Tables): Paragraph[] {
  const all = b.gruppen.map((_, i) => i);
  const inline = all.length <= GRUPPEN_INLINE;
  const headers = [
    "Gebiet",
    ...(b.frueh ? [date(b.frueh)] : []),
    date(b.aktuell),
    ...(b.frueh ? [b.veraenderung === "Prozentpunkte" ? "Veränderung in Prozentpunkten" : "Veränderung in %"] : []),
    ...(inline ? b.gruppen : []),
  ];
  const out: Paragraph[] = [];
  if (b.gruppen.length)
    out.push(para(`Nach Gruppe (${b.gruppen.join(", ")}): Werte zum ${date(b.aktuell)}.`, { italics: true }));
  out.push(
    t.add(
      headers,
      b.zeilen.map((z) => rowCells(z, b, inline ? all : null)),
      numericAfterFirst(headers.length),
    ),
  );
  if (!inline) {
    for (let i = 0; i < all.length; i += GRUPPEN_PER_TABLE) {
      const chunk = all.slice(i, i + GRUPPEN_PER_TABLE);
      const h = ["Gebiet", ...chunk.map((g) => b.gruppen[g]!)];
      out.push(
        spacer(),
        t.add(
          h,
          b.zeilen.filter((z) => chunk.some((g) => z.gruppen[g])).map((z) => rowCells(z, b, chunk)),
          numericAfterFirst(h.length),
        ),
      );
    }
  }
  return out;
}

/** The Datenquelle of Indikatoren and the sources the values name that it does not say already. */
const sourceText = (datenquelle: string, quellen: string[]) =>
  [datenquelle, ...quellen.filter((q) => !datenquelle.includes(q))].filter((q) => q !== "").join("; ");

/** Definition, Quelle with its date, how a computed indicator is computed. */
function basisText(b: IbBasisindikator, names: Map<string, string>): Paragraph[] {
  const { indikator } = b;
  const out: Paragraph[] = [];
  const labelled = (label: string, text: string) =>
    new Paragraph({
      spacing: { after: 80 },
      children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)],
    });
  if (indikator.definition) out.push(labelled("Definition", indikator.definition));
  out.push(
    labelled(
      "Quelle",
      (sourceText(indikator.quelle, b.quellen) || "nicht angegeben") +
        (b.abgerufenAm ? `, abgerufen am ${date(b.abgerufenAm)}` : "") +
        (indikator.einheit ? `; Einheit: ${indikator.einheit}` : ""),
    ),
  );
  if (b.berechnung) {
    const operand = (id: string) => `${id} ${names.get(id) ?? ""}`.trim();
    const times = b.berechnung.faktor === 1 ? "" : ` mal ${b.berechnung.faktor === 100 ? "100" : "1.000"}`;
    out.push(
      labelled(
        "Berechnung",
        `${operand(b.berechnung.zaehler)} geteilt durch ${operand(b.berechnung.nenner)}${times}, je Gebiet, ` +
          "Gruppe und Stichtag, an dem beide Werte vorliegen; berechnet, nicht veröffentlicht.",
      ),
    );
  }
  return out;
}

function areaChart(b: IbBasisindikator, png: Uint8Array, figure: number): Paragraph[] {
  const height = Math.round((CHART_SHOWN.width * areaChartHeight(b)) / CHART_WIDTH);
  const what = drawnAsIndex(b) ? " (Index, erster Wert je Gebiet = 100)" : "";
  const name = `${b.indikator.id} ${b.indikator.name}`;
  return figureParagraphs(
    png,
    { width: CHART_SHOWN.width, height },
    {
      id: b.indikator.id,
      title: name,
      description: areaChartAltText(b),
      caption: `Abbildung ${figure}: ${name} im Zeitverlauf${what}`,
    },
  );
}

function chapter(k: IbKapitel, t: Tables, charts: FieldCharts, names: Map<string, string>): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ text: k.titel, heading: HeadingLevel.HEADING_1, keepNext: true, pageBreakBefore: true }),
  ];
  if (k.leitziel)
    out.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: "Leitziel: ", bold: true }), new TextRun(k.leitziel)],
      }),
    );
  for (const b of k.basis) {
    out.push(heading(`${b.indikator.id} ${b.indikator.name}`, 2), ...basisText(b, names), ...basisTables(b, t));
    const png = charts.images.get(`basis:${b.indikator.id}`);
    if (png) out.push(...areaChart(b, png, ++charts.figures.n));
  }
  if (k.ohneWerte.length)
    out.push(
      para(`Ohne Werte bis zum Stichtag: ${k.ohneWerte.map((i) => `${i.id} ${i.name}`.trim()).join(", ")}.`, {
        italics: true,
      }),
    );
  if (k.ziel.length) out.push(...indicatorPart({ indicators: k.ziel }, t, charts, heading("Zielindikatoren", 2)));
  if (k.basis.length + k.ohneWerte.length + k.ziel.length === 0)
    out.push(para("Diesem Handlungsfeld sind weder Basis- noch Zielindikatoren zugeordnet."));
  return out;
}

// ---- annex ----------------------------------------------------------------------------------------------------

function annex(model: IntegrationsberichtModel, t: Tables): Paragraph[] {
  const { kennzeichen, quellen, gebiete } = model.annex;
  const out: Paragraph[] = [
    new Paragraph({ text: "Anhang", heading: HeadingLevel.HEADING_1, keepNext: true, pageBreakBefore: true }),
    heading("Zeichenerklärung", 2),
  ];
  out.push(
    kennzeichen.length
      ? t.add(
          ["Zeichen", "Bedeutung"],
          kennzeichen.map((k) => [k.zeichen, k.bedeutung]),
        )
      : para("Die Tabellen enthalten keine Zeichen der Statistikämter."),
  );
  out.push(heading("Quellen", 2));
  out.push(
    quellen.length
      ? t.add(
          ["Indikator", "Quelle", "Abgerufen am", "Nächste Veröffentlichung"],
          quellen.map((q) => [
            `${q.indikator.id} ${q.indikator.name}`,
            sourceText(q.indikator.quelle, q.quellen) || DASH,
            q.abgerufenAm ? date(q.abgerufenAm) : DASH,
            q.indikator.naechsteVeroeffentlichung || DASH,
          ]),
        )
      : para("Bis zum Stichtag liegen keine Werte der Basisindikatoren vor."),
  );
  out.push(heading("Gebiete", 2));
  if (gebiete.length)
    out.push(
      t.add(
        ["ID", "Gebiet", "Ebene", "Übergeordnet", "Rolle im Bericht"],
        gebiete.map((g) => [g.id || DASH, g.name, g.ebene || DASH, g.uebergeordnet || DASH, ROLLE_TEXT[g.rolle]]),
      ),
    );
  else out.push(para("Die Tabellen zeigen kein Gebiet."));
  return out;
}

// ---- the document -----------------------------------------------------------------------------------------------

async function chartImages(model: IntegrationsberichtModel, charts: ChartRasterizer | undefined): Promise<ChartImages> {
  const items = model.kapitel.flatMap((k) => [
    ...k.basis.map((b) => ({
      key: `basis:${b.indikator.id}`,
      svg: (labels: boolean, fontFamily?: string) => areaChartSvg(b, { labels, fontFamily }),
    })),
    ...k.ziel.filter(hasChart).map((i) => ({
      key: i.id,
      svg: (labels: boolean, fontFamily?: string) => indicatorChartSvg(i, { labels, fontFamily }),
    })),
  ]);
  return rasterizeCharts(charts, items);
}

/** The Integrationsbericht (or the Gemeindeprofil) as .docx bytes. */
export async function renderIntegrationsbericht(
  model: IntegrationsberichtModel,
  options: IntegrationsberichtOptions = {},
): Promise<Uint8Array> {
  const images = await chartImages(model, options.charts);
  const t = new Tables();
  const charts: FieldCharts = { images, size: CHART_SHOWN, figures: { n: 0 } };
  const names = new Map(
    model.kapitel.flatMap((k) => [
      ...k.basis.map((b) => [b.indikator.id, b.indikator.name] as const),
      ...k.ohneWerte.map((i) => [i.id, i.name] as const),
    ]),
  );
  const title = documentTitle(model);
  const stand = date(model.title.stichtag);
  const author = model.title.kommune || "Maßnahmenplaner";
  const document = wordDocument({
    title: `${title} – ${model.title.gebiet}`,
    subject: model.title.profil ? "Gemeindeprofil" : "Integrationsbericht",
    author,
    description: `Erstellt mit dem Maßnahmenplaner aus dem Integrationsmonitoring, Stand ${stand}.`,
    header: `${title} · ${model.title.gebiet} · Stand ${stand}`,
    updateFields: true,
    children: [
      ...titlePage(model),
      ...contents(),
      ...introduction(model),
      ...model.kapitel.flatMap((k) => chapter(k, t, charts, names)),
      ...annex(model, t),
    ],
  });
  return packDocument(document, t);
}
