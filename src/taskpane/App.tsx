import { localIsoDate } from "../domain/dates";
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  type ComponentType,
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactElement,
  type RefObject,
} from "react";
import type { WorkbookHost } from "../workbook/host";
import type { Selection } from "../xlsx/browserHost";
import { type Mode, type NavTarget, type Session, SessionContext, errorText } from "./session";
import { canSaveBack, pickWithHandle, readFile } from "./services/download";
import { useGuard } from "./shell/Guard";
import { Header } from "./shell/Header";
import { Navigation } from "./shell/Navigation";
import { statusText, useUmgebung } from "./shell/environment";
import { useWorkbook } from "./shell/useWorkbook";

export { statusText, umgebungAus, type Umgebung } from "./shell/environment";

// Die Ansichten werden erst geladen, wenn sie gebraucht werden: der erste Bildschirm bleibt klein.
const StartView = lazy(() => import(/* webpackChunkName: "view-start" */ "./features/start/StartView"));
const EinrichtenView = lazy(
  () => import(/* webpackChunkName: "view-einrichten" */ "./features/einrichten/EinrichtenView"),
);
const MassnahmeView = lazy(() => import(/* webpackChunkName: "view-massnahme" */ "./features/massnahme/MassnahmeView"));
const PruefenView = lazy(() => import(/* webpackChunkName: "view-pruefen" */ "./features/pruefen/PruefenView"));
const BewertungView = lazy(() => import(/* webpackChunkName: "view-bewertung" */ "./features/bewertung/BewertungView"));
const VerteilenView = lazy(() => import(/* webpackChunkName: "view-verteilen" */ "./features/verteilen/VerteilenView"));
const MonitoringView = lazy(
  () => import(/* webpackChunkName: "view-monitoring" */ "./features/monitoring/MonitoringView"),
);
const ListenView = lazy(() => import(/* webpackChunkName: "view-listen" */ "./features/listen/ListenView"));

type View = "start" | "massnahme" | "pruefen" | "monitoring" | "listen" | "bewertung" | "verteilen" | "einrichten";

/**
 * The views in the order of the tab row (what does not fit goes into „Mehr“), most used first. `keep`:
 * the view stays mounted while another is shown, so its form survives the switch.
 */
const VIEWS: { value: View; label: string; keep?: boolean }[] = [
  { value: "start", label: "Start" },
  { value: "massnahme", label: "Maßnahme", keep: true },
  { value: "pruefen", label: "Prüfen" },
  { value: "monitoring", label: "Monitoring" },
  { value: "listen", label: "Listen" },
  { value: "bewertung", label: "Bewertung" },
  { value: "verteilen", label: "Verteilen" },
  { value: "einrichten", label: "Einrichten" },
];

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    maxWidth: "720px",
  },
  hidden: { display: "none" },
  view: { paddingTop: tokens.spacingVerticalXS },
  // The selected cell stays in sight wherever the user clicked it (the Prüfen list can be long).
  selection: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    boxShadow: tokens.shadow4,
    overflowWrap: "anywhere",
  },
  // The SMART template has its own sticky footer: there the selected cell is shown in the flow.
  inFlow: { position: "static", boxShadow: "none" },
});

interface SelectionSource {
  onSelection(listener: (s: Selection | null) => void): () => void;
  cellText(sheet: string, address: string): string;
}
const hasSelection = (host: WorkbookHost | null): host is WorkbookHost & SelectionSource =>
  !!host && typeof (host as Partial<SelectionSource>).onSelection === "function";

const todayIso = () => localIsoDate(new Date());

/** Asks before the page is left (reload, closing the tab) while `atStake()` says something would be lost. */
function useBeforeUnload(active: boolean, atStake: () => boolean): void {
  const latest = useRef(atStake);
  latest.current = atStake;
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (!latest.current()) return;
      event.preventDefault();
      event.returnValue = ""; // older Chromium shows the dialog only with a return value
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [active]);
}

/** The selected cell in browser mode (Excel shows its own). */
function useSelection(host: WorkbookHost | null) {
  const [selection, setSelection] = useState<{ label: string; text: string } | null>(null);
  useEffect(() => {
    if (!hasSelection(host)) return;
    return host.onSelection((s) =>
      setSelection(s ? { label: `${s.sheet}!${s.address}`, text: host.cellText(s.sheet, s.address) } : null),
    );
  }, [host]);
  return [selection, setSelection] as const;
}

