/**
 * The Verteilen view's first section: the files for everyone who leads a measure — each Fachbereich and each
 * Akteur without Fachbereich (an external partner) — with „Rücklauf bis“ written into the Einstellungen, what
 * goes to nobody shown as a warning before any file is made, and all files as one ZIP archive.
 */
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState, type ReactElement } from "react";
import { formatGermanDate } from "../../../domain/dates";
import { readSettings } from "../../../domain/settings";
import { textOf } from "../../../domain/values";
import { type RowNote, byNameText, distributionOf, unassignedText } from "../../../workbook/distribution";
import type { ReadConcept } from "../../../workbook/read";
import type { WorkbookHost } from "../../../workbook/host";
import { type Notice, NoticeBar, stepAppearance, useLayoutStyles } from "../../components";
import { errorText, useSession } from "../../session";
import { DateField, dayOf, inFourWeeks } from "../../fields/DateField";
import { download } from "../../services/download";
import { monitoringModel } from "../monitoring/model";
import type { SplitFile, SplitResult } from "../../services/circulation";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  fileLink: { textAlign: "left", overflowWrap: "anywhere" },
});

/** Splitting needs the writer: loaded on the first click, not when the view opens. */
const circulation = () => import(/* webpackChunkName: "circulation" */ "../../services/circulation");

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Who gets the measures, read from the workbook as it is now (no file is made for this). */
function previewOf(concept: ReadConcept) {
  const rows = concept.massnahmen.rows.map((r) => ({ id: textOf(r.values.id ?? null), values: r.values, row: r.row }));
  return distributionOf(concept, rows);
}

