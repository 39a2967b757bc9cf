/**
 * Start: after opening, where the concept stands (counts) and what to do next (each step a way to the
 * place that does it); before, how to begin.
 */
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactElement, useMemo } from "react";
import { NO_MASSNAHMEN_TEXT, useLayoutStyles } from "../../components";
import { useSession } from "../../session";
import { type StartModel, startModel } from "./model";
import { StartGaps } from "./StartGaps";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(8.5em, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: {
    display: "flex",
    flexDirection: "column-reverse",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: 1.2 },
  label: { overflowWrap: "anywhere" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  step: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXXS },
  status: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export default function StartView({ onOpen, onSetUp }: { onOpen?: () => void; onSetUp(): void }): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const session = useSession();
  const { concept, host } = session;
  const model = useMemo(() => (concept ? startModel(concept, session.today) : null), [concept, session.today]);

  if (!model) {
    return (
      <div className={styles.root}>
        <Body1 as="p" block>
          {host
            ? NO_MASSNAHMEN_TEXT
            : "Öffnen Sie eine Arbeitsmappe mit einem Maßnahmenplan, oder legen Sie eine neue aus einer Vorlage an."}
        </Body1>
        <div className={layout.actions}>
          {!host && onOpen && (
            <Button appearance="primary" onClick={onOpen}>
              Arbeitsmappe öffnen …
            </Button>
          )}
          <Button appearance={host || !onOpen ? "primary" : "secondary"} onClick={onSetUp}>
            {host ? "Struktur anlegen" : "Neue Arbeitsmappe anlegen"}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <Figures model={model} />
      {concept && <StartGaps concept={concept} />}
      <NextSteps model={model} />
    </div>
  );
}

function Figures({ model }: { model: StartModel }): ReactElement {
  const styles = useStyles();
  const figures: { label: string; value: number; bad?: boolean }[] = [
    { label: model.measures === 1 ? "Maßnahme" : "Maßnahmen", value: model.measures },
    { label: `SMART-vollständig (von ${model.active})`, value: model.smartComplete },
    { label: "Fehler", value: model.errors, bad: model.errors > 0 },
    { label: model.warnings === 1 ? "Warnung" : "Warnungen", value: model.warnings },
    {
      label: model.overdue === 1 ? "Frist überschritten" : "Fristen überschritten",
      value: model.overdue,
      bad: model.overdue > 0,
    },
    { label: model.missingReports === 1 ? "Sachstand fehlt" : "Sachstände fehlen", value: model.missingReports },
  ];
  return (
    <section aria-labelledby="start-stand">
      <Subtitle2 as="h2" id="start-stand">
        Stand des Konzepts
      </Subtitle2>
      {model.title && (
        <Caption1 as="p" block>
          {model.title}
        </Caption1>
      )}
      <dl className={styles.figures}>
        {figures.map((f) => (
          <div key={f.label} className={styles.figure}>
            <dt className={styles.label}>
              <Caption1>{f.label}</Caption1>
            </dt>
            <dd className={`${styles.value} ${f.bad ? styles.bad : ""}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
      {model.byStatus.length > 0 && (
        <>
          <Caption1 as="p" block id="start-status">
            Nach Status:
          </Caption1>
          <ul className={styles.status} aria-labelledby="start-status">
            {model.byStatus.map((s) => (
              <li key={s.status}>
                <Body1>
                  {s.status}: {s.count}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NextSteps({ model }: { model: StartModel }): ReactElement {
  const styles = useStyles();
  const session = useSession();
  return (
    <section aria-labelledby="start-schritte">
      <Subtitle2 as="h2" id="start-schritte">
        Nächste Schritte
      </Subtitle2>
      {model.steps.length === 0 ? (
        <Body1 as="p" block>
          Alle Maßnahmen sind SMART-vollständig, die Prüfung findet nichts, und kein Sachstand fehlt.
        </Body1>
      ) : (
        <ol className={styles.steps}>
          {model.steps.map((s, i) => (
            <li key={s.action}>
              <div className={styles.step}>
                <Body1>{s.text}</Body1>
                <Button
                  size="small"
                  appearance={i === 0 ? "primary" : "secondary"}
                  onClick={() => session.navigate(s.target)}
                >
                  {s.action}
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
