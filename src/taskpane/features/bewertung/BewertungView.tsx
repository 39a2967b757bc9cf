import { Body1, Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ReactElement } from "react";
import type { CellValue } from "../../../domain/dates";
import { STATUS_VALUES } from "../../../domain/model";
import { formatGermanNumber } from "../../../domain/numbers";
import { matchListValue } from "../../../domain/values";
import { type RoundPreview, buildRound, previewRound } from "../../services/operations";
import { type Notice, NoConcept, NoticeBar, stepAppearance, useLayoutStyles } from "../../components";
import { errorText, useSession } from "../../session";
import UebersichtBericht from "./UebersichtBericht";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: {
    display: "flex",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    flexWrap: "wrap",
  },
  year: { width: "8em" },
});

/** How many measures are `verworfen`: a round leaves them out. */
function rejectedCount(rows: { values: Record<string, CellValue> }[]): number {
  return rows.filter((r) => matchListValue(r.values.status ?? null, STATUS_VALUES) === "verworfen").length;
}

export default function BewertungView(): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const session = useSession();
  const { host, concept } = session;
  const [round, setRound] = useState(() => Number(session.today.slice(0, 4)));
  const [preview, setPreview] = useState<RoundPreview | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = Number.isInteger(round) && round >= 2000 && round <= 2100;

  useEffect(() => {
    if (!host || !concept || !valid) {
      setPreview(null);
      return;
    }
    let aktiv = true;
    previewRound(host, round)
      .then((p) => aktiv && setPreview(p))
      .catch((error) => aktiv && setNotice({ intent: "error", text: errorText(error) }));
    return () => {
      aktiv = false;
    };
  }, [host, concept, round, valid, session.version]);

  if (!host || !concept) {
    return <NoConcept hasWorkbook={!!host} />;
  }

  const build = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await buildRound(host, round);
      await host.selectCell(outcome.sheet, "A1");
      await session.reload();
      const { added, kept, retired } = outcome.plan.stats;
      const rejected = rejectedCount(concept.massnahmen.rows);
      setNotice({
        intent: "success",
        text:
          `Das Blatt „${outcome.sheet}“ enthält ${outcome.plan.rows.length} Maßnahmen ` +
          `(${added} neu, ${kept} mit ihren Bewertungen übernommen, ${retired} entfallen).` +
          (rejected === 1
            ? " Eine verworfene Maßnahme wird nicht bewertet."
            : rejected > 1
              ? ` ${rejected} verworfene Maßnahmen werden nicht bewertet.`
              : "") +
          (outcome.addedCriteriaSheet ? " Die Bewertungskriterien stehen im neuen Blatt „Bewertungskriterien“." : ""),
      });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const mean = (n: number | null) => (n === null ? "–" : formatGermanNumber(n, 2));

  return (
    <div className={styles.root}>
      <Body1 as="p" block>
        Jede Bewertungsrunde hat ein eigenes Blatt. Beim Aktualisieren bleiben alle Bewertungen, Empfehlungen und
        Begründungen erhalten; neue Maßnahmen kommen hinzu.
      </Body1>
      <div className={styles.row}>
        <Field
          label="Bewertungsrunde (Jahr)"
          validationState={valid ? "none" : "error"}
          validationMessage={valid ? undefined : "Bitte ein Jahr zwischen 2000 und 2100 eingeben."}
        >
          <Input
            className={styles.year}
            type="number"
            min={2000}
            max={2100}
            value={Number.isNaN(round) ? "" : String(round)}
            onChange={(_, data) => {
              setRound(Number(data.value));
              // An outcome belongs to the round it was for: no old success beside a new problem.
              setNotice(null);
            }}
          />
        </Field>
        {/* The one primary action: the matrix until the round has one, then „Übersicht erzeugen“ below. */}
        <Button
          appearance={stepAppearance(true, !preview?.exists)}
          onClick={() => void build()}
          disabled={busy || !valid}
        >
          {preview?.exists ? "Bewertungsmatrix aktualisieren" : "Bewertungsmatrix anlegen"}
        </Button>
      </div>
      {preview && (
        <Body1 as="p" block role="status">
          {preview.exists
            ? `Das Blatt „${preview.sheet}“ gibt es schon.`
            : `Das Blatt „${preview.sheet}“ gibt es noch nicht.`}{" "}
          Kriterien: {preview.plan.criteria.map((c) => `${c.name} (${formatGermanNumber(c.weight)})`).join(", ")}.
        </Body1>
      )}
      <NoticeBar notice={notice} />
      {preview && (
        <>
          <Subtitle2 as="h2" id="bewertung-zusammenfassung">
            {preview.sheet} nach Handlungsfeld
          </Subtitle2>
          <ul className={layout.cards} aria-labelledby="bewertung-zusammenfassung">
            {preview.summary.map((s) => (
              <li key={s.handlungsfeld} className={layout.card}>
                <Body1>
                  <strong>{s.handlungsfeld}</strong>
                </Body1>
                <Caption1>
                  {s.measures} {s.measures === 1 ? "Maßnahme" : "Maßnahmen"}, davon {s.scored} bewertet
                  {s.mean === null ? "" : ` · Mittelwert ${mean(s.mean)}`}
                </Caption1>
                {s.scored > 0 && (
                  <Caption1>
                    Ampel: {s.ampel.grün} grün · {s.ampel.gelb} gelb · {s.ampel.rot} rot
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <UebersichtBericht primary={!!preview?.exists} />
    </div>
  );
}
