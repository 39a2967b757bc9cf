/**
 * The command line as a user meets it: `init`, `check`, `check --json`, `check -o`, bad input and atomic
 * writes. Runs `main` in-process (today pinned to 2026-11-22) and once as a real process.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  TODAY,
  columnLetter,
  columnOf,
  columnValues,
  leftoverTempFiles,
  loadWorkbook,
  makeZip,
  removeTempDirs,
  rowWhere,
  runCli,
  setRow,
  sheet,
  tablesOf,
  tempDir,
} from "../helpers/cli";
import type { RuleCode } from "../../src/domain/rules";
import { type MessageParams, renderMessage } from "../../src/domain/rules/messages";

const REPO = path.resolve(__dirname, "../..");

afterAll(() => removeTempDirs());

/** A fresh temp dir with an init'ed workbook of the given template. */
async function initWorkbook(template: string, name = "konzept.xlsx"): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, name);
  const run = await runCli(["init", file, "--vorlage", template]);
  expect(run).toMatchObject({ code: 0, err: "" });
  return { dir, file };
}

interface JsonReport {
  file: string;
  referenceDate: string;
  summary: { measures: number; errors: number; warnings: number; infos: number; smartComplete: number };
  findings: {
    rule: string;
    severity: string;
    smart: string | null;
    sheet: string;
    cell: string;
    id: string | null;
    message: string;
    params: MessageParams;
  }[];
}

async function checkJson(file: string, ...extra: string[]): Promise<{ code: number; report: JsonReport; err: string }> {
  const run = await runCli(["check", file, "--json", ...extra]);
  let report: JsonReport;
  try {
    report = JSON.parse(run.out) as JsonReport;
  } catch {
    throw new Error(`check --json printed no JSON (exit ${run.code}): ${run.out}\n${run.err}`);
  }
  return { code: run.code, report, err: run.err };
}

/** Asserts the shape of an error report on stderr: one German line naming the file, no stack trace. */
function expectOneSentenceError(err: string, fileName: string): void {
  const lines = err.replace(/\n$/, "").split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]!.length).toBeGreaterThan(10);
  expect(err).toContain(fileName);
  expect(err).not.toMatch(/^\s*at /m);
  expect(err).not.toMatch(/Unerwarteter Fehler|Error:|TypeError|undefined/);
  // German: at least one common German word or umlaut.
  expect(err).toMatch(/Datei|Arbeitsmappe|Ordner|ist|nicht|kein|ä|ö|ü|ß/);
}

async function editWorkbook(file: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
  const wb = await loadWorkbook(file);
  await edit(wb);
  await wb.xlsx.writeFile(file);
}

