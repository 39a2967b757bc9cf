/** @jest-environment jsdom */
/**
 * The Verteilen view in jsdom: the files per Fachbereich and per Akteur without Fachbereich listed and
 * downloaded, all of them as one ZIP (browser host, and a host that only hands out its file bytes, as Excel
 * does), „Rücklauf bis“ written into the Einstellungen and named in every file, what goes to nobody shown
 * before the files are made, returns merged with the coordinator's choice per conflict, and unusable files
 * refused without writing anything; with „Mail-Entwürfe beilegen“ the ZIP holds each file's mail draft, read back
 * with a real MIME parser.
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readSettings } from "../../src/domain/settings";
import VerteilenView from "../../src/taskpane/features/verteilen/VerteilenView";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import type { WorkbookHost } from "../../src/workbook/host";
import { splitWorkbook } from "../../src/xlsx/circulation";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { TODAY, beispielHost, installJsdomShims, renderView } from "../helpers/pane";
import { arrayBuffer, fromExcelJs, toExcelJs } from "../helpers/xlsx";
import { parseEml } from "../helpers/mime";

const downloads: string[] = [];
const blobs: Blob[] = [];

beforeAll(() => {
  installJsdomShims();
  // jsdom has no object URLs and does not navigate: record the downloads instead.
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return "blob:verteilen";
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  downloads.length = 0;
  blobs.length = 0;
});

/** A downloaded blob's bytes (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The Hinweise of a downloaded workbook, as one text. */
async function hintsOf(bytes: Uint8Array): Promise<string> {
  const wb = await toExcelJs(bytes);
  return (wb.getWorksheet("Hinweise")!.getColumn(1).values as unknown[])
    .filter((v) => typeof v === "string")
    .join("\n");
}

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
  const {
    files: [first],
  } = await splitWorkbook(host.document, { masterFile: "beispiel.xlsx", date: TODAY });
  const reloaded = await toExcelJs(first!.workbook);
  edit(reloaded.getWorksheet("Maßnahmen")!);
  return xlsxFile(reloaded, first!.fileName);
}

