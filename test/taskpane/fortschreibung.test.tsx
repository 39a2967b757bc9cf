/** @jest-environment jsdom */
/**
 * Einrichten → „Nächste Konzeptperiode (Fortschreibung)“ in jsdom: on the example concept after a round
 * with Empfehlungen, the preview names what is carried, marked and dropped (with the reason), the new
 * workbook offered for download lacks the dropped measures and has the sheet Vorperiode, the open workbook
 * stays as it was, and an unreadable Laufzeit gives one sentence and no file.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import EinrichtenView from "../../src/taskpane/features/einrichten/EinrichtenView";
import { buildRound } from "../../src/taskpane/services/operations";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { beispielHost, installJsdomShims, renderView } from "../helpers/pane";
import { toExcelJs } from "../helpers/xlsx";

const blobs: { name: string; blob: Blob }[] = [];

beforeAll(() => {
  installJsdomShims();
  let pending: Blob | null = null;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    pending = blob as Blob;
    return "blob:fortschreibung";
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    blobs.push({ name: this.download, blob: pending! });
  });
});
afterEach(() => {
  cleanup();
  blobs.length = 0;
});

function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const column = (ws: ExcelJS.Worksheet, row: number, header: string) => {
  let found = 0;
  ws.getRow(row).eachCell((cell, c) => {
    if (cell.value === header) found = c;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
};
const rowOf = (ws: ExcelJS.Worksheet, id: string) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
  throw new Error(`no row ${id}`);
};

/** The example concept with `Bewertung 2027`, the team's Empfehlungen entered and M-003 umgesetzt. */
async function evaluatedHost(): Promise<BrowserHost> {
  const host = await beispielHost();
  await buildRound(host, 2027);
  const wb = await toExcelJs(host.document);
  const round = wb.getWorksheet("Bewertung 2027")!;
  const header = [1, 2, 3, 4].find((r) => {
    try {
      return column(round, r, "Empfehlung") > 0;
    } catch {
      return false;
    }
  })!;
  const verdicts: [string, string, string][] = [
    ["M-002", "beenden", "Ziel erreicht"],
    ["M-005", "anpassen", "Zielgruppe zu eng gefasst"],
    ["M-010", "verstetigen", "bewährt"],
  ];
  for (const [id, empfehlung, begruendung] of verdicts) {
    round.getCell(rowOf(round, id), column(round, header, "Empfehlung")).value = empfehlung;
    round.getCell(rowOf(round, id), column(round, header, "Begründung")).value = begruendung;
  }
  const measures = wb.getWorksheet("Maßnahmen")!;
  measures.getCell(rowOf(measures, "M-003"), column(measures, 1, "Status")).value = "umgesetzt";
  return BrowserHost.open((await wb.xlsx.writeBuffer()) as ArrayBuffer, "Integrationskonzept.xlsx");
}

