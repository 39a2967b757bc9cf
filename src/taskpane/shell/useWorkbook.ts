/**
 * The workbook the pane works on: the host (Office.js in Excel, the package layer in the browser), the concept as last
 * read, and in browser mode whether its changes are still only in this page's memory.
 */
import { useCallback, useRef, useState } from "react";
import type { WorkbookHost } from "../../workbook/host";
import type { ReadConcept } from "../../workbook/read";
import { NO_MASSNAHMEN_TEXT } from "../components";
import { type Mode, type Storage, errorText } from "../session";
import { type PickedFile, type WorkbookFileHandle, download, writeBack } from "../services/download";

/** The host methods that change the workbook (see WorkbookHost). */
const WRITES = new Set<PropertyKey>(["applySheetPlan", "createSheetsIfMissing", "writeRows"]);

/**
 * The host as it is, except that each write also calls `onWrite` once it succeeded: every view writes
 * through the host, so this is where the pane learns that the browser's copy now differs from the file.
 */
export function trackWrites<T extends WorkbookHost>(host: T, onWrite: () => void): T {
  return new Proxy(host, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (!WRITES.has(property)) return bound;
      return async (...args: unknown[]) => {
        const result = await bound(...args);
        onWrite();
        return result;
      };
    },
  });
}

type BrowserState = Extract<Storage, { kind: "browser" }>["state"];

export interface Workbook {
  host: WorkbookHost | null;
  fileName: string;
  concept: ReadConcept | null;
  problem: string | null;
  version: number;
  storage: Storage;
  setProblem(problem: string | null): void;
  /** Reads the workbook (the open one unless `target`). */
  load(target?: WorkbookHost | null): Promise<ReadConcept | null>;
  /** Excel: the open workbook's host. */
  attach(host: WorkbookHost, name: string): void;
  /**
   * Browser mode: opens a file in place of the open workbook (no guard: the caller asked). `made`: a
   * workbook the pane has just built (an import, a Fortschreibung), which no file holds yet.
   */
  open(file: PickedFile, made?: boolean): Promise<WorkbookHost>;
  /** Browser mode: a new, empty workbook. */
  create(): Promise<WorkbookHost>;
  /** Browser mode: writes the workbook back into its file, or downloads it under its name. */
  save(): Promise<void>;
}

export function useWorkbook(mode: Mode): Workbook {
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [fileName, setFileName] = useState("");
  const [concept, setConcept] = useState<ReadConcept | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<BrowserState>("unchanged");
  const [handle, setHandle] = useState<WorkbookFileHandle | null>(null);
  const hostRef = useRef<WorkbookHost | null>(null);

  const load = useCallback(async (target?: WorkbookHost | null): Promise<ReadConcept | null> => {
    const source = target ?? hostRef.current;
    if (!source) return null;
    const ops = await import(/* webpackChunkName: "operations" */ "../services/operations");
    try {
      const read = await ops.readWorkbook(source);
      setConcept(read);
      setProblem(null);
      return read;
    } catch (error) {
      setConcept(null);
      setProblem(error instanceof ops.UnreadableWorkbookError ? NO_MASSNAHMEN_TEXT : errorText(error));
      return null;
    } finally {
      setVersion((v) => v + 1);
    }
  }, []);

  const use = useCallback((next: WorkbookHost, name: string) => {
    hostRef.current = next;
    setHost(next);
    setFileName(name);
  }, []);

  const attach = useCallback((next: WorkbookHost, name: string) => use(next, name), [use]);

  const open = useCallback(
    async (file: PickedFile, made = false): Promise<WorkbookHost> => {
      const { BrowserHost } = await import(/* webpackChunkName: "browser-host" */ "../../xlsx/browserHost");
      const opened = trackWrites(await BrowserHost.open(file.data, file.name), () => setState("changed"));
      use(opened, file.name);
      setHandle(file.handle);
      setState(made ? "changed" : "unchanged");
      return opened;
    },
    [use],
  );

  const create = useCallback(async (): Promise<WorkbookHost> => {
    const { BrowserHost } = await import(/* webpackChunkName: "browser-host" */ "../../xlsx/browserHost");
    const created = await BrowserHost.create("Maßnahmenplan.xlsx");
    use(
      trackWrites(created, () => setState("changed")),
      created.fileName,
    );
    setHandle(null);
    setState("changed");
    return hostRef.current!;
  }, [use]);

  const save = useCallback(async () => {
    const current = hostRef.current;
    if (!current) return;
    const file = await current.file();
    const name = fileName || file.name;
    if (!(handle && (await writeBack(handle, file.data)))) {
      setHandle(null);
      download(file.data, name);
    }
    setState("saved");
  }, [fileName, handle]);

  const storage: Storage =
    mode === "excel" ? { kind: "excel" } : { kind: "browser", file: fileName, saveBack: !!handle, state };
  return { host, fileName, concept, problem, version, storage, setProblem, load, attach, open, create, save };
}
