/**
 * One field of the SMART template: the input its column calls for (a list from the workbook, a list of the
 * contract, a date, a number, text), with its label, help text and the live check's messages.
 */
import {
  Body1,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactElement, useMemo } from "react";
import type { Finding } from "../../../domain/rules";
import { idKey, referenceId, referenceIds } from "../../../domain/values";
import type { ColumnSpec } from "../../../workbook/contract";
import type { ReadConcept } from "../../../workbook/read";
import { DateField } from "../../fields/DateField";
import {
  bedarfOptions,
  bedarfState,
  dueDates,
  handlungsfeldOptions,
  indikatorOptions,
  optionFor,
  zielOptions,
} from "./form";
import { LeadField } from "./LeadField";
import type { MeasureForm } from "./useMeasureForm";

const useStyles = makeStyles({
  chosenList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export const fieldId = (field: string) => `massnahme-${field}`;

/** Text that is often longer than the pane is wide: shown whole over several lines. */
const MULTILINE = new Set(["zielgruppe", "zielwert", "bemerkung"]);

function validation(findings: Finding[] | undefined): { state?: "error" | "warning" | "none"; message?: string } {
  if (!findings?.length) return {};
  const state = findings.some((f) => f.severity === "error")
    ? "error"
    : findings.some((f) => f.severity === "warning")
      ? "warning"
      : "none";
  return { state, message: findings.map((f) => f.message).join(" ") };
}

interface Props {
  column: ColumnSpec;
  concept: ReadConcept;
  m: MeasureForm;
}

/** Handlungsfeld and Ziel: one of the workbook's rows; another Handlungsfeld drops a Ziel outside it. */
function ReferenceInput({ column: c, concept, m }: Props): ReactElement {
  const hf = m.form.handlungsfeld ?? "";
  const options = useMemo(
    () => (c.field === "handlungsfeld" ? handlungsfeldOptions(concept) : zielOptions(concept, hf)),
    [c.field, concept, hf],
  );
  const value = m.form[c.field] ?? "";
  const current = optionFor(options, value);
  return (
    <Dropdown
      id={fieldId(c.field)}
      placeholder="Bitte wählen"
      value={current?.label ?? value}
      selectedOptions={current ? [current.value] : []}
      onOptionSelect={(_, data) => {
        const next = data.optionValue ?? "";
        m.update(c.field, (f) => {
          const updated = { ...f, [c.field]: next };
          const zielFits = zielOptions(concept, next).some(
            (o) => idKey(referenceId(o.value)) === idKey(referenceId(f.ziel ?? "")),
          );
          if (c.field === "handlungsfeld" && f.ziel && !zielFits) updated.ziel = "";
          return updated;
        });
      }}
    >
      {options.map((o) => (
        <Option key={o.value} value={o.value}>
          {o.label}
        </Option>
      ))}
    </Dropdown>
  );
}

/** Indikatoren and Bedarfe: several IDs, offered from the chosen Ziel or Handlungsfeld. */
function MultiInput({ column: c, concept, m, chosen }: Props & { chosen: string[] }): ReactElement {
  const hf = m.form.handlungsfeld ?? "";
  const ziel = m.form.ziel ?? "";
  const options = useMemo(() => {
    const list =
      c.field === "indikatoren"
        ? indikatorOptions(concept, hf, ziel).map((o) => ({ ...o, text: o.label }))
        : bedarfOptions(concept, hf, m.id, chosen).map((o) => ({ ...o, text: `${o.label} (${bedarfState(o)})` }));
    for (const cid of chosen) {
      if (!list.some((o) => idKey(o.value) === idKey(cid))) {
        const text = c.field === "bedarfe" ? `${cid} (nicht im Blatt Bedarfe)` : cid;
        list.push({ value: cid, label: cid, text });
      }
    }
    return list;
  }, [c.field, concept, hf, ziel, m.id, chosen.join(";")]);
  const empty =
    c.field === "indikatoren"
      ? "Zuerst ein Ziel mit Indikatoren wählen"
      : "Für das Handlungsfeld sind keine Bedarfe erfasst";
  return (
    <Dropdown
      id={fieldId(c.field)}
      multiselect
      placeholder={options.length ? "Einen oder mehrere wählen" : empty}
      value={chosen.join("; ")}
      selectedOptions={chosen}
      onOptionSelect={(_, data) => m.set(c.field, data.selectedOptions.join("; "))}
    >
      {options.map((o) => (
        <Option key={o.value} value={o.value} text={o.text}>
          {o.text}
        </Option>
      ))}
    </Dropdown>
  );
}

function ValueInput({ column: c, m }: Props): ReactElement {
  const value = m.form[c.field] ?? "";
  const list = c.list?.kind === "values" ? c.list.values : [];
  return (
    <Dropdown
      id={fieldId(c.field)}
      placeholder="Bitte wählen"
      value={value}
      selectedOptions={value ? [value] : []}
      onOptionSelect={(_, data) => m.set(c.field, data.optionValue ?? "")}
    >
      {!c.required && (
        <Option key="" value="" text="keine Angabe">
          (keine Angabe)
        </Option>
      )}
      {list.map((v) => (
        <Option key={v} value={v}>
          {v}
        </Option>
      ))}
    </Dropdown>
  );
}

function FieldControl({ column: c, concept, m }: Props): ReactElement {
  const value = m.form[c.field] ?? "";
  const common = { id: fieldId(c.field), value };
  if (c.field === "handlungsfeld" || c.field === "ziel") return <ReferenceInput column={c} concept={concept} m={m} />;
  if (c.field === "indikatoren" || c.field === "bedarfe")
    return <MultiInput column={c} concept={concept} m={m} chosen={referenceIds(value)} />;
  if (c.field === "federfuehrung") return <LeadField id={fieldId(c.field)} concept={concept} m={m} />;
  if (c.list?.kind === "values") return <ValueInput column={c} concept={concept} m={m} />;
  if (c.format === "date") {
    // German entry: 31.12.2027, or what the contract reads as a period (12/2027, Q4 2027, 2027) or a note.
    const due = dueDates(concept, m.today);
    return (
      <DateField
        {...common}
        label={c.header}
        dueDate={c.field === "beginn" ? due.beginn : due.frist}
        onChange={(v) => m.set(c.field, v)}
      />
    );
  }
  if (c.format === "fte" || c.format === "currency" || c.format === "number")
    return <Input {...common} inputMode="decimal" onChange={(_, d) => m.set(c.field, d.value)} />;
  if (c.width >= 40 || MULTILINE.has(c.field)) {
    // Longer text gets room to be read whole: Beschreibung five lines, the others two.
    const rows = c.field === "beschreibung" ? 5 : 2;
    return <Textarea {...common} resize="vertical" rows={rows} onChange={(_, d) => m.set(c.field, d.value)} />;
  }
  return <Input {...common} onChange={(_, d) => m.set(c.field, d.value)} />;
}

/** A field of the template: label, help text, the input and the live check's messages once touched. */
export function FormField({ column: c, concept, m }: Props): ReactElement | null {
  if (c.field === "bedarfe") return concept.found.bedarfe ? <BedarfeField column={c} concept={concept} m={m} /> : null;
  const v = m.shows(c.field) ? validation(m.check.byField[c.field]) : {};
  return (
    <Field
      label={c.header}
      required={c.required}
      hint={c.prompt.text}
      validationState={v.state}
      validationMessage={v.message}
    >
      <FieldControl column={c} concept={concept} m={m} />
    </Field>
  );
}

/** Bedarfe: the dropdown, how many of the Handlungsfeld are still open, and the named ones by name. */
function BedarfeField({ column: c, concept, m }: Props): ReactElement {
  const styles = useStyles();
  const named = referenceIds(m.form.bedarfe ?? "");
  const options = useMemo(
    () => bedarfOptions(concept, m.form.handlungsfeld ?? "", m.id, named),
    [concept, m.form.handlungsfeld, m.id, named.join(";")],
  );
  if (!concept.massnahmen.columns.bedarfe) {
    // A workbook with the sheet Bedarfe but an older Maßnahmen table: a choice here could not be saved.
    return (
      <Body1 as="p">
        Im Blatt „{concept.massnahmen.sheet}“ fehlt die Spalte „Bedarfe“; fügen Sie sie der Tabelle in Excel hinzu, dann
        lassen sich hier Bedarfe zuordnen.
      </Body1>
    );
  }
  const v = m.shows(c.field) ? validation(m.check.byField[c.field]) : {};
  const chosen = new Set(named.map(idKey));
  const open = options.filter((o) => o.answeredBy.length === 0 && !chosen.has(idKey(o.value)));
  const hint = `${c.prompt.text} ${
    open.length === 0
      ? "Im Handlungsfeld ist kein weiterer Bedarf offen."
      : `Im Handlungsfeld noch offen: ${open.map((o) => o.value).join(", ")}.`
  }`;
  const labelOf = (bid: string) => options.find((o) => idKey(o.value) === idKey(bid))?.label ?? bid;
  return (
    <div>
      <Field label={c.header} required={c.required} hint={hint} validationState={v.state} validationMessage={v.message}>
        <FieldControl column={c} concept={concept} m={m} />
      </Field>
      {named.length > 0 && (
        <ul className={styles.chosenList} aria-label="Bedarfe, die die Maßnahme beantwortet">
          {named.map((bid) => (
            <li key={bid}>
              <Caption1>{labelOf(bid)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
