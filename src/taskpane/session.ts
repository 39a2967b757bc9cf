/**
 * The open workbook as the views see it: the host, the last read concept and what the user can do next.
 * Kept free of the domain at runtime (type imports only), so the first screen does not load it.
 */
import { createContext, useContext, useEffect, useRef } from "react";
import type { WorkbookHost } from "../workbook/host";
import type { ReadConcept } from "../workbook/read";

export type Mode = "excel" | "browser";

/** Where a finding, a count or a hint leads: the place in the pane that fixes it. */
export type NavTarget =
  | { view: "massnahme"; id?: string; field?: string }
  | {
      view: "listen";
      kind: "handlungsfelder" | "ziele" | "indikatoren" | "akteure" | "prozessplan" | "gebiete" | "einstellungen";
      id?: string;
    }
  | { view: "monitoring"; measure?: string; indicator?: string }
  | { view: "pruefen" }
  | { view: "start" };

/** Unsaved input a form holds: the guard asks before anything would drop it. */
export interface PendingEdit {
  /** What is unsaved, completing „Die Änderungen an … sind noch nicht gespeichert.“ (`M-012`). */
  subject: string;
  /**
   * Where „Änderungen an …“ does not fit (a preview to merge, a workbook built but in no file yet): the whole
   * sentence the guard shows instead, saying what „Speichern und weiter“ does with it.
   */
  sentence?: string;
  /** Saves the input; false when that failed (the form then says why, and the way out is not taken). */
  save(): Promise<boolean>;
  /** Drops the input: the form shows what is stored again. */
  discard(): void;
}

/**
 * What is at stake on a way out: `edits` the forms' unsaved input (switching view); `workbook` also the
 * workbook's changes not yet downloaded (opening another workbook); `{ edit }` only the input one form
 * announced under that key (choosing another entry within the form, which leaves the other forms be);
 * `{ opening }` as `workbook`, but not the input announced under that key: the workbook a form built is
 * being opened, which keeps it.
 */
export type LeaveScope = "edits" | "workbook" | { edit: string } | { opening: string };

/** Where the open workbook's saved changes are (see `whereSaved`). */
export type Storage =
  /** Excel holds them in the open workbook. */
  | { kind: "excel" }
  /**
   * Browser mode: `changed` while the page's memory holds changes the file lacks, `saved` once they are
   * written back (`saveBack`: through a file handle) or downloaded, `unchanged` as opened.
   */
  | { kind: "browser"; file: string; saveBack: boolean; state: "unchanged" | "changed" | "saved" };

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
  /**
   * Browser mode: opens the bytes of an .xlsx file in the pane in place of the open workbook, after the
   * guard (unsaved input, changes not yet downloaded); null when the user chose to keep working. `edit`:
   * the key under which the form that built these bytes announced them (opening them is no way out for them).
   */
  openWorkbook?(data: ArrayBuffer, fileName: string, edit?: string): Promise<WorkbookHost | null>;
  /** Shows a measure in the SMART template (through the guard). */
  openMeasure(id: string): void;
  /** Goes where `target` says, through the guard: the view, the measure, the field. */
  navigate(target: NavTarget): void;
  /** The last navigation (its `seq` grows), for the view it leads to. */
  navRequest: { target: NavTarget; seq: number } | null;
  /**
   * Takes a way out that would drop unsaved input: at once when nothing is at stake, else after asking
   * („Speichern und weiter“, „Verwerfen“, „Weiter bearbeiten“). Resolves false when the user keeps editing.
   */
  leave(action: () => void | Promise<void>, scope?: LeaveScope): Promise<boolean>;
  /** A form announces its unsaved input under `key` (null: none). Use `useUnsavedEdit`. */
  setPendingEdit(key: string, edit: PendingEdit | null): void;
  /** Where saved changes are now. */
  storage: Storage;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession außerhalb von SessionContext");
  return session;
}

/**
 * Registers a form's unsaved input with the guard while `edit` is not null; the latest closures are used,
 * so `save` and `discard` may change with every render.
 */
export function useUnsavedEdit(key: string, edit: PendingEdit | null): void {
  const { setPendingEdit } = useSession();
  const latest = useRef(edit);
  latest.current = edit;
  const active = edit !== null;
  useEffect(() => {
    if (!active) {
      setPendingEdit(key, null);
      return;
    }
    setPendingEdit(key, {
      get subject() {
        return latest.current?.subject ?? "";
      },
      get sentence() {
        return latest.current?.sentence;
      },
      save: () => latest.current?.save() ?? Promise.resolve(true),
      discard: () => latest.current?.discard(),
    });
    return () => setPendingEdit(key, null);
  }, [key, active, setPendingEdit]);
}

/**
 * One sentence: where a change written just now lives — in Excel the open workbook; in browser mode this
 * page's memory until the workbook is saved back or downloaded.
 */
export function whereSaved(storage: Storage): string {
  if (storage.kind === "excel") {
    return "Sie steht in der geöffneten Arbeitsmappe; Excel speichert die Datei wie gewohnt.";
  }
  return storage.saveBack
    ? `Sie ist im Browser übernommen, aber noch nicht in „${storage.file}“: Speichern Sie oben, bevor Sie die Seite schließen.`
    : "Sie ist im Browser übernommen, aber noch in keiner Datei: Laden Sie die Arbeitsmappe oben herunter, bevor Sie die Seite schließen.";
}

/** A message from an error, for the user. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message || "Unbekannter Fehler.";
}

/**
 * Opens a workbook the pane has just made (an import, a Fortschreibung) in place of the one open in the
 * browser mode, after the guard (`edit`: the key the made workbook is announced under, see `useMadeWorkbook`);
 * returns the sentence that tells the user, or throws with one German sentence.
 */
export async function openMadeWorkbook(
  session: Session,
  file: { data: ArrayBuffer; fileName: string },
  edit?: string,
): Promise<string> {
  if (!session.openWorkbook) throw new Error("Nur im Browser-Modus kann eine neue Arbeitsmappe hier geöffnet werden.");
  const host = await session.openWorkbook(file.data.slice(0), file.fileName, edit);
  if (!host) throw new Error(`„${file.fileName}“ ist nicht geöffnet: Sie bearbeiten „${session.fileName}“ weiter.`);
  await session.reload(host);
  return `„${file.fileName}“ ist jetzt hier geöffnet. Speichern Sie sie mit „Herunterladen“ oben, wenn Sie fertig sind.`;
}
