/**
 * Rasterising the chart SVGs to PNG in Node with resvg. Text needs a font file: the first of a few usual
 * system fonts that exists; without one the charts are drawn without text (the alt text and the table carry
 * the numbers anyway).
 */
import { existsSync } from "node:fs";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { Resvg } from "@resvg/resvg-js";
import type { ChartRasterizer } from "./document";

const FONTS: { file: string; family: string }[] = [
  { file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", family: "DejaVu Sans" },
  { file: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", family: "Liberation Sans" },
  { file: "/usr/share/fonts/TTF/DejaVuSans.ttf", family: "DejaVu Sans" },
  { file: "C:\\Windows\\Fonts\\arial.ttf", family: "Arial" },
  { file: "/System/Library/Fonts/Supplemental/Arial.ttf", family: "Arial" },
  { file: "/Library/Fonts/Arial.ttf", family: "Arial" },
];

/** Pixels per SVG unit: 1,5 times the size it is shown at (about 144 dpi), sharp enough for print and quick to draw. */
const SCALE = 1.5;

export function findChartFont(candidates = FONTS): { file: string; family: string } | null {
  return candidates.find((f) => existsSync(f.file)) ?? null;
}

/**
 * resvg-js 2.6 does not tell V8 how much native memory its pixmaps hold (thx/resvg-js#216, fixed upstream by
 * #393 after 2.6.2), so V8 sees no reason to collect them: 200 charts kept about 300 MB. The objects are
 * young, so a minor collection finds them, and their finalisers run on the next turn of the event loop.
 */
function minorCollection(): (() => void) | null {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as (options?: { type: "minor" | "major" }) => void;
    v8.setFlagsFromString("--no-expose-gc");
    return () => gc({ type: "minor" });
  } catch {
    return null;
  }
}

export function resvgRasterizer(
  font = findChartFont(),
): Omit<ChartRasterizer, "toPng"> & { toPng(svg: string): Uint8Array } {
  const collect = minorCollection();
  return {
    async release() {
      collect?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
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
