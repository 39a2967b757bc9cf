/**
 * An indicator's values against its Soll path (from Basiswert in the Basisjahr to the Zielwert in the
 * Zieljahr), with axes: a time axis in proportion to the dates (year ticks), a value axis with round ticks,
 * Basis and Ziel marked and named. Screen readers get the same in the label; the numbers stand in the table
 * beside it.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { type IsoDate, formatGermanDate } from "../../../domain/dates";
import type { IndicatorTarget, IndicatorValue } from "../../../domain/monitoring";
import { shownNumber } from "../../fields/display";

/** The drawing's size in its own units; it scales to the pane's width (at 300 px, one unit is one pixel). */
const W = 300;
const H = 170;
const PLOT = { left: 44, right: W - 12, top: 14, bottom: H - 24 };
const FONT = 11;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", maxWidth: "480px", height: "auto" },
});

const time = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);

interface Point {
  date: IsoDate;
  wert: number;
}

/** Three to six round values from `min` to `max` (1, 2 or 5 times a power of ten apart). */
export function valueTicks(min: number, max: number): number[] {
  if (min === max) return [min];
  const raw = (max - min) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** 1 January of each year from `t0` to `t1`, at most five of them (every second … year when there are more). */
export function yearTicks(t0: number, t1: number): { year: number; t: number }[] {
  const first = new Date(t0).getUTCFullYear() + (new Date(t0).getUTCMonth() || new Date(t0).getUTCDate() > 1 ? 1 : 0);
  const last = new Date(t1).getUTCFullYear();
  const years = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const every = Math.ceil(years.length / 5);
  return years.filter((_, i) => i % every === 0).map((year) => ({ year, t: Date.UTC(year, 0, 1) }));
}

export function LineChart({
  name,
  target,
  values,
  unit = "",
}: {
  name: string;
  target: IndicatorTarget;
  values: IndicatorValue[];
  /** The indicator's unit (%, Personen …), for the value axis. */
  unit?: string;
}): ReactElement {
  const styles = useStyles();
  const basis =
    target.basiswert !== null && target.basisDatum ? { date: target.basisDatum, wert: target.basiswert } : null;
  const ziel = target.zielwert !== null && target.zielDatum ? { date: target.zielDatum, wert: target.zielwert } : null;
  const points: Point[] = values.map((v) => ({ date: v.stichtag, wert: v.wert }));
  const all = [...points, ...(basis ? [basis] : []), ...(ziel ? [ziel] : [])];
  if (all.length === 0) return <Caption1>Für {name} gibt es noch keine Werte.</Caption1>;

  // Time axis from the first to the last date, at least a year wide; value axis over round ticks.
  let [t0, t1] = [Math.min(...all.map((p) => time(p.date))), Math.max(...all.map((p) => time(p.date)))];
  if (t1 - t0 < 365 * 864e5) [t0, t1] = [t0 - 183 * 864e5, t1 + 183 * 864e5];
  const ticks = valueTicks(Math.min(...all.map((p) => p.wert)), Math.max(...all.map((p) => p.wert)));
  const [v0, v1] = ticks.length > 1 ? [ticks[0]!, ticks[ticks.length - 1]!] : [ticks[0]! - 1, ticks[0]! + 1];
  const x = (t: number) => PLOT.left + ((t - t0) / (t1 - t0)) * (PLOT.right - PLOT.left);
  const y = (v: number) => PLOT.bottom - ((v - v0) / (v1 - v0)) * (PLOT.bottom - PLOT.top);
  const at = (p: Point) => `${x(time(p.date)).toFixed(1)},${y(p.wert).toFixed(1)}`;
  const suffix = unit === "%" ? " %" : "";
  const grid = tokens.colorNeutralStroke2;
  const text = { fontSize: FONT, fill: tokens.colorNeutralForeground2 };

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={chartLabel(name, points, basis && ziel ? [basis, ziel] : [])}
      >
        {ticks.map((v) => (
          <g key={`y${v}`}>
            <line x1={PLOT.left} x2={PLOT.right} y1={y(v)} y2={y(v)} stroke={grid} strokeWidth={1} />
            <text x={PLOT.left - 6} y={y(v) + FONT / 3} textAnchor="end" {...text}>
              {shownNumber(v)}
              {suffix}
            </text>
          </g>
        ))}
        <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} stroke={tokens.colorNeutralStroke1} />
        {yearTicks(t0, t1).map(({ year, t }) => (
          <g key={`x${year}`}>
            <line x1={x(t)} x2={x(t)} y1={PLOT.bottom} y2={PLOT.bottom + 4} stroke={tokens.colorNeutralStroke1} />
            <text x={x(t)} y={H - 6} textAnchor="middle" {...text}>
              {year}
            </text>
          </g>
        ))}
        {basis && ziel && (
          <polyline
            points={`${at(basis)} ${at(ziel)}`}
            fill="none"
            stroke={tokens.colorNeutralForeground3}
            strokeWidth={1.5}
            strokeDasharray="5 3"
          />
        )}
        {points.length > 1 && (
          <polyline
            points={points.map(at).join(" ")}
            fill="none"
            stroke={tokens.colorBrandForeground1}
            strokeWidth={2}
          />
        )}
        {points.map((p) => (
          <circle
            key={`${p.date}-${p.wert}`}
            cx={x(time(p.date))}
            cy={y(p.wert)}
            r={3}
            fill={tokens.colorBrandForeground1}
          />
        ))}
        {basis && <Marker point={basis} label="Basis" x={x} y={y} />}
        {ziel && <Marker point={ziel} label="Ziel" x={x} y={y} />}
      </svg>
      <Caption1 aria-hidden="true">
        Linie mit Punkten: gemessene Werte
        {basis && ziel
          ? ` · gestrichelt: Soll-Pfad von der Basis ${shownNumber(basis.wert)}${suffix} (${basis.date.slice(0, 4)}) zum Ziel ${shownNumber(ziel.wert)}${suffix} (${ziel.date.slice(0, 4)})`
          : ""}
      </Caption1>
    </figure>
  );
}

