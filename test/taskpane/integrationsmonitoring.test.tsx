/** @jest-environment jsdom */
/**
 * The Integrationsmonitoring in the Monitoring view (browser host): a Basisindikator by Gebiet and Gruppe —
 * the table with the computed share and the marker, the own area bold, the chart's lines named — and
 * „Werte übernehmen“: a statistics file's preview (what will be taken, what not and why) before anything
 * is written, then the values by Gebiet and Gruppe in Indikatorwerte and the sheet Werteübernahme.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as fs from "node:fs";
import type { CellValue } from "../../src/domain/dates";
import type { EntityKind } from "../../src/domain/model";
import { MonitoringData } from "../../src/domain/monitoringData";
import MonitoringView from "../../src/taskpane/features/monitoring/MonitoringView";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { withMonitoring } from "../helpers/monitoring";
import { answer, installJsdomShims, renderView } from "../helpers/pane";
import { useSession } from "../../src/taskpane/session";
import type { ReactElement } from "react";

beforeAll(installJsdomShims);
afterEach(cleanup);

/** The test concept with years as the dates they mean (a number in a date cell would be an Excel serial). */
function monitoringRows(): ReturnType<typeof withMonitoring> {
  const rows = withMonitoring();
  rows.indikatorwerte = rows.indikatorwerte!.map((v) =>
    typeof v.stichtag === "number" ? { ...v, stichtag: new Date(Date.UTC(v.stichtag, 11, 31)) } : v,
  );
  return rows;
}

async function monitoringHost(rows = monitoringRows()): Promise<BrowserHost> {
  const host = await BrowserHost.create("monitoring.xlsx");
  await host.createSheetsIfMissing(
    planNewWorkbook(rows as Partial<Record<EntityKind, Record<string, CellValue>[]>>).sheets,
  );
  return host;
}

