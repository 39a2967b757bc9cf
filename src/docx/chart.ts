/**
 * Each indicator's chart as SVG, built here: the values over their Stichtage against the Soll path from
 * Basiswert (31.12. of the Basisjahr) to Zielwert (31.12. of the Zieljahr). Text is minimal (axis labels
 * and a legend) and left out altogether when no font is available to the rasteriser.
 */
import type { IsoDate } from "../domain/dates";
import type { ReportIndicator } from "../domain/report";
import { date, valueInUnit } from "./format";

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 260;
export const MARGIN = { left: 64, right: 20, top: 16, bottom: 54 };
const IST_COLOUR = "#1f4e79";
const SOLL_COLOUR = "#6b6b6b";

export interface Point {
  t: number;
  v: number;
}

/** Days since 1970-01-01 of an ISO date. */
export const dayNumber = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const yearEnd = (year: number) => dayNumber(`${year}-12-31`);

/** The Soll path's two ends; null without Basiswert, Basisjahr, Zielwert and Zieljahr. */
export function sollPath(indicator: ReportIndicator): [Point, Point] | null {
  const { basis, ziel } = indicator;
  if (basis.wert === null || basis.jahr === null || ziel.wert === null || ziel.jahr === null) return null;
  return [
    { t: yearEnd(basis.jahr), v: basis.wert },
    { t: yearEnd(ziel.jahr), v: ziel.wert },
  ];
}

/** A chart is drawn when the indicator has at least one value. */
export function hasChart(indicator: ReportIndicator): boolean {
  return indicator.werte.length > 0;
}

/** Round step (1, 2, 2.5, 5 × 10^n) for about `ticks` intervals over `span`. */
function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= raw)!;
  return step * power;
}

function valueAxis(values: number[]): { min: number; max: number; step: number } {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, 4);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

function timeAxis(times: number[]): { min: number; max: number; years: number[] } {
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  if (hi - lo < 365) {
    lo -= 183;
    hi += 183;
  }
  const first = new Date(lo * 86_400_000).getUTCFullYear();
  const last = new Date(hi * 86_400_000).getUTCFullYear();
  const every = Math.max(1, Math.ceil((last - first + 1) / 10));
  const years: number[] = [];
  for (let y = first; y <= last; y += every) years.push(y);
  return { min: lo, max: hi, years };
}

export const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export const fix = (n: number) => n.toFixed(1);

export interface ChartOptions {
  /** Draw axis labels and the legend (needs a font in the rasteriser). */
  labels: boolean;
  fontFamily?: string;
}

/** The drawing area of a chart and its scales, with the grid, the axes and their labels drawn. */
export interface ChartFrame {
  parts: string[];
  x(t: number): number;
  y(v: number): number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The attributes of a label's text. */
  font: string;
}

/**
 * Starts a chart `height` units high over the points given (days since 1970 and values): white ground,
 * horizontal grid lines with their values (`label`), the years under a proportional time axis.
 */
export function chartFrame(
  points: Point[],
  label: (v: number) => string,
  options: ChartOptions,
  height = CHART_HEIGHT,
): ChartFrame {
  const tAxis = timeAxis(points.map((p) => p.t));
  const vAxis = valueAxis(points.map((p) => p.v));
  const plot = {
    left: MARGIN.left,
    right: CHART_WIDTH - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };
  const x = (t: number) => plot.left + ((t - tAxis.min) / (tAxis.max - tAxis.min)) * (plot.right - plot.left);
  const y = (v: number) => plot.bottom - ((v - vAxis.min) / (vAxis.max - vAxis.min)) * (plot.bottom - plot.top);
  const font = `font-family="${esc(options.fontFamily ?? "DejaVu Sans")}" font-size="12" fill="#333333"`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  for (let v = vAxis.min; v <= vAxis.max + vAxis.step / 2; v += vAxis.step) {
    parts.push(
      `<line x1="${plot.left}" x2="${plot.right}" y1="${fix(y(v))}" y2="${fix(y(v))}" stroke="#dddddd" stroke-width="1"/>`,
    );
    if (options.labels) {
      const text = label(Number(v.toPrecision(12)));
      parts.push(`<text x="${plot.left - 8}" y="${fix(y(v) + 4)}" text-anchor="end" ${font}>${esc(text)}</text>`);
    }
  }
  for (const year of tAxis.years) {
    const t = dayNumber(`${year}-07-01`);
    if (t < tAxis.min || t > tAxis.max) continue;
    parts.push(
      `<line x1="${fix(x(yearEnd(year - 1)))}" x2="${fix(x(yearEnd(year - 1)))}" y1="${plot.bottom}" y2="${plot.bottom + 4}" stroke="#888888"/>`,
    );
    if (options.labels)
      parts.push(`<text x="${fix(x(t))}" y="${plot.bottom + 18}" text-anchor="middle" ${font}>${year}</text>`);
  }
  parts.push(
    `<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="#888888" stroke-width="1"/>`,
  );
  return { parts, x, y, plot, font };
}

