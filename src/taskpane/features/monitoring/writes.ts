/**
 * The Monitoring view's writes through the host interface: one Sachstand row (Maßnahme + Berichtsstichtag)
 * or one Indikatorwert row (Indikator + Stichtag), updated when it exists, else appended. A workbook made
 * before these sheets existed gets the sheet first.
 */
import { type CellValue, type IsoDate, dateFromIso } from "../../../domain/dates";
import type { WorkbookHost } from "../../../workbook/host";
import type { ReadConcept } from "../../../workbook/read";
import { ensureLongTable } from "../../services/longTables";

const asDate = dateFromIso;

export interface SachstandInput {
  massnahme: string;
  berichtsstichtag: IsoDate;
  status: string;
  umsetzung: number | null;
  ampel: string;
  sachstand: string;
  naechsteSchritte: string;
  hindernisse: string;
}

export async function writeSachstand(host: WorkbookHost, concept: ReadConcept, input: SachstandInput, today: IsoDate) {
  await ensureLongTable(host, concept, "sachstaende");
  const values: Record<string, CellValue> = {
    ...input,
    berichtsstichtag: asDate(input.berichtsstichtag),
    gemeldetAm: asDate(today),
  };
  await host.writeRows([
    { kind: "sachstaende", id: input.massnahme, key: { subject: "massnahme", date: "berichtsstichtag" }, values },
  ]);
}

export async function writeIndikatorwert(
  host: WorkbookHost,
  concept: ReadConcept,
  input: { indikator: string; stichtag: IsoDate; wert: number },
) {
  await ensureLongTable(host, concept, "indikatorwerte");
  await host.writeRows([
    {
      kind: "indikatorwerte",
      id: input.indikator,
      key: { subject: "indikator", date: "stichtag" },
      values: { indikator: input.indikator, stichtag: asDate(input.stichtag), wert: input.wert },
    },
  ]);
}
