/**
 * The iCalendar writer (src/domain/ics.ts), read back two ways: a strict reading of RFC 5545 written here
 * (CRLF, 75-octet lines never split inside a character, unfolding, TEXT unescaping, one all-day VEVENT per
 * item with DTEND the next day, a stable UID), and — where the dev dependency `ical.js` (Mozilla's parser, the
 * one Thunderbird's calendar grew from) is installed — that library's parser and its Event model.
 */
import fc from "fast-check";
import { type CalendarItem, eventUid, writeIcs } from "../../src/domain/ics";

const STAMP = new Date(Date.UTC(2026, 10, 22, 9, 30, 5));

const ITEMS: CalendarItem[] = [
  {
    key: "frist:M-004",
    date: "2026-12-31",
    summary: "Frist: M-004 Sprachkurse für Eltern, Kita; Schule",
    description:
      "Die Maßnahme ist „in Umsetzung“ und endet am 31.12.2026.\nBitte den Sachstand melden – Umsetzung 40 %, Ampel gelb. Ümläute über die Faltgrenze hinaus: ÄÖÜäöüß€ ÄÖÜäöüß€ ÄÖÜäöüß€",
    responsible: "A-04 – Jugendamt – Kindertagesbetreuung",
    contact: "Jan Wichmann, kita@beispielkreis.de",
  },
  { key: "ruecklauf", date: "2027-02-28", summary: "Rücklauf bis: Sachstandsabfrage 31.12.2026" },
  { key: "termin:P-03", date: "2028-02-29", summary: "Kreistag: Beschluss \\ Fortschreibung", responsible: "Kreistag" },
];

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 read strictly: octets per line, CRLF, folding, then each content line as name;params:value. */
function readStrictly(text: string): Property[] {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split("\r\n");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const line of physical) {
    const bytes = new TextEncoder().encode(line);
    expect(bytes.length).toBeLessThanOrEqual(75);
    // Folding never cut a character in two: every physical line is whole UTF-8 on its own.
    expect(decoder.decode(bytes)).toBe(line);
  }
  const logical = text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n");
  return logical.map((line) => {
    const m = /^([A-Z-]+)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(line);
    if (!m) throw new Error(`not a content line: ${line}`);
    const params = Object.fromEntries(
      [...m[2]!.matchAll(/;([A-Z-]+)=([^;:]*)/g)].map((p) => [p[1]!, p[2]!] as [string, string]),
    );
    return { name: m[1]!, params, value: m[3]! };
  });
}

/** TEXT unescaped (RFC 5545 §3.3.11); an unknown escape or a bare `;` or `,` fails. */
function unescapeText(value: string): string {
  expect(value).not.toMatch(/(^|[^\\])(\\\\)*[;,]/);
  return value.replace(/\\(.)/g, (_, c: string) => {
    if (c === "n" || c === "N") return "\n";
    if (c === "\\" || c === ";" || c === ",") return c;
    throw new Error(`unknown escape \\${c}`);
  });
}

