/**
 * „Werte übernehmen“ in the pane: the same reading and planning as `werte` on the command line
 * (src/xlsx/werte.ts, src/workbook/werte), first as a preview — what will be taken per indicator and
 * Gebiet, what is there already, what conflicts, what not and why — and only then written through the host,
 * so Excel and the browser mode do the same.
 */
import type { IsoDate } from "../../domain/dates";
import { MonitoringData } from "../../domain/monitoringData";
import { readSettings } from "../../domain/settings";
import { tableSpec } from "../../workbook/contract";
import type { RowWrite, WorkbookHost } from "../../workbook/host";
import { type ReadConcept, readConcept } from "../../workbook/read";
import {
  type WerteFile,
  type WertePlan,
  type Zuordnung,
  changesData,
  planWerte,
  planWerteuebernahmeSheet,
} from "../../workbook/werte";
import { readWerteFile, unknownIndicators } from "../../xlsx/werte";
import { ensureTable } from "./longTables";

export interface WerteChoice {
  zuordnung: Zuordnung;
  alleGebiete: boolean;
  aktualisieren: boolean;
}

export interface WertePreview {
  plan: WertePlan;
  files: string[];
  /** Whether writing changes anything (else the workbook has every value already). */
  changes: boolean;
  /** Columns Indikatorwerte lacks for these values (an older workbook): the pane cannot add them. */
  missingColumns: string[];
  /** The own area (Einstellungen `Gebiet`), '' when not set. */
  own: string;
}

const DIMENSIONS = ["gebiet", "gruppe", "kennzeichen", "abgerufenAm"] as const;

/** Reads and plans; a file that is no statistics table, or an unknown indicator, throws one German sentence. */
export async function previewWerte(
  host: WorkbookHost,
  files: { name: string; data: ArrayBuffer }[],
  choice: WerteChoice,
  today: IsoDate,
): Promise<WertePreview> {
  const concept = readConcept(await host.snapshot());
  const unknown = unknownIndicators(choice.zuordnung, concept);
  if (unknown.length > 0)
    throw new Error(`Den Indikator „${unknown.join("“, „")}“ gibt es im Blatt „Indikatoren“ nicht.`);
  const data = new MonitoringData(concept);
  const added: Parameters<typeof readWerteFile>[4] = [];
  const read: WerteFile[] = [];
  for (const f of files) {
    read.push(await readWerteFile(new Uint8Array(f.data), f.name, data, { ...choice, heute: today }, added));
  }
  const plan = planWerte(concept, data, read, { aktualisieren: choice.aktualisieren });
  const table = concept.found.indikatorwerte;
  const missingColumns = table
    ? DIMENSIONS.filter((f) => table.columnIndex[f] === undefined).map(
        (f) => tableSpec("indikatorwerte").columns.find((c) => c.field === f)!.header,
      )
    : [];
  return { plan, files: files.map((f) => f.name), changes: changesData(plan), missingColumns, own: data.gebiete.own };
}

/** Writes a preview's plan: new Gebiete, new and replaced values by their key, and the sheet Werteübernahme. */
export async function applyWerte(host: WorkbookHost, preview: WertePreview, today: IsoDate): Promise<void> {
  let concept: ReadConcept = readConcept(await host.snapshot());
  const { plan } = preview;
  if (plan.gebiete.length > 0) {
    await ensureTable(host, concept, "gebiete");
    await host.writeRows(plan.gebiete.map((g) => ({ kind: "gebiete", id: String(g["id"]), values: g })));
    concept = readConcept(await host.snapshot());
  }
  await ensureTable(host, concept, "indikatorwerte");
  const key = { subject: "indikator", date: "stichtag", own: preview.own };
  const writes: RowWrite[] = [
    ...plan.updates.map((u) => ({
      kind: "indikatorwerte" as const,
      id: String(u.key["indikator"]),
      key,
      values: { ...u.key, ...u.values },
    })),
    ...plan.additions.map((a) => ({ kind: "indikatorwerte" as const, id: String(a["indikator"]), key, values: a })),
  ];
  await host.writeRows(writes);
  const { settings } = readSettings(concept);
  await host.applySheetPlan(
    planWerteuebernahmeSheet(plan, {
      dateien: preview.files,
      stand: today,
      kommune: settings.kommune,
      konzepttitel: settings.konzepttitel,
    }),
  );
}
