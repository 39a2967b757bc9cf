/**
 * An iCalendar file (RFC 5545) of what falls due, for Outlook and Thunderbird to import: one all-day event per
 * item, with a UID that stays the same for the same item and date, so that importing the file again updates
 * the events instead of doubling them. Pure: `anstehend --ics` and the pane write the text.
 */
import { type IsoDate, addDays, isValidIsoDate } from "./dates";

export interface CalendarItem {
  /** What the item is, the same from run to run: `frist:M-004`, `termin:P-03`, `ruecklauf`. */
  key: string;
  /** The day it falls due (an all-day event). */
  date: IsoDate;
  /** The event's title (German), e.g. „Frist: M-004 Sprachkurse für Eltern“. */
  summary: string;
  description?: string;
  /** Who is responsible: the Federführung, Verantwortlich or Zuständig. */
  responsible?: string;
  /** Ansprechperson and E-Mail of the responsible. */
  contact?: string;
}

export interface CalendarOptions {
  /** When the file is made: every event's DTSTAMP. */
  stamp: Date;
  /** The calendar's name where a program shows one (X-WR-CALNAME), e.g. „Integrationskonzept – Anstehend“. */
  name?: string;
}

const CRLF = "\r\n";
/** A content line holds at most 75 octets (RFC 5545 §3.1); a continuation line starts with one space. */
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** The calendar as the text of an .ics file: UTF-8, CRLF line ends, long lines folded. */
export function writeIcs(items: CalendarItem[], options: CalendarOptions): string {
  const stamp = utcDateTime(options.stamp);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Massnahmenplaner//Anstehende Termine//DE",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...items.flatMap((item) => eventLines(item, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

function eventLines(item: CalendarItem, stamp: string): string[] {
  if (!isValidIsoDate(item.date)) throw new RangeError(`Kein gültiges Datum: ${item.date}`);
  const description = [
    ...(item.description ? [item.description] : []),
    ...(item.responsible ? [`Verantwortlich: ${item.responsible}`] : []),
    ...(item.contact ? [`Kontakt: ${item.contact}`] : []),
  ].join("\n");
  return [
    "BEGIN:VEVENT",
    `UID:${eventUid(item)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(item.date)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(item.date, 1))}`,
    `SUMMARY:${escapeText(item.summary)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    // A deadline does not block the day in the free/busy view.
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** `<hash of key and date>@massnahmenplaner`: the same item on the same day keeps its UID. */
export function eventUid(item: Pick<CalendarItem, "key" | "date">): string {
  return `${fnv1a64(`${item.key}\u0000${item.date}`)}@massnahmenplaner`;
}

/**
 * FNV-1a, 64 bits, over the UTF-8 bytes (the published parameters of Fowler, Noll and Vo): 16 hex digits,
 * the same in every runtime; collisions among a concept's few hundred dates are out of reach.
 */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of encoder.encode(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, "0");
}

/**
 * TEXT (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, a line break as `\n`; other control
 * characters, which TEXT does not allow, become spaces.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, "\\n")
      // eslint-disable-next-line no-control-regex -- TEXT allows no control character but the tab
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, " ")
  );
}

/**
 * A content line folded after at most 75 octets (the continuation's leading space counted), never inside a
 * UTF-8 character.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const n = encoder.encode(char).length;
    if (octets + n > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += n;
  }
  out.push(current);
  return out.join(CRLF);
}

const icsDate = (date: IsoDate) => date.replace(/-/g, "");

/** `20261122T093000Z` */
function utcDateTime(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
