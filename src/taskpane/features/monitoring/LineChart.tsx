/**
 * A small line chart of an indicator's values against its Soll path (from Basiswert in the Basisjahr to the
 * Zielwert in the Zieljahr). Decorative for sighted users; screen readers get the same in the label, and the
 * numbers stand in the table beside it.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { type IsoDate, formatGermanDate } from "../../../domain/dates";
import type { IndicatorTarget, IndicatorValue } from "../../../domain/monitoring";
import { formatGermanNumber } from "../../../domain/numbers";

const W = 280;
const H = 120;
const PAD = 8;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", maxWidth: "420px", height: "auto", backgroundColor: tokens.colorNeutralBackground2 },
});

const time = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);

export function LineChart({
  name,
  target,
  values,
}: {
  name: string;
  target: IndicatorTarget;
  values: IndicatorValue[];
}): ReactElement {
  const styles = useStyles();
  const soll =
    target.basiswert !== null && target.zielwert !== null && target.basisDatum && target.zielDatum
      ? [
          { date: target.basisDatum, wert: target.basiswert },
          { date: target.zielDatum, wert: target.zielwert },
        ]
      : [];
  const points = values.map((v) => ({ date: v.stichtag, wert: v.wert }));
  const all = [...points, ...soll];
  const label = chartLabel(name, points, soll);
  if (all.length === 0) {
    return <Caption1>Für {name} gibt es noch keine Werte.</Caption1>;
  }
  const [t0, t1] = [Math.min(...all.map((p) => time(p.date))), Math.max(...all.map((p) => time(p.date)))];
  const [v0, v1] = [Math.min(...all.map((p) => p.wert)), Math.max(...all.map((p) => p.wert))];
  const x = (d: IsoDate) => PAD + ((time(d) - t0) / (t1 - t0 || 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((v - v0) / (v1 - v0 || 1)) * (H - 2 * PAD);
  const path = (ps: { date: IsoDate; wert: number }[]) => ps.map((p) => `${x(p.date)},${y(p.wert)}`).join(" ");
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {soll.length === 2 && (
          <polyline
            points={path(soll)}
            fill="none"
            stroke={tokens.colorNeutralForeground3}
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
        )}
        {points.length > 1 && (
          <polyline points={path(points)} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} />
        )}
        {points.map((p) => (
          <circle key={`${p.date}-${p.wert}`} cx={x(p.date)} cy={y(p.wert)} r={3} fill={tokens.colorBrandForeground1} />
        ))}
      </svg>
      <Caption1 aria-hidden="true">Linie mit Punkten: gemessene Werte · gestrichelt: Soll-Pfad</Caption1>
    </figure>
  );
}

/** What the chart shows, in words. */
export function chartLabel(
  name: string,
  points: { date: IsoDate; wert: number }[],
  soll: { date: IsoDate; wert: number }[],
): string {
  const parts = [`Verlauf ${name}:`];
  if (points.length === 0) parts.push("noch keine Werte.");
  else {
    const last = points[points.length - 1]!;
    parts.push(
      `${points.length} ${points.length === 1 ? "Wert" : "Werte"} von ${formatGermanDate(points[0]!.date)} bis ${formatGermanDate(last.date)}, zuletzt ${formatGermanNumber(last.wert)}.`,
    );
  }
  if (soll.length === 2) {
    parts.push(
      `Soll-Pfad von ${formatGermanNumber(soll[0]!.wert)} (${formatGermanDate(soll[0]!.date)}) bis ${formatGermanNumber(soll[1]!.wert)} (${formatGermanDate(soll[1]!.date)}).`,
    );
  }
  return parts.join(" ");
}
