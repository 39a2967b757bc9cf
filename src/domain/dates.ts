/**
 * Dates as users type them into a Maßnahmenplan (see docs/arbeitsmappe.md, „Daten“).
 * Pure module: no imports, no time zone dependence (all calendar arithmetic is done on day numbers).
 */

export type IsoDate = string; // 'YYYY-MM-DD'
export type DatePrecision = "day" | "month" | "quarter" | "half" | "year";
export type DateParse =
  | { kind: "empty" }
  | { kind: "date"; date: IsoDate; precision: DatePrecision }
  | { kind: "vague"; text: string } // a term that is not a deadline
  | { kind: "invalid"; text: string }; // cannot be read as a date (text = the original text shown to the user)
export type CellValue = string | number | boolean | Date | null | undefined;

/** Largest Excel serial (9999-12-31). */
const MAX_SERIAL = 2958465;
/** Numbers in this range are read as a year, not as an Excel serial. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** Month names and abbreviations, in normalized form (lower case, ä → ae …, no trailing dot). */
const MONTHS = new Map<string, number>([
  ["januar", 1],
  ["jan", 1],
  ["jaenner", 1],
  ["februar", 2],
  ["feb", 2],
  ["febr", 2],
  ["maerz", 3],
  ["maer", 3],
  ["mrz", 3],
  ["april", 4],
  ["apr", 4],
  ["mai", 5],
  ["juni", 6],
  ["jun", 6],
  ["juli", 7],
  ["jul", 7],
  ["august", 8],
  ["aug", 8],
  ["september", 9],
  ["sept", 9],
  ["sep", 9],
  ["oktober", 10],
  ["okt", 10],
  ["november", 11],
  ["nov", 11],
  ["dezember", 12],
  ["dez", 12],
]);

const ROMAN = new Map<string, number>([
  ["i", 1],
  ["ii", 2],
  ["iii", 3],
  ["iv", 4],
]);

/** Terms that name no deadline. Anything starting with "ab " is vague as well. */
const VAGUE = new Set(
  [
    "fortlaufend",
    "laufend",
    "dauerhaft",
    "kurzfristig",
    "mittelfristig",
    "langfristig",
    "ständig",
    "regelmäßig",
    "jährlich",
    "fortwährend",
    "kontinuierlich",
    "unbefristet",
    "offen",
    "n.n.",
    "tbd",
    "noch offen",
    "nach Bedarf",
    "bei Bedarf",
  ].map(normalize),
);

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days of a month (month 1..12). */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function toIso(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function splitIso(s: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Strict 'YYYY-MM-DD' that is a real calendar date. */
export function isValidIsoDate(s: string): boolean {
  const p = splitIso(s);
  if (!p) return false;
  const [y, m, d] = p;
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

/** '2025-12-31' → '31.12.2025'. A string that is not an ISO date is returned unchanged. */
export function formatGermanDate(d: IsoDate): string {
  const p = splitIso(d);
  return p ? `${pad(p[2], 2)}.${pad(p[1], 2)}.${p[0]}` : d;
}

/** Day number (since 1970-01-01) of Excel serial 0, i.e. 1899-12-30 for serials after the Lotus bug. */
const SERIAL_EPOCH = daysFromCivil(1899, 12, 30);

/**
 * Excel serial (1900 date system) → ISO date; the time part (fraction) is ignored.
 * Serial 60 is the non-existent 1900-02-29 that Excel inherited from Lotus 1-2-3: we return null for it
 * rather than invent a date (Excel displays "29.02.1900", which no calendar has). Serials 1..59 are
 * 1900-01-01..1900-02-28, 61 is 1900-03-01. Out of 1..2958465 (or not finite) → null.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const n = Math.floor(serial);
  if (n < 1 || n > MAX_SERIAL || n === 60) return null;
  const [y, m, d] = civilFromDays(SERIAL_EPOCH + (n < 60 ? n + 1 : n));
  return toIso(y, m, d);
}

/** ISO date → Excel serial (1900 date system, Lotus leap-year bug included). Throws on an invalid date. */
export function isoToExcelSerial(d: IsoDate): number {
  const p = splitIso(d);
  if (!p || !isValidIsoDate(d)) throw new RangeError(`Kein gültiges Datum: ${d}`);
  const n = daysFromCivil(p[0], p[1], p[2]) - SERIAL_EPOCH;
  return n <= 60 ? n - 1 : n; // before 1900-03-01 there is no phantom 29.02.1900 to skip
}

/** ISO date of a Date's UTC components (the readers hand dates as UTC midnight). */
export function isoFromDate(d: Date): IsoDate {
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The calendar day of a moment on the local clock as ISO date: today is `localIsoDate(new Date())`. */
export function localIsoDate(now: Date): IsoDate {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** An ISO date as the Date of its UTC midnight, the form the readers give and the hosts write as a date cell. */
export function dateFromIso(d: IsoDate): Date {
  return new Date(`${d}T00:00:00Z`);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const p = splitIso(date);
  if (!p || !isValidIsoDate(date)) throw new RangeError(`Kein gültiges Datum: ${date}`);
  const [y, m, d] = civilFromDays(daysFromCivil(p[0], p[1], p[2]) + days);
  return toIso(y, m, d);
}

/** Days from `from` to `to` (negative when `to` lies before). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [a, b] = [splitIso(from), splitIso(to)];
  if (!a || !b) throw new RangeError(`Kein gültiges Datum: ${a ? to : from}`);
  return daysFromCivil(b[0], b[1], b[2]) - daysFromCivil(a[0], a[1], a[2]);
}

/** Order of two ISO dates (negative, 0, positive). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Found = { date: IsoDate; precision: DatePrecision } | null;

function found(y: number, m: number, d: number, precision: DatePrecision): Found {
  const iso = toIso(y, m, d);
  return isValidIsoDate(iso) ? { date: iso, precision } : null;
}

/** Last day of month m of year y (null for a month outside 1..12). */
function endOfMonth(y: number, m: number, precision: DatePrecision): Found {
  return m >= 1 && m <= 12 ? found(y, m, lastDayOfMonth(y, m), precision) : null;
}

/** Last day of quarter (q 1..4) or half year (h 1..2). */
function endOfPeriod(y: number, n: number, kind: "quarter" | "half"): Found {
  const max = kind === "quarter" ? 4 : 2;
  return n >= 1 && n <= max ? endOfMonth(y, n * (12 / max), kind) : null;
}

/** Lower case, NFC, umlauts transliterated, whitespace collapsed, trailing dots removed. */
function normalize(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.\s]+$/, "");
}

function ordinal(s: string): number {
  return ROMAN.get(s) ?? Number(s);
}

/** One date expression without a "bis"/"Ende" prefix. */
function parseExpression(s: string): Found {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\. ?(\d{1,2})\. ?(\d{2}|\d{4})$/.exec(s))) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return found(y, Number(m[2]), Number(m[1]), "day");
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) return found(Number(m[1]), Number(m[2]), Number(m[3]), "day");
  if ((m = /^(\d{1,2}) ?[./] ?(\d{4})$/.exec(s))) return endOfMonth(Number(m[2]), Number(m[1]), "month");
  if ((m = /^([a-z]+)\.? ?(\d{4})$/.exec(s)) && MONTHS.has(m[1]!)) {
    return endOfMonth(Number(m[2]), MONTHS.get(m[1]!)!, "month");
  }
  if ((m = /^([qh])(\d) ?[/-]? ?(\d{4})$/.exec(s))) {
    return endOfPeriod(Number(m[3]), Number(m[2]), m[1] === "q" ? "quarter" : "half");
  }
  if ((m = /^(\d|[iv]+)\.? ?(quartal|halbjahr|hj)\.? ?(\d{4})$/.exec(s))) {
    return endOfPeriod(Number(m[3]), ordinal(m[1]!), m[2] === "quartal" ? "quarter" : "half");
  }
  if ((m = /^(\d{4}) ?[/-] ?(\d{2}|\d{4})$/.exec(s))) {
    // A period of two years such as a school or double budget year, `2015/2016` or `2015/16`: its last day.
    const [first, second] = [Number(m[1]), m[2]!.length === 2 ? Number(m[1]!.slice(0, 2) + m[2]) : Number(m[2])];
    return second === first + 1 && second <= MAX_YEAR ? found(second, 12, 31, "year") : null;
  }
  if ((m = /^(?:jahr )?(\d{4})$/.exec(s))) {
    const y = Number(m[1]);
    return y >= MIN_YEAR && y <= MAX_YEAR ? found(y, 12, 31, "year") : null;
  }
  return null;
}

