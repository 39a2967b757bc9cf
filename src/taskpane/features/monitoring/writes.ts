/**
 * The Monitoring view's writes through the host interface: one Sachstand row (Maßnahme + Berichtsstichtag)
 * or one Indikatorwert row (Indikator + Stichtag), updated when it exists, else appended; the measure or
 * indicator named in the one form of a reference (`ID – Name`). A Sachstand can set the measure's Status in
 * the same batch, so that the two never disagree. A workbook made before these sheets existed gets the
 * sheet first.
 */
import { type CellValue, type IsoDate, dateFromIso } from "../../../domain/dates";
import { GebietIndex, readGebiete } from "../../../domain/gebiete";
import { readSettings } from "../../../domain/settings";
import type { RowWrite, WorkbookHost } from "../../../workbook/host";
import type { ReadConcept } from "../../../workbook/read";
import { referenceNames, rowsOfConcept, uniformRow } from "../../../workbook/references";
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
  /** Who reported (remembered in the pane); empty: not known. */
  gemeldetVon: string;
}

export async function writeSachstand(
  host: WorkbookHost,
  concept: ReadConcept,
  input: SachstandInput,
  today: IsoDate,
  /** Also set the measure's Status to the reported one. */
  setStatus = false,
): Promise<void> {
  await ensureLongTable(host, concept, "sachstaende");
  const names = referenceNames(rowsOfConcept(concept));
  const values: Record<string, CellValue> = uniformRow(
    "sachstaende",
    {
      ...input,
      gemeldetVon: input.gemeldetVon || null,
      berichtsstichtag: asDate(input.berichtsstichtag),
      gemeldetAm: asDate(today),
    },
    names,
  );
  const writes: RowWrite[] = [
    { kind: "sachstaende", id: input.massnahme, key: { subject: "massnahme", date: "berichtsstichtag" }, values },
  ];
  if (setStatus) writes.push({ kind: "massnahmen", id: input.massnahme, values: { status: input.status } });
  await host.writeRows(writes);
}

export async function writeIndikatorwert(
  host: WorkbookHost,
  concept: ReadConcept,
  input: { indikator: string; stichtag: IsoDate; wert: number },
) {
  await ensureLongTable(host, concept, "indikatorwerte");
  const names = referenceNames(rowsOfConcept(concept));
  const values = { indikator: input.indikator, stichtag: asDate(input.stichtag), wert: input.wert };
  // The own area's total: the row without Gebiet or with the own area's key (Einstellungen „Gebiet“).
  const own = new GebietIndex(readGebiete(concept.gebiete), readSettings(concept).settings.gebiet).own;
  await host.writeRows([
    {
      kind: "indikatorwerte",
      id: input.indikator,
      key: { subject: "indikator", date: "stichtag", own },
      values: uniformRow("indikatorwerte", values, names),
    },
  ]);
}
