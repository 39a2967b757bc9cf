/** @jest-environment jsdom */
/**
 * The pane in jsdom: browser mode without Office, the SMART template against a real (in-memory) workbook,
 * the Prüfen list selecting a cell, and the Bewertung summary.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, statusText, umgebungAus } from "../../src/taskpane/App";
import MassnahmeView from "../../src/taskpane/features/massnahme/MassnahmeView";
import PruefenView from "../../src/taskpane/features/pruefen/PruefenView";
import BewertungView from "../../src/taskpane/features/bewertung/BewertungView";
import EinrichtenView from "../../src/taskpane/features/einrichten/EinrichtenView";
import { TODAY, beispielHost, installJsdomShims, renderView } from "../helpers/pane";
import { toExcelJs } from "../helpers/xlsx";

beforeAll(installJsdomShims);
afterEach(cleanup);

describe("environment", () => {
  it("is browser mode when office.js reports no host", () => {
    expect(umgebungAus({ host: null, platform: null })).toEqual({ art: "browser" });
    expect(umgebungAus({ host: "Excel", platform: "PC" })).toEqual({ art: "excel", plattform: "PC" });
    expect(statusText({ art: "browser" })).toMatch(/^Browser-Modus: .*Öffnen Sie eine Arbeitsmappe/);
    expect(statusText({ art: "browser" }, true)).toBe("Browser-Modus (ohne Excel).");
  });

  it("shows the file picker and the seven views without Office", async () => {
    render(<App />);
    expect(await screen.findByRole("button", { name: "Arbeitsmappe öffnen …" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Arbeitsmappe herunterladen" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getAllByRole("tab")).toHaveLength(7);
    for (const name of ["Einrichten", "Maßnahme", "Prüfen", "Bewertung", "Verteilen", "Monitoring", "Listen"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getByText(/^Browser-Modus/)).toBeTruthy();
  });
});

describe("Maßnahme", () => {
  it("checks live, names the missing letter and saves a new row with the next free ID", async () => {
    const host = await beispielHost();
    await renderView(<MassnahmeView />, host);
    expect(screen.getByRole("button", { name: "Als neue Maßnahme M-021 speichern" })).toBeTruthy();
    const status = () => document.getElementById("smart-stand")!.textContent;
    expect(status()).toMatch(/S \(spezifisch\), M \(messbar\), A \(aktivierend\), R \(realistisch\), T \(terminiert\)/);

    // Every field of the contract is there, with its help text.
    expect(screen.getByText(/Spezifisch heißt eindeutig definiert/)).toBeTruthy();
    const type = (label: RegExp, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type(/^Titel/, "Lernpatenschaften");
    type(
      /^Beschreibung/,
      "Ehrenamtliche begleiten erwachsene Zugewanderte ein Jahr lang beim Deutschlernen im Alltag.",
    );
    type(/^Zielgruppe/, "Erwachsene Zugewanderte");
    expect(status()).not.toMatch(/S \(spezifisch\)/);
    expect(screen.getByLabelText("S spezifisch: erfüllt")).toBeTruthy();
    expect(screen.getByLabelText("T terminiert: noch offen")).toBeTruthy();

    // A date that is entered and then removed again: the field names the problem.
    type(/^Frist/, "2027-12-31");
    type(/^Frist/, "");
    expect(screen.getByText(/keine Frist/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Als neue Maßnahme M-021 speichern" }));
    });
    await waitFor(() => expect(screen.getByText(/Die Maßnahme M-021 ist gespeichert/)).toBeTruthy());
    const ws = (await toExcelJs(host.document)).getWorksheet("Maßnahmen")!;
    expect(ws.getCell("A22").value).toBe("M-021");
    expect(ws.getCell("D22").value).toBe("Lernpatenschaften");
    expect(host.selected()).toEqual({ sheet: "Maßnahmen", address: "A22" });
  });

  it("never drops unsaved changes when another measure is chosen: the user decides", async () => {
    const host = await beispielHost();
    await renderView(<MassnahmeView />, host);
    const titel = () => (screen.getByLabelText(/^Titel/) as HTMLInputElement).value;
    fireEvent.change(screen.getByLabelText(/^Titel/), { target: { value: "Lernpatenschaften" } });
    const choose = async (name: RegExp) => {
      fireEvent.click(screen.getByRole("combobox", { name: "Maßnahme" }));
      fireEvent.click(await screen.findByRole("option", { name }));
    };

    await choose(/^M-001/);
    expect(screen.getByRole("alert").textContent).toMatch(
      /Änderungen an der neuen Maßnahme M-021 sind noch nicht gespeichert/,
    );
    expect(titel()).toBe("Lernpatenschaften");
    fireEvent.click(screen.getByRole("button", { name: "Weiter bearbeiten" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(titel()).toBe("Lernpatenschaften");

    fireEvent.click(screen.getByRole("button", { name: "Neue Maßnahme" }));
    expect(screen.getByRole("alert")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Weiter bearbeiten" }));

    await choose(/^M-001/);
    fireEvent.click(screen.getByRole("button", { name: "Verwerfen und M-001 öffnen" }));
    expect(titel()).toBe("Willkommensmappe");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("creates a new Akteur from the Federführung combobox", async () => {
    const host = await beispielHost();
    await renderView(<MassnahmeView />, host);
    const combo = screen.getByRole("combobox", { name: /^Federführung/ });
    // Its button speaks German, like everything else in the pane.
    expect(screen.queryByRole("button", { name: "Open" })).toBeNull();
    expect(screen.getByRole("button", { name: "Stellen anzeigen" })).toBeTruthy();
    fireEvent.change(combo, { target: { value: "Stadtbibliothek" } });
    fireEvent.keyDown(combo, { key: "ArrowDown" });
    const option = await screen.findByRole("option", { name: /Neue Stelle anlegen: „Stadtbibliothek“/ });
    await act(async () => {
      fireEvent.click(option);
    });
    await waitFor(() => expect(screen.getByText(/ist als A-09 im Blatt „Akteure“ angelegt/)).toBeTruthy());
    expect((await toExcelJs(host.document)).getWorksheet("Akteure")!.getCell("B10").value).toBe("Stadtbibliothek");
    expect((combo as HTMLInputElement).value).toBe("A-09 – Stadtbibliothek");
  });

  it("takes German dates and shows a stored vague Frist as it is", async () => {
    const host = await beispielHost();
    await renderView(<MassnahmeView />, host);
    fireEvent.click(screen.getByRole("combobox", { name: "Maßnahme" }));
    fireEvent.click(await screen.findByRole("option", { name: /^M-004/ }));
    const frist = screen.getByLabelText(/^Frist/) as HTMLInputElement;
    expect(frist.value).toBe("fortlaufend");
    expect(screen.getByRole("img", { name: "T terminiert: noch offen" })).toBeTruthy();
    fireEvent.change(frist, { target: { value: "31.12.2027" } });
    expect(screen.getByRole("img", { name: "T terminiert: erfüllt" })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Änderungen an M-004 speichern" }));
    });
    await waitFor(() => expect(screen.getByText(/Die Maßnahme M-004 ist gespeichert/)).toBeTruthy());
    const row = (await toExcelJs(host.document)).getWorksheet("Maßnahmen")!.getRow(5);
    expect(row.getCell(1).value).toBe("M-004");
    expect(row.values as unknown[]).toContainEqual(new Date("2027-12-31T00:00:00Z"));
    expect((screen.getByLabelText(/^Frist/) as HTMLInputElement).value).toBe("31.12.2027");
  });

  it("asks for a workbook when none is open", async () => {
    await renderView(<MassnahmeView />, null);
    expect(screen.getByText(/Öffnen Sie zuerst eine Arbeitsmappe/)).toBeTruthy();
  });
});

describe("Prüfen", () => {
  it("groups findings by measure, filters by letter, selects the cell and writes the Prüfbericht", async () => {
    const host = await beispielHost();
    await renderView(<PruefenView />, host);
    expect(screen.getByText(/20 Maßnahmen, davon 14 SMART-vollständig/)).toBeTruthy();
    const group = screen.getByRole("region", { name: /^Maßnahme M-006 – Kita-Einstiegsprogramm/ });
    const link = within(group).getByRole("button", { name: "Maßnahmen!H7" });
    await act(async () => {
      fireEvent.click(link);
    });
    expect(host.selected()).toEqual({ sheet: "Maßnahmen", address: "H7" });

    // Filter: only T findings.
    fireEvent.click(screen.getByRole("combobox", { name: "SMART" }));
    fireEvent.click(await screen.findByRole("option", { name: "T" }));
    expect(screen.queryByRole("region", { name: /M-006/ })).toBeNull();
    const m004 = screen.getByRole("region", { name: /M-004/ }); // Frist „fortlaufend“
    // One message per finding, a whole sentence naming its subject, as in the CLI and the Prüfbericht.
    expect(m004.textContent!.match(/Fehler/g)).toHaveLength(1);
    expect(within(m004).getByText(/^Die Maßnahme M-004 hat als Frist „fortlaufend“; das ist kein Termin\./)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Prüfbericht als Blatt" }));
    });
    await waitFor(() => expect(screen.getByText(/Das Blatt „Prüfbericht“ enthält jetzt/)).toBeTruthy());
    expect((await toExcelJs(host.document)).getWorksheet("Prüfbericht")).toBeTruthy();
  });
});

describe("Bewertung and Einrichten", () => {
  it("creates the round and shows the summary per Handlungsfeld", async () => {
    const host = await beispielHost();
    await renderView(<BewertungView />, host);
    await screen.findByText(/Das Blatt „Bewertung 2026“ gibt es noch nicht/);
    const summary = screen.getByRole("list", { name: "Bewertung 2026 nach Handlungsfeld" });
    expect(within(summary).getAllByRole("listitem")).toHaveLength(7); // 7 Handlungsfelder
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Bewertungsmatrix anlegen" }));
    });
    // 20 Maßnahmen, one of them verworfen: the message says why the sheet holds 19.
    await screen.findByText(
      /Das Blatt „Bewertung 2026“ enthält 19 Maßnahmen \(19 neu.*\)\. Eine verworfene Maßnahme wird nicht bewertet\./,
    );
    expect((await toExcelJs(host.document)).getWorksheet("Bewertung 2026")).toBeTruthy();
    await screen.findByRole("button", { name: "Bewertungsmatrix aktualisieren" });
  });

  it("never overwrites and says which sheets existed", async () => {
    const host = await beispielHost();
    await renderView(<EinrichtenView />, host);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Struktur anlegen" }));
    });
    await screen.findByText(/Schon vorhanden und nicht verändert: Einstellungen, Handlungsfelder, Ziele/);
  });
});
