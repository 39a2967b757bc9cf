import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useRef, useState, type ReactElement, type ReactNode } from "react";
import { ACTION_LABEL, type MergeAction } from "../../../domain/merge";
import type { WorkbookHost } from "../../../workbook/host";
import type { ReadConcept } from "../../../workbook/read";
import type { MergePreview } from "../../services/circulation";
import { type Notice, NoConcept, NoticeBar, useLayoutStyles } from "../../components";
import { type PendingEdit, errorText, useSession, useUnsavedEdit } from "../../session";
import { readFile } from "../../services/download";
import VerteilenExport, { NoteList } from "./VerteilenExport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  hidden: { display: "none" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  pairs: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(5em, max-content) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  fileLink: { textAlign: "left", overflowWrap: "anywhere" },
});

/** Merging needs the reader: loaded on the first click, not when the view opens. */
const circulation = () => import(/* webpackChunkName: "circulation" */ "../../services/circulation");

type Decision = "master" | "ruecklauf";
type Area = "export" | "import";
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const show = (v: string) => (v === "" ? "(leer)" : v);

/** The report lines shown read-only: everything but the applied values and the decisions. */
const OTHER_KINDS = new Set<MergeAction["kind"]>([
  "added",
  "addedRenamed",
  "deletedKept",
  "foreign",
  "duplicate",
  "masterDeleted",
  "columnMissingInMaster",
  "columnMissingInReturn",
  "twoWay",
  "masterDuplicate",
  "appended",
  "notReported",
]);

/** The key a previewed return is announced to the guard under (see useUnsavedEdit). */
const RETURN_EDIT = "verteilen-ruecklauf";

/**
 * A previewed return is unsaved input: leaving it asks, and „Speichern und weiter“ merges it as
 * „Zusammenführen“ does, with the choices made. That is the write the preview was made for and shows in
 * full, so the guard's „Speichern“ can mean nothing else; a preview that cannot be merged (`blocked`)
 * holds nothing to save and is not announced.
 */
function pendingReturn(
  preview: MergePreview | null,
  merge: () => Promise<boolean>,
  discard: () => void,
): PendingEdit | null {
  if (!preview || preview.blocked !== null) return null;
  const files = preview.outcome.summaries.map((s) => `„${s.file}“`);
  const one = files.length === 1;
  const list = new Intl.ListFormat("de", { type: "conjunction" }).format(files);
  // Every conflict has a decision (the Gesamtdatei's value until the user chose otherwise).
  const conflicts = preview.choices.length;
  const choices =
    conflicts === 0
      ? ""
      : conflicts === 1
        ? ", mit Ihrer Entscheidung zum Konflikt"
        : `, mit Ihren Entscheidungen zu den ${conflicts} Konflikten`;
  return {
    subject: one ? `dem Rücklauf ${list}` : `den Rückläufen ${list}`,
    sentence:
      `${one ? "Der Rücklauf" : "Die Rückläufe"} ${list} ${one ? "ist" : "sind"} noch nicht zusammengeführt: ` +
      `„Speichern und weiter“ führt ${one ? "ihn" : "sie"} zusammen${choices}.`,
    save: merge,
    discard,
  };
}

export default function VerteilenView(): ReactElement {
  const { host, concept } = useSession();
  if (!host || !concept) return <NoConcept hasWorkbook={!!host} />;
  return <Verteilen host={host} concept={concept} />;
}