function parseText(raw: string): DateParse {
  const text = raw.trim();
  const s = normalize(text);
  if (s === "") return { kind: "empty" };
  if (VAGUE.has(s) || s.startsWith("ab ")) return { kind: "vague", text };
  const withoutBis = s.replace(/^bis /, "");
  const withoutEnde = withoutBis.replace(/^ende /, "");
  const r = parseExpression(withoutEnde);
  // "Ende" only makes sense before a period ("Ende 2025", "Ende Q3 2025"), not before a day.
  if (!r || (withoutEnde !== withoutBis && r.precision === "day")) return { kind: "invalid", text };
  return { kind: "date", ...r };
}

/**
 * Reads a Beginn/Frist cell. Numbers 1900..2200 (integers) are years; other numbers Excel serials.
 * Text: see docs/arbeitsmappe.md „Daten“. Months, quarters, half years and years become their last day.
 */
export function parseGermanDate(value: CellValue): DateParse {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string") return parseText(value);
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: "invalid", text: String(value) };
    const iso = isoFromDate(value);
    return isValidIsoDate(iso) ? { kind: "date", date: iso, precision: "day" } : { kind: "invalid", text: iso };
  }
  if (Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) {
    return { kind: "date", date: toIso(value, 12, 31), precision: "year" };
  }
  const iso = excelSerialToIso(value);
  return iso ? { kind: "date", date: iso, precision: "day" } : { kind: "invalid", text: String(value) };
}

/** The first day of the period a month, quarter, half-year or year names (for Beginn). */
export function periodStart(date: IsoDate, precision: DatePrecision): IsoDate {
  const [y, m] = [date.slice(0, 4), Number(date.slice(5, 7))];
  const startMonth: Record<DatePrecision, number> = { day: 0, month: m, quarter: m - 2, half: m - 5, year: 1 };
  if (precision === "day") return date;
  return `${y}-${String(startMonth[precision]).padStart(2, "0")}-01`;
}
