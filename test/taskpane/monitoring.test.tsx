/** @jest-environment jsdom */
/**
 * The Monitoring view in jsdom on the example workbook (browser host): a measure's Sachstand history and
 * the form that writes one Sachstände row by Maßnahme + Berichtsstichtag (updated, never doubled); an
 * indicator's IST, Soll, Ampel as text, its values as a table beside the chart, and a value written by key.
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import MonitoringView from "../../src/taskpane/features/monitoring/MonitoringView";
import { referenceId } from "../../src/domain/values";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { toExcelJs } from "../helpers/xlsx";
import { TODAY, answer, beispielHost, installJsdomShims, renderView } from "../helpers/pane";

beforeAll(installJsdomShims);
afterEach(cleanup);

const change = (label: string | RegExp, value: string, scope: HTMLElement = document.body) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

async function submit(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

describe("Monitoring: Sachstände", () => {
  it("shows a measure's history and saves this period's report as one row, updated when saved again", async () => {
    const host = await beispielHost();
    await renderView(<MonitoringView />, host);
    expect(screen.getByText(/neue Sachstände gelten für den Berichtsstichtag 30\.06\.2026/)).toBeTruthy();
    change(/^Maßnahme$/, "M-004");
    // One card per report (a table ran wider than 320 px): date, Status, Umsetzung and Ampel as colour, icon, word.
    const history = screen.getByRole("list", { name: "Bisherige Sachstände von M-004" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((r) => r.querySelector("strong")!.textContent),
    ).toEqual(["31.12.2025", "30.06.2026"]);

    const form = screen.getByRole("form", { name: "Sachstand für M-004 melden" });
    // One German date input: it opens at the Berichtsstichtag due; another day is typed as Germans write it.
    expect((within(form).getByLabelText(/^Berichtsstichtag/) as HTMLInputElement).value).toBe("30.06.2026");
    change(/^Berichtsstichtag/, "31.12.2026", form);
    change(/^Umsetzung \(%\)/, "120", form);
    change(/^Sachstand/, "Weitere acht Wohnungen vermittelt.", form);
    await submit("Sachstand speichern");
    expect(screen.getByText("Die Umsetzung ist eine Zahl von 0 bis 100.")).toBeTruthy();

    change(/^Umsetzung \(%\)/, "55", form);
    await submit("Sachstand speichern");
    await screen.findByText("Sachstand für M-004 zum 31.12.2026 gespeichert.");
    const reports = async () =>
      readConcept(await host.snapshot()).sachstaende!.rows.filter(
        (r) => referenceId(r.values.massnahme ?? null) === "M-004",
      );
    expect(await reports()).toHaveLength(3);
    expect((await reports())[2]!.values).toMatchObject({
      sachstand: "Weitere acht Wohnungen vermittelt.",
      umsetzung: 55,
      status: "in Umsetzung",
    });

    // Saving again for the same date changes that row instead of adding one.
    change(
      /^Sachstand/,
      "Weitere neun Wohnungen vermittelt.",
      screen.getByRole("form", { name: "Sachstand für M-004 melden" }),
    );
    await submit("Sachstand speichern");
    expect(await reports()).toHaveLength(3);
    expect((await reports())[2]!.values.sachstand).toBe("Weitere neun Wohnungen vermittelt.");
  });
});

describe("Monitoring: nothing typed is lost", () => {
  it("asks before another measure replaces a typed Sachstand; a date typed digit by digit keeps the text", async () => {
    const host = await beispielHost();
    await renderView(<MonitoringView />, host);
    change(/^Maßnahme$/, "M-004");
    const form = () => screen.getByRole("form", { name: /^Sachstand für M-00\d melden$/ });
    const text = () => (within(form()).getByLabelText(/^Sachstand/) as HTMLTextAreaElement).value;
    // The report for 30.06.2026 is shown; the user writes the next one.
    expect(text()).toBe("Die Wohnraumlotsin hat 14 Wohnungen vermittelt.");
    change(/^Sachstand/, "Weitere acht Wohnungen vermittelt.", form());
    // On the way to 31.12.2026 the field names no day, then the day of the older report: the text stays.
    for (const typed of ["3", "31.1", "31.12.2025", "31.12.2026"]) change(/^Berichtsstichtag/, typed, form());
    expect(text()).toBe("Weitere acht Wohnungen vermittelt.");

    change(/^Maßnahme$/, "M-007");
    await answer("Weiter bearbeiten", /Die Änderungen an dem Sachstand für M-004 sind noch nicht gespeichert\./);
    expect((screen.getByLabelText(/^Maßnahme$/) as HTMLSelectElement).value).toBe("M-004");
    expect(text()).toBe("Weitere acht Wohnungen vermittelt.");

    change(/^Maßnahme$/, "M-007");
    await answer("Speichern und weiter");
    await screen.findByText("Sachstand für M-004 zum 31.12.2026 gespeichert.");
    expect(form().getAttribute("aria-label")).toBe("Sachstand für M-007 melden");
    const rows = readConcept(await host.snapshot()).sachstaende!.rows.filter(
      (r) => referenceId(r.values.massnahme ?? null) === "M-004",
    );
    expect(rows.map((r) => r.values.sachstand)).toEqual([
      expect.any(String),
      "Die Wohnraumlotsin hat 14 Wohnungen vermittelt.",
      "Weitere acht Wohnungen vermittelt.",
    ]);
  });

  it("asks before another indicator drops a typed value", async () => {
    await renderView(<MonitoringView />, await beispielHost());
    change(/^Indikator$/, "I-007");
    change(/^Wert/, "24", screen.getByRole("form", { name: "Wert für I-007 eintragen" }));
    change(/^Indikator$/, "I-001");
    await answer("Verwerfen", /Die Änderungen an dem Wert für I-007 sind noch nicht gespeichert\./);
    const form = screen.getByRole("form", { name: "Wert für I-001 eintragen" });
    expect((within(form).getByLabelText(/^Wert/) as HTMLInputElement).value).toBe("");
  });
});

describe("Monitoring that agrees with itself", () => {
  it("names who still owes a Sachstand, as the check does", async () => {
    await renderView(<MonitoringView />, await beispielHost());
    expect(
      screen.getByText("Zum Berichtsstichtag 30.06.2026 fehlt noch der Sachstand von M-007, M-013, M-017."),
    ).toBeTruthy();
  });

  it("sets the measure's Status with a report of another Status (default yes), and remembers who reported", async () => {
    const host = await beispielHost();
    await renderView(<MonitoringView />, host);
    change(/^Maßnahme$/, "M-013"); // geplant
    const form = screen.getByRole("form", { name: "Sachstand für M-013 melden" });
    change(/^Status/, "in Umsetzung", form);
    const offer = within(form).getByRole("checkbox", {
      name: "Status der Maßnahme M-013 ebenfalls auf „in Umsetzung“ setzen (bisher „geplant“)",
    }) as HTMLInputElement;
    expect(offer.checked).toBe(true);
    change(/^Sachstand/, "Die ersten Kurse laufen.", form);
    change(/^Gemeldet von/, "Petra Lehmann", form);
    await submit("Sachstand speichern");
    await screen.findByText(
      "Sachstand für M-013 zum 30.06.2026 gespeichert. Die Maßnahme steht jetzt auf „in Umsetzung“.",
    );
    const concept = readConcept(await host.snapshot());
    const m13 = concept.massnahmen.rows.find((r) => r.values.id === "M-013")!;
    expect(m13.values.status).toBe("in Umsetzung");
    const report = concept.sachstaende!.rows.find((r) => referenceId(r.values.massnahme ?? null) === "M-013")!;
    expect(report.values).toMatchObject({ status: "in Umsetzung", gemeldetVon: "Petra Lehmann" });
    expect(report.values.gemeldetAm).toEqual(new Date(`${TODAY}T00:00:00Z`));
    expect(localStorage.getItem("massnahmenplaner.gemeldetVon")).toBe("Petra Lehmann");
    // The Status is no longer in question: the offer is gone, the next report starts with the reporter.
    cleanup();
    await renderView(<MonitoringView />, host);
    change(/^Maßnahme$/, "M-013");
    const again = screen.getByRole("form", { name: "Sachstand für M-013 melden" });
    expect(within(again).queryByRole("checkbox")).toBeNull();
    expect((within(again).getByLabelText(/^Gemeldet von/) as HTMLInputElement).value).toBe("Petra Lehmann");
  });

  it("keeps the measure's Status when the user unticks the offer", async () => {
    const host = await beispielHost();
    await renderView(<MonitoringView />, host);
    change(/^Maßnahme$/, "M-013");
    const form = screen.getByRole("form", { name: "Sachstand für M-013 melden" });
    change(/^Status/, "zurückgestellt", form);
    fireEvent.click(within(form).getByRole("checkbox"));
    change(/^Sachstand/, "Vorerst zurückgestellt.", form);
    await submit("Sachstand speichern");
    await screen.findByText("Sachstand für M-013 zum 30.06.2026 gespeichert.");
    const m13 = readConcept(await host.snapshot()).massnahmen.rows.find((r) => r.values.id === "M-013")!;
    expect(m13.values.status).toBe("geplant");
  });
});

describe("Monitoring in a workbook without the sheet Sachstände", () => {
  it("creates the sheet with its table and the Maßnahme list, then saves the report", async () => {
    const edited = await toExcelJs((await beispielHost()).document);
    edited.removeWorksheet(edited.getWorksheet("Sachstände")!.id);
    const host = await BrowserHost.open((await edited.xlsx.writeBuffer()) as ArrayBuffer, "beispiel.xlsx");
    await renderView(<MonitoringView />, host);
    change(/^Maßnahme$/, "M-007");
    expect(screen.getByText("Für M-007 ist noch kein Sachstand gemeldet.")).toBeTruthy();
    change(/^Sachstand/, "Gestartet.", screen.getByRole("form", { name: "Sachstand für M-007 melden" }));
    await submit("Sachstand speichern");
    await screen.findByText(/Sachstand für M-007 zum .* gespeichert\./);
    const rows = readConcept(await host.snapshot()).sachstaende!.rows;
    // The measure in the one form of a reference, `ID – Titel`.
    expect(rows.map((r) => [r.values.massnahme, r.values.sachstand])).toEqual([
      ["M-007 – Elternbegleiterinnen", "Gestartet."],
    ]);
    const listen = (await toExcelJs(host.document)).getWorksheet("Listen")!;
    const headers: string[] = [];
    listen.getRow(1).eachCell((c: { text: string }) => headers.push(c.text));
    expect(headers).toContain("Maßnahmen");
  });
});

describe("Monitoring: Indikatoren", () => {
  it("shows IST, Soll and Ampel as text with the values in a table, and writes a new value by Indikator + Stichtag", async () => {
    const host = await beispielHost();
    await renderView(<MonitoringView />, host);
    change(/^Indikator$/, "I-007");
    const stand = screen.getByRole("table", { name: "Stand von I-007" });
    const cells = within(stand)
      .getAllByRole("row")
      .map((r) => r.textContent);
    // Falling target 26 → 16 (2025 → 2030), IST 29 on 30.06.2026: Zielerreichung −30 %; Soll on 22.11.2026 ≈ 17,9 %.
    expect(cells).toEqual(["IST29 Wochen (Stand 30.06.2026)", "Zielerreichung\u221230 %", "Soll17,9 %", "Ampelrot"]);
    expect(
      screen.getByRole("img", { name: /Verlauf I-007 .*3 Werte von 31\.12\.2024 bis 30\.06\.2026, zuletzt 29/ }),
    ).toBeTruthy();
    const values = screen.getByRole("table", { name: "Werte von I-007" });
    expect(within(values).getAllByRole("row")).toHaveLength(1 + 3);

    const form = screen.getByRole("form", { name: "Wert für I-007 eintragen" });
    // Due next: I-007 has a value for the Berichtsstichtag 30.06.2026, so the end of the year.
    expect((within(form).getByLabelText(/^Stichtag/) as HTMLInputElement).value).toBe("31.12.2026");
    change(/^Stichtag/, "15.11.2026", form);
    change(/^Wert/, "24", form);
    await submit("Wert speichern");
    await screen.findByText("Wert für I-007 zum 15.11.2026 gespeichert.");
    const after = screen.getByRole("table", { name: "Stand von I-007" });
    expect(within(after).getAllByRole("row")[3]!.textContent).toBe("Ampelgrün");
    expect(within(screen.getByRole("table", { name: "Werte von I-007" })).getAllByRole("row")).toHaveLength(1 + 4);
  });
});