const items = (name: RegExp) =>
  within(screen.getByRole("list", { name }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

const setLaufzeit = (value: string) =>
  fireEvent.change(screen.getByRole("textbox", { name: /Laufzeit der neuen Periode/ }), { target: { value } });

const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

describe("Einrichten: Fortschreibung", () => {
  it("previews the decision, offers the new workbook and leaves the open one unchanged", async () => {
    const host = await evaluatedHost();
    const before = new Uint8Array(await host.save());
    await renderView(<EinrichtenView />, host, "browser", { openWorkbook: jest.fn() });

    await screen.findByRole("list", { name: /^Nicht übernommen: 3 Maßnahmen/ });
    expect(items(/^Nicht übernommen/)).toEqual([
      expect.stringMatching(/^M-002 – .* – Empfehlung der Bewertung 2027: beenden$/),
      expect.stringMatching(/^M-003 – .* – Status „umgesetzt“$/),
      expect.stringMatching(/^M-019 – .* – Status „verworfen“$/),
    ]);
    expect(items(/^Übernommen und zur Überarbeitung markiert: 1 Maßnahme/)).toEqual([
      expect.stringMatching(/^M-005 – .* – Zielgruppe zu eng gefasst$/),
    ]);
    const carried = items(/^Übernommen: 16 Maßnahmen/);
    expect(carried.map((t) => t!.slice(0, 5))).toEqual(
      Array.from({ length: 20 }, (_, i) => `M-${String(i + 1).padStart(3, "0")}`).filter(
        (id) => !["M-002", "M-003", "M-005", "M-019"].includes(id),
      ),
    );
    expect(screen.getByText("Grundlage: der Status und die Empfehlungen der Bewertung 2027.")).toBeTruthy();

    setLaufzeit("2029–2032");
    await click("Neue Arbeitsmappe erstellen");
    await screen.findByText("Neue Arbeitsmappe „Integrationskonzept 2029-2032.xlsx“ erstellt", {}, { timeout: 15000 });
    expect(blobs).toEqual([]);
    await click("Neue Arbeitsmappe herunterladen");
    expect(blobs.map((b) => b.name)).toEqual(["Integrationskonzept 2029-2032.xlsx"]);
    expect(screen.getByRole("button", { name: "Hier öffnen" })).toBeTruthy();

    const neu = await toExcelJs(await bytesOf(blobs[0]!.blob));
    const measures = neu.getWorksheet("Maßnahmen")!;
    const newIds: unknown[] = [];
    for (let r = 2; r <= measures.rowCount; r++) {
      const v = measures.getCell(r, 1).value;
      if (v) newIds.push(v);
    }
    expect(newIds).toHaveLength(17);
    expect(newIds).not.toContain("M-002");
    expect(newIds).not.toContain("M-003");
    expect(newIds).not.toContain("M-019");
    expect(newIds).toContain("M-005");
    const bemerkung = measures.getCell(rowOf(measures, "M-005"), column(measures, 1, "Bemerkung")).value;
    expect(String(bemerkung)).toContain("Überarbeiten (Bewertung 2027: anpassen): Zielgruppe zu eng gefasst");
    const vorperiode = neu.getWorksheet("Vorperiode");
    expect(vorperiode).toBeDefined();
    const sheetText = JSON.stringify(vorperiode!.getSheetValues());
    expect(sheetText).toContain("M-002");
    expect(sheetText).toContain("Empfehlung der Bewertung 2027: beenden");

    // The open workbook: byte for byte as before, and the pane still shows its 20 measures.
    expect(new Uint8Array(await host.save())).toEqual(before);
    const open = readConcept(await host.snapshot());
    expect(open.massnahmen.rows).toHaveLength(20);
    expect((await host.snapshot()).sheet("Vorperiode")).toBeFalsy();
  });

  it("in Excel builds from the bytes the host hands out and offers only the download", async () => {
    const host = await evaluatedHost();
    const before = new Uint8Array(await host.save());
    await renderView(<EinrichtenView />, host, "excel");
    await screen.findByRole("list", { name: /^Nicht übernommen: 3 Maßnahmen/ });
    setLaufzeit("2029-2032");
    await click("Neue Arbeitsmappe erstellen");
    await screen.findByText(/Laden Sie sie herunter und öffnen Sie sie in Excel\./, {}, { timeout: 15000 });
    expect(screen.queryByRole("button", { name: "Hier öffnen" })).toBeNull();
    await click("Neue Arbeitsmappe herunterladen");
    const neu = await toExcelJs(await bytesOf(blobs[0]!.blob));
    expect(neu.getWorksheet("Vorperiode")).toBeDefined();
    expect(new Uint8Array(await host.save())).toEqual(before);
  });

  it("refuses an unreadable Laufzeit with one sentence and writes nothing", async () => {
    const host = await evaluatedHost();
    await renderView(<EinrichtenView />, host);
    await screen.findByRole("list", { name: /^Nicht übernommen/ });

    setLaufzeit("2032-2029");
    await click("Neue Arbeitsmappe erstellen");
    const message = await screen.findByText(/endet vor ihrem Beginn/);
    expect(message.textContent).toBe(
      "Die Laufzeit „2032-2029“ endet vor ihrem Beginn; das erste Jahr muss vor dem letzten liegen.",
    );
    setLaufzeit("bald");
    expect(screen.getByText(/ist nicht lesbar/).textContent).toBe(
      "Die Laufzeit „bald“ ist nicht lesbar; geben Sie sie als zwei Jahre an, z. B. 2029-2032.",
    );
    expect(screen.queryByText(/Neue Arbeitsmappe „/)).toBeNull();
    expect(blobs).toEqual([]);
    await waitFor(() => expect(screen.queryByText(/wird erstellt/)).toBeNull());
  });
});
