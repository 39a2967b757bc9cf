/** @jest-environment jsdom */
/**
 * The Listen view in jsdom: Handlungsfelder, Ziele, Indikatoren, Akteure and Einstellungen maintained in
 * the pane, in the browser mode (package host) and in Excel (the Office.js fake): IDs proposed, the rules
 * live on the row being edited, references written in the one form, a row removed only when nothing refers
 * to it, what the concept lacks leading to its list, and the action that makes references uniform.
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { parseGermanDate } from "../../src/domain/dates";
import { templateContent } from "../../src/domain/templates";
import { ExcelHost } from "../../src/excel/host";
import ListenView from "../../src/taskpane/features/listen/ListenView";
import MassnahmeView from "../../src/taskpane/features/massnahme/MassnahmeView";
import type { WorkbookHost } from "../../src/workbook/host";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { FakeWorkbook } from "../excel/fakeExcel";
import { TODAY, answer, beispielHost, installJsdomShims, renderView } from "../helpers/pane";

beforeAll(installJsdomShims);
afterEach(cleanup);

const change = (label: string | RegExp, value: string, scope: HTMLElement = document.body) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

async function click(name: string | RegExp, scope: HTMLElement = document.body) {
  await act(async () => {
    fireEvent.click(within(scope).getByRole("button", { name }));
  });
}

async function emptyBrowserHost(): Promise<BrowserHost> {
  const host = await BrowserHost.create("neu.xlsx");
  await host.createSheetsIfMissing(planNewWorkbook(templateContent("leer", TODAY)).sheets);
  return host;
}

async function emptyExcelHost(): Promise<ExcelHost> {
  const fake = new FakeWorkbook();
  fake.addSheet("Tabelle1");
  const host = new ExcelHost({ run: fake.run, isSetSupported: () => false });
  await host.createSheetsIfMissing(planNewWorkbook(templateContent("leer", TODAY)).sheets);
  return host;
}

const rowsOf = async (host: WorkbookHost, kind: "handlungsfelder" | "ziele" | "akteure" | "indikatoren") =>
  (readConcept(await host.snapshot())[kind]?.rows ?? []).map((r) => r.values);

describe.each([
  ["browser mode", emptyBrowserHost],
  ["Excel (Office.js fake)", emptyExcelHost],
])("Listen in %s", (_, makeHost) => {
  it("fills an empty workbook's lists: IDs proposed, the rules live, references in the one form", async () => {
    const host = await makeHost();
    await renderView(<ListenView />, host, _ === "browser mode" ? "browser" : "excel");
    expect(screen.getByText("Die Liste „Handlungsfelder“ ist noch leer.")).toBeTruthy();

    await click("Neues Handlungsfeld");
    const form = screen.getByRole("form", { name: "Neues Handlungsfeld HF-01" });
    expect((within(form).getByLabelText(/^ID/) as HTMLInputElement).value).toBe("HF-01");
    // The rules run on the row as it is typed: a Handlungsfeld without a name is an error.
    expect(
      within(form).getByText(/Für das Handlungsfeld HF-01 fehlt die Angabe „Name des Handlungsfelds“/),
    ).toBeTruthy();
    change(/^Handlungsfeld/, "Bildung und Sprache", form);
    change(/^Leitziel/, "Alle Kinder sprechen beim Schuleintritt Deutsch.", form);
    expect(within(form).queryByText(/fehlt die Angabe/)).toBeNull();
    await click("Speichern", form);
    await screen.findByText("Handlungsfeld HF-01 – Bildung und Sprache ist gespeichert.");
    expect(await rowsOf(host, "handlungsfelder")).toEqual([
      expect.objectContaining({ id: "HF-01", handlungsfeld: "Bildung und Sprache" }),
    ]);

    change(/^Liste/, "ziele");
    await click("Neues Ziel");
    const ziel = screen.getByRole("form", { name: "Neues Ziel Z-01" });
    change(/^Handlungsfeld/, "HF-01 – Bildung und Sprache", ziel);
    change(/^Ziel\b/, "Mehr Kinder besuchen eine Kita.", ziel);
    await click("Speichern", ziel);
    await screen.findByText("Ziel Z-01 – Mehr Kinder besuchen eine Kita. ist gespeichert.");
    expect((await rowsOf(host, "ziele"))[0]).toMatchObject({
      id: "Z-01",
      handlungsfeld: "HF-01 – Bildung und Sprache",
    });

    change(/^Liste/, "akteure");
    await click("Neuer Akteur");
    const akteur = screen.getByRole("form", { name: "Neuer Akteur A-01" });
    change(/^Bezeichnung/, "Jugendamt", akteur);
    change(/^E-Mail/, "jugendamt(at)kreis.de", akteur);
    expect(within(akteur).getByText(/Der Akteur A-01 hat als E-Mail „jugendamt\(at\)kreis\.de“/)).toBeTruthy();
    change(/^E-Mail/, "jugendamt@kreis.de", akteur);
    change(/^Art/, "intern", akteur);
    await click("Speichern", akteur);
    await screen.findByText("Akteur A-01 – Jugendamt ist gespeichert.");

    change(/^Liste/, "indikatoren");
    await click("Neuer Indikator");
    const ind = screen.getByRole("form", { name: "Neuer Indikator I-001" });
    change(/^Ziel\b/, "Z-01 – Mehr Kinder besuchen eine Kita.", ind);
    change(/^Indikator/, "Kita-Quote", ind);
    change(/^Einheit/, "%", ind);
    change(/^Basiswert/, "80,5", ind);
    change(/^Basisjahr/, "2025", ind);
    change(/^Zielwert/, "viel", ind);
    expect(
      within(ind).getByText("Zielwert „viel“ ist keine Zahl. Tragen Sie nur die Zahl ein, z. B. 12,5."),
    ).toBeTruthy();
    change(/^Zielwert/, "90", ind);
    change(/^Zieljahr/, "2030", ind);
    change(/^Zuständig/, "A-01 – Jugendamt", ind);
    await click("Speichern", ind);
    await screen.findByText("Indikator I-001 – Kita-Quote ist gespeichert.");
    expect((await rowsOf(host, "indikatoren"))[0]).toMatchObject({
      id: "I-001",
      ziel: "Z-01 – Mehr Kinder besuchen eine Kita.",
      basiswert: 80.5,
      zielwert: 90,
      zustaendig: "A-01 – Jugendamt",
    });
    // The next proposal follows the existing IDs.
    await click("Neuer Indikator");
    expect(screen.getByRole("form", { name: "Neuer Indikator I-002" })).toBeTruthy();
  });

  it("keeps Gebiete by their official key, leading zero and all, with nothing proposed", async () => {
    const host = await makeHost();
    await renderView(<ListenView />, host, _ === "browser mode" ? "browser" : "excel");
    change(/^Liste/, "gebiete");
    await click("Neues Gebiet");
    const kreis = screen.getByRole("form", { name: /^Neues Gebiet/ });
    expect((within(kreis).getByLabelText(/^ID/) as HTMLInputElement).value).toBe("");
    change(/^ID/, "03159", kreis);
    change(/^Gebiet/, "Göttingen", kreis);
    change(/^Ebene/, "Kreis", kreis);
    await click("Speichern", kreis);
    await screen.findByText("Gebiet 03159 – Göttingen ist gespeichert.");
    await click("Neues Gebiet");
    const gemeinde = screen.getByRole("form", { name: /^Neues Gebiet/ });
    change(/^ID/, "03159001", gemeinde);
    change(/^Gebiet/, "Adelebsen", gemeinde);
    change(/^Ebene/, "Gemeinde", gemeinde);
    change(/^Übergeordnet/, "03159 – Göttingen", gemeinde);
    await click("Speichern", gemeinde);
    await screen.findByText("Gebiet 03159001 – Adelebsen ist gespeichert.");
    const gebiete = (readConcept(await host.snapshot()).gebiete?.rows ?? []).map((r) => r.values);
    expect(gebiete).toEqual([
      expect.objectContaining({ id: "03159", gebiet: "Göttingen", ebene: "Kreis" }),
      expect.objectContaining({ id: "03159001", uebergeordnet: "03159 – Göttingen" }),
    ]);
  });

  it("removes a row only when nothing refers to it, and says which rows do", async () => {
    const host = await makeHost();
    await host.writeRows([
      { kind: "handlungsfelder", id: "HF-01", values: { handlungsfeld: "Bildung" } },
      { kind: "handlungsfelder", id: "HF-02", values: { handlungsfeld: "Arbeit" } },
      { kind: "ziele", id: "Z-01", values: { handlungsfeld: "HF-01", ziel: "Kita für alle" } },
    ]);
    await renderView(<ListenView />, host, _ === "browser mode" ? "browser" : "excel");
    await click("HF-01 bearbeiten");
    await click("Löschen …");
    expect(
      screen.getByText(
        "Handlungsfeld HF-01 lässt sich nicht löschen, solange darauf verwiesen wird: Ziele Z-01. Ändern Sie zuerst diese Verweise.",
      ),
    ).toBeTruthy();
    await click("Abbrechen");
    await click("HF-02 bearbeiten");
    await click("Löschen …");
    await click("Endgültig löschen");
    await screen.findByText("Handlungsfeld HF-02 ist gelöscht.");
    expect((await rowsOf(host, "handlungsfelder")).map((r) => r.id)).toEqual(["HF-01"]);
  });
});

describe.each([
  ["browser mode", "browser" as const],
  ["Excel (Office.js fake)", "excel" as const],
])("the Prozessplan in the list editor, %s", (_, mode) => {
  /** The example, in the browser's package or in the Office.js fake (the same sheets, written by its host). */
  async function beispiel(): Promise<WorkbookHost> {
    if (mode === "browser") return beispielHost();
    const fake = new FakeWorkbook();
    fake.addSheet("Tabelle1");
    const host = new ExcelHost({ run: fake.run, isSetSupported: () => false });
    await host.createSheetsIfMissing(planNewWorkbook(templateContent("beispiel", TODAY)).sheets);
    return host;
  }

  it("adds a step: its ID proposed, a Termin written as a date, the Verantwortlich from the Akteure, the P_ rules live", async () => {
    const host = await beispiel();
    await renderView(<ListenView />, host, mode);
    change(/^Liste/, "prozessplan");
    await screen.findByRole("heading", { name: "Prozessplan" });
    const before = readConcept(await host.snapshot()).prozessplan?.rows.length ?? 0;
    await click("Neuer Schritt");
    const id = `P-${String(before + 1).padStart(2, "0")}`;
    const form = screen.getByRole("form", { name: `Neuer Schritt ${id}` });
    change(/^Schritt/, "Maßnahmenkonzept im Integrationsbeirat beraten", form);
    change(/^Befassung/, "Empfehlung", form);
    // A Befassung without Gremium, a step without Termin: the rules say so while the row is typed.
    expect(
      within(form).getByText(new RegExp(`Der Schritt ${id} hat die Befassung „Empfehlung“, nennt aber kein Gremium`)),
    ).toBeTruthy();
    expect(within(form).getByText(new RegExp(`Der Schritt ${id} hat keinen Termin`))).toBeTruthy();
    change(/^Gremium/, "Integrationsbeirat", form);
    change(/^Termin/, "09.03.2027", form);
    change(/^Verantwortlich/, "A-01 – Koordinierungsstelle Integration", form);
    change(/^Status/, "geplant", form);
    expect(within(form).queryByText(/nennt aber kein Gremium|hat keinen Termin|ist niemand verantwortlich/)).toBeNull();
    await click("Speichern", form);
    await screen.findByText(`Schritt ${id} – Maßnahmenkonzept im Integrationsbeirat beraten ist gespeichert.`);
    const saved = readConcept(await host.snapshot()).prozessplan!.rows.find((r) => r.values.id === id)!;
    expect(saved.values).toMatchObject({
      gremium: "Integrationsbeirat",
      befassung: "Empfehlung",
      verantwortlich: "A-01 – Koordinierungsstelle Integration",
      status: "geplant",
    });
    // A date cell: a Date from the package, the serial number of the day from Office.js.
    expect(parseGermanDate(saved.values.termin ?? null)).toEqual({
      kind: "date",
      date: "2027-03-09",
      precision: "day",
    });
    const card = screen.getByRole("list", { name: "Prozessplan" });
    expect(within(card).getByText("Termin: 09.03.2027")).toBeTruthy();
  });
});

