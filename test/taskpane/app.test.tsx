/** @jest-environment jsdom */
/**
 * The whole pane in jsdom: nothing typed is lost on any way out. In browser mode (the example workbook
 * opened from a file) the start view leads to a field, a view switch asks, the form survives it, the page
 * asks before it is left while changes are not downloaded, and the download keeps the file's name; a
 * previewed return with a conflict decided is asked about and merged by „Speichern und weiter“; a workbook
 * built in Einrichten is asked about until it is downloaded or opened, and once opened, Start says what it
 * still lacks and leads there. In Excel (Office.js replaced by the recording fake) a row selected in the
 * sheet while the form holds edits asks the same question.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { templateContent } from "../../src/domain/templates";
import { ExcelHost } from "../../src/excel/host";
import { App } from "../../src/taskpane/App";
import { readFile } from "../../src/taskpane/services/download";
import { splitWorkbook } from "../../src/xlsx/circulation";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { FakeWorkbook } from "../excel/fakeExcel";
import { TODAY, answer, installJsdomShims } from "../helpers/pane";
import { toExcelJs } from "../helpers/xlsx";

beforeAll(installJsdomShims);
afterEach(() => {
  cleanup();
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

/** Chooses a view: its tab, or the entry of „Mehr“ when it does not fit the row. */
async function view(name: string) {
  const shown = screen.queryByRole("tab", { name });
  if (shown) return fireEvent.click(shown);
  fireEvent.click(screen.getByRole("tab", { name: /^Mehr: / }));
  fireEvent.click(await screen.findByRole("menuitem", { name }));
}
/** The selected view. */
const selected = () => screen.getByRole("tab", { selected: true }).getAttribute("value");
const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
/** Leaving the page: true when the pane asks the browser to confirm. */
const leavingAsks = () => {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

/** The header's first line: the file and the state of its changes. */
const status = () => screen.getAllByRole("status")[0]!.textContent;
/** Clicks a button, once its view has loaded. */
const click = async (name: string | RegExp) => {
  const button = await screen.findByRole("button", { name }, { timeout: 10_000 });
  await act(async () => {
    fireEvent.click(button);
  });
};
/** Picks files in a hidden file input, as the file chooser does. */
const pick = async (label: string, files: File[]) => {
  const input = await screen.findByLabelText(label, undefined, { timeout: 10_000 });
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
};

describe("browser mode", () => {
  const bytes = createTemplateWorkbook("beispiel", TODAY).toBytes() as Uint8Array<ArrayBuffer>;
  let downloads: { name: string; blob: Blob }[];

  beforeEach(() => {
    downloads = [];
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: blobs.get(this.href)! });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  async function openBeispiel(data: BlobPart = bytes) {
    render(<App />);
    const input = await screen.findByLabelText("Arbeitsmappe öffnen");
    const file = new File([data], "beispiel.xlsx");
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await screen.findByRole("heading", { name: "Stand des Konzepts" }, { timeout: 10_000 });
  }

  it("leads from the start view to the field, asks on a view switch, keeps the form and asks before the page is left", async () => {
    await openBeispiel();
    expect(status()).toBe("beispiel.xlsx · unverändert");
    expect(leavingAsks()).toBe(false);
    const figures = screen.getByRole("region", { name: "Start" });
    expect(within(figures).getByText("Maßnahmen").parentElement!.parentElement!.textContent).toBe("Maßnahmen20");

    // The first next step opens the first measure that is not SMART-complete at the field that is missing.
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "M-004 vervollständigen" }));
    });
    await waitFor(() => expect(document.activeElement?.id).toBe("massnahme-frist"));
    expect(selected()).toBe("massnahme");
    expect((screen.getByRole("combobox", { name: "Maßnahme" }) as HTMLInputElement).value).toMatch(/^M-004 – /);
    fireEvent.change(field(/^Frist/), { target: { value: "31.12.2027" } });
    expect(leavingAsks()).toBe(true); // an unsaved edit

    // Another view: asked; „Weiter bearbeiten“ stays, „Speichern und weiter“ saves and switches.
    await view("Bewertung");
    await answer("Weiter bearbeiten", /Die Änderungen an M-004 sind noch nicht gespeichert\./);
    expect(selected()).toBe("massnahme");
    expect(field(/^Frist/).value).toBe("31.12.2027");
    await view("Bewertung");
    await answer("Speichern und weiter");
    await waitFor(() => expect(selected()).toBe("bewertung"));
    await waitFor(() => expect(status()).toBe("beispiel.xlsx · übernommen, noch nicht heruntergeladen"));
    expect(leavingAsks()).toBe(true); // saved, but only in this page

    // Back: the same measure, as saved; an edit dropped with „Verwerfen“ is gone.
    await view("Maßnahme");
    expect((screen.getByRole("combobox", { name: "Maßnahme" }) as HTMLInputElement).value).toMatch(/^M-004 – /);
    expect(field(/^Frist/).value).toBe("31.12.2027");
    fireEvent.change(field(/^Frist/), { target: { value: "30.06.2028" } });
    await view("Prüfen");
    await answer("Verwerfen");
    await view("Maßnahme");
    expect(field(/^Frist/).value).toBe("31.12.2027");

    // The download keeps the file's name; then nothing is at stake any more.
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Arbeitsmappe herunterladen" }));
    });
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(["beispiel.xlsx"]));
    expect(status()).toBe("beispiel.xlsx · heruntergeladen (Download-Ordner des Browsers)");
    expect(leavingAsks()).toBe(false);
    const saved = await BrowserHost.open(await readFile(downloads[0]!.blob as File), "beispiel.xlsx");
    const m004 = readConcept(await saved.snapshot()).massnahmen.rows.find((r) => r.values.id === "M-004")!;
    expect(m004.values.frist).toEqual(new Date("2027-12-31T00:00:00Z"));
  }, 60_000);

  it("asks before another workbook replaces one with changes not downloaded", async () => {
    await openBeispiel();
    await view("Prüfen");
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: "Prüfbericht als Blatt" }, { timeout: 10_000 }));
    });
    await screen.findByText(/übernommen, noch nicht heruntergeladen/);
    const input = screen.getByLabelText("Arbeitsmappe öffnen");
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([bytes], "andere.xlsx")] } });
    });
    await answer("Weiter bearbeiten", /„beispiel\.xlsx“ hat Änderungen, die noch nicht heruntergeladen sind\./);
    expect(screen.getAllByRole("status")[0]!.textContent).toMatch(/^beispiel\.xlsx · /);

    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([bytes], "andere.xlsx")] } });
    });
    await answer("Speichern und weiter");
    // The changed workbook went to the downloads first, under its own name; then the other one opened.
    await waitFor(() => expect(screen.getAllByRole("status")[0]!.textContent).toBe("andere.xlsx · unverändert"));
    expect(downloads.map((d) => d.name)).toEqual(["beispiel.xlsx"]);
  }, 60_000);

  it("asks before a previewed return with a conflict decided is left, and „Speichern und weiter“ merges it", async () => {
    // The Gesamtdatei and the return of „Dezernat II – Soziales“ both change M-001's Titel: a conflict.
    const master = new BrowserHost(createTemplateWorkbook("beispiel", TODAY), "beispiel.xlsx");
    const { files } = await splitWorkbook(master.document, { masterFile: "beispiel.xlsx", date: TODAY });
    const back = await toExcelJs(files[0]!.workbook);
    back.getWorksheet("Maßnahmen")!.getCell("D2").value = "Willkommensmappe digital";
    const returned = new File([(await back.xlsx.writeBuffer()) as ArrayBuffer], files[0]!.fileName);
    await master.writeRows([{ kind: "massnahmen", id: "M-001", values: { titel: "Willkommensmappe 2027" } }]);
    await openBeispiel(new Uint8Array((await master.file()).data));

    await view("Verteilen");
    await pick("Rückläufe auswählen", [returned]);
    await screen.findByText(/Vorschau \(noch nichts geschrieben\): .*1 Konflikt zu entscheiden/, undefined, {
      timeout: 10_000,
    });
    fireEvent.click(screen.getByRole("radio", { name: "Wert aus dem Rücklauf übernehmen" }));
    expect(leavingAsks()).toBe(true);
    expect(status()).toBe("beispiel.xlsx · unverändert");

    // „Weiter bearbeiten“: the preview stays with the choice made.
    const sentence = `Der Rücklauf „${files[0]!.fileName}“ ist noch nicht zusammengeführt: „Speichern und weiter“ führt ihn zusammen, mit Ihrer Entscheidung zum Konflikt.`;
    await view("Prüfen");
    await answer("Weiter bearbeiten", sentence);
    expect(selected()).toBe("verteilen");
    const chosen = () =>
      (screen.getByRole("radio", { name: "Wert aus dem Rücklauf übernehmen" }) as HTMLInputElement).checked;
    expect(chosen()).toBe(true);
    // Other returns picked would replace the preview: asked the same way.
    await pick("Rückläufe auswählen", [returned]);
    await answer("Weiter bearbeiten", sentence);
    expect(chosen()).toBe(true);

    // „Speichern und weiter“: merged as „Zusammenführen“ would, with the return's value; then Prüfen.
    await view("Prüfen");
    await answer("Speichern und weiter", sentence);
    await waitFor(() => expect(selected()).toBe("pruefen"));
    await waitFor(() => expect(status()).toBe("beispiel.xlsx · übernommen, noch nicht heruntergeladen"));
    await click("Arbeitsmappe herunterladen");
    await waitFor(() => expect(downloads).toHaveLength(1));
    const saved = await BrowserHost.open(await readFile(downloads[0]!.blob as File), "beispiel.xlsx");
    const m001 = readConcept(await saved.snapshot()).massnahmen.rows.find((r) => r.values.id === "M-001")!;
    expect(m001.values.titel).toBe("Willkommensmappe digital");
    expect(leavingAsks()).toBe(false);

    // „Verwerfen“ drops a preview and writes nothing.
    await view("Verteilen");
    await pick("Rückläufe auswählen", [returned]);
    await screen.findByText(/Vorschau \(noch nichts geschrieben\)/, undefined, { timeout: 10_000 });
    await view("Prüfen");
    await answer("Verwerfen", /ist noch nicht zusammengeführt/);
    await waitFor(() => expect(selected()).toBe("pruefen"));
    expect(status()).toBe("beispiel.xlsx · heruntergeladen (Download-Ordner des Browsers)");
    expect(leavingAsks()).toBe(false);
  }, 60_000);

  it("asks before a new workbook of the Fortschreibung that is in no file is left, and downloads it", async () => {
    await openBeispiel();
    await view("Einrichten");
    await screen.findByRole("list", { name: /^Übernommen: / }, { timeout: 10_000 });
    fireEvent.change(field(/^Laufzeit der neuen Periode/), { target: { value: "2029–2032" } });
    await click("Neue Arbeitsmappe erstellen");
    const name = "beispiel 2029-2032.xlsx";
    await screen.findByText(`Neue Arbeitsmappe „${name}“ erstellt`, undefined, { timeout: 15_000 });
    expect(leavingAsks()).toBe(true);
    expect(status()).toBe("beispiel.xlsx · unverändert");

    const sentence = `Die neue Arbeitsmappe „${name}“ ist noch in keiner Datei: „Speichern und weiter“ lädt sie herunter.`;
    // Another Laufzeit would drop it too: asked first, and kept with the old Laufzeit when the user keeps it.
    fireEvent.change(field(/^Laufzeit der neuen Periode/), { target: { value: "2029–2033" } });
    await answer("Weiter bearbeiten", sentence);
    expect((field(/^Laufzeit der neuen Periode/) as HTMLInputElement).value).toBe("2029–2032");
    expect(screen.getByText(`Neue Arbeitsmappe „${name}“ erstellt`)).toBeTruthy();
    await view("Prüfen");
    await answer("Weiter bearbeiten", sentence);
    expect(selected()).toBe("einrichten");
    expect(downloads).toEqual([]);
    await view("Prüfen");
    await answer("Speichern und weiter");
    await waitFor(() => expect(selected()).toBe("pruefen"));
    expect(downloads.map((d) => d.name)).toEqual([name]);
    const made = readConcept(
      await (await BrowserHost.open(await readFile(downloads[0]!.blob as File), name)).snapshot(),
    );
    expect(made.massnahmen.rows.length).toBeGreaterThan(0);
    expect(leavingAsks()).toBe(false);
  }, 60_000);

  it("asks about an imported workbook until it is opened here, which asks nothing about it; Start then leads to what it lacks", async () => {
    await openBeispiel();
    await view("Einrichten");
    const csv =
      "Nr.;Maßnahme;Handlungsfeld;Zuständigkeit;bis wann\r\n" +
      "1;Sprachcafé einrichten;Bildung;Jugendamt;Ende 2026\r\n" +
      "2;Elternlotsen ausbilden;Bildung;Jugendamt;30.06.2027\r\n" +
      "3;Wohnungsbörse;Wohnen;Sozialamt;2027\r\n";
    await pick("Liste auswählen", [new File([csv], "musterdorf.csv", { type: "text/csv" })]);
    await screen.findByText("Spalten der Liste", undefined, { timeout: 10_000 });
    await click("Übernehmen");
    await screen.findByText("Neue Arbeitsmappe „musterdorf – Maßnahmenplan.xlsx“ erstellt");
    expect(leavingAsks()).toBe(true);
    await view("Start");
    await answer(
      "Weiter bearbeiten",
      "Die neue Arbeitsmappe „musterdorf – Maßnahmenplan.xlsx“ ist noch in keiner Datei",
    );

    // Opening it keeps it: the guard does not ask about it (nor about beispiel.xlsx, which is unchanged).
    await click("Hier öffnen");
    await screen.findByText(/ist jetzt hier geöffnet/);
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    expect(status()).toBe("musterdorf – Maßnahmenplan.xlsx · übernommen, noch nicht heruntergeladen");
    expect(downloads).toEqual([]);

    // Start: what the list did not have, each line a link to its place.
    await view("Start");
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    const gaps = await screen.findByRole("region", { name: "Was noch fehlt" });
    expect(
      within(gaps)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toContain("3 Maßnahmen ohne Ziel: Ziele anlegen");
    await act(async () => {
      fireEvent.click(within(gaps).getByRole("button", { name: "3 Maßnahmen ohne Ziel: Ziele anlegen" }));
    });
    await waitFor(() => expect(selected()).toBe("listen"));
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Liste" }) as HTMLSelectElement).value).toBe("ziele"),
    );
  }, 60_000);
});

