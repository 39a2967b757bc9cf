/**
 * The Federführung: a search over the Akteure; a name that is not there can be created in place as a whole
 * Akteur — Bezeichnung, Fachbereich, Ansprechperson, E-Mail, Art — so the check has nothing to miss.
 */
import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Input,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactElement, useEffect, useMemo, useRef, useState } from "react";
import type { CellValue } from "../../../domain/dates";
import { idKey, referenceId, referenceLabel } from "../../../domain/values";
import type { ReadConcept } from "../../../workbook/read";
import { errorText, useSession, whereSaved } from "../../session";
import { AKTEUR_COLUMNS, akteurOptions, checkAkteur, nextAkteurId } from "./form";
import type { MeasureForm } from "./useMeasureForm";

const NEW_AKTEUR = "__neue_stelle__";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function LeadField({ id, concept, m }: { id: string; concept: ReadConcept; m: MeasureForm }): ReactElement {
  const options = useMemo(() => akteurOptions(concept), [concept]);
  const [query, setQuery] = useState<string | null>(null);
  /** The name of a Stelle being created in place (null: none). */
  const [creating, setCreating] = useState<string | null>(null);
  const value = m.form.federfuehrung ?? "";
  const current = m.form.federfuehrung
    ? options.find((o) => idKey(referenceId(o.value)) === idKey(referenceId(value)))
    : undefined;
  const typed = query?.trim() ?? "";
  const matches = options.filter((o) => !typed || o.label.toLowerCase().includes(typed.toLowerCase()));
  const exact = options.some(
    (o) => o.label.toLowerCase() === typed.toLowerCase() || idKey(referenceId(o.value)) === idKey(typed),
  );
  return (
    <div>
      <Combobox
        id={id}
        freeform
        expandIcon={{ "aria-label": "Stellen anzeigen" }}
        placeholder="Stelle suchen oder neu anlegen"
        value={query ?? current?.label ?? value}
        selectedOptions={current ? [current.value] : []}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, data) => {
          if (data.optionValue === NEW_AKTEUR) {
            setCreating(typed);
          } else if (data.optionValue) {
            m.set("federfuehrung", data.optionValue);
            setQuery(null);
          }
        }}
        onBlur={() => {
          // Freitext ohne Auswahl bleibt als Text stehen (die Prüfung meldet eine unbekannte Stelle).
          if (query !== null && creating === null && !m.busy) {
            m.set("federfuehrung", query.trim());
            setQuery(null);
          }
        }}
      >
        {matches.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.label}
          </Option>
        ))}
        {typed && !exact ? (
          <Option key={NEW_AKTEUR} value={NEW_AKTEUR} text={`Neue Stelle anlegen: ${typed}`}>
            {`Neue Stelle anlegen: „${typed}“`}
          </Option>
        ) : null}
      </Combobox>
      {creating !== null && (
        <NewAkteur
          concept={concept}
          name={creating}
          m={m}
          onDone={(reference) => {
            if (reference) m.set("federfuehrung", reference);
            setCreating(null);
            setQuery(null);
          }}
        />
      )}
    </div>
  );
}

/** The in-place form of a new Akteur: the contract's columns, checked live by the same rules as `check`. */
function NewAkteur({
  concept,
  name,
  m,
  onDone,
}: {
  concept: ReadConcept;
  name: string;
  m: MeasureForm;
  onDone(reference: string | null): void;
}): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const [values, setValues] = useState<Record<string, string>>({ bezeichnung: name });
  const [tried, setTried] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const aid = useMemo(() => nextAkteurId(concept), [concept]);
  const findings = useMemo(
    () => checkAkteur(concept, aid, values, session.today),
    [concept, aid, values, session.today],
  );
  useEffect(() => first.current?.focus(), []);

  const create = async () => {
    setTried(true);
    const bezeichnung = (values.bezeichnung ?? "").trim();
    if (!session.host || !bezeichnung) return;
    m.setBusy(true);
    try {
      const written: Record<string, CellValue> = {};
      for (const c of AKTEUR_COLUMNS) written[c.field] = (values[c.field] ?? "").trim() || null;
      await session.host.writeRows([{ kind: "akteure", id: aid, values: written }]);
      await session.reload();
      onDone(referenceLabel(aid, bezeichnung));
      m.setNotice({
        intent: "success",
        text: `Die Stelle „${bezeichnung}“ ist als ${aid} im Blatt „Akteure“ angelegt. ${whereSaved(session.storage)}`,
      });
    } catch (error) {
      m.setNotice({ intent: "error", text: errorText(error) });
    } finally {
      m.setBusy(false);
    }
  };

  const contactMissing = !(values.ansprechperson ?? "").trim() && !(values.email ?? "").trim();
  return (
    <div className={styles.group} role="group" aria-labelledby="neue-stelle">
      <Subtitle2 as="h3" id="neue-stelle">
        Neue Stelle {aid}
      </Subtitle2>
      {AKTEUR_COLUMNS.map((c) => {
        const own = findings.filter((f) => f.field === c.field).map((f) => f.finding.message);
        const missing = c.field === "bezeichnung" && tried && !(values.bezeichnung ?? "").trim();
        const contact = contactMissing && (c.field === "ansprechperson" || c.field === "email");
        const message = missing
          ? "Bitte die Bezeichnung der Stelle angeben."
          : own.length
            ? own.join(" ")
            : contact
              ? "Ansprechperson oder E-Mail angeben: ohne sie meldet die Prüfung, dass der Kontakt fehlt."
              : undefined;
        const set = (v: string) => setValues((old) => ({ ...old, [c.field]: v }));
        return (
          <Field
            key={c.field}
            label={c.header}
            required={c.required}
            hint={c.prompt.text}
            validationState={missing ? "error" : own.length || contact ? "warning" : undefined}
            validationMessage={message}
          >
            {c.list?.kind === "values" ? (
              <Dropdown
                placeholder="Bitte wählen"
                value={values[c.field] ?? ""}
                selectedOptions={values[c.field] ? [values[c.field]!] : []}
                onOptionSelect={(_, d) => set(d.optionValue ?? "")}
              >
                {c.list.values.map((v) => (
                  <Option key={v} value={v}>
                    {v}
                  </Option>
                ))}
              </Dropdown>
            ) : (
              <Input
                ref={c.field === "fachbereich" ? first : undefined}
                type={c.format === "email" ? "email" : "text"}
                value={values[c.field] ?? ""}
                onChange={(_, d) => set(d.value)}
              />
            )}
          </Field>
        );
      })}
      <div className={styles.actions}>
        <Button onClick={() => void create()} disabled={m.busy}>
          Stelle anlegen
        </Button>
        <Button appearance="subtle" onClick={() => onDone(null)} disabled={m.busy}>
          Abbrechen
        </Button>
      </div>
    </div>
  );
}
