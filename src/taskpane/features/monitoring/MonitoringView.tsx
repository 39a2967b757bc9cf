/**
 * Monitoring: which measures still owe a Sachstand, per measure its Sachstand history and a form for this
 * period's report (see SachstandSection.tsx); per indicator its values, IST against Soll, the Ampel (as
 * text) and a small chart; the Basisindikatoren by Gebiet and Gruppe (BasisSection) and „Werte übernehmen“
 * from statistics files (WerteSection). Every entry writes one row by its key.
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
  Subtitle2,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactElement } from "react";
import { type IsoDate, formatGermanDate } from "../../../domain/dates";
import { parseGermanNumber } from "../../../domain/numbers";
import { type Notice, NoConcept, NoticeBar, runWrite } from "../../components";
import { DateField, dayOf } from "../../fields/DateField";
import { AmpelLabel, shownNumber } from "../../fields/display";
import { useSession, useUnsavedEdit } from "../../session";
import { LineChart } from "./LineChart";
import { type IndicatorMonitoring, type MonitoringModel, indicatorDue, monitoringModel } from "./model";
import { BasisSection } from "./BasisSection";
import { SachstandSection } from "./SachstandSection";
import { WerteSection } from "./WerteSection";
import type { ReadConcept } from "../../../workbook/read";
import { figure, useMonitoringStyles } from "./styles";
import { writeIndikatorwert, writeSachstand } from "./writes";

export default function MonitoringView(): ReactElement {
  const styles = useMonitoringStyles();
  const session = useSession();
  const { host, concept } = session;
  const [notice, setNotice] = useState<Notice | null>(null);
  const model = useMemo(
    () => (concept ? monitoringModel(concept, session.today) : null),
    // the concept is re-read into a new object on every reload
    [concept, session.today],
  );
  // A finding or a hint led here: the measure or indicator it names.
  const request = session.navRequest;
  const target = request?.target.view === "monitoring" && request.seq > handled ? request.target : null;
  useEffect(() => {
    if (request) handled = Math.max(handled, request.seq);
  }, [request]);
  if (!host || !concept || !model) return <NoConcept hasWorkbook={!!host} />;

  /** Writes, re-reads and says so; false when it failed (the notice says why). */
  const save = (write: () => Promise<void>, done: string): Promise<boolean> =>
    runWrite(
      async () => {
        await write();
        await session.reload();
        return done;
      },
      { setNotice },
    );

  return (
    <div className={styles.root}>
      <Body1 as="p" block>
        Auswertung zum Stichtag {formatGermanDate(model.referenceDate)}; neue Sachstände gelten für den Berichtsstichtag{" "}
        {formatGermanDate(model.berichtsstichtag)}.
      </Body1>
      <Due model={model} />
      <NoticeBar notice={notice} />
      <SachstandSection
        measures={model.measures}
        berichtsstichtag={model.berichtsstichtag}
        requested={target?.measure ?? null}
        onSave={(input, setStatus) =>
          save(
            () => writeSachstand(host, concept, input, session.today, setStatus),
            `Sachstand für ${input.massnahme} zum ${formatGermanDate(input.berichtsstichtag)} gespeichert.${
              setStatus ? ` Die Maßnahme steht jetzt auf „${input.status}“.` : ""
            }`,
          )
        }
      />
      <IndicatorPanel
        indicators={model.indicators}
        berichtsstichtag={model.berichtsstichtag}
        referenceDate={model.referenceDate}
        requested={target?.indicator ?? null}
        onSave={(input) =>
          save(
            () => writeIndikatorwert(host, concept, input),
            `Wert für ${input.indikator} zum ${formatGermanDate(input.stichtag)} gespeichert.`,
          )
        }
      />
      <BasisSection concept={concept} data={model.data} referenceDate={model.referenceDate} />
      <WerteSection indicators={allIndicators(concept)} />
    </div>
  );
}

/** Every indicator with an ID, for the choice of the values' indicator. */
function allIndicators(concept: ReadConcept): { id: string; name: string }[] {
  return (concept.indikatoren?.rows ?? []).flatMap((r) => {
    const id = String(r.values.id ?? "").trim();
    return id ? [{ id, name: String(r.values.indikator ?? "").trim() }] : [];
  });
}

/** Which measures still owe a Sachstand for the Berichtsstichtag in force (as the check counts them). */
function Due({ model }: { model: MonitoringModel }): ReactElement | null {
  if (!model.due) {
    return model.berichtsstichtag !== model.referenceDate && model.berichtsstichtag > model.referenceDate ? (
      <Body1 as="p" block>
        Der Berichtsstichtag {formatGermanDate(model.berichtsstichtag)} ist geplant; bis dahin ist kein Sachstand
        fällig.
      </Body1>
    ) : null;
  }
  return (
    <Body1 as="p" block>
      {model.missing.length === 0
        ? `Zum Berichtsstichtag ${formatGermanDate(model.due)} liegen alle erwarteten Sachstände vor.`
        : `Zum Berichtsstichtag ${formatGermanDate(model.due)} fehlt noch der Sachstand von ${model.missing.join(", ")}.`}
    </Body1>
  );
}

/** The navigation request last acted on (the view mounts anew each time it is shown). */
let handled = 0;

/** The key of the value form's unsaved input (see useUnsavedEdit). */
const VALUE_EDIT = "monitoring-wert";

function IndicatorPanel({
  indicators,
  berichtsstichtag,
  referenceDate,
  requested,
  onSave,
}: {
  indicators: IndicatorMonitoring[];
  berichtsstichtag: IsoDate;
  referenceDate: IsoDate;
  requested: string | null;
  onSave: (input: { indikator: string; stichtag: IsoDate; wert: number }) => Promise<boolean>;
}): ReactElement {
  const styles = useMonitoringStyles();
  const session = useSession();
  const [selected, setSelected] = useState(requested ?? indicators[0]?.id ?? "");
  useEffect(() => {
    if (requested) setSelected(requested);
  }, [requested]);
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
    VALUE_EDIT,
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
          onChange={(_, d) => void session.leave(() => setSelected(d.value), { edit: VALUE_EDIT })}
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
                : `${figure(state.ist, unit)} (Stand ${formatGermanDate(state.stand!)})`}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">Zielerreichung</TableHeaderCell>
            <TableCell>{figure(state.zielerreichung, " %")}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">Soll</TableHeaderCell>
            <TableCell>{figure(state.soll, " %")}</TableCell>
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
