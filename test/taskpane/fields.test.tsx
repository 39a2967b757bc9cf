/** @jest-environment jsdom */
/**
 * The pane's shared display pieces: one German date input (typed TT.MM.JJJJ, the browser's calendar where
 * there is one, opening at the next due date rather than today), numbers with a real minus sign, the
 * Ampel as colour, icon and word, and the axes of the indicator chart.
 */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import MassnahmeView from "../../src/taskpane/features/massnahme/MassnahmeView";
import { LineChart, valueTicks, yearTicks } from "../../src/taskpane/features/monitoring/LineChart";
import { AmpelLabel, shownNumber } from "../../src/taskpane/fields/display";
import { beispielHost, installJsdomShims, renderView } from "../helpers/pane";

beforeAll(installJsdomShims);
afterEach(() => {
  cleanup();
  delete (HTMLInputElement.prototype as { showPicker?: unknown }).showPicker;
});

describe("DateField in the SMART template", () => {
  it("is a typed field where the browser has no calendar", async () => {
    await renderView(<MassnahmeView />, await beispielHost());
    const frist = screen.getByLabelText(/^Frist/) as HTMLInputElement;
    expect(frist.placeholder).toBe("TT.MM.JJJJ");
    expect(screen.queryByRole("button", { name: "Kalender für Frist" })).toBeNull();
  });

  it("opens the browser's calendar at the end of the Laufzeit, not today, and writes the day back in German", async () => {
    const opened: string[] = [];
    HTMLInputElement.prototype.showPicker = function (this: HTMLInputElement) {
      opened.push(this.value);
    };
    await renderView(<MassnahmeView />, await beispielHost());
    fireEvent.click(screen.getByRole("button", { name: "Kalender für Frist" }));
    fireEvent.click(screen.getByRole("button", { name: "Kalender für Beginn" }));
    // beispiel: Laufzeit 2026–2030, today 22.11.2026 — Frist opens at its end, Beginn at next month's first.
    expect(opened).toEqual(["2030-12-31", "2026-12-01"]);
    const frist = screen.getByLabelText(/^Frist/) as HTMLInputElement;
    const calendar = frist.parentElement!.parentElement!.querySelector('input[type="date"]')!;
    fireEvent.change(calendar, { target: { value: "2028-03-31" } });
    expect(frist.value).toBe("31.03.2028");
    // A typed day is where the calendar opens next time.
    fireEvent.click(screen.getByRole("button", { name: "Kalender für Frist" }));
    expect(opened[2]).toBe("2028-03-31");
  });
});

describe("numbers and the Ampel", () => {
  it("shows a negative number with U+2212", () => {
    expect(shownNumber(-30)).toBe("\u221230");
    expect(shownNumber(-1500.5)).toBe("\u22121.500,5");
    expect(shownNumber(12)).toBe("12");
  });

  it("shows an Ampel as a coloured icon beside its word", () => {
    render(<AmpelLabel value="rot" />);
    const label = screen.getByText("rot").parentElement!;
    expect(label.querySelector("svg")!.getAttribute("aria-hidden")).toBe("true");
    expect(label.textContent).toBe("rot");
  });
});

describe("the indicator chart", () => {
  it("has round value ticks and year ticks, at most five", () => {
    expect(valueTicks(16, 29)).toEqual([15, 20, 25, 30]);
    expect(valueTicks(40, 80)).toEqual([40, 50, 60, 70, 80]);
    const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
    expect(yearTicks(t("2024-12-31"), t("2028-12-31")).map((y) => y.year)).toEqual([2025, 2026, 2027, 2028]);
    expect(yearTicks(t("2020-01-01"), t("2030-12-31")).map((y) => y.year)).toEqual([2020, 2023, 2026, 2029]);
  });

  it("draws axes, Basis and Ziel on a time axis in proportion to the dates", () => {
    render(
      <LineChart
        name="I-007 – Wartezeit"
        unit="Wochen"
        target={{ id: "I-007", basiswert: 26, basisDatum: "2025-12-31", zielwert: 16, zielDatum: "2030-12-31" }}
        values={[
          { indikator: "I-007", stichtag: "2024-12-31", wert: 27, row: 2 },
          { indikator: "I-007", stichtag: "2025-12-31", wert: 26, row: 3 },
          { indikator: "I-007", stichtag: "2026-06-30", wert: 29, row: 4 },
        ]}
      />,
    );
    const chart = screen.getByRole("img", { name: /^Verlauf I-007 – Wartezeit: 3 Werte/ });
    const texts = [...chart.querySelectorAll("text")].map((e) => e.textContent);
    // Six years from 2025 to 2030: every second one labelled.
    expect(texts).toEqual(expect.arrayContaining(["Basis", "Ziel", "2025", "2027", "2029", "15", "30"]));
    // Proportional: half a year between the last two points is a tenth of the five years from 2025 to 2030.
    const xs = [...chart.querySelectorAll("circle")].map((c) => Number(c.getAttribute("cx")));
    const [, end2025, mid2026] = xs;
    const basis = xs[3]!;
    const ziel = xs[4]!;
    expect(basis).toBeCloseTo(end2025!, 5);
    expect((mid2026! - end2025!) / (ziel - basis)).toBeCloseTo(181 / 1826, 2);
    expect(
      within(chart.parentElement!).getByText(/Soll-Pfad von der Basis 26 \(2025\) zum Ziel 16 \(2030\)/),
    ).toBeTruthy();
  });
});
