/**
 * `export --ziel`: the example concept as open data. datapackage.json is validated by ajv against the Tabular Data
 * Package profile (the part the export uses, test/fixtures/frictionless/); every CSV is read back by fast-csv's
 * RFC 4180 parser and compared with the workbook as ExcelJS reads it — numbers with a decimal point, ISO dates,
 * quotes and commas intact. No Ansprechperson, E-Mail or Gemeldet von in any file; bad input writes nothing.
 */
import { parseString } from "@fast-csv/parse";
import Ajv from "ajv";
import type ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  columnOf,
  columnValues,
  loadWorkbook,
  removeTempDirs,
  rowWhere,
  runCli,
  setRow,
  sheet,
  tempDir,
  exampleWorkbook,
} from "../helpers/cli";

afterAll(removeTempDirs);

// gebiete.csv beyond the contract's four: indikatorwerte.csv names its Gebiete by key, the file names them.
const FILES = [
  "massnahmen.csv",
  "sachstaende.csv",
  "indikatoren.csv",
  "indikatorwerte.csv",
  "gebiete.csv",
  "datapackage.json",
];

const example = (change?: (wb: ExcelJS.Workbook) => void) => exampleWorkbook("mnp-export-", change);

/** A CSV file read by fast-csv (RFC 4180, strict column count): its header and records. */
function readCsv(file: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    let header: string[] = [];
    parseString(fs.readFileSync(file, "utf8"), { headers: (h) => (header = h as string[]), strictColumnHandling: true })
      .on("error", reject)
      .on("data-invalid", (row) => reject(new Error(`ungültige Zeile: ${JSON.stringify(row)}`)))
      .on("data", (row: Record<string, string>) => rows.push(row))
      .on("end", () => resolve({ header, rows }));
  });
}

interface Field {
  name: string;
  type: string;
  title?: string;
}
interface ForeignKey {
  fields: string;
  reference: { resource: string; fields: string };
}
interface Package {
  resources: {
    name: string;
    path: string;
    schema: { fields: Field[]; primaryKey?: string; foreignKeys?: ForeignKey[] };
  }[];
}

/** The package as the export wrote it. */
const packageOf = (out: string) => JSON.parse(fs.readFileSync(path.join(out, "datapackage.json"), "utf8")) as Package;

/** The Tabular Data Package profile (its subset in test/fixtures) as an ajv validator. */
function packageValidator() {
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "../fixtures/frictionless/tabular-data-package.schema.json"), "utf8"),
  ) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The text of a cell as ExcelJS gives it: a date as ISO, a number as is. */
function cellText(ws: ExcelJS.Worksheet, header: string, id: string, idHeader = "ID"): ExcelJS.CellValue {
  const row = ws.getRow(rowWhere(ws, idHeader, id));
  const col = (ws.getRow(1).values as unknown[]).findIndex((v) => v === header);
  return row.getCell(col).value;
}

