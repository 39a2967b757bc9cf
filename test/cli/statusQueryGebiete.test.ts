/**
 * The status query of an indicator delivered by Gebiet: split --sachstand sends the Fachbereich one row per
 * Gebiet and Gruppe it delivered last time, and merge appends the filled ones by that key — the own area's
 * total keeps its key with or without the Gebiet.
 */
import * as path from "node:path";
import { MonitoringData } from "../../src/domain/monitoringData";
import { readConcept } from "../../src/workbook/read";
import { appendTableRows } from "../../src/xlsx/circulation";
import { openWorkbook, saveWorkbookAtomically } from "../../src/xlsx/file";
import { columnOf, loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";

afterAll(removeTempDirs);

const FB4 = "konzept – Sachstandsabfrage 31.12.2026 – Fachbereich 4 – Jugend.xlsx";

/** The example workbook whose I-004 (delivered by Fachbereich 4) has values for the Kreis and two Gemeinden. */
async function master(): Promise<string> {
  const file = path.join(tempDir(), "konzept.xlsx");
  expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
  const doc = await openWorkbook(file);
  let concept = readConcept(await doc.source());
  appendTableRows(doc, await doc.source(), concept, "einstellungen", [{ schluessel: "Gebiet", wert: "09999" }]);
  appendTableRows(doc, await doc.source(), concept, "gebiete", [
    { id: "09999", gebiet: "Beispielkreis", ebene: "Kreis" },
    { id: "09999001", gebiet: "Musterstadt", ebene: "Gemeinde", uebergeordnet: "09999" },
    { id: "09999002", gebiet: "Beispieldorf", ebene: "Gemeinde", uebergeordnet: "09999" },
  ]);
  concept = readConcept(await doc.source());
  const date = new Date(Date.UTC(2026, 5, 30));
  appendTableRows(doc, await doc.source(), concept, "indikatorwerte", [
    { indikator: "I-004", stichtag: date, gebiet: "09999", wert: 72 },
    { indikator: "I-004", stichtag: date, gebiet: "09999001", wert: 80 },
    { indikator: "I-004", stichtag: date, gebiet: "09999002", kennzeichen: "." },
  ]);
  await saveWorkbookAtomically(doc, file);
  return file;
}

describe("split --sachstand with values by Gebiet", () => {
  test("sends a row per Gebiet delivered and merges the filled ones by Gebiet", async () => {
    const file = await master();
    const out = path.join(path.dirname(file), "abfrage");
    expect((await runCli(["split", file, "--ziel", out, "--sachstand", "2026-12-31"])).code).toBe(0);
    const fb4 = path.join(out, FB4);
    const wb = await loadWorkbook(fb4);
    const s = sheet(wb, "Indikatorwerte");
    const col = (h: string) => columnOf(s, h);
    const rows = Array.from({ length: s.rowCount - 1 }, (_, i) => i + 2).filter((r) =>
      String(s.getCell(r, col("Indikator")).text).startsWith("I-004"),
    );
    expect(
      rows.map((r) => [s.getCell(r, col("Gebiet")).text, s.getCell(r, col("Letzter Wert (nur zur Information)")).text]),
    ).toEqual([
      ["", "30.06.2026: 72"],
      ["09999001 – Musterstadt", "30.06.2026: 80"],
      ["09999002 – Beispieldorf", "30.06.2026: ."],
    ]);
    s.getCell(rows[0]!, col("Wert")).value = 74;
    s.getCell(rows[1]!, col("Wert")).value = 83;
    await wb.xlsx.writeFile(fb4);

    const merged = await runCli(["merge", file, fb4]);
    expect(merged.err).toBe("");
    const data = new MonitoringData(readConcept(await (await openWorkbook(file)).source()));
    expect(data.at("I-004", "2026-12-31", "09999")!.wert).toBe(74);
    expect(data.at("I-004", "2026-12-31", "09999001")!.wert).toBe(83);
    expect(data.at("I-004", "2026-12-31", "09999002")).toBeUndefined();
    expect(data.of("I-004").some((v) => v.doppelt)).toBe(false);

    // Again: nothing new.
    const again = await runCli(["merge", file, fb4]);
    expect(again.code).toBe(0);
    const after = new MonitoringData(readConcept(await (await openWorkbook(file)).source()));
    expect(after.of("I-004")).toHaveLength(data.of("I-004").length);
  });
});
