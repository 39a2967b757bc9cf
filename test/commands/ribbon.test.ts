/** @jest-environment jsdom */
/**
 * The ribbon's „Prüfen“ runs without the pane: when it cannot check, the user sees why in an Office dialog
 * (meldung.html), and the command completes only once the dialog is closed. When it can, the Prüfbericht
 * is written and selected.
 */
import { BrowserHost } from "../../src/xlsx/browserHost";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { toExcelJs } from "../helpers/xlsx";

const host: { current: unknown } = { current: null };
jest.mock("../../src/taskpane/services/excelHost", () => ({ createExcelHost: async () => host.current }));

type Handler = (arg?: unknown) => void;
const dialogs: { url: string; handlers: Map<string, Handler>; closed: boolean }[] = [];
const commands = new Map<string, (event: { completed(): void }) => Promise<void>>();

beforeAll(async () => {
  (globalThis as Record<string, unknown>).Office = {
    onReady: () => Promise.resolve({ host: "Excel" }),
    actions: { associate: (name: string, f: never) => commands.set(name, f) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      document: { url: "C:\\Konzepte\\Konzept 2027.xlsx" },
      ui: {
        displayDialogAsync(url: string, _options: unknown, callback: (r: unknown) => void) {
          const dialog = { url, handlers: new Map<string, Handler>(), closed: false };
          dialogs.push(dialog);
          callback({
            status: "succeeded",
            value: {
              addEventHandler: (type: string, h: Handler) => dialog.handlers.set(type, h),
              close: () => (dialog.closed = true),
            },
          });
        },
      },
    },
  };
  await import("../../src/commands/commands");
});

const textOf = (url: string) => new URL(url).searchParams.get("text");

describe("ribbon „Prüfen“", () => {
  it("shows why it could not check in a dialog and completes once the user closes it", async () => {
    host.current = await BrowserHost.create("leer.xlsx");
    const completed = jest.fn();
    const done = commands.get("pruefen")!({ completed });
    await new Promise((r) => setTimeout(r, 50));
    expect(dialogs).toHaveLength(1);
    expect(new URL(dialogs[0]!.url).pathname).toMatch(/\/meldung\.html$/);
    expect(textOf(dialogs[0]!.url)).toBe(
      "Diese Arbeitsmappe hat noch keine Tabelle „Maßnahmen“. Öffnen Sie den Maßnahmenplaner und legen Sie die Struktur unter „Einrichten“ an.",
    );
    expect(completed).not.toHaveBeenCalled();
    dialogs[0]!.handlers.get("dialogMessageReceived")!({ message: "schliessen" });
    await done;
    expect(dialogs[0]!.closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("names a host error in the dialog", async () => {
    const inner = new BrowserHost(await createTemplateWorkbook("beispiel", "2026-11-22"), "x.xlsx");
    host.current = { ...inner, snapshot: () => inner.snapshot(), applySheetPlan: () => Promise.reject(new Error("Das Blatt ist geschützt.")) };
    const completed = jest.fn();
    const done = commands.get("pruefen")!({ completed });
    await new Promise((r) => setTimeout(r, 200));
    expect(textOf(dialogs.at(-1)!.url)).toBe("Prüfen war nicht möglich: Das Blatt ist geschützt.");
    dialogs.at(-1)!.handlers.get("dialogEventReceived")!({ error: 12006 });
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("writes and selects the Prüfbericht without a dialog when the check runs", async () => {
    const inner = new BrowserHost(await createTemplateWorkbook("beispiel", "2026-11-22"), "x.xlsx");
    host.current = inner;
    const before = dialogs.length;
    const completed = jest.fn();
    await commands.get("pruefen")!({ completed });
    expect(dialogs).toHaveLength(before);
    expect((await toExcelJs(inner.document)).getWorksheet("Prüfbericht")).toBeTruthy();
    expect(inner.selected()).toEqual({ sheet: "Prüfbericht", address: "A1" });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
