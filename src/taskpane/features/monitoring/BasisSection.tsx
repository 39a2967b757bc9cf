/**
 * The Integrationsmonitoring in the Monitoring view: a Basisindikator by Gebiet and Gruppe — the table of
 * the own area's Gemeinden or Stadtteile, the own area and the comparison areas over the last five
 * Stichtage with the change (as the sheet Kennzahlen has it, computed values included), and a chart of the
 * own area against the comparison areas. A marker stands as the marker.
 */
import {
  Body1,
  Caption1,
  Field,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from "@fluentui/react-components";
import { useMemo, useState, type ReactElement } from "react";
import type { IsoDate } from "../../../domain/dates";
import { type KennzahlenBlock, basisindikatorenByChapter, kennzahlenOf } from "../../../domain/kennzahlen";
import type { MonitoringData } from "../../../domain/monitoringData";
import type { ReadConcept } from "../../../workbook/read";
import { AreaChart, shown } from "./AreaChart";
import { figure, useMonitoringStyles } from "./styles";

const year = (d: IsoDate) => (d.endsWith("-12-31") ? d.slice(0, 4) : d.split("-").reverse().join("."));

export function BasisSection({
  concept,
  data,
  referenceDate,
}: {
  concept: ReadConcept;
  data: MonitoringData;
  referenceDate: IsoDate;
}): ReactElement | null {
  const styles = useMonitoringStyles();
  const indicators = useMemo(
    () => basisindikatorenByChapter(concept).flatMap((c) => c.rows.map((r) => String(r.values.id ?? "").trim())),
    [concept],
  );
  const [selected, setSelected] = useState(indicators[0] ?? "");
  const [gruppe, setGruppe] = useState("");
  const id = indicators.includes(selected) ? selected : (indicators[0] ?? "");
  const gruppen = useMemo(() => (id ? data.gruppen(id) : []), [data, id]);
  const chosen = gruppen.includes(gruppe) ? gruppe : "";
  const block = useMemo(
    () => kennzahlenOf(concept, data, { referenceDate, gruppe: chosen }).find((b) => b.indikator.id === id) ?? null,
    [concept, data, referenceDate, chosen, id],
  );
  if (indicators.length === 0) return null;
  const name = (i: string) => {
    const row = concept.indikatoren?.rows.find((r) => String(r.values.id ?? "").trim() === i);
    return `${i} – ${String(row?.values.indikator ?? "")}`;
  };
  return (
    <section className={styles.section} aria-labelledby="mon-basis">
      <Subtitle2 as="h2" id="mon-basis">
        Integrationsmonitoring
      </Subtitle2>
      <div className={styles.row}>
        <Field label="Basisindikator" className={styles.narrow}>
          <Select
            className={styles.wide}
            select={{ className: styles.wide }}
            value={id}
            onChange={(_, d) => setSelected(d.value)}
          >
            {indicators.map((i) => (
              <option key={i} value={i}>
                {name(i)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Gruppe" className={styles.narrow}>
          <Select
            className={styles.wide}
            select={{ className: styles.wide }}
            value={chosen}
            onChange={(_, d) => setGruppe(d.value)}
          >
            {(gruppen.length ? gruppen : [""]).map((g) => (
              <option key={g} value={g}>
                {g || "insgesamt"}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {block ? (
        <BlockView block={block} />
      ) : (
        <Body1>
          Für {name(id)} {chosen ? `(Gruppe ${chosen}) ` : ""}gibt es bis zum Stichtag noch keine Werte der eigenen
          Gebiete oder der Vergleichsgebiete. Übernehmen Sie sie unten aus einer Statistikdatei.
        </Body1>
      )}
    </section>
  );
}

function BlockView({ block }: { block: KennzahlenBlock }): ReactElement {
  const styles = useMonitoringStyles();
  const i = block.indikator;
  const unit = i.einheit === "%" ? " %" : "";
  const change = block.veraenderung === "Prozentpunkte" ? " Pp." : " %";
  const source = [
    i.einheit && `Einheit: ${i.einheit}`,
    i.berechnung && `berechnet: ${i.berechnung}`,
    i.quelle && `Quelle: ${i.quelle}`,
  ]
    .filter(Boolean)
    .join(" · ");
  // The first and the latest Stichtag with the change between them, as the Integrationsbericht's table: beside
  // a Gemeinde's name in the 320 px pane there is room for three figures; the chart below shows every year.
  const last = block.stichtage.length - 1;
  const columns = last > 1 ? [0, last] : block.stichtage.map((_, j) => j);
  return (
    <>
      {source && <Caption1>{source}</Caption1>}
      <Table size="small" className={styles.table} aria-label={`${i.id} nach Gebiet`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.compact}>Gebiet</TableHeaderCell>
            {columns.map((j) => (
              <TableHeaderCell key={block.stichtage[j]} className={mergeClasses(styles.compact, styles.number)}>
                {year(block.stichtage[j]!)}
              </TableHeaderCell>
            ))}
            {block.stichtage.length > 1 && (
              // A soft hyphen: in the 320 px pane the header may break, the figures below it never.
              <TableHeaderCell className={mergeClasses(styles.compact, styles.number)}>
                Verände{"\u00AD"}rung
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {block.zeilen.map((z) => (
            <TableRow key={z.gebiet || "eigen"}>
              <TableHeaderCell scope="row" className={mergeClasses(styles.compact, styles.text)}>
                {z.rolle === "eigen" ? <strong>{z.name}</strong> : z.name}
              </TableHeaderCell>
              {columns.map((j) => {
                const w = z.werte[j];
                return (
                  <TableCell
                    key={block.stichtage[j]}
                    className={mergeClasses(styles.compact, styles.number, styles.figures)}
                  >
                    {w ? `${shown(w)}${w.wert !== null ? unit : ""}` : "–"}
                  </TableCell>
                );
              })}
              {block.stichtage.length > 1 && (
                <TableCell className={mergeClasses(styles.compact, styles.number, styles.figures)}>
                  {z.veraenderung === null ? "–" : `${z.veraenderung > 0 ? "+" : ""}${figure(z.veraenderung, change)}`}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <AreaChart
        name={`${i.id} – ${i.name}`}
        stichtage={block.stichtage}
        series={block.zeilen.filter((z) => z.rolle !== "innen").map((z) => ({ name: z.name, werte: z.werte }))}
        unit={i.einheit}
      />
    </>
  );
}
