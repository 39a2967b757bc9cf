/**
 * The sheet Kennzahlen computes in LibreOffice as the domain does: every number of every block — SUMIFS over
 * Indikatorwerte where a value is stored (the own area with and without its key), values where computed or
 * marked — and the change over the Stichtage equal the figures of kennzahlenOf; a value changed in
 * Indikatorwerte changes its cell; the sheet prints with no block split across pages.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/dates";
import { type KennzahlenBlock, kennzahlenOf } from "../../src/domain/kennzahlen";
import type { EntityKind } from "../../src/domain/model";
import { MonitoringData } from "../../src/domain/monitoringData";
import { referenceId } from "../../src/domain/values";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { XlsxDocument } from "../../src/xlsx/document";
import { openWorkbook, saveWorkbookAtomically } from "../../src/xlsx/file";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { describeWithLibreOffice, recalc } from "../helpers/libreoffice";
import { withMonitoring } from "../helpers/monitoring";
import { ooxmlProblems } from "../helpers/ooxml";

const TIMEOUT = 180_000;
const STICHTAG = "2025-06-30";

afterAll(removeTempDirs);

/** Six years of the three Basisindikatoren for the Kreis, its Gemeinden, Land and Bund, with markers. */
function rows(): Record<string, Record<string, CellValue>[]> {
  const r = withMonitoring() as Record<string, Record<string, CellValue>[]>;
  const date = (y: number) => new Date(Date.UTC(y, 11, 31));
  const v = (
    indikator: string,
    y: number,
    gebiet: string,
    wert: number | null,
    extra: Record<string, CellValue> = {},
  ) => ({
    indikator,
    stichtag: date(y),
    gebiet,
    wert,
    quelle: "GENESIS 12411-01-01-4",
    ...extra,
  });
  r.indikatorwerte = [];
  for (let y = 2019; y <= 2024; y++) {
    const k = y - 2019;
    // The own Kreis without Gebiet in odd years, with its key (as `werte` writes it) in the others.
    const own = y % 2 ? "" : "09999 – Landkreis Muster";
    r.indikatorwerte.push(
      v("I-020", y, own, 100_000 + 500 * k),
      v("I-021 – Ausländer/-innen", y, own, 9_000 + 310 * k),
      v("I-020", y, "09999001", 40_000 + 90 * k),
      v("I-021", y, "09999001", y === 2022 ? null : 4_000 + 120 * k, y === 2022 ? { kennzeichen: "." } : {}),
      v("I-020", y, "09999002 – Beispieldorf", 2_000 - 5 * k),
      v("I-021", y, "09999002", 150 + 3 * k, y === 2024 ? { kennzeichen: "p" } : {}),
      v("I-020", y, "09", 13_000_000 + 50_000 * k),
      v("I-021", y, "09", 1_500_000 + 60_000 * k),
      v("I-020", y, "DG", 83_000_000 + 100_000 * k),
      v("I-021", y, "DG", 10_000_000 + 400_000 * k, y === 2024 ? { kennzeichen: "r" } : {}),
      // A Gruppe's value is not in the table of insgesamt.
      v("I-021", y, "09999001", 1_900 + k, { gruppe: "weiblich" }),
    );
  }
  // A Stichtag written as text: read as 31.12.2018 (outside the last five), never a formula.
  r.indikatorwerte.push(v("I-020", 2018, "DG", 82_900_000, { stichtag: "2018" }));
  return r;
}

async function workbook(): Promise<string> {
  const file = path.join(tempDir("mnp-kennzahlen-"), "kennzahlen.xlsx");
  const doc = XlsxDocument.create(file);
  doc.applyWorkbookPlan(planNewWorkbook(rows() as Partial<Record<EntityKind, Record<string, CellValue>[]>>));
  await saveWorkbookAtomically(doc, file);
  const run = await runCli(["uebersicht", file, "--stichtag", STICHTAG]);
  expect(run.out).toContain("Blatt „Kennzahlen“ erzeugt: 3 Basisindikatoren");
  return file;
}

async function domainBlocks(file: string): Promise<KennzahlenBlock[]> {
  const concept = readConcept(await (await openWorkbook(file)).source());
  return kennzahlenOf(concept, new MonitoringData(concept), { referenceDate: STICHTAG });
}

/** The table of a block in the recalculated CSV: the rows under its header row `Gebiet`. */
function tableOf(csv: string[][], block: KennzahlenBlock): string[][] {
  const title = csv.findIndex((r) => r[0] === `${block.indikator.id} – ${block.indikator.name}`);
  expect(title).toBeGreaterThan(0);
  expect(csv[title + 2]![0]).toBe("Gebiet");
  return csv.slice(title + 3, title + 3 + block.zeilen.length);
}

