/**
 * `split` and `merge` as the coordinator uses them: files per Fachbereich, returns edited the way people
 * edit them (without the add-in), exit codes, bad input, and the merged master in LibreOffice.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { HINTS_SHEET } from "../../src/workbook/sheets/hinweise";
import { CONFLICT_SHEET } from "../../src/workbook/sheets/konflikte";
import { MEMORY_SHEET } from "../../src/workbook/sheets/ruecklaufprotokoll";
import { BASE_SHEET } from "../../src/workbook/sheets/verteilung";
import { MERGE_LOG_SHEET } from "../../src/workbook/sheets/zusammenfuehrung";
import { safeFileName, splitFileNames } from "../../src/workbook/split";
import { readConcept } from "../../src/workbook/read";
import { ExcelJsSource } from "../helpers/excelJsSource";
import { TODAY, columnOf, leftoverTempFiles, loadWorkbook, removeTempDirs, rowWhere, runCli, sheet, tablesOf, tempDir } from "../helpers/cli";
import { describeWithLibreOffice, recalc } from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";

afterAll(() => removeTempDirs());

const FB4 = "Fachbereich 4 – Jugend";

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
  const wb = await loadWorkbook(file);
  await change(wb);
  await wb.xlsx.writeFile(file);
}

/** A master from the example template (with a user's extra column and a return date) and its split. */
async function distributed(): Promise<{ dir: string; master: string; out: string; fb4: string; files: string[] }> {
  const dir = tempDir("mnp-merge-");
  const master = path.join(dir, "konzept.xlsx");
  expect((await runCli(["init", master, "--vorlage", "beispiel"])).code).toBe(0);
  await edit(master, (wb) => {
    const m = sheet(wb, "Maßnahmen");
    const extra = m.columnCount + 1;
    m.getCell(1, extra).value = "Haushaltsstelle";
    m.getCell(rowWhere(m, "ID", "M-006"), extra).value = "1.4.3.01";
    m.getCell(rowWhere(m, "ID", "M-005"), columnOf(m, "Bemerkung")).value = "=SUMME(A1)";
    const e = sheet(wb, "Einstellungen");
    e.getCell(rowWhere(e, "Schlüssel", "Rücklauf bis"), columnOf(e, "Wert")).value = new Date("2027-03-31T00:00:00Z");
    // The extra column belongs to the table.
    const t = (m.getTables() as unknown as { table: { tableRef: string; autoFilterRef?: string; columns: { name: string }[] } }[])[0]!.table;
    t.tableRef = t.tableRef.replace(/^A1:[A-Z]+/, "A1:T");
    if (t.autoFilterRef) t.autoFilterRef = t.tableRef;
    t.columns.push({ name: "Haushaltsstelle" });
  });
  const out = path.join(dir, "verteilung");
  const run = await runCli(["split", master, "--ziel", out]);
  expect(run).toMatchObject({ code: 0, err: "" });
  const files = fs.readdirSync(out).sort();
  return { dir, master, out, fb4: path.join(out, `konzept – ${FB4}.xlsx`), files };
}

function idsOf(ws: ExcelJS.Worksheet): string[] {
  const col = columnOf(ws, "ID");
  const ids: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const t = ws.getCell(r, col).text.trim();
    if (t) ids.push(t);
  }
  return ids;
}

function cellText(ws: ExcelJS.Worksheet, id: string, header: string): string {
  return ws.getCell(rowWhere(ws, "ID", id), columnOf(ws, header)).text;
}

function tableRows(ws: ExcelJS.Worksheet): string[][] {
  const t = tablesOf(ws)[0]!;
  const [, , top, , bottom] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.ref)!;
  const width = ws.getRow(Number(top)).cellCount;
  const rows: string[][] = [];
  for (let r = Number(top) + 1; r <= Number(bottom); r++) rows.push(Array.from({ length: width }, (_, c) => ws.getCell(r, c + 1).text));
  return rows;
}

