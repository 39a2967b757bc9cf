/**
 * Listen: every list of the concept maintainable in the pane, in Excel and in the browser mode —
 * Handlungsfelder, Ziele, Indikatoren, Akteure and the Einstellungen — with what the concept still lacks
 * and the action that makes its references uniform.
 */
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactElement } from "react";
import { checkConcept } from "../../../domain/rules";
import type { ReadConcept } from "../../../workbook/read";
import { NoConcept } from "../../components";
import { useSession } from "../../session";
import { Gaps } from "./Gaps";
import { CHOICE_LABEL, LIST_EDIT, LIST_KINDS, type ListChoice } from "./model";
import { SettingsEditor } from "./SettingsEditor";
import { TableEditor } from "./TableEditor";
import { Uniform } from "./Uniform";

const CHOICES: ListChoice[] = [...LIST_KINDS, "einstellungen"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  wide: { width: "100%", minWidth: 0, maxWidth: "100%" },
});

/** The navigation request last acted on (the view mounts anew each time it is shown). */
let handled = 0;

export default function ListenView(): ReactElement {
  const session = useSession();
  if (!session.host || !session.concept) return <NoConcept hasWorkbook={!!session.host} />;
  return <Lists key={session.fileName} concept={session.concept} />;
}

function Lists({ concept }: { concept: ReadConcept }): ReactElement {
  const session = useSession();
  const styles = useStyles();
  const [choice, setChoice] = useState<ListChoice>("handlungsfelder");
  const [open, setOpen] = useState<{ id: string | null; seq: number } | null>(null);
  const findings = useMemo(() => checkConcept(concept, { today: session.today }).findings, [concept, session.today]);

  // A finding or a hint led here: show its list, with its row (or a new row) open.
  const request = session.navRequest;
  useEffect(() => {
    if (!request || request.seq <= handled || request.target.view !== "listen") return;
    handled = request.seq;
    const { kind, id } = request.target;
    setChoice(kind);
    if (kind !== "einstellungen") setOpen({ id: id ?? null, seq: request.seq });
  }, [request]);

  /** Another list, through the pane's guard when the open form holds unsaved changes. */
  const choose = (next: ListChoice) => {
    if (next === choice) return;
    void session.leave(
      () => {
        setChoice(next);
        setOpen(null);
      },
      { edit: LIST_EDIT },
    );
  };

  return (
    <div className={styles.root}>
      <Gaps concept={concept} findings={findings} />
      <Field label="Liste">
        <Select
          className={styles.wide}
          select={{ className: styles.wide }}
          value={choice}
          onChange={(_, d) => choose(d.value as ListChoice)}
        >
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {CHOICE_LABEL[c]}
            </option>
          ))}
        </Select>
      </Field>
      {choice === "einstellungen" ? (
        <SettingsEditor concept={concept} />
      ) : (
        <TableEditor key={choice} concept={concept} kind={choice} findings={findings} open={open} />
      )}
      <Uniform concept={concept} />
    </div>
  );
}
