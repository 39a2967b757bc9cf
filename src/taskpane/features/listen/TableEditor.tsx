/**
 * One list (Handlungsfelder, Ziele, Indikatoren, Akteure): its rows, each with what the check says about
 * it, a form to add or edit a row (ID proposed, the rules live), and removing a row where nothing refers
 * to it.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import type { RowRecord } from "../../../domain/model";
import type { Finding } from "../../../domain/rules";
import { idKey, textOf } from "../../../domain/values";
import { severityCount } from "../../../workbook/report";
import type { ReadConcept } from "../../../workbook/read";
import { type Notice, NoticeBar, runWrite, useLayoutStyles } from "../../components";
import { useSession, useUnsavedEdit } from "../../session";
import {
  type FormValues,
  LISTS,
  LIST_EDIT,
  type ListKind,
  byField,
  checkRow,
  formColumns,
  formFromRow,
  inputProblems,
  labelOf,
  choices,
  proposedId,
  saveProblem,
  rowNumber,
  rowsOf,
  valuesFromForm,
} from "./model";
import { RowForm } from "./RowForm";
import { referrersOf, referrersText } from "./usage";
import { removeRow, saveRow } from "./writes";

interface Editing {
  id: string;
  isNew: boolean;
  form: FormValues;
  dirty: boolean;
}

/** After a save or a cancel the focus goes to „Neues …“, so that the next row is one key away. */
function useRefocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [times, setTimes] = useState(0);
  useEffect(() => {
    if (times > 0) ref.current?.focus();
  }, [times]);
  return [ref, () => setTimes((n) => n + 1)] as const;
}

export function TableEditor({
  concept,
  kind,
  findings,
  open,
}: {
  concept: ReadConcept;
  kind: ListKind;
  findings: Finding[];
  open: { id: string | null; seq: number } | null;
}): ReactElement {
  const session = useSession();
  const layout = useLayoutStyles();
  const info = LISTS[kind];
  const [editing, setEditing] = useState<Editing | null>(null);
  const [asking, setAsking] = useState<"delete" | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState("");
  const [addButton, refocus] = useRefocus<HTMLButtonElement>();
  const close = () => {
    setEditing(null);
    refocus();
  };

  const rows = rowsOf(concept, kind);
  const start = (id: string | null) => {
    const row = id === null ? undefined : rows.find((r) => idKey(textOf(r.values["id"] ?? null)) === idKey(id));
    setEditing({
      id: row ? textOf(row.values["id"] ?? null) : proposedId(concept, kind),
      isNew: !row,
      form: formFromRow(concept, kind, row),
      dirty: false,
    });
    setAsking(null);
  };
  /** Opens a row (or a new one), through the pane's guard when the form holds unsaved changes. */
  const request = (id: string | null) => void session.leave(() => start(id), { edit: LIST_EDIT });

  // A finding or a hint led here: open the row it names (or an empty form to add one).
  useEffect(() => {
    if (open) request(open.id);
  }, [open?.seq]);

  const values = editing ? valuesFromForm(kind, editing.form) : null;
  const live = useMemo(() => {
    if (!editing || !values) return {};
    const row = rowNumber(concept, kind, editing.isNew ? null : editing.id);
    return byField(checkRow(concept, kind, row, { ...values, id: editing.id }, session.today));
  }, [concept, kind, editing?.id, editing?.isNew, JSON.stringify(editing?.form), session.today]);
  const problems = editing ? inputProblems(kind, editing.form) : {};

  /** Runs a write, reads the workbook again and closes the form; a failure is one German sentence. */
  const act = async (write: () => Promise<void>, done: string): Promise<boolean> => {
    const ok = await runWrite(
      async () => {
        await write();
        await session.reload();
        close();
        return done;
      },
      { setNotice, setBusy },
    );
    setAsking(null);
    return ok;
  };

  const save = async (): Promise<boolean> => {
    const host = session.host;
    if (!editing || !values || !host) return false;
    const problem = saveProblem(concept, kind, editing, problems);
    if (problem) {
      setNotice({ intent: "error", text: problem });
      return false;
    }
    const id = editing.id.trim();
    const name = textOf(values[info.nameField] ?? null);
    return act(
      () => saveRow(host, concept, kind, id, values),
      `${info.singular} ${id}${name ? ` – ${name}` : ""} ist gespeichert.`,
    );
  };
  const remove = async () => {
    const host = session.host;
    if (editing && host)
      await act(() => removeRow(host, kind, editing.id), `${info.singular} ${editing.id} ist gelöscht.`);
  };

  useUnsavedEdit(
    LIST_EDIT,
    editing?.dirty ? { subject: `${info.singular} ${editing.id}`, save, discard: () => setEditing(null) } : null,
  );

  const shown = rows.filter((r) => !query || labelOf(kind, r).toLowerCase().includes(query.trim().toLowerCase()));
  const referrers = editing && !editing.isNew ? referrersOf(concept, kind, editing.id) : [];

  return (
    <div className={layout.section}>
      <Subtitle2 as="h2">{info.label}</Subtitle2>
      <NoticeBar notice={notice} />
      {editing ? (
        <RowForm
          title={editing.isNew ? `${info.aNew} ${editing.id}` : `${info.singular} ${editing.id} bearbeiten`}
          id={editing.id}
          isNew={editing.isNew}
          onId={(id) => setEditing({ ...editing, id, dirty: true })}
          columns={formColumns(kind)}
          form={editing.form}
          onChange={(field, value) =>
            setEditing({ ...editing, form: { ...editing.form, [field]: value }, dirty: true })
          }
          optionsOf={(c) => choices(concept, c)}
          findings={live}
          problems={problems}
          busy={busy}
          onSave={() => void save()}
          onCancel={close}
          onDelete={editing.isNew ? undefined : () => setAsking("delete")}
        >
          {asking === "delete" ? (
            <DeleteQuestion
              what={`${info.singular} ${editing.id}`}
              referrers={referrersText(referrers)}
              busy={busy}
              onDelete={() => void remove()}
              onKeep={() => setAsking(null)}
            />
          ) : null}
        </RowForm>
      ) : (
        <div className={layout.actions}>
          <Button ref={addButton} appearance="primary" onClick={() => request(null)}>
            {info.aNew}
          </Button>
        </div>
      )}
      {rows.length > 8 && (
        <Field label={`${info.label} durchsuchen`}>
          <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
      )}
      <RowList kind={kind} rows={shown} findings={findings} onEdit={(id) => request(id)} />
    </div>
  );
}