describe("file names", () => {
  test("carry the Fachbereich and are safe on every file system", () => {
    expect(safeFileName('FB 4: Jugend/Familie "neu"?')).toBe("FB 4- Jugend-Familie -neu-");
    expect(safeFileName("  ..  ")).toBe("ohne Namen");
    expect(safeFileName("CON")).toBe("CON_");
    // A long name is cut between characters, never inside one (an emoji or an umlaut stays whole).
    const long = `Fachbereich Soziales 👨‍👩‍👧 ${"ÄÖÜ 🌍 ".repeat(30)}`;
    const cut = safeFileName(long);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(100);
    expect(cut).not.toMatch(/\uFFFD/);
    expect(long.startsWith(cut)).toBe(true);
    expect(cut).toMatch(/^Fachbereich Soziales 👨‍👩‍👧 ÄÖÜ 🌍/);
    expect(cut).not.toMatch(/[\s.]$/);
    expect(splitFileNames("konzept", ["FB 4", "FB/4", "FB:4", "Kreissportbund e. V."])).toEqual([
      "konzept – FB 4.xlsx",
      "konzept – FB-4.xlsx",
      "konzept – FB-4 (2).xlsx",
      "konzept – Kreissportbund e. V.xlsx",
    ]);
    // A status query says so in its names.
    expect(splitFileNames("konzept", ["Fachbereich 4 – Jugend"], "Sachstandsabfrage 31.12.2026")).toEqual([
      "konzept – Sachstandsabfrage 31.12.2026 – Fachbereich 4 – Jugend.xlsx",
    ]);
  });
});

