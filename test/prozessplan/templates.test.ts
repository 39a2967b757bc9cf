/**
 * The templates' Prozessplan as `init` writes it: `leer`, `laatzen` and `ilm-kreis` carry the ten steps of the
 * Transferagentur's guide and the three after it, in order, `geplant`, undated, with the Gremien in their words;
 * `beispiel` carries a dated plan with Gremien, steps `erledigt` and one overdue at the tests' today.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkConcept } from "../../src/domain/rules";
import { readConcept } from "../../src/workbook/read";
import { XlsxDocument } from "../../src/xlsx/document";
import { TODAY, removeTempDirs, runCli, tempDir } from "../helpers/cli";

afterAll(() => removeTempDirs());

async function initRead(vorlage: string) {
  const file = path.join(tempDir("mnp-prozess-init-"), `${vorlage}.xlsx`);
  expect((await runCli(["init", file, "--vorlage", vorlage])).code).toBe(0);
  const doc = await XlsxDocument.open(new Uint8Array(fs.readFileSync(file)), file);
  return readConcept(await doc.source());
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

describe("the templates' Prozessplan", () => {
  it.each([
    ["leer", "Fachausschuss", "Rat bzw. Kreistag"],
    ["laatzen", "Fachausschuss des Rates", "Rat"],
    ["ilm-kreis", "Kreistagsausschuss", "Kreistag"],
  ])(
    "%s: thirteen steps from the Kernteam to the Fortschreibung, geplant and undated",
    async (vorlage, ausschuss, rat) => {
      const concept = await initRead(vorlage);
      const rows = concept.prozessplan!.rows.map((r) => r.values);
      expect(rows.map((r) => r["id"])).toEqual(
        Array.from({ length: 13 }, (_, i) => `P-${String(i + 1).padStart(2, "0")}`),
      );
      expect(new Set(rows.map((r) => r["status"]))).toEqual(new Set(["geplant"]));
      expect(rows.every((r) => text(r["beginn"]) === "" && text(r["termin"]) === "")).toBe(true);
      expect(text(rows[0]!["schritt"])).toMatch(/^Thema setzen/);
      expect(text(rows[9]!["phase"])).toBe("Beschluss");
      expect([rows[4]!["gremium"], rows[4]!["befassung"]]).toEqual([ausschuss, "Beschluss"]);
      expect([rows[9]!["gremium"], rows[9]!["befassung"]]).toEqual([rat, "Beschluss"]);
      expect(rows.slice(10).map((r) => r["phase"])).toEqual([
        "Nach dem Konzept",
        "Nach dem Konzept",
        "Nach dem Konzept",
      ]);
      // Not yet begun: a new workbook is not greeted with a missing Termin and Verantwortlich per step.
      expect(checkConcept(concept, { today: TODAY }).findings.filter((f) => f.rule.startsWith("P_"))).toEqual([]);
    },
  );

  it("beispiel: a dated plan with Gremien, steps erledigt, one overdue, no other P_ finding", async () => {
    const concept = await initRead("beispiel");
    const rows = concept.prozessplan!.rows.map((r) => r.values);
    expect(rows.every((r) => r["termin"] instanceof Date)).toBe(true);
    const gremien = new Set(rows.map((r) => text(r["gremium"])).filter(Boolean));
    expect(gremien).toEqual(
      new Set(["Integrationsbeirat", "Ausschuss für Arbeit, Soziales und Gesundheit", "Kreistag"]),
    );
    expect(rows.filter((r) => r["status"] === "erledigt").length).toBeGreaterThan(5);
    const p = checkConcept(concept, { today: TODAY }).findings.filter((f) => f.rule.startsWith("P_"));
    expect(p.map((f) => [f.rule, f.id])).toEqual([["P_UEBERFAELLIG", "P-17"]]);
  });
});
