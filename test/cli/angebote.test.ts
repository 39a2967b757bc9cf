/**
 * Circulating the Erfassungsbogen on the command line: split --angebote → a return edited in plain Excel
 * (exceljs as the fixture editor) → merge: changed Angebote applied, new ones added under the next free
 * AN- ID, a value changed on both sides reported as a conflict, and merging again changes nothing.
 */
import type ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { columnOf, columnValues, loadWorkbook, removeTempDirs, rowWhere, runCli, sheet, tempDir } from "../helpers/cli";

afterAll(removeTempDirs);

const FB4 = "konzept – Fachbereich 4 – Jugend.xlsx";
/** The Erfassungsbogen says so in its names. */
const BOGEN = (recipient: string) => `konzept – Erfassungsbogen Angebote – ${recipient}.xlsx`;

async function setUp(): Promise<{ dir: string; master: string; out: string; split: string }> {
  const dir = tempDir();
  const master = path.join(dir, "konzept.xlsx");
  expect((await runCli(["init", master, "--vorlage", "beispiel"])).code).toBe(0);
  const out = path.join(dir, "erfassung");
  const split = await runCli(["split", master, "--ziel", out, "--angebote"]);
  expect(split).toMatchObject({ code: 0, err: "" });
  return { dir, master, out, split: split.out };
}

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await loadWorkbook(file);
  change(wb);
  await wb.xlsx.writeFile(file);
}