export function App(): ReactElement {
  const styles = useStyles();
  const umgebung = useUmgebung();
  const mode: Mode = umgebung?.art === "excel" ? "excel" : "browser";
  const workbook = useWorkbook(mode);
  const { host, storage } = workbook;
  const guard = useGuard({
    unsaved: () =>
      storage.kind === "browser" && storage.state === "changed"
        ? `„${storage.file}“ hat Änderungen, die noch ${storage.saveBack ? "nicht in der Datei gespeichert" : "nicht heruntergeladen"} sind.`
        : null,
    save: workbook.save,
  });
  const [view, setView] = useState<View>("start");
  const [visited, setVisited] = useState<ReadonlySet<View>>(() => new Set(["start"]));
  const [navRequest, setNavRequest] = useState<Session["navRequest"]>(null);
  const [selection, setSelection] = useSelection(host);
  const viewRef = useRef(view);
  viewRef.current = view;
  const fileInput = useRef<HTMLInputElement>(null);
  const today = useMemo(todayIso, []);

  useBeforeUnload(
    mode === "browser",
    () => guard.hasPendingEdits() || (storage.kind === "browser" && storage.state === "changed"),
  );

  const show = useCallback(
    (next: View) => {
      setView(next);
      setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
      setSelection(null);
    },
    [setSelection],
  );
  const request = useCallback((target: NavTarget) => setNavRequest((r) => ({ target, seq: (r?.seq ?? 0) + 1 })), []);

  const navigate = (target: NavTarget) => {
    const next = VIEWS.find((v) => v.value === target.view)?.value;
    if (!next) return; // a view that is not registered (yet)
    void guard.leave(() => {
      show(next);
      request(target);
    });
  };

  useExcel(umgebung, workbook, {
    // A row selected in Excel loads its measure while the SMART template is shown (through its guard).
    onMeasure: (id) => viewRef.current === "massnahme" && request({ view: "massnahme", id }),
    onOpened: () => show("start"),
  });

  const { busy, openPicked, chooseFile, saveFile } = useBrowserFiles(workbook, guard, () => show("start"), fileInput);

  const session: Session = {
    mode,
    host,
    fileName: workbook.fileName,
    concept: workbook.concept,
    problem: workbook.problem,
    version: workbook.version,
    today,
    reload: (target?: WorkbookHost) => workbook.load(target ?? host),
    ...(mode === "browser"
      ? {
          newWorkbook: workbook.create,
          openWorkbook: async (data: ArrayBuffer, name: string, edit?: string) => {
            let opened: WorkbookHost | null = null;
            await guard.leave(
              async () => {
                opened = await workbook.open({ data, name, handle: null }, true);
              },
              edit ? { opening: edit } : "workbook",
            );
            return opened;
          },
        }
      : {}),
    openMeasure: (id: string) => navigate({ view: "massnahme", id }),
    navigate,
    navRequest,
    leave: guard.leave,
    setPendingEdit: guard.setPendingEdit,
    storage,
  };

  const browser = mode === "browser" && umgebung !== null;
  return (
    <FluentProvider theme={webLightTheme}>
      <SessionContext.Provider value={session}>
        <main className={styles.main}>
          <Header
            status={statusText(umgebung, !!host)}
            storage={storage}
            fileName={browser && host ? workbook.fileName : null}
            busy={busy}
            {...(browser ? { onOpen: () => void chooseFile() } : {})}
            {...(browser && host ? { onSave: () => void saveFile() } : {})}
          />
          {browser && (
            <input
              ref={fileInput}
              className={styles.hidden}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="Arbeitsmappe öffnen"
              tabIndex={-1}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void readFile(file).then((data) => openPicked({ data, name: file.name, handle: null }));
              }}
            />
          )}
          {workbook.problem && (
            <MessageBar intent={workbook.concept === null && host ? "warning" : "error"}>
              <MessageBarBody>{workbook.problem}</MessageBarBody>
            </MessageBar>
          )}
          <Navigation views={VIEWS} selected={view} onSelect={(next) => void guard.leave(() => show(next))} />
          {VIEWS.filter((v) => v.value === view || (v.keep && visited.has(v.value))).map((v) => (
            <section key={v.value} aria-label={v.label} hidden={v.value !== view} className={styles.view}>
              <Suspense fallback={<Spinner size="small" label="Wird geladen …" />}>
                {renderView(v.value, { onOpen: browser ? () => void chooseFile() : undefined, onShow: show })}
              </Suspense>
            </section>
          ))}
          <SelectionStatus selection={selection} inFlow={view === "massnahme"} />
          {guard.dialog}
        </main>
      </SessionContext.Provider>
    </FluentProvider>
  );
}

