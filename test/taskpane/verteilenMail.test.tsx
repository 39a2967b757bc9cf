/** @jest-environment jsdom */
/**
 * „Mail-Entwürfe beilegen“ in the Verteilen view: the ZIP holds beside each file its mail draft (.eml), read back
 * with a real MIME parser — addressed to the recipient's Ansprechpersonen, carrying the very bytes of the file in
 * the archive — and the view names the drafts whose address is missing before anything is sent.
 */
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { unzipSync } from "fflate";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import VerteilenView from "../../src/taskpane/features/verteilen/VerteilenView";
import { beispielHost, installJsdomShims, renderView } from "../helpers/pane";
import { parseEml } from "../helpers/mime";

const blobs: Blob[] = [];
const downloads: string[] = [];
let dir: string;

beforeAll(() => {
  installJsdomShims();
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return "blob:mail";
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnp-pane-mail-"));
});
afterEach(cleanup);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

describe("Verteilen: Mail-Entwürfe", () => {
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
  });
});