/** A Stichtag as written in the example (a date cell, a year, `30.06.2026`) as the ISO date it means. */
function isoOf(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || /^\d{4}$/.test(String(value))) return `${String(value)}-12-31`;
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(String(value));
  if (!m) throw new Error(`Stichtag ${String(value)} not expected in the example`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** A number cell, or German number text (`2,5`, `1.500`), with a decimal point. */
function pointNumber(value: ExcelJS.CellValue): string {
  if (typeof value === "number") return String(value);
  return String(Number(String(value).replace(/\./g, "").replace(",", ".")));
}

describe("export", () => {
  test("writes the CSV files and a valid Tabular Data Package; every field has a type and a German title", async () => {
    const { dir, file } = await example();
    const out = path.join(dir, "offene-daten");
    const run = await runCli(["export", file, "--ziel", out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("  massnahmen.csv (20 Zeilen)\n");
    expect(fs.readdirSync(out).sort()).toEqual([...FILES].sort());
    const pkg = packageOf(out);
    const validate = packageValidator();
    expect(validate(pkg) ? [] : validate.errors).toEqual([]);
    expect(pkg).not.toHaveProperty("licenses");
    for (const resource of pkg.resources) {
      for (const field of resource.schema.fields) {
        expect(field.type).toBeTruthy();
        // German titles: umlauts where the word has them, never the field's ASCII name.
        expect(field.title).toMatch(/^[A-ZÄÖÜ]/);
      }
      const { header, rows } = await readCsv(path.join(out, resource.path));
      expect(header).toEqual(resource.schema.fields.map((f) => f.name));
      for (const row of rows) {
        for (const f of resource.schema.fields) {
          const value = row[f.name]!;
          if (value === "") continue;
          if (f.type === "date") expect(value).toMatch(ISO_DATE);
          if (f.type === "number") expect(value).toMatch(NUMBER);
          if (f.type === "year") expect(value).toMatch(/^\d{4}$/);
          if (f.type === "boolean") expect(value).toMatch(/^(true|false)$/);
        }
      }
    }
    // The validator is real: a package without resources, or a field of an unknown type, fails.
    expect(validate({ profile: "tabular-data-package", resources: [] })).toBe(false);
    const broken = structuredClone(pkg);
    broken.resources[0]!.schema.fields[0]!.type = "text";
    expect(validate(broken)).toBe(false);
    // The reference from a value's Gebiet to gebiete.csv is part of the validated schema: one without its
    // resource fails.
    const werte = pkg.resources.find((r) => r.name === "indikatorwerte")!;
    expect(werte.schema.foreignKeys).toEqual([{ fields: "gebiet", reference: { resource: "gebiete", fields: "id" } }]);
    expect(pkg.resources.find((r) => r.name === "gebiete")!.schema.primaryKey).toBe("id");
    const noResource = structuredClone(pkg);
    delete (
      noResource.resources.find((r) => r.name === "indikatorwerte")!.schema.foreignKeys![0]!.reference as {
        resource?: string;
      }
    ).resource;
    expect(validate(noResource)).toBe(false);
  });

  test("every CSV reads back to the workbook's values", async () => {
    const { dir, file } = await example((wb) => {
      // Commas, quotes and a leading = survive RFC 4180 quoting unchanged.
      setRow(sheet(wb, "Maßnahmen"), rowWhere(sheet(wb, "Maßnahmen"), "ID", "M-003"), {
        Titel: 'Sprache, Kita und "Elterncafé" =SUMME(A1)',
        "Sachkosten (EUR)": "1.500,50 €",
      });
    });
    const out = path.join(dir, "od");
    expect((await runCli(["export", file, "--ziel", out])).code).toBe(0);
    const wb = await loadWorkbook(file);
    const massnahmen = await readCsv(path.join(out, "massnahmen.csv"));
    const ws = sheet(wb, "Maßnahmen");
    expect(massnahmen.rows.map((r) => r.id)).toEqual(columnValues(ws, "ID").filter(Boolean));
    const m003 = massnahmen.rows.find((r) => r.id === "M-003")!;
    expect(m003.titel).toBe('Sprache, Kita und "Elterncafé" =SUMME(A1)');
    expect(m003.sachkosten_eur).toBe("1500.5");
    for (const r of massnahmen.rows) {
      expect(r.titel).toBe(String(cellText(ws, "Titel", r.id!)));
      const vzae = cellText(ws, "Personal (VZÄ)", r.id!);
      expect(r.personal_vzae).toBe(vzae === null ? "" : pointNumber(vzae));
      expect(r.status).toBe(String(cellText(ws, "Status", r.id!)));
    }
    // The latest Sachstand of a measure with two.
    const sachstaende = await readCsv(path.join(out, "sachstaende.csv"));
    const ss = sheet(wb, "Sachstände");
    expect(sachstaende.rows).toHaveLength(columnValues(ss, "Maßnahme").filter(Boolean).length);
    const twice = sachstaende.rows.find((r) => sachstaende.rows.filter((s) => s.massnahme === r.massnahme).length > 1)!;
    const latest = sachstaende.rows
      .filter((s) => s.massnahme === twice.massnahme)
      .sort((a, b) => a.berichtsstichtag!.localeCompare(b.berichtsstichtag!))
      .pop()!;
    const measure = massnahmen.rows.find((r) => r.id === twice.massnahme)!;
    expect([measure.sachstand_berichtsstichtag, measure.sachstand, measure.umsetzung_prozent]).toEqual([
      latest.berichtsstichtag,
      latest.sachstand,
      latest.umsetzung_prozent,
    ]);
    // Indicators and their values, long.
    const indikatoren = await readCsv(path.join(out, "indikatoren.csv"));
    expect(indikatoren.rows.map((r) => r.id)).toEqual(columnValues(sheet(wb, "Indikatoren"), "ID").filter(Boolean));
    const werte = await readCsv(path.join(out, "indikatorwerte.csv"));
    const iw = sheet(wb, "Indikatorwerte");
    expect(werte.rows).toHaveLength(columnValues(iw, "Indikator").filter(Boolean).length);
    const at = (row: ExcelJS.Row, header: string) => row.getCell(columnOf(iw, header)).value;
    iw.eachRow((row, n) => {
      if (n === 1) return;
      const r = werte.rows[n - 2]!;
      const wert = at(row, "Wert");
      expect(r.wert).toBe(wert === null ? "" : pointNumber(wert));
      expect(r.stichtag).toBe(isoOf(at(row, "Stichtag")));
      // The key of `ID – Name`; an empty Gebiet is the own area (Einstellungen „Gebiet“): the file names it.
      expect(r.gebiet).toBe(String(at(row, "Gebiet") || "99001").split(" – ")[0]);
      expect(r.gruppe).toBe(String(at(row, "Gruppe") ?? ""));
      expect(r.kennzeichen).toBe(String(at(row, "Kennzeichen") ?? ""));
    });
    // The office's withheld figure (Kennzeichen `.`): no Wert, the marker, when it was retrieved.
    expect(werte.rows.filter((r) => r.kennzeichen !== "")).toEqual([
      {
        indikator: "I-021",
        stichtag: "2023-12-31",
        gebiet: "99001005",
        gruppe: "",
        wert: "",
        kennzeichen: ".",
        quelle: "Statistisches Landesamt Beispielland",
        abgerufen_am: "2026-09-15",
      },
    ]);
    // A Basisindikator with its monitoring columns; every Gebiet a value names is in gebiete.csv.
    expect(indikatoren.rows.find((r) => r.id === "I-022")).toMatchObject({
      art: "Basisindikator",
      berechnung: "I-021 / I-020",
      ziel_id: "",
      naechste_veroeffentlichung: "",
    });
    expect(indikatoren.rows.find((r) => r.id === "I-023")).toMatchObject({
      handlungsfeld_id: "HF-03",
      naechste_veroeffentlichung: "2026-09-30",
    });
    expect(indikatoren.rows.find((r) => r.id === "I-001")).toMatchObject({ art: "Zielindikator" });
    const gebiete = await readCsv(path.join(out, "gebiete.csv"));
    expect(gebiete.rows.map((g) => g.id)).toEqual(columnValues(sheet(wb, "Gebiete"), "ID").filter(Boolean));
    expect(gebiete.rows.find((g) => g.id === "DG")).toEqual({
      id: "DG",
      gebiet: "Deutschland",
      ebene: "Bund",
      uebergeordnet: "",
      vergleich: "true",
    });
    const ids = new Set(gebiete.rows.map((g) => g.id));
    expect(werte.rows.filter((r) => !ids.has(r.gebiet!))).toEqual([]);
  });

  test("a Gemeinde's AGS keeps its leading zero; a Gebiet missing from Gebiete drops the declared reference", async () => {
    const agsRow = (wb: ExcelJS.Workbook) => {
      const gebiete = sheet(wb, "Gebiete");
      // A comparison Gemeinde of Land 01 (Schleswig-Holstein): the key as text, as the offices publish it.
      setRow(gebiete, gebiete.rowCount + 1, {
        ID: "01001000",
        Gebiet: "Flensburg, Stadt",
        Ebene: "Gemeinde",
        Vergleich: "ja",
      });
      const iw = sheet(wb, "Indikatorwerte");
      setRow(iw, iw.rowCount + 1, { Indikator: "I-020", Stichtag: "2025", Gebiet: "01001000", Wert: 92550 });
    };
    const { dir, file } = await example(agsRow);
    const out = path.join(dir, "od");
    expect((await runCli(["export", file, "--ziel", out])).code).toBe(0);
    const gebiete = await readCsv(path.join(out, "gebiete.csv"));
    expect(gebiete.rows.find((g) => g.gebiet === "Flensburg, Stadt")).toMatchObject({
      id: "01001000",
      vergleich: "true",
    });
    const werte = await readCsv(path.join(out, "indikatorwerte.csv"));
    expect(werte.rows.filter((r) => r.gebiet === "01001000").map((r) => [r.indikator, r.stichtag, r.wert])).toEqual([
      ["I-020", "2025-12-31", "92550"],
    ]);
    const pkg = packageOf(out);
    const gebiet = pkg.resources
      .find((r) => r.name === "indikatorwerte")!
      .schema.fields.find((f) => f.name === "gebiet");
    expect(gebiet).toMatchObject({ type: "string", title: "Gebiet (ID)" });
    expect(pkg.resources.find((r) => r.name === "indikatorwerte")!.schema.foreignKeys).toHaveLength(1);

    // A value of a Gebiet that Gebiete lacks (check reports it): the reference would not hold, so none is declared.
    const { dir: dir2, file: file2 } = await example((wb) => {
      const iw = sheet(wb, "Indikatorwerte");
      setRow(iw, iw.rowCount + 1, { Indikator: "I-020", Stichtag: "2025", Gebiet: "01002000", Wert: 247000 });
    });
    const out2 = path.join(dir2, "od");
    expect((await runCli(["export", file2, "--ziel", out2])).code).toBe(0);
    const pkg2 = packageOf(out2);
    expect(pkg2.resources.find((r) => r.name === "indikatorwerte")!.schema).not.toHaveProperty("foreignKeys");
    const validate = packageValidator();
    expect(validate(pkg2) ? [] : validate.errors).toEqual([]);
    expect((await readCsv(path.join(out2, "indikatorwerte.csv"))).rows.some((r) => r.gebiet === "01002000")).toBe(true);
  });

  test("a workbook without Gebiete writes no gebiete.csv and declares no reference", async () => {
    const { dir, file } = await example((wb) => wb.removeWorksheet(sheet(wb, "Gebiete").id));
    const out = path.join(dir, "od");
    expect((await runCli(["export", file, "--ziel", out])).code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(FILES.filter((f) => f !== "gebiete.csv").sort());
    const pkg = packageOf(out);
    expect(pkg.resources.map((r) => r.name)).not.toContain("gebiete");
    expect(pkg.resources.some((r) => r.schema.foreignKeys)).toBe(false);
    const validate = packageValidator();
    expect(validate(pkg) ? [] : validate.errors).toEqual([]);
  });

  test("no Ansprechperson, E-Mail or Gemeldet von in any file", async () => {
    const { dir, file } = await example();
    const out = path.join(dir, "od");
    expect((await runCli(["export", file, "--ziel", out])).code).toBe(0);
    const wb = await loadWorkbook(file);
    const personal = [
      ...columnValues(sheet(wb, "Akteure"), "Ansprechperson"),
      ...columnValues(sheet(wb, "Akteure"), "E-Mail"),
      ...columnValues(sheet(wb, "Sachstände"), "Gemeldet von"),
    ].filter(Boolean);
    expect(personal.length).toBeGreaterThan(5);
    const all = FILES.map((f) => fs.readFileSync(path.join(out, f), "utf8")).join("\n");
    for (const p of personal) expect(all).not.toContain(p);
    expect(all).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
  });

  test("bad input writes nothing: no workbook, no folder; files present are kept unless --force", async () => {
    const dir = tempDir("mnp-export-");
    const bad = path.join(dir, "kaputt.xlsx");
    fs.writeFileSync(bad, "keine Arbeitsmappe");
    const out = path.join(dir, "od");
    const run = await runCli(["export", bad, "--ziel", out]);
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);

    const { file } = await example();
    expect(await runCli(["export", file])).toMatchObject({ code: 2, err: expect.stringContaining("--ziel") });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "massnahmen.csv"), "alt");
    const again = await runCli(["export", file, "--ziel", out]);
    expect(again).toEqual({
      code: 2,
      out: "",
      err: `Im Ordner „${out}“ liegen schon „massnahmen.csv“; mit --force werden sie ersetzt, es wurde nichts geschrieben.\n`,
    });
    expect(fs.readdirSync(out)).toEqual(["massnahmen.csv"]);
    expect((await runCli(["export", file, "--ziel", out, "--force"])).code).toBe(0);
    expect(fs.readFileSync(path.join(out, "massnahmen.csv"), "utf8")).toMatch(/^id,handlungsfeld_id,/);
  });
});
