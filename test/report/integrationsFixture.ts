/**
 * A workbook with an Integrationsmonitoring for the Integrationsbericht's tests (and the README's picture),
 * written by the program's own writer: seven years (2018–2024) of three Basisindikatoren — Bevölkerung,
 * Ausländer/-innen and the Ausländeranteil computed from them — for a Kreis, two Gemeinden, Land and Bund, by
 * Gruppe (one Gemeinde's weiblich, five Gruppen of the Kreis in 2024), with the markers `.`, `p` and `r`, and
 * a Zielindikator with a value. k = year − 2018 in the formulas below.
 */
import * as path from "node:path";
import type { CellValue } from "../../src/domain/dates";
import type { EntityKind } from "../../src/domain/model";
import { planNewWorkbook } from "../../src/workbook/plan";
import { XlsxDocument } from "../../src/xlsx/document";
import { saveWorkbookAtomically } from "../../src/xlsx/file";
import { withMonitoring } from "../helpers/monitoring";

type Rows = Record<string, Record<string, CellValue>[]>;

/** The rows of the workbook (see the file comment). */
export function rows(): Rows {
  const r = withMonitoring() as Rows;
  r.indikatoren!.find((i) => i["id"] === "I-020")!["definition"] = "Einwohnerinnen und Einwohner mit Hauptwohnsitz.";
  r.indikatoren!.find((i) => i["id"] === "I-020")!["naechsteVeroeffentlichung"] = "30.09.2025";
  const date = (y: number) => new Date(Date.UTC(y, 11, 31));
  const v = (indikator: string, y: number, gebiet: string, wert: number | null, extra: Rows[string][number] = {}) => ({
    indikator,
    stichtag: date(y),
    gebiet,
    wert,
    quelle: "GENESIS 12411-01-01-4",
    abgerufenAm: new Date(Date.UTC(2025, 2, 1)),
    ...extra,
  });
  const marked = (kennzeichen: string, wert: number | null = null) => ({ kennzeichen, wert });
  r.indikatorwerte = [];
  for (let y = 2018; y <= 2024; y++) {
    const k = y - 2018;
    r.indikatorwerte.push(
      v("I-020", y, k % 2 ? "" : "09999", 100_000 + 500 * k),
      v("I-021", y, "09999", 9_000 + 300 * k),
      v("I-020", y, "09999001", 40_000 + 100 * k),
      v("I-021", y, "09999001", 4_000 + 100 * k),
      v("I-020", y, "09999002", 2_000 - 10 * k),
      v("I-021", y, "09999002", 150 + 5 * k, y === 2020 ? marked(".") : y === 2024 ? marked("p", 180) : {}),
      v("I-020", y, "09", 13_000_000 + 50_000 * k),
      v("I-021", y, "09", 1_500_000 + 60_000 * k),
      v("I-020", y, "DG", 83_000_000 + 100_000 * k),
      v("I-021", y, "DG", 10_000_000 + 400_000 * k, y === 2024 ? marked("r", 12_400_000) : {}),
      v("I-020", y, "09999001", 20_000 + 50 * k, { gruppe: "weiblich" }),
      v("I-021", y, "09999001", 1_900 + 50 * k, { gruppe: "weiblich" }),
      v("I-021", y, "09999", 4_500 + 150 * k, { gruppe: "weiblich" }),
    );
  }
  const kreis2024: [string, number][] = [
    ["weiblich", 52_500],
    ["männlich", 50_500],
    ["unter 18 Jahre", 17_000],
    ["18 bis unter 65 Jahre", 63_000],
    ["65 Jahre und älter", 23_000],
  ];
  for (const [gruppe, wert] of kreis2024) r.indikatorwerte.push(v("I-020", 2024, "09999", wert, { gruppe }));
  r.indikatorwerte.push({ indikator: "I-002", stichtag: date(2024), wert: 5_100 });
  return r;
}

/** The workbook `monitoring.xlsx` in `dir`. */
export async function workbook(dir: string): Promise<string> {
  const file = path.join(dir, "monitoring.xlsx");
  const doc = XlsxDocument.create(file);
  doc.applyWorkbookPlan(planNewWorkbook(rows() as Partial<Record<EntityKind, Record<string, CellValue>[]>>));
  await saveWorkbookAtomically(doc, file);
  return file;
}
