/**
 * „Bestehende Liste übernehmen“: eine Liste (.xlsx oder .csv) auswählen, die vermutete Zuordnung der Spalten
 * prüfen und korrigieren, sehen, was übernommen wird, und erst dann die neue Arbeitsmappe bauen. Die Import-
 * Module und der Leser der Arbeitsmappe werden erst geladen, wenn eine Liste ausgewählt wird.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState, type ReactElement } from "react";
import type { ImportGrid, ImportMapping, ListFile } from "../../services/importList";
import { type Notice, NoticeBar, type SectionProps, stepAppearance, useLayoutStyles } from "../../components";
import { readFile } from "../../services/download";
import { errorText, useSession } from "../../session";
import { ConceptGaps } from "../listen/Gaps";
import { useMadeWorkbook } from "./madeWorkbook";

type Lib = typeof import("../../services/importList");
const loadLib = (): Promise<Lib> => import(/* webpackChunkName: "import-list" */ "../../services/importList");

const useStyles = makeStyles({
  hidden: { display: "none" },
  muted: { color: tokens.colorNeutralForeground2 },
  pairs: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(5em, max-content) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  // The native select as wide as the pane, never as wide as its longest option.
  select: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const NOTES_SHOWN = 5;

interface Loaded {
  lib: Lib;
  list: ListFile;
  grid: ImportGrid;
  mapping: ImportMapping;
}

interface Built {
  data: ArrayBuffer;
  fileName: string;
  summary: string[];
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

  const change = (next: (l: Loaded) => Partial<Loaded>) => {
    if (!loaded) return;
    setBuilt(null);
    setNotice(null);
    setLoaded({ ...loaded, ...next(loaded) });
  };

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
      <Body1 as="p" block>
        Eine vorhandene Maßnahmenliste (.xlsx oder .csv) wird in eine neue Arbeitsmappe übernommen. Sie sehen vorher,
        welche Spalte wohin kommt, und können das ändern.
        {excel
          ? " In Excel kann der Aufgabenbereich die geöffnete Arbeitsmappe nicht ersetzen: Die Übernahme erstellt eine neue Datei, die Sie herunterladen und in Excel öffnen."
          : " Die hier geöffnete Arbeitsmappe bleibt dabei unverändert."}
      </Body1>
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
          if (file) void session.leave(() => pickList(file), { edit: IMPORT_EDIT });
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
          {loaded.list.grids.length > 1 && (
            <Field label="Blatt der Liste">
              <Select
                select={{ className: styles.select }}
                value={loaded.grid.sheet}
                onChange={(_, d) =>
                  change((l) => {
                    const grid = l.list.grids.find((g) => g.sheet === d.value) ?? l.grid;
                    return { grid, mapping: l.lib.guessFor(grid) };
                  })
                }
              >
                {loaded.list.grids.map((g) => (
                  <option key={g.sheet} value={g.sheet}>
                    {g.sheet}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field
            label="Kopfzeile"
            hint="Die Zeile mit den Überschriften; darüber stehende Zeilen werden nicht übernommen."
          >
            <Select
              value={`${loaded.mapping.headerTop}-${loaded.mapping.headerBottom}`}
              onChange={(_, d) =>
                change((l) => {
                  const [top, bottom] = d.value.split("-").map(Number);
                  return { mapping: l.lib.mappingFromHeader(l.grid, top!, bottom!) };
                })
              }
            >
              {loaded.lib.headerChoices(loaded.grid, loaded.mapping).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>

          <Subtitle2 as="h3" id="einrichten-import-spalten">
            Spalten der Liste
          </Subtitle2>
          <ul className={layout.cards} aria-labelledby="einrichten-import-spalten">
            {loaded.mapping.columns.map((c) => {
              const letter = loaded.lib.columnLetter(c.column);
              const sample = preview.samples.get(c.column);
              const taker =
                c.alsoLike &&
                loaded.mapping.columns.find((o) => o.target.kind === "field" && o.target.field === c.alsoLike);
              return (
                <li key={c.column} className={layout.card}>
                  <Text weight="semibold">{c.header || "(ohne Überschrift)"}</Text>
                  <Caption1 className={styles.muted}>
                    {sample ? `Beispiel: „${sample}“` : "ohne Werte unter der Überschrift"}
                  </Caption1>
                  <Field label={`Spalte ${letter} übernehmen als`}>
                    <Select
                      select={{ className: styles.select }}
                      value={loaded.lib.targetValue(c.target)}
                      onChange={(_, d) =>
                        change((l) => ({
                          mapping: l.lib.retarget(l.mapping, c.column, l.lib.targetFromValue(d.value)),
                        }))
                      }
                    >
                      {loaded.lib.targetOptions(c).map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {taker && (
                    <Caption1 className={styles.muted}>
                      Sieht auch wie „{loaded.lib.targetLabel({ kind: "field", field: c.alsoLike! })}“ aus; dafür wird
                      Spalte {loaded.lib.columnLetter(taker.column)} genommen.
                    </Caption1>
                  )}
                </li>
              );
            })}
          </ul>

          <Subtitle2 as="h3" id="einrichten-import-vorschau">
            Was übernommen wird (noch nichts geschrieben)
          </Subtitle2>
          <dl className={styles.pairs} aria-labelledby="einrichten-import-vorschau">
            <dt className={styles.term}>Maßnahmen</dt>
            <dd className={styles.value}>
              {preview.result.massnahmen.length}
              {preview.result.rows.length > 0 ? ` (${loaded.lib.rowsText(preview.result.rows)})` : ""}
            </dd>
            <dt className={styles.term}>Handlungsfelder</dt>
            <dd className={styles.value}>{preview.result.handlungsfelder.length}</dd>
            <dt className={styles.term}>Ziele</dt>
            <dd className={styles.value}>{preview.result.ziele.length}</dd>
            <dt className={styles.term}>Akteure</dt>
            <dd className={styles.value}>{preview.result.akteure.length}</dd>
            <dt className={styles.term}>Sachstände</dt>
            <dd className={styles.value}>{preview.result.sachstaende.length}</dd>
            <dt className={styles.term}>Eigene Spalten</dt>
            <dd className={styles.value}>{preview.result.extraColumns.length}</dd>
            <dt className={styles.term}>Nicht verstanden</dt>
            <dd className={styles.value}>{plural(preview.result.notes.length, "Wert", "Werte")}</dd>
          </dl>
          {preview.result.notes.length > 0 && (
            <>
              <Caption1 id="einrichten-import-hinweise">
                {preview.result.notes.length > NOTES_SHOWN
                  ? `Die ersten ${NOTES_SHOWN}; alle stehen nach der Übernahme im Blatt „Übernahme“:`
                  : "Sie stehen nach der Übernahme auch im Blatt „Übernahme“:"}
              </Caption1>
              <ul className={styles.list} aria-labelledby="einrichten-import-hinweise">
                {preview.result.notes.slice(0, NOTES_SHOWN).map((n, i) => (
                  <li key={i}>
                    <Caption1>
                      {n.cell}: „{n.value}“ – {n.message}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.problem && (
            <MessageBar intent="warning">
              <MessageBarBody>{preview.problem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={layout.actions}>
            <Button
              appearance={stepAppearance(primary, !built)}
              onClick={() => void take()}
              disabled={busy !== null || preview.problem !== null}
            >
              Übernehmen
            </Button>
            {busy === "bauen" && <Spinner size="tiny" label="Arbeitsmappe wird erstellt …" />}
          </div>
        </>
      )}

      {built && (
        <>
          <MessageBar intent="success" role="status">
            <MessageBarBody>
              <MessageBarTitle>Neue Arbeitsmappe „{built.fileName}“ erstellt</MessageBarTitle>
              {built.summary.slice(1).join(" ")}{" "}
              {excel
                ? "Laden Sie sie herunter und öffnen Sie sie in Excel; das Blatt „Übernahme“ nennt jeden nicht verstandenen Wert mit seiner Zelle."
                : "Das Blatt „Übernahme“ nennt jeden nicht verstandenen Wert mit seiner Zelle."}
            </MessageBarBody>
          </MessageBar>
          <div className={layout.actions}>
            <Button appearance={stepAppearance(primary, true)} onClick={made.download} disabled={busy !== null}>
              Neue Arbeitsmappe herunterladen
            </Button>
            {!excel && session.openWorkbook && (
              <Button onClick={() => void openHere()} disabled={busy !== null}>
                Hier öffnen
              </Button>
            )}
          </div>
          {!excel && session.openWorkbook && session.host && (
            <Caption1 className={styles.muted}>
              „Hier öffnen“ ersetzt die hier geöffnete Arbeitsmappe „{session.fileName}“; laden Sie sie vorher herunter,
              wenn Sie Änderungen daran behalten wollen.
            </Caption1>
          )}
          <NoticeBar notice={notice} />
          {opened && <ConceptGaps />}
        </>
      )}
    </section>
  );
}
