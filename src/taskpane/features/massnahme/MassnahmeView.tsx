import {
  Badge,
  Body1,
  Button,
  Caption1,
  Combobox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactElement } from "react";
import type { Finding, SmartLetter } from "../../../domain/rules";
import { SMART_LETTERS } from "../../../domain/rules";
import { idKey, referenceId, referenceIds, textOf } from "../../../domain/values";
import type { ColumnSpec } from "../../../workbook/contract";
import type { ReadConcept } from "../../../workbook/read";
import { referenceNames, rowsOfConcept, uniformRow } from "../../../workbook/references";
import { type Notice, NoConcept, NoticeBar } from "../../components";
import { errorText, useSession } from "../../session";
import {
  type FormValues,
  type MeasureCheck,
  SMART_NAME,
  akteurOptions,
  bedarfOptions,
  bedarfState,
  checkMeasure,
  formFromRow,
  handlungsfeldOptions,
  indikatorOptions,
  measureOptions,
  measureRow,
  nextAkteurId,
  nextMeasureId,
  optionFor,
  rowValuesFromForm,
  sections,
  zielOptions,
} from "./form";

const NEW = "__neu__";
const NEW_AKTEUR = "__neue_stelle__";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  badges: { display: "flex", columnGap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
  pendingActions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
  chosenList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  sectionFindings: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
});

const fieldId = (field: string) => `massnahme-${field}`;

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

export default function MassnahmeView(): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const { concept } = session;
  if (!session.host || !concept) {
    return <NoConcept hasWorkbook={!!session.host} />;
  }
  return <MeasureEditor key={session.fileName} concept={concept} styles={styles} />;
}