describe("split", () => {
  test("one workbook per Fachbereich, with that Fachbereich's measures, lists, read-only references and hidden base", async () => {
    const { master, out, files, fb4 } = await distributed();
    expect(files).toEqual([
      "konzept – Dezernat II – Soziales.xlsx",
      "konzept – Fachbereich 1 – Zentrale Dienste.xlsx",
      "konzept – Fachbereich 3 – Ordnung.xlsx",
      "konzept – Fachbereich 4 – Jugend.xlsx",
      "konzept – Fachbereich 5 – Soziales.xlsx",
      "konzept – Jobcenter Beispielkreis.xlsx",
      "konzept – Kreissportbund Beispielkreis e. V.xlsx",
    ]);
    // Every measure goes to exactly one file, except M-019, which is verworfen.
    const all: string[] = [];
    for (const f of files) all.push(...idsOf(sheet(await loadWorkbook(path.join(out, f)), "Maßnahmen")));
    const ids = idsOf(sheet(await loadWorkbook(master), "Maßnahmen"));
    expect(all.sort()).toEqual(ids.filter((id) => id !== "M-019").sort());
    expect(ooxmlProblems(...files.map((f) => path.join(out, f)))).toEqual([]);

    const wb = await loadWorkbook(fb4);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [HINTS_SHEET.sheet, "visible"],
      ["Maßnahmen", "visible"],
      ["Einstellungen", "visible"],
      ["Handlungsfelder", "visible"],
      ["Ziele", "visible"],
      ["Indikatoren", "visible"],
      ["Akteure", "visible"],
      ["Bedarfe", "visible"],
      ["Listen", "hidden"],
      [BASE_SHEET.sheet, "veryHidden"],
    ]);
    const m = sheet(wb, "Maßnahmen");
    // M-006, M-007 and M-005, M-009 are led by Fachbereich 4.
    expect(idsOf(m)).toEqual(["M-005", "M-006", "M-007", "M-009"]);
    expect(tablesOf(m)).toEqual([{ name: "tblMassnahmen", ref: "A1:T5" }]);
    expect(cellText(m, "M-006", "Haushaltsstelle")).toBe("1.4.3.01");
    // Text that looks like a formula stays text.
    const note = m.getCell(rowWhere(m, "ID", "M-005"), columnOf(m, "Bemerkung"));
    expect([note.type, note.value]).toEqual([ExcelJS.ValueType.String, "=SUMME(A1)"]);
    // Dropdowns and highlighting work without the add-in.
    const dv = (m as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const statusCol = columnOf(m, "Status");
    const statusDv = Object.entries(dv).find(([range]) => range.startsWith(`${String.fromCharCode(64 + statusCol)}2`))?.[1];
    expect(statusDv?.formulae[0]).toContain("in Umsetzung");
    const federCol = String.fromCharCode(64 + columnOf(m, "Federführung"));
    expect(Object.entries(dv).find(([range]) => range.startsWith(`${federCol}2`))?.[1].formulae[0]).toContain("Listen");
    expect(((m as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? []).length).toBeGreaterThan(5);
    // References are protected (without password), Maßnahmen not.
    for (const name of ["Einstellungen", "Handlungsfelder", "Ziele", "Indikatoren", "Akteure", HINTS_SHEET.sheet]) {
      const protection = (sheet(wb, name) as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
      expect({ name, locked: protection?.sheet }).toEqual({ name, locked: true });
    }
    expect((m as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBeFalsy();
    // All reference rows are there, so the dropdowns offer everything.
    expect(idsOf(sheet(wb, "Akteure"))).toHaveLength(8);

    const hints = sheet(wb, HINTS_SHEET.sheet)
      .getColumn(1)
      .values.filter((v): v is string => typeof v === "string")
      .join("\n");
    expect(hints).toContain(FB4);
    expect(hints).toContain("31.03.2027");
    expect(hints).toContain("Koordinierungsstelle Integration, Sabine Gericke, integration@beispielkreis.de");
    expect(hints).toContain(`Verteilt am 22.11.2026 aus „konzept.xlsx“`);

    const base = sheet(wb, BASE_SHEET.sheet);
    expect(base.getCell("B3").text).toBe(FB4);
    expect(base.getCell("B4").text).toBe("konzept.xlsx");
  });

  test("refuses to overwrite files of an earlier distribution, and writes nothing", async () => {
    const { master, out, fb4 } = await distributed();
    const removed = path.join(out, "konzept – Kreissportbund Beispielkreis e. V.xlsx");
    fs.rmSync(removed);
    const before = fs.readFileSync(fb4);
    const run = await runCli(["split", master, "--ziel", out]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^Im Ordner .* liegt schon „konzept – .*“; bitte einen neuen Ordner angeben/);
    expect(fs.readFileSync(fb4).equals(before)).toBe(true);
    expect(fs.existsSync(removed)).toBe(false);
  });

  test("refuses measures without ID or with a duplicate ID", async () => {
    const dir = tempDir();
    const master = path.join(dir, "k.xlsx");
    await runCli(["init", master, "--vorlage", "beispiel"]);
    await edit(master, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      m.getCell(rowWhere(m, "ID", "M-002"), 1).value = "M-001";
    });
    const run = await runCli(["split", master, "--ziel", path.join(dir, "out")]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("IDs doppelt vergeben (M-001)");
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test.each([
    [["split"], /genau eine Datei/],
    [["split", "x.xlsx"], /--ziel/],
    [["split", "fehlt.xlsx", "--ziel", "out"], /nicht gefunden/],
  ])("bad input %p is exit 2 with one sentence", async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("merge", () => {
  test("applies the Fachbereich's changes, adds its rows, keeps the master's edits and reports the rest", async () => {
    const { dir, master, fb4 } = await distributed();
    // The Fachbereich edits in plain Excel: changes values, types below the table, deletes a row.
    await edit(fb4, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      m.getCell(rowWhere(m, "ID", "M-005"), columnOf(m, "Status")).value = "in Umsetzung";
      m.getCell(rowWhere(m, "ID", "M-006"), columnOf(m, "Zielwert")).value = "85 % Kita-Quote";
      m.getCell(rowWhere(m, "ID", "M-006"), columnOf(m, "Frist")).value = "31.12.2028";
      m.getCell(rowWhere(m, "ID", "M-007"), columnOf(m, "Bemerkung")).value = "=Rücksprache mit Kita-Trägern";
      m.getCell(rowWhere(m, "ID", "M-007"), columnOf(m, "Haushaltsstelle")).value = "1.4.3.02";
      m.spliceRows(rowWhere(m, "ID", "M-009"), 1);
      const next = m.rowCount + 1;
      m.getCell(next, columnOf(m, "ID")).value = "M-001"; // clashes with the master
      m.getCell(next, columnOf(m, "Titel")).value = "Familienzentren";
      m.getCell(next, columnOf(m, "Federführung")).value = "A-04 – Jugendamt – Kindertagesbetreuung";
      m.getCell(next + 1, columnOf(m, "Titel")).value = "Elterncafé";
      m.getCell(next + 1, columnOf(m, "Federführung")).value = "A-04";
    });
    // Meanwhile the coordinator changed the same Frist.
    await edit(master, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      m.getCell(rowWhere(m, "ID", "M-006"), columnOf(m, "Frist")).value = new Date("2028-06-30T00:00:00Z");
    });
    const original = fs.readFileSync(master);
    const merged = path.join(dir, "merged.xlsx");
    const run = await runCli(["merge", master, fb4, "-o", merged]);
    expect(run.err).toBe("");
    expect(run.code).toBe(1);
    expect(run.out).toContain(`konzept – ${FB4}.xlsx: 4 Werte übernommen, 2 Maßnahmen neu (2 mit neuer ID), 1 Maßnahme im Rücklauf gelöscht (in der Gesamtdatei behalten), 1 Wert nicht übernommen.`);
    expect(fs.readFileSync(master).equals(original)).toBe(true);
    expect(leftoverTempFiles(dir)).toEqual([]);

    const wb = await loadWorkbook(merged);
    const m = sheet(wb, "Maßnahmen");
    expect(cellText(m, "M-005", "Status")).toBe("in Umsetzung");
    expect(cellText(m, "M-006", "Zielwert")).toBe("85 % Kita-Quote");
    expect(m.getCell(rowWhere(m, "ID", "M-006"), columnOf(m, "Frist")).value).toEqual(new Date("2028-06-30T00:00:00Z")); // master kept
    const note = m.getCell(rowWhere(m, "ID", "M-007"), columnOf(m, "Bemerkung"));
    expect([note.type, note.value, note.formula]).toEqual([ExcelJS.ValueType.String, "=Rücksprache mit Kita-Trägern", undefined]);
    expect(cellText(m, "M-007", "Haushaltsstelle")).toBe("1.4.3.02");
    expect(cellText(m, "M-009", "Titel")).toBe("Sprachcafés in den Gemeinden");
    expect(cellText(m, "M-021", "Titel")).toBe("Familienzentren");
    expect(cellText(m, "M-022", "Titel")).toBe("Elterncafé");
    expect(cellText(m, "M-001", "Titel")).toBe("Willkommensmappe");

    // Every row is inside tblMassnahmen, and the workbook reads back as a concept.
    expect(tablesOf(m)).toEqual([{ name: "tblMassnahmen", ref: "A1:T23" }]);
    const concept = readConcept(new ExcelJsSource(wb));
    expect(concept.found.massnahmen!.rows).toHaveLength(22);
    const area = new ExcelJsSource(wb).tables().find((t) => t.name === "tblMassnahmen")!.area;
    expect(concept.found.massnahmen!.rows.every((r) => r.row > area.top && r.row <= area.bottom)).toBe(true);

    const conflicts = tableRows(sheet(wb, CONFLICT_SHEET.sheet));
    expect(conflicts).toEqual([["M-006", "Frist", "30.06.2028", "31.12.2028", `konzept – ${FB4}.xlsx`, expect.stringContaining("Gesamtdatei behalten")]]);
    const log = tableRows(sheet(wb, MERGE_LOG_SHEET.sheet)).map((r) => [r[1], r[2], r[3], r[4]]);
    expect(log).toEqual([
      ["M-005", "M-005", "übernommen", "Status"],
      ["M-006", "M-006", "übernommen", "Zielwert"],
      ["M-006", "M-006", "Konflikt – Gesamtdatei behalten", "Frist"],
      ["M-007", "M-007", "übernommen", "Bemerkung"],
      ["M-007", "M-007", "übernommen", "Haushaltsstelle"],
      ["M-001", "M-021", "neu aufgenommen mit neuer ID", ""],
      ["", "M-022", "neu aufgenommen mit neuer ID", ""],
      ["M-009", "M-009", "im Rücklauf gelöscht – in der Gesamtdatei behalten", ""],
    ]);
    expect(wb.getWorksheet(MEMORY_SHEET.sheet)?.state).toBe("veryHidden");

    // The same return again: nothing changes (the conflict is still reported).
    const before = tableRows(m);
    const again = await runCli(["merge", merged, fb4]);
    expect(again.code).toBe(1);
    expect(again.out).toContain("0 Werte übernommen, 0 Maßnahmen neu, 1 Maßnahme im Rücklauf gelöscht (in der Gesamtdatei behalten), 1 Wert nicht übernommen.");
    const wb2 = await loadWorkbook(merged);
    expect(tableRows(sheet(wb2, "Maßnahmen"))).toEqual(before);
    expect(tablesOf(sheet(wb2, CONFLICT_SHEET.sheet))).toEqual([{ name: CONFLICT_SHEET.table, ref: "A1:F2" }]);
  });

  test("several returns at once, exit 0 without conflicts; a return without base changes nothing", async () => {
    const { dir, master, out, fb4 } = await distributed();
    const fb1 = path.join(out, "konzept – Fachbereich 1 – Zentrale Dienste.xlsx");
    await edit(fb4, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      m.getCell(rowWhere(m, "ID", "M-005"), columnOf(m, "Zielgruppe")).value = "Geflüchtete Familien";
    });
    await edit(fb1, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      m.getCell(rowWhere(m, "ID", "M-016"), columnOf(m, "Sachkosten (EUR)")).value = 2500;
    });
    const run = await runCli(["merge", master, fb4, fb1]);
    expect(run).toMatchObject({ code: 0, err: "" });
    const m = sheet(await loadWorkbook(master), "Maßnahmen");
    expect(cellText(m, "M-005", "Zielgruppe")).toBe("Geflüchtete Familien");
    expect(m.getCell(rowWhere(m, "ID", "M-016"), columnOf(m, "Sachkosten (EUR)")).value).toBe(2500);

    // Someone copied the rows into a fresh workbook: no base values.
    const copy = path.join(dir, "kopie.xlsx");
    await runCli(["init", copy]);
    await edit(copy, async (wb) => {
      const src = sheet(await loadWorkbook(fb4), "Maßnahmen");
      const dst = sheet(wb, "Maßnahmen");
      src.eachRow((row, r) => row.eachCell((cell, c) => (dst.getCell(r, c).value = cell.value)));
      dst.getCell(rowWhere(dst, "ID", "M-006"), columnOf(dst, "Titel")).value = "Titel aus der Kopie";
    });
    const before = fs.readFileSync(master);
    const twoWay = await runCli(["merge", master, copy, "-o", path.join(dir, "zwei.xlsx")]);
    expect(twoWay.code).toBe(1);
    expect(twoWay.out).toContain("kopie.xlsx (ohne Basiswerte, nur verglichen): 0 Werte übernommen, 0 Maßnahmen neu, 1 Wert nicht übernommen.");
    const two = await loadWorkbook(path.join(dir, "zwei.xlsx"));
    expect(tableRows(sheet(two, "Maßnahmen"))).toEqual(tableRows(sheet(await loadWorkbook(master), "Maßnahmen")));
    expect(tableRows(sheet(two, CONFLICT_SHEET.sheet))[0]!.slice(0, 4)).toEqual(["M-006", "Titel", "Kita-Einstiegsprogramm", "Titel aus der Kopie"]);
    expect(fs.readFileSync(master).equals(before)).toBe(true);
  });

  test("one unusable return: exit 2, one sentence naming it, nothing written", async () => {
    const { dir, master, fb4 } = await distributed();
    const text = path.join(dir, "notiz.xlsx");
    fs.writeFileSync(text, "keine Arbeitsmappe");
    const noMeasures = path.join(dir, "leer.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tabelle1").getCell("A1").value = "Hallo";
    await wb.xlsx.writeFile(noMeasures);
    const before = fs.readFileSync(master);
    for (const [bad, message] of [
      [text, /„.*notiz\.xlsx“ ist keine Excel-Arbeitsmappe/],
      [noMeasures, /Der Rücklauf „leer\.xlsx“ enthält kein Blatt „Maßnahmen“/],
      [path.join(dir, "fehlt.xlsx"), /nicht gefunden/],
      [master, /ist die Gesamtdatei selbst/],
    ] as const) {
      const run = await runCli(["merge", master, fb4, bad]);
      expect({ bad, code: run.code }).toEqual({ bad, code: 2 });
      expect(run.err).toMatch(message);
      expect(run.err.trim().split("\n")).toHaveLength(1);
      expect(run.err).not.toMatch(/^\s*at |Error:/m);
      expect(run.out).toBe("");
    }
    expect(fs.readFileSync(master).equals(before)).toBe(true);
    expect(leftoverTempFiles(dir)).toEqual([]);
    expect((await runCli(["merge", master])).code).toBe(2);
    expect((await runCli(["merge", master, fb4, "-o", path.join(dir, "x.txt")])).err).toContain("muss auf .xlsx enden");
  });
});

describeWithLibreOffice("circulation in LibreOffice", () => {
  test("a distributed workbook's lists compute, and the merged master opens with every row", async () => {
    const { dir, master, fb4 } = await distributed();
    await edit(fb4, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      m.getCell(m.rowCount + 1, columnOf(m, "Titel")).value = "Elterncafé";
    });
    const split = recalc(fb4);
    expect(split["Listen"]!.map((r) => r[3])).toContain("A-04 – Jugendamt – Kindertagesbetreuung");
    const merged = path.join(dir, "merged.xlsx");
    expect((await runCli(["merge", master, fb4, "-o", merged])).code).toBe(0);
    const sheets = recalc(merged);
    const ids = sheets["Maßnahmen"]!.slice(1).map((r) => r[0]).filter(Boolean);
    expect(ids).toHaveLength(21);
    expect(ids).toContain("M-021");
    expect(sheets[MERGE_LOG_SHEET.sheet]![1]![3]).toBe("neu aufgenommen mit neuer ID");
  });
});

void TODAY;
