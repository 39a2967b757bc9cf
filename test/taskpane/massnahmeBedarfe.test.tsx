/** @jest-environment jsdom */
/**
 * The SMART template and the Bedarfe: a measure shows which Bedarfe it answers, offers those of its
 * Handlungsfeld marked open or answered by which other measure, and saves the choice into the column
 * Bedarfe. A workbook without the sheet Bedarfe shows nothing of them and keeps what the column holds.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import MassnahmeView from "../../src/taskpane/features/massnahme/MassnahmeView";
import { bedarfOptions } from "../../src/taskpane/features/massnahme/form";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { beispielHost, installJsdomShims, renderView } from "../helpers/pane";
import { toExcelJs } from "../helpers/xlsx";

beforeAll(installJsdomShims);
afterEach(cleanup);

const open = async (measure: RegExp) => {
  fireEvent.click(screen.getByRole("combobox", { name: "Maßnahme" }));
  fireEvent.click(await screen.findByRole("option", { name: measure }));
};
const bedarfe = () => screen.getByRole("combobox", { name: /^Bedarfe/ });
/** The options of the open Bedarfe list (the listbox the combobox controls). */
const options = () =>
  within(document.getElementById(bedarfe().getAttribute("aria-controls")!)!).getAllByRole("menuitemcheckbox", {
    hidden: true,
  });
const option = (name: RegExp) => options().find((o) => name.test(o.textContent ?? ""))!;
const offered = async () => {
  fireEvent.click(bedarfe());
  return options().map((o) => o.textContent);
};
const measureValue = async (host: BrowserHost, id: string, field: "titel" | "bedarfe") =>
  readConcept(await host.snapshot()).massnahmen.rows.find((r) => r.values.id === id)!.values[field];

describe("the SMART template: Bedarfe", () => {
  it("offers the open Bedarf of the Handlungsfeld and saves it into the column Bedarfe", async () => {
    const host = await beispielHost();
    await renderView(<MassnahmeView />, host);
    await open(/^M-015/);
    expect(screen.getByText(/Im Handlungsfeld noch offen: B-004\./)).toBeTruthy();
    expect(await offered()).toEqual(["B-004 – Dolmetschende für Elterngespräche in Schulen (offen)"]);
    fireEvent.click(option(/^B-004/));
    expect((bedarfe() as HTMLButtonElement).textContent).toContain("B-004");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Änderungen an M-015 speichern" }));
    });
    await waitFor(() => expect(screen.getByText(/Die Maßnahme M-015 ist gespeichert/)).toBeTruthy());
    expect(await measureValue(host, "M-015", "bedarfe")).toBe("B-004");
    const named = screen.getByRole("list", { name: "Bedarfe, die die Maßnahme beantwortet" });
    expect(named.textContent).toBe("B-004 – Dolmetschende für Elterngespräche in Schulen");
    expect(screen.getByText(/Im Handlungsfeld ist kein weiterer Bedarf offen\./)).toBeTruthy();
  });

  it("marks the Bedarfe other measures answer, and shows the measure's own as chosen", async () => {
    const host = await beispielHost();
    await renderView(<MassnahmeView />, host);
    await open(/^M-007/);
    expect(await offered()).toEqual([
      "B-001 – Mehr Kita-Plätze und Brückenangebote für Kinder ohne Platz (beantwortet durch M-006)",
      "B-003 – Gelegenheiten, Deutsch im Alltag zu sprechen (beantwortet durch M-009)",
    ]);
    expect(screen.queryByRole("list", { name: "Bedarfe, die die Maßnahme beantwortet" })).toBeNull();
    fireEvent.keyDown(bedarfe(), { key: "Escape" });

    await open(/^M-006/);
    await offered();
    const b1 = option(/^B-001/);
    expect(b1.textContent).toMatch(/\(offen\)$/); // only M-006 itself answers it
    expect(b1.getAttribute("aria-checked")).toBe("true");
    expect(screen.getByRole("list", { name: "Bedarfe, die die Maßnahme beantwortet" }).textContent).toBe(
      "B-001 – Mehr Kita-Plätze und Brückenangebote für Kinder ohne Platz",
    );
  });

  it("does not count a verworfen measure as an answer", async () => {
    const concept = readConcept(await (await beispielHost()).snapshot());
    concept.massnahmen.rows.find((r) => r.values.id === "M-019")!.values.bedarfe = "B-002"; // verworfen
    const b2 = bedarfOptions(concept, "HF-02 – Wohnen", "M-005", []).find((o) => o.value === "B-002")!;
    expect(b2.answeredBy).toEqual(["M-004"]);
    expect(bedarfOptions(concept, "HF-02", "M-004", []).find((o) => o.value === "B-002")!.answeredBy).toEqual([]);
  });

  it("shows nothing of Bedarfe without the sheet, and saving keeps what the column holds", async () => {
    const edited = await toExcelJs((await beispielHost()).document);
    edited.removeWorksheet(edited.getWorksheet("Bedarfe")!.id);
    const host = await BrowserHost.open((await edited.xlsx.writeBuffer()) as ArrayBuffer, "beispiel.xlsx");
    await renderView(<MassnahmeView />, host);
    await open(/^M-004/);
    expect(screen.queryByRole("combobox", { name: /^Bedarfe/ })).toBeNull();
    expect(screen.queryByText(/Bedarf/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /^S – spezifisch/ })); // complete, so closed
    fireEvent.change(screen.getByLabelText(/^Titel/), { target: { value: "Wohnraumvermittlung neu" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Änderungen an M-004 speichern" }));
    });
    await waitFor(() => expect(screen.getByText(/Die Maßnahme M-004 ist gespeichert/)).toBeTruthy());
    expect(await measureValue(host, "M-004", "titel")).toBe("Wohnraumvermittlung neu");
    expect(await measureValue(host, "M-004", "bedarfe")).toBe("B-002");
  });
});