/** The events of a strictly read calendar, checked for nesting and the properties every VEVENT needs. */
function eventsOf(props: Property[]): Record<string, Property>[] {
  expect(props[0]).toMatchObject({ name: "BEGIN", value: "VCALENDAR" });
  expect(props.at(-1)).toMatchObject({ name: "END", value: "VCALENDAR" });
  const head = Object.fromEntries(props.slice(1, 6).map((p) => [p.name, p.value]));
  expect(head).toMatchObject({ VERSION: "2.0", CALSCALE: "GREGORIAN" });
  expect(head["PRODID"]).toMatch(/Massnahmenplaner/);
  const events: Record<string, Property>[] = [];
  let current: Record<string, Property> | null = null;
  for (const p of props.slice(1, -1)) {
    if (p.name === "BEGIN") {
      expect(p.value).toBe("VEVENT");
      expect(current).toBeNull();
      current = {};
    } else if (p.name === "END") {
      expect(p.value).toBe("VEVENT");
      events.push(current!);
      current = null;
    } else if (current) {
      expect(current[p.name]).toBeUndefined();
      current[p.name] = p;
    }
  }
  expect(current).toBeNull();
  return events;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("writeIcs", () => {
  test("one all-day event per item, lines of at most 75 octets, text escaped and folded", () => {
    const text = writeIcs(ITEMS, { stamp: STAMP, name: "Integrationskonzept, Beispielkreis – Anstehend" });
    const props = readStrictly(text);
    expect(props.find((p) => p.name === "X-WR-CALNAME")?.value).toBe(
      "Integrationskonzept\\, Beispielkreis – Anstehend",
    );
    const events = eventsOf(props);
    expect(events).toHaveLength(ITEMS.length);
    events.forEach((e, i) => {
      const item = ITEMS[i]!;
      expect(e["UID"]!.value).toBe(eventUid(item));
      expect(e["DTSTAMP"]!.value).toBe("20261122T093005Z");
      expect(e["DTSTART"]).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: item.date.replace(/-/g, "") });
      expect(e["DTEND"]).toEqual({
        name: "DTEND",
        params: { VALUE: "DATE" },
        value: nextDay(item.date).replace(/-/g, ""),
      });
      expect(unescapeText(e["SUMMARY"]!.value)).toBe(item.summary);
      const description = [
        item.description,
        item.responsible && `Verantwortlich: ${item.responsible}`,
        item.contact && `Kontakt: ${item.contact}`,
      ].filter(Boolean);
      expect(e["DESCRIPTION"] ? unescapeText(e["DESCRIPTION"].value) : "").toBe(description.join("\n"));
    });
    // A leap day's next day, and the year's last day's.
    expect(events[2]!["DTEND"]!.value).toBe("20280301");
    expect(events[0]!["DTEND"]!.value).toBe("20270101");
  });

  test("the UID stays the same for the same item and date, and differs otherwise", () => {
    const uid = eventUid({ key: "frist:M-004", date: "2026-12-31" });
    expect(uid).toMatch(/^[0-9a-f]{16}@massnahmenplaner$/);
    expect(writeIcs([ITEMS[0]!], { stamp: new Date() })).toContain(`UID:${uid}`);
    expect(eventUid({ key: "frist:M-004", date: "2027-01-31" })).not.toBe(uid);
    expect(eventUid({ key: "frist:M-005", date: "2026-12-31" })).not.toBe(uid);
    const keys = fc.sample(fc.tuple(fc.string(), fc.date({ noInvalidDate: true })), { numRuns: 2000, seed: 5545 });
    const uids = new Set(keys.map(([key, d]) => eventUid({ key, date: d.toISOString().slice(0, 10) })));
    const distinct = new Set(keys.map(([key, d]) => `${key}\u0000${d.toISOString().slice(0, 10)}`));
    expect(uids.size).toBe(distinct.size);
  });

  test("any text survives escaping and folding", () => {
    const samples = fc.sample(fc.string({ unit: "grapheme", maxLength: 200 }), { numRuns: 300, seed: 2 });
    const items = samples.map((s, i) => ({ key: `k${i}`, date: "2026-05-01", summary: s, description: `${s}\n${s}` }));
    const events = eventsOf(readStrictly(writeIcs(items, { stamp: STAMP })));
    events.forEach((e, i) => {
      // Control characters but the line break become spaces; TEXT has no place for them.
      const clean = (t: string) => t.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
      expect(unescapeText(e["SUMMARY"]!.value)).toBe(clean(samples[i]!));
    });
  });

  test("refuses a date that is not a calendar day", () => {
    expect(() => writeIcs([{ key: "x", date: "2026-02-30", summary: "x" }], { stamp: STAMP })).toThrow(RangeError);
  });
});

/** Mozilla's ical.js, when installed as a dev dependency; null otherwise. */
function icalJs(): {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
  Event: new (c: unknown) => IcalEvent;
} | null {
  try {
    const mod = require("ical.js") as { default?: unknown };
    return (mod.default ?? mod) as ReturnType<typeof icalJs>;
  } catch {
    return null;
  }
}
interface IcalComponent {
  getAllSubcomponents(name: string): unknown[];
  getFirstPropertyValue(name: string): unknown;
}
interface IcalEvent {
  uid: string;
  summary: string;
  description: string;
  startDate: { isDate: boolean; toString(): string };
  endDate: { isDate: boolean; toString(): string };
}

const ICAL = icalJs();
(ICAL ? describe : describe.skip)("writeIcs read by ical.js (dev dependency)", () => {
  test("every item comes back as an all-day event with its UID, summary and description", () => {
    const text = writeIcs(ITEMS, { stamp: STAMP });
    const calendar = new ICAL!.Component(ICAL!.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL!.Event(c));
    expect(
      events.map((e) => [e.uid, e.startDate.isDate, e.startDate.toString(), e.endDate.toString(), e.summary]),
    ).toEqual(ITEMS.map((i) => [eventUid(i), true, i.date, nextDay(i.date), i.summary]));
    expect(events[0]!.description).toBe(
      `${ITEMS[0]!.description}\nVerantwortlich: ${ITEMS[0]!.responsible}\nKontakt: ${ITEMS[0]!.contact}`,
    );
  });
});