function DeleteQuestion({
  what,
  referrers,
  busy,
  onDelete,
  onKeep,
}: {
  what: string;
  referrers: string;
  busy: boolean;
  onDelete(): void;
  onKeep(): void;
}): ReactElement {
  const layout = useLayoutStyles();
  if (referrers) {
    return (
      <MessageBar intent="warning" role="alert" layout="multiline">
        <MessageBarBody>
          {what} lässt sich nicht löschen, solange darauf verwiesen wird: {referrers}. Ändern Sie zuerst diese Verweise.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={layout.actions} role="group" aria-label={`${what} löschen?`}>
      <Body1>{what} wirklich löschen? Nichts verweist darauf.</Body1>
      <Button appearance="primary" onClick={onDelete} disabled={busy}>
        Endgültig löschen
      </Button>
      <Button onClick={onKeep} disabled={busy}>
        Behalten
      </Button>
    </div>
  );
}

/** The rows as cards: `ID – Name`, the summary fields, what the check says, and the way to edit. */
function RowList({
  kind,
  rows,
  findings,
  onEdit,
}: {
  kind: ListKind;
  rows: RowRecord[];
  findings: Finding[];
  onEdit(id: string): void;
}): ReactElement {
  const layout = useLayoutStyles();
  const info = LISTS[kind];
  const columns = formColumns(kind);
  if (rows.length === 0) return <Body1 as="p">Die Liste „{info.label}“ ist noch leer.</Body1>;
  return (
    <ul className={layout.cards} aria-label={info.label}>
      {rows.map((r) => {
        const id = textOf(r.values["id"] ?? null);
        const own = findings.filter((f) => f.kind === kind && f.id !== null && idKey(f.id) === idKey(id));
        const counts = (["error", "warning"] as const)
          .map((s) => [s, own.filter((f) => f.severity === s).length] as const)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => severityCount(s, n));
        return (
          <li key={`${id}-${r.row}`} className={layout.card}>
            <Body1>
              <strong>{labelOf(kind, r)}</strong>
            </Body1>
            {info.summary.map((field) => {
              const value = textOf(r.values[field] ?? null);
              const header = columns.find((c) => c.field === field)?.header ?? field;
              return value ? <Caption1 key={field}>{`${header}: ${value}`}</Caption1> : null;
            })}
            {counts.length > 0 && <Caption1>{`Prüfung: ${counts.join(", ")}`}</Caption1>}
            <div className={layout.actions}>
              <Button size="small" onClick={() => onEdit(id)} aria-label={`${id} bearbeiten`}>
                Bearbeiten
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
