/**
 * „Nächste Konzeptperiode (Fortschreibung)“: die neue Laufzeit eingeben, sehen, welche Maßnahmen übernommen,
 * zur Überarbeitung markiert und nicht übernommen werden (mit Grund), und dann die neue Arbeitsmappe aus den
 * Bytes der offenen erstellen und herunterladen. Die offene Arbeitsmappe bleibt unverändert. Das Erstellen
 * (Lesen, Zip-Patchen) wird erst geladen, wenn jemand auf „Neue Arbeitsmappe erstellen“ klickt.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type ReactElement } from "react";
import type { MeasureDecision } from "../../../domain/fortschreibung";
import { parseLaufzeit } from "../../../domain/fortschreibung";
import { readSettings } from "../../../domain/settings";
import { type FortschreibungPreview, previewFortschreibung } from "../../../workbook/fortschreibung";
import { UnreadableWorkbookError } from "../../../workbook/read";
import type { FortgeschriebeneMappe } from "../../services/fortschreibung";
import { type Notice, NoticeBar, type SectionProps, stepAppearance, useLayoutStyles } from "../../components";
import { errorText, useSession } from "../../session";
import { MadeWorkbookActions } from "./MadeWorkbookActions";
import { useMadeWorkbook } from "./madeWorkbook";

const loadLib = () => import(/* webpackChunkName: "fortschreibung" */ "../../services/fortschreibung");

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The reader's sentence part (`hat keine Tabelle …`) as a whole sentence; other errors as they are. */
const problemText = (error: unknown) =>
  error instanceof UnreadableWorkbookError ? `Die Arbeitsmappe ${error.message}.` : errorText(error);

const measures = (n: number) => `${n} ${n === 1 ? "Maßnahme" : "Maßnahmen"}`;

/** The CLI's sentence without the CLI's option name: „z. B. 2029-2032“. */
export function laufzeitProblem(text: string): string | null {
  const parsed = parseLaufzeit(text);
  return "error" in parsed ? parsed.error.replace(/--laufzeit /g, "") : null;
}

/** The period after the old one, as long as the old one (`2026–2030` → `2031–2035`); empty without one. */
function suggestedLaufzeit(von: string | null, bis: string | null): string {
  if (!bis) return "";
  const last = Number(bis.slice(0, 4));
  const length = von ? last - Number(von.slice(0, 4)) + 1 : 4;
  return `${last + 1}–${last + Math.max(length, 1)}`;
}

/** The key the new workbook is announced to the guard under (see useMadeWorkbook). */
const FORTSCHREIBUNG_EDIT = "einrichten-fortschreibung";

const label = (m: MeasureDecision) => [m.id, m.titel].filter(Boolean).join(" – ") || `Zeile ${m.row}`;