/** Browser mode: the selected cell, in sight wherever it was clicked (in the flow under the SMART template). */
function SelectionStatus({
  selection,
  inFlow,
}: {
  selection: { label: string; text: string } | null;
  inFlow: boolean;
}): ReactElement {
  const styles = useStyles();
  return (
    <div
      className={selection ? mergeClasses(styles.selection, inFlow && styles.inFlow) : undefined}
      role="status"
      aria-live="polite"
    >
      {selection && (
        <Body1>
          Ausgewählte Zelle: <strong>{selection.label}</strong>
          {selection.text ? ` – „${selection.text}“` : " (leer)"}
        </Body1>
      )}
    </div>
  );
}

/**
 * Browser mode: opening a chosen file in place of the open workbook (once the guard let it), through the file
 * picker that can save back where there is one, and saving.
 */
function useBrowserFiles(
  workbook: ReturnType<typeof useWorkbook>,
  guard: ReturnType<typeof useGuard>,
  onOpened: () => void,
  fileInput: RefObject<HTMLInputElement | null>,
) {
  const [busy, setBusy] = useState(false);
  const openPicked = (picked: Parameters<typeof workbook.open>[0]) =>
    guard.leave(async () => {
      setBusy(true);
      workbook.setProblem(null);
      try {
        await workbook.load(await workbook.open(picked));
        onOpened();
      } catch (error) {
        workbook.setProblem(errorText(error));
      } finally {
        setBusy(false);
      }
    }, "workbook");
  const chooseFile = async () => {
    if (!canSaveBack()) return fileInput.current?.click();
    try {
      const picked = await pickWithHandle();
      if (picked) await openPicked(picked);
    } catch (error) {
      workbook.setProblem(errorText(error));
    }
  };
  const saveFile = async () => {
    setBusy(true);
    try {
      await workbook.save();
    } catch (error) {
      workbook.setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, openPicked, chooseFile, saveFile };
}

function renderView(view: View, start: { onOpen?: () => void; onShow(view: "einrichten"): void }): ReactElement {
  const views: Record<Exclude<View, "start">, ComponentType> = {
    massnahme: MassnahmeView,
    pruefen: PruefenView,
    monitoring: MonitoringView,
    listen: ListenView,
    bewertung: BewertungView,
    verteilen: VerteilenView,
    einrichten: EinrichtenView,
  };
  if (view === "start") return <StartView onOpen={start.onOpen} onSetUp={() => start.onShow("einrichten")} />;
  const Component = views[view];
  return <Component />;
}

/** Excel: takes the Office.js host, reads the workbook, re-reads after changes and follows the selection. */
function useExcel(
  umgebung: ReturnType<typeof useUmgebung>,
  workbook: ReturnType<typeof useWorkbook>,
  on: { onMeasure(id: string): void; onOpened(): void },
): void {
  const latest = useRef(on);
  latest.current = on;
  const { attach, load, setProblem } = workbook;
  useEffect(() => {
    if (umgebung?.art !== "excel") return;
    let aktiv = true;
    const disposers: (() => Promise<void>)[] = [];
    import(/* webpackChunkName: "excel-host" */ "./services/excelHost")
      .then((m) => m.createExcelHost())
      .then(async (h) => {
        if (!aktiv) return;
        attach(h, "diese Arbeitsmappe");
        await load(h);
        latest.current.onOpened();
        // Änderungen im Blatt prüfen nach kurzer Pause neu; eine Zeile in „Maßnahmen“ lädt die Maßnahme.
        const offChange = await h.onChangeDebounced?.(() => void load(h), 800);
        const offSelect = await h.onMeasureSelected?.((id) => {
          if (id) latest.current.onMeasure(id);
        });
        disposers.push(...[offChange, offSelect].filter((d): d is () => Promise<void> => !!d));
      })
      .catch((error) => aktiv && setProblem(errorText(error)));
    return () => {
      aktiv = false;
      for (const d of disposers) void d().catch(() => undefined);
    };
  }, [umgebung, attach, load, setProblem]);
}
