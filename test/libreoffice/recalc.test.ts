/**
 * The workbooks the CLI writes compute in LibreOffice: the hidden sheet `Listen` and the Prüfbericht's
 * counts and cell links are live formulas that LibreOffice recalculates (exceljs writes no cached results,
 * so every value in the CSVs below was computed by LibreOffice).
 *
 * Uses ../shared/tools/recalc.sh (beside the repo). Without `soffice` on PATH the tests fail on CI and are
 * skipped (with a warning) elsewhere.
 */
import * as path from "node:path";
import { TODAY, removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { describeWithLibreOffice, recalc } from "../helpers/libreoffice";

const TIMEOUT = 120_000;

afterAll(() => removeTempDirs());

/** Recalculates in LibreOffice and returns the CSV of one sheet, parsed. */
function recalcSheet(file: string, sheetName: string): string[][] {
  const sheet = recalc(file)[sheetName];
  if (!sheet) throw new Error(`LibreOffice wrote no CSV for the sheet ${sheetName}`);
  return sheet;
}

describeWithLibreOffice("LibreOffice recalculation", () => {
  test(
    "the example workbook opens and the hidden Listen sheet computes its ID – Name entries",
    async () => {
      const dir = tempDir();
      const file = path.join(dir, "beispiel.xlsx");
      expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
      const rows = recalcSheet(file, "Listen");
      const header = rows[0]!;
      expect(header.slice(0, 4)).toEqual(["Handlungsfelder", "Ziele", "Indikatoren", "Akteure"]);
      const column = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)] ?? "").filter((v) => v !== "");
      expect(column("Handlungsfelder")).toEqual([
        "HF-01 – Willkommenskultur",
        "HF-02 – Wohnen und Leben",
        "HF-03 – Bildung und Sprache",
        "HF-04 – Wirtschaft und Arbeit",
        "HF-05 – Teilhabe",
        "HF-06 – Interkulturelle Öffnung",
        "HF-07 – Vernetzung",
      ]);
      expect(column("Akteure")).toContain("A-06 – Jobcenter Beispielkreis");
      expect(column("Akteure")).toHaveLength(8);
      expect(column("Ziele")).toHaveLength(12);
      expect(column("Indikatoren")[0]).toBe("I-001 – Teilnehmende an Willkommensveranstaltungen pro Jahr");
      // Maßnahmen name the Bedarfe they answer from this list
      expect(column("Bedarfe")).toHaveLength(6);
      expect(column("Bedarfe")[0]).toBe("B-001 – Mehr Kita-Plätze und Brückenangebote für Kinder ohne Platz");
      // no formula errors anywhere in the computed lists
      expect(rows.flat().filter((v) => /^(#|Err:)/.test(v))).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    "the check -o report: COUNTIF counts equal the JSON summary, HYPERLINK shows the cell",
    async () => {
      const dir = tempDir();
      const file = path.join(dir, "beispiel.xlsx");
      expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
      const json = await runCli(["check", file, "--stichtag", TODAY, "--json"]);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.out) as {
        summary: { errors: number; warnings: number; infos: number; measures: number };
        findings: { rule: string; severity: string; cell: string; id: string | null }[];
      };
      const output = path.join(dir, "bericht.xlsx");
      expect((await runCli(["check", file, "--stichtag", TODAY, "-o", output])).code).toBe(1);

      const rows = recalcSheet(output, "Prüfbericht");
      const label = (text: string) => {
        const row = rows.find((r) => r[0] === text);
        if (!row) throw new Error(`no row „${text}“ in the Prüfbericht CSV:\n${rows.map((r) => r.join(",")).join("\n")}`);
        return row[1];
      };
      expect(label("Fehler")).toBe(String(report.summary.errors));
      expect(label("Warnungen")).toBe(String(report.summary.warnings));
      expect(label("Hinweise")).toBe(String(report.summary.infos));
      expect(label("Maßnahmen")).toBe(String(report.summary.measures));
      expect(Number(label("Fehler"))).toBeGreaterThan(0);

      const headerIndex = rows.findIndex((r) => r[0] === "Schwere");
      expect(headerIndex).toBeGreaterThan(0);
      const header = rows[headerIndex]!;
      const table = rows.slice(headerIndex + 1).filter((r) => r.some((v) => v !== ""));
      expect(table).toHaveLength(report.findings.length);
      const zelle = header.indexOf("Zelle");
      const regel = header.indexOf("Regel");
      expect(zelle).toBeGreaterThanOrEqual(0);
      // The sheet lists errors, then warnings, then hints, each in the order of the check.
      const ordered = ["error", "warning", "info"].flatMap((s) => report.findings.filter((f) => f.severity === s));
      expect(table.map((r) => r[zelle])).toEqual(ordered.map((f) => f.cell));
      expect(table.map((r) => r[regel])).toEqual(ordered.map((f) => f.rule));
      const m004 = table.find((r) => r[regel] === "T_FRIST_UNBESTIMMT");
      expect(m004?.[zelle]).toBe("O5");
    },
    TIMEOUT,
  );
});
