import { localIsoDate } from "../domain/dates";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Subtitle1,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import type { WorkbookHost } from "../workbook/host";
import type { ReadConcept } from "../workbook/read";
import type { Selection } from "../xlsx/browserHost";
import { type Mode, type NavTarget, type Session, SessionContext, errorText } from "./session";
import { download, readFile } from "./services/download";
import { NO_MASSNAHMEN_TEXT } from "./components";

/** Wo der Aufgabenbereich läuft (im Zustand steht `null`, solange office.js sich noch nicht gemeldet hat). */
export type Umgebung =
  { art: "excel"; plattform: string | null } | { art: "anderer-host"; host: string } | { art: "browser" };

/**
 * Status-Text für die Umgebung (rein, damit er ohne Office testbar ist). Im Browser-Modus erklärt er das
 * Vorgehen nur, solange keine Arbeitsmappe offen ist: danach zählt im schmalen Bereich jede Zeile.
 */
export function statusText(umgebung: Umgebung | null, geoeffnet = false): string {
  if (umgebung === null) return "Verbindung zu Excel wird geprüft …";
  switch (umgebung.art) {
    case "excel":
      return umgebung.plattform
        ? `Excel-Modus: Der Maßnahmenplaner ist mit Excel verbunden (${umgebung.plattform}).`
        : "Excel-Modus: Der Maßnahmenplaner ist mit Excel verbunden.";
    case "anderer-host":
      return `Dieser Aufgabenbereich läuft in ${umgebung.host}, ist aber für Excel gedacht.`;
    case "browser":
      return geoeffnet
        ? "Browser-Modus (ohne Excel)."
        : "Browser-Modus: Diese Seite läuft ohne Excel. Öffnen Sie eine Arbeitsmappe (.xlsx) und laden Sie sie danach wieder herunter.";
  }
}

/**
 * Ordnet das Ergebnis von `Office.onReady` einer Umgebung zu. Die Typen deklarieren `HostType` als
 * Zahlen-Enum, zur Laufzeit sind es aber Zeichenketten ("Excel", "Word", …) bzw. `null` ohne Office.
 */
export function umgebungAus(info: { host?: unknown; platform?: unknown } | null | undefined): Umgebung {
  if (!info || info.host === null || info.host === undefined) return { art: "browser" };
  const host = String(info.host);
  if (host === "Excel") {
    return { art: "excel", plattform: info.platform == null ? null : String(info.platform) };
  }
  return { art: "anderer-host", host };
}

// Die Ansichten werden erst geladen, wenn sie gebraucht werden: der erste Bildschirm bleibt klein.
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

type View = "einrichten" | "massnahme" | "pruefen" | "bewertung" | "verteilen" | "monitoring" | "listen";
const VIEWS: { value: View; label: string }[] = [
  { value: "einrichten", label: "Einrichten" },
  { value: "massnahme", label: "Maßnahme" },
  { value: "pruefen", label: "Prüfen" },
  { value: "bewertung", label: "Bewertung" },
  { value: "verteilen", label: "Verteilen" },
  { value: "monitoring", label: "Monitoring" },
  { value: "listen", label: "Listen" },
];

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "720px",
  },
  status: { color: tokens.colorNeutralForeground2 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  hidden: { display: "none" },
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
  // Six and more views in 320 px: the tabs wrap onto a second line instead of running off the pane.
  tabs: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXXS },
  fileName: { overflowWrap: "anywhere" },
});

interface SelectionSource {
  onSelection(listener: (s: Selection | null) => void): () => void;
  cellText(sheet: string, address: string): string;
}
const hasSelection = (host: WorkbookHost | null): host is WorkbookHost & SelectionSource =>
  !!host && typeof (host as Partial<SelectionSource>).onSelection === "function";

const todayIso = () => localIsoDate(new Date());

