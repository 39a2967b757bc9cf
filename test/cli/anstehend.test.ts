/**
 * `anstehend`: the example concept's overdue and due dates as a German to-do list by responsible, the same as
 * JSON, and as an iCalendar file read back by Mozilla's ical.js (the parser Thunderbird's calendar grew from):
 * one all-day event per item, UIDs that stay the same on a second run, CRLF and lines of at most 75 octets.
 * Bad input is one German sentence, exit 2, and no calendar file.
 */
import type ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadWorkbook, removeTempDirs, runCli, sheet, tempDir, exampleWorkbook } from "../helpers/cli";

afterAll(removeTempDirs);

interface IcalEvent {
  uid: string;
  summary: string;
  description: string;
  startDate: { isDate: boolean; toString(): string };
  endDate: { toString(): string };
}
const ICAL = require("ical.js") as {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => {
    getAllSubcomponents(name: string): { getFirstPropertyValue(name: string): unknown }[];
    getFirstPropertyValue(name: string): unknown;
  };
  Event: new (c: unknown) => IcalEvent;
};

const example = (change?: (wb: ExcelJS.Workbook) => void) => exampleWorkbook("mnp-anstehend-", change);

interface JsonResult {
  referenceDate: string;
  days: number;
  until: string;
  summary: { overdue: number; due: number };
  groups: {
    responsible: { label: string; fachbereich: string; ansprechperson: string; email: string; known: boolean };
    items: {
      kind: string;
      key: string;
      date: string;
      overdue: boolean;
      days: number;
      id: string | null;
      text: string;
      summary: string;
      sheet: string | null;
      row: number | null;
    }[];
  }[];
}

