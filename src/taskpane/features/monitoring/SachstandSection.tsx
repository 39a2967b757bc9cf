/**
 * Sachstände: a measure's history and the form for this period's report. A report whose Status differs
 * from the measure's offers to set the measure's Status in the same step (checked by default), so that the
 * two never disagree; „Gemeldet von“ is remembered in the pane, „Gemeldet am“ is today.
 */
import { Body1, Button, Checkbox, Field, Input, Select, Subtitle2, Textarea } from "@fluentui/react-components";
import { useEffect, useState, type ReactElement } from "react";
import { type IsoDate, compareIso, formatGermanDate } from "../../../domain/dates";
import { STATUS_VALUES } from "../../../domain/model";
import { AMPEL_VALUES } from "../../../domain/monitoring";
import { formatGermanNumber, parseGermanNumber } from "../../../domain/numbers";
import { matchListValue } from "../../../domain/values";
import { DateField, dayOf } from "../../fields/DateField";
import { useSession, useUnsavedEdit } from "../../session";
import { SachstandHistory } from "./History";
import type { MeasureMonitoring } from "./model";
import { useMonitoringStyles } from "./styles";
import type { SachstandInput } from "./writes";

const REPORTER_KEY = "massnahmenplaner.gemeldetVon";

/** Who reports from this pane: remembered between sessions (the browser's storage; nothing leaves it). */
function rememberedReporter(): string {
  try {
    return globalThis.localStorage?.getItem(REPORTER_KEY) ?? "";
  } catch {
    return "";
  }
}

function remember(reporter: string): void {
  try {
    globalThis.localStorage?.setItem(REPORTER_KEY, reporter);
  } catch {
    // Storage may be off (private mode, policies): the field simply starts empty next time.
  }
}

/** The key of the report form's unsaved input (see useUnsavedEdit). */
const REPORT_EDIT = "monitoring-sachstand";

type SachstandForm = ReturnType<typeof formFor>;
const sameForm = (a: SachstandForm, b: SachstandForm) =>
  (Object.keys(a) as (keyof SachstandForm)[]).every((k) => a[k] === b[k]);

function formFor(measure: MeasureMonitoring | undefined, existing: MeasureMonitoring["history"][number] | undefined) {
  return {
    status: existing?.status ?? matchListValue(measure?.status ?? null, STATUS_VALUES) ?? "geplant",
    umsetzung:
      existing?.umsetzung === null || existing?.umsetzung === undefined ? "" : formatGermanNumber(existing.umsetzung),
    ampel: existing?.ampel ?? "",
    sachstand: existing?.sachstand ?? "",
    naechsteSchritte: existing?.naechsteSchritte ?? "",
    hindernisse: existing?.hindernisse ?? "",
  };
}

/** The measure's Status differs from the reported one, and the report is its latest: the offer to set it. */
function statusOffer(measure: MeasureMonitoring, status: string, day: IsoDate | null): string | null {
  const current = matchListValue(measure.status, STATUS_VALUES);
  if (current === status || !day) return null;
  const latest = measure.history[measure.history.length - 1];
  if (latest && compareIso(day, latest.berichtsstichtag) < 0) return null;
  return current ?? measure.status;
}

/** Why a report cannot be saved as typed, in one sentence; null when it can. */
function reportProblem(
  day: IsoDate | null,
  sachstand: string,
  umsetzung: ReturnType<typeof parseGermanNumber>,
): string | null {
  if (!day) return "Bitte einen Berichtsstichtag als Datum angeben, z. B. 30.06.2026.";
  if (sachstand.trim() === "") return "Bitte den Sachstand in ein, zwei Sätzen beschreiben.";
  const outside = umsetzung.kind === "number" && (umsetzung.value < 0 || umsetzung.value > 100);
  return umsetzung.kind === "invalid" || outside ? "Die Umsetzung ist eine Zahl von 0 bis 100." : null;
}