describe("the pane writes the one form of a reference", () => {
  it("the SMART form saves a measure that held IDs alone with its references as `ID – Name`", async () => {
    const host = await beispielHost();
    await host.writeRows([
      { kind: "massnahmen", id: "M-002", values: { handlungsfeld: "hf-01", federfuehrung: "A-01" } },
    ]);
    await renderView(<MassnahmeView />, host, "browser", {
      navRequest: { target: { view: "massnahme", id: "M-002" }, seq: 1 },
    });
    await screen.findByRole("button", { name: "Änderungen an M-002 speichern" });
    await click("Änderungen an M-002 speichern");
    await screen.findByText(/Die Maßnahme M-002 ist gespeichert/);
    const m2 = readConcept(await host.snapshot()).massnahmen.rows.find((r) => r.values.id === "M-002")!;
    expect(m2.values.handlungsfeld).toBe("HF-01 – Willkommenskultur");
    expect(String(m2.values.federfuehrung)).toMatch(/^A-01 – ./);
  });
});

describe("Listen on the example", () => {
  it("asks, as every form of the pane does, before another row or list drops an edited row", async () => {
    const host = await beispielHost();
    await renderView(<ListenView />, host);
    await click("HF-01 bearbeiten");
    const form = () => screen.getByRole("form", { name: "Handlungsfeld HF-01 bearbeiten" });
    change(/^Leitziel/, "Alle fühlen sich willkommen.", form());
    await click("HF-02 bearbeiten");
    await answer("Weiter bearbeiten", /Die Änderungen an Handlungsfeld HF-01 sind noch nicht gespeichert\./);
    expect((within(form()).getByLabelText(/^Leitziel/) as HTMLTextAreaElement).value).toBe(
      "Alle fühlen sich willkommen.",
    );

    change(/^Liste/, "ziele");
    await answer("Speichern und weiter");
    await screen.findByRole("heading", { name: "Ziele" });
    const hf1 = readConcept(await host.snapshot()).handlungsfelder!.rows.find((r) => r.values.id === "HF-01")!;
    expect(hf1.values.leitziel).toBe("Alle fühlen sich willkommen.");
  });

  it("edits the Einstellungen by Schlüssel, with the rules live", async () => {
    const host = await beispielHost();
    await renderView(<ListenView />, host);
    change(/^Liste/, "einstellungen");
    const form = screen.getByRole("form", { name: "Einstellungen" });
    change(/^Berichtsstichtag/, "31.13.2026", form);
    expect(within(form).getByText(/Die Einstellung „Berichtsstichtag“ hat den Wert „31\.13\.2026“/)).toBeTruthy();
    change(/^Berichtsstichtag/, "31.12.2026", form);
    change(/^Rücklauf an/, "Integrationsbüro, integration@kreis.de", form);
    change(/^Kommune/, "Landkreis Neustadt", form);
    await click("Einstellungen speichern", form);
    await screen.findByText(/„Kommune“, „Berichtsstichtag“, „Rücklauf an“ sind gespeichert\./);
    const rows = readConcept(await host.snapshot()).einstellungen!.rows.map((r) => r.values);
    expect(rows.find((r) => r.schluessel === "Kommune")!.wert).toBe("Landkreis Neustadt");
    expect(rows.find((r) => r.schluessel === "Berichtsstichtag")!.wert).toEqual(new Date("2026-12-31T00:00:00Z"));
    expect(rows.find((r) => r.schluessel === "Rücklauf an")!.wert).toBe("Integrationsbüro, integration@kreis.de");
  });

  it("leads from what is missing to the list that fixes it, and makes references uniform in one step", async () => {
    const host = await beispielHost();
    // Two measures whose Handlungsfeld is gone (as after importing a list without one), a Ziel given by ID.
    await host.writeRows([
      { kind: "massnahmen", id: "M-001", values: { handlungsfeld: null } },
      { kind: "massnahmen", id: "M-002", values: { handlungsfeld: null } },
      { kind: "ziele", id: "Z-01", values: { handlungsfeld: "hf-01" } },
    ]);
    const { session } = await renderView(<ListenView />, host);
    const gaps = screen.getByRole("region", { name: "Was noch fehlt" });
    expect(within(gaps).getByText("2 Maßnahmen ohne Handlungsfeld")).toBeTruthy();
    await click("2 Maßnahmen ohne Handlungsfeld: M-001 im Formular zuordnen", gaps);
    expect(session.navigate).toHaveBeenCalledWith({ view: "massnahme", id: "M-001", field: "handlungsfeld" });

    const uniform = screen.getByRole("region", { name: "Verweise vereinheitlichen" });
    expect(
      within(uniform).getByText(/Ein Verweis steht nicht in der Form der Auswahllisten .*: Ziele 1\./),
    ).toBeTruthy();
    await click("Verweis vereinheitlichen", uniform);
    await screen.findByText("Ein Verweis steht jetzt in der Form „ID – Name“.");
    const z1 = readConcept(await host.snapshot()).ziele!.rows[0]!.values;
    expect(z1.handlungsfeld).toBe("HF-01 – Willkommenskultur");
  });
});