function MeasureEditor({
  concept,
  styles,
}: {
  concept: ReadConcept;
  styles: ReturnType<typeof useStyles>;
}): ReactElement {
  const session = useSession();
  const [selected, setSelected] = useState<string>(NEW);
  const [form, setForm] = useState<FormValues>(() => formFromRow(undefined));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [leadQuery, setLeadQuery] = useState<string | null>(null);
  /** Fields the user has changed; a new measure shows messages only there until it is saved once. */
  const [touched, setTouched] = useState<Set<string> | "alle">(() => new Set());
  /** The form holds changes that are not saved yet; loading another measure would drop them. */
  const [dirty, setDirty] = useState(false);
  /** A measure to load once the user has decided what happens to unsaved changes. */
  const [pending, setPending] = useState<string | null>(null);

  const newId = useMemo(() => nextMeasureId(concept), [concept]);
  const id = selected === NEW ? newId : selected;
  const rowOf = (mid: string) => concept.massnahmen.rows.find((r) => idKey(textOf(r.values.id ?? null)) === idKey(mid));

  const load = (mid: string) => {
    setDirty(false);
    setPending(null);
    setSelected(mid);
    setForm(formFromRow(mid === NEW ? undefined : rowOf(mid)));
    setTouched(mid === NEW ? new Set() : "alle");
    setLeadQuery(null);
    setNotice(null);
  };

  /** Loads a measure, unless that would silently drop unsaved changes: then the user decides. */
  const requestLoad = (mid: string) => {
    if (dirty && (idKey(mid) !== idKey(selected) || mid === NEW)) setPending(mid);
    else load(mid);
  };

  // „Im Formular öffnen“ aus der Prüfung, oder eine in Excel ausgewählte Zeile.
  useEffect(() => {
    const req = session.requestedMeasure;
    if (req && rowOf(req.id)) requestLoad(textOf(rowOf(req.id)!.values.id ?? null));
    // Runs once per request (seq); load and rowOf change with every render on purpose.
  }, [session.requestedMeasure?.seq]);

  const check: MeasureCheck = useMemo(
    () => checkMeasure(concept, id, form, session.today),
    [concept, id, form, session.today],
  );
  const open = SMART_LETTERS.filter((l) => !check.letters[l]);
  const set = (field: string, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setDirty(true);
    setTouched((t) => (t === "alle" ? t : new Set([...t, field])));
  };
  const shows = (field: string) => touched === "alle" || touched.has(field);

  const hfOptions = useMemo(() => handlungsfeldOptions(concept), [concept]);
  const zOptions = useMemo(() => zielOptions(concept, form.handlungsfeld ?? ""), [concept, form.handlungsfeld]);
  const iOptions = useMemo(
    () => indikatorOptions(concept, form.handlungsfeld ?? "", form.ziel ?? ""),
    [concept, form.handlungsfeld, form.ziel],
  );
  const aOptions = useMemo(() => akteurOptions(concept), [concept]);
  const namedBedarfe = referenceIds(form.bedarfe ?? "");
  const bOptions = useMemo(
    () => bedarfOptions(concept, form.handlungsfeld ?? "", id, referenceIds(form.bedarfe ?? "")),
    [concept, form.handlungsfeld, form.bedarfe, id],
  );
  /** Bedarfe exist only in workbooks with the sheet; without it the template shows nothing of them. */
  const hasBedarfe = !!concept.found.bedarfe;

  const save = async () => {
    if (!session.host) return;
    setBusy(true);
    setNotice(null);
    try {
      // References in the one form (`ID – Name`), also where the measure held an ID alone.
      const values = uniformRow("massnahmen", rowValuesFromForm(form), referenceNames(rowsOfConcept(concept)));
      await session.host.writeRows([{ kind: "massnahmen", id, values }]);
      const read = await session.reload();
      const row = read ? measureRow(read, id) : null;
      if (row) await session.host.selectCell(concept.massnahmen.sheet, `A${row}`);
      setSelected(id);
      setTouched("alle");
      setDirty(false);
      setNotice({
        intent: "success",
        text: `Die Maßnahme ${id} ist gespeichert${row ? ` (Blatt „${concept.massnahmen.sheet}“, Zeile ${row})` : ""}.${
          open.length ? ` Noch nicht SMART-vollständig: ${open.join(", ")}.` : ""
        }`,
      });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const createLead = async (name: string) => {
    if (!session.host) return;
    setBusy(true);
    try {
      const aid = nextAkteurId(concept);
      await session.host.writeRows([{ kind: "akteure", id: aid, values: { bezeichnung: name } }]);
      await session.reload();
      set("federfuehrung", `${aid} – ${name}`);
      setLeadQuery(null);
      setNotice({ intent: "success", text: `Die Stelle „${name}“ ist als ${aid} im Blatt „Akteure“ angelegt.` });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const renderInput = (c: ColumnSpec): ReactElement => {
    const value = form[c.field] ?? "";
    const common = { id: fieldId(c.field) };
    if (c.field === "handlungsfeld" || c.field === "ziel") {
      const options = c.field === "handlungsfeld" ? hfOptions : zOptions;
      const current = optionFor(options, value);
      return (
        <Dropdown
          {...common}
          placeholder="Bitte wählen"
          value={current?.label ?? value}
          selectedOptions={current ? [current.value] : []}
          onOptionSelect={(_, data) => {
            const next = data.optionValue ?? "";
            setTouched((t) => (t === "alle" ? t : new Set([...t, c.field])));
            setForm((f) => {
              const updated = { ...f, [c.field]: next };
              // Ein anderes Handlungsfeld: ein Ziel, das nicht dazugehört, wird abgewählt.
              if (
                c.field === "handlungsfeld" &&
                f.ziel &&
                !zielOptions(concept, next).some(
                  (o) => idKey(referenceId(o.value)) === idKey(referenceId(f.ziel ?? "")),
                )
              ) {
                updated.ziel = "";
              }
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
    if (c.field === "indikatoren") {
      const chosen = referenceIds(value);
      const options = [...iOptions];
      for (const cid of chosen)
        if (!options.some((o) => idKey(o.value) === idKey(cid))) options.push({ value: cid, label: cid });
      return (
        <Dropdown
          {...common}
          multiselect
          placeholder={options.length ? "Einen oder mehrere wählen" : "Zuerst ein Ziel mit Indikatoren wählen"}
          value={chosen.join("; ")}
          selectedOptions={chosen}
          onOptionSelect={(_, data) => set("indikatoren", data.selectedOptions.join("; "))}
        >
          {options.map((o) => (
            <Option key={o.value} value={o.value}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      );
    }
    if (c.field === "bedarfe") {
      const options = [...bOptions];
      for (const bid of namedBedarfe)
        if (!options.some((o) => idKey(o.value) === idKey(bid)))
          options.push({ value: bid, label: `${bid} (nicht im Blatt Bedarfe)`, answeredBy: [] });
      return (
        <Dropdown
          {...common}
          multiselect
          placeholder={
            options.length ? "Einen oder mehrere wählen" : "Für das Handlungsfeld sind keine Bedarfe erfasst"
          }
          value={namedBedarfe.join("; ")}
          selectedOptions={namedBedarfe}
          onOptionSelect={(_, data) => set("bedarfe", data.selectedOptions.join("; "))}
        >
          {options.map((o) => {
            const shown = `${o.label} (${bedarfState(o)})`;
            return (
              <Option key={o.value} value={o.value} text={shown}>
                {shown}
              </Option>
            );
          })}
        </Dropdown>
      );
    }
    if (c.field === "federfuehrung") {
      const current = optionFor(aOptions, value);
      const query = leadQuery ?? current?.label ?? value;
      const typed = leadQuery?.trim() ?? "";
      const matches = aOptions.filter((o) => !typed || o.label.toLowerCase().includes(typed.toLowerCase()));
      const exact = aOptions.some(
        (o) => o.label.toLowerCase() === typed.toLowerCase() || idKey(referenceId(o.value)) === idKey(typed),
      );
      return (
        <Combobox
          {...common}
          freeform
          expandIcon={{ "aria-label": "Stellen anzeigen" }}
          placeholder="Stelle suchen oder neu anlegen"
          value={query}
          selectedOptions={current ? [current.value] : []}
          onChange={(e) => setLeadQuery(e.target.value)}
          onOptionSelect={(_, data) => {
            if (data.optionValue === NEW_AKTEUR) {
              void createLead(typed);
              return;
            }
            if (data.optionValue) {
              set("federfuehrung", data.optionValue);
              setLeadQuery(null);
            }
          }}
          onBlur={() => {
            // Freitext ohne Auswahl bleibt als Text stehen (die Prüfung meldet eine unbekannte Stelle).
            if (leadQuery !== null && !busy) {
              set("federfuehrung", leadQuery.trim());
              setLeadQuery(null);
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
      );
    }
    if (c.list?.kind === "values") {
      const list = c.list.values;
      return (
        <Dropdown
          {...common}
          placeholder="Bitte wählen"
          value={value}
          selectedOptions={value ? [value] : []}
          onOptionSelect={(_, data) => set(c.field, data.optionValue ?? "")}
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
    if (c.format === "date") {
      // German entry: 31.12.2027, or what the contract reads as a period (12/2027, Q4 2027, 2027) or a note.
      return (
        <Input
          {...common}
          placeholder="TT.MM.JJJJ"
          autoComplete="off"
          value={value}
          onChange={(_, data) => set(c.field, data.value)}
        />
      );
    }
    if (c.format === "fte" || c.format === "currency" || c.format === "number") {
      return <Input {...common} inputMode="decimal" value={value} onChange={(_, data) => set(c.field, data.value)} />;
    }
    if (c.width >= 40 || MULTILINE.has(c.field)) {
      // Longer text gets room to be read whole: Beschreibung four lines, the others two.
      return (
        <Textarea
          {...common}
          resize="vertical"
          rows={c.field === "beschreibung" ? 5 : 2}
          value={value}
          onChange={(_, data) => set(c.field, data.value)}
        />
      );
    }
    return <Input {...common} value={value} onChange={(_, data) => set(c.field, data.value)} />;
  };

  const renderField = (c: ColumnSpec): ReactElement | null => {
    if (c.field === "bedarfe") return hasBedarfe ? renderBedarfe(c) : null;
    const v = shows(c.field) ? validation(check.byField[c.field]) : {};
    return (
      <Field
        key={c.field}
        label={c.header}
        required={c.required}
        hint={c.prompt.text}
        validationState={v.state}
        validationMessage={v.message}
      >
        {renderInput(c)}
      </Field>
    );
  };

  /** Bedarfe: the dropdown, how many of the Handlungsfeld are still open, and the named ones by name. */
  const renderBedarfe = (c: ColumnSpec): ReactElement => {
    if (!concept.massnahmen.columns.bedarfe) {
      // A workbook with the sheet Bedarfe but an older Maßnahmen table: a choice here could not be saved.
      return (
        <Body1 key={c.field} as="p">
          Im Blatt „{concept.massnahmen.sheet}“ fehlt die Spalte „Bedarfe“; fügen Sie sie der Tabelle in Excel hinzu,
          dann lassen sich hier Bedarfe zuordnen.
        </Body1>
      );
    }
    const v = shows(c.field) ? validation(check.byField[c.field]) : {};
    const named = new Set(namedBedarfe.map(idKey));
    const open = bOptions.filter((o) => o.answeredBy.length === 0 && !named.has(idKey(o.value)));
    const hint = `${c.prompt.text} ${
      open.length === 0
        ? "Im Handlungsfeld ist kein weiterer Bedarf offen."
        : `Im Handlungsfeld noch offen: ${open.map((o) => o.value).join(", ")}.`
    }`;
    const labelOf = (bid: string) => bOptions.find((o) => idKey(o.value) === idKey(bid))?.label ?? bid;
    return (
      <div key={c.field}>
        <Field
          label={c.header}
          required={c.required}
          hint={hint}
          validationState={v.state}
          validationMessage={v.message}
        >
          {renderInput(c)}
        </Field>
        {namedBedarfe.length > 0 && (
          <ul className={styles.chosenList} aria-label="Bedarfe, die die Maßnahme beantwortet">
            {namedBedarfe.map((bid) => (
              <li key={bid}>
                <Caption1>{labelOf(bid)}</Caption1>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  const measures = measureOptions(concept);
  const sectionFindings = (key: string): Finding[] =>
    touched === "alle" ? (check.byField._ ?? []).filter((f) => (f.smart ?? "einordnung") === key) : [];

  const pendingLabel = pending === NEW ? "eine neue Maßnahme" : pending;
  return (
    <div className={styles.root}>
      {pending && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            Die Änderungen an {selected === NEW ? `der neuen Maßnahme ${newId}` : id} sind noch nicht gespeichert.
            Speichern Sie sie zuerst, oder verwerfen Sie sie, um {pendingLabel} zu öffnen.
          </MessageBarBody>
          <MessageBarActions className={styles.pendingActions}>
            <Button onClick={() => load(pending)}>Verwerfen und {pendingLabel} öffnen</Button>
            <Button appearance="primary" onClick={() => setPending(null)}>
              Weiter bearbeiten
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Field label="Maßnahme">
        <Dropdown
          id="massnahme-auswahl"
          value={
            selected === NEW
              ? `Neue Maßnahme (${newId})`
              : (measures.find((m) => m.value === selected)?.label ?? selected)
          }
          selectedOptions={[selected]}
          onOptionSelect={(_, data) => requestLoad(data.optionValue ?? NEW)}
        >
          <Option key={NEW} value={NEW} text={`Neue Maßnahme (${newId})`}>
            {`Neue Maßnahme (${newId})`}
          </Option>
          {measures.map((m) => (
            <Option key={m.value} value={m.value}>
              {m.label}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <div className={styles.badges} role="group" aria-label="SMART-Stand">
        {SMART_LETTERS.map((l: SmartLetter) => (
          <Badge
            key={l}
            size="large"
            shape="rounded"
            appearance={check.letters[l] ? "filled" : "outline"}
            color={check.rejected ? "informative" : check.letters[l] ? "success" : "danger"}
            role="img"
            aria-label={`${l} ${SMART_NAME[l]}: ${check.letters[l] ? "erfüllt" : "noch offen"}`}
            title={`${SMART_NAME[l]}: ${check.letters[l] ? "erfüllt" : "noch offen"}`}
          >
            {l}
          </Badge>
        ))}
        <Body1 role="status" aria-live="polite" id="smart-stand">
          {check.rejected
            ? "Verworfen: Diese Maßnahme wird nur auf Struktur geprüft."
            : open.length === 0
              ? "SMART-vollständig."
              : `Noch nicht SMART-vollständig: ${open.map((l) => `${l} (${SMART_NAME[l]})`).join(", ")}.`}
        </Body1>
      </div>

      {sections().map((s) => (
        <fieldset key={s.key} className={styles.section}>
          <legend className={styles.legend}>
            <Subtitle2>{s.title}</Subtitle2>
          </legend>
          <Caption1 as="p" block>
            {s.text}
          </Caption1>
          {sectionFindings(s.key).length > 0 && (
            <ul className={styles.sectionFindings}>
              {sectionFindings(s.key).map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
          )}
          {s.columns.map(renderField)}
        </fieldset>
      ))}

      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy}>
          {selected === NEW ? `Als neue Maßnahme ${newId} speichern` : `Änderungen an ${id} speichern`}
        </Button>
        <Button onClick={() => requestLoad(NEW)} disabled={busy}>
          Neue Maßnahme
        </Button>
      </div>
      <NoticeBar notice={notice} />
    </div>
  );
}
