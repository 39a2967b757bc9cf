/** German number, percent and date formats of the report (Intl, locale de-DE). */
import type { IsoDate } from "../domain/dates";

const numbers = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const days = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const longDays = new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const asDate = (d: IsoDate) => new Date(`${d}T00:00:00Z`);

/** 1234.5 → `1.234,5`. */
export const number = (n: number): string => numbers.format(n);
/** A score: 2.6 → `2,60`. */
export const score = (n: number): string => twoDecimals.format(n);
/** A percentage given in percent: 45.64 → `45,6 %`. */
export const percent = (n: number): string => `${oneDecimal.format(n)}\u00a0%`;
/** `31.12.2025`. */
export const date = (d: IsoDate): string => days.format(asDate(d));
/** `31. Dezember 2025`. */
export const longDate = (d: IsoDate): string => longDays.format(asDate(d));

/** A value in the indicator's unit: `72 %` for a percentage, the bare number otherwise. */
export function valueInUnit(n: number, einheit: string): string {
  return einheit.trim() === "%" ? `${number(n)}\u00a0%` : number(n);
}

const wholeEuros = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
/** An amount in euros: `12.000 €`, `1.234,50 €` (cents only where there are any). */
export const euro = (n: number): string =>
  `${Number.isInteger(Math.round(n * 100) / 100) ? wholeEuros.format(n) : twoDecimals.format(n)}\u00a0€`;
/** Full-time equivalents: `1,5`, `0,25`. */
export const fte = (n: number): string => numbers.format(n);

/** A Kennzahl of the monitoring: `12,0 %` for a share, `45,3` per 1.000, `1.144.481` for a count. */
export function kennzahl(n: number, einheit: string): string {
  const unit = einheit.trim();
  if (unit === "%") return percent(n);
  if (/^je\s/i.test(unit)) return oneDecimal.format(n);
  return number(n);
}

/** A change with its sign: `+1,2` (percentage points) or `−3,4 %` (per cent). */
export function change(n: number, kind: "Prozentpunkte" | "Prozent"): string {
  const rounded = Math.round(n * 10) / 10;
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  return `${sign}${oneDecimal.format(Math.abs(rounded))}${kind === "Prozent" ? "\u00a0%" : ""}`;
}

/** A monitoring value as printed: the number with its marker (`7,8 p`, `(12,0 %)`), or the marker alone (`.`). */
export function markedValue(v: { wert: number | null; kennzeichen: string | null }, einheit: string): string {
  const text = v.wert === null ? "" : kennzahl(v.wert, einheit);
  if (v.kennzeichen === null) return text;
  if (text === "" || v.kennzeichen === "-") return v.kennzeichen;
  return v.kennzeichen === "()" ? `(${text})` : `${text}\u00a0${v.kennzeichen}`;
}