/** The SVG of an indicator's chart (CHART_WIDTH × CHART_HEIGHT user units). */
export function indicatorChartSvg(indicator: ReportIndicator, options: ChartOptions): string {
  const ist: Point[] = indicator.werte.map((w) => ({ t: dayNumber(w.stichtag), v: w.wert }));
  const soll = sollPath(indicator);
  const { parts, x, y, plot, font } = chartFrame(
    [...ist, ...(soll ?? [])],
    (v) => valueInUnit(v, indicator.einheit),
    options,
  );
  if (soll) {
    parts.push(
      `<line x1="${fix(x(soll[0].t))}" y1="${fix(y(soll[0].v))}" x2="${fix(x(soll[1].t))}" y2="${fix(y(soll[1].v))}" stroke="${SOLL_COLOUR}" stroke-width="2" stroke-dasharray="8 5"/>`,
      `<rect x="${fix(x(soll[1].t) - 5)}" y="${fix(y(soll[1].v) - 5)}" width="10" height="10" fill="none" stroke="${SOLL_COLOUR}" stroke-width="2" transform="rotate(45 ${fix(x(soll[1].t))} ${fix(y(soll[1].v))})"/>`,
    );
  }
  if (ist.length > 1) {
    const path = ist.map((p, i) => `${i ? "L" : "M"}${fix(x(p.t))} ${fix(y(p.v))}`).join(" ");
    parts.push(`<path d="${path}" fill="none" stroke="${IST_COLOUR}" stroke-width="2.5"/>`);
  }
  for (const p of ist) parts.push(`<circle cx="${fix(x(p.t))}" cy="${fix(y(p.v))}" r="4" fill="${IST_COLOUR}"/>`);
  if (options.labels) {
    const ly = CHART_HEIGHT - 12;
    parts.push(
      `<line x1="${plot.left}" x2="${plot.left + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${IST_COLOUR}" stroke-width="2.5"/>`,
      `<circle cx="${plot.left + 14}" cy="${ly - 4}" r="4" fill="${IST_COLOUR}"/>`,
      `<text x="${plot.left + 36}" y="${ly}" ${font}>Ist-Werte</text>`,
    );
    if (soll) {
      parts.push(
        `<line x1="${plot.left + 130}" x2="${plot.left + 158}" y1="${ly - 4}" y2="${ly - 4}" stroke="${SOLL_COLOUR}" stroke-width="2" stroke-dasharray="8 5"/>`,
        `<text x="${plot.left + 166}" y="${ly}" ${font}>Soll-Pfad bis zum Zielwert</text>`,
      );
    }
  }
  parts.push("</svg>");
  return parts.join("");
}

/** The chart's alt text: every value it shows, in words a screen reader reads out. */
export function chartAltText(indicator: ReportIndicator): string {
  const unit = indicator.einheit;
  const values = indicator.werte.map((w) => `${date(w.stichtag)}: ${valueInUnit(w.wert, unit)}`).join("; ");
  const { basis, ziel } = indicator;
  const soll = sollPath(indicator)
    ? ` Soll-Pfad von ${valueInUnit(basis.wert!, unit)} (Basisjahr ${basis.jahr}) bis ${valueInUnit(ziel.wert!, unit)} (Zieljahr ${ziel.jahr}).`
    : " Ohne Soll-Pfad, weil Basis- oder Zielwert mit Jahr fehlt.";
  const einheit = unit && unit !== "%" ? ` (Einheit: ${unit})` : "";
  return `Liniendiagramm ${indicator.id} ${indicator.name}${einheit}. Ist-Werte ${values}.${soll}`;
}
