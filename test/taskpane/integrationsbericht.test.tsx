/** @jest-environment jsdom */
/**
 * The Integrationsbericht and the Gemeindeprofil from the pane, in jsdom, beside the Sachstandsbericht: both
 * downloads are Word documents with their title; the Gemeindeprofil of the Gemeinde chosen holds no other
 * Gemeinde. jsdom has no canvas: a stub rasteriser returns a tiny valid PNG.
 */
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { strFromU8, unzipSync } from "fflate";
import type { CellValue } from "../../src/domain/dates";
import type { EntityKind } from "../../src/domain/model";
import UebersichtBericht from "../../src/taskpane/features/bewertung/UebersichtBericht";
import { download } from "../../src/taskpane/services/download";
import { planNewWorkbook } from "../../src/workbook/plan";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { XlsxDocument } from "../../src/xlsx/document";
import { installJsdomShims, renderView } from "../helpers/pane";
import { withMonitoring } from "../helpers/monitoring";
import { conceptRows } from "../report/fixture";

jest.mock("../../src/taskpane/services/download", () => ({
  ...jest.requireActual("../../src/taskpane/services/download"),
  download: jest.fn(),
}));
const downloaded = download as jest.MockedFunction<typeof download>;

const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);
const rasterizer = async () => ({ labels: true, toPng: async () => PNG });

beforeAll(installJsdomShims);
afterEach(() => {
  cleanup();
  downloaded.mockReset();
});

function monitoringHost(): BrowserHost {
  const doc = XlsxDocument.create("konzept.xlsx");
  doc.applyWorkbookPlan(planNewWorkbook(withMonitoring() as Partial<Record<EntityKind, Record<string, CellValue>[]>>));
  return new BrowserHost(doc, "konzept.xlsx");
}

const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

/** The downloaded document's text, paragraph by paragraph. */
function textOf(call: number): { name: string; title: string; text: string } {
  const [data, name] = downloaded.mock.calls[call]!;
  const xml = strFromU8(unzipSync(new Uint8Array(data as Uint8Array))["word/document.xml"]!);
  const paragraphs = [...xml.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
  const text = (p: string) => [...p.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
  const title = paragraphs.find((p) => p.includes('<w:pStyle w:val="Title"/>'))!;
  return { name: String(name), title: text(title), text: paragraphs.map(text).join("\n") };
}

describe("Integrationsbericht and Gemeindeprofil in the pane", () => {
  it("downloads the Integrationsbericht and the Gemeindeprofil of the Gemeinde chosen", async () => {
    await renderView(<UebersichtBericht rasterizer={rasterizer} />, monitoringHost());
    await click("Integrationsbericht herunterladen");
    const bericht = textOf(0);
    expect(bericht.title).toBe("Integrationsbericht 2026");
    expect(bericht.name).toBe("Integrationsbericht Landkreis Test 2026-11-22.docx");
    expect(bericht.text).toContain("Musterstadt");
    expect(bericht.text).toContain("Beispieldorf");
    expect(screen.getByRole("status").textContent).toBe(
      `Der Integrationsbericht „${bericht.name}“ wird heruntergeladen.`,
    );

    const select = screen.getByRole("combobox", { name: "Gemeinde für das Gemeindeprofil" }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(["Musterstadt (09999001)", "Beispieldorf (09999002)"]);
    fireEvent.change(select, { target: { value: "09999002" } });
    await click("Gemeindeprofil herunterladen");
    const profil = textOf(1);
    expect(profil.title).toBe("Gemeindeprofil Beispieldorf");
    expect(profil.name).toBe("Gemeindeprofil Beispieldorf 2026-11-22.docx");
    expect(profil.text).toContain("Beispieldorf");
    expect(profil.text).not.toContain("Musterstadt");
  });

  it("without Gemeinden in Gebiete offers the Integrationsbericht and says when a Gemeindeprofil comes", async () => {
    const doc = XlsxDocument.create("konzept.xlsx");
    doc.applyWorkbookPlan(planNewWorkbook(conceptRows()));
    await renderView(<UebersichtBericht rasterizer={rasterizer} />, new BrowserHost(doc, "konzept.xlsx"));
    expect(screen.getByRole("button", { name: "Integrationsbericht herunterladen" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Gemeindeprofil herunterladen" })).toBeNull();
    expect(
      screen.getByText(
        "Ein Gemeindeprofil gibt es, sobald das Blatt „Gebiete“ Gemeinden oder Stadtteile des eigenen Gebiets nennt.",
      ),
    ).toBeTruthy();
  });
});
