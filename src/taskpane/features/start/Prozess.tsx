/**
 * Where the concept's process stands, on the start view: the overdue steps of the Prozessplan and the next
 * ones, each leading to its row; for a Gremium's session its Vorlage as a Word download; and the sheet Zeitplan
 * made from the plan. The Vorlage's code (docx) is loaded only when a Vorlage is asked for.
 */
import { Body1, Button, Caption1, Spinner, Subtitle2 } from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import { ZEITPLAN_SHEET } from "../../../workbook/sheets/zeitplan";
import { type Notice, NoticeBar, runWrite, useLayoutStyles } from "../../components";
import { download } from "../../services/download";
import { refreshZeitplan } from "../../services/zeitplan";
import { useSession } from "../../session";
import type { ProzessLine, ProzessStand } from "./model";
import { useDatedListStyles } from "./listStyles";

/** The Vorlage's code; a chunk that does not arrive is one German sentence, not webpack's. */
const loadVorlage = () =>
  import(/* webpackChunkName: "bericht" */ "../../services/vorlage").catch(() => {
    throw new Error(
      "Der Programmteil für die Vorlage konnte nicht geladen werden: Bitte öffnen Sie den Aufgabenbereich neu und versuchen Sie es noch einmal.",
    );
  });

export function Prozess({ stand }: { stand: ProzessStand | null }): ReactElement {
  const layout = useLayoutStyles();
  const session = useSession();
  const [work, setWork] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const run = async (label: string, job: () => Promise<string>) => {
    setWork(label);
    await runWrite(job, { setNotice, setBusy: (busy) => !busy && setWork(null) });
  };

  const zeitplan = () =>
    run(`Das Blatt „${ZEITPLAN_SHEET.sheet}“ wird erzeugt …`, async () => {
      const outcome = await refreshZeitplan(session.host!, session.today, session.fileName);
      return `Das Blatt „${ZEITPLAN_SHEET.sheet}“ ist erzeugt: ${outcome.steps} Schritte, ${outcome.months} Monate. Balken und ◆ folgen den Terminen im Prozessplan.`;
    });

  const vorlage = (id: string) =>
    run(`Die Vorlage zu ${id} wird gesetzt …`, async () => {
      const { vorlageOf, DOCX_TYPE } = await loadVorlage();
      const file = await vorlageOf(session.host!, id, session.today, session.fileName);
      download(new Uint8Array(file.data), file.name, DOCX_TYPE);
      return `Die ${file.art} „${file.name}“ wird heruntergeladen.`;
    });

  const open = (id?: string) => session.navigate({ view: "listen", kind: "prozessplan", ...(id ? { id } : {}) });

  return (
    <section className={layout.section} aria-labelledby="start-prozess">
      <Subtitle2 as="h2" id="start-prozess">
        Prozessplan
      </Subtitle2>
      {!stand || stand.steps === 0 ? (
        <Body1 as="p" block>
          Im Prozessplan steht noch kein Schritt: Tragen Sie ein, wann Arbeitsgruppen, Workshops und Gremien sich mit
          dem Konzept befassen.
        </Body1>
      ) : (
        <ProzessLists stand={stand} busy={work !== null} onOpen={open} onVorlage={(id) => void vorlage(id)} />
      )}
      <div className={layout.actions}>
        <Button disabled={!session.host || work !== null || !stand?.steps} onClick={() => void zeitplan()}>
          Zeitplan erzeugen
        </Button>
        <Button disabled={work !== null} onClick={() => open()}>
          Prozessplan bearbeiten
        </Button>
      </div>
      {work && <Spinner size="tiny" labelPosition="after" label={work} />}
      <NoticeBar notice={notice} />
    </section>
  );
}

function ProzessLists({
  stand,
  busy,
  onOpen,
  onVorlage,
}: {
  stand: ProzessStand;
  busy: boolean;
  onOpen(id: string): void;
  onVorlage(id: string): void;
}): ReactElement {
  const styles = useDatedListStyles();
  const line = (l: ProzessLine, late: boolean) => (
    <li key={l.id} className={styles.line}>
      <Caption1 className={late ? styles.late : undefined}>{late ? `${l.head} · überfällig` : l.head}</Caption1>
      <Body1>{l.schritt}</Body1>
      <div>
        <Button size="small" disabled={busy} onClick={() => onOpen(l.id)} aria-label={`Schritt ${l.id} bearbeiten`}>
          Bearbeiten
        </Button>{" "}
        {l.gremium && (
          <Button
            size="small"
            disabled={busy}
            onClick={() => onVorlage(l.id)}
            // The name begins with the visible label (WCAG 2.5.3, axe label-content-name-mismatch).
            aria-label={`Vorlage herunterladen für Schritt ${l.id}`}
          >
            Vorlage herunterladen
          </Button>
        )}
      </div>
    </li>
  );
  return (
    <>
      {stand.ueberfaellig.length > 0 && (
        <>
          <Caption1 as="p" block id="start-prozess-ueberfaellig">
            Überfällig:
          </Caption1>
          <ul className={styles.list} aria-labelledby="start-prozess-ueberfaellig">
            {stand.ueberfaellig.map((l) => line(l, true))}
          </ul>
        </>
      )}
      <Caption1 as="p" block id="start-prozess-naechste">
        {stand.naechste.length > 0 ? "Als Nächstes:" : "Kein offener Schritt steht mehr an."}
      </Caption1>
      {stand.naechste.length > 0 && (
        <ul className={styles.list} aria-labelledby="start-prozess-naechste">
          {stand.naechste.map((l) => line(l, false))}
        </ul>
      )}
    </>
  );
}
