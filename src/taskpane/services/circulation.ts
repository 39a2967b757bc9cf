/**
 * Verteilen und Zusammenführen im Aufgabenbereich, über jeden `WorkbookHost`: die Dateien je Fachbereich und
 * je Akteur ohne Fachbereich aus der offenen Arbeitsmappe (im Browser das Modell, in Excel die Bytes der
 * Datei), alle zusammen als ein ZIP-Archiv, „Rücklauf bis“ in den Einstellungen, und das
 * Zusammenführen der Rückläufe, erst als Vorschau (nichts geschrieben), dann mit den Entscheidungen der
 * Koordinierungsstelle über `writeRows` und `applySheetPlan`.
 */
import { type Zippable, zipSync } from "fflate";
import { type CellValue, type IsoDate, dateFromIso, formatGermanDate } from "../../domain/dates";
import {
  type MergeAction,
  type MergeOutcome,
  type ReturnInput,
  type RowValues,
  mergeReturns,
} from "../../domain/merge";
import { mergeNote } from "../../domain/mergeNotes";
import { statusFromReports } from "../../domain/statusQuery";
import { SETTING_KEYS } from "../../domain/settings";
import { idKey, normalizeLabel } from "../../domain/values";
import {
  LONG_TABLES,
  type LongKind,
  type ReturnReports,
  mergeFields,
  mergeReports,
  tableRows,
} from "../../workbook/circulation";
import { CONFLICT_SHEET } from "../../workbook/sheets/konflikte";
import { MEMORY_SHEET } from "../../workbook/sheets/ruecklaufprotokoll";
import { MERGE_LOG_SHEET } from "../../workbook/sheets/zusammenfuehrung";
import { EINSTELLUNGEN, MASSNAHMEN } from "../../workbook/contract";
import { akteurRefs } from "../../workbook/distribution";
import { safeFileName } from "../../workbook/split";
import { draftEml, draftFileName, draftNotes } from "../../workbook/splitMail";
import { contractLayouts, layoutsOf, planTableSheet } from "../../workbook/plan";
import type { RowWrite, WorkbookHost } from "../../workbook/host";
import { type ReadConcept, UnreadableWorkbookError, readConcept } from "../../workbook/read";
import { referenceFormer } from "../../workbook/references";
import { BrowserHost } from "../../xlsx/browserHost";
import { type SplitFile, type SplitResult, readReturnWithReports, splitWorkbook } from "../../xlsx/circulation";
import type { XlsxDocument } from "../../xlsx/document";
import { ensureLongTable } from "./longTables";

export type { SplitFile, SplitResult };
export { draftNotes };

/** The open workbook as a fresh document of its file, whatever the host (the split never changes it). */
async function openWorkbook(host: WorkbookHost): Promise<{ workbook: XlsxDocument; name: string }> {
  const file = await host.file();
  return { workbook: (await BrowserHost.open(file.data, file.name)).document, name: file.name };
}

/**
 * One workbook per Fachbereich and per Akteur without Fachbereich (nothing is written to the open workbook);
 * `ruecklaufBis` is the date the files name (see `writeRuecklaufBis`).
 */
export async function splitOpenWorkbook(
  host: WorkbookHost,
  today: IsoDate,
  options: { sachstand?: IsoDate; ruecklaufBis?: IsoDate } = {},
): Promise<SplitResult> {
  const { workbook, name } = await openWorkbook(host);
  return splitWorkbook(workbook, { masterFile: name || "Maßnahmenplan.xlsx", date: today, ...options });
}

