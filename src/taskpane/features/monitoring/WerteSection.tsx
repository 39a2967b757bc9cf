/**
 * „Werte übernehmen“: statistics files of the offices (GENESIS, Open SDG, tables) into Indikatorwerte, as
 * `werte` does on the command line. The files are read and the preview shows, before anything is written,
 * what will be taken per indicator and Gebiet, what is there already, what conflicts and what is not taken
 * with its reason; „Werte übernehmen“ then writes it and the sheet Werteübernahme.
 */
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useRef, useState, type ReactElement } from "react";
import type { UebernahmeLine } from "../../../workbook/werte";
import { werteSummary } from "../../../workbook/sheets/werteuebernahme";
import { type Notice, NoticeBar, runWrite } from "../../components";
import { readFile } from "../../services/download";
import { errorText, useSession, useUnsavedEdit } from "../../session";
import { useMonitoringStyles } from "./styles";

type Lib = typeof import("../../services/werte");
/** The readers of statistics files load with the first file chosen, not with the pane. */
const loadLib = (): Promise<Lib> => import(/* webpackChunkName: "werte" */ "../../services/werte");

/** The key a preview of values is announced to the guard under (see useUnsavedEdit). */
const WERTE_EDIT = "monitoring-werte";

/** Lines the preview lists at most; the sheet Werteübernahme has them all. */
const SHOWN = 30;

