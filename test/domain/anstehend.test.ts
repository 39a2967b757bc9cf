/**
 * What falls due (src/domain/anstehend.ts through src/workbook/anstehend.ts): every kind of date of the contract
 * from a small concept, overdue first, then by date, grouped by the responsible Akteur with its contact; the
 * window of days; what is done drops out (a measure umgesetzt, a Sachstand reported, a newer value).
 */
import { addMonths } from "../../src/domain/anstehendArten";
import { type Anstehend, COORDINATION, calendarItems } from "../../src/domain/anstehend";
import { anstehendOfWorkbook } from "../../src/workbook/anstehend";
import { type ConceptRows, baseline, check, measure, rulesOf, toSheets } from "../helpers/concept";
import { gridSource } from "../helpers/grid";

const STICHTAG = "2026-11-22";

function concept(): ConceptRows {
  const rows = baseline();
  rows.einstellungen!.push(
    { schluessel: "Rücklauf bis", wert: "15.12.2026" },
    { schluessel: "Berichtsstichtag", wert: "31.12.2026" },
    { schluessel: "Bewertungsturnus (Jahre)", wert: 1 },
  );
  rows.massnahmen = [
    measure({ id: "M-001", frist: "31.10.2026", status: "in Umsetzung" }), // overdue, A-01
    measure({
      id: "M-002",
      titel: "Jobcoaching",
      federfuehrung: "A-02 – Jobcenter",
      frist: "12/2026",
      status: "geplant",
    }),
    measure({ id: "M-003", frist: "31.12.2026", status: "umgesetzt" }), // done: no Frist to keep
    measure({ id: "M-004", frist: "fortlaufend", status: "in Umsetzung" }), // no date
    measure({ id: "M-005", frist: "30.06.2027", status: "geplant", federfuehrung: "Stabsstelle X" }), // outside 60 days
    measure({ id: "M-006", frist: "01.12.2026", status: "geplant", federfuehrung: "" }),
  ];
  rows.indikatoren![0] = { ...rows.indikatoren![0], erhebungsturnus: "halbjährlich", zustaendig: "Jugendamt" };
  rows.indikatoren![1] = { ...rows.indikatoren![1], erhebungsturnus: "jährlich" };
  rows.indikatorwerte = [
    { indikator: "I-001", stichtag: "30.06.2026", wert: 72 }, // + 6 months: 31.12.2026
    { indikator: "I-001", stichtag: "31.12.2025", wert: 71 },
    { indikator: "I-002 – Beschäftigte", stichtag: 2024, wert: 5100 }, // + 12 months: 31.12.2025, overdue
  ];
  rows.sachstaende = [
    { massnahme: "M-001", berichtsstichtag: "31.12.2026", status: "in Umsetzung", sachstand: "Läuft." },
  ];
  return rows;
}

function run(rows: ConceptRows, options: { stichtag?: string; tage?: number; rounds?: number[] } = {}): Anstehend {
  const sheets = toSheets(rows);
  for (const round of options.rounds ?? []) sheets[`Bewertung ${round}`] = [["ID", "Maßnahme"]];
  return anstehendOfWorkbook(gridSource(sheets), {
    stichtag: options.stichtag ?? STICHTAG,
    today: "2030-01-01",
    tage: options.tage,
  }).result;
}

const flat = (r: Anstehend) => r.groups.flatMap((g) => g.items.map((i) => ({ ...i, who: g.responsible.label })));

