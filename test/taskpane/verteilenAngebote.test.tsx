/** @jest-environment jsdom */
/**
 * An Erfassungsbogen (`split --angebote`) picked in the Verteilen view: the pane does not merge Angebote, so
 * the return is refused with one sentence before anything is written — its Angebote are never lost silently.
 */
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import VerteilenView from "../../src/taskpane/features/verteilen/VerteilenView";
import { readConcept } from "../../src/workbook/read";
import { splitWorkbook } from "../../src/xlsx/circulation";
import { toExcelJs } from "../helpers/xlsx";
import { TODAY, beispielHost, installJsdomShims, renderView } from "../helpers/pane";

beforeAll(() => {
  installJsdomShims();
  URL.createObjectURL = () => "blob:erfassung";
  URL.revokeObjectURL = () => undefined;
});
afterEach(cleanup);

const pick = async (files: File[]) => {
  await act(async () => {
    fireEvent.change(screen.getByLabelText("Rückläufe auswählen"), { target: { files } });
  });
};

describe("Verteilen: Erfassungsbogen der Angebote", () => {
  it("refuses a return with Angebote before anything is written, and merges a plain return still", async () => {
    const host = await beispielHost();
    const { files: bogen } = await splitWorkbook(host.document, {
      masterFile: "beispiel.xlsx",
      date: TODAY,
      angebote: true,
    });
    const withAngebote = bogen.find((f) => (f.angebote ?? 0) > 0)!;
    const returned = await toExcelJs(withAngebote.workbook);
    const ws = returned.getWorksheet("Angebote")!;
    ws.getCell(2, 2).value = "Geändert im Fachbereich";
    const file = new File([(await returned.xlsx.writeBuffer()) as ArrayBuffer], withAngebote.fileName);
    const plain = (await splitWorkbook(host.document, { masterFile: "beispiel.xlsx", date: TODAY })).files[0]!;
    const plainFile = new File(
      [(await toExcelJs(plain.workbook).then((w) => w.xlsx.writeBuffer())) as ArrayBuffer],
      plain.fileName,
    );
    const before = JSON.stringify(readConcept(await host.snapshot()).angebote!.rows);

    await renderView(<VerteilenView />, host);
    await pick([plainFile, file]);
    const sentence = await screen.findByText(
      `Die Datei „${withAngebote.fileName}“ enthält Angebote (Erfassungsbogen); bitte mit „massnahmenplaner merge“ zusammenführen, damit keine Angebote verloren gehen.`,
    );
    expect(sentence).toBeTruthy();
    expect(screen.queryByText(/Vorschau \(noch nichts geschrieben\)/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Zusammenführen" })).toBeNull();
    expect(JSON.stringify(readConcept(await host.snapshot()).angebote!.rows)).toBe(before);
    expect((await toExcelJs(host.document)).getWorksheet("Zusammenführung")).toBeUndefined();

    await pick([plainFile]);
    await screen.findByText(/Vorschau \(noch nichts geschrieben\)/);
    expect(screen.queryByText(/enthält Angebote/)).toBeNull();
  });
});
