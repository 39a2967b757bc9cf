/** @jest-environment jsdom */
/**
 * Where the concept's process stands, on the start view, in jsdom: the overdue step and the next three of the
 * example's Prozessplan (at the pinned today), each leading to its row; „Zeitplan erzeugen“ writes the sheet
 * Zeitplan into the workbook (browser mode and the Office.js fake); „Vorlage herunterladen“ downloads the Word
 * document of a Gremium's session.
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { strFromU8, unzipSync } from "fflate";
import { templateContent } from "../../src/domain/templates";
import { ExcelHost } from "../../src/excel/host";
import StartView from "../../src/taskpane/features/start/StartView";
import { download } from "../../src/taskpane/services/download";
import type { WorkbookHost } from "../../src/workbook/host";
import { planNewWorkbook } from "../../src/workbook/plan";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { XlsxDocument } from "../../src/xlsx/document";
import { FakeWorkbook } from "../excel/fakeExcel";
import { TODAY, installJsdomShims, renderView } from "../helpers/pane";

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

const content = () => templateContent("beispiel", TODAY);

function browserHost(): BrowserHost {
  const doc = XlsxDocument.create("beispiel.xlsx");
  doc.applyWorkbookPlan(planNewWorkbook(content()));
  return new BrowserHost(doc, "beispiel.xlsx");
}

async function excelHost(): Promise<ExcelHost> {
  const fake = new FakeWorkbook();
  fake.addSheet("Tabelle1");
  const host = new ExcelHost({ run: fake.run, isSetSupported: () => false });
  await host.createSheetsIfMissing(planNewWorkbook(content()).sheets);
  return host;
}

const click = async (name: string | RegExp, scope: HTMLElement = document.body) => {
  await act(async () => {
    fireEvent.click(within(scope).getByRole("button", { name }));
  });
};

describe.each([
  ["browser mode", "browser" as const, async () => browserHost() as WorkbookHost],
  ["Excel (Office.js fake)", "excel" as const, excelHost],
])("the Prozessplan on the start view, %s", (_, mode, makeHost) => {
  it("lists the overdue step and the next ones, each leading to its row, and makes the Zeitplan", async () => {
    const host = await makeHost();
    const { session } = await renderView(<StartView onSetUp={() => undefined} />, host, mode);
    const region = screen.getByRole("region", { name: "Prozessplan" });
    const late = within(region).getByRole("list", { name: "Überfällig:" });
    expect(within(late).getByText("P-17 · 31.10.2026 · überfällig")).toBeTruthy();
    const next = within(region).getByRole("list", { name: "Als Nächstes:" });
    expect(
      within(next)
        .getAllByRole("listitem")
        .map((li) => li.firstElementChild!.textContent),
    ).toEqual([
      "P-18 · 08.02.2027 · Integrationsbeirat (Empfehlung)",
      "P-19 · 25.02.2027 · Ausschuss für Arbeit, Soziales und Gesundheit (Beratung)",
      "P-20 · 18.03.2027 · Kreistag (Beschluss)",
    ]);
    // A step without Gremium has no Vorlage.
    expect(within(late).queryByRole("button", { name: /Vorlage/ })).toBeNull();
    await click("Schritt P-17 bearbeiten", late);
    expect(session.navigate).toHaveBeenCalledWith({ view: "listen", kind: "prozessplan", id: "P-17" });
    // The overdue step is also among the next steps of the concept.
    expect(screen.getByRole("button", { name: "Schritt P-17 aktualisieren" })).toBeTruthy();

    await click("Zeitplan erzeugen", region);
    await within(region).findByText(/^Das Blatt „Zeitplan“ ist erzeugt: 23 Schritte, 48 Monate\./);
    const snapshot = await host.snapshot();
    const zeitplan = snapshot.sheet("Zeitplan")!;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => zeitplan.value(5, c))).toEqual([
      "ID",
      "Phase",
      "Schritt",
      "Gremium",
      "Beginn",
      "Termin",
      "Status",
    ]);
    expect(zeitplan.value(6 + 22, 1)).toBe("P-23");
  });
});

describe("Vorlage herunterladen", () => {
  it("downloads the Beschlussvorlage of a Gremium's session as a Word document", async () => {
    await renderView(<StartView onSetUp={() => undefined} />, browserHost());
    const region = screen.getByRole("region", { name: "Prozessplan" });
    await click("Vorlage herunterladen für Schritt P-18", region);
    await within(region).findByText(
      "Die Beschlussvorlage „Beschlussvorlage Integrationsbericht 2026 (P-18).docx“ wird heruntergeladen.",
    );
    expect(downloaded).toHaveBeenCalledTimes(1);
    const [data, name, type] = downloaded.mock.calls[0]!;
    expect(name).toBe("Beschlussvorlage Integrationsbericht 2026 (P-18).docx");
    expect(type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const document = strFromU8(unzipSync(data as Uint8Array)["word/document.xml"]!);
    expect(document).toContain("Beratungsfolge");
    expect(document).toContain("Der Integrationsbeirat empfiehlt dem Kreistag");
  });
});
