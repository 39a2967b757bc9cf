/** @jest-environment jsdom */
/**
 * The Verteilen view in jsdom: the per-Fachbereich files listed and downloaded (browser host, and a host that
 * only hands out its file bytes, as Excel does), returns merged with the coordinator's choice per conflict,
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
    const list = await screen.findByRole("list", { name: "Dateien für die Fachbereiche" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => [within(li).getByRole("button").textContent, li.lastElementChild!.textContent])).toEqual([
      ["beispiel – Dezernat II – Soziales.xlsx", "Dezernat II – Soziales: 6 Maßnahmen"],
      ["beispiel – Fachbereich 1 – Zentrale Dienste.xlsx", "Fachbereich 1 – Zentrale Dienste: 2 Maßnahmen"],
      ["beispiel – Fachbereich 3 – Ordnung.xlsx", "Fachbereich 3 – Ordnung: 1 Maßnahme"],
      ["beispiel – Fachbereich 4 – Jugend.xlsx", "Fachbereich 4 – Jugend: 4 Maßnahmen"],
      ["beispiel – Fachbereich 5 – Soziales.xlsx", "Fachbereich 5 – Soziales: 1 Maßnahme"],
      ["beispiel – ohne Fachbereich.xlsx", "ohne Fachbereich: 6 Maßnahmen"],
    ]);
    expect(downloads).toEqual([]);

    await click("Alle 6 Dateien herunterladen");
    await screen.findByText(/6 Dateien werden heruntergeladen/);
    expect(downloads).toHaveLength(6);
    expect(downloads[3]).toBe("beispiel – Fachbereich 4 – Jugend.xlsx");

    await click("beispiel – ohne Fachbereich.xlsx");
    expect(downloads.at(-1)).toBe("beispiel – ohne Fachbereich.xlsx");
  });

  it("in Excel splits the bytes of the open file, which the host hands out", async () => {
    const master = await createTemplateWorkbook("beispiel", TODAY);
    const data = arrayBuffer(master.toBytes());
    const file = jest.fn(async () => ({ data, name: "Konzept 2027.xlsx" }));
    // Not a BrowserHost: the view knows only the host interface.
    const inner = new BrowserHost(master, "x.xlsx");
    const host: WorkbookHost = {
      snapshot: () => inner.snapshot(),
      applySheetPlan: (p) => inner.applySheetPlan(p),
      createSheetsIfMissing: (p) => inner.createSheetsIfMissing(p),
      writeRows: (w) => inner.writeRows(w),
      selectCell: (s, a) => inner.selectCell(s, a),
      file,
    };
    await renderView(<VerteilenView />, host, "excel");
    await click("Dateien erstellen");
    await screen.findByRole("button", { name: "Konzept 2027 – Fachbereich 4 – Jugend.xlsx" });
    expect(file).toHaveBeenCalledTimes(1);
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
    await screen.findByText(
      /Vorschau \(noch nichts geschrieben\): 1 Wert übernommen, 0 Maßnahmen neu, 2 Konflikte zu entscheiden/,
    );
    expect(writeRows).not.toHaveBeenCalled();
    expect(applySheetPlan).not.toHaveBeenCalled();

    // The file line counts as the summary does: the two conflicts are not „nicht übernommen“.
    expect(
      screen.getByText(/: 1 Wert übernommen, 0 Maßnahmen neu, 2 Konflikte, 0 weitere Werte nicht übernommen\.$/),
    ).toBeTruthy();
    const applied = screen.getByRole("list", { name: "Übernommene Änderungen" });
    expect(within(applied).getByText("Neu zugewanderte Familien")).toBeTruthy();
    const conflicts = screen.getByRole("list", { name: "Konflikte" });
    const cards = within(conflicts).getAllByRole("listitem");
    const texts = (card: HTMLElement) => [
      card.querySelector("strong")!.textContent,
      ...[...card.querySelectorAll("dd")].slice(0, 2).map((d) => d.textContent),
    ];
    expect(cards.map(texts)).toEqual([
      ["M-001 · Titel", "Willkommensmappe 2027", "Willkommensmappe digital"],
      ["M-002 · Zielwert", "350 Teilnehmende pro Jahr", "400 Teilnehmende pro Jahr"],
    ]);
    // Default: the value of the Gesamtdatei is kept.
    const group1 = within(cards[0]!).getByRole("radiogroup");
    expect(
      (within(group1).getByRole("radio", { name: "Wert der Gesamtdatei behalten" }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(group1).getByRole("radio", { name: "Wert aus dem Rücklauf übernehmen" }));
    expect(
      (within(group1).getByRole("radio", { name: "Wert aus dem Rücklauf übernehmen" }) as HTMLInputElement).checked,
    ).toBe(true);

    await click("Zusammenführen");
    await screen.findByText(
      /Zusammengeführt: 2 Werte übernommen \(davon 1 nach Ihrer Entscheidung\), 0 Maßnahmen neu\. 1 Wert steht im Blatt „Konflikte“/,
    );

    expect(writeRows).toHaveBeenCalledTimes(1);
    expect(writeRows.mock.calls[0]![0]).toEqual([
      {
        kind: "massnahmen",
        id: "M-001",
        values: { zielgruppe: "Neu zugewanderte Familien", titel: "Willkommensmappe digital" },
      },
    ]);
    const ws = (await toExcelJs(host.document)).getWorksheet("Maßnahmen")!;
    expect(ws.getCell("D2").value).toBe("Willkommensmappe digital");
    expect(ws.getCell("F2").value).toBe("Neu zugewanderte Familien");
    expect(ws.getCell("H3").value).toBe("350 Teilnehmende pro Jahr");
    expect(applySheetPlan.mock.calls.map(([p]) => p.name)).toEqual([
      "Konflikte",
      "Zusammenführung",
      "Rücklaufprotokoll",
    ]);
    const konflikte = (await toExcelJs(host.document)).getWorksheet("Konflikte")!;
    expect(konflikte.getRow(2).values).toEqual([
      undefined,
      "M-002",
      "Zielwert",
      "350 Teilnehmende pro Jahr",
      "400 Teilnehmende pro Jahr",
      returned.name,
      expect.stringMatching(/Gesamtdatei behalten/),
    ]);
    expect(konflikte.getRow(3).values).toEqual([]);
    expect(host.selected()).toEqual({ sheet: "Konflikte", address: "A1" });

    // The same return again changes nothing: the decision is remembered.
    writeRows.mockClear();
    await pick([returned]);
    await screen.findByText(
      /Vorschau \(noch nichts geschrieben\): 0 Werte übernommen, 0 Maßnahmen neu, 1 Konflikt zu entscheiden/,
    );
  });

  it("refuses every file when one is unusable, with one sentence per file", async () => {
    const host = await beispielHost();
    const returned = await returnOf(host, (ws) => {
      ws.getCell("F2").value = "Neu zugewanderte Familien";
    });
    const writeRows = jest.spyOn(host, "writeRows");
    await renderView(<VerteilenView />, host);
    await pick([
      returned,
      new File(["kein Excel"], "notizen.xlsx"),
      await xlsxFile(new ExcelJS.Workbook(), "leer.xlsx"),
    ]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Es wurde nichts zusammengeführt:/);
    const items = within(alert)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toBe("Die Datei „notizen.xlsx“ ist keine Excel-Arbeitsmappe (.xlsx).");
    expect(items[1]).toMatch(/^Der Rücklauf „leer\.xlsx“ .*\.$/);
    expect(screen.queryByRole("button", { name: "Zusammenführen" })).toBeNull();
    expect(writeRows).not.toHaveBeenCalled();
  });
});
