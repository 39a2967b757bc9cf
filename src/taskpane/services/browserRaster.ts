/**
 * Rasterising the report's chart SVGs in the browser with the browser itself: the SVG as an image, drawn
 * onto a canvas 1,5 times its size, saved as PNG. No library; the browser's own fonts draw the labels.
 */
import type { ChartRasterizer } from "../../docx/report";

/** Pixels per SVG unit, as in the Node rasteriser (about 144 dpi). */
const SCALE = 1.5;

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("Das Diagramm konnte nicht gezeichnet werden."))),
      "image/png",
    ),
  );
}

/** SVG text → PNG bytes, drawn by the browser. */
export async function svgToPng(svg: string, scale = SCALE): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("Der Browser kann keine Diagramme zeichnen (kein Canvas).");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return new Uint8Array(await (await canvasPng(canvas)).arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function browserRasterizer(): ChartRasterizer {
  return { labels: true, fontFamily: "Arial, Helvetica, sans-serif", toPng: (svg) => svgToPng(svg) };
}
