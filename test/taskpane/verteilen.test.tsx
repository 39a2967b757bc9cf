/** @jest-environment jsdom */
/**
 * The Verteilen view in jsdom: the per-Fachbereich files listed and downloaded (browser host, and Excel's
 * file bytes through the faked Office service), returns merged with the coordinator's choice per conflict,
 * and unusable files refused without writing anything.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import VerteilenView from "../../src/taskpane/features/verteilen/VerteilenView";
import { BrowserHost } from "../../src/xlsx/browserHost";
import type { WorkbookHost } from "../../src/workbook/host";
import { splitWorkbook } from "../../src/xlsx/circulation";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { TODAY, beispielHost, installJsdomShims, renderView } from "../helpers/pane";
import { arrayBuffer, toExcelJs } from "../helpers/xlsx";

jest.mock("../../src/taskpane/services/officeFile", () => ({ readOpenWorkbookFile: jest.fn() }));
import { readOpenWorkbookFile } from "../../src/taskpane/services/officeFile";

const downloads: string[] = [];

beforeAll(() => {
  installJsdomShims();
  // jsdom has no object URLs and does not navigate: record the downloads instead.
  URL.createObjectURL = () => "blob:verteilen";
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  downloads.length = 0;
});

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

/** Picks files in the hidden input, as the file chooser does. */
const pick = async (files: File[]) => {
  await act(async () => {
    fireEvent.change(screen.getByLabelText("Rückläufe auswählen"), { target: { files } });
  });
};

async function xlsxFile(workbook: ExcelJS.Workbook, name: string): Promise<File> {
  return new File([(await workbook.xlsx.writeBuffer()) as ArrayBuffer], name);
}

/** The return of „Dezernat II – Soziales“ (M-001, M-002, …) after `edit`. */
async function returnOf(host: BrowserHost, edit: (ws: ExcelJS.Worksheet) => void): Promise<File> {
  const [first] = await splitWorkbook(host.document, { masterFile: "beispiel.xlsx", date: TODAY });
  const reloaded = await toExcelJs(first!.workbook);
  edit(reloaded.getWorksheet("Maßnahmen")!);
  return xlsxFile(reloaded, first!.fileName);
}

describe("Verteilen: export", () => {
  it("lists one file per Fachbereich with its measures, then downloads them", async () => {
    const host = await beispielHost();
    await renderView(<VerteilenView />, host);
    await click("Dateien erstellen");
    const table = await screen.findByRole("table", { name: "Dateien für die Fachbereiche" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["Dezernat II – Soziales", "6", "beispiel – Dezernat II – Soziales.xlsx"],
      ["Fachbereich 1 – Zentrale Dienste", "2", "beispiel – Fachbereich 1 – Zentrale Dienste.xlsx"],
      ["Fachbereich 3 – Ordnung", "1", "beispiel – Fachbereich 3 – Ordnung.xlsx"],
      ["Fachbereich 4 – Jugend", "4", "beispiel – Fachbereich 4 – Jugend.xlsx"],
      ["Fachbereich 5 – Soziales", "1", "beispiel – Fachbereich 5 – Soziales.xlsx"],
      ["ohne Fachbereich", "6", "beispiel – ohne Fachbereich.xlsx"],
    ]);
    expect(downloads).toEqual([]);

    await click("Alle 6 Dateien herunterladen");
    await screen.findByText(/6 Dateien werden heruntergeladen/);
    expect(downloads).toHaveLength(6);
    expect(downloads[3]).toBe("beispiel – Fachbereich 4 – Jugend.xlsx");

    await click("beispiel – ohne Fachbereich.xlsx");
    expect(downloads.at(-1)).toBe("beispiel – ohne Fachbereich.xlsx");
  });

  it("in Excel splits the bytes of the open file (from the Office service)", async () => {
    const master = await createTemplateWorkbook("beispiel", TODAY);
    jest.mocked(readOpenWorkbookFile).mockResolvedValue({ data: arrayBuffer(master.toBytes()), name: "Konzept 2027.xlsx" });
    // Not a BrowserHost: the view must ask Office for the file.
    const inner = new BrowserHost(master, "x.xlsx");
    const host: WorkbookHost = {
      snapshot: () => inner.snapshot(),
      applySheetPlan: (p) => inner.applySheetPlan(p),
      createSheetsIfMissing: (p) => inner.createSheetsIfMissing(p),
      writeRows: (w) => inner.writeRows(w),
      selectCell: (s, a) => inner.selectCell(s, a),
    };
    await renderView(<VerteilenView />, host, "excel");
    await click("Dateien erstellen");
    await screen.findByRole("button", { name: "Konzept 2027 – Fachbereich 4 – Jugend.xlsx" });
    expect(readOpenWorkbookFile).toHaveBeenCalledTimes(1);
  });
});

