/** Bedarfe per Handlungsfeld and which of them a measure answers: the figures of the Übersicht and B_OHNE_MASSNAHME. */
import { answeredBedarfe, fieldsWithAngebot, needsByField } from "../../src/domain/needs";
import { readConcept } from "../../src/workbook/read";
import { type ConceptRows, baseline, toSheets } from "../helpers/concept";
import { gridSource } from "../helpers/grid";

function concept(change: (rows: ConceptRows) => void) {
  const rows = baseline();
  change(rows);
  return readConcept(gridSource(toSheets(rows)));
}

const bedarf = (id: string, handlungsfeld: string) => ({
  id,
  bedarf: `Bedarf ${id}`,
  handlungsfeld,
  quelle: "Befragung",
});

describe("needs per Handlungsfeld", () => {
  it("counts Bedarfe by the Handlungsfeld's ID in either form, and those a measure not verworfen names", () => {
    const c = concept((r) => {
      r.bedarfe = [
        bedarf("B-001", "HF-01"),
        bedarf("B-002", "hf-01 – Bildung und Sprache"),
        bedarf("B-003", "HF-02"),
        bedarf("B-004", ""),
      ];
      r.massnahmen![0]!.bedarfe = "B-001 – Bedarf B-001; b-003";
      r.massnahmen![1]!.bedarfe = "B-002";
      r.massnahmen![1]!.status = "verworfen";
    });
    expect([...answeredBedarfe(c)].sort()).toEqual(["B-001", "B-003"]);
    expect(Object.fromEntries(needsByField(c))).toEqual({
      "HF-01": { bedarfe: 2, answered: 1 },
      "HF-02": { bedarfe: 1, answered: 1 },
      "": { bedarfe: 1, answered: 0 },
    });
  });

  it("has nothing to count without the sheet Bedarfe", () => {
    expect(needsByField(concept(() => {})).size).toBe(0);
  });

  it("knows which Handlungsfelder have an Angebot", () => {
    const c = concept(
      (r) =>
        (r.angebote = [{ id: "AN-001", angebot: "Sprachcafé", traeger: "A-01", handlungsfeld: "HF-02 – Wirtschaft" }]),
    );
    expect([...fieldsWithAngebot(c)]).toEqual(["HF-02"]);
  });
});
