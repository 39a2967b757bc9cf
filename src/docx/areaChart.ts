/**
 * The chart of a Basisindikator in the Integrationsbericht: one line per area — the own area, the comparison
 * areas, in a Gemeindeprofil the Gemeinde — over a proportional time axis (./chart.ts draws the frame). Each
 * line differs by colour and by its dash and marker, never by colour alone. A count (Bevölkerung, Ausländer)
 * of a Kreis beside Land and Bund differs by orders of magnitude, so counts are drawn as an index (each
 * area's first value = 100) when there is more than one line; shares and rates are drawn as they are. The
 * alt text names every value as published, whatever is drawn.
 */
import type { IbBasisindikator, IbReihe } from "../domain/integrationsbericht";
import { CHART_HEIGHT, CHART_WIDTH, type ChartOptions, type Point, chartFrame, dayNumber, esc, fix } from "./chart";
import { date, kennzahl, number } from "./format";

const STYLES = [
  { colour: "#1f4e79", dash: "", width: 3, marker: "circle" },
  { colour: "#c55a11", dash: "8 4", width: 2, marker: "square" },
  { colour: "#548235", dash: "2 3", width: 2, marker: "triangle" },
  { colour: "#7030a0", dash: "10 3 2 3", width: 2, marker: "diamond" },
  { colour: "#595959", dash: "4 4", width: 2, marker: "circle" },
] as const;

const LEGEND_ROW = 18;

/** Whether the chart shows an index: a count with more than one line. */
export function drawnAsIndex(b: IbBasisindikator): boolean {
  const unit = b.indikator.einheit.trim();
  return b.reihen.length > 1 && unit !== "%" && !/^je\s/i.test(unit) && b.berechnung === null;
}

/** The lines in the order they are drawn and listed: the own area, a Gemeinde, then the comparison areas. */
function ordered(reihen: IbReihe[]): IbReihe[] {
  const rank = { eigen: 0, innen: 1, vergleich: 2 } as const;
  return [...reihen].sort((a, b) => rank[a.rolle] - rank[b.rolle]);
}

function marker(kind: string, x: number, y: number, colour: string): string {
  const [cx, cy] = [fix(x), fix(y)];
  switch (kind) {
    case "square":
      return `<rect x="${fix(x - 4)}" y="${fix(y - 4)}" width="8" height="8" fill="${colour}"/>`;
    case "triangle":
      return `<path d="M${cx} ${fix(y - 5)} L${fix(x + 5)} ${fix(y + 4)} L${fix(x - 5)} ${fix(y + 4)} Z" fill="${colour}"/>`;
    case "diamond":
      return `<path d="M${cx} ${fix(y - 5)} L${fix(x + 5)} ${cy} L${cx} ${fix(y + 5)} L${fix(x - 5)} ${cy} Z" fill="${colour}"/>`;
    default:
      return `<circle cx="${cx}" cy="${cy}" r="4" fill="${colour}"/>`;
  }
}

/** Legend entries in rows across the width; the rows each entry goes in. */
function legendRows(names: string[]): { name: string; x: number; row: number }[] {
  const out: { name: string; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const name of names) {
    const width = 36 + name.length * 7 + 20;
    if (x > 0 && x + width > CHART_WIDTH - 80) {
      row++;
      x = 0;
    }
    out.push({ name, x, row });
    x += width;
  }
  return out;
}

/** The height of the chart: one more legend row adds LEGEND_ROW units. */
export function areaChartHeight(b: IbBasisindikator): number {
  const rows = Math.max(...legendRows(b.reihen.map((r) => r.name)).map((e) => e.row), 0) + 1;
  return CHART_HEIGHT + (rows - 1) * LEGEND_ROW;
}

/** The SVG of a Basisindikator's chart (CHART_WIDTH × areaChartHeight units). */
export function areaChartSvg(b: IbBasisindikator, options: ChartOptions): string {
  const index = drawnAsIndex(b);
  const lines = ordered(b.reihen).map((r) => {
    const base = r.punkte[0]!.wert;
    return r.punkte.map((p): Point => ({
      t: dayNumber(p.stichtag),
      v: index ? (base === 0 ? 100 : (p.wert / base) * 100) : p.wert,
    }));
  });
  const height = areaChartHeight(b);
  const label = (v: number) => (index ? number(v) : kennzahl(v, b.indikator.einheit));
  const { parts, x, y, plot, font } = chartFrame(lines.flat(), label, options, height);
  lines.forEach((points, i) => {
    const s = STYLES[i % STYLES.length]!;
    if (points.length > 1) {
      const d = points.map((p, k) => `${k ? "L" : "M"}${fix(x(p.t))} ${fix(y(p.v))}`).join(" ");
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
      parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="${s.width}"${dash}/>`);
    }
    for (const p of points) parts.push(marker(s.marker, x(p.t), y(p.v), s.colour));
  });
  if (options.labels) {
    const names = ordered(b.reihen).map((r) => r.name);
    const rowsTop = height - 12 - Math.max(...legendRows(names).map((e) => e.row)) * LEGEND_ROW;
    legendRows(names).forEach((e, i) => {
      const s = STYLES[i % STYLES.length]!;
      const [lx, ly] = [plot.left + e.x, rowsTop + e.row * LEGEND_ROW];
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
      parts.push(
        `<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="${s.width}"${dash}/>`,
        marker(s.marker, lx + 14, ly - 4, s.colour),
        `<text x="${lx + 36}" y="${ly}" ${font}>${esc(e.name)}</text>`,
      );
    });
  }
  parts.push("</svg>");
  return parts.join("");
}

/** The chart's alt text: what is drawn, and every value of every line as published. */
export function areaChartAltText(b: IbBasisindikator): string {
  const { id, name, einheit } = b.indikator;
  const unit = einheit && einheit !== "%" ? ` (Einheit: ${einheit})` : "";
  const how = drawnAsIndex(b) ? " Gezeichnet als Index, erster Wert je Gebiet = 100; die Werte:" : "";
  const lines = ordered(b.reihen).map(
    (r) => `${r.name}: ${r.punkte.map((p) => `${date(p.stichtag)}: ${kennzahl(p.wert, einheit)}`).join("; ")}.`,
  );
  return `Liniendiagramm ${id} ${name}${unit}.${how} ${lines.join(" ")}`;
}