/** Basis or Ziel: an open ring with its name above (below when it sits at the top). */
function Marker({
  point,
  label,
  x,
  y,
}: {
  point: Point;
  label: string;
  x(t: number): number;
  y(v: number): number;
}): ReactElement {
  const [cx, cy] = [x(time(point.date)), y(point.wert)];
  const below = cy < PLOT.top + FONT + 4;
  const anchor = cx > PLOT.right - 20 ? "end" : cx < PLOT.left + 20 ? "start" : "middle";
  return (
    <g>
      <circle
        cx={cx}
        cy={cy}
        r={4}
        fill={tokens.colorNeutralBackground1}
        stroke={tokens.colorNeutralForeground2}
        strokeWidth={1.5}
      />
      <text
        x={cx}
        y={below ? cy + FONT + 5 : cy - 7}
        textAnchor={anchor}
        fontSize={FONT}
        fontWeight={600}
        fill={tokens.colorNeutralForeground1}
      >
        {label}
      </text>
    </g>
  );
}

/** What the chart shows, in words. */
export function chartLabel(name: string, points: Point[], soll: Point[]): string {
  const parts = [`Verlauf ${name}:`];
  if (points.length === 0) parts.push("noch keine Werte.");
  else {
    const last = points[points.length - 1]!;
    parts.push(
      `${points.length} ${points.length === 1 ? "Wert" : "Werte"} von ${formatGermanDate(points[0]!.date)} bis ${formatGermanDate(last.date)}, zuletzt ${shownNumber(last.wert)}.`,
    );
  }
  if (soll.length === 2) {
    parts.push(
      `Soll-Pfad von der Basis ${shownNumber(soll[0]!.wert)} (${formatGermanDate(soll[0]!.date)}) zum Ziel ${shownNumber(soll[1]!.wert)} (${formatGermanDate(soll[1]!.date)}).`,
    );
  }
  return parts.join(" ");
}
