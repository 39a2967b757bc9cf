/**
 * End to end in headless Chromium: the production build of the pane in browser mode, driven by keyboard
 * alone (Tab, Enter, arrow keys, typing), checked with axe-core on every view, and the downloaded workbook
 * re-read with exceljs. Nothing typed is lost: leaving an edited measure for another view asks, and
 * „Speichern und weiter“ saves; reloading with changes not downloaded makes the browser ask; the download
 * keeps the file's name, and where the browser can, saving writes back into the opened file. At the real
 * task-pane widths (320 and 350 px) every view and state must fit: the document may never be wider than the
 * viewport, no state shows more than one primary action, and axe must stay clean there. Browser mode sends
 * nothing: every request the page makes goes to its own origin (office.js and its telemetry frame are
 * not loaded), and the package layer that reads workbooks (chunk `reader`) loads only once a workbook is opened.
 *
 * Shared set-up (build, server, browser, keyboard and layout helpers): test/helpers/e2e.ts. `SCREENSHOTS=1`
 * also saves the README screenshots (350 px) under docs/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import * as ts from "typescript";
import { indicatorChartSvg } from "../../src/docx/chart";
import { templateContent } from "../../src/domain/templates";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { PANE, type PaneE2E, REPO, e2eDescribe, settled, startPane } from "../helpers/e2e";
import { toExcelJs } from "../helpers/xlsx";

const YEAR = new Date().getFullYear();
const describeE2E = e2eDescribe();

/** The views in the order of the tab row; what does not fit goes into „Mehr“. */
const VIEWS = ["Start", "Maßnahme", "Prüfen", "Monitoring", "Listen", "Bewertung", "Verteilen", "Einrichten"];

