/**
 * „Anstehend“ on the start view: what is overdue and what falls due in the next 60 days — the same list as
 * `anstehend` (src/workbook/anstehend.ts) — each with who is responsible and a way to its row where it has one,
 * and the calendar file (.ics) to download for Outlook or Thunderbird.
 */
import { Body1, Button, Caption1, Spinner, Subtitle2 } from "@fluentui/react-components";
import { type ReactElement, useEffect, useState } from "react";
import {
  type Anstehend as AnstehendResult,
  type DueItem,
  type Responsible,
  anstehendSummary,
  calendarItems,
  contactLine,
  dueWhen,
} from "../../../domain/anstehend";
import { writeIcs } from "../../../domain/ics";
import { readSettings } from "../../../domain/settings";
import { anstehendOfWorkbook } from "../../../workbook/anstehend";
import { useLayoutStyles } from "../../components";
import { download } from "../../services/download";
import { type NavTarget, useSession } from "../../session";
import { useDatedListStyles } from "./listStyles";

/** How many items of each list the start view shows; the calendar file holds them all. */
const SHOWN = 5;

/** Where an item's row is, by its kind; null where no row holds it (the next Bewertung round). */
export function dueTarget(item: DueItem): { target: NavTarget; action: string } | null {
  if (!item.id) {
    return item.place?.kind === "einstellungen"
      ? { target: { view: "listen", kind: "einstellungen" }, action: "Einstellungen öffnen" }
      : null;
  }
  switch (item.kind) {
    case "frist":
      return { target: { view: "massnahme", id: item.id, field: "frist" }, action: `${item.id} öffnen` };
    case "indikatorwerte":
      return { target: { view: "monitoring", indicator: item.id }, action: `Werte von ${item.id} erfassen` };
    case "termin":
      return { target: { view: "listen", kind: "prozessplan", id: item.id }, action: `Schritt ${item.id} bearbeiten` };
    default:
      return null;
  }
}

/** The responsible in one sentence: „Zuständig: A-03 – Sozialamt (Fachbereich 5), Petra Lehmann, sozialamt@….“ */
function whoText(r: Responsible): string {
  const contact = contactLine(r);
  return `Zuständig: ${r.label}${r.fachbereich ? ` (${r.fachbereich})` : ""}${contact ? `, ${contact}` : ""}.`;
}

export function Anstehend(): ReactElement {
  const layout = useLayoutStyles();
  const session = useSession();
  const { host, version, today } = session;
  const [state, setState] = useState<{ result: AnstehendResult; title: string } | { problem: string } | null>(null);

  useEffect(() => {
    if (!host) return;
    let current = true;
    host
      .snapshot()
      .then((source) => {
        const { concept, result } = anstehendOfWorkbook(source, { today });
        const title = readSettings(concept).settings.konzepttitel || "Maßnahmenplan";
        if (current) setState({ result, title });
      })
      .catch(() => {
        if (current) setState({ problem: "Die Termine konnten nicht gelesen werden; laden Sie die Arbeitsmappe neu." });
      });
    return () => {
      current = false;
    };
  }, [host, version, today]);

  const calendar = (result: AnstehendResult, title: string) => {
    const text = writeIcs(calendarItems(result), { stamp: new Date(), name: `${title} – Anstehend` });
    download(new TextEncoder().encode(text), "Anstehend.ics", "text/calendar");
  };

  return (
    <section className={layout.section} aria-labelledby="start-anstehend">
      <Subtitle2 as="h2" id="start-anstehend">
        Anstehend
      </Subtitle2>
      {!state ? (
        <Spinner size="tiny" labelPosition="after" label="Die Termine werden gesammelt …" />
      ) : "problem" in state ? (
        <Body1 as="p" block>
          {state.problem}
        </Body1>
      ) : (
        <>
          <Body1 as="p" block>
            {anstehendSummary(state.result)}
          </Body1>
          <DueLists result={state.result} />
          {state.result.overdue + state.result.due > 0 && (
            <div className={layout.actions}>
              <Button onClick={() => calendar(state.result, state.title)}>Kalenderdatei herunterladen (.ics)</Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function DueLists({ result }: { result: AnstehendResult }): ReactElement {
  const styles = useDatedListStyles();
  const session = useSession();
  const items = result.groups.flatMap((g) => g.items.map((item) => ({ item, who: g.responsible })));
  const sorted = items.sort((a, b) => a.item.days - b.item.days);
  const lists = [
    { id: "start-anstehend-ueberfaellig", label: "Überfällig:", entries: sorted.filter((e) => e.item.overdue) },
    { id: "start-anstehend-naechste", label: "Als Nächstes:", entries: sorted.filter((e) => !e.item.overdue) },
  ].filter((l) => l.entries.length > 0);
  return (
    <>
      {lists.map((l) => (
        <div key={l.id}>
          <Caption1 as="p" block id={l.id}>
            {l.label}
          </Caption1>
          <ul className={styles.list} aria-labelledby={l.id}>
            {l.entries.slice(0, SHOWN).map(({ item, who }) => {
              const way = dueTarget(item);
              return (
                <li key={`${item.key}\u0000${item.date}`} className={styles.line}>
                  <Caption1 className={item.overdue ? styles.late : undefined}>{dueWhen(item)}</Caption1>
                  <Body1>{item.text}</Body1>
                  <Caption1>{whoText(who)}</Caption1>
                  {way && (
                    <Button size="small" onClick={() => session.navigate(way.target)}>
                      {way.action}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          {l.entries.length > SHOWN && (
            <Caption1 as="p" block>
              {`Dazu ${l.entries.length - SHOWN} weitere; die Kalenderdatei enthält alle.`}
            </Caption1>
          )}
        </div>
      ))}
    </>
  );
}
