/**
 * End to end in headless Chromium, by keyboard alone: an empty workbook is filled from the pane — the
 * lists in „Listen“, the Einstellungen, one measure in the SMART form — until `check` finds no structural
 * error and every reference is in the one form; then a Sachstand with another Status sets the measure's
 * Status in the same step, so that the check has nothing to contradict. Every state fits 320 and 350 px
 * with axe clean. Shared set-up (build, server, browser, keyboard and layout helpers): test/helpers/e2e.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { referenceId } from "../../src/domain/values";
import { readConcept } from "../../src/workbook/read";
import { uniformPlan } from "../../src/workbook/references";
import { XlsxDocument } from "../../src/xlsx/document";
import { checkWorkbook } from "../../src/xlsx/concept";
import { type PaneE2E, e2eDescribe, startPane } from "../helpers/e2e";

const describeE2E = e2eDescribe();
const VIEWS = ["Start", "Maßnahme", "Prüfen", "Monitoring", "Listen", "Bewertung", "Verteilen", "Einrichten"];
const STRUCTURE = [
  "BLATT_FEHLT",
  "SPALTE_FEHLT",
  "ID_FEHLT",
  "ID_DOPPELT",
  "PFLICHTFELD_LEER",
  "VERWEIS_UNBEKANNT",
  "VERWEIS_WIDERSPRUCH",
  "STATUS_UNGUELTIG",
];

describeE2E("Listen: an empty workbook filled from the pane, by keyboard", () => {
  let e2e: PaneE2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startPane(VIEWS, "mnp-e2e-listen-");
    page = e2e.page;
  }, 180_000);

  afterAll(async () => {
    await e2e?.close();
  });

  /** Types into the field of this label (Tab to it first). */
  async function fill(label: RegExp, text: string): Promise<void> {
    await e2e.tabTo(label);
    await page.keyboard.type(text);
  }

  /** Chooses in a native select by typing the start of the option. */
  async function choose(label: RegExp, typed: string): Promise<void> {
    await e2e.tabTo(label);
    await page.keyboard.type(typed);
  }

  /** Picks the list to edit and opens a new row's form. */
  async function newRow(list: string, button: string): Promise<void> {
    await choose(/^Liste$/, list);
    await page.getByRole("heading", { name: list }).waitFor();
    await e2e.tabTo(button);
    await page.keyboard.press("Enter");
  }

  async function save(done: string | RegExp, button = "Speichern"): Promise<void> {
    await e2e.tabTo(button);
    await page.keyboard.press("Enter");
    await page.getByText(done).waitFor();
  }

  /** The workbook as it is now in the pane, downloaded. */
  async function download(name: string): Promise<XlsxDocument> {
    const file = path.join(e2e.tmp, name);
    const done = page.waitForEvent("download");
    await page.getByRole("tab", { selected: true }).focus();
    await e2e.tabTo("Arbeitsmappe herunterladen", 40, "Shift+Tab");
    await page.keyboard.press("Enter");
    await (await done).saveAs(file);
    return XlsxDocument.open(new Uint8Array(fs.readFileSync(file)), name);
  }

  it("fills the lists, the Einstellungen and one measure until check finds no structural error", async () => {
    await page.getByRole("button", { name: "Arbeitsmappe öffnen …" }).waitFor();
    await e2e.tabView("Einrichten");
    await e2e.tabTo("Neue Arbeitsmappe mit dieser Vorlage anlegen");
    await page.keyboard.press("Enter");
    await page.getByText("Struktur angelegt").waitFor();

    await e2e.tabView("Listen");
    await page.getByText("Die Liste „Handlungsfelder“ ist noch leer.").waitFor();
    await e2e.fits("Listen leer");
    await e2e.tabTo("Neues Handlungsfeld");
    await page.keyboard.press("Enter");
    const hf = page.getByRole("form", { name: "Neues Handlungsfeld HF-01" });
    await hf.waitFor();
    // The rules run on the row as it is typed.
    await hf.getByText(/fehlt die Angabe „Name des Handlungsfelds“/).waitFor();
    await e2e.fits("Listen neues Handlungsfeld");
    await fill(/^Handlungsfeld/, "Bildung und Sprache");
    await fill(/^Leitziel/, "Alle Kinder sprechen beim Schuleintritt gut Deutsch.");
    await save("Handlungsfeld HF-01 – Bildung und Sprache ist gespeichert.");

    await newRow("Ziele", "Neues Ziel");
    await choose(/^Handlungsfeld/, "HF-01");
    await fill(/^Ziel\b/, "Mehr Kinder unter drei Jahren besuchen eine Kita.");
    await save(/^Ziel Z-01 – Mehr Kinder unter drei Jahren besuchen eine Kita\. ist gespeichert\.$/);

    await newRow("Akteure", "Neuer Akteur");
    await fill(/^Bezeichnung/, "Jugendamt");
    await fill(/^Fachbereich/, "Fachbereich 4 – Jugend");
    await fill(/^Ansprechperson/, "Maria Schulz");
    await fill(/^E-Mail/, "jugendamt@kreis.de");
    await choose(/^Art/, "intern");
    await save("Akteur A-01 – Jugendamt ist gespeichert.");

    await newRow("Indikatoren", "Neuer Indikator");
    await choose(/^Ziel\b/, "Z-01");
    await fill(/^Indikator/, "Betreuungsquote unter Dreijähriger");
    await fill(/^Einheit/, "%");
    await fill(/^Basiswert/, "31,5");
    await fill(/^Basisjahr/, "2025");
    await fill(/^Zielwert/, "45");
    await fill(/^Zieljahr/, "2030");
    await fill(/^Datenquelle/, "Kinder- und Jugendhilfestatistik");
    await fill(/^Erhebungsturnus/, "jährlich");
    await choose(/^Zuständig/, "A-01");
    await save("Indikator I-001 – Betreuungsquote unter Dreijähriger ist gespeichert.");
    await e2e.fits("Listen Indikatoren");

    await choose(/^Liste$/, "Einstellungen");
    await fill(/^Kommune/, "Landkreis Musterland");
    await fill(/^Laufzeit von/, "01.01.2026");
    await fill(/^Laufzeit bis/, "31.12.2030");
    await save(/„Kommune“, „Laufzeit von“, „Laufzeit bis“ sind gespeichert\./, "Einstellungen speichern");
    await e2e.fits("Listen Einstellungen");

    // One measure in the SMART form, its lists now filled from the pane.
    await e2e.tabView("Maßnahme");
    const pick = async (field: RegExp, typed: string) => {
      await e2e.tabTo(field);
      await page.keyboard.press("Enter");
      await page.keyboard.type(typed);
      await page.keyboard.press("Enter");
    };
    await pick(/^Handlungsfeld/, "HF-01");
    await pick(/^Ziel\b/, "Z-01");
    await fill(/^Titel/, "Kita-Einstieg");
    await fill(/^Beschreibung/, "Elternbegleiterinnen begleiten neu zugewanderte Familien beim Weg in die Kita.");
    await fill(/^Zielgruppe/, "Neu zugewanderte Familien mit Kindern unter drei Jahren");
    await e2e.tabTo(/^Indikatoren/);
    await page.keyboard.press("Enter");
    await page.keyboard.type("I-001");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await fill(/^Zielwert/, "45 % Betreuungsquote");
    await e2e.tabTo(/^Federführung/);
    await page.keyboard.type("A-01");
    await page.getByRole("option", { name: "A-01 – Jugendamt" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await fill(/^Personal/, "0,5");
    await fill(/^Sachkosten/, "2.000");
    await fill(/^Frist/, "31.12.2027");
    await e2e.tabTo(/^Als neue Maßnahme M-001 speichern/);
    await page.keyboard.press("Enter");
    await page.getByText(/Die Maßnahme M-001 ist gespeichert/).waitFor();

    // check: no structural error, and every reference in the one form (`ID – Name`).
    const doc = await download("gefuellt.xlsx");
    const { result } = await checkWorkbook(doc, { today: "2026-06-01" });
    expect(result.findings.filter((f) => STRUCTURE.includes(f.rule)).map((f) => f.message)).toEqual([]);
    const concept = readConcept(await doc.source());
    expect(uniformPlan(concept).cells).toBe(0);
    expect(concept.massnahmen.rows[0]!.values).toMatchObject({
      handlungsfeld: "HF-01 – Bildung und Sprache",
      ziel: "Z-01 – Mehr Kinder unter drei Jahren besuchen eine Kita.",
      indikatoren: "I-001",
      federfuehrung: "A-01 – Jugendamt",
    });
    expect(referenceId(concept.indikatoren!.rows[0]!.values.zustaendig ?? null)).toBe("A-01");
    e2e.onlyOwnOrigin();
  }, 300_000);

  it("saves a Sachstand with another Status and sets the measure's Status in the same step", async () => {
    await e2e.tabView("Monitoring");
    await e2e.tabTo(/^Maßnahme$/);
    await page.keyboard.type("M-001");
    const form = page.getByRole("form", { name: "Sachstand für M-001 melden" });
    await form.waitFor();
    await choose(/^Status\b/, "in");
    // The offer to set the measure's Status, checked by default.
    const offer = page.getByRole("checkbox", {
      name: /^Status der Maßnahme M-001 ebenfalls auf „in Umsetzung“ setzen/,
    });
    await offer.waitFor();
    await expect(offer.isChecked()).resolves.toBe(true);
    await fill(/^Umsetzung/, "20");
    await fill(/^Sachstand/, "Zwei Elternbegleiterinnen sind eingestellt, die ersten Familien werden begleitet.");
    await fill(/^Gemeldet von/, "Maria Schulz");
    await e2e.fits("Monitoring Status anders");
    await e2e.tabTo("Sachstand speichern");
    await page.keyboard.press("Enter");
    await page.getByText(/gespeichert\. Die Maßnahme steht jetzt auf „in Umsetzung“\.$/).waitFor();

    // Prüfen: the Sachstand and the measure agree.
    await e2e.tabView("Prüfen");
    await page.getByText(/^1 Maßnahmen, davon 1 SMART-vollständig/).waitFor();
    // Nowhere, not even in the SMART template, which stays mounted (hidden) and follows the workbook.
    await expect(page.getByText(/letzter Sachstand .* meldet aber/).count()).resolves.toBe(0);

    const doc = await download("sachstand.xlsx");
    const concept = readConcept(await doc.source());
    expect(concept.massnahmen.rows[0]!.values.status).toBe("in Umsetzung");
    const report = concept.sachstaende!.rows.at(-1)!.values;
    expect(report).toMatchObject({
      massnahme: "M-001 – Kita-Einstieg",
      status: "in Umsetzung",
      gemeldetVon: "Maria Schulz",
    });
    expect(report.gemeldetAm).toBeInstanceOf(Date);
    const { result } = await checkWorkbook(doc, { today: "2026-06-01" });
    expect(result.findings.map((f) => f.rule)).not.toContain("SACHSTAND_WIDERSPRUCH");
    e2e.onlyOwnOrigin();
  }, 300_000);
});
