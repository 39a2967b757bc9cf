/**
 * The open workbook as the views see it: the host, the last read concept and what the user can do next.
 * Kept free of the domain at runtime (type imports only), so the first screen does not load it.
 */
import { createContext, useContext } from "react";
import type { WorkbookHost } from "../workbook/host";
import type { ReadConcept } from "../workbook/read";

export type Mode = "excel" | "browser";

/** Where a finding, a count or a hint leads: the place in the pane that fixes it. */
export type NavTarget =
  | { view: "massnahme"; id?: string; field?: string }
  | { view: "listen"; kind: "handlungsfelder" | "ziele" | "indikatoren" | "akteure" | "einstellungen"; id?: string }
  | { view: "monitoring"; measure?: string; indicator?: string }
  | { view: "pruefen" }
  | { view: "start" };

export interface Session {
  mode: Mode;
  host: WorkbookHost | null;
  /** Name of the workbook (the file in browser mode). */
  fileName: string;
  /** The workbook as last read; null while none is open or it has no Maßnahmen table yet. */
  concept: ReadConcept | null;
  /** Why `concept` is null, in one German sentence (null when there is nothing to say). */
  problem: string | null;
  /** Increases with every read, so views can recompute. */
  version: number;
  today: string;
  /** Reads the workbook again (after a write, or when the user asks); `target` right after `newWorkbook`. */
  reload(target?: WorkbookHost): Promise<ReadConcept | null>;
  /** Browser mode: starts a new, empty workbook. */
  newWorkbook?(): Promise<WorkbookHost>;
  /** Browser mode: opens the bytes of an .xlsx file in the pane (it replaces the workbook open there). */
  openWorkbook?(data: ArrayBuffer, fileName: string): Promise<WorkbookHost>;
  /** Shows a measure in the SMART template. */
  openMeasure(id: string): void;
  /** The measure the Maßnahme view should show (set by `openMeasure`). */
  requestedMeasure: { id: string; seq: number } | null;
  /** Goes to the place that fixes something (a field of a measure, a row of a list, the Monitoring form). */
  navigate(target: NavTarget): void;
  /** The last target navigated to, for the view it names to open what it points at. */
  requestedTarget?: { target: NavTarget; seq: number } | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession außerhalb von SessionContext");
  return session;
}

/** A message from an error, for the user. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message || "Unbekannter Fehler.";
}

/**
 * Opens a workbook the pane has just made (an import, a Fortschreibung) in place of the one open in the
 * browser mode; returns the sentence that tells the user, or throws with one German sentence.
 */
export async function openMadeWorkbook(
  session: Session,
  file: { data: ArrayBuffer; fileName: string },
): Promise<string> {
  if (!session.openWorkbook) throw new Error("Nur im Browser-Modus kann eine neue Arbeitsmappe hier geöffnet werden.");
  const host = await session.openWorkbook(file.data.slice(0), file.fileName);
  await session.reload(host);
  return `„${file.fileName}“ ist jetzt hier geöffnet. Laden Sie sie mit „Arbeitsmappe herunterladen“ herunter, wenn Sie fertig sind.`;
}