describeE2E("the pane in the browser, by keyboard", () => {
  let e2e: PaneE2E;
  let page: Page;
  let tmp: string;
  let workbookFile: string;
  let requests: string[] = [];
  const screenshots = process.env.SCREENSHOTS ? path.join(REPO, "docs") : null;
  const tabTo: PaneE2E["tabTo"] = (...args) => e2e.tabTo(...args);
  const fits: PaneE2E["fits"] = (state) => e2e.fits(state);
  const chooseView: PaneE2E["chooseView"] = (name) => e2e.chooseView(name);
  const tabView: PaneE2E["tabView"] = (name) => e2e.tabView(name);
  const onlyOwnOrigin: PaneE2E["onlyOwnOrigin"] = () => e2e.onlyOwnOrigin();

  beforeAll(async () => {
    e2e = await startPane(VIEWS);
    ({ page, tmp, requests } = e2e);
    workbookFile = path.join(tmp, "beispiel.xlsx");
    fs.writeFileSync(workbookFile, createTemplateWorkbook("beispiel", `${YEAR}-06-01`).toBytes());
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  /** A README screenshot of the pane at 350 px: from the top, or where the user is (`here`). */
  async function shot(name: string, here = false): Promise<void> {
    if (!screenshots) return;
    if (!here) await page.evaluate(() => window.scrollTo(0, 0));
    // Taken once the buttons' colour transitions are over (a view's primary action may just have moved on).
    await settled(page);
    await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
  }

  it("sends nothing beyond its own origin and loads the reader only with a workbook", async () => {
    await page.getByRole("button", { name: "Arbeitsmappe öffnen …" }).first().waitFor();
    // office.js opened its telemetry frame about 3 s after start: wait longer than that.
    await page.waitForTimeout(4500);
    onlyOwnOrigin();
    expect(requests.some((url) => /office-js\//.test(url))).toBe(false);
    await expect(page.evaluate(() => typeof (window as { Office?: unknown }).Office)).resolves.toBe("undefined");
    await expect(page.locator("iframe").count()).resolves.toBe(0);

    // Every view without a workbook: it says what to do, fits the pane, and needs no reader. The views share
    // one row: at 350 px three of them and „Mehr“.
    await page.getByRole("button", { name: "Neue Arbeitsmappe anlegen" }).waitFor();
    await expect(page.getByRole("tab").count()).resolves.toBe(4);
    await fits("Start");
    if (screenshots) await shot("aufgabenbereich-browser");
    for (const view of VIEWS.filter((v) => v !== "Start" && v !== "Einrichten")) {
      await tabView(view);
      // The SMART template stays mounted (hidden) once shown: the text is looked for in the view on screen.
      await page
        .getByRole("region", { name: view })
        .getByText(/Öffnen Sie zuerst eine Arbeitsmappe oder legen Sie unter „Einrichten“ eine neue an\./)
        .waitFor();
      await fits(`${view} ohne Arbeitsmappe`);
    }
    await tabView("Einrichten");
    await fits("Einrichten ohne Arbeitsmappe");
    expect(requests.filter((url) => /\/reader\.[0-9a-f]+\.js$/.test(url))).toEqual([]);
    // The list import's modules load only when a list is picked.
    expect(requests.filter((url) => /\/import-list\.[0-9a-f]+\.js$/.test(url))).toEqual([]);
    await tabView("Start");
  }, 120_000);

  it("opens on the start view, which shows where the concept stands and leads to the next step", async () => {
    // Open the workbook: Tab from the views to the start view's button, Enter opens the file chooser.
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("tab", { selected: true }).focus();
    await tabTo("Arbeitsmappe öffnen …");
    await page.keyboard.press("Enter");
    await (await chooser).setFiles(workbookFile);
    // The header: the file and the state of its changes in one line.
    await page.getByText("beispiel.xlsx · unverändert").waitFor();
    expect(requests.some((url) => /\/reader\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    const stand = page.getByRole("region", { name: "Start" });
    await stand.getByRole("heading", { name: "Stand des Konzepts" }).waitFor();
    await expect(stand.getByRole("definition").first().textContent()).resolves.toBe("20");
    await expect(
      stand
        .getByRole("listitem")
        .filter({ hasText: /^verworfen: 1$/ })
        .count(),
    ).resolves.toBe(1);
    await fits("Start mit Arbeitsmappe");
    await shot("aufgabenbereich-start");

    // The first next step opens the first measure that is not SMART-complete, at the field that is missing.
    await tabTo(/^M-004 vervollständigen$/);
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: /^Maßnahme/, selected: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "massnahme-frist");
    await expect(page.getByRole("combobox", { name: "Maßnahme" }).inputValue()).resolves.toMatch(/^M-004 – /);
    await expect(page.getByLabel(/^Frist/).inputValue()).resolves.toBe("fortlaufend");
    await fits("Maßnahme aus dem Start geöffnet");
  }, 120_000);

  it("opens, fills, checks, scores and downloads the workbook", async () => {
    // A new measure from the template's footer, which stays in reach.
    await tabTo("Neue Maßnahme");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Als neue Maßnahme M-021 speichern" }).waitFor();
    await page.getByRole("combobox", { name: "Maßnahme" }).focus();
    await fits("Maßnahme neu");

    // Fill the template by keyboard, leaving T (Frist) open.
    const pick = async (field: RegExp, typed: string) => {
      await tabTo(field);
      await page.keyboard.press("Enter");
      await page.keyboard.type(typed);
      await page.keyboard.press("Enter");
    };
    await pick(/^Handlungsfeld/, "HF-03");
    await pick(/^Ziel\b/, "Z-05");
    // Bedarfe of HF-03, each marked open or answered by which measure; the list open must fit too.
    await tabTo(/^Bedarfe/);
    await page.keyboard.press("Enter");
    await page.getByRole("menuitemcheckbox", { name: /^B-003 – .*\(beantwortet durch M-009\)$/ }).waitFor();
    await fits("Maßnahme Bedarfe zur Auswahl");
    await page.keyboard.type("B-003");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page
      .getByRole("list", { name: "Bedarfe, die die Maßnahme beantwortet" })
      .getByText(/^B-003 – /)
      .waitFor();
    await tabTo(/^Titel/);
    await page.keyboard.type("Lernpatenschaften");
    await tabTo(/^Beschreibung/);
    await page.keyboard.type(
      "Ehrenamtliche begleiten erwachsene Zugewanderte ein Jahr lang beim Deutschlernen im Alltag.",
    );
    await tabTo(/^Zielgruppe/);
    await page.keyboard.type("Erwachsene Zugewanderte");
    await tabTo(/^Indikatoren/);
    await page.keyboard.press("Enter");
    await page.keyboard.type("I-005");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await tabTo(/^Zielwert/);
    await page.keyboard.type("40 Patenschaften pro Jahr");
    await tabTo(/^Federführung/);
    await page.keyboard.type("Stadtbibliothek");
    await page.getByRole("option", { name: "Neue Stelle anlegen: „Stadtbibliothek“" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    // The new Stelle is asked for in place, whole: Fachbereich and contact, so the check has nothing to miss.
    const stelle = page.getByRole("group", { name: "Neue Stelle A-09" });
    await stelle.waitFor();
    await page.waitForFunction(
      () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === "Fachbereich",
    );
    await page.keyboard.type("Fachbereich 4 – Kultur");
    await tabTo(/^Ansprechperson/);
    await page.keyboard.type("Frau Demir");
    await tabTo(/^E-Mail/);
    await page.keyboard.type("bibliothek@beispielkreis.de");
    await fits("Maßnahme – neue Stelle");
    await tabTo("Stelle anlegen");
    await page.keyboard.press("Enter");
    await page.getByText("Die Stelle „Stadtbibliothek“ ist als A-09 im Blatt „Akteure“ angelegt.").waitFor();
    await expect(stelle.count()).resolves.toBe(0);
    await tabTo(/^Personal/);
    await page.keyboard.type("0,5");
    await tabTo(/^Sachkosten/);
    await page.keyboard.type("1.500");
    const status = page.locator("#smart-stand");
    await expect(status.textContent()).resolves.toBe("Noch nicht SMART-vollständig: T (terminiert).");
    await shot("aufgabenbereich-massnahme");
    await fits("Maßnahme ausgefüllt");

    // Complete T and save: a German date, typed as it is written.
    await tabTo(/^Frist/);
    await page.keyboard.type("31.12.2027");
    await expect(page.getByLabel(/^Frist/).inputValue()).resolves.toBe("31.12.2027");
    await expect(status.textContent()).resolves.toBe("SMART-vollständig.");
    await tabTo("Als neue Maßnahme M-021 speichern");
    await page.keyboard.press("Enter");
    await page.getByText(/Die Maßnahme M-021 ist gespeichert \(Blatt „Maßnahmen“, Zeile 22\)/).waitFor();
    await page.getByText("Ausgewählte Zelle: Maßnahmen!A22").waitFor();
    await fits("Maßnahme gespeichert");

    // A stored vague Frist is shown as it is.
    await page.getByRole("combobox", { name: "Maßnahme" }).click();
    await page.getByRole("option", { name: /^M-004/ }).click();
    await expect(page.getByLabel(/^Frist/).inputValue()).resolves.toBe("fortlaufend");
    await fits("Maßnahme mit Frist fortlaufend");

    // The edit that used to be lost: M-012 found by typing, its Beschreibung changed, another view chosen.
    // The pane asks; „Speichern und weiter“ saves, and back in the template M-012 is still open.
    await page.getByRole("combobox", { name: "Maßnahme" }).focus();
    await page.keyboard.type("M-012");
    await page.getByRole("option", { name: /^M-012 – .*SMART-vollständig$/ }).waitFor();
    await fits("Maßnahme – Suche");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("combobox", { name: "Maßnahme" }).inputValue()).resolves.toMatch(/^M-012 – /);
    // S is open when it has something to say (M-012's Beschreibung is short), else Enter opens it.
    await tabTo(/^S – spezifisch/);
    if ((await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))) === "false") {
      await page.keyboard.press("Enter");
    }
    await tabTo(/^Beschreibung/);
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Dazu ein Elternabend je Halbjahr.");
    await chooseView("Bewertung");
    const question = page.getByRole("alertdialog", { name: "Nicht gespeicherte Änderungen" });
    await question.getByText("Die Änderungen an M-012 sind noch nicht gespeichert.").waitFor();
    await fits("Nachfrage vor dem Wechsel");
    await tabTo("Speichern und weiter", 5);
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: /^Bewertung/, selected: true }).waitFor();
    await page.getByText("beispiel.xlsx · übernommen, noch nicht heruntergeladen").waitFor();
    await tabView("Maßnahme");
    await expect(page.getByRole("combobox", { name: "Maßnahme" }).inputValue()).resolves.toMatch(/^M-012 – /);
    await expect(page.getByLabel(/^Beschreibung/).inputValue()).resolves.toMatch(
      / Dazu ein Elternabend je Halbjahr\.$/,
    );

    // Leaving the page with changes only in the browser: the browser asks first (and the user stays).
    const leaving = page.waitForEvent("dialog");
    void page.reload({ timeout: 5000 }).catch(() => undefined);
    const asked = await leaving;
    expect(asked.type()).toBe("beforeunload");
    await asked.dismiss();
    await page.getByText("beispiel.xlsx · übernommen, noch nicht heruntergeladen").waitFor();
    await expect(page.getByLabel(/^Beschreibung/).inputValue()).resolves.toMatch(/Elternabend je Halbjahr\.$/);

    // Prüfen: jump to a finding far down the list; the selected cell is shown where the user is.
    await tabView("Prüfen");
    await page.getByText(/21 Maßnahmen, davon 15 SMART-vollständig/).waitFor();
    await expect(page.getByText("Ausgewählte Zelle:", { exact: false }).count()).resolves.toBe(0);
    await fits("Prüfen");
    await tabTo("Maßnahmen!H7");
    await page.keyboard.press("Enter");
    const selected = page.getByText("Ausgewählte Zelle: Maßnahmen!H7 (leer)");
    await selected.waitFor();
    const box = (await selected.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PANE.height);
    await shot("aufgabenbereich-pruefen", true);
    await fits("Prüfen mit ausgewählter Zelle");
    await page.getByRole("tab", { selected: true }).focus();
    await tabTo("Prüfbericht als Blatt");
    await page.keyboard.press("Enter");
    await page.getByText(/Das Blatt „Prüfbericht“ enthält jetzt \d+ Befunde/).waitFor();
    await fits("Prüfbericht geschrieben");

    // Bewertung: create the matrix of this year's round.
    await tabView("Bewertung");
    await page.getByText(`Das Blatt „Bewertung ${YEAR}“ gibt es noch nicht.`, { exact: false }).waitFor();
    // The cell selected in Prüfen belongs to Prüfen.
    await expect(page.getByText("Ausgewählte Zelle:", { exact: false }).count()).resolves.toBe(0);
    await fits("Bewertung vor der Matrix");
    await tabTo("Bewertungsmatrix anlegen");
    await page.keyboard.press("Enter");
    await page
      .getByText(
        new RegExp(
          `Das Blatt „Bewertung ${YEAR}“ enthält 20 Maßnahmen .*\\. Eine verworfene Maßnahme wird nicht bewertet\\.`,
        ),
      )
      .waitFor();
    await shot("aufgabenbereich-bewertung");
    await fits("Bewertung mit Matrix");

    await tabView("Einrichten");
    await fits("Einrichten mit Arbeitsmappe");

    // Fortschreibung by keyboard: the new Laufzeit typed, the new workbook created and downloaded; it lacks the
    // verworfene M-019 and has the sheet Vorperiode (the open workbook is checked unchanged below).
    await tabTo("Laufzeit der neuen Periode");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2029-2032");
    await tabTo("Neue Arbeitsmappe erstellen");
    await page.keyboard.press("Enter");
    await page.getByText(/^Neue Arbeitsmappe „.*2029-2032\.xlsx“ erstellt$/).waitFor();
    await fits("Einrichten nach Fortschreibung");
    const fortgeschrieben = page.waitForEvent("download");
    await page.getByRole("button", { name: "Neue Arbeitsmappe erstellen" }).focus();
    await tabTo("Neue Arbeitsmappe herunterladen", 10);
    await page.keyboard.press("Enter");
    const neuFile = path.join(tmp, "neu.xlsx");
    await (await fortgeschrieben).saveAs(neuFile);
    const neu = new ExcelJS.Workbook();
    await neu.xlsx.readFile(neuFile);
    const neuIds = (neu.getWorksheet("Maßnahmen")!.getColumn(1).values as unknown[]).slice(2).filter(Boolean);
    expect(neuIds).toContain("M-001");
    expect(neuIds).not.toContain("M-019");
    expect(JSON.stringify(neu.getWorksheet("Vorperiode")!.getSheetValues())).toContain("M-019");

    // Download and re-read: under the file's own name; the header says where it went.
    const download = page.waitForEvent("download");
    await page.getByRole("tab", { selected: true }).focus();
    await tabTo("Arbeitsmappe herunterladen", 40, "Shift+Tab");
    await page.keyboard.press("Enter");
    const saved = path.join(tmp, "heruntergeladen.xlsx");
    const downloaded = await download;
    expect(downloaded.suggestedFilename()).toBe("beispiel.xlsx");
    await downloaded.saveAs(saved);
    await page.getByText("beispiel.xlsx · heruntergeladen (Download-Ordner des Browsers)").waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet("Maßnahmen")!;
    const table = ws
      .getTables()
      .map((t) => (t as unknown as { table: { name: string; tableRef: string } }).table)
      .find((t) => t.name === "tblMassnahmen");
    expect(table?.tableRef).toBe("A1:S22");
    const row = ws.getRow(22).values as unknown[];
    expect(row.slice(1, 16)).toEqual([
      "M-021",
      "HF-03 – Bildung und Sprache",
      expect.stringMatching(/^Z-05 – /),
      "Lernpatenschaften",
      "Ehrenamtliche begleiten erwachsene Zugewanderte ein Jahr lang beim Deutschlernen im Alltag.",
      "Erwachsene Zugewanderte",
      "I-005",
      "40 Patenschaften pro Jahr",
      "A-09 – Stadtbibliothek",
      undefined,
      0.5,
      1500,
      undefined,
      undefined,
      new Date("2027-12-31T00:00:00Z"),
    ]);
    expect(row[19]).toBe("B-003"); // Bedarfe, chosen by keyboard above
    expect((wb.getWorksheet("Akteure")!.getRow(10).values as unknown[]).slice(1, 6)).toEqual([
      "A-09",
      "Stadtbibliothek",
      "Fachbereich 4 – Kultur",
      "Frau Demir",
      "bibliothek@beispielkreis.de",
    ]);
    const m012 = (ws.getSheetValues() as unknown[][]).find((r) => r?.[1] === "M-012")!;
    expect(String(m012[5])).toMatch(/ Dazu ein Elternabend je Halbjahr\.$/); // Beschreibung, saved by the guard
    expect(wb.getWorksheet("Prüfbericht")).toBeTruthy();
    const round = wb.getWorksheet(`Bewertung ${YEAR}`)!;
    expect(round.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name)).toEqual([
      `tblBewertung${YEAR}`,
    ]);
  }, 240_000);

  it("exports the Fachbereich files and merges a changed return", async () => {
    // Continues with the workbook opened above.
    /** Waits until the view is idle again: its buttons are enabled and their colour transition is over. */
    const settle = async () => {
      await page.getByRole("button", { name: "Dateien erstellen", disabled: false }).waitFor();
      await page.waitForTimeout(400);
    };
    await tabView("Verteilen");
    await fits("Verteilen");
    const saved: { name: string; file: string; done: Promise<void> }[] = [];
    const onDownload = (d: import("playwright-core").Download) => {
      const file = path.join(tmp, `export-${saved.length}.xlsx`);
      saved.push({ name: d.suggestedFilename(), file, done: d.saveAs(file) });
    };
    page.on("download", onDownload);
    await tabTo("Dateien erstellen");
    await page.keyboard.press("Enter");
    const list = page.getByRole("list", { name: "Dateien zum Verteilen" });
    await list.waitFor();
    await expect(
      list.getByRole("listitem").filter({ hasText: "Fachbereich 4 – Jugend: 4 Maßnahmen" }).count(),
    ).resolves.toBe(1);
    await expect(
      list.getByRole("listitem").filter({ hasText: "(Akteur ohne Fachbereich)" }).count(),
    ).resolves.toBeGreaterThan(0);
    await tabTo(/^Alle \d+ Dateien als ZIP herunterladen$/);
    await page.keyboard.press("Enter");
    const started = page.getByText(/\.zip“ mit \d+ Dateien wird heruntergeladen/);
    await started.waitFor();
    // The confirmation stands by its button, not at the end of the view.
    const button = (await page
      .getByRole("button", { name: /^Alle \d+ Dateien als ZIP herunterladen$/ })
      .boundingBox())!;
    const notice = (await started.boundingBox())!;
    expect(notice.y - (button.y + button.height)).toBeLessThan(80);
    for (let i = 0; i < 50 && saved.length < 1; i++) await page.waitForTimeout(100);
    page.off("download", onDownload);
    // One download: the ZIP archive with every file.
    expect(saved.map((s) => s.name)).toEqual([expect.stringMatching(/^beispiel – Verteilung \d\d\.\d\d\.\d{4}\.zip$/)]);
    await saved[0]!.done;
    const archive = unzipSync(fs.readFileSync(saved[0]!.file));
    expect(Object.keys(archive)).toContain("beispiel – Fachbereich 4 – Jugend.xlsx");
    await settle();
    await fits("Verteilen – Dateien");

    // The Fachbereich changes two fields and sends the file back; meanwhile the Koordinierung has changed
    // one of them in the Gesamtdatei: a conflict to decide.
    const jugend = path.join(tmp, "beispiel – Fachbereich 4 – Jugend.xlsx");
    fs.writeFileSync(jugend, archive["beispiel – Fachbereich 4 – Jugend.xlsx"]!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(jugend);
    const ws = wb.getWorksheet("Maßnahmen")!;
    const id = String(ws.getCell("A2").value);
    ws.getCell("H2").value = "Geändert vom Fachbereich Jugend";
    ws.getCell("F2").value = "Jugendliche und junge Erwachsene";
    // … and deletes its last measure, which the Gesamtdatei keeps (a further note).
    const lastRow = ws.actualRowCount;
    const deleted = String(ws.getCell(`A${lastRow}`).value);
    for (let c = 1; c <= ws.columnCount; c++) ws.getCell(lastRow, c).value = null;
    const returned = path.join(tmp, "Rücklauf Jugend.xlsx");
    await wb.xlsx.writeFile(returned);

    await tabView("Maßnahme");
    await page.getByRole("combobox", { name: "Maßnahme" }).click();
    await page.getByRole("option", { name: new RegExp(`^${id}`) }).click();
    // Zielwert is under M, closed when the measure is complete there.
    const messbar = page.getByRole("button", { name: /^M – messbar/ });
    if ((await messbar.getAttribute("aria-expanded")) === "false") await messbar.click();
    await page.getByLabel(/^Zielwert/).fill("Geändert in der Gesamtdatei");
    await page.getByRole("button", { name: `Änderungen an ${id} speichern` }).click();
    await page.getByText(new RegExp(`Die Maßnahme ${id} ist gespeichert`)).waitFor();
    await tabView("Verteilen");

    const chooser = page.waitForEvent("filechooser");
    await tabTo("Rückläufe auswählen …");
    await page.keyboard.press("Enter");
    await (await chooser).setFiles(returned);
    await page
      .getByText(
        /Vorschau \(noch nichts geschrieben\): 1 Wert übernommen, 0 Maßnahmen neu, 1 Konflikt zu entscheiden, 0 weitere Werte nicht übernommen/,
      )
      .waitFor();
    // The file's own line counts the same way.
    await page
      .getByText(
        /: 1 Wert übernommen, 0 Maßnahmen neu, 1 Maßnahme im Rücklauf gelöscht \(in der Gesamtdatei behalten\), 1 Konflikt, 0 weitere Werte nicht übernommen\./,
      )
      .waitFor();
    const applied = page.getByRole("list", { name: "Übernommene Änderungen" });
    await expect(
      applied
        .getByRole("listitem")
        .filter({ hasText: `${id} · Zielgruppe` })
        .filter({ hasText: "Jugendliche und junge Erwachsene" })
        .count(),
    ).resolves.toBe(1);
    const notes = page.getByRole("list", { name: "Weitere Hinweise" }).getByRole("listitem");
    await expect(notes.filter({ hasText: deleted }).count()).resolves.toBe(1);
    const conflict = page.getByRole("list", { name: "Konflikte" }).getByRole("listitem");
    await expect(conflict.count()).resolves.toBe(1);
    await expect(conflict.textContent()).resolves.toMatch(
      new RegExp(`^${id} · Zielwert.*Geändert in der Gesamtdatei.*Geändert vom Fachbereich Jugend`),
    );
    await settle();
    await fits("Verteilen – Vorschau mit Konflikt");
    // The radio group is one tab stop on the checked choice; the arrow key chooses the other.
    await tabTo("Wert der Gesamtdatei behalten");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Wert aus dem Rücklauf übernehmen" }).isChecked()).resolves.toBe(true);
    // Another view while the preview is not merged: the guard asks; „Weiter bearbeiten“ keeps the choice.
    await chooseView("Prüfen");
    const question = page.getByRole("alertdialog", { name: "Nicht gespeicherte Änderungen" });
    await question
      .getByText(
        "Der Rücklauf „Rücklauf Jugend.xlsx“ ist noch nicht zusammengeführt: „Speichern und weiter“ führt ihn zusammen, mit Ihrer Entscheidung zum Konflikt.",
      )
      .waitFor();
    await fits("Nachfrage vor dem Verlassen der Vorschau");
    await tabTo("Weiter bearbeiten", 5);
    await page.keyboard.press("Enter");
    await question.waitFor({ state: "detached" });
    await page.getByRole("tab", { name: /^Verteilen/, selected: true }).waitFor();
    await expect(page.getByRole("radio", { name: "Wert aus dem Rücklauf übernehmen" }).isChecked()).resolves.toBe(true);
    await tabTo("Zusammenführen");
    await page.keyboard.press("Enter");
    await page
      .getByText(
        /Zusammengeführt: 2 Werte übernommen \(davon 1 nach Ihrer Entscheidung\), 0 Maßnahmen neu\. Keine offenen Konflikte/,
      )
      .waitFor();
    await settle();
    await fits("Verteilen – zusammengeführt");
    onlyOwnOrigin();
  }, 240_000);

  it("reports a Sachstand and enters an indicator value in the Monitoring view", async () => {
    // Continues with the workbook opened above.
    await tabView("Monitoring");
    await page.getByText(/neue Sachstände gelten für den Berichtsstichtag 30\.06\.2026/).waitFor();
    await fits("Monitoring");

    // M-007 has no report for 30.06.2026 yet: pick it by typing on the list, describe, save.
    await tabTo(/^Maßnahme$/);
    await page.keyboard.type("M-007");
    await page.getByRole("form", { name: "Sachstand für M-007 melden" }).waitFor();
    await page.getByText("Für M-007 ist noch kein Sachstand gemeldet.").waitFor();
    await tabTo(/^Umsetzung/);
    await page.keyboard.type("30");
    await tabTo(/^Sachstand/);
    await page.keyboard.type("Sechs Elternbegleiterinnen sind in der Ausbildung.");
    await tabTo("Sachstand speichern");
    await page.keyboard.press("Enter");
    await page.getByText("Sachstand für M-007 zum 30.06.2026 gespeichert.").waitFor();
    const history = page.getByRole("list", { name: "Bisherige Sachstände von M-007" });
    await expect(history.getByRole("listitem").count()).resolves.toBe(1);

    // I-001: state as text, values as a table beside the chart, then a new value.
    await tabTo(/^Indikator$/);
    await page.keyboard.type("I-001");
    await page.getByRole("img", { name: /^Verlauf I-001 – .*3 Werte/ }).waitFor();
    await expect(page.getByRole("table", { name: "Werte von I-001" }).getByRole("row").count()).resolves.toBe(4);
    await expect(
      page
        .getByRole("table", { name: "Stand von I-001" })
        .getByRole("row", { name: /^Ampel/ })
        .textContent(),
    ).resolves.toMatch(/^Ampel(grün|gelb|rot)$/);
    await tabTo(/^Wert/);
    await page.keyboard.type("170");
    await tabTo("Wert speichern");
    await page.keyboard.press("Enter");
    await page.getByText(/^Wert für I-001 zum \d\d\.\d\d\.\d{4} gespeichert\.$/).waitFor();
    await expect(page.getByRole("table", { name: "Werte von I-001" }).getByRole("row").count()).resolves.toBe(5);
    await fits("Monitoring – gespeichert");
    onlyOwnOrigin();
  }, 240_000);

  it("creates the sheet Übersicht and downloads the Sachstandsbericht from the Bewertung view", async () => {
    // Continues with the workbook opened above.
    await tabView("Bewertung");
    await page.getByText(`Das Blatt „Bewertung ${YEAR}“ gibt es schon.`, { exact: false }).waitFor();
    await tabTo("Übersicht erzeugen");
    await page.keyboard.press("Enter");
    await page.getByText(/^Das Blatt „Übersicht“ ist erzeugt: \d+ Handlungsfelder, \d+ Diagramme\./).waitFor();
    await fits("Bewertung – Übersicht erzeugt");

    const download = page.waitForEvent("download");
    await tabTo("Sachstandsbericht herunterladen");
    await page.keyboard.press("Enter");
    const report = await download;
    expect(report.suggestedFilename()).toMatch(/^Sachstandsbericht .*\.docx$/);
    const saved = path.join(tmp, "bericht.docx");
    await report.saveAs(saved);
    await page.getByText(/^Der Sachstandsbericht „.*“ wird heruntergeladen\.$/).waitFor();
    await fits("Bewertung – Bericht heruntergeladen");
    const xml = strFromU8(unzipSync(fs.readFileSync(saved))["word/document.xml"]!);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>.*?<w:t[^>]*>Sachstandsbericht<\/w:t>/s);
    const fields = templateContent("beispiel", `${YEAR}-06-01`).handlungsfelder!;
    const xmlText = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    for (const f of fields) expect(xml).toContain(`>${xmlText(`${f.id} – ${f.handlungsfeld}`)}</w:t>`);

    // The downloaded workbook holds the sheet Übersicht with its chart.
    const workbook = page.waitForEvent("download");
    await tabView("Einrichten");
    await page.getByRole("tab", { selected: true }).focus();
    await tabTo("Arbeitsmappe herunterladen", 40, "Shift+Tab");
    await page.keyboard.press("Enter");
    const parts = unzipSync(fs.readFileSync(await (await workbook).path()));
    const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    // The bars of measures by Status and a line chart for each indicator with values.
    expect(charts.filter((c) => Buffer.from(parts[c]!).toString("utf8").includes("<c:barChart>"))).toHaveLength(1);
    expect(
      charts.filter((c) => Buffer.from(parts[c]!).toString("utf8").includes("<c:lineChart>")).length,
    ).toBeGreaterThan(0);
    onlyOwnOrigin();
  }, 240_000);

  it("draws a report chart in the browser: a PNG 1,5 times the SVG's size with the lines and labels on it", async () => {
    // The rasteriser the pane loads for a report, as a plain script (its only import is a type).
    const source = fs.readFileSync(path.join(REPO, "src/taskpane/services/browserRaster.ts"), "utf8");
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    await page.addScriptTag({
      content: `window.raster = (function () { var exports = {}; ${js}; return exports; })();`,
    });
    const svg = indicatorChartSvg(
      {
        id: "I-001",
        name: "Sprachförderquote",
        einheit: "%",
        basis: { wert: 40, jahr: 2024 },
        ziel: { wert: 80, jahr: 2028 },
        ist: { stichtag: "2025-12-31", wert: 52 },
        zielerreichung: 30,
        soll: 37,
        ampel: "grün",
        werte: [
          { stichtag: "2024-12-31", wert: 40 },
          { stichtag: "2025-12-31", wert: 52 },
        ],
      },
      { labels: true, fontFamily: "Arial, Helvetica, sans-serif" },
    );
    const drawn = await page.evaluate(async (text) => {
      const raster = (window as unknown as { raster: { svgToPng(svg: string): Promise<Uint8Array> } }).raster;
      const png = await raster.svgToPng(text);
      // Decode it again and count the pixels in the Ist colour (#1f4e79) and dark text pixels.
      const bitmap = await createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: "image/png" }));
      const canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let ist = 0;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (Math.abs(r - 0x1f) < 12 && Math.abs(g - 0x4e) < 12 && Math.abs(b - 0x79) < 12) ist++;
        if (r < 100 && g < 100 && b < 100) dark++;
      }
      return { head: Array.from(png.slice(0, 8)), width: bitmap.width, height: bitmap.height, ist, dark };
    }, svg);
    expect(drawn.head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([drawn.width, drawn.height]).toEqual([960, 390]);
    expect(drawn.ist).toBeGreaterThan(200);
    expect(drawn.dark).toBeGreaterThan(200);
  }, 60_000);

  it("takes an existing list by keyboard: the guess shown, one column corrected, the new workbook downloaded and opened", async () => {
    // Last: „Hier öffnen“ replaces the workbook opened above.
    const list = path.join(tmp, "musterdorf.csv");
    fs.writeFileSync(
      list,
      "\uFEFFMaßnahmenliste Musterdorf;;;;;\r\n" +
        "Nr.;Maßnahme;Handlungsfeld;Zuständigkeit;bis wann;Stadtteil\r\n" +
        "1;Sprachcafé einrichten;Bildung;FB 50 / Jobcenter;Ende 2026;Nordstadt\r\n" +
        "2;Elternlotsen ausbilden;Bildung;Jugendamt;30.06.2025;Südstadt\r\n" +
        "3;Wohnungsbörse;Wohnen;Sozialamt;2027;Altstadt\r\n",
    );
    await tabView("Einrichten");
    const chooser = page.waitForEvent("filechooser");
    await tabTo("Liste auswählen …");
    await page.keyboard.press("Enter");
    await (await chooser).setFiles(list);
    await page.getByRole("heading", { name: "Spalten der Liste" }).waitFor();
    expect(requests.some((url) => /\/import-list\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    await expect(page.getByLabel("Spalte C übernehmen als").inputValue()).resolves.toBe("field:handlungsfeld");
    const figures = page.locator('dl[aria-labelledby="einrichten-import-vorschau"]');
    await expect(figures.textContent()).resolves.toMatch(/Maßnahmen3 \(Zeilen 3–5\)Handlungsfelder2Ziele/);
    await fits("Liste übernehmen – Zuordnung");

    // The Stadtteil column becomes the Handlungsfeld: typed on the focused select.
    await tabTo("Spalte F übernehmen als");
    await page.keyboard.type("Handl");
    await expect(page.getByLabel("Spalte F übernehmen als").inputValue()).resolves.toBe("field:handlungsfeld");
    await expect(page.getByLabel("Spalte C übernehmen als").inputValue()).resolves.toBe("extra");
    await expect(figures.textContent()).resolves.toMatch(/Handlungsfelder3Ziele/);

    await tabTo("Übernehmen");
    await page.keyboard.press("Enter");
    await page.getByText("Neue Arbeitsmappe „musterdorf – Maßnahmenplan.xlsx“ erstellt").waitFor();
    await page.getByText(/Übernommen: 3 Maßnahmen aus Zeilen 3–5\./).waitFor();
    await fits("Liste übernommen");

    const download = page.waitForEvent("download");
    await tabTo("Neue Arbeitsmappe herunterladen");
    await page.keyboard.press("Enter");
    const saved = path.join(tmp, "uebernommen.xlsx");
    await (await download).saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet("Maßnahmen")!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
    const titles = [2, 3, 4].map((r) => ws.getCell(r, headers.indexOf("Titel")).value);
    expect(titles).toEqual(["Sprachcafé einrichten", "Elternlotsen ausbilden", "Wohnungsbörse"]);
    expect(wb.getWorksheet("Übernahme")).toBeTruthy();

    await tabTo("Hier öffnen");
    await page.keyboard.press("Enter");
    // Built in the browser, in no file yet (unless downloaded): the header says so.
    await page.getByText("musterdorf – Maßnahmenplan.xlsx · übernommen, noch nicht heruntergeladen").waitFor();
    await page.getByText(/ist jetzt hier geöffnet/).waitFor();
    await fits("Liste übernommen und geöffnet");
    onlyOwnOrigin();
  }, 240_000);

  it("saves back into the file it opened where the browser can (File System Access API)", async () => {
    // A page of its own whose file picker hands out a handle on the example workbook (the system dialog
    // cannot be driven headless); what the pane writes through the handle is kept for the test to read.
    const context = await e2e.browser.newContext({ viewport: PANE, locale: "de-DE", acceptDownloads: true });
    await context.route(
      (url) => url.origin !== e2e.origin,
      (route) => route.abort(),
    );
    await context.addInitScript(
      (bytes: number[]) => {
        const written: number[][] = [];
        const handle = {
          name: "beispiel.xlsx",
          getFile: async () => new File([new Uint8Array(bytes)], "beispiel.xlsx"),
          queryPermission: async () => "granted",
          createWritable: async () => {
            const parts: Uint8Array[] = [];
            return {
              write: async (data: ArrayBuffer) => void parts.push(new Uint8Array(data)),
              close: async () => void written.push(parts.flatMap((p) => [...p])),
            };
          },
        };
        Object.assign(window, { showOpenFilePicker: async () => [handle], written });
      },
      [...fs.readFileSync(workbookFile)],
    );
    const own = await context.newPage();
    try {
      await own.goto(`${e2e.origin}/taskpane.html`);
      const downloads: string[] = [];
      own.on("download", (d) => downloads.push(d.suggestedFilename()));
      await own.getByRole("region", { name: "Start" }).getByRole("button", { name: "Arbeitsmappe öffnen …" }).click();
      await own.getByText("beispiel.xlsx · unverändert").waitFor();
      await own.getByRole("tab", { name: /^Prüfen/ }).click();
      await own.getByRole("button", { name: "Prüfbericht als Blatt" }).click();
      await own.getByText("beispiel.xlsx · übernommen, noch nicht gespeichert").waitFor();
      await own.getByRole("button", { name: "In „beispiel.xlsx“ speichern" }).click();
      await own.getByText("beispiel.xlsx · in der Datei gespeichert").waitFor();
      const written = await own.evaluate(() => (window as unknown as { written: number[][] }).written);
      expect(written).toHaveLength(1);
      const wb = await toExcelJs(new Uint8Array(written[0]!));
      expect(wb.getWorksheet("Prüfbericht")).toBeTruthy();
      expect(downloads).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
