/** @jest-environment jsdom */
/**
 * The status query round in the pane's browser mode: the Verteilen view makes the query files (Sachstände
 * and Indikatorwerte to fill), a filled return is previewed and merged — rows appended by key, empty rows
 * listed as nicht gemeldet — and merging it again adds nothing.
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { referenceId } from "../../src/domain/values";
import VerteilenView from "../../src/taskpane/features/verteilen/VerteilenView";
import { readConcept } from "../../src/workbook/read";
import { splitWorkbook } from "../../src/xlsx/circulation";
import { toExcelJs } from "../helpers/xlsx";
import { TODAY, beispielHost, installJsdomShims, renderView } from "../helpers/pane";

beforeAll(() => {
  installJsdomShims();
  URL.createObjectURL = () => "blob:abfrage";
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
});
afterEach(cleanup);

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};
const pick = async (files: File[]) => {
  await act(async () => {
    fireEvent.change(screen.getByLabelText("Rückläufe auswählen"), { target: { files } });
  });
};

/** A cell of a table sheet by the row whose first column is `first` and the header `header`. */
function setCell(ws: ExcelJS.Worksheet, first: string, header: string, value: ExcelJS.CellValue) {
  let column = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.text === header) column = i;
  });
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).text === first) ws.getCell(r, column).value = value;
}

describe("Verteilen: Sachstandsabfrage", () => {
  it("offers the status query beside the full split", async () => {
    const host = await beispielHost();
    await renderView(<VerteilenView />, host);
    const stichtag = screen.getByLabelText("Berichtsstichtag der Sachstandsabfrage") as HTMLInputElement;
    expect(stichtag.value).toBe("30.06.2026"); // the Berichtsstichtag due, not today
    fireEvent.change(stichtag, { target: { value: "31.12.2026" } });
    await click("Sachstandsabfrage erstellen");
    const list = await screen.findByRole("list", { name: "Dateien zum Verteilen" });
    const names = within(list)
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(names).toHaveLength(7);
    // Named as what they are, not like the files of a distribution.
    expect(names).toContain("beispiel – Sachstandsabfrage 31.12.2026 – Fachbereich 4 – Jugend.xlsx");
    expect(names).toContain("beispiel – Sachstandsabfrage 31.12.2026 – Jobcenter Beispielkreis.xlsx");
    expect(names.every((n) => n!.startsWith("beispiel – Sachstandsabfrage 31.12.2026 – "))).toBe(true);
    await click("Alle 7 Dateien als ZIP herunterladen");
    await screen.findByText(/„beispiel – Sachstandsabfrage 31\.12\.2026\.zip“ mit 7 Dateien wird heruntergeladen/);
  });

  it("appends the reported rows by key, lists the rest as nicht gemeldet, and merging again adds nothing", async () => {
    const host = await beispielHost();
    const { files } = await splitWorkbook(host.document, {
      masterFile: "beispiel.xlsx",
      date: TODAY,
      sachstand: "2026-12-31",
    });
    const fb4 = files.find((f) => f.recipient.name === "Fachbereich 4 – Jugend")!;
    const returned = await toExcelJs(fb4.workbook);
    setCell(returned.getWorksheet("Sachstände")!, "M-007", "Sachstand", "Zwölf Elternbegleiterinnen sind ausgebildet.");
    setCell(returned.getWorksheet("Indikatorwerte")!, "I-012", "Wert", 75);
    const file = new File([(await returned.xlsx.writeBuffer()) as ArrayBuffer], fb4.fileName);

    await renderView(<VerteilenView />, host);
    await pick([file]);
    await screen.findByText(
      /Vorschau \(noch nichts geschrieben\).*; 1 Sachstand und 1 Indikatorwert werden angefügt\.$/,
    );
    await click("Zusammenführen");
    await screen.findByText(/Zusammengeführt:/);

    const concept = async () => readConcept(await host.snapshot());
    const m7 = (await concept()).sachstaende!.rows.filter((r) => referenceId(r.values.massnahme ?? null) === "M-007");
    expect(m7.map((r) => r.values.sachstand)).toEqual(["Zwölf Elternbegleiterinnen sind ausgebildet."]);
    expect(
      (await concept())
        .indikatorwerte!.rows.filter((r) => referenceId(r.values.indikator ?? null) === "I-012")
        .map((r) => r.values.wert),
    ).toEqual([75]);
    const log = (await toExcelJs(host.document)).getWorksheet("Zusammenführung")!;
    const actions: string[] = [];
    log.eachRow((row, r) => r > 1 && actions.push(row.getCell(4).text));
    expect(actions.filter((a) => a === "angefügt")).toHaveLength(2);
    expect(actions.filter((a) => a === "nicht gemeldet")).toHaveLength(3 + 2);

    const counts = async () => {
      const c = await concept();
      return { s: c.sachstaende!.rows.length, i: c.indikatorwerte!.rows.length };
    };
    const before = await counts();
    await pick([file]);
    await screen.findByText(/Vorschau \(noch nichts geschrieben\)/);
    await click("Zusammenführen");
    await screen.findByText(/Zusammengeführt:/);
    expect(await counts()).toEqual(before);
  });
});
