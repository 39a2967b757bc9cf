/**
 * The SMART template's state: which measure is open, the form's values, what the user touched, whether
 * anything is unsaved (announced to the pane's guard), saving, and the way a navigation opens a measure at
 * a field.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { idKey, textOf } from "../../../domain/values";
import type { ReadConcept } from "../../../workbook/read";
import { referenceNames, rowsOfConcept, uniformRow } from "../../../workbook/references";
import { type Notice, runWrite } from "../../components";
import { useSession, useUnsavedEdit, whereSaved } from "../../session";
import { SMART_LETTERS } from "../../../domain/rules";
import { type FormValues, checkMeasure, formFromRow, measureRow, nextMeasureId, rowValuesFromForm } from "./form";

export const NEW = "__neu__";
/** The key the template's unsaved input is announced under (see useUnsavedEdit). */
const EDIT_KEY = "massnahme";

export type Touched = Set<string> | "alle";

/** The stored row of a measure, by ID. */
const storedRow = (concept: ReadConcept, mid: string) =>
  concept.massnahmen.rows.find((r) => idKey(textOf(r.values.id ?? null)) === idKey(mid));

/** Each field as the user left it where they changed it since `was` was loaded, else as `stored` has it now. */
const mergeForm = (was: FormValues, mine: FormValues, stored: FormValues): FormValues =>
  Object.fromEntries(Object.keys({ ...stored, ...mine }).map((k) => [k, mine[k] !== was[k] ? mine[k]! : stored[k]!]));

/**
 * Keeps the open measure in step with the workbook: the template stays mounted while other views write
 * (a Sachstand sets the Status, a list renames a Handlungsfeld, someone edits the row in Excel), so when
 * the concept is read anew every field the user has not changed takes the stored value, and what the user
 * typed stays. Returns the form as last loaded or saved, which the caller sets on each load and save.
 */
function useFollowStored(
  concept: ReadConcept,
  selected: string,
  setForm: (f: (mine: FormValues) => FormValues) => void,
) {
  const loadedFrom = useRef<FormValues>(formFromRow(undefined));
  useEffect(() => {
    const row = selected === NEW ? undefined : storedRow(concept, selected);
    if (!row) return;
    const was = loadedFrom.current;
    const stored = formFromRow(row);
    loadedFrom.current = stored;
    setForm((mine) => mergeForm(was, mine, stored));
    // Once per reading of the workbook.
  }, [concept]);
  return loadedFrom;
}

export function useMeasureForm(concept: ReadConcept) {
  const session = useSession();
  const [selected, setSelected] = useState<string>(NEW);
  const [form, setForm] = useState<FormValues>(() => formFromRow(undefined));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  /** Fields the user has changed; a new measure shows messages only there until it is saved once. */
  const [touched, setTouched] = useState<Touched>(() => new Set());
  /** The form holds changes that are not saved yet. */
  const [dirty, setDirty] = useState(false);
  /** A field to show and focus once rendered (a navigation's target). */
  const [focus, setFocus] = useState<{ field: string; seq: number } | null>(null);
  /** Increases with every measure loaded, so the sections can open what it needs. */
  const [loaded, setLoaded] = useState(0);

  /** The guard saved on the way to another measure: its notice is still to be read (kept by the next load). */
  const saved = useRef(false);

  const newId = useMemo(() => nextMeasureId(concept), [concept]);
  const id = selected === NEW ? newId : selected;
  const rowOf = (mid: string) => storedRow(concept, mid);
  const loadedFrom = useFollowStored(concept, selected, setForm);

  const focusOn = (field: string | undefined) => {
    if (field) setFocus((f) => ({ field, seq: (f?.seq ?? 0) + 1 }));
  };

  /** Shows a measure as stored; `again`: the same one (edits dropped), so the open sections stay as they are. */
  const load = (mid: string, field?: string, again = false) => {
    setDirty(false);
    setSelected(mid);
    loadedFrom.current = formFromRow(mid === NEW ? undefined : rowOf(mid));
    setForm(loadedFrom.current);
    setTouched(mid === NEW ? new Set() : "alle");
    // „Speichern und weiter“: the next measure still says where the last one was saved.
    if (!saved.current) setNotice(null);
    saved.current = false;
    if (!again) setLoaded((n) => n + 1);
    focusOn(field);
  };

  /** Opens a measure (NEW: a new one) through the guard; the one already open only moves to `field`. */
  const open = (mid: string, field?: string) => {
    if (mid !== NEW && selected !== NEW && idKey(mid) === idKey(selected)) return focusOn(field);
    void session.leave(() => load(mid, field), { edit: EDIT_KEY });
  };

  // A navigation to the SMART template: „Im Formular öffnen“, a next step, a row selected in Excel.
  useEffect(() => {
    const target = session.navRequest?.target;
    if (target?.view !== "massnahme") return;
    const row = target.id ? rowOf(target.id) : undefined;
    if (row) open(textOf(row.values.id ?? null), target.field);
    else focusOn(target.field);
    // Runs once per request (seq); open and rowOf change with every render on purpose.
  }, [session.navRequest?.seq]);

  const check = useMemo(() => checkMeasure(concept, id, form, session.today), [concept, id, form, session.today]);

  const touch = (field: string) => setTouched((t) => (t === "alle" ? t : new Set([...t, field])));
  /** Changes fields: `field` is the one the user edited, `change` may adjust others (a Ziel outside the new Handlungsfeld). */
  const update = (field: string, change: (f: FormValues) => FormValues) => {
    saved.current = false;
    setForm(change);
    setDirty(true);
    setNotice(null);
    touch(field);
  };
  const set = (field: string, value: string) => update(field, (f) => ({ ...f, [field]: value }));

  const save = async (): Promise<boolean> => {
    const host = session.host;
    if (!host) return false;
    return runWrite(
      async () => {
        const open = SMART_LETTERS.filter((l) => !check.letters[l]);
        // References in the one form (`ID – Name`), also where the measure held an ID alone.
        const values = uniformRow("massnahmen", rowValuesFromForm(form), referenceNames(rowsOfConcept(concept)));
        await host.writeRows([{ kind: "massnahmen", id, values }]);
        const read = await session.reload();
        const stored = read ? storedRow(read, id) : undefined;
        if (stored) loadedFrom.current = formFromRow(stored);
        const row = read ? measureRow(read, id) : null;
        if (row) await host.selectCell(concept.massnahmen.sheet, `A${row}`);
        setSelected(id);
        setTouched("alle");
        setDirty(false);
        const place = row ? ` (Blatt „${concept.massnahmen.sheet}“, Zeile ${row})` : "";
        const smart = open.length ? ` Noch nicht SMART-vollständig: ${open.join(", ")}.` : "";
        return `Die Maßnahme ${id} ist gespeichert${place}.${smart} ${whereSaved(session.storage)}`;
      },
      { setNotice, setBusy },
    );
  };

  useUnsavedEdit(
    EDIT_KEY,
    dirty
      ? {
          subject: selected === NEW ? `der neuen Maßnahme ${newId}` : id,
          // „Speichern und weiter“: the measure loaded next keeps the notice that says where this one went.
          save: async () => (saved.current = await save()),
          discard: () => load(selected, undefined, true),
        }
      : null,
  );

  return {
    today: session.today,
    selected,
    id,
    newId,
    form,
    check,
    notice,
    setNotice,
    busy,
    setBusy,
    touched,
    shows: (field: string) => touched === "alle" || touched.has(field),
    dirty,
    focus,
    loaded,
    open,
    set,
    update,
    save,
  };
}

export type MeasureForm = ReturnType<typeof useMeasureForm>;
