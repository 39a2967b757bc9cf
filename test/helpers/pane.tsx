/** Shared set-up of the pane's jsdom tests: browser shims, the example workbook, a view with a live session. */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { type Session, SessionContext } from "../../src/taskpane/session";
import { useGuard } from "../../src/taskpane/shell/Guard";
import type { WorkbookHost } from "../../src/workbook/host";
import { type ReadConcept, readConcept } from "../../src/workbook/read";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { createTemplateWorkbook } from "../../src/xlsx/concept";

export const TODAY = "2026-11-22";

/** jsdom lacks these; Fluent's positioning and motion ask for them. Call in beforeAll. */
export function installJsdomShims(): void {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
    }) as unknown as MediaQueryList;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** Answers the guard's dialog (checking that its text matches or contains `text`) and waits until it is gone. */
export async function answer(
  button: "Speichern und weiter" | "Verwerfen" | "Weiter bearbeiten",
  text?: RegExp | string,
) {
  // In jsdom Fluent's focus manager sometimes marks a dialog that follows another aria-hidden (it never did
  // in Chromium, where the e2e test answers it by role and axe checks it): found here including hidden.
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  if (text) expect(dialog.textContent).toMatch(text);
  await act(async () => {
    fireEvent.click(within(dialog).getByRole("button", { name: button, hidden: true }));
  });
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
}

export async function beispielHost(): Promise<BrowserHost> {
  return new BrowserHost(createTemplateWorkbook("beispiel", TODAY), "beispiel.xlsx");
}

/** The session with the pane's guard (its dialog asks as in the pane; the workbook is never at stake here). */
function Guarded({ session, children }: { session: Session; children: ReactElement }): ReactElement {
  const guard = useGuard({ unsaved: () => null, save: async () => undefined });
  return (
    <SessionContext.Provider value={{ ...session, leave: guard.leave, setPendingEdit: guard.setPendingEdit }}>
      {children}
      {guard.dialog}
    </SessionContext.Provider>
  );
}

/** Renders a view with a live session over a host (reload re-reads it like the pane does). */
export async function renderView(
  view: ReactElement,
  host: WorkbookHost | null,
  mode: Session["mode"] = "browser",
  /** What the pane adds in a mode (e.g. `openWorkbook` in browser mode). */
  extra: Partial<Session> = {},
) {
  let concept: ReadConcept | null = host ? readConcept(await host.snapshot()) : null;
  const session: Session = {
    mode,
    host,
    fileName: mode === "browser" ? "beispiel.xlsx" : "diese Arbeitsmappe",
    concept,
    problem: null,
    version: 0,
    today: TODAY,
    async reload(target) {
      const h = (target as WorkbookHost | undefined) ?? host;
      concept = h ? readConcept(await h.snapshot()) : null;
      session.concept = concept;
      session.version++;
      utils.rerender(wrap());
      return concept;
    },
    openMeasure: jest.fn(),
    navigate: jest.fn(),
    navRequest: null,
    // Replaced by the pane's own guard below.
    leave: async () => false,
    setPendingEdit: () => undefined,
    storage:
      mode === "browser"
        ? { kind: "browser", file: "beispiel.xlsx", saveBack: false, state: "unchanged" }
        : { kind: "excel" },
    ...extra,
  };
  const wrap = () => (
    <FluentProvider theme={webLightTheme}>
      <Guarded session={session}>{view}</Guarded>
    </FluentProvider>
  );
  const utils = render(wrap());
  return { ...utils, session };
}
