/**
 * The Integrationsmonitoring in the pane in headless Chromium, by keyboard, at 320 and 350 px with axe:
 * a Basisindikator by Gebiet and Gruppe (table and chart), then „Werte übernehmen“ from a GENESIS export —
 * the preview first, the values after the button.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import type { CellValue } from "../../src/domain/dates";
import type { EntityKind } from "../../src/domain/model";
import { planNewWorkbook } from "../../src/workbook/plan";
import { XlsxDocument } from "../../src/xlsx/document";
import { type PaneE2E, e2eDescribe, startPane } from "../helpers/e2e";
import { withMonitoring } from "../helpers/monitoring";

const describeE2E = e2eDescribe();
const VIEWS = ["Start", "Maßnahme", "Prüfen", "Monitoring", "Listen", "Bewertung", "Verteilen", "Einrichten"];

/** The test concept, its years as dates, the own Kreis Flensburg so the GENESIS fixture has values for it. */
function workbook(file: string): void {
  const rows = withMonitoring();
  rows.indikatorwerte = rows.indikatorwerte!.map((v) =>
    typeof v.stichtag === "number" ? { ...v, stichtag: new Date(Date.UTC(v.stichtag, 11, 31)) } : v,
  );
  const doc = XlsxDocument.create(path.basename(file));
  doc.applyWorkbookPlan(planNewWorkbook(rows as Partial<Record<EntityKind, Record<string, CellValue>[]>>));
  fs.writeFileSync(file, doc.toBytes());
}

describeE2E("the Integrationsmonitoring in the pane, by keyboard", () => {
  let e2e: PaneE2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startPane(VIEWS, "mnp-e2e-monitoring-");
    page = e2e.page;
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("shows a Basisindikator by Gebiet and Gruppe and takes values from a statistics file after a preview", async () => {
    const file = path.join(e2e.tmp, "monitoring.xlsx");
    workbook(file);
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("tab", { selected: true }).focus();
    await e2e.tabTo("Arbeitsmappe öffnen …");
    await page.keyboard.press("Enter");
    await (await chooser).setFiles(file);
    await page.getByText("monitoring.xlsx · unverändert").waitFor();

    await e2e.tabView("Monitoring");
    const section = page.getByRole("region", { name: "Integrationsmonitoring" });
    await section.getByRole("table", { name: "I-020 nach Gebiet" }).waitFor();
    await e2e.tabTo(/^Basisindikator/);
    await page.keyboard.type("I-022");
    const share = section.getByRole("table", { name: "I-022 nach Gebiet" });
    await share.waitFor();
    await expect(share.getByRole("row", { name: /^Landkreis Muster/ }).textContent()).resolves.toBe(
      "Landkreis Muster9 %10 %+1 Pp.",
    );
    await section.getByRole("img", { name: /^Verlauf I-022 – Ausländeranteil: Landkreis Muster/ }).waitFor();
    await e2e.fits("Monitoring – Basisindikator");

    const werte = page.getByRole("region", { name: "Werte übernehmen" });
    await e2e.tabTo(/^Indikator der Werte/);
    await page.keyboard.type("I-020");
    const files = page.waitForEvent("filechooser");
    await e2e.tabTo("Statistikdateien auswählen …");
    await page.keyboard.press("Enter");
    const csv = path.join(e2e.tmp, "12411-01-01-4.csv");
    fs.copyFileSync("/work/shared/fixtures/statistik/12411-01-01-4.csv", csv);
    await (await files).setFiles(csv);
    const preview = werte.getByRole("region", { name: "Vorschau der Übernahme" });
    // The own Kreis of the workbook (09999) is not in the file; of its Gebiete, Bayern and Deutschland are.
    await preview.getByText(/^Vorschau: 1\.578 Datenzellen: 6 Werte übernommen/).waitFor();
    await preview
      .getByText(/Das Gebiet 01001 \(Flensburg, Kreisfreie Stadt\) liegt außerhalb des eigenen Gebiets/)
      .waitFor();
    await e2e.fits("Monitoring – Vorschau der Übernahme");

    // With the areas outside taken too, the values come in as comparison areas.
    await e2e.tabTo(/^Auch Gebiete außerhalb/);
    await page.keyboard.press("Space");
    await preview.getByText(/^Vorschau: 1\.578 Datenzellen: 1\.578 Werte übernommen/).waitFor();
    await e2e.tabTo("Werte übernehmen");
    await page.keyboard.press("Enter");
    await werte.getByText(/^Übernommen\. 1\.578 Datenzellen/).waitFor();
    await e2e.fits("Monitoring – Werte übernommen");
    e2e.onlyOwnOrigin();
  }, 300_000);
});