describe("anstehend", () => {
  test("a to-do list by responsible: overdue first, each with Ansprechperson and E-Mail", async () => {
    const { file } = await example();
    const run = await runCli(["anstehend", file, "--stichtag", "2026-11-22"]);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe(`Anstehend in „${file}“ zum Stichtag 22.11.2026 (die nächsten 60 Tage):`);
    // The example's monitoring adds two: I-023 overdue since its Nächste Veröffentlichung (as I_WERTE_FAELLIG),
    // and I-022 (the Land's and the Bund's published shares, no Nächste Veröffentlichung) a year after 2025.
    expect(lines[1]).toBe("3 Punkte sind überfällig, bis zum 21.01.2027 stehen 7 Punkte an.");
    // The overdue measure leads, under its Federführung with the contact from the Akteure.
    expect(lines.slice(3, 6)).toEqual([
      "A-08 – Kreissportbund Beispielkreis e. V.",
      "  Ansprechperson: Lea Brandt, info@ksb-beispielkreis.de",
      "  [ ] überfällig seit 30.06.2026 (145 Tage): Die Maßnahme M-013 „Sport verbindet“ (geplant) soll bis zum 30.06.2026 umgesetzt sein; danach Status und Sachstand eintragen.",
    ]);
    expect(run.out).toContain(
      "  [ ] fällig am 31.12.2026 (in 39 Tagen): Für den Indikator I-003 „Anteil Geflüchteter in eigenem Wohnraum“ ist der Wert zum 31.12.2026 fällig (letzter Stichtag 30.06.2026, Erhebungsturnus halbjährlich); Quelle: Statistik Sozialamt.",
    );
    expect(run.out).toContain(
      "A-06 – Jobcenter Beispielkreis\n  In den Akteuren steht keine Ansprechperson und keine E-Mail.\n",
    );
  });

  test("--json: the documented shape, the same items as the text", async () => {
    const { file } = await example((wb) => {
      const ws = sheet(wb, "Einstellungen");
      ws.addRow(["Rücklauf bis", new Date(Date.UTC(2026, 11, 15))]);
    });
    const run = await runCli(["anstehend", file, "--stichtag", "2026-11-22", "--json", "--tage", "30"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as JsonResult;
    expect(json).toMatchObject({ referenceDate: "2026-11-22", days: 30, until: "2026-12-22" });
    const items = json.groups.flatMap((g) => g.items);
    expect(json.summary).toEqual({ overdue: 3, due: items.length - 3 });
    expect(items.map((i) => i.key)).toEqual(["frist:M-013", "werte:I-023", "termin:P-17", "ruecklauf"]);
    expect(items[0]).toMatchObject({ kind: "frist", id: "M-013", sheet: "Maßnahmen", overdue: true, days: -145 });
    // The example's Basisindikator whose Nächste Veröffentlichung (30.09.2026) passed with no value retrieved since.
    expect(items[1]).toMatchObject({ kind: "indikatorwerte", id: "I-023", sheet: "Indikatoren", date: "2026-09-30" });
    // The example's overdue step of the Prozessplan, under its Verantwortlich.
    expect(items[2]).toMatchObject({ kind: "termin", id: "P-17", sheet: "Prozessplan", overdue: true, days: -22 });
    expect(items[3]).toMatchObject({ kind: "ruecklauf", id: null, sheet: "Einstellungen", date: "2026-12-15" });
    expect(json.groups[3]!.responsible).toEqual({
      label: "Koordination des Konzepts",
      fachbereich: "",
      ansprechperson: "",
      email: "",
      known: false,
    });
    // The row leads to the cell: Maßnahmen row 14 holds M-013.
    const wb = await loadWorkbook(file);
    expect(sheet(wb, "Maßnahmen").getRow(items[0]!.row!).getCell(1).value).toBe("M-013");
  });

  test("--ics: every item an all-day event that ical.js reads, UIDs stable from run to run", async () => {
    const { dir, file } = await example();
    const ics = path.join(dir, "anstehend.ics");
    const first = await runCli(["anstehend", file, "--stichtag", "2026-11-22", "--tage", "400", "--ics", ics]);
    // 24: the example's five Basisindikatoren each add their next values to the 19 of the concept.
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Kalenderdatei geschrieben: .*anstehend\.ics \(24 Termine\)\.\n$/);
    const text = fs.readFileSync(ics, "utf8");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const json = JSON.parse(
      (await runCli(["anstehend", file, "--stichtag", "2026-11-22", "--tage", "400", "--json"])).out,
    ) as JsonResult;
    const items = json.groups.flatMap((g) => g.items.map((i) => ({ ...i, responsible: g.responsible })));
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toMatch(/Massnahmenplaner/);
    const vevents = calendar.getAllSubcomponents("vevent");
    for (const v of vevents) expect(v.getFirstPropertyValue("dtstamp")).toBeTruthy();
    const events = vevents.map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.startDate.isDate, e.startDate.toString(), e.summary])).toEqual(
      items.map((i) => [true, i.date, i.summary]),
    );
    const m013 = events[0]!;
    expect(m013.description).toBe(
      `${items[0]!.text}\nVerantwortlich: A-08 – Kreissportbund Beispielkreis e. V.\nKontakt: Lea Brandt, info@ksb-beispielkreis.de`,
    );
    expect(m013.endDate.toString()).toBe("2026-07-01");
    // A second run, another day: the same items keep their UIDs, so a calendar updates instead of doubling.
    const again = path.join(dir, "wieder.ics");
    expect((await runCli(["anstehend", file, "--stichtag", "2026-11-23", "--tage", "400", "--ics", again])).code).toBe(
      0,
    );
    const uids = (t: string) =>
      new ICAL.Component(ICAL.parse(t)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c).uid);
    expect(uids(fs.readFileSync(again, "utf8"))).toEqual(uids(text));
    expect(new Set(uids(text)).size).toBe(events.length);
  });

  test.each([
    [
      ["--tage", "zwei"],
      "„zwei“ ist keine Anzahl Tage; geben Sie bei --tage eine ganze Zahl von 0 bis 3650 an, z. B. --tage 60.",
    ],
    [
      ["--stichtag", "31.02.2026"],
      "Der Stichtag „31.02.2026“ ist kein Datum; geben Sie ihn als JJJJ-MM-TT an, z. B. 2026-12-31.",
    ],
    [["--ics", "kalender.txt"], "Die Ausgabedatei „kalender.txt“ muss auf .ics enden."],
  ])("bad input %j: one German sentence, exit 2, no calendar", async (extra, sentence) => {
    const { dir, file } = await example();
    const ics = extra[0] === "--ics" ? [] : ["--ics", path.join(dir, "a.ics")];
    const run = await runCli(["anstehend", file, ...extra, ...ics]);
    expect(run).toEqual({ code: 2, out: "", err: `${sentence}\n` });
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith(".xlsx"))).toEqual([]);
  });

  test("a file that is no workbook: one sentence, exit 2", async () => {
    const dir = tempDir("mnp-anstehend-");
    const file = path.join(dir, "liste.xlsx");
    fs.writeFileSync(file, "keine Arbeitsmappe");
    const run = await runCli(["anstehend", file, "--ics", path.join(dir, "a.ics")]);
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, "a.ics"))).toBe(false);
  });

  test("--help comes from the command table", async () => {
    const run = await runCli(["anstehend", "--help"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Aufruf: massnahmenplaner anstehend <datei.xlsx> [--stichtag JJJJ-MM-TT] [--tage 60]");
    expect((await runCli(["--help"])).out).toContain("  anstehend <datei.xlsx>");
  });
});
