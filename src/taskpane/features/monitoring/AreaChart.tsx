/**
 * A Basisindikator over time in several Gebiete: the own area against the comparison areas (one line each,
 * a marker with no number a gap), with a time axis in proportion to the dates and round value ticks. Each
 * line is named in the legend below and the whole in the label for screen readers; the numbers stand in the
 * table beside it.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { type IsoDate, formatGermanDate } from "../../../domain/dates";
import type { MonitoringValue } from "../../../domain/monitoringData";
import { shownNumber } from "../../fields/display";
import { valueTicks, yearTicks } from "./LineChart";

const W = 300;
const H = 170;
const PLOT = { left: 52, right: W - 12, top: 14, bottom: H - 24 };
const FONT = 11;
/** Colours that stay apart for the common colour blindnesses, with a dash pattern each as a second cue. */
const LINES = [
  { color: tokens.colorBrandForeground1, dash: undefined },
  { color: tokens.colorPaletteDarkOrangeForeground1, dash: "6 3" },
  { color: tokens.colorPaletteGreenForeground1, dash: "2 3" },
  { color: tokens.colorPalettePurpleForeground2, dash: "8 3 2 3" },
];

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", maxWidth: "480px", height: "auto" },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, margin: 0, padding: 0 },
  item: { listStyleType: "none", display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
});

export interface AreaSeries {
  name: string;
  /** One per Stichtag; null where the Gebiet has no value. */
  werte: (MonitoringValue | null)[];
}

const time = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);

export function AreaChart({
  name,
  stichtage,
  series,
  unit,
}: {
  name: string;
  stichtage: IsoDate[];
  series: AreaSeries[];
  unit: string;
}): ReactElement {
  const styles = useStyles();
  const numbers = series.flatMap((s) => s.werte.flatMap((w) => (w?.wert === null || !w ? [] : [w.wert])));
  if (numbers.length === 0 || stichtage.length === 0) return <Caption1>Für {name} gibt es noch keine Werte.</Caption1>;
  let [t0, t1] = [time(stichtage[0]!), time(stichtage.at(-1)!)];
  if (t1 - t0 < 365 * 864e5) [t0, t1] = [t0 - 183 * 864e5, t1 + 183 * 864e5];
  const ticks = valueTicks(Math.min(0, ...numbers), Math.max(...numbers));
  const [v0, v1] = ticks.length > 1 ? [ticks[0]!, ticks.at(-1)!] : [ticks[0]! - 1, ticks[0]! + 1];
  const x = (t: number) => PLOT.left + ((t - t0) / (t1 - t0)) * (PLOT.right - PLOT.left);
  const y = (v: number) => PLOT.bottom - ((v - v0) / (v1 - v0)) * (PLOT.bottom - PLOT.top);
  const suffix = unit === "%" ? " %" : "";
  const text = { fontSize: FONT, fill: tokens.colorNeutralForeground2 };
  /** The runs of consecutive numbers of a series: a marker without a number breaks the line. */
  const runs = (s: AreaSeries) => {
    const out: string[][] = [[]];
    s.werte.forEach((w, j) => {
      if (w?.wert === null || !w) out.push([]);
      else out.at(-1)!.push(`${x(time(stichtage[j]!)).toFixed(1)},${y(w.wert).toFixed(1)}`);
    });
    return out.filter((r) => r.length > 0);
  };
  const label = `Verlauf ${name}: ${series
    .map((s) => `${s.name} ${s.werte.map((w, j) => `${formatGermanDate(stichtage[j]!)} ${shown(w)}`).join(", ")}`)
    .join("; ")}.`;
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {ticks.map((v) => (
          <g key={`y${v}`}>
            <line x1={PLOT.left} x2={PLOT.right} y1={y(v)} y2={y(v)} stroke={tokens.colorNeutralStroke2} />
            <text x={PLOT.left - 6} y={y(v) + FONT / 3} textAnchor="end" {...text}>
              {shownNumber(v)}
              {suffix}
            </text>
          </g>
        ))}
        {yearTicks(t0, t1).map(({ year, t }) => (
          <text key={`x${year}`} x={x(t)} y={H - 6} textAnchor="middle" {...text}>
            {year}
          </text>
        ))}
        {series.map((s, i) => {
          const line = LINES[i % LINES.length]!;
          return (
            <g key={s.name}>
              {runs(s).map((run, k) =>
                run.length > 1 ? (
                  <polyline
                    key={k}
                    points={run.join(" ")}
                    fill="none"
                    stroke={line.color}
                    strokeWidth={2}
                    strokeDasharray={line.dash}
                  />
                ) : null,
              )}
              {runs(s)
                .flatMap((run) => run)
                .map((p) => {
                  const [cx, cy] = p.split(",");
                  return <circle key={p} cx={cx} cy={cy} r={3} fill={line.color} />;
                })}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s, i) => {
          const line = LINES[i % LINES.length]!;
          return (
            <li key={s.name} className={styles.item}>
              <svg width="24" height="8" aria-hidden="true">
                <line x1="0" x2="24" y1="4" y2="4" stroke={line.color} strokeWidth={2} strokeDasharray={line.dash} />
              </svg>
              <Caption1>{s.name}</Caption1>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

/** A value for the label: the number, with its marker; `kein Wert`. */
export function shown(w: MonitoringValue | null): string {
  if (!w) return "kein Wert";
  const number = w.wert === null ? "" : shownNumber(Math.round(w.wert * 10) / 10);
  return [number, w.kennzeichen ?? ""].filter(Boolean).join(" ");
}