describe("Monitoring: Basisindikatoren by Gebiet", () => {
  it("shows the Gebiete over the Stichtage with the change, a computed share, a marker and a Gruppe", async () => {
    const host = await monitoringHost();
    await renderView(<MonitoringView />, host);
    const section = screen.getByRole("region", { name: "Integrationsmonitoring" });
    fireEvent.change(within(section).getByLabelText(/^Basisindikator/), { target: { value: "I-022" } });
    const table = within(section).getByRole("table", { name: "I-022 nach Gebiet" });
    // As the user reads it: a soft hyphen (where a header may break in the narrow pane) is not seen.
    const rows = within(table)
      .getAllByRole("row")
      .map((r) => [...r.querySelectorAll("th,td")].map((c) => c.textContent?.replace(/\u00AD/g, "")));
    expect(rows).toEqual([
      ["Gebiet", "2024", "2025", "Veränderung"],
      ["Musterstadt", "–", "12,5 %", "–"],
      ["Landkreis Muster", "9 %", "10 %", "+1 Pp."],
    ]);
    expect(
      within(section).getByText("Einheit: % · berechnet: I-021 / I-020 · Quelle: Landesamt für Statistik"),
    ).toBeTruthy();

    fireEvent.change(within(section).getByLabelText(/^Basisindikator/), { target: { value: "I-021" } });
    const marked = within(section).getByRole("table", { name: "I-021 nach Gebiet" });
    expect(within(marked).getByRole("rowheader", { name: "Beispieldorf" }).parentElement!.textContent).toContain(".");
    fireEvent.change(within(section).getByLabelText(/^Gruppe/), { target: { value: "weiblich" } });
    const women = within(section).getByRole("table", { name: "I-021 nach Gebiet" });
    expect(
      within(women)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual(["Gebiet2025", "Musterstadt2.600", "Landkreis Muster–"]);
    // The chart names the own area and the comparison areas, with the values, for screen readers.
    fireEvent.change(within(section).getByLabelText(/^Gruppe/), { target: { value: "" } });
    expect(within(section).getByRole("img").getAttribute("aria-label")).toMatch(
      /^Verlauf I-021 – Ausländer\/-innen: Landkreis Muster 31\.12\.2024 9\.000, 31\.12\.2025 10\.100/,
    );
  });
});

describe("Monitoring: a Basisindikator over more than two years", () => {
  it("shows the first and the latest Stichtag with the change between them; the chart keeps every year", async () => {
    const rows = monitoringRows();
    rows.indikatorwerte!.push({
      indikator: "I-021",
      stichtag: new Date(Date.UTC(2023, 11, 31)),
      gebiet: "09999",
      wert: 8000,
    });
    await renderView(<MonitoringView />, await monitoringHost(rows));
    const section = screen.getByRole("region", { name: "Integrationsmonitoring" });
    fireEvent.change(within(section).getByLabelText(/^Basisindikator/), { target: { value: "I-021" } });
    const table = within(section).getByRole("table", { name: "I-021 nach Gebiet" });
    const header = within(table)
      .getAllByRole("columnheader")
      .map((c) => c.textContent?.replace(/\u00AD/g, ""));
    expect(header).toEqual(["Gebiet", "2023", "2025", "Veränderung"]);
    expect(within(table).getByRole("rowheader", { name: "Landkreis Muster" }).parentElement!.textContent).toBe(
      "Landkreis Muster8.00010.100+26,3 %",
    );
    expect(within(section).getByRole("img").getAttribute("aria-label")).toMatch(
      /Landkreis Muster 31\.12\.2023 8\.000, 31\.12\.2024 9\.000, 31\.12\.2025 10\.100/,
    );
  });
});

/** A Kreis with the Bund to compare, no values yet, and the view with a GENESIS file chosen for I-020. */
async function previewGenesis(extra?: ReactElement): Promise<{ host: BrowserHost; preview: HTMLElement }> {
  const rows = monitoringRows();
  rows.einstellungen = rows.einstellungen!.map((e) => (e.schluessel === "Gebiet" ? { ...e, wert: "01001" } : e));
  rows.gebiete = [
    { id: "01001", gebiet: "Flensburg", ebene: "Kreis" },
    { id: "DG", gebiet: "Deutschland", ebene: "Bund", vergleich: "ja" },
  ];
  rows.indikatorwerte = [];
  const host = await monitoringHost(rows);
  await renderView(
    <>
      <MonitoringView />
      {extra}
    </>,
    host,
  );
  const section = screen.getByRole("region", { name: "Werte übernehmen" });
  fireEvent.change(within(section).getByLabelText(/^Indikator der Werte/), { target: { value: "I-020" } });
  const bytes = fs.readFileSync("/work/shared/fixtures/statistik/12411-01-01-4.csv");
  await act(async () => {
    fireEvent.change(within(section).getByLabelText("Statistikdateien auswählen"), {
      target: { files: [new File([bytes], "12411-01-01-4.csv")] },
    });
  });
  return { host, preview: await within(section).findByRole("region", { name: "Vorschau der Übernahme" }) };
}

/** A way out of the view, through the pane's guard (as choosing another view is). */
function WayOut({ left }: { left: () => void }): ReactElement {
  const session = useSession();
  return <button onClick={() => void session.leave(left)}>Anderswohin</button>;
}

describe("Monitoring: Werte übernehmen", () => {
  it("previews a GENESIS file per Gebiet and reason, then writes the values and the sheet Werteübernahme", async () => {
    const { host, preview } = await previewGenesis();
    expect(within(preview).getByText(/Vorschau: 1\.578 Datenzellen: 6 Werte übernommen/)).toBeTruthy();
    expect(within(preview).getByText(/^01001 – Flensburg, 12411-01-01-4\.csv C11:E11, 3 Zellen$/)).toBeTruthy();
    expect(within(preview).getAllByText(/liegt außerhalb des eigenen Gebiets/).length).toBeGreaterThan(0);
    // Nothing is written before the button.
    expect(readConcept(await host.snapshot()).indikatorwerte?.rows ?? []).toHaveLength(0);

    await act(async () => {
      fireEvent.click(within(preview).getByRole("button", { name: "Werte übernehmen" }));
    });
    await waitFor(() => expect(screen.getByText(/^Übernommen\. 1\.578 Datenzellen/)).toBeTruthy());
    const concept = readConcept(await host.snapshot());
    const data = new MonitoringData(concept);
    expect(data.at("I-020", "2015-12-31", "01001", "weiblich")!.wert).toBe(43175);
    expect(data.at("I-020", "2015-12-31", "DG")!.wert).toBe(82175684);
    expect(concept.indikatorwerte!.rows).toHaveLength(6);
    expect((await host.snapshot()).sheetNames()).toContain("Werteübernahme");
  });

  it("asks before a way out drops values previewed but not written, and takes them with „Speichern und weiter“", async () => {
    const left = jest.fn();
    const { host } = await previewGenesis(<WayOut left={left} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Anderswohin" }));
    });
    await answer(
      "Weiter bearbeiten",
      "Die Werte aus „12411-01-01-4.csv“ sind noch nicht übernommen: „Speichern und weiter“ übernimmt sie.",
    );
    expect(left).not.toHaveBeenCalled();
    expect(readConcept(await host.snapshot()).indikatorwerte?.rows ?? []).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Anderswohin" }));
    });
    await answer("Speichern und weiter");
    await waitFor(() => expect(left).toHaveBeenCalled());
    expect(readConcept(await host.snapshot()).indikatorwerte!.rows).toHaveLength(6);
  });
});
