import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type ReactElement } from "react";
import { CONFLICT_SHEET } from "../../../workbook/sheets/konflikte";
import { MERGE_LOG_SHEET } from "../../../workbook/sheets/zusammenfuehrung";
import type { WorkbookHost } from "../../../workbook/host";
import type { ReadConcept } from "../../../workbook/read";
import type { MergePreview } from "../../services/circulation";
import { type Notice, NoConcept, NoticeBar, useLayoutStyles } from "../../components";
import { type PendingEdit, errorText, useSession, useUnsavedEdit } from "../../session";
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

  useUnsavedEdit(
    RETURN_EDIT,
    pendingReturn(preview, merge, () => setPreview(null)),
  );

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
