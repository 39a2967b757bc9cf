/**
 * The sheet Übersicht printed by LibreOffice (A4 across) as the committee handout it is: the figures per
 * Handlungsfeld on the first page, one page wide, no text below 8 pt (chart labels included), each indicator's
 * block of heading, figures and chart on one page, nothing printed that is meant for the tool, whole numbers on
 * the count axis, the indicator charts over a date axis (one label a year, evenly spaced whatever the dates of
 * the values), and number headers right-aligned over their numbers.
 *
 * Needs soffice, pdftotext and Carlito (.ci/run installs them); elsewhere skipped.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as fs from "node:fs";
import * as path from "node:path";
import { STATUS_VALUES } from "../../src/domain/model";
import { INDICATOR_HEADERS, NEEDS_HEADERS, OVERVIEW_SHEET } from "../../src/workbook/sheets/uebersicht";
import { readReportModel } from "../../src/workbook/report-model";
import { openWorkbook } from "../../src/xlsx/file";
import { TODAY, removeTempDirs, runCli, tempDir } from "../helpers/cli";
import {
  type PdfPage,
  convertToPdf,
  referenceWorkbook,
  describeWithLibreOffice,
  hasCalibriMetrics,
  hasPdfToText,
  pdfPages,
} from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";

afterAll(removeTempDirs);

const describePrint =
  (hasPdfToText() && hasCalibriMetrics()) || process.env.CI ? describeWithLibreOffice : describe.skip;

/**
 * Only the sheet Übersicht prints: every other sheet hidden, the Übersicht the active one. Edited in
 * xl/workbook.xml itself, so the charts stay (a library that reads and writes the workbook would drop them).
 */
