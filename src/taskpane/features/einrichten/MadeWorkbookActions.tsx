/**
 * What a section that makes a new workbook (Übernahme, Fortschreibung) offers once it is made: download it,
 * or in the browser mode open it here, with the warning that this replaces the workbook open now.
 */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { stepAppearance, useLayoutStyles } from "../../components";
import { useSession } from "../../session";

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground2 } });

export function MadeWorkbookActions({
  primary,
  busy,
  onDownload,
  onOpenHere,
}: {
  primary: boolean;
  busy: boolean;
  /** Downloads it (see useMadeWorkbook: the guard then lets go of it). */
  onDownload: () => void;
  onOpenHere: () => void;
}): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const session = useSession();
  const here = session.mode !== "excel" && !!session.openWorkbook;
  return (
    <>
      <div className={layout.actions}>
        <Button appearance={stepAppearance(primary, true)} onClick={onDownload} disabled={busy}>
          Neue Arbeitsmappe herunterladen
        </Button>
        {here && (
          <Button onClick={onOpenHere} disabled={busy}>
            Hier öffnen
          </Button>
        )}
      </div>
      {here && session.host && (
        <Caption1 className={styles.muted}>
          „Hier öffnen“ ersetzt die hier geöffnete Arbeitsmappe „{session.fileName}“; laden Sie sie vorher herunter,
          wenn Sie Änderungen daran behalten wollen.
        </Caption1>
      )}
    </>
  );
}