describe("Verteilen: export", () => {
  it("lists one file per Fachbereich and per Akteur without Fachbereich, then downloads them as one ZIP", async () => {
    const host = await beispielHost();
    await renderView(<VerteilenView />, host);
    await click("Dateien erstellen");
    const list = await screen.findByRole("list", { name: "Dateien zum Verteilen" });
    const items = within(list).getAllByRole("listitem");
    const names = items.map((li) => within(li).getByRole("button").textContent!);
    expect(items.map((li, i) => [names[i], li.lastElementChild!.textContent])).toEqual([
      ["beispiel – Dezernat II – Soziales.xlsx", "Dezernat II – Soziales: 6 Maßnahmen"],
      ["beispiel – Fachbereich 1 – Zentrale Dienste.xlsx", "Fachbereich 1 – Zentrale Dienste: 2 Maßnahmen"],
      ["beispiel – Fachbereich 3 – Ordnung.xlsx", "Fachbereich 3 – Ordnung: 1 Maßnahme"],
      ["beispiel – Fachbereich 4 – Jugend.xlsx", "Fachbereich 4 – Jugend: 4 Maßnahmen"],
      ["beispiel – Fachbereich 5 – Soziales.xlsx", "Fachbereich 5 – Soziales: 1 Maßnahme"],
      ["beispiel – Jobcenter Beispielkreis.xlsx", "Jobcenter Beispielkreis (Akteur ohne Fachbereich): 4 Maßnahmen"],
      [
        "beispiel – Kreissportbund Beispielkreis e. V.xlsx",
        "Kreissportbund Beispielkreis e. V. (Akteur ohne Fachbereich): 1 Maßnahme",
      ],
    ]);
    // M-018 names the Jobcenter by its Bezeichnung: said before the files, and where it went.
    expect(
      screen.getByText(
        /M-018 „Ausbildungspaten“: Federführung „Jobcenter Beispielkreis“ ist keine Akteur-ID; verteilt an A-06/,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/niemandem zuordnen/)).toBeNull();
    expect(downloads).toEqual([]);

    await click("Alle 7 Dateien als ZIP herunterladen");
    await screen.findByText(/„beispiel – Verteilung 22\.11\.2026\.zip“ mit 7 Dateien wird heruntergeladen/);
    expect(downloads).toEqual(["beispiel – Verteilung 22.11.2026.zip"]);
    const zip = unzipSync(await bytesOf(blobs[0]!));
    expect(Object.keys(zip)).toEqual(names);
    const jobcenter = await toExcelJs(zip["beispiel – Jobcenter Beispielkreis.xlsx"]!);
    const ids = jobcenter.getWorksheet("Maßnahmen")!.getColumn(1).values.slice(2);
    expect(ids).toEqual(["M-008", "M-010", "M-012", "M-018"]);
    expect(await hintsOf(zip["beispiel – Jobcenter Beispielkreis.xlsx"]!)).toContain("für die Sie federführend sind");

    await click("beispiel – Kreissportbund Beispielkreis e. V.xlsx");
    expect(downloads.at(-1)).toBe("beispiel – Kreissportbund Beispielkreis e. V.xlsx");
  });

  it("writes „Rücklauf bis“ into the Einstellungen, and every file names the date", async () => {
    const host = await beispielHost();
    const writeRows = jest.spyOn(host, "writeRows");
    const { session } = await renderView(<VerteilenView />, host);
    const field = screen.getByLabelText("Rücklauf bis") as HTMLInputElement;
    expect(field.value).toBe("");
    fireEvent.change(field, { target: { value: "31.03.2027" } });
    await click("Dateien erstellen");
    await screen.findByRole("list", { name: "Dateien zum Verteilen" });
    expect(writeRows.mock.calls.map(([w]) => w.map((x) => [x.kind, x.values.schluessel]))).toEqual([
      [["einstellungen", "Rücklauf bis"]],
    ]);
    expect(readSettings(readConcept(await host.snapshot())).settings.ruecklaufBis).toBe("2027-03-31");
    expect(session.concept && readSettings(session.concept).settings.ruecklaufBis).toBe("2027-03-31");

    await click("Alle 7 Dateien als ZIP herunterladen");
    await screen.findByText(/wird heruntergeladen/);
    const zip = unzipSync(await bytesOf(blobs.at(-1)!));
    for (const bytes of Object.values(zip)) {
      const hints = await hintsOf(bytes);
      expect(hints).toContain("Bitte bis zum 31.03.2027 zurücksenden.");
      expect(hints).not.toContain("Den Termin für die Rückmeldung nennt Ihnen die Koordinierungsstelle");
    }
    // The same date again is not written again.
    writeRows.mockClear();
    await click("Dateien erstellen");
    await screen.findByRole("list", { name: "Dateien zum Verteilen" });
    expect(writeRows).not.toHaveBeenCalled();
  });

  it("gives a workbook without the sheet Einstellungen the sheet, with „Rücklauf bis“", async () => {
    const wb = await toExcelJs(await createTemplateWorkbook("beispiel", TODAY));
    wb.removeWorksheet(wb.getWorksheet("Einstellungen")!.id);
    const host = new BrowserHost(await fromExcelJs(wb, "ohne.xlsx"), "ohne.xlsx");
    expect(readConcept(await host.snapshot()).found.einstellungen).toBeUndefined();
    await renderView(<VerteilenView />, host);
    fireEvent.change(screen.getByLabelText("Rücklauf bis"), { target: { value: "31.03.2027" } });
    await click("Dateien erstellen");
    await screen.findByRole("list", { name: "Dateien zum Verteilen" });
    const concept = readConcept(await host.snapshot());
    expect(concept.found.einstellungen?.sheet).toBe("Einstellungen");
    expect(readSettings(concept).settings.ruecklaufBis).toBe("2027-03-31");
  });

  it("warns, before any file is made, about measures that go to nobody, and sends them to nobody", async () => {
    const host = await beispielHost();
    await host.writeRows([
      { kind: "massnahmen", id: "M-003", values: { federfuehrung: "Stadtteilbüro Nord" } },
      { kind: "massnahmen", id: "M-004", values: { federfuehrung: null } },
    ]);
    await renderView(<VerteilenView />, host);
    const warning = screen
      .getByText("2 Zeilen lassen sich niemandem zuordnen und werden nicht verschickt")
      .closest("[role=group], .fui-MessageBar") as HTMLElement;
    expect(warning).toBeTruthy();
    expect(
      within(warning)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Maßnahme M-003 „Mehrsprachige Terminvergabe“: Federführung „Stadtteilbüro Nord“ ist kein Akteur; bitte einen Akteur aus der Liste wählen oder im Blatt „Akteure“ anlegen.",
      "Maßnahme M-004 „Wohnraumvermittlung für Geflüchtete“: keine Federführung; bitte einen Akteur aus der Liste wählen.",
    ]);
    expect(screen.queryByRole("list", { name: "Dateien zum Verteilen" })).toBeNull();

    await click("Dateien erstellen");
    const list = await screen.findByRole("list", { name: "Dateien zum Verteilen" });
    expect(within(list).queryByText(/ohne Fachbereich\.xlsx/)).toBeNull();
    expect(screen.getByText(/2 Zeilen lassen sich niemandem zuordnen/)).toBeTruthy();
    const sent = within(list)
      .getAllByRole("listitem")
      .map((li) => Number(/: (\d+) Maßnahm/.exec(li.lastElementChild!.textContent!)![1]));
    // 20 measures, M-019 verworfen, M-003 and M-004 to nobody.
    expect(sent.reduce((a, b) => a + b, 0)).toBe(17);
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
      deleteRows: (k, ids) => inner.deleteRows(k, ids),
      selectCell: (s, a) => inner.selectCell(s, a),
      file,
    };
    await renderView(<VerteilenView />, host, "excel");
    await click("Dateien erstellen");
    await screen.findByRole("button", { name: "Konzept 2027 – Fachbereich 4 – Jugend.xlsx" });
    // The archive is named after the workbook Excel hands out, not after the pane's label for it.
    await click("Alle 7 Dateien als ZIP herunterladen");
    expect(downloads).toEqual(["Konzept 2027 – Verteilung 22.11.2026.zip"]);
    expect(file).toHaveBeenCalledTimes(1);
  });

  it("puts a draft beside each file into the ZIP and names the drafts without address", async () => {
    const host = await beispielHost();
    await renderView(<VerteilenView />, host);
    await click("Dateien erstellen");
    await screen.findByRole("list", { name: "Dateien zum Verteilen" });
    expect(screen.getByRole("button", { name: "Alle 7 Dateien als ZIP herunterladen" })).toBeTruthy();
    expect(screen.queryByText(/Mail-Entwürfe: Adressen fehlen/)).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole("checkbox", { name: "Mail-Entwürfe beilegen" }));
    });
    expect(screen.getByText("Mail-Entwürfe: Adressen fehlen")).toBeTruthy();
    expect(
      screen.getByText(
        "Der Mail-Entwurf „beispiel – Jobcenter Beispielkreis.eml“ an Jobcenter Beispielkreis hat keinen Empfänger, weil der Akteur im Blatt „Akteure“ keine gültige E-Mail hat; bitte die Adresse im Entwurf eintragen.",
      ),
    ).toBeTruthy();
    await click("Alle 7 Dateien mit Mail-Entwürfen als ZIP herunterladen");
    await screen.findByText(/„beispiel – Verteilung 22\.11\.2026\.zip“ mit 7 Dateien und 7 Mail-Entwürfen/);
    expect(downloads).toEqual(["beispiel – Verteilung 22.11.2026.zip"]);

    const zip = unzipSync(await bytesOf(blobs.at(-1)!));
    const xlsx = Object.keys(zip).filter((n) => n.endsWith(".xlsx"));
    const eml = Object.keys(zip).filter((n) => n.endsWith(".eml"));
    expect(xlsx).toHaveLength(7);
    expect(eml.sort()).toEqual(xlsx.map((n) => n.replace(/\.xlsx$/, ".eml")).sort());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnp-pane-mail-"));
    for (const name of eml) fs.writeFileSync(path.join(dir, name), zip[name]!);
    const mails = parseEml(eml.map((n) => path.join(dir, n)));
    for (const mail of mails) {
      const file = `${path.basename(mail.file, ".eml")}.xlsx`;
      expect(mail.defects).toEqual([]);
      expect(mail.xUnsent).toBe("1");
      expect(mail.attachments.map((a) => a.fileName)).toEqual([file]);
      expect(mail.attachments[0]!.data.equals(Buffer.from(zip[file]!))).toBe(true);
    }
    const fb4 = mails.find((m) => m.file.endsWith("beispiel – Fachbereich 4 – Jugend.eml"))!;
    expect(fb4.to).toEqual([{ name: "Jan Wichmann", address: "kita@beispielkreis.de" }]);
    expect(fb4.subject).toBe("Maßnahmen zur Rückmeldung – Fachbereich 4 – Jugend");
    expect(fb4.text).toContain("Was ist zu tun?\n1. Im Blatt „Maßnahmen“ stehen die 4 Maßnahmen");
    fs.rmSync(dir, { recursive: true, force: true });
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
