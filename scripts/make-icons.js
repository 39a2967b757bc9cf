#!/usr/bin/env node
/*
 * Erzeugt die Add-in-Symbole assets/icon-{16,32,64,80}.png ohne Bildbibliotheken:
 * ein Klemmbrett mit abgehakter Checkliste in Kommunalblau (#0F6CBD) auf transparentem Grund.
 * Die Form wird in Einheitskoordinaten (0..1) beschrieben und je Zielgröße mit 4×4-Überabtastung
 * gerastert; geschrieben wird RGBA-PNG (Farbtyp 6, 8 Bit) mit zlib.
 *
 * Aufruf: node scripts/make-icons.js
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, "..", "assets");
const SUPERSAMPLE = 4;

const BLUE = [0x0f, 0x6c, 0xbd];
const DARK_BLUE = [0x0a, 0x4a, 0x82];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------------------------------------
// Geometrie (Einheitskoordinaten, y nach unten)
// ---------------------------------------------------------------------------------------------

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

function distanceToSegment(x, y, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function onPolyline(x, y, points, halfWidth) {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    if (distanceToSegment(x, y, ax, ay, bx, by) <= halfWidth) return true;
  }
  return false;
}

/**
 * Liefert die Farbe (oder null = transparent) an einer Stelle. Kleine Symbole bekommen weniger
 * Zeilen und dickere Striche, damit sie bei 16 px lesbar bleiben.
 */
function makeShape(size) {
  const small = size <= 16;
  const rows = small ? [0.45, 0.71] : [0.38, 0.56, 0.74];
  const stroke = small ? 0.065 : 0.045; // halbe Strichbreite
  const lineHalf = small ? 0.055 : 0.04;

  return function colourAt(x, y) {
    // Klammer oben
    if (insideRoundedRect(x, y, 0.33, 0.03, 0.67, 0.19, 0.05)) return DARK_BLUE;
    // Klemmbrett-Körper
    if (!insideRoundedRect(x, y, 0.12, 0.1, 0.88, 0.96, 0.1)) return null;
    // Papier
    const onPaper = insideRoundedRect(x, y, 0.2, 0.23, 0.8, 0.88, 0.04);
    if (!onPaper) return BLUE;
    for (const ry of rows) {
      // Häkchen
      const check = [
        [0.27, ry],
        [0.33, ry + 0.055],
        [0.44, ry - 0.065],
      ];
      if (onPolyline(x, y, check, stroke)) return BLUE;
      // Textzeile
      if (onPolyline(x, y, [[0.52, ry], [0.72, ry]], lineHalf)) return BLUE;
    }
    return WHITE;
  };
}

function render(size) {
  const colourAt = makeShape(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const c = colourAt(x, y);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            covered++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        // Farbe nur über die abgedeckten Teilproben mitteln (nicht vormultipliziert).
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / n);
      }
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// PNG-Kodierung
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // Bittiefe
  ihdr[9] = 6; // Farbtyp RGBA
  ihdr[10] = 0; // Kompression
  ihdr[11] = 0; // Filter
  ihdr[12] = 0; // kein Interlacing

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // Filtertyp "None"
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, size, render(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}, ${png.length} Bytes`);
  }
}

main();