export default function VerteilenExport({
  host,
  concept,
  primary,
}: {
  host: WorkbookHost;
  concept: ReadConcept;
  /** Whether this section holds the view's one primary action. */
  primary: boolean;
}): ReactElement {
  const layout = useLayoutStyles();
  const session = useSession();
  const saved = useMemo(() => readSettings(concept).settings.ruecklaufBis ?? "", [concept]);
  const preview = useMemo(() => previewOf(concept), [concept]);
  const [result, setResult] = useState<SplitResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  // The status query asks for the Berichtsstichtag due now (as the Monitoring view), not for today.
  const due = useMemo(() => monitoringModel(concept, session.today).berichtsstichtag, [concept, session.today]);
  const [stichtag, setStichtag] = useState(() => formatGermanDate(due));
  const [ruecklauf, setRuecklauf] = useState(() => (saved ? formatGermanDate(saved) : ""));
  const [drafts, setDrafts] = useState(false);
  /** What the drafts lack (recipients without address), known once the files are made. */
  const [draftWarnings, setDraftWarnings] = useState<string[]>([]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  /** `sachstand`: a status query for that Berichtsstichtag besides the measures. */
  const prepareFiles = (sachstandText?: string) =>
    run(async () => {
      setResult(null);
      const sachstand = sachstandText === undefined ? undefined : dayOf(sachstandText);
      if (sachstand === null)
        throw new Error("Bitte für die Sachstandsabfrage einen Berichtsstichtag als Datum angeben, z. B. 30.06.2026.");
      const bis = ruecklauf.trim() === "" ? null : dayOf(ruecklauf);
      if (ruecklauf.trim() !== "" && bis === null)
        throw new Error("Bitte „Rücklauf bis“ als Datum angeben, z. B. 31.03.2027, oder das Feld leeren.");
      const services = await circulation();
      // The workbook keeps the date the files name.
      if ((bis ?? "") !== saved) {
        await services.writeRuecklaufBis(host, concept, bis);
        await session.reload();
      }
      const split = await services.splitOpenWorkbook(host, session.today, {
        sachstand,
        ...(bis ? { ruecklaufBis: bis } : {}),
      });
      setResult(split);
      setDraftWarnings(services.draftNotes(split.files));
    });

  const downloadOne = (file: SplitFile) =>
    run(async () => {
      const { splitFileBytes } = await circulation();
      download(await splitFileBytes(file), file.fileName);
      setNotice({ intent: "success", text: `„${file.fileName}“ wird heruntergeladen.` });
    });

  const downloadAll = (files: SplitResult) =>
    run(async () => {
      const { splitArchive } = await circulation();
      const archive = splitArchive(files, session.today, { drafts });
      download(archive.data, archive.fileName, "application/zip");
      const n = files.files.length;
      setNotice({ intent: "success", text: archiveText(archive.fileName, n, drafts) });
    });

  const notes = result ?? preview;
  return (
    <section className={layout.section} aria-labelledby="verteilen-export">
      <Subtitle2 as="h2" id="verteilen-export">
        Verteilen
      </Subtitle2>
      <Body1 as="p" block>
        Jeder Fachbereich und jeder federführende Akteur ohne Fachbereich (etwa das Jobcenter) erhält eine eigene Datei
        mit seinen Maßnahmen. Verworfene Maßnahmen werden nicht verschickt.
      </Body1>
      <Unassigned notes={notes.unassigned} />
      {notes.byName.length > 0 && (
        <NoteList intent="info" title="Federführung als Name statt als ID" notes={notes.byName.map(byNameText)} />
      )}
      <Field
        label="Rücklauf bis"
        hint={
          ruecklauf
            ? "Jede Datei nennt diesen Termin; er wird beim Erstellen in die Einstellungen übernommen."
            : "Ohne Datum nennen die Dateien keinen Termin."
        }
      >
        <DateField
          value={ruecklauf}
          onChange={(value) => {
            setRuecklauf(value);
            setResult(null);
          }}
          dueDate={inFourWeeks(session.today)}
          label="Rücklauf bis"
        />
      </Field>
      <div className={layout.actions}>
        <Button appearance={stepAppearance(primary, !result)} onClick={() => void prepareFiles()} disabled={busy}>
          Dateien erstellen
        </Button>
        <Field label="Berichtsstichtag der Sachstandsabfrage">
          <DateField
            value={stichtag}
            onChange={setStichtag}
            dueDate={due}
            label="Berichtsstichtag der Sachstandsabfrage"
          />
        </Field>
        <Button onClick={() => void prepareFiles(stichtag)} disabled={busy}>
          Sachstandsabfrage erstellen
        </Button>
        <Checkbox label="Mail-Entwürfe beilegen" checked={drafts} onChange={(_, d) => setDrafts(d.checked === true)} />
        {result && result.files.length > 0 && (
          <Button
            appearance={stepAppearance(primary, true)}
            onClick={() =>
              void (result.files.length === 1 && !drafts ? downloadOne(result.files[0]!) : downloadAll(result))
            }
            disabled={busy}
          >
            {downloadLabel(result.files.length, drafts)}
          </Button>
        )}
      </div>
      <NoticeBar notice={notice} />
      {result && drafts && draftWarnings.length > 0 && (
        <NoteList intent="warning" title="Mail-Entwürfe: Adressen fehlen" notes={draftWarnings} />
      )}
      {result && <SplitFiles files={result.files} busy={busy} onDownload={(f) => void downloadOne(f)} />}
    </section>
  );
}

/** What the ZIP holds, as the notice says it while it downloads. */
function archiveText(fileName: string, n: number, drafts: boolean): string {
  return drafts
    ? `„${fileName}“ mit ${plural(n, "Datei", "Dateien")} und ${plural(n, "Mail-Entwurf", "Mail-Entwürfen")} wird heruntergeladen; einen Entwurf (.eml) öffnet Outlook per Doppelklick zum Prüfen und Senden.`
    : `„${fileName}“ mit ${plural(n, "Datei", "Dateien")} wird heruntergeladen; bitte jede Datei an ihren Empfänger geben.`;
}

/** The files made, each a link that downloads it, with its recipient and how many measures it holds. */
function SplitFiles({
  files,
  busy,
  onDownload,
}: {
  files: SplitFile[];
  busy: boolean;
  onDownload: (file: SplitFile) => void;
}): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <>
      <Subtitle2 as="h3" id="verteilen-dateien">
        Dateien zum Verteilen
      </Subtitle2>
      <ul className={layout.cards} aria-labelledby="verteilen-dateien">
        {files.map((f) => (
          <li key={f.fileName} className={layout.card}>
            <Link as="button" inline className={styles.fileLink} onClick={() => onDownload(f)} disabled={busy}>
              {f.fileName}
            </Link>
            <Caption1>
              {f.recipient.name}
              {f.recipient.akteur ? " (Akteur ohne Fachbereich)" : ""}: {plural(f.measures, "Maßnahme", "Maßnahmen")}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

function downloadLabel(files: number, drafts: boolean): string {
  if (!drafts) return files === 1 ? "Datei herunterladen" : `Alle ${files} Dateien als ZIP herunterladen`;
  return files === 1
    ? "Datei mit Mail-Entwurf als ZIP herunterladen"
    : `Alle ${files} Dateien mit Mail-Entwürfen als ZIP herunterladen`;
}

/** What goes to nobody: a warning that stands before the files are made. */
function Unassigned({ notes }: { notes: RowNote[] }): ReactElement | null {
  if (notes.length === 0) return null;
  const title =
    notes.length === 1
      ? "Eine Zeile lässt sich niemandem zuordnen und wird nicht verschickt"
      : `${notes.length} Zeilen lassen sich niemandem zuordnen und werden nicht verschickt`;
  return <NoteList intent="warning" title={title} notes={notes.map(unassignedText)} />;
}

/** A titled list of sentences in a message bar; an error is announced as an alert. */
export function NoteList({
  intent,
  title,
  notes,
}: {
  intent: "warning" | "info" | "error";
  title: string;
  notes: string[];
}): ReactElement {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" {...(intent === "error" ? { role: "alert" } : {})}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
