/** The question before unsaved changes would be left: save and go on, discard, or keep editing. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";

const useStyles = makeStyles({ actions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalS } });

export function UnsavedGuard({
  what,
  onSave,
  onDiscard,
  onStay,
}: {
  /** `Ihre Änderungen an HF-03` */
  what: string;
  onSave(): void;
  onDiscard(): void;
  onStay(): void;
}): ReactElement {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" role="alert" layout="multiline">
      <MessageBarBody>{what} sind noch nicht gespeichert.</MessageBarBody>
      <MessageBarActions className={styles.actions}>
        <Button appearance="primary" onClick={onSave}>
          Speichern und weiter
        </Button>
        <Button onClick={onDiscard}>Verwerfen</Button>
        <Button onClick={onStay}>Weiter bearbeiten</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
