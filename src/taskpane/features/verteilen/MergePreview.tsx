/**
 * The preview of a merge in „Verteilen“ (VerteilenView.tsx): what the returns change before anything is
 * written, a decision per conflict, the applied changes and every other note, and the buttons that write or
 * discard it.
 */
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
import { Fragment, type ReactElement, type ReactNode } from "react";
import { ACTION_LABEL, type MergeAction } from "../../../domain/merge";
import type { MergePreview } from "../../services/circulation";
import { useLayoutStyles } from "../../components";

const useStyles = makeStyles({
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
});

export type Decision = "master" | "ruecklauf";
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

export function MergePreviewPanel({
  preview,
  decisions,
  onDecide,
  busy,
  onMerge,
  onDiscard,
}: {
  preview: MergePreview;
  decisions: Map<number, Decision>;
  onDecide: (index: number, decision: Decision) => void;
  busy: boolean;
  onMerge: () => void;
  onDiscard: () => void;
}): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const choosable = new Set(preview.choices.map((c) => c.index) ?? []);
  /** One way of counting for the whole preview and for each file: conflicts to decide are not „nicht übernommen“. */
  const counts = (file?: string) => {
    const actions = preview.outcome.actions.map((a, i) => ({ a, i })).filter(({ a }) => !file || a.file === file);
    return {
      conflicts: actions.filter(({ i }) => choosable.has(i)).length,
      notApplied: actions.filter(({ a, i }) => a.notApplied && !choosable.has(i)).length,
    };
  };
  const summary = {
    applied: preview.outcome.summaries.reduce((n, s) => n + s.applied, 0),
    added: preview.outcome.summaries.reduce((n, s) => n + s.added, 0),
    ...counts(),
  };
  const appliedLines = preview.outcome.actions.filter((a) => a.kind === "applied");
  const otherLines = preview.outcome.actions.filter((a, i) => OTHER_KINDS.has(a.kind) && !choosable.has(i));

  return (
    <>
      <Body1 as="p" block role="status">
        Vorschau (noch nichts geschrieben): {plural(summary.applied, "Wert", "Werte")} übernommen,{" "}
        {plural(summary.added, "Maßnahme", "Maßnahmen")} neu, {plural(summary.conflicts, "Konflikt", "Konflikte")} zu
        entscheiden, {plural(summary.notApplied, "weiterer Wert", "weitere Werte")} nicht übernommen
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
              {s.twoWay ? " (ohne Basiswerte, nur verglichen)" : ""}: {plural(s.applied, "Wert", "Werte")} übernommen,{" "}
              {plural(s.added, "Maßnahme", "Maßnahmen")} neu
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
                  onChange={(_, data) => onDecide(c.index, data.value as Decision)}
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
        <Button appearance="primary" onClick={onMerge} disabled={busy || preview.blocked !== null}>
          Zusammenführen
        </Button>
        <Button onClick={onDiscard} disabled={busy}>
          Verwerfen
        </Button>
      </div>
    </>
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