function DecisionList({ id, title, items }: { id: string; title: string; items: [string, string | null][] }) {
  const styles = useStyles();
  return (
    <>
      <Text as="h4" weight="semibold" id={id}>
        {title}
      </Text>
      {items.length > 0 && (
        <ul className={styles.list} aria-labelledby={id}>
          {items.map(([text, detail], i) => (
            <li key={i}>
              <Caption1>
                {text}
                {detail ? ` – ${detail}` : ""}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PreviewLists({ preview }: { preview: Exclude<FortschreibungPreview, { problem: string }> }) {
  const styles = useStyles();
  const { carried, revised, dropped } = preview.decisions;
  return (
    <>
      <Caption1 className={styles.muted}>
        {preview.round === null
          ? "Es gibt keine Bewertungsrunde; nur der Status entscheidet."
          : `Grundlage: der Status und die Empfehlungen der Bewertung ${preview.round}.`}
      </Caption1>
      <DecisionList
        id="fortschreibung-uebernommen"
        title={`Übernommen: ${measures(carried.length)}`}
        items={carried.map((m) => [label(m), null])}
      />
      <DecisionList
        id="fortschreibung-ueberarbeiten"
        title={`Übernommen und zur Überarbeitung markiert: ${measures(revised.length)}`}
        items={revised.map((m) => [label(m), m.begruendung || null])}
      />
      <DecisionList
        id="fortschreibung-nicht"
        title={`Nicht übernommen: ${measures(dropped.length)}`}
        items={dropped.map((m) => [label(m), m.grund])}
      />
    </>
  );
}

/** The new workbook: what it took, and how to keep it (download, or open it here in the browser mode). */
function BuiltWorkbook({
  built,
  primary,
  busy,
  notice,
  onDownload,
  onOpenHere,
}: {
  built: FortgeschriebeneMappe;
  primary: boolean;
  busy: boolean;
  notice: Notice | null;
  onDownload: () => void;
  onOpenHere: () => void;
}): ReactElement {
  const excel = useSession().mode === "excel";
  return (
    <>
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          <MessageBarTitle>Neue Arbeitsmappe „{built.fileName}“ erstellt</MessageBarTitle>
          Übernommen: {measures(built.outcome.decisions.carried.length + built.outcome.decisions.revised.length)}, davon{" "}
          {built.outcome.decisions.revised.length} zur Überarbeitung markiert. Nicht übernommen:{" "}
          {measures(built.outcome.decisions.dropped.length)}. Basiswerte aus dem letzten IST:{" "}
          {built.outcome.baselines.length} Indikatoren. Der Prozessplan beginnt mit den{" "}
          {built.outcome.prozessplan.template} Schritten der Vorlage, noch ohne Termine.
          {excel ? " Laden Sie sie herunter und öffnen Sie sie in Excel." : ""}
        </MessageBarBody>
      </MessageBar>
      <MadeWorkbookActions primary={primary} busy={busy} onDownload={onDownload} onOpenHere={onOpenHere} />
      <NoticeBar notice={notice} />
    </>
  );
}

export default function FortschreibungSection({ primary, onStart }: SectionProps): ReactElement {
  const layout = useLayoutStyles();
  const session = useSession();
  const { host, concept } = session;
  const settings = concept ? readSettings(concept).settings : null;
  const [laufzeit, setLaufzeit] = useState(() =>
    settings ? suggestedLaufzeit(settings.laufzeitVon, settings.laufzeitBis) : "",
  );
  const [shownProblem, setShownProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<FortschreibungPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [built, setBuilt] = useState<FortgeschriebeneMappe | null>(null);
  const made = useMadeWorkbook(FORTSCHREIBUNG_EDIT, built, () => setBuilt(null));

  useEffect(() => {
    let current = true;
    setPreview(null);
    if (!host) return;
    host
      .snapshot()
      .then((source) => current && setPreview(previewFortschreibung(source)))
      .catch((error: unknown) => current && setPreview({ problem: problemText(error) }));
    return () => {
      current = false;
    };
  }, [host, session.version]);

  if (!host || !concept?.found.massnahmen) return <></>;

  const create = async () => {
    onStart();
    const problem = laufzeitProblem(laufzeit);
    setShownProblem(problem);
    setNotice(null);
    setBuilt(null);
    const parsed = parseLaufzeit(laufzeit);
    if (problem || "error" in parsed) return;
    setBusy(true);
    try {
      const lib = await loadLib();
      setBuilt(await lib.fortschreibenOpenWorkbook(host, parsed.laufzeit, session.today));
    } catch (error) {
      setNotice({ intent: "error", text: problemText(error) });
    } finally {
      setBusy(false);
    }
  };

  const openHere = async () => {
    if (!built || !session.openWorkbook) return;
    setBusy(true);
    try {
      setNotice({ intent: "success", text: await made.openHere() });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const problem = preview && "problem" in preview ? preview.problem : null;

  return (
    <section className={layout.section} aria-labelledby="einrichten-fortschreibung">
      <Subtitle2 as="h2" id="einrichten-fortschreibung">
        Nächste Konzeptperiode (Fortschreibung)
      </Subtitle2>
      <Body1 as="p" block>
        Erstellt die Arbeitsmappe der nächsten Periode als neue Datei: Maßnahmen behalten ihre IDs, Sachstände,
        Indikatorwerte und Bewertungen bleiben erhalten, die Basiswerte kommen aus dem letzten IST, der Prozessplan
        beginnt neu. Was nicht übernommen wird, steht mit Grund im Blatt „Vorperiode“, ebenso die Schritte des alten
        Prozessplans. Die geöffnete Arbeitsmappe bleibt unverändert.
      </Body1>
      <Field
        label="Laufzeit der neuen Periode"
        hint="Zwei Jahre, z. B. 2029–2032"
        validationState={shownProblem ? "error" : "none"}
        validationMessage={shownProblem ?? undefined}
      >
        <Input
          value={laufzeit}
          inputMode="numeric"
          onChange={(_, d) => {
            onStart();
            // A new Laufzeit drops the workbook built for the old one: through the guard while it is in no file.
            void session.leave(
              () => {
                setLaufzeit(d.value);
                setBuilt(null);
                if (shownProblem) setShownProblem(laufzeitProblem(d.value));
              },
              { edit: FORTSCHREIBUNG_EDIT },
            );
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") void session.leave(create, { edit: FORTSCHREIBUNG_EDIT });
          }}
        />
      </Field>

      <Subtitle2 as="h3">Was übernommen wird (noch nichts geschrieben)</Subtitle2>
      {!preview && <Spinner size="tiny" label="Maßnahmen werden gelesen …" />}
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {preview && !("problem" in preview) && <PreviewLists preview={preview} />}

      <div className={layout.actions}>
        <Button
          appearance={stepAppearance(primary, !built)}
          onClick={() => void session.leave(create, { edit: FORTSCHREIBUNG_EDIT })}
          disabled={busy || !preview || problem !== null}
        >
          Neue Arbeitsmappe erstellen
        </Button>
        {busy && <Spinner size="tiny" label="Neue Arbeitsmappe wird erstellt …" />}
      </div>
      {!built && <NoticeBar notice={notice} />}

      {built && (
        <BuiltWorkbook
          built={built}
          primary={primary}
          busy={busy}
          notice={notice}
          onDownload={made.download}
          onOpenHere={() => void openHere()}
        />
      )}
    </section>
  );
}
