import {
  Body1,
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type ReactElement } from "react";
import { formatGermanNumber } from "../../../domain/numbers";
import { type RoundPreview, buildRound, previewRound } from "../../services/operations";
import { type Notice, NoConcept, NoticeBar } from "../../components";
import { errorText, useSession } from "../../session";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  year: { width: "8em" },
  number: { textAlign: "right", width: "3.5em" },
  table: { tableLayout: "auto" },
});

export default function BewertungView(): ReactElement {
  const styles = useStyles();
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
      setNotice({
        intent: "success",
        text:
          `Das Blatt „${outcome.sheet}“ enthält ${outcome.plan.rows.length} Maßnahmen ` +
          `(${added} neu, ${kept} mit ihren Bewertungen übernommen, ${retired} entfallen).` +
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
            onChange={(_, data) => setRound(Number(data.value))}
          />
        </Field>
        <Button appearance="primary" onClick={() => void build()} disabled={busy || !valid}>
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
        <Table className={styles.table} aria-label={`Zusammenfassung ${preview.sheet} nach Handlungsfeld`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Handlungsfeld</TableHeaderCell>
              <TableHeaderCell className={styles.number}>
                <abbr title="Maßnahmen">Anz.</abbr>
              </TableHeaderCell>
              <TableHeaderCell className={styles.number}>bewertet</TableHeaderCell>
              <TableHeaderCell className={styles.number}>
                <abbr title="Mittelwert Gesamt">Ø</abbr>
              </TableHeaderCell>
              <TableHeaderCell className={styles.number}>grün</TableHeaderCell>
              <TableHeaderCell className={styles.number}>gelb</TableHeaderCell>
              <TableHeaderCell className={styles.number}>rot</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.summary.map((s) => (
              <TableRow key={s.handlungsfeld}>
                <TableCell>{s.handlungsfeld}</TableCell>
                <TableCell className={styles.number}>{s.measures}</TableCell>
                <TableCell className={styles.number}>{s.scored}</TableCell>
                <TableCell className={styles.number}>{mean(s.mean)}</TableCell>
                <TableCell className={styles.number}>{s.ampel.grün}</TableCell>
                <TableCell className={styles.number}>{s.ampel.gelb}</TableCell>
                <TableCell className={styles.number}>{s.ampel.rot}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
