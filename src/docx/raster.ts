/**
 * Rasterising the chart SVGs to PNG in Node with resvg. Text needs a font file: the first of a few usual
 * system fonts that exists; without one the charts are drawn without text (the alt text and the table carry
 * the numbers anyway).
 */
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import type { ChartRasterizer } from "./report";

const FONTS: { file: string; family: string }[] = [
  { file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", family: "DejaVu Sans" },
  { file: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", family: "Liberation Sans" },
  { file: "/usr/share/fonts/TTF/DejaVuSans.ttf", family: "DejaVu Sans" },
  { file: "C:\\Windows\\Fonts\\arial.ttf", family: "Arial" },
  { file: "/System/Library/Fonts/Supplemental/Arial.ttf", family: "Arial" },
  { file: "/Library/Fonts/Arial.ttf", family: "Arial" },
];

/** Pixels per SVG unit: twice the size it is shown at, so the chart stays sharp in print. */
const SCALE = 2;

export function findChartFont(candidates = FONTS): { file: string; family: string } | null {
  return candidates.find((f) => existsSync(f.file)) ?? null;
}

export function resvgRasterizer(font = findChartFont()): ChartRasterizer {
  return {
    labels: font !== null,
    fontFamily: font?.family,
    toPng(svg: string): Uint8Array {
      const resvg = new Resvg(svg, {
        fitTo: { mode: "zoom", value: SCALE },
        font: font
          ? { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family }
          : { loadSystemFonts: false },
      });
      return resvg.render().asPng();
    },
  };
}