export function WerteSection({ indicators }: { indicators: { id: string; name: string }[] }): ReactElement {
  const styles = useMonitoringStyles();
  const session = useSession();
  const picker = useRef<HTMLInputElement>(null);
  const [indikator, setIndikator] = useState(indicators[0]?.id ?? "");
  const [alleGebiete, setAlleGebiete] = useState(false);
  const [aktualisieren, setAktualisieren] = useState(false);
  const [files, setFiles] = useState<{ name: string; data: ArrayBuffer }[]>([]);
  const [preview, setPreview] = useState<Awaited<ReturnType<Lib["previewWerte"]>> | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const plan = async (
    picked: { name: string; data: ArrayBuffer }[],
    choice = { indikator, alleGebiete, aktualisieren },
  ): Promise<void> => {
    const host = session.host;
    if (!host || picked.length === 0) return;
    setBusy(true);
    setNotice(null);
    setPreview(null);
    try {
      const lib = await loadLib();
      const options = {
        zuordnung: { indikator: choice.indikator },
        alleGebiete: choice.alleGebiete,
        aktualisieren: choice.aktualisieren,
      };
      setPreview(await lib.previewWerte(host, picked, options, session.today));
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const write = async (): Promise<boolean> => {
    const host = session.host;
    if (!host || !preview) return false;
    const summary = werteSummary(preview.plan);
    const ok = await runWrite(
      async () => {
        await (await loadLib()).applyWerte(host, preview, session.today);
        await session.reload();
        return `Übernommen. ${summary} Das Blatt „Werteübernahme“ nennt jede Zelle.`;
      },
      { setNotice, setBusy },
    );
    if (ok) setPreview(null);
    return ok;
  };

  // Values previewed but not yet written are unsaved input, as a previewed return is in Verteilen.
  const writable = preview && preview.changes && preview.missingColumns.length === 0 ? preview : null;
  useUnsavedEdit(
    WERTE_EDIT,
    writable
      ? {
          subject: "",
          sentence: `Die Werte aus ${writable.files.map((f) => `„${f}“`).join(", ")} sind noch nicht übernommen: „Speichern und weiter“ übernimmt sie.`,
          save: write,
          discard: () => setPreview(null),
        }
      : null,
  );

  const rechoose = (next: Partial<{ indikator: string; alleGebiete: boolean; aktualisieren: boolean }>) => {
    const choice = { indikator, alleGebiete, aktualisieren, ...next };
    if (next.indikator !== undefined) setIndikator(next.indikator);
    if (next.alleGebiete !== undefined) setAlleGebiete(next.alleGebiete);
    if (next.aktualisieren !== undefined) setAktualisieren(next.aktualisieren);
    void plan(files, choice);
  };

  return (
    <section className={styles.section} aria-labelledby="mon-werte">
      <Subtitle2 as="h2" id="mon-werte">
        Werte übernehmen
      </Subtitle2>
      <Body1 as="p" block>
        Statistikdateien der Ämter (GENESIS-Export, Open-SDG-Datei oder Tabelle als .csv oder .xlsx) werden nach Gebiet
        und Gruppe ins Blatt „Indikatorwerte“ übernommen. Sie sehen vorher, was übernommen wird und was nicht.
      </Body1>
      <Field label="Indikator der Werte">
        <Select
          className={styles.wide}
          select={{ className: styles.wide }}
          value={indikator}
          onChange={(_, d) => rechoose({ indikator: d.value })}
        >
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.id} – {i.name}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label="Auch Gebiete außerhalb des eigenen übernehmen (als Vergleichsgebiete)"
        checked={alleGebiete}
        onChange={(_, d) => rechoose({ alleGebiete: !!d.checked })}
      />
      <Checkbox
        label="Abweichende Werte der Datei ersetzen die der Arbeitsmappe"
        checked={aktualisieren}
        onChange={(_, d) => rechoose({ aktualisieren: !!d.checked })}
      />
      <input
        ref={picker}
        style={{ display: "none" }}
        type="file"
        multiple
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Statistikdateien auswählen"
        onChange={(e) => {
          const chosen = [...(e.target.files ?? [])];
          e.target.value = "";
          void (async () => {
            const picked = await Promise.all(chosen.map(async (f) => ({ name: f.name, data: await readFile(f) })));
            setFiles(picked);
            await plan(picked);
          })();
        }}
      />
      <div className={styles.row}>
        <Button onClick={() => picker.current?.click()} disabled={busy || !indikator}>
          {files.length ? "Andere Dateien auswählen …" : "Statistikdateien auswählen …"}
        </Button>
        {busy && <Spinner size="tiny" label="Dateien werden gelesen …" />}
      </div>
      <NoticeBar notice={notice} />
      {preview && <PreviewView preview={preview} busy={busy} onWrite={() => void write()} />}
    </section>
  );
}

function PreviewView({
  preview,
  busy,
  onWrite,
}: {
  preview: Awaited<ReturnType<Lib["previewWerte"]>>;
  busy: boolean;
  onWrite: () => void;
}): ReactElement {
  const styles = useMonitoringStyles();
  const { plan } = preview;
  const lines = plan.lines.filter((l) => l.ergebnis !== "schon vorhanden" || plan.counts.uebernommen === 0);
  const blocked = preview.missingColumns.length > 0;
  return (
    <div className={styles.section} role="region" aria-label="Vorschau der Übernahme">
      <Body1 as="p" block>
        Vorschau: {werteSummary(plan)}
      </Body1>
      {preview.own === "" && (
        <Caption1>
          In den Einstellungen fehlt „Gebiet“: Ohne den Schlüssel des eigenen Gebiets werden nur Gebiete übernommen, die
          im Blatt „Gebiete“ stehen.
        </Caption1>
      )}
      {blocked && (
        <Body1 as="p" block>
          Dem Blatt „Indikatorwerte“ fehlen die Spalten {preview.missingColumns.join(", ")}. Fügen Sie sie der Tabelle
          hinzu (oder übernehmen Sie die Werte mit dem Befehl „werte“, der sie anfügt).
        </Body1>
      )}
      <Table size="small" className={styles.table} aria-label="Was übernommen wird und was nicht">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Ergebnis</TableHeaderCell>
            <TableHeaderCell>Gebiet, Zellen</TableHeaderCell>
            <TableHeaderCell>Erläuterung</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.slice(0, SHOWN).map((l, i) => (
            <TableRow key={i}>
              <TableCell>{l.ergebnis}</TableCell>
              <TableCell className={styles.text}>{where(l)}</TableCell>
              <TableCell className={styles.text}>{l.erlaeuterung}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {lines.length > SHOWN && (
        <Caption1>… und {lines.length - SHOWN} weitere Zeilen; das Blatt „Werteübernahme“ nennt alle.</Caption1>
      )}
      <div>
        {/* The view's one primary action is the Sachstand (see MonitoringView). */}
        <Button onClick={onWrite} disabled={busy || blocked || !preview.changes}>
          Werte übernehmen
        </Button>
      </div>
      {!preview.changes && (
        <Caption1>Die Arbeitsmappe hat alle diese Werte schon; es gibt nichts zu übernehmen.</Caption1>
      )}
    </div>
  );
}

/** `01001 – Flensburg, C11:E11 (3)` */
function where(l: UebernahmeLine): string {
  return [l.gebiet, [l.datei, l.zelle].filter(Boolean).join(" "), l.zellen === null ? "" : `${l.zellen} Zellen`]
    .filter(Boolean)
    .join(", ");
}
