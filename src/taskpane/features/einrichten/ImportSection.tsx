/**
 * „Bestehende Liste übernehmen“: eine Liste (.xlsx oder .csv) auswählen, die vermutete Zuordnung der Spalten
 * prüfen und korrigieren, sehen, was übernommen wird, und erst dann die neue Arbeitsmappe bauen. Die Import-
 * Module und der Leser der Arbeitsmappe werden erst geladen, wenn eine Liste ausgewählt wird.
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useMemo, useRef, useState, type ReactElement } from "react";
import { type Notice, NoticeBar, type SectionProps, stepAppearance, useLayoutStyles } from "../../components";
import { readFile } from "../../services/download";
import { errorText, useSession } from "../../session";
import {
  type Built,
  BuiltWorkbook,
  ColumnCards,
  ImportPreview,
  type Lib,
  ListChoices,
  type Loaded,
} from "./ImportParts";
import { useMadeWorkbook } from "./madeWorkbook";

const loadLib = (): Promise<Lib> => import(/* webpackChunkName: "import-list" */ "../../services/importList");

const useStyles = makeStyles({ hidden: { display: "none" } });

/** What the section does, and what it does in Excel, where the open workbook cannot be replaced. */
function ImportIntro({ excel }: { excel: boolean }): ReactElement {
  return (
    <Body1 as="p" block>
      Eine vorhandene Maßnahmenliste (.xlsx oder .csv) wird in eine neue Arbeitsmappe übernommen. Sie sehen vorher,
      welche Spalte wohin kommt, und können das ändern.
      {excel
        ? " In Excel kann der Aufgabenbereich die geöffnete Arbeitsmappe nicht ersetzen: Die Übernahme erstellt eine neue Datei, die Sie herunterladen und in Excel öffnen."
        : " Die hier geöffnete Arbeitsmappe bleibt dabei unverändert."}
    </Body1>
  );
}

/** The key the built workbook is announced to the guard under (see useMadeWorkbook). */
const IMPORT_EDIT = "einrichten-import";

export default function ImportSection({ primary, onStart }: SectionProps): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const session = useSession();
  const picker = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState<"lesen" | "bauen" | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [built, setBuilt] = useState<Built | null>(null);
  const made = useMadeWorkbook(IMPORT_EDIT, built, () => setBuilt(null));

  const preview = useMemo(() => {
    if (!loaded) return null;
    const result = loaded.lib.previewImport(loaded.grid, loaded.mapping);
    return {
      result,
      problem: loaded.lib.mappingProblem(loaded.mapping, result),
      samples: loaded.lib.sampleValues(loaded.grid, loaded.mapping),
    };
  }, [loaded]);

  const pickList = async (file: File) => {
    onStart();
    setBusy("lesen");
    setNotice(null);
    setBuilt(null);
    setLoaded(null);
    try {
      const [lib, data] = await Promise.all([loadLib(), readFile(file)]);
      const list = await lib.readList(data, file.name);
      const { grid, mapping } = lib.firstGuess(list);
      setLoaded({ lib, list, grid, mapping });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  /** Another list, column or sheet choice drops the workbook built from the old one: asked while it is in no file. */
  const guarded = (action: () => void | Promise<void>) => void session.leave(action, { edit: IMPORT_EDIT });
  const change = (next: (l: Loaded) => Partial<Loaded>) =>
    loaded && guarded(() => (setBuilt(null), setNotice(null), setLoaded({ ...loaded, ...next(loaded) })));

  /** The imported workbook is open here: the pane shows what it still lacks, each with the way to it. */
  const [opened, setOpened] = useState(false);

  const take = async () => {
    if (!loaded || !preview || preview.problem) return;
    setBusy("bauen");
    setNotice(null);
    setOpened(false);
    try {
      setBuilt(loaded.lib.buildWorkbook(loaded.list, preview.result, session.today));
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const openHere = async () => {
    if (!built || !session.openWorkbook) return;
    setBusy("bauen");
    try {
      setNotice({ intent: "success", text: await made.openHere() });
      setOpened(true);
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const excel = session.mode === "excel";

  return (
    <section className={layout.section} aria-labelledby="einrichten-import">
      <Subtitle2 as="h2" id="einrichten-import">
        Bestehende Liste übernehmen
      </Subtitle2>
      <ImportIntro excel={excel} />
      <input
        ref={picker}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        aria-label="Liste auswählen"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          // Another list drops the workbook built from this one: asked first while it is in no file.
          if (file) guarded(() => pickList(file));
        }}
      />
      <div className={layout.actions}>
        <Button
          appearance={stepAppearance(primary, !loaded)}
          onClick={() => picker.current?.click()}
          disabled={busy !== null}
        >
          {loaded ? "Andere Liste auswählen …" : "Liste auswählen …"}
        </Button>
        {busy === "lesen" && <Spinner size="tiny" label="Liste wird gelesen …" />}
      </div>
      {!built && <NoticeBar notice={notice} />}

      {loaded && preview && (
        <>
          <Body1 as="p" block>
            <Text weight="semibold">{loaded.list.name}</Text> ({loaded.list.kind})
          </Body1>
          <ListChoices loaded={loaded} change={change} />
          <ColumnCards loaded={loaded} samples={preview.samples} change={change} />
          <ImportPreview loaded={loaded} result={preview.result} />
          {preview.problem && (
            <MessageBar intent="warning">
              <MessageBarBody>{preview.problem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={layout.actions}>
            <Button
              appearance={stepAppearance(primary, !built)}
              onClick={() => guarded(take)}
              disabled={busy !== null || preview.problem !== null}
            >
              Übernehmen
            </Button>
            {busy === "bauen" && <Spinner size="tiny" label="Arbeitsmappe wird erstellt …" />}
          </div>
        </>
      )}

      {built && (
        <BuiltWorkbook
          built={built}
          primary={primary}
          busy={busy !== null}
          notice={notice}
          opened={opened}
          onDownload={made.download}
          onOpenHere={() => void openHere()}
        />
      )}
    </section>
  );
}
