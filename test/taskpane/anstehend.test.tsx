/** @jest-environment jsdom */
/**
 * „Anstehend“ on the start view, in jsdom: the example's overdue Frist and the next dates at the pinned today,
 * the same sentences as `anstehend`, each with its responsible and a button to its row; the calendar file
 * downloads with one event per item.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import StartView from "../../src/taskpane/features/start/StartView";
import { download } from "../../src/taskpane/services/download";
import { anstehendOfWorkbook } from "../../src/workbook/anstehend";
import { TODAY, beispielHost, installJsdomShims, renderView } from "../helpers/pane";

jest.mock("../../src/taskpane/services/download", () => ({
  ...jest.requireActual("../../src/taskpane/services/download"),
  download: jest.fn(),
}));
const downloaded = download as jest.MockedFunction<typeof download>;

beforeAll(installJsdomShims);
afterEach(() => {
  cleanup();
  downloaded.mockReset();
});

describe("Anstehend on the start view", () => {
  it("lists the overdue and the next dates with their responsible, each leading to its row", async () => {
    const host = await beispielHost();
    const { session } = await renderView(<StartView onSetUp={() => undefined} />, host);
    const region = await screen.findByRole("region", { name: "Anstehend" });
    await waitFor(() => expect(within(region).getByText(/sind überfällig/)).toBeTruthy());
    // The example's monitoring adds I-023 (overdue since its Nächste Veröffentlichung) and I-022 (31.12.2026).
    expect(within(region).getByText("3 Punkte sind überfällig, bis zum 21.01.2027 stehen 7 Punkte an.")).toBeTruthy();
    const late = within(region).getByRole("list", { name: "Überfällig:" });
    const [item, werte, step] = within(late).getAllByRole("listitem");
    expect(within(item!).getByText("überfällig seit 30.06.2026 (145 Tage)")).toBeTruthy();
    expect(
      within(item!).getByText(
        "Zuständig: A-08 – Kreissportbund Beispielkreis e. V., Lea Brandt, info@ksb-beispielkreis.de.",
      ),
    ).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(item!).getByRole("button", { name: "M-013 öffnen" }));
    });
    expect(session.navigate).toHaveBeenCalledWith({ view: "massnahme", id: "M-013", field: "frist" });
    // The Basisindikator whose new values are out leads to its values in the Monitoring.
    expect(werte!.textContent).toMatch(/^überfällig seit 30\.09\.2026 \(53 Tage\)Für den Indikator I-023/);
    await act(async () => {
      fireEvent.click(within(werte!).getByRole("button", { name: "Werte von I-023 erfassen" }));
    });
    expect(session.navigate).toHaveBeenLastCalledWith({ view: "monitoring", indicator: "I-023" });
    // The overdue step of the Prozessplan leads to its row in the list editor.
    expect(step!.textContent).toMatch(/^überfällig seit 31\.10\.2026 \(22 Tage\)Der Schritt P-17/);
    await act(async () => {
      fireEvent.click(within(step!).getByRole("button", { name: "Schritt P-17 bearbeiten" }));
    });
    expect(session.navigate).toHaveBeenLastCalledWith({ view: "listen", kind: "prozessplan", id: "P-17" });

    // The next five of seven, soonest first; the rest is said, not dropped.
    const next = within(region).getByRole("list", { name: "Als Nächstes:" });
    const lines = within(next).getAllByRole("listitem");
    expect(lines).toHaveLength(5);
    // Of the day's dates, the example's Basisindikator I-022 (its group „Ohne Zuständigkeit“ leads) comes first.
    expect(lines[0]!.textContent).toMatch(/^fällig am 31\.12\.2026 \(in 39 Tagen\)Für den Indikator I-022/);
    expect(within(region).getByText("Dazu 2 weitere; die Kalenderdatei enthält alle.")).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(lines[0]!).getByRole("button", { name: "Werte von I-022 erfassen" }));
    });
    expect(session.navigate).toHaveBeenLastCalledWith({ view: "monitoring", indicator: "I-022" });
  });

  it("downloads the calendar file with every item the command lists", async () => {
    const host = await beispielHost();
    await renderView(<StartView onSetUp={() => undefined} />, host);
    const region = await screen.findByRole("region", { name: "Anstehend" });
    const button = await within(region).findByRole("button", { name: "Kalenderdatei herunterladen (.ics)" });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(downloaded).toHaveBeenCalledTimes(1);
    const [data, name, type] = downloaded.mock.calls[0]!;
    expect([name, type]).toEqual(["Anstehend.ics", "text/calendar"]);
    const text = new TextDecoder().decode(data as Uint8Array);
    const { result } = anstehendOfWorkbook(await host.snapshot(), { today: TODAY });
    const keys = result.groups.flatMap((g) => g.items.map((i) => i.summary));
    expect(text.match(/BEGIN:VEVENT\r\n/g)).toHaveLength(keys.length);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  });
});