describe("init", () => {
  test("creates the workbook, refuses to overwrite without --force, overwrites with --force", async () => {
    const dir = tempDir();
    const file = path.join(dir, "x.xlsx");
    const first = await runCli(["init", file, "--vorlage", "beispiel"]);
    expect(first.code).toBe(0);
    expect(first.err).toBe("");
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    const before = fs.readFileSync(file);

    const again = await runCli(["init", file, "--vorlage", "leer"]);
    expect(again.code).toBe(2);
    expectOneSentenceError(again.err, "x.xlsx");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(leftoverTempFiles(dir)).toEqual([]);

    const forced = await runCli(["init", file, "--vorlage", "leer", "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.err).toBe("");
    // really overwritten: the empty template has no Handlungsfelder, the example had seven
    const wb = await loadWorkbook(file);
    expect(columnValues(sheet(wb, "Handlungsfelder"), "ID")).toEqual([]);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });

  test("an unknown --vorlage is exit 2 and creates nothing", async () => {
    const dir = tempDir();
    const file = path.join(dir, "x.xlsx");
    const run = await runCli(["init", file, "--vorlage", "hannover"]);
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain("hannover");
    expect(run.err).not.toMatch(/^\s*at /m);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("a file name that does not end in .xlsx is exit 2", async () => {
    const dir = tempDir();
    const run = await runCli(["init", path.join(dir, "konzept.xls")]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("konzept.xls");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test.each(["leer", "laatzen", "ilm-kreis", "beispiel"])(
    "the template %s creates a workbook that check can read",
    async (template) => {
      const { file } = await initWorkbook(template);
      const { code, report, err } = await checkJson(file, "--stichtag", TODAY);
      expect(err).toBe("");
      expect([0, 1]).toContain(code);
      expect(code).toBe(report.summary.errors > 0 ? 1 : 0);
      expect(report.findings.filter((f) => f.rule === "BLATT_FEHLT" || f.rule === "SPALTE_FEHLT")).toEqual([]);
      expect(report.summary.measures).toBe(template === "beispiel" ? 20 : 0);
    },
  );

  test("laatzen has its seven Handlungsfelder, ilm-kreis its six", async () => {
    const laatzen = await initWorkbook("laatzen");
    const lHf = columnValues(sheet(await loadWorkbook(laatzen.file), "Handlungsfelder"), "Handlungsfeld");
    expect(lHf).toEqual([
      "Willkommenskultur",
      "Wohnen und Leben",
      "Bildung und Sprache",
      "Wirtschaft und Arbeit",
      "Teilhabe",
      "Interkulturelle Öffnung",
      "Vernetzung",
    ]);
    const ilm = await initWorkbook("ilm-kreis");
    const iWs = sheet(await loadWorkbook(ilm.file), "Handlungsfelder");
    const iHf = columnValues(iWs, "Handlungsfeld");
    expect(iHf).toHaveLength(6);
    expect(iHf).toContain("Kultur, Religion, Freizeit und Sport");
    expect(iHf).toContain("Sprache und Bildung");
    expect(columnValues(iWs, "ID")).toEqual(["HF-01", "HF-02", "HF-03", "HF-04", "HF-05", "HF-06"]);
  });

  test("the workbook has real Excel tables, a Status dropdown, a hidden Listen sheet and frozen headers", async () => {
    const { file } = await initWorkbook("beispiel");
    const wb = await loadWorkbook(file);
    const expected: Record<string, string> = {
      Einstellungen: "tblEinstellungen",
      Handlungsfelder: "tblHandlungsfelder",
      Ziele: "tblZiele",
      Indikatoren: "tblIndikatoren",
      Akteure: "tblAkteure",
      Maßnahmen: "tblMassnahmen",
      Bewertungskriterien: "tblKriterien",
    };
    for (const [sheetName, tableName] of Object.entries(expected)) {
      const ws = sheet(wb, sheetName);
      const tables = tablesOf(ws);
      expect(tables.map((t) => t.name)).toEqual([tableName]);
      expect(tables[0]!.ref).toMatch(/^A1:[A-Z]+\d+$/);
      expect(ws.views[0]?.state).toBe("frozen");
      expect((ws.views[0] as { ySplit?: number }).ySplit).toBe(1);
    }
    // tblMassnahmen spans the header and the 20 example measures
    expect(tablesOf(sheet(wb, "Maßnahmen"))[0]!.ref).toMatch(/^A1:[A-Z]+21$/);

    const m = sheet(wb, "Maßnahmen");
    const status = columnOf(m, "Status");
    for (const row of [2, 21, 100]) {
      const dv = m.getCell(row, status).dataValidation;
      expect(dv?.type).toBe("list");
      const list = String(dv?.formulae?.[0] ?? "");
      for (const s of ["geplant", "in Umsetzung", "umgesetzt", "verstetigt", "zurückgestellt", "verworfen"])
        expect(list).toContain(s);
    }
    // the Handlungsfeld column offers the live list from Listen
    const hfDv = m.getCell(2, columnOf(m, "Handlungsfeld")).dataValidation;
    expect(hfDv?.type).toBe("list");
    expect(String(hfDv?.formulae?.[0])).toContain("Listen");

    const listen = sheet(wb, "Listen");
    expect(listen.state).toBe("hidden");
  });

  test("Angebote and Bedarfe come with dropdowns; Maßnahmen name Bedarfe from an open ID – Name list", async () => {
    const { file } = await initWorkbook("leer");
    const wb = await loadWorkbook(file);
    const dvAt = (ws: ReturnType<typeof sheet>, header: string, row: number) =>
      ws.getCell(row, columnOf(ws, header)).dataValidation;
    const angebote = sheet(wb, "Angebote");
    expect(tablesOf(angebote).map((t) => t.name)).toEqual(["tblAngebote"]);
    expect(dvAt(angebote, "Handlungsfeld", 2)?.type).toBe("list");
    expect(String(dvAt(angebote, "Handlungsfeld", 2)?.formulae?.[0])).toContain("Listen");
    expect(String(dvAt(angebote, "Träger", 50)?.formulae?.[0])).toContain("Listen");
    const bedarfe = sheet(wb, "Bedarfe");
    expect(tablesOf(bedarfe).map((t) => t.name)).toEqual(["tblBedarfe"]);
    expect(String(dvAt(bedarfe, "Handlungsfeld", 2)?.formulae?.[0])).toContain("Listen");
    const quelle = dvAt(bedarfe, "Quelle", 2)!;
    expect(quelle.type).toBe("list");
    for (const q of ["Befragung", "World Café", "Beschäftigtenbefragung", "Fachgespräch", "Statistik"])
      expect(String(quelle.formulae?.[0])).toContain(q);
    expect(quelle.showErrorMessage).toBeFalsy(); // own sources are welcome
    const prio = dvAt(bedarfe, "Priorität", 10)!;
    expect(String(prio.formulae?.[0])).toBe('"hoch,mittel,niedrig"');
    expect(prio.showErrorMessage).toBe(true);
    const m = sheet(wb, "Maßnahmen");
    const needs = dvAt(m, "Bedarfe", 2)!;
    expect(needs.type).toBe("list");
    expect(String(needs.formulae?.[0])).toContain("Listen");
    expect(needs.showErrorMessage).toBeFalsy(); // several IDs in one cell
    // the Listen column of Bedarfe builds `ID – Name` from the sheet Bedarfe
    const listen = sheet(wb, "Listen");
    const headers = (listen.getRow(1).values as unknown[]).map(String);
    const col = headers.indexOf("Bedarfe");
    expect(col).toBeGreaterThan(0);
    expect(String((listen.getCell(2, col).value as { formula?: string }).formula)).toContain("Bedarfe");
  });

  test("beispiel: check shows an unanswered Bedarf and a Handlungsfeld without Angebot", async () => {
    const { file } = await initWorkbook("beispiel");
    const { report } = await checkJson(file, "--stichtag", "2026-11-22");
    const of = (rule: string) =>
      report.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell} ${f.id}`);
    expect(of("B_OHNE_MASSNAHME")).toEqual(["Bedarfe!A5 B-004"]);
    expect(of("K_HANDLUNGSFELD_OHNE_BESTAND")).toEqual(["Handlungsfelder!A8 HF-07"]);
    expect(report.findings.filter((f) => f.rule === "VERWEIS_UNBEKANNT" && /Angebote|Bedarfe/.test(f.sheet))).toEqual(
      [],
    );
  });
});

describe("check", () => {
  test("prints the findings grouped by sheet and measure, exit 1 on error findings", async () => {
    const { file } = await initWorkbook("beispiel");
    const run = await runCli(["check", file, "--stichtag", "2026-11-22"]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    const lines = run.out.split("\n");
    const sheetLine = lines.findIndex((l) => l.trim() === "Maßnahmen");
    expect(sheetLine).toBeGreaterThanOrEqual(0);
    const measureLine = lines.findIndex((l, i) => i > sheetLine && /^\s+M-004\b/.test(l));
    expect(measureLine).toBeGreaterThan(sheetLine);
    expect(lines[measureLine]).toContain("Wohnraumvermittlung für Geflüchtete");
    const findingLine = lines.findIndex((l, i) => i > measureLine && l.includes("T_FRIST_UNBESTIMMT"));
    expect(findingLine).toBe(measureLine + 1);
    expect(lines[findingLine]).toContain("fortlaufend");
    expect(lines[findingLine]).toMatch(/Fehler/);
    expect(run.out).toContain("22.11.2026");
    const summary = lines.findIndex((l) => l.startsWith("Zusammenfassung"));
    expect(summary).toBeGreaterThan(findingLine);
    expect(lines[summary]).toContain("20 Maßnahmen");
  });

  test("--json prints exactly the contract's object", async () => {
    const { file } = await initWorkbook("beispiel");
    const { code, report, err } = await checkJson(file, "--stichtag", "2026-11-22");
    expect(code).toBe(1);
    expect(err).toBe("");
    expect(Object.keys(report).sort()).toEqual(["file", "findings", "referenceDate", "summary"]);
    expect(report.file).toBe(file);
    expect(report.referenceDate).toBe("2026-11-22");
    expect(Object.keys(report.summary).sort()).toEqual(["errors", "infos", "measures", "smartComplete", "warnings"]);
    expect(report.summary.measures).toBe(20);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(Object.keys(f).sort()).toEqual(["cell", "id", "message", "params", "rule", "severity", "sheet", "smart"]);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect([null, "S", "M", "A", "R", "T"]).toContain(f.smart);
      expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
      expect(typeof f.message).toBe("string");
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.rule).toMatch(/^[A-Z_]+$/);
      // The parameters are the values the message is rendered from.
      expect(renderMessage(f.rule as RuleCode, f.params)).toBe(f.message);
    }
    const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
    expect(report.summary.errors).toBe(count("error"));
    expect(report.summary.warnings).toBe(count("warning"));
    expect(report.summary.infos).toBe(count("info"));
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.summary.smartComplete).toBeLessThan(20);
    // the vague deadline of M-004 at its Frist cell
    const m = sheet(await loadWorkbook(file), "Maßnahmen");
    const fristCell = `${columnLetter(columnOf(m, "Frist"))}${rowWhere(m, "ID", "M-004")}`;
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: "T_FRIST_UNBESTIMMT",
        severity: "error",
        smart: "T",
        sheet: "Maßnahmen",
        cell: fristCell,
        id: "M-004",
      }),
    );
  });

  test("without --stichtag the Stichtag comes from Einstellungen, else today; --stichtag wins", async () => {
    const { file } = await initWorkbook("beispiel");
    expect((await checkJson(file)).report.referenceDate).toBe(TODAY);

    await editWorkbook(file, (wb) => {
      const ws = sheet(wb, "Einstellungen");
      ws.getCell(rowWhere(ws, "Schlüssel", "Stichtag"), columnOf(ws, "Wert")).value = new Date(Date.UTC(2027, 6, 15));
    });
    const fromSettings = await checkJson(file);
    expect(fromSettings.report.referenceDate).toBe("2027-07-15");
    // the later Stichtag makes more deadlines overdue than today's
    const overdue = (r: JsonReport) => r.findings.filter((f) => f.rule === "T_UEBERFAELLIG").length;
    const todays = await checkJson(file, "--stichtag", TODAY);
    expect(todays.report.referenceDate).toBe(TODAY);
    expect(overdue(fromSettings.report)).toBeGreaterThan(overdue(todays.report));

    await editWorkbook(file, (wb) => {
      const ws = sheet(wb, "Einstellungen");
      ws.getCell(rowWhere(ws, "Schlüssel", "Stichtag"), columnOf(ws, "Wert")).value = "30.06.2028";
    });
    expect((await checkJson(file)).report.referenceDate).toBe("2028-06-30");
  });

  test.each(["2026-13-45", "morgen", "2026-02-30"])("an invalid --stichtag %s is exit 2", async (stichtag) => {
    const { file } = await initWorkbook("beispiel");
    const run = await runCli(["check", file, "--stichtag", stichtag]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain(stichtag);
    expect(run.err).not.toMatch(/^\s*at /m);
  });
});

describe("round trip: a measure filled in by hand", () => {
  test("a complete SMART measure has no errors; without Frist it gets T_FRIST_FEHLT at the Frist cell", async () => {
    const { file } = await initWorkbook("leer");
    await editWorkbook(file, (wb) => {
      setRow(sheet(wb, "Handlungsfelder"), 2, {
        ID: "HF-01",
        Handlungsfeld: "Bildung und Sprache",
        Leitziel: "Alle sprechen Deutsch.",
      });
      setRow(sheet(wb, "Ziele"), 2, {
        ID: "Z-01",
        Handlungsfeld: "HF-01 – Bildung und Sprache",
        Ziel: "Erwachsene Zugewanderte erreichen das Sprachniveau B1.",
        Zielgruppe: "Erwachsene Zugewanderte",
      });
      setRow(sheet(wb, "Indikatoren"), 2, {
        ID: "I-001",
        Ziel: "Z-01",
        Indikator: "Bestandene B1-Prüfungen pro Jahr",
        Einheit: "Personen",
        Basiswert: 120,
        Basisjahr: 2025,
        Zielwert: 200,
        Zieljahr: 2030,
        Datenquelle: "BAMF-Kursstatistik",
        Erhebungsturnus: "jährlich",
      });
      setRow(sheet(wb, "Akteure"), 2, {
        ID: "A-01",
        Bezeichnung: "Kreisvolkshochschule",
        Fachbereich: "Fachbereich 4 – Bildung",
        Ansprechperson: "Dr. Anna Sommer",
        "E-Mail": "vhs@kommune.de",
        Art: "intern",
      });
      setRow(sheet(wb, "Maßnahmen"), 2, {
        ID: "M-001",
        Handlungsfeld: "HF-01",
        Ziel: "Z-01",
        Titel: "Berufsbezogene Sprachkurse",
        Beschreibung: "Die Volkshochschule bietet berufsbezogene Sprachkurse mit Praktikum in Betrieben der Region an.",
        Zielgruppe: "Arbeitsuchende mit Sprachniveau A2",
        Indikatoren: "I-001",
        Zielwert: "200 bestandene B1-Prüfungen pro Jahr",
        Federführung: "A-01",
        "Personal (VZÄ)": 0.5,
        "Sachkosten (EUR)": 1500,
        Finanzierung: "gesichert",
        Beginn: new Date(Date.UTC(2027, 1, 1)),
        Frist: new Date(Date.UTC(2028, 11, 31)),
        Status: "geplant",
      });
    });
    const ok = await checkJson(file);
    expect(ok.err).toBe("");
    // The template's Prozessplan is still undated and without Verantwortlich: its state, not a defect (no
    // P_TERMIN_FEHLT or P_VERANTWORTLICH_FEHLT until a step gets a Termin or a Verantwortlich).
    expect(ok.report.summary).toEqual({ measures: 1, errors: 0, warnings: 0, infos: 0, smartComplete: 1 });
    expect(ok.report.findings).toEqual([]);
    expect(ok.code).toBe(0);
    const text = await runCli(["check", file]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("Keine Befunde");

    let fristCell = "";
    await editWorkbook(file, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      const col = columnOf(m, "Frist");
      m.getCell(2, col).value = null;
      fristCell = `${columnLetter(col)}2`;
    });
    const missing = await checkJson(file);
    expect(missing.code).toBe(1);
    expect(missing.report.summary.errors).toBe(1);
    expect(missing.report.summary.smartComplete).toBe(0);
    expect(missing.report.findings.filter((f) => f.sheet !== "Prozessplan")).toEqual([
      expect.objectContaining({
        rule: "T_FRIST_FEHLT",
        severity: "error",
        smart: "T",
        sheet: "Maßnahmen",
        cell: fristCell,
        id: "M-001",
      }),
    ]);
  });
});

describe("check -o", () => {
  test("writes a copy with the Prüfbericht, keeps the original byte-identical and the user's data intact", async () => {
    const { dir, file } = await initWorkbook("beispiel");
    await editWorkbook(file, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      const extra = m.columnCount + 1;
      m.getCell(1, extra).value = "Notiz intern";
      m.getCell(2, extra).value = "nur für die Koordinierungsstelle";
      m.getCell(5, extra).value = "Rücksprache mit Sozialamt";
      m.getCell(rowWhere(m, "ID", "M-001"), columnOf(m, "Bemerkung")).value = "=SUMME(A1)";
      m.getCell(rowWhere(m, "ID", "M-002"), columnOf(m, "Bemerkung")).value = "+49 511 12345";
      m.getCell(rowWhere(m, "ID", "M-003"), columnOf(m, "Bemerkung")).value = "@Frau Gericke";
    });
    const original = fs.readFileSync(file);
    const report = path.join(dir, "bericht.xlsx");

    // --json with -o: stdout stays pure JSON
    const json = await checkJson(file, "--stichtag", TODAY, "-o", path.join(dir, "bericht-json.xlsx"));
    expect(json.code).toBe(1);
    expect(sheet(await loadWorkbook(path.join(dir, "bericht-json.xlsx")), "Prüfbericht")).toBeDefined();
    const run = await runCli(["check", file, "--stichtag", TODAY, "-o", report]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    expect(run.out).toContain("bericht.xlsx");
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    expect(leftoverTempFiles(dir)).toEqual([]);

    const out = await loadWorkbook(report);
    const pb = sheet(out, "Prüfbericht");
    const tables = tablesOf(pb);
    expect(tables.map((t) => t.name)).toEqual(["tblPruefbericht"]);
    const [, start, end] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(tables[0]!.ref)!;
    expect(Number(end) - Number(start)).toBe(json.report.findings.length);
    // every finding's rule appears in the table
    const headerRow = Number(start);
    const regelCol = columnOf(pb, "Regel", headerRow);
    const rules: string[] = [];
    for (let r = headerRow + 1; r <= Number(end); r++) rules.push(pb.getCell(r, regelCol).text);
    expect(rules.sort()).toEqual(json.report.findings.map((f) => f.rule).sort());

    // the original sheets are all there, with their values
    const inWb = await loadWorkbook(file);
    for (const ws of inWb.worksheets) {
      const copy = sheet(out, ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          expect({ at: `${ws.name}!${cell.address}`, value: copy.getCell(r, c).value }).toEqual({
            at: `${ws.name}!${cell.address}`,
            value: cell.value,
          });
        });
      });
    }
    const m = sheet(out, "Maßnahmen");
    expect(columnValues(m, "Notiz intern")).toEqual([
      "nur für die Koordinierungsstelle",
      "",
      "",
      "Rücksprache mit Sozialamt",
    ]);
    expect(tablesOf(m).map((t) => t.name)).toEqual(["tblMassnahmen"]);

    // text that looks like a formula stays text
    for (const [id, text] of [
      ["M-001", "=SUMME(A1)"],
      ["M-002", "+49 511 12345"],
      ["M-003", "@Frau Gericke"],
    ]) {
      const cell = m.getCell(rowWhere(m, "ID", id!), columnOf(m, "Bemerkung"));
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
  });

  test("-o with a name that does not end in .xlsx is exit 2 and writes nothing", async () => {
    const { dir, file } = await initWorkbook("beispiel");
    const run = await runCli(["check", file, "-o", path.join(dir, "bericht.txt")]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("bericht.txt");
    expect(fs.readdirSync(dir).sort()).toEqual(["konzept.xlsx"]);
  });
});

describe("bad input", () => {
  const cases: { name: string; file: string; make: (file: string) => void | Promise<void> }[] = [
    { name: "a missing file", file: "fehlt.xlsx", make: () => undefined },
    { name: "a directory", file: "ordner.xlsx", make: (f) => fs.mkdirSync(f) },
    {
      name: "a text file named .xlsx",
      file: "text.xlsx",
      make: (f) => fs.writeFileSync(f, "ID;Titel\nM-001;Sprachcafé\n"),
    },
    { name: "an empty file", file: "leer.xlsx", make: (f) => fs.writeFileSync(f, "") },
    {
      name: "a PNG renamed .xlsx",
      file: "bild.xlsx",
      make: (f) =>
        fs.writeFileSync(
          f,
          Buffer.from(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
            "base64",
          ),
        ),
    },
    {
      name: "a zip that is not a workbook",
      file: "archiv.xlsx",
      make: (f) => fs.writeFileSync(f, makeZip({ "liesmich.txt": "Hallo" })),
    },
    {
      name: "a zip that only pretends to be a workbook",
      file: "attrappe.xlsx",
      make: (f) => fs.writeFileSync(f, makeZip({ "[Content_Types].xml": "kaputt", "xl/workbook.xml": "<kein xml" })),
    },
    {
      name: "an old .xls (OLE) file",
      file: "alt.xlsx",
      make: (f) =>
        fs.writeFileSync(
          f,
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
        ),
    },
    {
      name: "a workbook without Maßnahmen",
      file: "andere.xlsx",
      make: async (f) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Haushalt");
        ws.addRow(["Posten", "Betrag"]);
        ws.addRow(["Miete", 1200]);
        await wb.xlsx.writeFile(f);
      },
    },
    {
      name: "a file over 50 MB",
      file: "riesig.xlsx",
      make: (f) => {
        fs.writeFileSync(f, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
        fs.truncateSync(f, 51 * 1024 * 1024);
      },
    },
    {
      name: "a truncated workbook",
      file: "halb.xlsx",
      make: async (f) => {
        const src = path.join(path.dirname(f), "ganz.xlsx");
        expect((await runCli(["init", src, "--vorlage", "beispiel"])).code).toBe(0);
        const data = fs.readFileSync(src);
        fs.writeFileSync(f, data.subarray(0, Math.floor(data.length / 2)));
        fs.rmSync(src);
      },
    },
    {
      name: "a workbook cut off before its zip directory",
      file: "abgeschnitten.xlsx",
      make: async (f) => {
        const src = path.join(path.dirname(f), "ganz.xlsx");
        expect((await runCli(["init", src, "--vorlage", "beispiel"])).code).toBe(0);
        const data = fs.readFileSync(src);
        // keep the local entries (xl/workbook.xml among them) but lose most of the central directory
        const firstCentral = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        expect(firstCentral).toBeGreaterThan(0);
        expect(data.subarray(0, firstCentral).includes("xl/workbook.xml")).toBe(true);
        fs.writeFileSync(f, data.subarray(0, firstCentral + 10));
        fs.rmSync(src);
      },
    },
  ];

  test.each(cases)("$name: exit 2, one German sentence naming the file, no output file", async ({ file, make }) => {
    const dir = tempDir();
    const target = path.join(dir, file);
    await make(target);
    const before = fs.readdirSync(dir).sort();
    const output = path.join(dir, "bericht.xlsx");
    const run = await runCli(["check", target, "-o", output]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expectOneSentenceError(run.err, file);
    expect(fs.existsSync(output)).toBe(false);
    expect(leftoverTempFiles(dir)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  test("unknown command, unknown option, --help", async () => {
    const unknown = await runCli(["pruefen", "x.xlsx"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("pruefen");
    expect(unknown.err.trim().split("\n")).toHaveLength(1);

    const { file } = await initWorkbook("beispiel");
    const badOption = await runCli(["check", file, "--farbig"]);
    expect(badOption.code).toBe(2);
    expect(badOption.out).toBe("");
    expect(badOption.err).toContain("--farbig");
    expect(badOption.err.trim().split("\n")).toHaveLength(1);

    const badInitOption = await runCli(["init", path.join(tempDir(), "y.xlsx"), "--vorlage", "leer", "--schnell"]);
    expect(badInitOption.code).toBe(2);
    expect(badInitOption.err).toContain("--schnell");

    const missingValue = await runCli(["check", file, "--stichtag"]);
    expect(missingValue.code).toBe(2);
    expect(missingValue.err).toContain("--stichtag");

    for (const argv of [["--help"], ["-h"]]) {
      const help = await runCli(argv);
      expect(help.code).toBe(0);
      expect(help.err).toBe("");
      expect(help.out).toMatch(/\binit\b/);
      expect(help.out).toMatch(/\bcheck\b/);
      expect(help.out).toContain("--vorlage");
      expect(help.out).toContain("--stichtag");
    }
  });
});

describe("atomic write", () => {
  test("a failing -o write leaves neither a temp file nor a partial output", async () => {
    const { dir, file } = await initWorkbook("beispiel");
    const original = fs.readFileSync(file);

    // the target is a directory
    const folder = path.join(dir, "ordner.xlsx");
    fs.mkdirSync(folder);
    const onDir = await runCli(["check", file, "-o", folder]);
    expect(onDir.code).toBe(2);
    expectOneSentenceError(onDir.err, "ordner.xlsx");
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(leftoverTempFiles(dir)).toEqual([]);

    // the target's folder does not exist
    const missingDir = await runCli(["check", file, "-o", path.join(dir, "fehlt", "bericht.xlsx")]);
    expect(missingDir.code).toBe(2);
    expectOneSentenceError(missingDir.err, "bericht.xlsx");
    expect(fs.existsSync(path.join(dir, "fehlt"))).toBe(false);

    // init into a folder that does not exist
    const initMissingDir = await runCli(["init", path.join(dir, "fehlt", "neu.xlsx")]);
    expect(initMissingDir.code).toBe(2);
    expectOneSentenceError(initMissingDir.err, "neu.xlsx");

    // init --force onto a directory
    const initOnDir = await runCli(["init", folder, "--force"]);
    expect(initOnDir.code).toBe(2);
    expectOneSentenceError(initOnDir.err, "ordner.xlsx");
    expect(fs.statSync(folder).isDirectory()).toBe(true);

    expect(leftoverTempFiles(dir)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(["konzept.xlsx", "ordner.xlsx"]);
    expect(fs.readFileSync(file).equals(original)).toBe(true);
  });
});

describe("as a real process", () => {
  test("exit codes reach the shell and stderr has no stack trace", () => {
    const dir = tempDir();
    const tsx = path.join(REPO, "node_modules", ".bin", "tsx");
    const run = (...args: string[]) =>
      spawnSync(tsx, ["src/cli/main.ts", ...args], {
        cwd: REPO,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, NODE_OPTIONS: "" },
      });

    const missing = path.join(dir, "gibt-es-nicht.xlsx");
    const bad = run("check", missing);
    expect(bad.error).toBeUndefined();
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expectOneSentenceError(bad.stderr, "gibt-es-nicht.xlsx");

    const file = path.join(dir, "beispiel.xlsx");
    // --quiet: a loaded machine may take over a second, and progress lines are not what this test is about.
    const init = run("init", file, "--vorlage", "beispiel", "--quiet");
    expect(init.status).toBe(0);
    expect(init.stderr).toBe("");
    const check = run("check", file, "--stichtag", "2026-11-22", "--quiet");
    expect(check.status).toBe(1);
    expect(check.stderr).toBe("");
    expect(check.stdout).toContain("T_FRIST_UNBESTIMMT");
  });
});