describe("Excel mode (Office.js fake)", () => {
  async function excel() {
    const fake = new FakeWorkbook();
    fake.addSheet("Tabelle1");
    const setup = new ExcelHost({ run: fake.run, isSetSupported: () => false });
    for (const plan of planNewWorkbook(templateContent("beispiel", TODAY)).sheets) await setup.applySheetPlan(plan);
    Object.assign(globalThis, {
      Excel: { run: fake.run },
      Office: {
        onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
        context: { requirements: { isSetSupported: () => false } },
      },
    });
    render(<App />);
    await screen.findByRole("heading", { name: "Stand des Konzepts" }, { timeout: 10_000 });
    return fake;
  }
  /** The user selects a cell on the sheet Maßnahmen. */
  const select = (fake: FakeWorkbook, address: string) =>
    act(async () => {
      await fake.fire("Maßnahmen", "selectionChanged", { address });
    });
  const picked = () => (screen.getByRole("combobox", { name: "Maßnahme" }) as HTMLInputElement).value;

  it("asks before a row selected in Excel replaces unsaved edits, and saves into the open workbook", async () => {
    const fake = await excel();
    expect(screen.getByText(/^Excel-Modus: .*\(PC\)\.$/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Arbeitsmappe öffnen …" })).toBeNull();

    // Outside the SMART template a selection changes nothing.
    await select(fake, "D3");
    await view("Maßnahme");
    await screen.findByRole("combobox", { name: "Maßnahme" });
    expect(picked()).toBe("Neue Maßnahme (M-021)");

    await select(fake, "D2");
    await waitFor(() => expect(picked()).toMatch(/^M-001 – /));
    fireEvent.click(screen.getByRole("button", { name: /^S – spezifisch/ }));
    fireEvent.change(field(/^Titel/), { target: { value: "Willkommensmappe in fünf Sprachen" } });

    await select(fake, "D3");
    await answer("Verwerfen", /Die Änderungen an M-001 sind noch nicht gespeichert\./);
    await waitFor(() => expect(picked()).toMatch(/^M-002 – /));
    expect(fake.value("Maßnahmen", 2, 4)).toBe("Willkommensmappe");

    fireEvent.click(screen.getByRole("button", { name: /^S – spezifisch/ }));
    fireEvent.change(field(/^Titel/), { target: { value: "Willkommensfest" } });
    await select(fake, "D4");
    await answer("Speichern und weiter");
    await waitFor(() => expect(picked()).toMatch(/^M-003 – /));
    expect(fake.value("Maßnahmen", 3, 4)).toBe("Willkommensfest");
    expect(
      screen.getByText(/Die Maßnahme M-002 ist gespeichert .*Sie steht in der geöffneten Arbeitsmappe/),
    ).toBeTruthy();
  }, 60_000);
});