describe("anstehend", () => {
  test("every kind of date, overdue first, then by date, each with its responsible", () => {
    const result = run(concept(), { rounds: [2024, 2025] });
    expect(result).toMatchObject({ stichtag: STICHTAG, tage: 60, bis: "2027-01-21", overdue: 2 });
    const items = flat(result);
    expect(items.map((i) => [i.key, i.date, i.overdue])).toEqual(
      expect.arrayContaining([
        ["werte:I-002", "2025-12-31", true],
        ["frist:M-001", "2026-10-31", true],
        ["frist:M-006", "2026-12-01", false],
        ["ruecklauf", "2026-12-15", false],
        ["frist:M-002", "2026-12-31", false],
        ["werte:I-001", "2026-12-31", false],
        ["berichtsstichtag", "2026-12-31", false],
        ["bewertung:2026", "2026-12-31", false],
      ]),
    );
    expect(items).toHaveLength(8);
    // Overdue first, then by date: whatever the group, no item is more pressing than one before it.
    const sorted = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date));
    expect(result.groups[0]!.items[0]!.key).toBe(sorted[0]!.key);
    for (const g of result.groups) {
      const keys = g.items.map((i) => i.key);
      expect(keys).toEqual(sorted.filter((i) => g.items.some((x) => x.key === i.key)).map((i) => i.key));
    }
    // Groups in the order of their most pressing item.
    expect(result.groups.map((g) => g.responsible.label)).toEqual([
      "Ohne Zuständigkeit",
      "A-01 – Jugendamt",
      COORDINATION.label,
      "A-02 – Jobcenter",
    ]);
  });

  test("a group names the Akteur with Fachbereich, Ansprechperson and E-Mail; the whole concept's dates go to the coordination", () => {
    const result = run(concept(), { rounds: [2025] });
    const jugendamt = result.groups.find((g) => g.responsible.label === "A-01 – Jugendamt")!;
    expect(jugendamt.responsible).toMatchObject({
      fachbereich: "FB 4",
      ansprechperson: "Frau Muster",
      email: "jugend@kreis.de",
      known: true,
    });
    // M-001 by its Federführung A-01, I-001 by its Zuständig written as the Bezeichnung.
    expect(jugendamt.items.map((i) => i.key)).toEqual(["frist:M-001", "werte:I-001"]);
    const coordination = result.groups.find((g) => g.responsible.key === COORDINATION.key)!;
    expect(coordination.items.map((i) => i.kind)).toEqual(["ruecklauf", "berichtsstichtag", "bewertung"]);
    const nobody = result.groups.find((g) => g.responsible.label === "Ohne Zuständigkeit")!;
    expect(nobody.items.map((i) => i.key)).toEqual(["werte:I-002", "frist:M-006"]);
  });

  test("the window: --tage widens it, and a name the Akteure do not know is its own group", () => {
    const wide = run(concept(), { tage: 365 });
    const stab = wide.groups.find((g) => g.responsible.label === "Stabsstelle X")!;
    expect(stab.responsible.known).toBe(false);
    expect(stab.items.map((i) => [i.key, i.days])).toEqual([["frist:M-005", 220]]);
    const narrow = run(concept(), { tage: 0 });
    expect(flat(narrow).every((i) => i.overdue)).toBe(true);
    expect(narrow.due).toBe(0);
  });

  test("what is done drops out: every Sachstand reported, a newer value, no round, no settings", () => {
    const rows = concept();
    rows.sachstaende!.push({
      massnahme: "M-004",
      berichtsstichtag: "31.12.2026",
      status: "in Umsetzung",
      sachstand: "Läuft.",
    });
    rows.indikatorwerte!.push({ indikator: "I-002", stichtag: "31.12.2025", wert: 5200 });
    rows.einstellungen = rows.einstellungen!.filter((e) => e.schluessel !== "Rücklauf bis");
    rows.massnahmen = rows.massnahmen!.map((m) => (m.id === "M-001" ? { ...m, status: "umgesetzt" } : m));
    const items = flat(run(rows));
    const keys = items.map((i) => i.key);
    expect(keys).not.toContain("berichtsstichtag");
    expect(keys).not.toContain("ruecklauf");
    expect(keys).not.toContain("frist:M-001");
    expect(keys.some((k) => k.startsWith("bewertung"))).toBe(false);
    // The newer value moves the next one a year on: no longer overdue.
    expect(items.find((i) => i.key === "werte:I-002")).toMatchObject({ date: "2026-12-31", overdue: false });
  });

  test("the Berichtsstichtag names the measures whose Sachstand is missing", () => {
    // M-001 reported; M-002, M-005 and M-006 are geplant with Beginn 01.02.2027, after the date: not yet due.
    expect(flat(run(concept())).find((i) => i.kind === "berichtsstichtag")!.text).toBe(
      "Zum Berichtsstichtag 31.12.2026 fehlt noch der Sachstand von M-004.",
    );
    const rows = concept();
    rows.massnahmen = rows.massnahmen!.map((m) => ({ ...m, beginn: "01.01.2026" }));
    expect(flat(run(rows)).find((i) => i.kind === "berichtsstichtag")!.text).toBe(
      "Zum Berichtsstichtag 31.12.2026 fehlen noch 4 Sachstände (M-002, M-004, M-005 und 1 weitere).",
    );
  });

  test("a Prozessplan step with a Termin is due until it is erledigt or entfallen, with its Gremium and Verantwortlich", () => {
    const rows = concept();
    rows.prozessplan = [
      {
        id: "P-01",
        schritt: "Sitzung des Integrationsbeirats",
        termin: "10.12.2026",
        verantwortlich: "A-02",
        gremium: "Integrationsbeirat",
        befassung: "Empfehlung",
        status: "geplant",
      },
      { id: "P-02", schritt: "AG Integration", termin: "01.11.2026", verantwortlich: "A-01", status: "in Arbeit" }, // overdue
      { id: "P-03", schritt: "Fachtag", termin: "20.11.2026", status: "erledigt" },
      { id: "P-04", schritt: "Kreistag", termin: "01.12.2026", gremium: "Kreistag", status: "entfallen" },
      { id: "P-05", schritt: "Veröffentlichung", status: "geplant" }, // no Termin: nothing to remind of
    ];
    const items = flat(run(rows)).filter((i) => i.kind === "termin");
    expect(items.map((i) => [i.key, i.date, i.overdue])).toEqual([
      ["termin:P-02", "2026-11-01", true],
      ["termin:P-01", "2026-12-10", false],
    ]);
    const beirat = items.find((i) => i.id === "P-01")!;
    expect(beirat.text).toBe(
      "Der Schritt P-01 „Sitzung des Integrationsbeirats“ (Integrationsbeirat, Empfehlung) hat den Termin 10.12.2026 (Status geplant); danach Status und Ergebnis im Prozessplan eintragen.",
    );
    expect(beirat.who).toMatch(/^A-02/);
  });

  test("a Basisindikator by Gebiet: one item at its Nächste Veröffentlichung, done once a value retrieved on or after it is in — as I_WERTE_FAELLIG", () => {
    const withMonitoring = (abgerufenAm: string, naechste = "30.09.2026") => {
      const rows = concept();
      rows.einstellungen!.push({ schluessel: "Gebiet", wert: "01001" });
      rows.gebiete = [
        { id: "01001", gebiet: "Landkreis Test", ebene: "Kreis" },
        { id: "01001000", gebiet: "Teststadt", ebene: "Gemeinde", uebergeordnet: "01001" },
      ];
      rows.indikatoren!.push({
        id: "I-020",
        art: "Basisindikator",
        indikator: "Bevölkerung",
        datenquelle: "Statistisches Landesamt",
        erhebungsturnus: "jährlich",
        naechsteVeroeffentlichung: naechste,
      });
      // Values for the Kreis, a Gemeinde and a Gruppe: still one item for the indicator.
      for (const [gebiet, gruppe] of [
        ["", ""],
        ["01001000", ""],
        ["01001", "weiblich"],
      ] as const)
        rows.indikatorwerte!.push({ indikator: "I-020", stichtag: 2025, gebiet, gruppe, wert: 100, abgerufenAm });
      return rows;
    };
    const werte = (rows: ConceptRows) => flat(run(rows)).filter((i) => i.key === "werte:I-020");
    const faellig = (rows: ConceptRows) => rulesOf(check(rows)).filter((r) => r === "I_WERTE_FAELLIG").length;

    // Retrieved before the publication: overdue since then, not at the latest Stichtag plus the Erhebungsturnus.
    const open = withMonitoring("15.09.2026");
    expect(werte(open).map((i) => [i.date, i.overdue])).toEqual([["2026-09-30", true]]);
    expect(werte(open)[0]!.text).toBe(
      "Für den Indikator I-020 „Bevölkerung“ ist der Wert zum 30.09.2026 fällig („Nächste Veröffentlichung“ der Quelle; nach dem Abruf die folgende eintragen); Quelle: Statistisches Landesamt.",
    );
    expect(faellig(open)).toBe(1);
    // One value of any Gebiet retrieved on the day of the publication: done, for the list as for the rule.
    const done = withMonitoring("15.09.2026");
    done.indikatorwerte!.push({
      indikator: "I-020",
      stichtag: 2026,
      gebiet: "01001000",
      wert: 101,
      abgerufenAm: "30.09.2026",
    });
    expect(werte(done)).toEqual([]);
    expect(faellig(done)).toBe(0);
    // A publication ahead of the Stichtag is due then; the rule waits for it.
    const ahead = withMonitoring("15.09.2026", "15.12.2026");
    expect(werte(ahead).map((i) => [i.date, i.overdue])).toEqual([["2026-12-15", false]]);
    expect(faellig(ahead)).toBe(0);
    // Without a Nächste Veröffentlichung: the latest Stichtag plus the Erhebungsturnus, as before.
    expect(werte(withMonitoring("15.09.2026", "")).map((i) => i.date)).toEqual(["2026-12-31"]);
  });

  test("a month's last day stays the last day after the Erhebungsturnus", () => {
    expect(addMonths("2026-06-30", 6)).toBe("2026-12-31");
    expect(addMonths("2027-02-28", 12)).toBe("2028-02-29");
    expect(addMonths("2026-01-15", 1)).toBe("2026-02-15");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });

  test("the calendar events carry the responsible and the contact", () => {
    const events = calendarItems(run(concept()));
    expect(events.find((e) => e.key === "frist:M-001")).toMatchObject({
      date: "2026-10-31",
      summary: "Frist: M-001 Kita-Einstieg",
      responsible: "A-01 – Jugendamt (FB 4)",
      contact: "Frau Muster, jugend@kreis.de",
    });
    expect(events.find((e) => e.key === "ruecklauf")).not.toHaveProperty("contact");
  });
});