function onlyOverview(file: string): void {
  const parts = unzipSync(fs.readFileSync(file));
  let xml = strFromU8(parts["xl/workbook.xml"]!);
  const sheets = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
  const active = sheets.findIndex((s) => s.includes(`name="${OVERVIEW_SHEET.sheet}"`));
  expect(active).toBeGreaterThanOrEqual(0);
  for (const sheet of sheets) {
    if (sheet.includes(`name="${OVERVIEW_SHEET.sheet}"`) || / state="/.test(sheet)) continue;
    xml = xml.replace(sheet, sheet.replace("<sheet ", '<sheet state="hidden" '));
  }
  xml = xml.replace(/<workbookView[^>]*\/>/, (view) =>
    view.replace(/ (activeTab|firstSheet)="\d+"/g, "").replace("<workbookView", `<workbookView activeTab="${active}"`),
  );
  parts["xl/workbook.xml"] = strToU8(xml);
  fs.writeFileSync(file, zipSync(parts));
}

const text = (page: PdfPage) => page.words.map((w) => w.text).join(" ");
const count = (page: PdfPage, word: string) => page.words.filter((w) => w.text === word).length;

describePrint("the Übersicht printed by LibreOffice (A4 across)", () => {
  let xlsx: string;
  let pages: PdfPage[];
  let minHeight: number;
  let indicators: { id: string; name: string; dates: string[] }[];

  beforeAll(async () => {
    const dir = tempDir("mnp-uebersicht-druck-");
    xlsx = path.join(dir, "beispiel.xlsx");
    expect((await runCli(["init", xlsx, "--vorlage", "beispiel"])).code).toBe(0);
    expect((await runCli(["matrix", xlsx, "--runde", "2027"])).code).toBe(0);
    expect((await runCli(["uebersicht", xlsx])).code).toBe(0);
    const model = readReportModel(await (await openWorkbook(xlsx)).source(), { today: TODAY }).model;
    indicators = model.fields
      .flatMap((f) => f.indicators)
      .filter((i) => i.werte.length > 0)
      .map((i) => ({ id: i.id, name: i.name, dates: i.werte.map((w) => w.stichtag) }));
    const printed = path.join(dir, "uebersicht.xlsx");
    fs.copyFileSync(xlsx, printed);
    onlyOverview(printed);
    await referenceWorkbook(path.join(dir, "referenz.xlsx"));
    convertToPdf([printed, path.join(dir, "referenz.xlsx")], dir);
    // The sheet's pages, told by the sheet's name in their footer (`Stand: … Übersicht Seite x von y`).
    pages = pdfPages(path.join(dir, "uebersicht.pdf")).filter((p) =>
      p.words.some((w) => w.y > p.height - 54 && w.text === OVERVIEW_SHEET.sheet),
    );
    const reference = pdfPages(path.join(dir, "referenz.pdf"))
      .flatMap((p) => p.words)
      .find((w) => w.text === "Achtpunkt");
    if (!reference) throw new Error("the 8 pt reference word is missing from its PDF");
    minHeight = reference.height - 0.01;
  }, 300_000);

  it("is a clean workbook", () => {
    expect(ooxmlProblems(xlsx)).toEqual([]);
  });

  it("puts the figures per Handlungsfeld, all their columns, on the first page", () => {
    const first = text(pages[0]!);
    const headers = [
      "Handlungsfeld",
      "Maßnahmen",
      ...STATUS_VALUES,
      "überfällig",
      "SMART-vollständig",
      "Sachkosten (EUR)",
      "Personal (VZÄ)",
      ...INDICATOR_HEADERS,
      ...NEEDS_HEADERS,
      "Ø Gesamt (Bewertung 2027)",
    ];
    const words = new Set(pages[0]!.words.map((w) => w.text));
    // A header may wrap after a hyphen (`SMART-` / `vollständig`), never inside a word.
    const printed = (w: string) => words.has(w) || w.split(/(?<=-)/).every((part) => words.has(part));
    const missing = headers.flatMap((h) => h.split(" ")).filter((w) => !printed(w));
    expect(missing).toEqual([]);
    expect(first.match(/Alle Handlungsfelder/g)).toHaveLength(2);
    // No page holds columns cut off from their Handlungsfeld: every page with figures names the Handlungsfelder.
    for (const page of pages.slice(1)) expect(text(page)).not.toContain("Personal (VZÄ)");
  });

  it("prints no text smaller than 8 pt, the charts' labels included", () => {
    expect(minHeight).toBeGreaterThan(5);
    const small = pages.flatMap((p, i) =>
      p.words.filter((w) => w.height < minHeight).map((w) => `${i + 1}: ${w.text}`),
    );
    expect(small.slice(0, 10)).toEqual([]);
  });

  it("keeps each indicator's heading, figures and chart on one page", () => {
    expect(indicators.length).toBeGreaterThan(0);
    for (const { id } of indicators) {
      // The heading (`I-001 – … · Ampel: …`) and the chart's title (`I-001 – …`) both name the indicator.
      const on = pages.map((p, i) => [i, count(p, id)] as const).filter(([, n]) => n > 0);
      expect({ id, pages: on.length, times: on[0]?.[1] }).toEqual({ id, pages: 1, times: 2 });
      const page = pages[on[0]![0]]!;
      for (const word of ["Stichtag", "Wert", "Soll-Pfad"])
        expect({ id, word, n: count(page, word) >= 2 }).toEqual({ id, word, n: true });
    }
  });

  it("prints no instruction meant for the tool", () => {
    for (const page of pages) {
      expect(text(page)).not.toContain("uebersicht");
      expect(text(page)).not.toContain("von Hand");
    }
  });

  it("labels the count axis of the Status chart in whole numbers", () => {
    const page = pages.find((p) => text(p).includes("Maßnahmen nach Status je Handlungsfeld"))!;
    expect(page).toBeDefined();
    const numbers = page.words.map((w) => w.text).filter((w) => /^\d+([,.]\d+)?$/.test(w));
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers.filter((n) => /[,.]/.test(n))).toEqual([]);
  });

  /**
   * The labels of an indicator chart's time axis: the first row of dates (`2025` or `31.12.2025`) below the
   * chart's title, which is the second line naming the indicator on its page (the block's heading is the first).
   */
  function axisLabels(page: PdfPage, id: string): { year: number; x: number }[] {
    const title = page.words.filter((w) => w.text === id).sort((a, b) => a.y - b.y)[1]!;
    const dates = page.words.filter((w) => /^(\d\d\.\d\d\.)?(19|20)\d\d$/.test(w.text) && w.y > title.y);
    const top = Math.min(...dates.map((w) => w.y));
    return dates
      .filter((w) => Math.abs(w.y - top) < 2)
      .sort((a, b) => a.x - b.x)
      .map((w) => ({ year: Number(w.text.slice(-4)), x: w.x + w.width / 2 }));
  }

  it("stands the values over time on a date axis: one label a year, evenly spaced", () => {
    // An indicator whose values are not a year apart (31.12.2025, 30.06.2026 …) shows whether time is to scale:
    // on a category axis its labels would be its own dates, one step each.
    const uneven = indicators.find((i) => i.dates.some((d) => !d.endsWith("-12-31")))!;
    expect(uneven).toBeDefined();
    const page = pages.find((p) => count(p, uneven.id) > 0)!;
    const labels = axisLabels(page, uneven.id);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    labels.slice(1).forEach((l, i) => expect(l.year - labels[i]!.year).toBe(1));
    const steps = labels.slice(1).map((l, i) => l.x - labels[i]!.x);
    for (const step of steps) expect(Math.abs(step - steps[0]!)).toBeLessThan(1.5);
  });

  it("aligns number headers to the right, over their numbers", () => {
    const page = pages[0]!;
    const header = page.words.find((w) => w.text === "überfällig")!;
    const below = page.words.filter(
      (w) => /^\d+$/.test(w.text) && w.y > header.y && w.x < header.x + header.width + 2 && w.x + w.width > header.x,
    );
    expect(below.length).toBeGreaterThan(3);
    for (const n of below) expect(Math.abs(n.x + n.width - (header.x + header.width))).toBeLessThan(3);
  });
});
