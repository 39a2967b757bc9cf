/** The `--zuordnung` file: what it may hold, columns it names twice or not at all, entries it names in vain. */
import { parseZuordnung, problemText, reasonText } from "../../src/workbook/werte";
import { genesisCsv, utf8 } from "./genesisFile";
import { expectComplete, mapped, tableOf, valueAt } from "./helpers";

const problem = (json: unknown) => {
  const parsed = parseZuordnung(json);
  if (parsed.ok) throw new Error("angenommen");
  return problemText(parsed.problem);
};

describe("--zuordnung", () => {
  it("takes {spalten: {text: ID}} and refuses anything else with one sentence", () => {
    expect(parseZuordnung({ spalten: { Ausländer: " I-021 " } })).toEqual({
      ok: true,
      zuordnung: { spalten: { Ausländer: "I-021" } },
    });
    expect(problem([1, 2])).toBe(
      'Die Zuordnung muss ein JSON-Objekt der Form {"spalten": {"<Text einer Überschrift>": "<Indikator-ID>"}} sein.',
    );
    expect(problem({ spalten: { A: "I-1" }, kopfzeile: 3 })).toBe(
      "Die Zuordnung kennt den Eintrag „kopfzeile“ nicht; möglich ist nur „spalten“.",
    );
    expect(problem({ spalten: {} })).toContain("Die Zuordnung braucht „spalten“ mit mindestens einem Eintrag");
    expect(problem({ spalten: { Ausländer: 21 } })).toBe(
      'In der Zuordnung steht für „Ausländer“ „21“; erwartet wird die ID eines Indikators als Text, z. B. "I-021".',
    );
  });

  it("a column named for two indicators and a column named by none are listed; unused entries are reported", async () => {
    const csv = genesisCsv({
      code: "12411-03-03-4",
      titleLines: ["Bevölkerung", "- Stichtag 31.12. -"],
      header: [
        ["Deutsche", "Deutsche", "Ausländer", "Ausländer", "Sonstige"],
        ["männlich", "weiblich", "männlich", "weiblich", "Insgesamt"],
      ],
      times: ["2023"],
      areas: [{ key: "15083", name: "Börde", depth: 3 }],
      cell: (_t, _a, _d, c) => String(100 + c),
    });
    const table = await tableOf(utf8(csv), "nat.csv");
    const spalten = { Deutsche: "I-020", Ausländer: "I-021", weiblich: "I-022", Staatenlose: "I-023" };
    const result = mapped(table, { zuordnung: { spalten }, eigenesGebiet: "15083" });
    expect(
      valueAt(result, { indikator: "I-020", stichtag: "2023-12-31", gebiet: "15083", gruppe: "männlich" }).wert,
    ).toBe(100);
    expect(
      valueAt(result, { indikator: "I-021", stichtag: "2023-12-31", gebiet: "15083", gruppe: "männlich" }).wert,
    ).toBe(102);
    expect(result.uebernahme.map((l) => [l.zelle, reasonText(l.grund, l.anzahl)])).toEqual([
      [
        "E6",
        "Die Spalte „Deutsche / weiblich“ ist in der Zuordnung mehreren Indikatoren zugeordnet (I-020, I-022): 1 Zelle nicht übernommen. Nennen Sie eine Überschrift, die nur in den Spalten eines Indikators steht.",
      ],
      [
        "G6",
        "Die Spalte „Ausländer / weiblich“ ist in der Zuordnung mehreren Indikatoren zugeordnet (I-021, I-022): 1 Zelle nicht übernommen. Nennen Sie eine Überschrift, die nur in den Spalten eines Indikators steht.",
      ],
      [
        "H6",
        "Die Spalte „Sonstige / Insgesamt“ ist keinem Indikator zugeordnet: 1 Zelle nicht übernommen. Nennen Sie in der Zuordnung („spalten“) eine ihrer Überschriften mit der ID des Indikators.",
      ],
    ]);
    expect(result.ungenutzteZuordnung).toEqual(["Staatenlose"]);
    expectComplete(result, 5);
  });
});
