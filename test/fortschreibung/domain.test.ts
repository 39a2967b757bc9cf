/** The decisions of the Fortschreibung, without a workbook: Laufzeit, which measures go where, Basiswerte, title. */
import {
  type MeasureInput,
  baselineChanges,
  decideMeasures,
  markedBemerkung,
  parseLaufzeit,
  retitled,
} from "../../src/domain/fortschreibung";
import { idKey } from "../../src/domain/values";

const measure = (id: string, status: string, bemerkung = ""): MeasureInput => ({
  row: 2,
  id,
  titel: `Titel ${id}`,
  handlungsfeld: "HF-01",
  status,
  bemerkung,
});

const round = (entries: Record<string, string>) => ({
  round: 2027,
  byId: new Map(Object.entries(entries).map(([id, empfehlung]) => [idKey(id), { empfehlung, begruendung: "weil" }])),
});

describe("parseLaufzeit", () => {
  it("reads two years with - or – as 01.01. of the first to 31.12. of the last", () => {
    expect(parseLaufzeit("2029-2032")).toEqual({
      laufzeit: { firstYear: 2029, lastYear: 2032, von: "2029-01-01", bis: "2032-12-31" },
    });
    expect(parseLaufzeit(" 2029 – 2029 ")).toEqual({
      laufzeit: { firstYear: 2029, lastYear: 2029, von: "2029-01-01", bis: "2029-12-31" },
    });
  });

  it.each([undefined, "", "2029", "2029-32", "2029/2032x", "2032-2029", "1990-2001"])(
    "gives one German sentence for %p",
    (text) => {
      const result = parseLaufzeit(text);
      expect("error" in result && result.error).toMatch(/^(Bitte|Die Laufzeit).*\.$/);
    },
  );
});

describe("decideMeasures", () => {
  it("drops beenden, umgesetzt and verworfen; carries anpassen marked; carries the rest as they are", () => {
    const result = decideMeasures(
      [
        measure("M-001", "geplant"),
        measure("M-002", "in Umsetzung"),
        measure("M-003", "Umgesetzt"), // the list value in another case
        measure("M-004", "verworfen"),
        measure("M-005", "in Umsetzung", "alt"),
        measure("M-006", "verstetigt"),
        measure("", "umgesetzt"),
        measure("", "geplant"),
        measure("M-008", "zurückgestellt"),
      ],
      round({ "M-002": "Beenden", "M-005": "anpassen", "M-006": "verstetigen", "M-008": "fortführen" }),
    );
    expect(result.dropped.map((m) => [m.id, m.grund])).toEqual([
      ["M-002", "Empfehlung der Bewertung 2027: beenden"],
      ["M-003", "Status „umgesetzt“"],
      ["M-004", "Status „verworfen“"],
      ["", "Status „umgesetzt“"],
    ]);
    expect(result.revised.map((m) => [m.id, m.neueBemerkung])).toEqual([
      ["M-005", "Überarbeiten (Bewertung 2027: anpassen): weil – alt"],
    ]);
    expect(result.carried.map((m) => m.id)).toEqual(["M-001", "M-006", "", "M-008"]);
  });

  it("without a round only the Status decides", () => {
    const result = decideMeasures([measure("M-001", "umgesetzt"), measure("M-002", "geplant")], null);
    expect(result.dropped.map((m) => m.id)).toEqual(["M-001"]);
    expect(result.carried.map((m) => m.id)).toEqual(["M-002"]);
  });

  it("does not mark a Bemerkung twice when the new period is fortgeschrieben again", () => {
    const once = markedBemerkung("alt", 2027, "weil");
    expect(markedBemerkung(once, 2027, "weil")).toBe(once);
  });
});

describe("baselineChanges", () => {
  const target = (id: string, basiswert: number | null, basisjahr: number) => ({
    id,
    row: 2,
    name: `Name ${id}`,
    basiswert,
    basisDatum: `${basisjahr}-12-31`,
    basisjahrText: String(basisjahr),
    zielwert: 10,
    zielDatum: "2030-12-31",
  });
  const value = (indikator: string, stichtag: string, wert: number, row: number) => ({
    indikator,
    stichtag,
    wert,
    row,
  });

  it("takes the latest value by Stichtag, its year as Basisjahr; unchanged and valueless indicators stay", () => {
    const changes = baselineChanges(
      [target("I-001", 1, 2025), target("I-002", 5, 2025), target("I-003", null, 2025)],
      [
        value("I-001", "2027-06-30", 7, 4),
        value("I-001", "2026-12-31", 9, 3),
        value("i-001 – Teilnehmende", "2025-12-31", 1, 2),
        value("I-002", "2025-12-31", 5, 5),
      ],
    );
    expect(changes).toEqual([
      {
        id: "I-001",
        name: "Name I-001",
        row: 2,
        alterBasiswert: 1,
        alterBasisjahr: "2025",
        basiswert: 7,
        basisjahr: 2027,
        stichtag: "2027-06-30",
      },
    ]);
  });
});

describe("retitled", () => {
  const laufzeit = { firstYear: 2029, lastYear: 2032, von: "2029-01-01", bis: "2032-12-31" };
  it("replaces the old period's years, keeping the separator", () => {
    expect(retitled("Integrationskonzept 2026–2030", "2026-01-01", "2030-12-31", laufzeit)).toBe(
      "Integrationskonzept 2029–2032",
    );
    expect(retitled("Handlungskonzept 2026 bis 2030", "2026-01-01", "2030-12-31", laufzeit)).toBe(
      "Handlungskonzept 2029 bis 2032",
    );
  });
  it("leaves a title without the old years alone", () => {
    expect(retitled("Integrationskonzept", "2026-01-01", "2030-12-31", laufzeit)).toBeNull();
    expect(retitled("Konzept 2020–2030", "2026-01-01", "2030-12-31", laufzeit)).toBeNull();
    expect(retitled("Konzept 2026–2030", null, "2030-12-31", laufzeit)).toBeNull();
  });
});
