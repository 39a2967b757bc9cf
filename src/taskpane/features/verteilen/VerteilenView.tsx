import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type ReactElement, type ReactNode } from "react";
import { ACTION_LABEL, type MergeAction } from "../../../domain/merge";
import {
  type MergePreview,
  type SplitFile,
  previewMerge,
  readReturns,
  splitFileBytes,
  splitOpenWorkbook,
  writeMerge,
} from "../../services/circulation";
import { type Notice, NoConcept, NoticeBar } from "../../components";
import { errorText, useSession } from "../../session";
import { download, readFile } from "../../services/download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  hidden: { display: "none" },
  table: { tableLayout: "auto" },
  cell: { overflowWrap: "anywhere", verticalAlign: "top" },
  number: { textAlign: "right", width: "5em" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Decision = "master" | "ruecklauf";
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

export default function VerteilenView(): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const { host, concept } = session;
  const [files, setFiles] = useState<SplitFile[] | null>(null);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [stichtag, setStichtag] = useState(session.today);
  const picker = useRef<HTMLInputElement>(null);

  if (!host || !concept) {
    return <NoConcept hasWorkbook={!!host} />;
  }

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
  const prepareFiles = (sachstand?: string) =>
    run(async () => {
      setFiles(null);
      if (sachstand !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(sachstand)) {
        throw new Error("Bitte für die Sachstandsabfrage einen Berichtsstichtag als Datum angeben.");
      }
      setFiles(await splitOpenWorkbook(host, session.fileName, session.today, sachstand));
    });

  const downloadFiles = (which: SplitFile[]) =>
    run(async () => {
      for (const f of which) download(await splitFileBytes(f), f.fileName);
      setNotice({
        intent: "success",
        text:
          which.length === 1
            ? `„${which[0]!.fileName}“ wird heruntergeladen.`
            : `${which.length} Dateien werden heruntergeladen; bitte je Fachbereich weitergeben.`,
      });
    });

  const importReturns = (picked: File[]) =>
    run(async () => {
      setPreview(null);
      setProblems([]);
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
    run(async () => {
      if (!preview) return;
      const take = new Set([...decisions].filter(([, d]) => d === "ruecklauf").map(([i]) => i));
      const { outcome, taken } = await writeMerge(host, preview, take, session.fileName);
      setPreview(null);
      const applied = outcome.summaries.reduce((n, s) => n + s.applied, 0);
      const added = outcome.summaries.reduce((n, s) => n + s.added, 0);
      await host.selectCell(outcome.conflicts > 0 ? "Konflikte" : "Zusammenführung", "A1");
      await session.reload();
      setNotice({
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

  const summary =
    preview &&
    (() => {
      const applied = preview.outcome.summaries.reduce((n, s) => n + s.applied, 0);
      const added = preview.outcome.summaries.reduce((n, s) => n + s.added, 0);
      const choosable = new Set(preview.choices.map((c) => c.index));
      const notApplied = preview.outcome.actions.filter((a, i) => a.notApplied && !choosable.has(i)).length;
      return { applied, added, conflicts: preview.choices.length, notApplied };
    })();
  const appliedLines = preview ? preview.outcome.actions.filter((a) => a.kind === "applied") : [];
  const choosable = new Set(preview?.choices.map((c) => c.index) ?? []);
  const otherLines = preview
    ? preview.outcome.actions.filter((a, i) => OTHER_KINDS.has(a.kind) && !choosable.has(i))
    : [];

  return (
    <div className={styles.root}>
      <Body1 as="p" block>
        Jeder Fachbereich erhält eine eigene Datei mit seinen Maßnahmen. Die bearbeiteten Rückläufe führen Sie hier
        wieder zusammen: Sie sehen vorher, was sich ändert, und entscheiden bei Konflikten selbst.
      </Body1>

      <section className={styles.section} aria-labelledby="verteilen-export">
        <Subtitle2 as="h2" id="verteilen-export">
          Dateien für die Fachbereiche
        </Subtitle2>
        <div className={styles.actions}>
          <Button appearance={files ? "secondary" : "primary"} onClick={() => void prepareFiles()} disabled={busy}>
            Dateien erstellen
          </Button>
          <Field label="Berichtsstichtag der Sachstandsabfrage">
            <Input type="date" value={stichtag} onChange={(_, d) => setStichtag(d.value)} />
          </Field>
          <Button onClick={() => void prepareFiles(stichtag)} disabled={busy}>
            Sachstandsabfrage erstellen
          </Button>
          {files && files.length > 0 && (
            <Button appearance="primary" onClick={() => void downloadFiles(files)} disabled={busy}>
              {files.length === 1 ? "Datei herunterladen" : `Alle ${files.length} Dateien herunterladen`}
            </Button>
          )}
        </div>
        {files && (
          <Table className={styles.table} aria-label="Dateien für die Fachbereiche" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Fachbereich</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Maßnahmen</TableHeaderCell>
                <TableHeaderCell>Datei</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((f) => (
                <TableRow key={f.fileName}>
                  <TableCell className={styles.cell}>{f.fachbereich}</TableCell>
                  <TableCell className={styles.number}>{f.measures}</TableCell>
                  <TableCell className={styles.cell}>
                    <Button
                      appearance="transparent"
                      size="small"
                      onClick={() => void downloadFiles([f])}
                      disabled={busy}
                    >
                      {f.fileName}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.section} aria-labelledby="verteilen-import">
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
            if (picked.length > 0) void importReturns(picked);
          }}
        />
        <div className={styles.actions}>
          <Button
            appearance={preview ? "secondary" : "primary"}
            onClick={() => picker.current?.click()}
            disabled={busy}
          >
            Rückläufe auswählen …
          </Button>
        </div>
        {problems.length > 0 && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              Es wurde nichts zusammengeführt:
              <ul className={styles.list}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
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
                      ? `, ${plural(s.deletedKept, "Maßnahme", "Maßnahmen")} im Rücklauf gelöscht (im Master behalten)`
                      : ""}
                    , {plural(s.notApplied, "Wert", "Werte")} nicht übernommen.
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
              <Table className={styles.table} aria-label="Konflikte" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>ID</TableHeaderCell>
                    <TableHeaderCell>Feld</TableHeaderCell>
                    <TableHeaderCell>Wert im Master</TableHeaderCell>
                    <TableHeaderCell>Wert im Rücklauf</TableHeaderCell>
                    <TableHeaderCell>Datei</TableHeaderCell>
                    <TableHeaderCell>Entscheidung</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.choices.map((c) => (
                    <TableRow key={c.index}>
                      <TableCell className={styles.cell}>{c.masterId}</TableCell>
                      <TableCell className={styles.cell}>{c.action.field}</TableCell>
                      <TableCell className={styles.cell}>{show(c.action.masterValue)}</TableCell>
                      <TableCell className={styles.cell}>{show(c.action.returnValue)}</TableCell>
                      <TableCell className={styles.cell}>{c.action.file}</TableCell>
                      <TableCell className={styles.cell}>
                        <RadioGroup
                          aria-label={`${c.masterId} ${c.action.field} (${c.action.file})`}
                          value={decisions.get(c.index) ?? "master"}
                          onChange={(_, data) => setDecisions((d) => new Map(d).set(c.index, data.value as Decision))}
                        >
                          <Radio value="master" label="Master behalten" />
                          <Radio value="ruecklauf" label="Rücklauf übernehmen" />
                        </RadioGroup>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}

            {appliedLines.length > 0 && (
              <LinesTable
                label="Übernommene Änderungen"
                headers={["ID", "Feld", "Bisher", "Neu", "Datei"]}
                rows={appliedLines.map((a) => [a.masterId, a.field, show(a.masterValue), show(a.returnValue), a.file])}
              />
            )}

            {otherLines.length > 0 && (
              <LinesTable
                label="Weitere Hinweise"
                headers={["ID", "Was", "Feld", "Wert im Rücklauf", "Hinweis"]}
                rows={otherLines.map((a) => [
                  a.masterId || a.id || "–",
                  ACTION_LABEL[a.kind],
                  a.field || "–",
                  a.returnValue || "–",
                  <>
                    {a.note} <Caption1>({a.file})</Caption1>
                  </>,
                ])}
              />
            )}

            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void merge()} disabled={busy || preview.blocked !== null}>
                Zusammenführen
              </Button>
              <Button onClick={() => setPreview(null)} disabled={busy}>
                Verwerfen
              </Button>
            </div>
          </>
        )}
      </section>

      <NoticeBar notice={notice} />
    </div>
  );
}

/** A read-only table of report lines. */
function LinesTable({ label, headers, rows }: { label: string; headers: string[]; rows: ReactNode[][] }): ReactElement {
  const styles = useStyles();
  return (
    <Table className={styles.table} aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          {headers.map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((cells, i) => (
          <TableRow key={i}>
            {cells.map((cell, j) => (
              <TableCell key={j} className={styles.cell}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
