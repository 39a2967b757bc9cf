/**
 * The form of one row of a list, built from the contract's columns: a text field, a number, a year, an
 * e-mail, a choice from a fixed list or a reference (the other table's `ID – Name`, the form it is stored
 * in). Under each field its input message and what the rules say about it as it is typed.
 */
import {
  Body1,
  Button,
  Field,
  Input,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactElement, useEffect, useRef } from "react";
import type { Finding } from "../../../domain/rules";
import type { ColumnSpec } from "../../../workbook/contract";
import { useLayoutStyles } from "../../components";
import { DateField } from "../../fields/DateField";
import type { FormValues, Option } from "./model";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  // A native select is as wide as its longest option; in the 320 px pane it takes the width it has.
  wide: { width: "100%", minWidth: 0, maxWidth: "100%" },
  general: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** Field state and text of the findings (and the form's own problem) of one field. */
export function validation(
  findings: Finding[] | undefined,
  problem?: string,
): { validationState?: "error" | "warning" | "none"; validationMessage?: string } {
  const list = findings ?? [];
  if (!problem && list.length === 0) return {};
  const state =
    problem || list.some((f) => f.severity === "error")
      ? "error"
      : list.some((f) => f.severity === "warning")
        ? "warning"
        : "none";
  return {
    validationState: state,
    validationMessage: [problem, ...list.map((f) => f.message)].filter(Boolean).join(" "),
  };
}

export interface RowFormProps {
  title: string;
  /** The row's ID: editable while the row is new (the proposal), fixed once it exists. */
  id: string;
  isNew: boolean;
  onId(id: string): void;
  columns: ColumnSpec[];
  form: FormValues;
  onChange(field: string, value: string): void;
  optionsOf(column: ColumnSpec): Option[];
  /** Where the calendar of a date field opens while it holds no exact day. */
  dueDateOf(column: ColumnSpec): string;
  findings: Record<string, Finding[]>;
  problems: Record<string, string>;
  busy: boolean;
  onSave(): void;
  onCancel(): void;
  /** Shown for a row that exists: the start of removing it. */
  onDelete?: () => void;
  /** The place under the buttons (the question before deleting, what refers to the row). */
  children?: ReactElement | null;
}

export function RowForm(props: RowFormProps): ReactElement {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const first = useRef<HTMLInputElement>(null);
  // The form opens where the user is: its first field takes the focus.
  useEffect(() => first.current?.focus(), [props.title]);
  const general = props.findings["_"] ?? [];
  return (
    <form
      className={`${styles.form} ${layout.section}`}
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <Subtitle2 as="h3">{props.title}</Subtitle2>
      <Field
        label="ID"
        required
        hint={
          props.isNew ? "Vorgeschlagen ist die nächste freie Nummer; vorhandene IDs werden nie geändert." : undefined
        }
        {...validation(general.filter((f) => f.rule === "ID_DOPPELT" || f.rule === "ID_FEHLT"))}
      >
        <Input
          ref={first}
          value={props.id}
          readOnly={!props.isNew}
          onChange={(_, d) => props.onId(d.value)}
          autoComplete="off"
        />
      </Field>
      {props.columns.map((c) => (
        <Field
          key={c.field}
          label={c.header}
          required={c.required}
          hint={c.prompt.text}
          {...validation(props.findings[c.field], props.problems[c.field])}
        >
          {c.format === "date" ? (
            <DateField
              value={props.form[c.field] ?? ""}
              onChange={(v) => props.onChange(c.field, v)}
              dueDate={props.dueDateOf(c)}
              label={c.header}
            />
          ) : (
            <ColumnInput
              column={c}
              value={props.form[c.field] ?? ""}
              options={props.optionsOf(c)}
              onChange={props.onChange}
            />
          )}
        </Field>
      ))}
      {general.some((f) => f.rule !== "ID_DOPPELT" && f.rule !== "ID_FEHLT") && (
        <ul className={styles.general} aria-label="Hinweise der Prüfung">
          {general
            .filter((f) => f.rule !== "ID_DOPPELT" && f.rule !== "ID_FEHLT")
            .map((f, i) => (
              <li key={i}>
                <Body1>{f.message}</Body1>
              </li>
            ))}
        </ul>
      )}
      <div className={layout.actions}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          Speichern
        </Button>
        <Button onClick={props.onCancel} disabled={props.busy}>
          Abbrechen
        </Button>
        {props.onDelete && (
          <Button onClick={props.onDelete} disabled={props.busy}>
            Löschen …
          </Button>
        )}
      </div>
      {props.children}
    </form>
  );
}

function ColumnInput({
  column: c,
  value,
  options,
  onChange,
}: {
  column: ColumnSpec;
  value: string;
  options: Option[];
  onChange(field: string, value: string): void;
}): ReactElement {
  const styles = useStyles();
  const set = (v: string) => onChange(c.field, v);
  if (c.list) {
    const known = options.some((o) => o.value === value);
    return (
      <Select
        className={styles.wide}
        select={{ className: styles.wide }}
        value={value}
        onChange={(_, d) => set(d.value)}
      >
        <option value="">{c.required ? "(bitte wählen)" : "(keine Angabe)"}</option>
        {value && !known && <option value={value}>{`${value} (nicht in der Liste)`}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    );
  }
  if (c.format === "number") return <Input inputMode="decimal" value={value} onChange={(_, d) => set(d.value)} />;
  if (c.format === "year")
    return <Input inputMode="numeric" placeholder="JJJJ" value={value} onChange={(_, d) => set(d.value)} />;
  if (c.format === "email") return <Input type="email" value={value} onChange={(_, d) => set(d.value)} />;
  if (c.width >= 40) {
    return <Textarea resize="vertical" rows={2} value={value} onChange={(_, d) => set(d.value)} />;
  }
  return <Input value={value} onChange={(_, d) => set(d.value)} />;
}
