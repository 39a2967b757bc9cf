/** @jest-environment jsdom */
/**
 * Findings lead to their fix: each finding in the Prüfen view shows its whole message and offers the place
 * in the pane that fixes it — the field of the SMART form, the row of a list, the Monitoring form.
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { checkConcept } from "../../src/domain/rules";
import PruefenView from "../../src/taskpane/features/pruefen/PruefenView";
import { fixOf } from "../../src/taskpane/features/pruefen/fix";
import { readConcept } from "../../src/workbook/read";
import { TODAY, beispielHost, installJsdomShims, renderView } from "../helpers/pane";

beforeAll(installJsdomShims);
afterEach(cleanup);

describe("Prüfen: findings lead to their fix", () => {
  it.each([
    [
      /^Die Maßnahme M-006 hat keinen Zielwert\./,
      "Zielwert im Formular",
      { view: "massnahme", id: "M-006", field: "zielwert" },
    ],
    [
      /^Für die Maßnahme M-007 ist zum Berichtsstichtag/,
      "Sachstand eintragen",
      { view: "monitoring", measure: "M-007" },
    ],
    [
      /^Die Maßnahme M-008 hat die Federführung A-06/,
      "Kontakt bei A-06 ergänzen",
      { view: "listen", kind: "akteure", id: "A-06" },
    ],
    [/^Der Akteur A-05 hat als E-Mail/, "E-Mail bearbeiten", { view: "listen", kind: "akteure", id: "A-05" }],
    [
      /^Dem Indikator I-009 .* fehlt die Angabe Basiswert\./,
      "Basiswert bearbeiten",
      { view: "listen", kind: "indikatoren", id: "I-009" },
    ],
    [/^Für den Indikator I-012 .* kein Wert eingetragen/, "Wert eintragen", { view: "monitoring", indicator: "I-012" }],
  ])("%s → %s", async (message, label, target) => {
    const host = await beispielHost();
    const { session } = await renderView(<PruefenView />, host);
    const text = screen.getByText(message);
    const item = text.closest("li")!;
    const button = within(item).getByRole("button", { name: label });
    // The button is described by the message it fixes.
    expect(button.getAttribute("aria-describedby")).toBe(text.id);
    await act(async () => {
      fireEvent.click(button);
    });
    expect(session.navigate).toHaveBeenCalledWith(target);
  });

  it("offers a place for every finding of the example but the few only a cell can fix", async () => {
    const host = await beispielHost();
    const findings = checkConcept(readConcept(await host.snapshot()), { today: TODAY }).findings;
    const without = findings.filter((f) => !fixOf(f)).map((f) => f.rule);
    expect([...new Set(without)].sort()).toEqual(["B_OHNE_MASSNAHME", "K_HANDLUNGSFELD_OHNE_BESTAND"]);
  });
});
