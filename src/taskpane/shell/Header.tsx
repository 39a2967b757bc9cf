/**
 * The pane's compact header: the title, the open file and where its changes are, and in browser mode the
 * two file actions (open, save) as small buttons beside the title.
 */
import { Button, Caption1, Spinner, Subtitle1, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular, SaveRegular, WarningFilled } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { Storage } from "../session";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  top: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, minWidth: 0, margin: 0 },
  line: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  changed: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** What the header says about the open file's changes (browser mode). */
export function storageText(storage: Storage): string | null {
  if (storage.kind !== "browser") return null;
  switch (storage.state) {
    case "unchanged":
      return "unverändert";
    case "changed":
      return storage.saveBack ? "übernommen, noch nicht gespeichert" : "übernommen, noch nicht heruntergeladen";
    case "saved":
      return storage.saveBack ? "in der Datei gespeichert" : "heruntergeladen (Download-Ordner des Browsers)";
  }
}

export function Header({
  status,
  storage,
  fileName,
  busy,
  onOpen,
  onSave,
}: {
  /** The environment in one sentence (Excel, browser mode …). */
  status: string;
  storage: Storage;
  /** Browser mode: the open file (Excel shows its own). */
  fileName: string | null;
  busy: boolean;
  /** Browser mode only. */
  onOpen?: () => void;
  onSave?: () => void;
}): ReactElement {
  const styles = useStyles();
  const state = storageText(storage);
  const saveBack = storage.kind === "browser" && storage.saveBack;
  const saveLabel = saveBack ? `In „${fileName}“ speichern` : "Arbeitsmappe herunterladen";
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <Subtitle1 as="h1" className={styles.title}>
          Maßnahmenplaner
        </Subtitle1>
        {busy && <Spinner size="extra-tiny" aria-label="Bitte warten …" />}
        {onOpen && (
          <Tooltip content="Arbeitsmappe öffnen …" relationship="label">
            <Button size="small" appearance="subtle" icon={<FolderOpenRegular />} onClick={onOpen} disabled={busy} />
          </Tooltip>
        )}
        {onSave && (
          <Tooltip content={saveLabel} relationship="label">
            <Button
              size="small"
              appearance="subtle"
              icon={saveBack ? <SaveRegular /> : <ArrowDownloadRegular />}
              onClick={onSave}
              disabled={busy || !fileName}
            />
          </Tooltip>
        )}
      </div>
      <Caption1 as="p" role="status" className={styles.line}>
        {fileName ? (
          <>
            {fileName}
            {state && " · "}
            {state &&
              (storage.kind === "browser" && storage.state === "changed" ? (
                <span className={styles.changed}>
                  <WarningFilled aria-hidden="true" />
                  {state}
                </span>
              ) : (
                state
              ))}
          </>
        ) : (
          status
        )}
      </Caption1>
    </header>
  );
}