describe("Verteilen: import", () => {
  it("shows applied values and conflicts, and writes the return's value only where chosen", async () => {
    const host = await beispielHost();
    const returned = await returnOf(host, (ws) => {
      ws.getCell("F2").value = "Neu zugewanderte Familien"; // M-001 Zielgruppe: only in the return → applied
      ws.getCell("D2").value = "Willkommensmappe digital"; // M-001 Titel: also changed in the master → conflict
      ws.getCell("H3").value = "400 Teilnehmende pro Jahr"; // M-002 Zielwert: also changed in the master → conflict
    });
    // Meanwhile in the master:
    await host.writeRows([
      { kind: "massnahmen", id: "M-001", values: { titel: "Willkommensmappe 2027" } },
      { kind: "massnahmen", id: "M-002", values: { zielwert: "350 Teilnehmende pro Jahr" } },
    ]);
    const writeRows = jest.spyOn(host, "writeRows");
    const applySheetPlan = jest.spyOn(host, "applySheetPlan");
    await renderView(<VerteilenView />, host);

    await pick([returned]);
    await screen.findByText(/Vorschau \(noch nichts geschrieben\): 1 Wert übernommen, 0 Maßnahmen neu, 2 Konflikte zu entscheiden/);
    expect(writeRows).not.toHaveBeenCalled();
    expect(applySheetPlan).not.toHaveBeenCalled();

    const applied = screen.getByRole("table", { name: "Übernommene Änderungen" });
    expect(within(applied).getByText("Neu zugewanderte Familien")).toBeTruthy();
    const conflicts = screen.getByRole("table", { name: "Konflikte" });
    const rows = within(conflicts).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").slice(0, 4).map((c) => c.textContent))).toEqual([
      ["M-001", "Titel", "Willkommensmappe 2027", "Willkommensmappe digital"],
      ["M-002", "Zielwert", "350 Teilnehmende pro Jahr", "400 Teilnehmende pro Jahr"],
    ]);
    // Default: master kept.
    const group1 = within(rows[0]!).getByRole("radiogroup");
    expect((within(group1).getByRole("radio", { name: "Master behalten" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group1).getByRole("radio", { name: "Rücklauf übernehmen" }));
    expect((within(group1).getByRole("radio", { name: "Rücklauf übernehmen" }) as HTMLInputElement).checked).toBe(true);

    await click("Zusammenführen");
    await screen.findByText(/Zusammengeführt: 2 Werte übernommen \(davon 1 nach Ihrer Entscheidung\), 0 Maßnahmen neu\. 1 Wert steht im Blatt „Konflikte“/);

    expect(writeRows).toHaveBeenCalledTimes(1);
    expect(writeRows.mock.calls[0]![0]).toEqual([
      { kind: "massnahmen", id: "M-001", values: { zielgruppe: "Neu zugewanderte Familien", titel: "Willkommensmappe digital" } },
    ]);
    const ws = (await host.document.workbook()).getWorksheet("Maßnahmen")!;
    expect(ws.getCell("D2").value).toBe("Willkommensmappe digital");
    expect(ws.getCell("F2").value).toBe("Neu zugewanderte Familien");
    expect(ws.getCell("H3").value).toBe("350 Teilnehmende pro Jahr");
    expect(applySheetPlan.mock.calls.map(([p]) => p.name)).toEqual(["Konflikte", "Zusammenführung", "Rücklaufprotokoll"]);
    const konflikte = (await host.document.workbook()).getWorksheet("Konflikte")!;
    expect(konflikte.getRow(2).values).toEqual([undefined, "M-002", "Zielwert", "350 Teilnehmende pro Jahr", "400 Teilnehmende pro Jahr", returned.name, expect.stringMatching(/Master behalten/)]);
    expect(konflikte.getRow(3).values).toEqual([]);
    expect(host.selected()).toEqual({ sheet: "Konflikte", address: "A1" });

    // The same return again changes nothing: the decision is remembered.
    writeRows.mockClear();
    await pick([returned]);
    await screen.findByText(/Vorschau \(noch nichts geschrieben\): 0 Werte übernommen, 0 Maßnahmen neu, 1 Konflikt zu entscheiden/);
  });

  it("refuses every file when one is unusable, with one sentence per file", async () => {
    const host = await beispielHost();
    const returned = await returnOf(host, (ws) => {
      ws.getCell("F2").value = "Neu zugewanderte Familien";
    });
    const writeRows = jest.spyOn(host, "writeRows");
    await renderView(<VerteilenView />, host);
    await pick([returned, new File(["kein Excel"], "notizen.xlsx"), await xlsxFile(new ExcelJS.Workbook(), "leer.xlsx")]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Es wurde nichts zusammengeführt:/);
    const items = within(alert).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toBe("Die Datei „notizen.xlsx“ ist keine Excel-Arbeitsmappe (.xlsx).");
    expect(items[1]).toMatch(/^Der Rücklauf „leer\.xlsx“ .*\.$/);
    expect(screen.queryByRole("button", { name: "Zusammenführen" })).toBeNull();
    expect(writeRows).not.toHaveBeenCalled();
  });
});