const close = (actual: string, expected: number) => {
  const n = Number(actual);
  expect(Number.isFinite(n)).toBe(true);
  expect(Math.abs(n - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

function expectSame(csv: string[][], blocks: KennzahlenBlock[]): void {
  for (const block of blocks) {
    const table = tableOf(csv, block);
    block.zeilen.forEach((z, i) => {
      const row = table[i]!;
      expect(row[0]).toBe(z.name);
      z.werte.forEach((w, j) => {
        const cell = row[1 + j]!;
        if (w === null) expect(cell).toBe("");
        else if (w.wert === null) expect(cell).toBe(w.kennzeichen);
        else close(cell, w.wert);
      });
      const change = row[1 + block.stichtage.length]!;
      if (z.veraenderung === null) expect(change).toBe("");
      else close(change, z.veraenderung);
    });
  }
}

describeWithLibreOffice("Kennzahlen in LibreOffice", () => {
  test(
    "every number and change equals the domain's, formulas where stored, and follows Indikatorwerte",
    async () => {
      const file = await workbook();
      expect(ooxmlProblems(file)).toEqual([]);
      const blocks = await domainBlocks(file);
      expect(blocks.map((b) => b.indikator.id)).toEqual(["I-020", "I-022", "I-021"]);
      expect(blocks[0]!.stichtage).toEqual(["2020-12-31", "2021-12-31", "2022-12-31", "2023-12-31", "2024-12-31"]);
      expectSame(recalc(file)["Kennzahlen"]!, blocks);

      // The stored numbers are formulas over Indikatorwerte: the own Kreis with and without its key.
      const doc = await openWorkbook(file);
      const sheet = doc.pkg.sheets().find((s) => s.name === "Kennzahlen")!;
      const xml = doc.pkg.text(sheet.part!)!;
      expect((xml.match(/<f>SUMIFS\(/g) ?? []).length).toBeGreaterThanOrEqual(40);

      // A value changed in plain Excel (here: the package) changes its cell on recalculation.
      const concept = readConcept(await doc.source());
      const own2023 = concept.indikatorwerte!.rows.find(
        (r) =>
          referenceId(r.values.indikator ?? null) === "I-020" &&
          (r.values.stichtag as Date).getUTCFullYear() === 2023 &&
          !r.values.gebiet,
      )!;
      doc.writeCells("Indikatorwerte", [{ row: own2023.row, column: 3, value: 111_111 }]);
      await saveWorkbookAtomically(doc, file);
      const changed = recalc(file)["Kennzahlen"]!;
      const own = tableOf(changed, blocks[0]!).find((r) => r[0] === "Landkreis Muster")!;
      expect(own[4]).toBe("111111");
      expect(ooxmlProblems(file)).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    "prints each block (heading, table and chart) on one page, at 8 pt or more",
    async () => {
      const file = await workbook();
      const out = tempDir("mnp-kennzahlen-pdf-");
      const copy = path.join(out, "k.xlsx");
      fs.copyFileSync(file, copy);
      execFileSync(
        "soffice",
        ["--headless", `-env:UserInstallation=file://${out}/profile`, "--convert-to", "pdf", "--outdir", out, copy],
        {
          stdio: "ignore",
          timeout: TIMEOUT,
        },
      );
      const pdf = path.join(out, "k.pdf");
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
      const texts = Array.from({ length: pages }, (_, i) =>
        execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"]).toString(),
      );
      const blocks = await domainBlocks(file);
      for (const block of blocks) {
        const page = texts.find(
          (t) => t.includes(`${block.indikator.id} – ${block.indikator.name}\n`) && t.includes("Gebiet"),
        );
        expect(page).toBeDefined();
        // The table's last row and the chart's legend stand on the block's own page.
        expect(page).toContain(block.zeilen.at(-1)!.name);
        expect(page).toContain("Landkreis Muster");
      }
      const scale = Number(
        /<pageSetup[^>]*scale="(\d+)"/.exec(
          (await openWorkbook(file)).pkg.text(
            (await openWorkbook(file)).pkg.sheets().find((s) => s.name === "Kennzahlen")!.part!,
          )!,
        )?.[1] ?? 100,
      );
      expect(scale).toBeGreaterThanOrEqual(75);
    },
    TIMEOUT,
  );
});