function Verteilen({ host, concept }: { host: WorkbookHost; concept: ReadConcept }): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const session = useSession();
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [problems, setProblems] = useState<string[]>([]);
  /** The outcome of the last action, shown in the section whose button started it. */
  const [notice, setNotice] = useState<(Notice & { area: Area }) | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  /** Runs an action of the section `area`; false when it failed (its sentence is then the notice). */
  const run = async (area: Area, work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
      return true;
    } catch (error) {
      setNotice({ area, intent: "error", text: errorText(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const importReturns = (picked: File[]) =>
    run("import", async () => {
      setPreview(null);
      setProblems([]);
      const { previewMerge, readReturns } = await circulation();
      const read = await readReturns(
        await Promise.all(picked.map(async (f) => ({ name: f.name, data: await readFile(f) }))),
      );
      if (!read.ok) {
        setProblems(read.problems);
        return;
      }
      const next = await previewMerge(host, read.inputs, session.fileName, read.reports);
      setDecisions(new Map(next.choices.map((c) => [c.index, "master" as Decision])));
      setPreview(next);
    });

  const merge = () =>
    run("import", async () => {
      if (!preview) return;
      const take = new Set([...decisions].filter(([, d]) => d === "ruecklauf").map(([i]) => i));
      const { writeMerge } = await circulation();
      const { outcome, taken } = await writeMerge(host, preview, take, session.fileName);
      setPreview(null);
      const applied = outcome.summaries.reduce((n, s) => n + s.applied, 0);
      const added = outcome.summaries.reduce((n, s) => n + s.added, 0);
      await host.selectCell(outcome.conflicts > 0 ? "Konflikte" : "Zusammenführung", "A1");
      await session.reload();
      setNotice({
        area: "import",
        intent: "success",
        text:
          `Zusammengeführt: ${plural(applied + taken, "Wert", "Werte")} übernommen` +
          (taken ? ` (davon ${taken} nach Ihrer Entscheidung)` : "") +
          `, ${plural(added, "Maßnahme", "Maßnahmen")} neu. ` +
          (outcome.conflicts > 0
            ? `${plural(outcome.conflicts, "Wert steht", "Werte stehen")} im Blatt „Konflikte“; alle Schritte im Blatt „Zusammenführung“.`
            : "Keine offenen Konflikte; alle Schritte im Blatt „Zusammenführung“."),
      });
    });

  useUnsavedEdit(
    RETURN_EDIT,
    pendingReturn(preview, merge, () => setPreview(null)),
  );

  const choosable = new Set(preview?.choices.map((c) => c.index) ?? []);
  /** One way of counting for the whole preview and for each file: conflicts to decide are not „nicht übernommen“. */
  const counts = (file?: string) => {
    const actions = (preview?.outcome.actions ?? [])
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => !file || a.file === file);
    return {
      conflicts: actions.filter(({ i }) => choosable.has(i)).length,
      notApplied: actions.filter(({ a, i }) => a.notApplied && !choosable.has(i)).length,
    };
  };
  const summary =
    preview &&
    (() => {
      const applied = preview.outcome.summaries.reduce((n, s) => n + s.applied, 0);
      const added = preview.outcome.summaries.reduce((n, s) => n + s.added, 0);
      return { applied, added, ...counts() };
    })();
  const appliedLines = preview ? preview.outcome.actions.filter((a) => a.kind === "applied") : [];
  const otherLines = preview
    ? preview.outcome.actions.filter((a, i) => OTHER_KINDS.has(a.kind) && !choosable.has(i))
    : [];

  return (
    <div className={styles.root}>
      <Body1 as="p" block>
        Wer Maßnahmen federführend verantwortet, erhält eine eigene Datei mit ihnen. Die bearbeiteten Rückläufe führen
        Sie hier wieder zusammen: Sie sehen vorher, was sich ändert, und entscheiden bei Konflikten selbst.
      </Body1>

      {/* One primary action: making the files, or „Zusammenführen“ while a return is previewed. */}
      <VerteilenExport host={host} concept={concept} primary={!preview} />

      <section className={layout.section} aria-labelledby="verteilen-import">
        <Subtitle2 as="h2" id="verteilen-import">
          Rückläufe zusammenführen
        </Subtitle2>
        <Body1 as="p" block>
          Wählen Sie eine oder mehrere zurückgekommene Dateien aus. Erst mit „Zusammenführen“ wird die Arbeitsmappe
          geändert.
        </Body1>
        <input
          ref={picker}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Rückläufe auswählen"
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])];
            e.target.value = "";
            // Other returns replace the preview: asked first, as any way out of it.
            if (picked.length === 0) return;
            void session.leave(
              async () => {
                await importReturns(picked);
              },
              { edit: RETURN_EDIT },
            );
          }}
        />
        <div className={layout.actions}>
          <Button onClick={() => picker.current?.click()} disabled={busy}>
            Rückläufe auswählen …
          </Button>
        </div>
        {problems.length > 0 && <NoteList intent="error" title="Es wurde nichts zusammengeführt:" notes={problems} />}
        {preview && summary && (
          <>
            <Body1 as="p" block role="status">
              Vorschau (noch nichts geschrieben): {plural(summary.applied, "Wert", "Werte")} übernommen,{" "}
              {plural(summary.added, "Maßnahme", "Maßnahmen")} neu, {plural(summary.conflicts, "Konflikt", "Konflikte")}{" "}
              zu entscheiden, {plural(summary.notApplied, "weiterer Wert", "weitere Werte")} nicht übernommen
              {preview.appended.sachstaende.length + preview.appended.indikatorwerte.length > 0
                ? `; ${plural(preview.appended.sachstaende.length, "Sachstand", "Sachstände")} und ${plural(preview.appended.indikatorwerte.length, "Indikatorwert", "Indikatorwerte")} werden angefügt`
                : ""}
              .
            </Body1>
            <ul className={styles.list}>
              {preview.outcome.summaries.map((s) => (
                <li key={s.file}>
                  <Caption1>
                    {s.file}
                    {s.twoWay ? " (ohne Basiswerte, nur verglichen)" : ""}: {plural(s.applied, "Wert", "Werte")}{" "}
                    übernommen, {plural(s.added, "Maßnahme", "Maßnahmen")} neu
                    {s.renamed ? ` (${s.renamed} mit neuer ID)` : ""}
                    {s.deletedKept
                      ? `, ${plural(s.deletedKept, "Maßnahme", "Maßnahmen")} im Rücklauf gelöscht (in der Gesamtdatei behalten)`
                      : ""}
                    , {plural(counts(s.file).conflicts, "Konflikt", "Konflikte")},{" "}
                    {plural(counts(s.file).notApplied, "weiterer Wert", "weitere Werte")} nicht übernommen.
                  </Caption1>
                </li>
              ))}
            </ul>
            {preview.otherMaster.map((o) => (
              <MessageBar key={o.file} intent="warning">
                <MessageBarBody>
                  „{o.file}“ wurde aus „{o.masterFile}“ verteilt, nicht aus dieser Arbeitsmappe.
                </MessageBarBody>
              </MessageBar>
            ))}
            {preview.blocked && (
              <MessageBar intent="warning" role="alert">
                <MessageBarBody>{preview.blocked}</MessageBarBody>
              </MessageBar>
            )}

            {preview.choices.length > 0 && (
              <>
                <Subtitle2 as="h3" id="verteilen-konflikte">
                  Konflikte
                </Subtitle2>
                <Caption1 as="p" block>
                  Beide Seiten haben denselben Wert geändert. Entscheiden Sie je Wert, welcher gilt.
                </Caption1>
                <ul className={layout.cards} aria-labelledby="verteilen-konflikte">
                  {preview.choices.map((c) => (
                    <li key={c.index} className={layout.card}>
                      <Pairs
                        title={`${c.masterId} · ${c.action.field}`}
                        pairs={[
                          ["Gesamtdatei", show(c.action.masterValue)],
                          ["Rücklauf", show(c.action.returnValue)],
                          ["Datei", c.action.file],
                        ]}
                      />
                      <RadioGroup
                        aria-label={`Entscheidung ${c.masterId} ${c.action.field} (${c.action.file})`}
                        value={decisions.get(c.index) ?? "master"}
                        onChange={(_, data) => setDecisions((d) => new Map(d).set(c.index, data.value as Decision))}
                      >
                        <Radio value="master" label="Wert der Gesamtdatei behalten" />
                        <Radio value="ruecklauf" label="Wert aus dem Rücklauf übernehmen" />
                      </RadioGroup>
                    </li>
                  ))}
                </ul>
              </>
            )}

            {appliedLines.length > 0 && (
              <Entries
                id="verteilen-uebernommen"
                heading="Übernommene Änderungen"
                entries={appliedLines.map((a) => ({
                  title: `${a.masterId} · ${a.field}`,
                  pairs: [
                    ["Bisher", show(a.masterValue)],
                    ["Neu", show(a.returnValue)],
                    ["Datei", a.file],
                  ],
                }))}
              />
            )}

            {otherLines.length > 0 && (
              <Entries
                id="verteilen-hinweise"
                heading="Weitere Hinweise"
                entries={otherLines.map((a) => ({
                  title: [a.masterId || a.id, a.field].filter(Boolean).join(" · ") || "–",
                  pairs: [
                    ["Was", ACTION_LABEL[a.kind]],
                    ...(a.returnValue ? [["Rücklauf", a.returnValue] as [string, string]] : []),
                    ["Hinweis", a.note],
                    ["Datei", a.file],
                  ],
                }))}
              />
            )}

            <div className={layout.actions}>
              <Button appearance="primary" onClick={() => void merge()} disabled={busy || preview.blocked !== null}>
                Zusammenführen
              </Button>
              <Button onClick={() => setPreview(null)} disabled={busy}>
                Verwerfen
              </Button>
            </div>
          </>
        )}
        <NoticeBar notice={notice?.area === "import" ? notice : null} />
      </section>
    </div>
  );
}

/** A title and its label/value pairs, read top-down. */
function Pairs({ title, pairs }: { title: string; pairs: [string, ReactNode][] }): ReactElement {
  const styles = useStyles();
  return (
    <>
      <Body1>
        <strong>{title}</strong>
      </Body1>
      <dl className={styles.pairs}>
        {pairs.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={styles.term}>
              <Caption1>{term}</Caption1>
            </dt>
            <dd className={styles.value}>
              <Caption1>{value}</Caption1>
            </dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}

/** A read-only list of report lines under a visible heading, one card each. */
function Entries({
  id,
  heading,
  entries,
}: {
  id: string;
  heading: string;
  entries: { title: string; pairs: [string, ReactNode][] }[];
}): ReactElement {
  const layout = useLayoutStyles();
  return (
    <>
      <Subtitle2 as="h3" id={id}>
        {heading}
      </Subtitle2>
      <ul className={layout.cards} aria-labelledby={id}>
        {entries.map((e, i) => (
          <li key={i} className={layout.card}>
            <Pairs title={e.title} pairs={e.pairs} />
          </li>
        ))}
      </ul>
    </>
  );
}