/** Rows of a table sheet as text by header. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, string>[] {
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, c) => (headers[c] = cell.text));
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Record<string, string> = {};
    headers.forEach((h, c) => {
      if (h) row[h] = ws.getCell(r, c).text;
    });
    if (Object.values(row).some((v) => v !== "")) rows.push(row);
  }
  return rows;
}

describe("split --angebote", () => {
  test("gives each Fachbereich the Angebote of its Träger, with dropdowns and room for new ones", async () => {
    const { out, split } = await setUp();
    expect(split).toContain("Fachbereich 4 – Jugend: 4 Maßnahmen, 2 Angebote");
    const wb = await loadWorkbook(path.join(out, BOGEN("Fachbereich 4 – Jugend")));
    const angebote = sheet(wb, "Angebote");
    // A-05 (Kreisvolkshochschule) and A-04 (Jugendamt) belong to Fachbereich 4.
    expect(columnValues(angebote, "ID")).toEqual(["AN-003", "AN-004"]);
    expect((angebote as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBeFalsy();
    const hf = angebote.getCell(10, columnOf(angebote, "Handlungsfeld")).dataValidation;
    expect(hf?.type).toBe("list");
    expect(String(hf?.formulae?.[0])).toContain("Listen");
    const hints = (sheet(wb, "Hinweise").getColumn(1).values as unknown[]).map(String).join("\n");
    expect(hints).toContain("Erfassungsbogen");
    expect(hints).toContain("die 2 Angebote, deren Träger zu Ihrem Fachbereich gehört");
    // The Bedarfe go along read-only, so the Maßnahmen column Bedarfe offers them.
    const m = sheet(wb, "Maßnahmen");
    expect(String(m.getCell(2, columnOf(m, "Bedarfe")).dataValidation?.formulae?.[0])).toContain("Listen");
    expect((sheet(wb, "Bedarfe") as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(
      true,
    );
    expect(hints).toContain(
      "Die Blätter Einstellungen, Handlungsfelder, Ziele, Indikatoren, Akteure und Bedarfe sind schreibgeschützt.",
    );
    // Träger without Fachbereich (Jobcenter, Kreissportbund) get their own Angebote, addressed to them.
    const jobcenter = await loadWorkbook(path.join(out, BOGEN("Jobcenter Beispielkreis")));
    const ksb = await loadWorkbook(
      path.join(out, "konzept – Erfassungsbogen Angebote – Kreissportbund Beispielkreis e. V.xlsx"),
    );
    expect(columnValues(sheet(jobcenter, "Angebote"), "ID")).toEqual(["AN-005"]);
    expect(columnValues(sheet(ksb, "Angebote"), "ID")).toEqual(["AN-006"]);
    expect((sheet(ksb, "Hinweise").getColumn(1).values as unknown[]).map(String).join("\n")).toContain(
      "steht das Angebot, dessen Träger Sie sind",
    );
    expect(fs.readdirSync(out).some((f) => /ohne Fachbereich/.test(f))).toBe(false);
  });

  test("without --angebote the files have no sheet Angebote", async () => {
    const dir = tempDir();
    const master = path.join(dir, "konzept.xlsx");
    await runCli(["init", master, "--vorlage", "beispiel"]);
    expect((await runCli(["split", master, "--ziel", path.join(dir, "x")])).code).toBe(0);
    const wb = await loadWorkbook(path.join(dir, "x", FB4));
    expect(wb.getWorksheet("Angebote")).toBeUndefined();
  });

  test("refuses Angebote without ID in the master, writing nothing", async () => {
    const dir = tempDir();
    const master = path.join(dir, "konzept.xlsx");
    await runCli(["init", master, "--vorlage", "beispiel"]);
    await edit(master, (wb) => {
      const a = sheet(wb, "Angebote");
      a.getCell(rowWhere(a, "ID", "AN-002"), columnOf(a, "ID")).value = null;
    });
    const run = await runCli(["split", master, "--ziel", path.join(dir, "x"), "--angebote"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Angebote im Blatt „Angebote“ keine ID \(Zeile 3\)/);
    expect(fs.existsSync(path.join(dir, "x"))).toBe(false);
  });
});

describe("merge of an Erfassungsbogen", () => {
  test("applies a changed Angebot, adds a new one with the next AN- ID, reports a conflict, and stays idempotent", async () => {
    const { master, out } = await setUp();
    const fb4 = path.join(out, BOGEN("Fachbereich 4 – Jugend"));
    await edit(fb4, (wb) => {
      const a = sheet(wb, "Angebote");
      a.getCell(rowWhere(a, "ID", "AN-003"), columnOf(a, "Teilnehmende pro Jahr")).value = 260;
      a.getCell(rowWhere(a, "ID", "AN-004"), columnOf(a, "Zielgruppe")).value = "Kinder von 1 bis 6 Jahren";
      const next = a.rowCount + 1;
      a.getCell(next, columnOf(a, "Angebot")).value = "Hausaufgabenhilfe";
      a.getCell(next, columnOf(a, "Träger")).value = "A-05 – Kreisvolkshochschule";
      a.getCell(next, columnOf(a, "Handlungsfeld")).value = "HF-03 – Bildung und Sprache";
      a.getCell(next, columnOf(a, "Teilnehmende pro Jahr")).value = 35;
    });
    // Meanwhile the coordinator changed the same Zielgruppe.
    await edit(master, (wb) => {
      const a = sheet(wb, "Angebote");
      a.getCell(rowWhere(a, "ID", "AN-004"), columnOf(a, "Zielgruppe")).value = "Kinder in Kitas";
    });
    const first = await runCli(["merge", master, fb4]);
    expect(first.err).toBe("");
    expect(first.code).toBe(1);
    expect(first.out).toContain("Angebote: 1 Wert übernommen, 1 Angebot neu (1 mit neuer ID), 1 Wert nicht übernommen");

    const wb = await loadWorkbook(master);
    const angebote = rowsOf(sheet(wb, "Angebote"));
    expect(angebote.map((r) => r["ID"])).toEqual([
      "AN-001",
      "AN-002",
      "AN-003",
      "AN-004",
      "AN-005",
      "AN-006",
      "AN-007",
      "AN-008",
    ]);
    expect(angebote.find((r) => r["ID"] === "AN-003")!["Teilnehmende pro Jahr"]).toBe("260");
    expect(angebote.find((r) => r["ID"] === "AN-004")!["Zielgruppe"]).toBe("Kinder in Kitas");
    expect(angebote.find((r) => r["ID"] === "AN-008")).toMatchObject({
      Angebot: "Hausaufgabenhilfe",
      Träger: "A-05 – Kreisvolkshochschule",
      Handlungsfeld: "HF-03 – Bildung und Sprache",
      "Teilnehmende pro Jahr": "35",
    });
    const conflicts = rowsOf(sheet(wb, "Konflikte"));
    expect(conflicts).toEqual([
      expect.objectContaining({
        ID: "AN-004",
        Feld: "Zielgruppe",
        "Wert in der Gesamtdatei": "Kinder in Kitas",
        "Wert im Rücklauf": "Kinder von 1 bis 6 Jahren",
      }),
    ]);
    const log = rowsOf(sheet(wb, "Zusammenführung"));
    expect(
      log.filter((l) => l["ID in der Gesamtdatei"] === "AN-008").map((l) => `${l["Aktion"]}: ${l["Hinweis"]}`),
    ).toEqual(["neu aufgenommen mit neuer ID: Neues Angebot ohne ID; die Zeile hat die ID AN-008 erhalten."]);
    expect(
      log.filter((l) => l["ID in der Gesamtdatei"] === "AN-003").map((l) => `${l["Aktion"]} ${l["Feld"]}`),
    ).toEqual(["übernommen Teilnehmende pro Jahr"]);
    // The new Angebot is inside tblAngebote, so check, the lists and the Übersicht see it.
    const check = await runCli(["check", master, "--json", "--stichtag", "2026-11-22"]);
    const findings = JSON.parse(check.out).findings as { sheet: string; rule: string }[];
    expect(findings.filter((f) => f.sheet === "Angebote")).toEqual([]);

    // merging the same return again changes nothing
    const again = await runCli(["merge", master, fb4]);
    expect(again.out).toContain("Angebote: 0 Werte übernommen, 0 Angebote neu, 1 Wert nicht übernommen");
    const wb2 = await loadWorkbook(master);
    expect(rowsOf(sheet(wb2, "Angebote"))).toEqual(angebote);
  });

  test("into a master without the sheet Angebote: the Erfassungsbogen starts empty and merge creates the sheet", async () => {
    const dir = tempDir();
    const master = path.join(dir, "konzept.xlsx");
    await runCli(["init", master, "--vorlage", "beispiel"]);
    await edit(master, (wb) => wb.removeWorksheet(sheet(wb, "Angebote").id));
    const out = path.join(dir, "erfassung");
    expect((await runCli(["split", master, "--ziel", out, "--angebote"])).code).toBe(0);
    const fb4 = path.join(out, BOGEN("Fachbereich 4 – Jugend"));
    await edit(fb4, (wb) => {
      const a = sheet(wb, "Angebote");
      expect(columnValues(a, "ID")).toEqual([]);
      const row = 2; // the first row of the empty table
      a.getCell(row, columnOf(a, "Angebot")).value = "Sprachcafé";
      a.getCell(row, columnOf(a, "Träger")).value = "A-05";
      a.getCell(row, columnOf(a, "Handlungsfeld")).value = "HF-03";
    });
    const run = await runCli(["merge", master, fb4]);
    expect(run).toMatchObject({ code: 0, err: "" });
    const angebote = rowsOf(sheet(await loadWorkbook(master), "Angebote"));
    expect(angebote).toEqual([
      // merged in the one form of a reference, `ID – Name`
      expect.objectContaining({
        ID: "AN-001",
        Angebot: "Sprachcafé",
        Träger: "A-05 – Kreisvolkshochschule",
        Handlungsfeld: "HF-03 – Bildung und Sprache",
      }),
    ]);
  });
});