export function SachstandSection({
  measures,
  berichtsstichtag,
  requested,
  onSave,
}: {
  measures: MeasureMonitoring[];
  berichtsstichtag: IsoDate;
  /** A measure to show (a finding or a hint led here). */
  requested: string | null;
  onSave: (input: SachstandInput, setStatus: boolean) => Promise<boolean>;
}): ReactElement {
  const styles = useMonitoringStyles();
  const session = useSession();
  const [selected, setSelected] = useState(requested ?? measures[0]?.id ?? "");
  const measure = measures.find((m) => m.id === selected) ?? measures[0];
  const [date, setDate] = useState(() => formatGermanDate(berichtsstichtag));
  const existing = measure?.history.find((h) => h.berichtsstichtag === dayOf(date));
  /** What the form shows when nothing is typed: the report for the measure and date, else its Status. */
  const [base, setBase] = useState(() => formFor(measure, existing));
  const [form, setForm] = useState(base);
  const [reporter, setReporter] = useState(rememberedReporter);
  const [setStatus, setSetStatus] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (requested) setSelected(requested);
  }, [requested]);
  // Another measure, date or a saved report: the form follows — unless the user has typed (a date typed
  // digit by digit names no report on the way, and must not wipe the text).
  useEffect(() => {
    const next = formFor(measure, existing);
    setForm((f) => (sameForm(f, base) ? next : f));
    setBase(next);
  }, [measure?.id, existing?.row, measure?.history.length]);
  // Each new Status asks again, with the default yes.
  useEffect(() => setSetStatus(true), [form.status, measure?.id]);
  const offer = measure ? statusOffer(measure, form.status, dayOf(date)) : null;

  const submit = async (): Promise<boolean> => {
    if (!measure) return false;
    const day = dayOf(date);
    const umsetzung = parseGermanNumber(form.umsetzung);
    const problem = reportProblem(day, form.sachstand, umsetzung);
    setError(problem);
    if (problem || !day) return false;
    remember(reporter.trim());
    return onSave(
      {
        massnahme: measure.id,
        berichtsstichtag: day,
        status: form.status,
        umsetzung: umsetzung.kind === "number" ? umsetzung.value : null,
        ampel: form.ampel,
        sachstand: form.sachstand.trim(),
        naechsteSchritte: form.naechsteSchritte.trim(),
        hindernisse: form.hindernisse.trim(),
        gemeldetVon: reporter.trim(),
      },
      offer !== null && setStatus,
    );
  };
  useUnsavedEdit(
    REPORT_EDIT,
    measure && !sameForm(form, base)
      ? { subject: `dem Sachstand für ${measure.id}`, save: submit, discard: () => setForm(base) }
      : null,
  );
  if (!measure) return <Body1>Es gibt noch keine Maßnahmen mit ID.</Body1>;
  const set = (field: keyof typeof form) => (_: unknown, data: { value: string }) =>
    setForm({ ...form, [field]: data.value });

  return (
    <section className={styles.section} aria-labelledby="mon-sachstaende">
      <Subtitle2 as="h2" id="mon-sachstaende">
        Sachstände
      </Subtitle2>
      <Field label="Maßnahme">
        <Select
          className={styles.wide}
          select={{ className: styles.wide }}
          value={measure.id}
          onChange={(_, d) => void session.leave(() => setSelected(d.value), { edit: REPORT_EDIT })}
        >
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id} – {m.titel}
            </option>
          ))}
        </Select>
      </Field>
      <SachstandHistory id={measure.id} history={measure.history} />
      <form
        className={styles.form}
        aria-label={`Sachstand für ${measure.id} melden`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <ReportState date={date} onDate={setDate} due={berichtsstichtag} form={form} set={set} />
        {offer !== null && (
          <Checkbox
            checked={setStatus}
            onChange={(_, d) => setSetStatus(d.checked === true)}
            label={`Status der Maßnahme ${measure.id} ebenfalls auf „${form.status}“ setzen (bisher „${offer || "leer"}“)`}
          />
        )}
        <Field label="Sachstand" required validationMessage={error ?? undefined}>
          <Textarea value={form.sachstand} onChange={set("sachstand")} resize="vertical" />
        </Field>
        <Field label="Nächste Schritte">
          <Textarea value={form.naechsteSchritte} onChange={set("naechsteSchritte")} resize="vertical" />
        </Field>
        <Field label="Hindernisse">
          <Textarea value={form.hindernisse} onChange={set("hindernisse")} resize="vertical" />
        </Field>
        <Field label="Gemeldet von" hint="Wird für die nächste Meldung gemerkt; „Gemeldet am“ ist der heutige Tag.">
          <Input value={reporter} autoComplete="name" onChange={(_, d) => setReporter(d.value)} />
        </Field>
        <div>
          <Button appearance="primary" type="submit">
            Sachstand speichern
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The state of a report in one row: its Berichtsstichtag, Status, Umsetzung and Ampel. */
function ReportState({
  date,
  onDate,
  due,
  form,
  set,
}: {
  date: string;
  onDate: (value: string) => void;
  due: IsoDate;
  form: { status: string; umsetzung: string; ampel: string };
  set: (field: "status" | "umsetzung" | "ampel") => (_: unknown, data: { value: string }) => void;
}): ReactElement {
  const styles = useMonitoringStyles();
  return (
    <div className={styles.row}>
      <Field label="Berichtsstichtag" required className={styles.narrow}>
        <DateField value={date} onChange={onDate} dueDate={due} label="Berichtsstichtag" required />
      </Field>
      <Field label="Status" required className={styles.narrow}>
        <Select value={form.status} onChange={set("status")}>
          {STATUS_VALUES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
      </Field>
      <Field label="Umsetzung (%)" className={styles.narrow}>
        <Input inputMode="decimal" value={form.umsetzung} onChange={set("umsetzung")} />
      </Field>
      <Field label="Ampel" className={styles.narrow}>
        <Select value={form.ampel} onChange={set("ampel")}>
          <option value="">(keine)</option>
          {AMPEL_VALUES.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
