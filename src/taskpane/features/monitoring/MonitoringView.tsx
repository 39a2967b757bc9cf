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
import { type IsoDate, formatGermanDate, parseGermanDate } from "../../../domain/dates";
import { STATUS_VALUES } from "../../../domain/model";
import { AMPEL_VALUES } from "../../../domain/monitoring";
import { formatGermanNumber, parseGermanNumber } from "../../../domain/numbers";
import { matchListValue } from "../../../domain/values";
import { type Notice, NoConcept, NoticeBar } from "../../components";
import { errorText, useSession } from "../../session";
import { AmpelLabel, shownNumber } from "../../fields/display";
import { SachstandHistory } from "./History";
import { LineChart } from "./LineChart";
import { type IndicatorMonitoring, type MeasureMonitoring, monitoringModel } from "./model";
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

  const save = async (write: () => Promise<void>, done: string) => {
    setNotice(null);
    try {
      await write();
      await session.reload();
      setNotice({ intent: "success", text: done });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
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

/** A date field's value: `JJJJ-MM-TT` from the date input, or German text; null when not a day. */
function dayOf(text: string): IsoDate | null {
  const parsed = parseGermanDate(text);
  return parsed.kind === "date" ? parsed.date : null;
}

type SachstandInput = Parameters<typeof writeSachstand>[2];

function MeasureReports({
  measures,
  berichtsstichtag,
  onSave,
}: {
  measures: MeasureMonitoring[];
  berichtsstichtag: IsoDate;
  onSave: (input: SachstandInput) => Promise<void>;
}): ReactElement {
  const styles = useStyles();
  const [selected, setSelected] = useState(measures[0]?.id ?? "");
  const measure = measures.find((m) => m.id === selected) ?? measures[0];
  const [date, setDate] = useState(berichtsstichtag);
  const existing = measure?.history.find((h) => h.berichtsstichtag === dayOf(date));
  const [form, setForm] = useState(() => formFor(measure, existing));
  const [error, setError] = useState<string | null>(null);
  // A new measure or date: the form shows what is reported for it, else the measure's Status.
  useEffect(() => setForm(formFor(measure, existing)), [measure?.id, existing?.row, measure?.history.length]);
  if (!measure) return <Body1>Es gibt noch keine Maßnahmen mit ID.</Body1>;

  const submit = async () => {
    const day = dayOf(date);
    const umsetzung = parseGermanNumber(form.umsetzung);
    if (!day) return setError("Bitte einen Berichtsstichtag als Datum angeben, z. B. 30.06.2026.");
    if (form.sachstand.trim() === "") return setError("Bitte den Sachstand in ein, zwei Sätzen beschreiben.");
    if (umsetzung.kind === "invalid" || (umsetzung.kind === "number" && (umsetzung.value < 0 || umsetzung.value > 100)))
      return setError("Die Umsetzung ist eine Zahl von 0 bis 100.");
    setError(null);
    await onSave({
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
          onChange={(_, d) => setSelected(d.value)}
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
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
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
  referenceDate,
  onSave,
}: {
  indicators: IndicatorMonitoring[];
  referenceDate: IsoDate;
  onSave: (input: { indikator: string; stichtag: IsoDate; wert: number }) => Promise<void>;
}): ReactElement {
  const styles = useStyles();
  const [selected, setSelected] = useState(indicators[0]?.id ?? "");
  const indicator = indicators.find((i) => i.id === selected) ?? indicators[0];
  const [date, setDate] = useState(referenceDate);
  const [wert, setWert] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!indicator) return <Body1>Es gibt noch keine Indikatoren mit ID.</Body1>;
  const { state } = indicator;
  const unit = indicator.einheit === "%" ? " %" : indicator.einheit ? ` ${indicator.einheit}` : "";

  const submit = async () => {
    const day = dayOf(date);
    const parsed = parseGermanNumber(wert);
    if (!day) return setError("Bitte einen Stichtag als Datum angeben, z. B. 31.12.2026.");
    if (parsed.kind !== "number") return setError("Bitte den Wert als Zahl eingeben, z. B. 12,5.");
    setError(null);
    await onSave({ indikator: indicator.id, stichtag: day, wert: parsed.value });
    setWert("");
  };

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
          onChange={(_, d) => setSelected(d.value)}
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
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
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
          <Button appearance="primary" type="submit">
            Wert speichern
          </Button>
        </div>
      </form>
    </section>
  );
}
