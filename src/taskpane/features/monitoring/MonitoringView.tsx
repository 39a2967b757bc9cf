/**
 * Monitoring: which measures still owe a Sachstand, per measure its Sachstand history and a form for this
 * period's report (see SachstandSection.tsx); per indicator its values, IST against Soll, the Ampel (as
 * text) and a small chart. Every entry writes one row by its key.
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
  Title3,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactElement } from "react";
import { type IsoDate, formatGermanDate } from "../../../domain/dates";
import { formatGermanNumber, parseGermanNumber } from "../../../domain/numbers";
import { type Notice, NoConcept, NoticeBar } from "../../components";
import { errorText, useSession } from "../../session";
import { LineChart } from "./LineChart";
import { type IndicatorMonitoring, type MonitoringModel, monitoringModel } from "./model";
import { SachstandSection, dayOf } from "./SachstandSection";
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
  const request = session.requestedTarget;
  const target = request?.target.view === "monitoring" && request.seq > handled ? request.target : null;
  useEffect(() => {
    if (request) handled = Math.max(handled, request.seq);
  }, [request]);
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
        referenceDate={model.referenceDate}
        requested={target?.indicator ?? null}
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

function IndicatorPanel({
  indicators,
  referenceDate,
  requested,
  onSave,
}: {
  indicators: IndicatorMonitoring[];
  referenceDate: IsoDate;
  requested: string | null;
  onSave: (input: { indikator: string; stichtag: IsoDate; wert: number }) => Promise<void>;
}): ReactElement {
  const styles = useMonitoringStyles();
  const [selected, setSelected] = useState(requested ?? indicators[0]?.id ?? "");
  useEffect(() => {
    if (requested) setSelected(requested);
  }, [requested]);
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
      <Title3 as="h2" id="mon-indikatoren">
        Indikatoren
      </Title3>
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
            <TableCell>{state.ampel}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <LineChart name={`${indicator.id} – ${indicator.name}`} target={indicator.target} values={indicator.values} />
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
                <TableCell className={styles.number}>{formatGermanNumber(v.wert)}</TableCell>
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
