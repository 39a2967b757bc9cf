import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type ReactElement } from "react";
import { CONFLICT_SHEET } from "../../../workbook/sheets/konflikte";
import { MERGE_LOG_SHEET } from "../../../workbook/sheets/zusammenfuehrung";
import type { MergePreview } from "../../services/circulation";
import { type Notice, NoConcept, NoticeBar, useLayoutStyles } from "../../components";
import { errorText, useSession } from "../../session";
import { readFile } from "../../services/download";
import { type Decision, MergePreviewPanel } from "./MergePreview";
import VerteilenExport, { NoteList } from "./VerteilenExport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  hidden: { display: "none" },
});

/** Merging needs the reader: loaded on the first click, not when the view opens. */
const circulation = () => import(/* webpackChunkName: "circulation" */ "../../services/circulation");

type Area = "export" | "import";
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default function VerteilenView(): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const session = useSession();
  const { host, concept } = session;
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [problems, setProblems] = useState<string[]>([]);
  /** The outcome of the last action, shown in the section whose button started it. */
  const [notice, setNotice] = useState<(Notice & { area: Area }) | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  if (!host || !concept) {
    return <NoConcept hasWorkbook={!!host} />;
  }

  const run = async (area: Area, work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      setNotice({ area, intent: "error", text: errorText(error) });
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
      await host.selectCell(outcome.conflicts > 0 ? CONFLICT_SHEET.sheet : MERGE_LOG_SHEET.sheet, "A1");
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
            if (picked.length > 0) void importReturns(picked);
          }}
        />
        <div className={layout.actions}>
          <Button onClick={() => picker.current?.click()} disabled={busy}>
            Rückläufe auswählen …
          </Button>
        </div>
        {problems.length > 0 && <NoteList intent="error" title="Es wurde nichts zusammengeführt:" notes={problems} />}
        {preview && (
          <MergePreviewPanel
            preview={preview}
            decisions={decisions}
            onDecide={(index, decision) => setDecisions((d) => new Map(d).set(index, decision))}
            busy={busy}
            onMerge={() => void merge()}
            onDiscard={() => setPreview(null)}
          />
        )}
        <NoticeBar notice={notice?.area === "import" ? notice : null} />
      </section>
    </div>
  );
}