/** Startet den Download einer Datei im Browser. */
export function App(): ReactElement {
  const styles = useStyles();
  const [umgebung, setUmgebung] = useState<Umgebung | null>(null);
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [fileName, setFileName] = useState("");
  const [concept, setConcept] = useState<ReadConcept | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<View>("einrichten");
  const [selection, setSelection] = useState<{ label: string; text: string } | null>(null);
  const [requestedMeasure, setRequestedMeasure] = useState<Session["requestedMeasure"]>(null);
  const [requestedTarget, setRequestedTarget] = useState<Session["requestedTarget"]>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const today = useMemo(todayIso, []);

  useEffect(() => {
    let aktiv = true;
    // Ohne geladenes office.js (z. B. CDN nicht erreichbar) gibt es das globale `Office` gar nicht.
    if (typeof Office === "undefined") {
      setUmgebung({ art: "browser" });
      return;
    }
    // Außerhalb von Office löst office.js `onReady` mit `info.host === null` auf.
    Office.onReady()
      .then((info) => {
        if (aktiv) setUmgebung(umgebungAus(info));
      })
      .catch(() => {
        if (aktiv) setUmgebung({ art: "browser" });
      });
    return () => {
      aktiv = false;
    };
  }, []);

  const mode: Mode = umgebung?.art === "excel" ? "excel" : "browser";

  const load = useCallback(async (target: WorkbookHost | null): Promise<ReadConcept | null> => {
    if (!target) return null;
    const ops = await import(/* webpackChunkName: "operations" */ "./services/operations");
    try {
      const read = await ops.readWorkbook(target);
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

  // Excel: den Office.js-Host holen und die Arbeitsmappe lesen.
  useEffect(() => {
    if (umgebung?.art !== "excel") return;
    let aktiv = true;
    import(/* webpackChunkName: "excel-host" */ "./services/excelHost")
      .then((m) => m.createExcelHost())
      .then(async (h) => {
        if (!aktiv) return;
        setHost(h);
        setFileName("diese Arbeitsmappe");
        const read = await load(h);
        if (read) setView("massnahme");
        // Änderungen im Blatt prüfen nach kurzer Pause neu; eine Zeile in „Maßnahmen“ lädt die Maßnahme.
        const offChange = await h.onChangeDebounced?.(() => void load(h), 800);
        const offSelect = await h.onMeasureSelected?.((id) => {
          if (id) setRequestedMeasure((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
        });
        disposers.push(...[offChange, offSelect].filter((d): d is () => Promise<void> => !!d));
      })
      .catch((error) => aktiv && setProblem(errorText(error)));
    const disposers: (() => Promise<void>)[] = [];
    return () => {
      aktiv = false;
      for (const d of disposers) void d().catch(() => undefined);
    };
  }, [umgebung, load]);

  // Browser-Modus: die ausgewählte Zelle anzeigen (Excel zeigt sie selbst).
  useEffect(() => {
    if (!hasSelection(host)) return;
    return host.onSelection((s) =>
      setSelection(s ? { label: `${s.sheet}!${s.address}`, text: host.cellText(s.sheet, s.address) } : null),
    );
  }, [host]);

  /** Opens .xlsx bytes as the pane's workbook (a picked file, or a list just imported). */
  const openWorkbook = useCallback(async (data: ArrayBuffer, name: string): Promise<WorkbookHost> => {
    const { BrowserHost } = await import(/* webpackChunkName: "browser-host" */ "../xlsx/browserHost");
    const opened = await BrowserHost.open(data, name);
    setHost(opened);
    setFileName(name);
    setSelection(null);
    return opened;
  }, []);

  const openFile = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      const opened = await openWorkbook(await readFile(file), file.name);
      const read = await load(opened);
      setView(read ? "massnahme" : "einrichten");
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const newWorkbook = useCallback(async (): Promise<WorkbookHost> => {
    const { BrowserHost } = await import(/* webpackChunkName: "browser-host" */ "../xlsx/browserHost");
    const created = await BrowserHost.create("Maßnahmenplan.xlsx");
    setHost(created);
    setFileName(created.fileName);
    setSelection(null);
    return created;
  }, []);

  const downloadWorkbook = async () => {
    if (!host || mode !== "browser") return;
    setBusy(true);
    try {
      const file = await host.file();
      download(file.data, fileName || file.name);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const session: Session = {
    mode,
    host,
    fileName,
    concept,
    problem,
    version,
    today,
    reload: (target?: WorkbookHost) => load(target ?? host),
    ...(mode === "browser" ? { newWorkbook, openWorkbook } : {}),
    openMeasure: (id: string) => {
      setRequestedMeasure((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
      setView("massnahme");
      setSelection(null);
    },
    requestedMeasure,
    navigate: (target: NavTarget) => {
      setRequestedTarget((r) => ({ target, seq: (r?.seq ?? 0) + 1 }));
      if (target.view === "massnahme" && target.id) return session.openMeasure(target.id);
      setView(target.view === "start" ? "einrichten" : target.view);
      setSelection(null);
    },
    requestedTarget,
  };

  const current = (() => {
    switch (view) {
      case "einrichten":
        return <EinrichtenView />;
      case "massnahme":
        return <MassnahmeView />;
      case "pruefen":
        return <PruefenView />;
      case "bewertung":
        return <BewertungView />;
      case "verteilen":
        return <VerteilenView />;
      case "monitoring":
        return <MonitoringView />;
      case "listen":
        return <ListenView />;
    }
  })();

  return (
    <FluentProvider theme={webLightTheme}>
      <SessionContext.Provider value={session}>
        <main className={styles.main}>
          <Subtitle1 as="h1">Maßnahmenplaner</Subtitle1>
          <Body1 as="p" block role="status" className={styles.status}>
            {statusText(umgebung, !!host)}
          </Body1>
          {mode === "browser" && umgebung !== null && (
            <div className={styles.bar}>
              <input
                ref={fileInput}
                className={styles.hidden}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label="Arbeitsmappe öffnen"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = "";
                  if (file) void openFile(file);
                }}
              />
              <Button appearance="primary" onClick={() => fileInput.current?.click()} disabled={busy}>
                Arbeitsmappe öffnen …
              </Button>
              <Button onClick={() => void downloadWorkbook()} disabled={busy || !host}>
                Arbeitsmappe herunterladen
              </Button>
              {busy && <Spinner size="tiny" label="Bitte warten …" />}
              {host && <Caption1 className={styles.fileName}>Geöffnet: {fileName}</Caption1>}
            </div>
          )}
          {problem && (
            <MessageBar intent={concept === null && host ? "warning" : "error"}>
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={view}
            onTabSelect={(_, data) => {
              setView(data.value as View);
              setSelection(null);
            }}
            aria-label="Bereiche"
          >
            {VIEWS.map((v) => (
              <Tab key={v.value} value={v.value}>
                {v.label}
              </Tab>
            ))}
          </TabList>
          <section aria-label={VIEWS.find((v) => v.value === view)!.label}>
            <Suspense fallback={<Spinner size="small" label="Wird geladen …" />}>{current}</Suspense>
          </section>
          <div className={selection ? styles.selection : undefined} role="status" aria-live="polite">
            {selection && (
              <Body1>
                Ausgewählte Zelle: <strong>{selection.label}</strong>
                {selection.text ? ` – „${selection.text}“` : " (leer)"}
              </Body1>
            )}
          </div>
        </main>
      </SessionContext.Provider>
    </FluentProvider>
  );
}
