/**
 * Monitoring: per measure its Sachstand history and a form for this period's report; per indicator its
 * values, IST against Soll, the Ampel (as text) and a small chart. Every entry writes one row by its key.
 */
import {
  Body1,
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactElement } from "react";
import { type IsoDate, formatGermanDate } from "../../../domain/dates";
import { STATUS_VALUES } from "../../../domain/model";
import { AMPEL_VALUES } from "../../../domain/monitoring";
import { formatGermanNumber, parseGermanNumber } from "../../../domain/numbers";
import { matchListValue } from "../../../domain/values";
import { type Notice, NoConcept, NoticeBar } from "../../components";
import { errorText, useSession, useUnsavedEdit } from "../../session";
import { DateField, dayOf } from "../../fields/DateField";
import { AmpelLabel, shownNumber } from "../../fields/display";
import { SachstandHistory } from "./History";
import { LineChart } from "./LineChart";
import { type IndicatorMonitoring, type MeasureMonitoring, indicatorDue, monitoringModel } from "./model";
import { writeIndikatorwert, writeSachstand } from "./writes";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  narrow: { minWidth: "8em", flexGrow: 1 },
  // A native select is as wide as its longest option; in the 320 px pane it takes the width it has.
  wide: { width: "100%", minWidth: 0, maxWidth: "100%" },
  table: { tableLayout: "auto" },
  text: { overflowWrap: "anywhere" },
  number: { textAlign: "right" },
});

const number = (n: number | null, unit = "") => (n === null ? "–" : `${shownNumber(Math.round(n * 10) / 10)}${unit}`);

export default function MonitoringView(): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const { host, concept } = session;
  const [notice, setNotice] = useState<Notice | null>(null);
  const model = useMemo(
    () => (concept ? monitoringModel(concept, session.today) : null),
    // the concept is re-read into a new object on every reload
    [concept, session.today],
  );
  if (!host || !concept || !model) return <NoConcept hasWorkbook={!!host} />;

  /** Writes, re-reads and says so; false when it failed (the notice says why). */
  const save = async (write: () => Promise<void>, done: string): Promise<boolean> => {
    setNotice(null);
    try {
      await write();
      await session.reload();
      setNotice({ intent: "success", text: done });
      return true;
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
      return false;
    }
  };

  return (
    <div className={styles.root}>
      <Body1 as="p" block>
        Auswertung zum Stichtag {formatGermanDate(model.referenceDate)}; neue Sachstände gelten für den Berichtsstichtag{" "}
        {formatGermanDate(model.berichtsstichtag)}.
      </Body1>
      <NoticeBar notice={notice} />
      <MeasureReports
        measures={model.measures}
        berichtsstichtag={model.berichtsstichtag}
        onSave={(input) =>
          save(
            () => writeSachstand(host, concept, input, session.today),
            `Sachstand für ${input.massnahme} zum ${formatGermanDate(input.berichtsstichtag)} gespeichert.`,
          )
        }
      />
      <IndicatorPanel
        indicators={model.indicators}
        berichtsstichtag={model.berichtsstichtag}
        referenceDate={model.referenceDate}
        onSave={(input) =>
          save(
            () => writeIndikatorwert(host, concept, input),
            `Wert für ${input.indikator} zum ${formatGermanDate(input.stichtag)} gespeichert.`,
          )
        }
      />
    </div>
  );
}

type SachstandInput = Parameters<typeof writeSachstand>[2];

