/**
 * Amounts as users type them (see docs/arbeitsmappe.md, „Zahlen“): a number cell or German text such as
 * `1.500,50`, `1.500 €`, `15.000 EUR`, `0,5`, `5 T€`. Pure module.
 */
import type { CellValue } from "./dates";

export type NumberParse = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid"; text: string };

/** Number bodies after sign, currency and unit are removed; [pattern, thousands separator to drop]. */
const BODIES: ReadonlyArray<[RegExp, string]> = [
  [/^\d+(,\d+)?$/, ""], // 1500 | 1500,50 | 0,5
  [/^\d{1,3}(\.\d{3})+(,\d+)?$/, "."], // 1.500 | 1.500.000 | 1.500,50
  [/^\d{1,3}( \d{3})+(,\d+)?$/, " "], // 1 500 (also no-break spaces, normalized to ' ')
  [/^\d+\.\d+$/, ""], // 1.5 — a dot not followed by exactly three digits is a decimal point
];

function invalid(text: string): NumberParse {
  return { kind: "invalid", text };
}

function parseText(raw: string): NumberParse {
  const text = raw.trim();
  let s = text.toLowerCase().replace(/\s+/g, " "); // \s covers U+00A0 and U+202F
  if (s === "") return { kind: "empty" };

  // Currency before or after the amount, then a thousands unit (T€, TEUR, Tsd. €, Tsd.).
  let factor = 1;
  s = s.replace(/^(€|eur) ?/, "");
  const currency = /(€|eur|euro)$/.exec(s);
  if (currency) s = s.slice(0, currency.index).trimEnd();
  const unit = currency ? / ?(tsd\.?|t)$/.exec(s) : / ?tsd\.?$/.exec(s);
  if (unit) {
    factor = 1000;
    s = s.slice(0, unit.index);
  }
  s = s.replace(/,[-–—]$/, ""); // 1500,- | 1.500,–

  let sign = 1;
  if (/^[-−]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  }

  for (const [pattern, separator] of BODIES) {
    if (!pattern.test(s)) continue;
    const value = Number((separator ? s.split(separator).join("") : s).replace(",", "."));
    return Number.isFinite(value) ? { kind: "number", value: sign * value * factor } : invalid(text);
  }
  return invalid(text);
}

/** Reads a number cell or German number text. Negative numbers are numbers (another rule rejects them). */
export function parseGermanNumber(value: CellValue): NumberParse {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string") return parseText(value);
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : invalid(String(value));
  return invalid(String(value)); // boolean or Date
}

/**
 * 1500.5 → '1.500,5'; with fractionDigits 2 → '1.500,50'. Without fractionDigits as many decimals as
 * needed, at most 2. Thousands separator '.', decimal comma.
 */
export function formatGermanNumber(n: number, fractionDigits?: number): string {
  if (!Number.isFinite(n)) return String(n);
  let fixed = Math.abs(n).toFixed(fractionDigits ?? 2);
  if (fractionDigits === undefined) fixed = fixed.replace(/\.?0+$/, "");
  const [int = "0", frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ".");
  const negative = n < 0 && /[1-9]/.test(fixed);
  return (negative ? "-" : "") + grouped + (frac ? `,${frac}` : "");
}

/** A count with its noun in the right number: `countOf(1, "Maßnahme", "Maßnahmen")` → '1 Maßnahme'. */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
