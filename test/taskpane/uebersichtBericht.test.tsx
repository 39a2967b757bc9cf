/** @jest-environment jsdom */
/**
 * „Übersicht und Bericht“ in the Bewertung view, in jsdom: the button writes the sheet Übersicht with its
 * table and native chart parts into the browser host's workbook (again: replaced, not duplicated), and the
 * download is a Word document with the title, a heading per Handlungsfeld and each indicator's chart.
 * jsdom has no canvas: the charts are drawn by a stub rasteriser that returns a tiny valid PNG.
 */
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { strFromU8, unzipSync } from "fflate";
import type { ChartRasterizer } from "../../src/docx/report";
import BewertungView from "../../src/taskpane/features/bewertung/BewertungView";
import UebersichtBericht from "../../src/taskpane/features/bewertung/UebersichtBericht";
import { download } from "../../src/taskpane/services/download";
import { planNewWorkbook } from "../../src/workbook/plan";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { XlsxDocument } from "../../src/xlsx/document";
import { beispielHost, installJsdomShims, renderView } from "../helpers/pane";
import { toExcelJs } from "../helpers/xlsx";
import { conceptRows, monitoring } from "../report/fixture";

jest.mock("../../src/taskpane/services/download", () => ({
  ...jest.requireActual("../../src/taskpane/services/download"),
  download: jest.fn(),
}));
const downloaded = download as jest.MockedFunction<typeof download>;

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

function stubRasterizer(svgs: string[]): () => Promise<ChartRasterizer> {
  return async () => ({ labels: true, toPng: async (svg) => (svgs.push(svg), PNG) });
}

beforeAll(installJsdomShims);
afterEach(() => {
  cleanup();
  downloaded.mockReset();
});

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

/** The report fixture (two Handlungsfelder, two indicators with values) as a workbook in the browser host. */
function fixtureHost(): BrowserHost {
  const doc = XlsxDocument.create("konzept.xlsx");
  doc.applyWorkbookPlan(planNewWorkbook(conceptRows()));
  return new BrowserHost(doc, "konzept.xlsx");
}

const chartParts = (host: BrowserHost) =>
  host.document.pkg
    .partNames()
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    .map((p) => host.document.pkg.text(p)!);

/** The paragraphs of a style in word/document.xml, as text. */
function paragraphs(xml: string, style: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)]
    .filter((m) => m[1]!.includes(`<w:pStyle w:val="${style}"/>`))
    .map((m) => [...m[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
}

describe("Übersicht und Bericht", () => {
  it("sits in the Bewertung view under its own heading", async () => {
    await renderView(<BewertungView />, await beispielHost());
    await screen.findByText(/Kriterien:/);
    expect(screen.getByRole("heading", { name: "Übersicht und Bericht" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Übersicht erzeugen" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sachstandsbericht herunterladen" })).toBeTruthy();
  });

  it("writes the sheet Übersicht with its table and charts from the workbook's own values; a second click replaces them", async () => {
    const host = await beispielHost();
    await renderView(<UebersichtBericht />, host);
    await click("Übersicht erzeugen");
    // The example has values for 10 of its 12 Zielindikatoren: the bars and one line chart for each of them;
    // beside them the sheet Kennzahlen with a chart for each of its 5 Basisindikatoren.
    expect(screen.getByRole("status").textContent).toBe(
      "Das Blatt „Übersicht“ ist erzeugt: 7 Handlungsfelder, 11 Diagramme. 2 Indikatoren haben noch keine Werte. " +
        "Das Blatt „Kennzahlen“ zeigt 5 Basisindikatoren nach Gebiet.",
    );
    const ws = (await toExcelJs(host.document)).getWorksheet("Übersicht")!;
    expect(ws.getCell("A4").value).toBe("Handlungsfeld");
    expect(ws.getCell("B4").value).toBe("Maßnahmen");
    expect(String(ws.getCell("A5").value)).toMatch(/^HF-01/);
    expect(chartParts(host)).toHaveLength(11 + 5);
    expect(chartParts(host).filter((c) => c.includes("Maßnahmen nach Status je Handlungsfeld"))).toHaveLength(1);
    await click("Übersicht erzeugen");
    expect(chartParts(host)).toHaveLength(11 + 5);
    const sheets = (await toExcelJs(host.document)).worksheets.map((w) => w.name);
    expect(sheets.filter((n) => n === "Übersicht" || n === "Kennzahlen")).toEqual(["Übersicht", "Kennzahlen"]);
  });

  it("with monitoring data: one line chart per indicator beside the bars", async () => {
    const host = fixtureHost();
    await renderView(<UebersichtBericht monitoring={() => monitoring()} />, host);
    await click("Übersicht erzeugen");
    expect(screen.getByRole("status").textContent).toBe(
      "Das Blatt „Übersicht“ ist erzeugt: 2 Handlungsfelder, 3 Diagramme.",
    );
    const charts = chartParts(host);
    expect(charts.filter((c) => c.includes("<c:lineChart>"))).toHaveLength(2);
    expect(charts.filter((c) => c.includes("<c:barChart>"))).toHaveLength(1);
  });

  it("downloads the Sachstandsbericht: title, a heading per Handlungsfeld, the charts drawn by the rasteriser", async () => {
    const svgs: string[] = [];
    await renderView(
      <UebersichtBericht rasterizer={stubRasterizer(svgs)} monitoring={() => monitoring()} />,
      fixtureHost(),
    );
    await click("Sachstandsbericht herunterladen");
    expect(downloaded).toHaveBeenCalledTimes(1);
    const [data, name, type] = downloaded.mock.calls[0]!;
    expect(name).toBe("Sachstandsbericht Stadt Musterhausen 2026-06-30.docx");
    expect(type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(screen.getByRole("status").textContent).toBe(`Der Sachstandsbericht „${name}“ wird heruntergeladen.`);
    const files = unzipSync(new Uint8Array(data as Uint8Array));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(paragraphs(xml, "Title")).toEqual(["Sachstandsbericht"]);
    expect(paragraphs(xml, "Heading2")).toEqual(
      expect.arrayContaining(["HF-01 – Bildung und Sprache", "HF-02 – Arbeit"]),
    );
    expect(svgs).toHaveLength(2);
    expect(svgs[0]).toMatch(/^<svg /);
    // Two pictures with the values in their alt text; docx stores the same bytes once.
    const pictures = [...xml.matchAll(/<wp:docPr\b[^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    expect(pictures).toHaveLength(2);
    expect(pictures[0]).toMatch(/^Liniendiagramm I-001 Sprachförderquote/);
    const media = Object.keys(files).filter((f) => f.startsWith("word/media/"));
    expect(media.map((f) => files[f]!)).toEqual([PNG]);
  });

  it("says in one sentence why the report failed, and downloads nothing", async () => {
    const failing = async (): Promise<ChartRasterizer> => {
      throw new Error("Der Browser kann keine Diagramme zeichnen (kein Canvas).");
    };
    await renderView(<UebersichtBericht rasterizer={failing} />, await beispielHost());
    await click("Sachstandsbericht herunterladen");
    expect(screen.getByRole("alert").textContent).toBe("Der Browser kann keine Diagramme zeichnen (kein Canvas).");
    expect(downloaded).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Sachstandsbericht herunterladen" })).toHaveProperty("disabled", false);
  });
});