function MeasureReports({
  measures,
  berichtsstichtag,
  onSave,
}: {
  measures: MeasureMonitoring[];
  berichtsstichtag: IsoDate;
  onSave: (input: SachstandInput) => Promise<boolean>;
}): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const [selected, setSelected] = useState(measures[0]?.id ?? "");
  const measure = measures.find((m) => m.id === selected) ?? measures[0];
  const [date, setDate] = useState(() => formatGermanDate(berichtsstichtag));
  const existing = measure?.history.find((h) => h.berichtsstichtag === dayOf(date));
  /** What the form shows when nothing is typed: the report for the measure and date, else its Status. */
  const [base, setBase] = useState(() => formFor(measure, existing));
  const [form, setForm] = useState(base);
  const [error, setError] = useState<string | null>(null);
  const dirty = !sameForm(form, base);
  // Another measure, date or a saved report: the form follows — unless the user has typed (a date typed
  // digit by digit names no report on the way, and must not wipe the text).
  useEffect(() => {
    const next = formFor(measure, existing);
    setForm((f) => (sameForm(f, base) ? next : f));
    setBase(next);
  }, [measure?.id, existing?.row, measure?.history.length]);

  const submit = async (): Promise<boolean> => {
    if (!measure) return false;
    const day = dayOf(date);
    const umsetzung = parseGermanNumber(form.umsetzung);
    const problem = !day
      ? "Bitte einen Berichtsstichtag als Datum angeben, z. B. 30.06.2026."
      : form.sachstand.trim() === ""
        ? "Bitte den Sachstand in ein, zwei Sätzen beschreiben."
        : umsetzung.kind === "invalid" ||
            (umsetzung.kind === "number" && (umsetzung.value < 0 || umsetzung.value > 100))
          ? "Die Umsetzung ist eine Zahl von 0 bis 100."
          : null;
    setError(problem);
    if (problem || !day) return false;
    return onSave({
      massnahme: measure.id,
      berichtsstichtag: day,
      status: form.status,
      umsetzung: umsetzung.kind === "number" ? umsetzung.value : null,
      ampel: form.ampel,
      sachstand: form.sachstand.trim(),
      naechsteSchritte: form.naechsteSchritte.trim(),
      hindernisse: form.hindernisse.trim(),
    });
  };
  useUnsavedEdit(
    "monitoring-sachstand",
    dirty && measure
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
          onChange={(_, d) => void session.leave(() => setSelected(d.value), { edit: "monitoring-sachstand" })}
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
        <div className={styles.row}>
          <Field label="Berichtsstichtag" required className={styles.narrow}>
            <DateField value={date} onChange={setDate} dueDate={berichtsstichtag} label="Berichtsstichtag" required />
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
        <Field label="Sachstand" required validationMessage={error ?? undefined}>
          <Textarea value={form.sachstand} onChange={set("sachstand")} resize="vertical" />
        </Field>
        <Field label="Nächste Schritte">
          <Textarea value={form.naechsteSchritte} onChange={set("naechsteSchritte")} resize="vertical" />
        </Field>
        <Field label="Hindernisse">
          <Textarea value={form.hindernisse} onChange={set("hindernisse")} resize="vertical" />
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

function IndicatorPanel({
  indicators,
  berichtsstichtag,
  referenceDate,
  onSave,
}: {
  indicators: IndicatorMonitoring[];
  berichtsstichtag: IsoDate;
  referenceDate: IsoDate;
  onSave: (input: { indikator: string; stichtag: IsoDate; wert: number }) => Promise<boolean>;
}): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const [selected, setSelected] = useState(indicators[0]?.id ?? "");
  const indicator = indicators.find((i) => i.id === selected) ?? indicators[0];
  const due = indicator ? indicatorDue(indicator.values, berichtsstichtag, referenceDate) : referenceDate;
  const [date, setDate] = useState(() => formatGermanDate(due));
  const [wert, setWert] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Another indicator, or a value saved: the date moves on to the one due next.
  useEffect(() => setDate(formatGermanDate(due)), [due]);

  const submit = async (): Promise<boolean> => {
    if (!indicator) return false;
    const day = dayOf(date);
    const parsed = parseGermanNumber(wert);
    const problem = !day
      ? "Bitte einen Stichtag als Datum angeben, z. B. 31.12.2026."
      : parsed.kind !== "number"
        ? "Bitte den Wert als Zahl eingeben, z. B. 12,5."
        : null;
    setError(problem);
    if (problem || !day || parsed.kind !== "number") return false;
    const saved = await onSave({ indikator: indicator.id, stichtag: day, wert: parsed.value });
    if (saved) setWert("");
    return saved;
  };
  useUnsavedEdit(
    "monitoring-wert",
    wert.trim() !== "" && indicator
      ? { subject: `dem Wert für ${indicator.id}`, save: submit, discard: () => setWert("") }
      : null,
  );
  if (!indicator) return <Body1>Es gibt noch keine Indikatoren mit ID.</Body1>;
  const { state } = indicator;
  const unit = indicator.einheit === "%" ? " %" : indicator.einheit ? ` ${indicator.einheit}` : "";

  return (
    <section className={styles.section} aria-labelledby="mon-indikatoren">
      <Subtitle2 as="h2" id="mon-indikatoren">
        Indikatoren
      </Subtitle2>
      <Field label="Indikator">
        <Select
          className={styles.wide}
          select={{ className: styles.wide }}
          value={indicator.id}
          onChange={(_, d) => void session.leave(() => setSelected(d.value), { edit: "monitoring-wert" })}
        >
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.id} – {i.name}
            </option>
          ))}
        </Select>
      </Field>
      <Table size="small" className={styles.table} aria-label={`Stand von ${indicator.id}`}>
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">IST</TableHeaderCell>
            <TableCell>
              {state.ist === null
                ? "kein Wert"
                : `${number(state.ist, unit)} (Stand ${formatGermanDate(state.stand!)})`}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">Zielerreichung</TableHeaderCell>
            <TableCell>{number(state.zielerreichung, " %")}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">Soll</TableHeaderCell>
            <TableCell>{number(state.soll, " %")}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">Ampel</TableHeaderCell>
            <TableCell>
              <AmpelLabel value={state.ampel} />
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <LineChart
        name={`${indicator.id} – ${indicator.name}`}
        target={indicator.target}
        values={indicator.values}
        unit={indicator.einheit}
      />
      {indicator.values.length > 0 && (
        <Table size="small" className={styles.table} aria-label={`Werte von ${indicator.id}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Stichtag</TableHeaderCell>
              <TableHeaderCell>Wert</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {indicator.values.map((v) => (
              <TableRow key={v.row}>
                <TableCell>{formatGermanDate(v.stichtag)}</TableCell>
                <TableCell className={styles.number}>{shownNumber(v.wert)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form
        className={styles.form}
        aria-label={`Wert für ${indicator.id} eintragen`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className={styles.row}>
          <Field label="Stichtag" required className={styles.narrow}>
            <DateField value={date} onChange={setDate} dueDate={due} label="Stichtag" required />
          </Field>
          <Field
            label={`Wert${unit ? ` (${unit.trim()})` : ""}`}
            required
            validationMessage={error ?? undefined}
            className={styles.narrow}
          >
            <Input inputMode="decimal" value={wert} onChange={(_, d) => setWert(d.value)} />
          </Field>
        </div>
        <div>
          {/* The view's one primary action is the Sachstand; entering a value is the second task here. */}
          <Button type="submit">Wert speichern</Button>
        </div>
      </form>
    </section>
  );
}
