/**
 * What the title lines above a statistics table say about it: the GENESIS table number, the title, the
 * unit (`Bevölkerungsstand (Anzahl)`), and its time where no column gives one — a date (`- Stichtag
 * 09.05.2011 -`, a line `09.05.2011`), a month (`Juni 2007`), a year, or only the day of the year
 * (`- Stichtag 31.12. -`) that completes the years of a time column.
 */
import { parseGermanDate } from "../../domain/dates";
import type { TimeRef } from "./table";

export interface TitleInfo {
  /** `12411-01-01-4` of `GENESIS-Tabelle: 12411-01-01-4`, else null. */
  genesisCode: string | null;
  title: string;
  unit: string | null;
  time: TimeRef;
  dayOfYear: { day: number; month: number } | null;
}

const GENESIS_CODE = /^GENESIS-Tabelle:\s*(\S+)/i;
const DAY_OF_YEAR = /Stichtag:?\s+(\d{1,2})\.\s?(\d{1,2})\.(?!\s?\d)/i;
const FULL_DATE = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/g;
const MONTH_YEAR =
  /\b(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(\d{4})\b/gi;
/** A year that bounds a time series (`(bis 2010)`, `ab 2011`) is no Stichtag. */
const YEAR = /(?<!\b(?:ab|bis|seit|vor)\s)\b(19\d{2}|20\d{2})\b/gi;
const UNIT = /^(?!-)(.*\S)\s*\(([^()]+)\)$/;

/** Reads title lines (each the text of one line, trimmed). */
export function readTitle(lines: readonly string[]): TitleInfo {
  let genesisCode: string | null = null;
  let title = "";
  let unit: string | null = null;
  let dayOfYear: TitleInfo["dayOfYear"] = null;
  const dates = new Set<string>();
  const months = new Set<string>();
  const years = new Set<string>();
  for (const line of lines) {
    const code = GENESIS_CODE.exec(line);
    if (code) {
      genesisCode = code[1]!;
      continue;
    }
    if (title === "") title = line;
    const u = UNIT.exec(line);
    if (u && (!/\d/.test(u[2]!) || /^je\s/i.test(u[2]!))) unit = u[2]!.trim();
    const day = DAY_OF_YEAR.exec(line);
    if (day) dayOfYear ??= { day: Number(day[1]), month: Number(day[2]) };
    let rest = line;
    for (const m of line.matchAll(FULL_DATE)) {
      const parsed = parseGermanDate(`${m[1]}.${m[2]}.${m[3]}`);
      if (parsed.kind === "date") dates.add(parsed.date);
      rest = rest.replace(m[0], " ");
    }
    for (const m of rest.matchAll(MONTH_YEAR)) {
      const parsed = parseGermanDate(m[0]);
      if (parsed.kind === "date") months.add(parsed.date);
      rest = rest.replace(m[0], " ");
    }
    for (const m of rest.matchAll(YEAR)) years.add(m[1]!);
  }
  return { genesisCode, title, unit, time: titleTime(dates, months, years), dayOfYear };
}

/** One date, else one month, else one year; several of a kind say nothing certain. */
function titleTime(dates: Set<string>, months: Set<string>, years: Set<string>): TimeRef {
  if (dates.size === 1) return { kind: "date", date: [...dates][0]!, yearOnly: false };
  if (dates.size > 1) return { kind: "none" };
  if (months.size === 1) return { kind: "date", date: [...months][0]!, yearOnly: false };
  if (months.size > 1) return { kind: "none" };
  if (years.size === 1) return { kind: "date", date: `${[...years][0]!}-12-31`, yearOnly: true };
  return { kind: "none" };
}