export async function splitFileBytes(file: SplitFile): Promise<ArrayBuffer> {
  const bytes = file.workbook.toBytes();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Every file of a distribution in one ZIP archive (stored, not compressed again: an .xlsx is a zip already),
 * named `<Master> – Verteilung 22.11.2026.zip` or `<Master> – Sachstandsabfrage 31.12.2026.zip`. Names in
 * the archive are UTF-8 (flag 11), as Windows Explorer and macOS read them. With `drafts`, beside each file
 * its mail draft (`<file>.eml`, as `split --mail` writes it) carrying the very bytes of the file.
 */
export function splitArchive(
  result: SplitResult,
  today: IsoDate,
  options: { drafts?: boolean } = {},
): { data: ArrayBuffer; fileName: string } {
  const entries: Zippable = {};
  for (const f of result.files) {
    const bytes = f.workbook.toBytes();
    entries[f.fileName] = [bytes, { level: 0 }];
    if (options.drafts) {
      const eml = draftEml(f.mail, f.fileName, bytes, new Date());
      entries[draftFileName(f.fileName)] = [new TextEncoder().encode(eml), { level: 6 }];
    }
  }
  const zip = zipSync(entries);
  const label = result.label || `Verteilung ${formatGermanDate(today)}`;
  return {
    data: zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer,
    fileName: `${safeFileName(result.masterStem)} – ${label}.zip`,
  };
}

/**
 * Writes the Einstellung „Rücklauf bis“ (null: empties it) through the host, so the workbook keeps the date the
 * files name. A workbook without the Einstellungen table gets it, with this one row.
 */
export async function writeRuecklaufBis(host: WorkbookHost, concept: ReadConcept, date: IsoDate | null) {
  const wert = date ? dateFromIso(date) : null;
  const row = (concept.einstellungen?.rows ?? []).find(
    (r) => normalizeLabel(String(r.values.schluessel ?? "")) === normalizeLabel(SETTING_KEYS.ruecklaufBis),
  );
  const schluessel = row ? String(row.values.schluessel) : SETTING_KEYS.ruecklaufBis;
  if (!concept.found.einstellungen) {
    const content = { spec: EINSTELLUNGEN, rows: [{ schluessel, wert }] };
    await host.createSheetsIfMissing([
      planTableSheet(content, { ...layoutsOf(concept.found), ...contractLayouts([content]) }),
    ]);
    return;
  }
  await host.writeRows([
    { kind: "einstellungen", id: schluessel, key: { name: "schluessel" }, values: { schluessel, wert } },
  ]);
}

export interface PickedFile {
  name: string;
  data: ArrayBuffer;
}

/** A decision the coordinator can make: keep the master's value or take the return's. */
export interface Choice {
  /** Index into `outcome.actions`. */
  index: number;
  action: MergeAction;
  /** The master row and field key the return's value would go into. */
  masterId: string;
  field: string;
  value: CellValue;
}

export interface MergePreview {
  inputs: ReturnInput[];
  /** The returns' Sachstände and Indikatorwerte (status query). */
  reports: ReturnReports[];
  /** Rows the status query appends to Sachstände and Indikatorwerte. */
  appended: Record<LongKind, RowValues[]>;
  outcome: MergeOutcome;
  choices: Choice[];
  /** Returns distributed from another master file (merged all the same). */
  otherMaster: { file: string; masterFile: string }[];
  /** Why the pane cannot write this merge (values in the user's own columns); null when it can. */
  blocked: string | null;
}

export type ReadReturnsResult =
  { ok: true; inputs: ReturnInput[]; reports: ReturnReports[] } | { ok: false; problems: string[] };

/**
 * An Erfassungsbogen (`split --angebote`) carries Angebote besides the measures; the pane merges measures
 * only, so such a return is refused whole before anything is written rather than losing its Angebote.
 */
export function angeboteRefusal(file: string): string {
  return `Die Datei „${file}“ enthält Angebote (Erfassungsbogen); bitte mit „massnahmenplaner merge“ zusammenführen, damit keine Angebote verloren gehen.`;
}

/** Reads every picked file; one German sentence for each file that cannot be merged. */
export async function readReturns(files: PickedFile[]): Promise<ReadReturnsResult> {
  const inputs: ReturnInput[] = [];
  const reports: ReturnReports[] = [];
  const problems: string[] = [];
  for (const f of files) {
    try {
      const opened = await BrowserHost.open(f.data, f.name);
      const read = await readReturnWithReports({ file: f.name, workbook: opened.document });
      if (read.angebote) {
        problems.push(angeboteRefusal(f.name));
        continue;
      }
      inputs.push(read.input);
      reports.push(read.reports);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : String(error);
      problems.push(
        /[.!?]$/.test(message) ? message : `Die Datei „${f.name}“ lässt sich nicht zusammenführen: ${message}.`,
      );
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, inputs, reports };
}

const CHOOSABLE = new Set<MergeAction["kind"]>(["conflict", "twoWay"]);

/** Merges the returns against the workbook as it is now; writes nothing. */
export async function previewMerge(
  host: WorkbookHost,
  given: ReturnInput[],
  fileName: string,
  reports: ReturnReports[] = [],
): Promise<MergePreview> {
  // A Status reported in a Sachstand reaches the measure through the three-way merge like any other field.
  const inputs = given.map((input) => {
    const sachstaende = reports.find((r) => r.file === input.file)?.rows.sachstaende ?? [];
    return input.base
      ? { ...input, rows: statusFromReports(input.rows, input.base.rows, sachstaende, "massnahme") }
      : input;
  });
  const source = await host.snapshot();
  let concept;
  try {
    concept = readConcept(source);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw new Error(`Die offene Arbeitsmappe ${error.message}.`);
    throw error;
  }
  const table = concept.found.massnahmen!;
  if (table.columnIndex["id" as never] === undefined) {
    throw new Error(
      `Im Blatt „${table.sheet}“ fehlt die Spalte „ID“; ohne IDs lassen sich Maßnahmen nicht zusammenführen.`,
    );
  }
  const outcome = mergeReturns({ fields: mergeFields(table), rows: tableRows(table, source) }, inputs, {
    idField: "id",
    idPrefix: MASSNAHMEN.idPrefix!,
    idDigits: MASSNAHMEN.idDigits!,
    ownerField: "federfuehrung",
    akteure: akteurRefs(concept),
    memory: MEMORY_SHEET.read(source),
    formValue: referenceFormer(concept, "massnahmen"),
  });
  const round = mergeReports(concept, reports);
  outcome.actions.push(...round.sachstaende.actions, ...round.indikatorwerte.actions);
  outcome.conflicts = outcome.actions.filter((a) => a.notApplied).length;
  const appended = { sachstaende: round.sachstaende.additions, indikatorwerte: round.indikatorwerte.additions };
  const choices: Choice[] = [];
  outcome.actions.forEach((action, index) => {
    if (!CHOOSABLE.has(action.kind) || !action.masterId || !action.field) return;
    const input = inputs.find((i) => i.file === action.file);
    const field = input?.fields.find((f) => f.label === action.field);
    const row = input?.rows.find((r) => idKey(r.id) === idKey(action.id));
    if (!input || !field || !row) return;
    choices.push({ index, action, masterId: action.masterId, field: field.key, value: row.values[field.key] ?? null });
  });
  const name = normalizeLabel(fileName.replace(/^.*[\\/]/, ""));
  const otherMaster = inputs.flatMap((r) =>
    r.base?.masterFile && normalizeLabel(r.base.masterFile) !== name && !/^diese arbeitsmappe$/i.test(fileName)
      ? [{ file: r.file, masterFile: r.base.masterFile }]
      : [],
  );
  const extras = extraColumns([...outcome.updates, ...outcome.additions], inputs);
  return {
    inputs: given,
    reports,
    appended,
    outcome,
    choices,
    otherMaster,
    blocked: extras.length > 0 ? extraMessage(extras) : null,
  };
}

const EXTRA = "extra:";

/**
 * Headers of the user's own columns that a write would fill. The host writes contract columns only, so the
 * pane refuses such a merge rather than lose the values; the command line writes them.
 */
function extraColumns(writes: { values: Record<string, CellValue> }[], inputs: ReturnInput[]): string[] {
  const labels = new Map<string, string>();
  for (const i of inputs) for (const f of i.fields) if (f.key.startsWith(EXTRA)) labels.set(f.key, f.label);
  const out = new Set<string>();
  for (const w of writes) {
    for (const [key, v] of Object.entries(w.values)) {
      if (key.startsWith(EXTRA) && v !== null && v !== undefined && v !== "")
        out.add(labels.get(key) ?? key.slice(EXTRA.length));
    }
  }
  return [...out];
}

function extraMessage(headers: string[]): string {
  return `Der Rücklauf enthält Werte in eigenen Spalten (${headers.map((h) => `„${h}“`).join(", ")}), die der Aufgabenbereich nicht schreiben kann; bitte diese Rückläufe mit der Kommandozeile zusammenführen (merge). Es wurde nichts geschrieben.`;
}

/** A short signature of what a merge would do, to notice a workbook changed since the preview. */
function signature(outcome: MergeOutcome): string {
  return JSON.stringify(
    outcome.actions.map((a) => [a.file, a.kind, a.id, a.masterId, a.field, a.masterValue, a.returnValue]),
  );
}

export interface MergeWritten {
  outcome: MergeOutcome;
  /** Return values taken instead of the master's, by the coordinator's choice. */
  taken: number;
}

/**
 * Writes the merge: the updates and new rows, the return values the coordinator chose (`take`: action
 * indices), then the sheets `Konflikte`, `Zusammenführung` and the merge memory. Merges again first and
 * refuses when the workbook has changed since the preview.
 */
export async function writeMerge(
  host: WorkbookHost,
  preview: MergePreview,
  take: ReadonlySet<number>,
  fileName: string,
): Promise<MergeWritten> {
  const again = await previewMerge(host, preview.inputs, fileName, preview.reports);
  if (signature(again.outcome) !== signature(preview.outcome)) {
    throw new Error(
      "Die Arbeitsmappe hat sich seit dem Einlesen der Rückläufe geändert; bitte die Rückläufe erneut einlesen und die Konflikte noch einmal ansehen. Es wurde nichts geschrieben.",
    );
  }
  const outcome: MergeOutcome = {
    ...again.outcome,
    actions: [...again.outcome.actions],
    memory: again.outcome.memory.map((m) => ({ ...m, values: { ...m.values } })),
  };
  const byId = new Map<string, RowWrite>();
  const write = (id: string, values: Record<string, CellValue>) => {
    const w = byId.get(idKey(id)) ?? { kind: "massnahmen" as const, id, values: {} };
    Object.assign(w.values, values);
    byId.set(idKey(id), w);
  };
  for (const u of outcome.updates) write(u.id, u.values);
  let taken = 0;
  for (const c of again.choices) {
    if (!take.has(c.index)) continue;
    taken++;
    write(c.masterId, { [c.field]: c.value });
    outcome.actions[c.index] = {
      ...c.action,
      kind: "applied",
      notApplied: false,
      ...mergeNote("IM_AUFGABENBEREICH_UEBERNOMMEN", {}),
    };
    // The memory notes the value as taken, so the next merge of this return sees nothing new.
    const token = preview.inputs.find((i) => i.file === c.action.file)?.base?.token;
    const entry = token
      ? outcome.memory.find((m) => m.token === token && m.returnKey === idKey(c.action.id))
      : undefined;
    if (entry) entry.values[c.field] = c.value;
  }
  const additions = outcome.additions.map((a) => ({ kind: "massnahmen" as const, id: a.id, values: a.values }));
  const writes = [...byId.values(), ...additions];
  const extras = extraColumns(writes, again.inputs);
  if (extras.length > 0) throw new Error(extraMessage(extras));
  outcome.conflicts = outcome.actions.filter((a) => a.notApplied).length;
  if (writes.length > 0) await host.writeRows(writes);
  await appendReportRows(host, again.appended);
  await host.applySheetPlan(CONFLICT_SHEET.plan(outcome));
  await host.applySheetPlan(MERGE_LOG_SHEET.plan(outcome));
  await host.applySheetPlan(MEMORY_SHEET.plan(outcome.memory));
  return { outcome, taken };
}

/** The status query's rows: appended by key (Maßnahme + Berichtsstichtag, Indikator + Stichtag). */
async function appendReportRows(host: WorkbookHost, appended: Record<LongKind, RowValues[]>): Promise<void> {
  const concept = readConcept(await host.snapshot());
  const writes: RowWrite[] = [];
  for (const kind of ["sachstaende", "indikatorwerte"] as const) {
    const rows = appended[kind];
    if (rows.length === 0) continue;
    await ensureLongTable(host, concept, kind);
    const { subjectField: subject, dateField: date } = LONG_TABLES[kind];
    for (const values of rows) writes.push({ kind, id: String(values[subject] ?? ""), key: { subject, date }, values });
  }
  if (writes.length > 0) await host.writeRows(writes);
}
