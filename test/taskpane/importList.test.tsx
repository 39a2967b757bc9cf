/** @jest-environment jsdom */
/**
 * „Bestehende Liste übernehmen“ in jsdom: a CSV and an .xlsx list picked, the guessed mapping shown per
 * column, a corrected column changing what is taken, and „Übernehmen“ building a workbook whose Maßnahmen
 * hold the list's rows (downloaded, and opened in the pane in browser mode; in Excel only downloaded).
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { textOf } from "../../src/domain/values";
import EinrichtenView from "../../src/taskpane/features/einrichten/EinrichtenView";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { MUSTERSTADT, xlsxList } from "../import/lists";
import { installJsdomShims, renderView } from "../helpers/pane";
import { toExcelJs } from "../helpers/xlsx";

const downloads: string[] = [];
/** The data of each download, in order. */
const blobs: Blob[] = [];

beforeAll(() => {
  installJsdomShims();
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return "blob:import";
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

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

const pick = async (file: File) => {
  await act(async () => {
    fireEvent.change(screen.getByLabelText("Liste auswählen"), { target: { files: [file] } });
  });
};

const choose = async (label: string, value: string) => {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  const option = within(select).getByRole("option", { name: value }) as HTMLOptionElement;
  await act(async () => {
    fireEvent.change(select, { target: { value: option.value } });
  });
};

/** The chosen target of a column, as the user reads it. */
const chosen = (label: string) => {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  return select.options[select.selectedIndex]!.textContent;
};

/** The preview's figures by term. */
function previewFigures(): Record<string, string> {
  const list = document.querySelector('dl[aria-labelledby="einrichten-import-vorschau"]')!;
  const out: Record<string, string> = {};
  for (const dt of list.querySelectorAll("dt")) out[dt.textContent!] = dt.nextElementSibling!.textContent!;
  return out;
}

const CSV =
  "\uFEFFMaßnahmenliste Musterdorf;;;;;\r\n" +
  "Nr.;Maßnahme;Handlungsfeld;Zuständigkeit;bis wann;Stadtteil\r\n" +
  "1;Sprachcafé einrichten;Bildung;FB 50 / Jobcenter;Ende 2026;Nordstadt\r\n" +
  "2;Elternlotsen ausbilden;Bildung;Jugendamt;30.06.2025;Südstadt\r\n" +
  "3;Wohnungsbörse;Wohnen;Sozialamt;2027;Altstadt\r\n";

/** Browser mode with a pane that opens the built workbook: the bytes it was given. */
function opener() {
  const opened: { data: ArrayBuffer; name: string }[] = [];
  return {
    opened,
    openWorkbook: async (data: ArrayBuffer, name: string) => {
      opened.push({ data, name });
      return BrowserHost.open(data, name);
    },
  };
}

describe("Bestehende Liste übernehmen", () => {
  it("shows the guess for a CSV, lets a column be corrected, and builds the workbook from the corrected mapping", async () => {
    const pane = opener();
    await renderView(<EinrichtenView />, null, "browser", { openWorkbook: pane.openWorkbook });
    expect(screen.queryByText("Spalten der Liste")).toBeNull();

    await pick(new File([CSV], "musterdorf.csv", { type: "text/csv" }));
    await screen.findByText("Spalten der Liste");
    expect((screen.getByLabelText("Kopfzeile") as HTMLSelectElement).value).toBe("2-2");
    expect(["A", "B", "C", "D", "E", "F"].map((l) => chosen(`Spalte ${l} übernehmen als`))).toEqual([
      "ID",
      "Titel",
      "Handlungsfeld",
      "Federführung",
      "Frist",
      "eigene Spalte behalten",
    ]);
    expect(screen.getByText("Beispiel: „Sprachcafé einrichten“")).toBeTruthy();
    expect(previewFigures()).toMatchObject({
      Maßnahmen: "3 (Zeilen 3–5)",
      Handlungsfelder: "2",
      Akteure: "4",
      "Eigene Spalten": "1",
    });
    // The title row and „Ende 2026“ are named before anything is written.
    expect(screen.getByText(/A1: „Maßnahmenliste Musterdorf“ – über der Kopfzeile/)).toBeTruthy();

    // Another header row is read afresh: the title row „Maßnahmenliste …“ reads as a Titel column and the
    // real header row becomes a measure.
    await choose("Kopfzeile", "Zeile 1");
    expect(chosen("Spalte A übernehmen als")).toBe("Titel");
    expect(previewFigures().Maßnahmen).toBe("4 (Zeilen 2–5)");
    await choose("Kopfzeile", "Zeile 2");
    expect(chosen("Spalte B übernehmen als")).toBe("Titel");

    // The Stadtteil becomes the Handlungsfeld: the old Handlungsfeld column is kept as its own column.
    await choose("Spalte F übernehmen als", "Handlungsfeld");
    expect(chosen("Spalte C übernehmen als")).toBe("eigene Spalte behalten");
    expect(screen.getByText(/Sieht auch wie „Handlungsfeld“ aus; dafür wird Spalte F genommen/)).toBeTruthy();
    expect(previewFigures()).toMatchObject({ Handlungsfelder: "3", "Eigene Spalten": "1" });
    expect(pane.opened).toEqual([]);

    await click("Übernehmen");
    const done = await screen.findByText(/Neue Arbeitsmappe „musterdorf – Maßnahmenplan.xlsx“ erstellt/);
    expect(done.closest("[role=status]")!.textContent).toContain("Übernommen: 3 Maßnahmen aus Zeilen 3–5.");
    expect(done.closest("[role=status]")!.textContent).toContain("Neu angelegt: 3 Handlungsfelder");

    await click("Neue Arbeitsmappe herunterladen");
    expect(downloads).toEqual(["musterdorf – Maßnahmenplan.xlsx"]);

    await click("Hier öffnen");
    await screen.findByText(/ist jetzt hier geöffnet/);
    expect(pane.opened.map((o) => o.name)).toEqual(["musterdorf – Maßnahmenplan.xlsx"]);
    // What the list did not have leads on: the Ziele to create.
    const gaps = await screen.findByRole("region", { name: "Was noch fehlt" });
    expect(within(gaps).getByRole("button", { name: "3 Maßnahmen ohne Ziel: Ziele anlegen" })).toBeTruthy();
    const host = await BrowserHost.open(pane.opened[0]!.data, "x.xlsx");
    const concept = readConcept(await host.snapshot());
    expect(
      concept.massnahmen.rows.map((r) => [
        textOf(r.values.id ?? null),
        textOf(r.values.titel ?? null),
        textOf(r.values.handlungsfeld ?? null),
        textOf(r.values.federfuehrung ?? null),
      ]),
    ).toEqual([
      ["1", "Sprachcafé einrichten", expect.stringMatching(/ – Nordstadt$/), expect.stringMatching(/ – FB 50$/)],
      ["2", "Elternlotsen ausbilden", expect.stringMatching(/ – Südstadt$/), expect.stringMatching(/ – Jugendamt$/)],
      ["3", "Wohnungsbörse", expect.stringMatching(/ – Altstadt$/), expect.stringMatching(/ – Sozialamt$/)],
    ]);
    expect(concept.handlungsfelder!.rows.map((r) => textOf(r.values.handlungsfeld ?? null))).toEqual([
      "Nordstadt",
      "Südstadt",
      "Altstadt",
    ]);
    // The list's own Handlungsfeld column survives under its own header, beside the contract's.
    const ws = (await toExcelJs(pane.opened[0]!.data)).getWorksheet("Maßnahmen")!;
    let headers: string[] = [];
    ws.eachRow((row) => {
      const texts = (row.values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
      if (headers.length === 0 && texts.includes("Titel")) headers = texts;
    });
    const own = headers.findIndex((h) => /^Handlungsfeld \(\d\)$/.test(h));
    expect(own).toBeGreaterThan(0);
    expect(
      ws
        .getColumn(own)
        .values.filter((v) => typeof v === "string")
        .slice(1),
    ).toEqual(["Bildung", "Bildung", "Wohnen"]);
  });

  it("reads an .xlsx with a title and a two-row header, offers its sheets, and in Excel only downloads", async () => {
    const bytes = await xlsxList([
      { name: "Hinweise", rows: [["Diese Liste wird jährlich fortgeschrieben."]] },
      { name: "Maßnahmen", rows: MUSTERSTADT.rows, merges: MUSTERSTADT.merges },
    ]);
    await renderView(<EinrichtenView />, null, "excel");
    expect(screen.getByText(/kann der Aufgabenbereich die geöffnete Arbeitsmappe nicht ersetzen/)).toBeTruthy();

    await pick(new File([new Uint8Array(bytes)], "musterstadt.xlsx"));
    await screen.findByText("Spalten der Liste");
    expect((screen.getByLabelText("Blatt der Liste") as HTMLSelectElement).value).toBe("Maßnahmen");
    expect((screen.getByLabelText("Kopfzeile") as HTMLSelectElement).value).toBe("3-4");
    expect(chosen("Spalte D übernehmen als")).toBe("Federführung");
    expect(chosen("Spalte H übernehmen als")).toBe("Sachstand zum 31.12.2016");
    expect(previewFigures()).toMatchObject({ Maßnahmen: "3 (Zeilen 6–7, 9)", Handlungsfelder: "2" });
    const sachstaende = Number(previewFigures()["Sachstände"]);
    expect(sachstaende).toBeGreaterThan(0);

    // The Sachstand 2015/16 column kept as its own column: fewer Sachstände are taken.
    await choose("Spalte H übernehmen als", "eigene Spalte behalten");
    const taken = Number(previewFigures()["Sachstände"]);
    expect(taken).toBeLessThan(sachstaende);
    expect(taken).toBeGreaterThan(0);

    await click("Übernehmen");
    await screen.findByText(/Neue Arbeitsmappe „musterstadt – Maßnahmenplan.xlsx“ erstellt/);
    expect(screen.queryByRole("button", { name: "Hier öffnen" })).toBeNull();
    await click("Neue Arbeitsmappe herunterladen");
    expect(downloads).toEqual(["musterstadt – Maßnahmenplan.xlsx"]);

    // The downloaded workbook holds the list's measures, and the Sachstände the preview counted.
    const data = await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(blobs[0]!);
    });
    const concept = readConcept(await (await BrowserHost.open(data, "neu.xlsx")).snapshot());
    expect(concept.massnahmen.rows.map((r) => [textOf(r.values.id ?? null), textOf(r.values.titel ?? null)])).toEqual([
      ["1.1", "Sprachkurse für Eltern"],
      ["1.2", "Hausaufgabenhilfe"],
      ["2.1", "Jobbörse"],
    ]);
    expect(concept.sachstaende?.rows).toHaveLength(taken);
  });

  it("says in one sentence why a file cannot be read, and writes nothing", async () => {
    await renderView(<EinrichtenView />, null, "browser");
    await pick(new File(["kein Excel"], "liste.pdf"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("„liste.pdf“ ist weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV-Datei (.csv).");
    expect(screen.queryByRole("button", { name: "Übernehmen" })).toBeNull();

    // An old .xls (OLE compound file) is named as such.
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await pick(new File([ole], "alt.xls"));
    await screen.findByText(/„alt.xls“ ist im alten .xls-Format; speichern Sie sie in Excel als .xlsx oder .csv\./);
    expect(screen.queryByRole("button", { name: "Übernehmen" })).toBeNull();
  });
});
