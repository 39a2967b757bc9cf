/**
 * Single cells of a statistics file: a value with its official marker, a time, an area key. Every pattern
 * is compiled once here; the readers call these per cell, so they stay linear in the size of the file.
 */
import { type CellValue, parseGermanDate } from "../../domain/dates";
import { textOf } from "../../domain/values";
import type { TimeRef } from "./table";

export type CellReading =
  | { kind: "empty" }
  /** A number, a marker, or both (`(12)`, `12p`); `-` is 0 with its marker. */
  | { kind: "value"; wert: number | null; kennzeichen: string | null }
  | { kind: "unreadable"; text: string };

/**
 * The markers of the statistical offices that stand in place of a number (Zeichenerklärung): `-` nichts
 * vorhanden (0), `.` unbekannt oder geheim, `x` gesperrt, `/` nicht sicher genug, `...` fällt später an.
 * The typographic dash and ellipsis of xlsx exports are the same markers.
 */
const ALONE = new Map<string, { wert: number | null; kennzeichen: string }>([
  ["-", { wert: 0, kennzeichen: "-" }],
  ["–", { wert: 0, kennzeichen: "-" }],
  [".", { wert: null, kennzeichen: "." }],
  ["x", { wert: null, kennzeichen: "x" }],
  ["X", { wert: null, kennzeichen: "x" }],
  ["/", { wert: null, kennzeichen: "/" }],
  ["...", { wert: null, kennzeichen: "..." }],
  ["…", { wert: null, kennzeichen: "..." }],
]);

const COMMA_PLAIN = /^[-−]?\d+(?:,\d+)?$/;
const COMMA_DOTS = /^[-−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_SPACES = /^[-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/;
const POINT = /^[-+−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const IN_PARENTHESES = /^\(\s*(.+?)\s*\)$/;
const SUFFIX = /^(.+?)\s?([prs])$/;
const PREFIX = /^([prs])\s?(.+)$/;

/** A number written as text: decimal comma with `.` or space grouping, or a decimal point. */
export function numberOfText(text: string, decimal: "comma" | "point"): number | null {
  if (decimal === "point") return POINT.test(text) ? Number(text.replace("−", "-")) : null;
  let body: string;
  if (COMMA_PLAIN.test(text)) body = text;
  else if (COMMA_DOTS.test(text)) body = text.replace(/\./g, "");
  else if (COMMA_SPACES.test(text)) body = text.replace(/[ \u00a0\u202f]/g, "");
  else return null;
  const value = Number(body.replace("−", "-").replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** A value cell: a number (cell or text), a marker alone, or a number with `()`, `p`, `r` or `s`. */
export function readValue(value: CellValue, decimal: "comma" | "point"): CellReading {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "value", wert: value, kennzeichen: null } : unreadable(String(value));
  }
  if (typeof value !== "string") return unreadable(textOf(value));
  const text = value.trim();
  if (text === "") return { kind: "empty" };
  const plain = numberOfText(text, decimal);
  if (plain !== null) return { kind: "value", wert: plain, kennzeichen: null };
  const alone = ALONE.get(text);
  if (alone) return { kind: "value", ...alone };
  const marked = markedNumber(text, decimal);
  return marked ?? unreadable(text);
}

function markedNumber(text: string, decimal: "comma" | "point"): CellReading | null {
  const inner = IN_PARENTHESES.exec(text);
  if (inner) {
    const n = numberOfText(inner[1]!, decimal);
    return n === null ? null : { kind: "value", wert: n, kennzeichen: "()" };
  }
  const suffix = SUFFIX.exec(text);
  if (suffix) {
    const n = numberOfText(suffix[1]!, decimal);
    if (n !== null) return { kind: "value", wert: n, kennzeichen: suffix[2]! };
  }
  const prefix = PREFIX.exec(text);
  if (prefix) {
    const n = numberOfText(prefix[2]!, decimal);
    if (n !== null) return { kind: "value", wert: n, kennzeichen: prefix[1]! };
  }
  return null;
}

function unreadable(text: string): CellReading {
  return { kind: "unreadable", text };
}

/** Whether a cell reads as a number or a marker (tells value columns from dimension columns). */
export function isValueLike(value: CellValue, decimal: "comma" | "point"): boolean {
  return readValue(value, decimal).kind === "value";
}

const YEAR = /^\d{4}$/;

/** The time a cell names: a date, a month (its last day), a year (31.12.), a school year (its end). */
export function readTime(value: CellValue): TimeRef {
  const parsed = parseGermanDate(typeof value === "string" ? value.trim() : value);
  if (parsed.kind === "empty") return { kind: "none" };
  if (parsed.kind !== "date") return { kind: "unreadable", text: textOf(value) };
  const yearOnly = parsed.precision === "year" && (typeof value === "number" || YEAR.test(String(value).trim()));
  return { kind: "date", date: parsed.date, yearOnly };
}

/** A memo of readTime: the time of a file repeats in every row. */
export function timeReader(): (value: CellValue) => TimeRef {
  const seen = new Map<CellValue, TimeRef>();
  return (value) => {
    let time = seen.get(value);
    if (!time) {
      time = readTime(value);
      if (typeof value !== "object") seen.set(value, time);
    }
    return time;
  };
}

/** Key lengths of the Regionaldatenbank: Land 2, Regierungsbezirk 3, Kreis 5, Verband 7/9, Gemeinde 8/10/11, ARS 12. */
const KEY_LENGTHS = new Set([2, 3, 5, 7, 8, 9, 10, 11, 12]);
const DIGITS = /^\d+$/;

/**
 * An area key as published: `DG`, or digits of a known length (leading zeros kept). A number cell lost the
 * leading zero of the Länder 01–09: 1, 4, 7 or 10 digits get it back (`1001` → `01001`).
 */
export function areaKeyOf(value: CellValue): string | null {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) return null;
    const digits = String(value);
    const key = [1, 4, 7, 10].includes(digits.length) ? `0${digits}` : digits;
    return KEY_LENGTHS.has(key.length) ? key : null;
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "DG" || text === "dg") return "DG";
  return DIGITS.test(text) && KEY_LENGTHS.has(text.length) ? text : null;
}
