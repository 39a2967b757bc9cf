/**
 * The parts of „Bestehende Liste übernehmen“ (ImportSection.tsx): the sheet and header row of the list, a card
 * per column with what it is taken as, what will be taken, and the new workbook once it is made.
 */
import {
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { ImportGrid, ImportMapping, ListFile } from "../../services/importList";
import { type Notice, NoticeBar, useLayoutStyles } from "../../components";
import { useSession } from "../../session";
import { ConceptGaps } from "../listen/Gaps";
import { MadeWorkbookActions } from "./MadeWorkbookActions";

export type Lib = typeof import("../../services/importList");

export interface Loaded {
  lib: Lib;
  list: ListFile;
  grid: ImportGrid;
  mapping: ImportMapping;
}

export interface Built {
  data: ArrayBuffer;
  fileName: string;
  summary: string[];
}

/** Changes the list as loaded (another sheet, header row or target); the preview follows. */
export type Change = (next: (l: Loaded) => Partial<Loaded>) => void;

const useStyles = makeStyles({
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

/** The sheet of the list (when it has several) and its header row. */
export function ListChoices({ loaded, change }: { loaded: Loaded; change: Change }): ReactElement {
  const styles = useStyles();
  return (
    <>
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
      <Field label="Kopfzeile" hint="Die Zeile mit den Überschriften; darüber stehende Zeilen werden nicht übernommen.">
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
    </>
  );
}

/** A card per column of the list: a sample value and what the column is taken as. */
export function ColumnCards({
  loaded,
  samples,
  change,
}: {
  loaded: Loaded;
  samples: Map<number, string>;
  change: Change;
}): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <>
      <Subtitle2 as="h3" id="einrichten-import-spalten">
        Spalten der Liste
      </Subtitle2>
      <ul className={layout.cards} aria-labelledby="einrichten-import-spalten">
        {loaded.mapping.columns.map((c) => {
          const letter = loaded.lib.columnLetter(c.column);
          const sample = samples.get(c.column);
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
    </>
  );
}

/** What will be taken, before anything is written; the first values not understood. */
export function ImportPreview({
  loaded,
  result,
}: {
  loaded: Loaded;
  result: ReturnType<Lib["previewImport"]>;
}): ReactElement {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3" id="einrichten-import-vorschau">
        Was übernommen wird (noch nichts geschrieben)
      </Subtitle2>
      <dl className={styles.pairs} aria-labelledby="einrichten-import-vorschau">
        <dt className={styles.term}>Maßnahmen</dt>
        <dd className={styles.value}>
          {result.massnahmen.length}
          {result.rows.length > 0 ? ` (${loaded.lib.rowsText(result.rows)})` : ""}
        </dd>
        <dt className={styles.term}>Handlungsfelder</dt>
        <dd className={styles.value}>{result.handlungsfelder.length}</dd>
        <dt className={styles.term}>Ziele</dt>
        <dd className={styles.value}>{result.ziele.length}</dd>
        <dt className={styles.term}>Akteure</dt>
        <dd className={styles.value}>{result.akteure.length}</dd>
        <dt className={styles.term}>Sachstände</dt>
        <dd className={styles.value}>{result.sachstaende.length}</dd>
        <dt className={styles.term}>Eigene Spalten</dt>
        <dd className={styles.value}>{result.extraColumns.length}</dd>
        <dt className={styles.term}>Nicht verstanden</dt>
        <dd className={styles.value}>{plural(result.notes.length, "Wert", "Werte")}</dd>
      </dl>
      {result.notes.length > 0 && (
        <>
          <Caption1 id="einrichten-import-hinweise">
            {result.notes.length > NOTES_SHOWN
              ? `Die ersten ${NOTES_SHOWN}; alle stehen nach der Übernahme im Blatt „Übernahme“:`
              : "Sie stehen nach der Übernahme auch im Blatt „Übernahme“:"}
          </Caption1>
          <ul className={styles.list} aria-labelledby="einrichten-import-hinweise">
            {result.notes.slice(0, NOTES_SHOWN).map((n, i) => (
              <li key={i}>
                <Caption1>
                  {n.cell}: „{n.value}“ – {n.message}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The new workbook: download it, or open it here in the browser mode (then what it still lacks). */
export function BuiltWorkbook({
  built,
  primary,
  busy,
  notice,
  opened,
  onDownload,
  onOpenHere,
}: {
  built: Built;
  primary: boolean;
  busy: boolean;
  notice: Notice | null;
  opened: boolean;
  onDownload: () => void;
  onOpenHere: () => void;
}): ReactElement {
  const session = useSession();
  const excel = session.mode === "excel";
  return (
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
      <MadeWorkbookActions primary={primary} busy={busy} onDownload={onDownload} onOpenHere={onOpenHere} />
      <NoticeBar notice={notice} />
      {opened && <ConceptGaps />}
    </>
  );
}
