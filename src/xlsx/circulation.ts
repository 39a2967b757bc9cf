/**
 * `split` and `merge` on .xlsx documents, without touching the file system: the command line opens and
 * saves the files, the browser mode offers them as downloads.
 */
import { type IsoDate, localIsoDate } from "../domain/dates";
import {
  type FileSummary,
  type MemoryEntry,
  type MergeOutcome,
  type MergeRow,
  type ReturnInput,
  type RowValues,
  mergeReturns,
} from "../domain/merge";
import { statusFromReports } from "../domain/statusQuery";
import { readSettings } from "../domain/settings";
import { idKey } from "../domain/values";
import type { EntityKind } from "../domain/model";
import { type Recipient, recipientRef } from "../domain/recipients";
import {
  extraKey,
  mergeFields,
  mergeReports,
  type ReturnReports,
  returnReports,
  tableRows,
} from "../workbook/circulation";
import { CONFLICT_SHEET } from "../workbook/sheets/konflikte";
import { MEMORY_SHEET } from "../workbook/sheets/ruecklaufprotokoll";
import { ANGEBOTE_BASE_SHEET, ANGEBOTE_TOKEN_SUFFIX, BASE_SHEET } from "../workbook/sheets/verteilung";
import { MERGE_LOG_SHEET } from "../workbook/sheets/zusammenfuehrung";
import { type RowNote, akteurRefs } from "../workbook/distribution";
import {
  distributionLabel,
  planSplitWorkbook,
  splitBlockers,
  splitHints,
  splitDistribution,
  splitFileNames,
} from "../workbook/split";
import { type SplitMail, splitMail } from "../workbook/splitMail";
import { ANGEBOTE, MASSNAHMEN, tableSpec } from "../workbook/contract";
import { contractLayouts, layoutsOf, planTableSheet } from "../workbook/plan";
import {
  type FoundTable,
  type ReadConcept,
  UnreadableWorkbookError,
  type WorkbookSource,
  readConcept,
} from "../workbook/read";
import { referenceFormer } from "../workbook/references";
import { XlsxDocument } from "./document";
import type { CellWrite } from "./package";
import { xlsxError } from "./messages";

export interface SplitFile {
  /** The Fachbereich, or the Akteur without Fachbereich, the file is for. */
  recipient: Recipient;
  /** A safe file name carrying the recipient (and the kind of distribution: Sachstandsabfrage …). */
  fileName: string;
  measures: number;
  /** Angebote sent to complete (`angebote`), else undefined. */
  angebote?: number;
  workbook: XlsxDocument;
  /** The mail draft to its recipient (`--mail`), before the workbook is attached. */
  mail: SplitMail;
}

/** The files of a distribution and what it says before any of them is written. */
export interface SplitResult {
  files: SplitFile[];
  /** Rows that go to nobody (no lead, or a lead that names no Akteur): not sent. */
  unassigned: RowNote[];
  /** Leads written as a Bezeichnung, sent to the Akteur `check` suggests. */
  byName: RowNote[];
  /** Measures `verworfen`: not sent. */
  rejected: RowNote[];
  /** `Sachstandsabfrage 31.12.2026`, `Erfassungsbogen Angebote`; "" for a plain distribution. */
  label: string;
  /** The master's file name without folder and `.xlsx`: the files' names begin with it. */
  masterStem: string;
}

export interface SplitOptions {
  masterFile: string;
  date: IsoDate;
  token?: string;
  sachstand?: IsoDate;
  angebote?: boolean;
  /** The Rücklauf bis the files name (the pane sets it as it writes it into the Einstellungen). */
  ruecklaufBis?: IsoDate;
}

function massnahmenOf(concept: ReadConcept, file: string): FoundTable {
  const table = concept.found.massnahmen!;
  if (table.columnIndex["id" as never] === undefined) {
    throw xlsxError("KEINE_ID_SPALTE", { datei: file, blatt: table.sheet, zweck: "zusammenfuehren" });
  }
  return table;
}

/**
 * One workbook per recipient with its measures (see docs/befehle.md, `split`): per Fachbereich, and per Akteur
 * without Fachbereich. Nothing is written here; the caller lists `unassigned` before it saves any file.
 */
export async function splitWorkbook(master: XlsxDocument, options: SplitOptions): Promise<SplitResult> {
  const source = await master.source();
  const concept = readConcept(source);
  massnahmenOf(concept, options.masterFile);
  const { withoutId, duplicates } = splitBlockers(concept, source);
  if (withoutId.length > 0) {
    throw xlsxError("MASSNAHMEN_OHNE_ID", { datei: options.masterFile, zeilen: withoutId });
  }
  if (duplicates.length > 0) {
    throw xlsxError("MASSNAHMEN_ID_DOPPELT", { datei: options.masterFile, ids: duplicates });
  }
  if (options.angebote) angeboteBlockers(concept, source, options.masterFile);
  const distribution = splitDistribution(concept, source, {
    angebote: options.angebote,
    sachstand: options.sachstand !== undefined,
  });
  const { groups } = distribution;
  if (groups.length === 0)
    throw xlsxError("NICHTS_ZU_VERTEILEN", { datei: options.masterFile, erste: distribution.unassigned[0] ?? null });
  const settings = { ...readSettings(concept).settings };
  if (options.ruecklaufBis) settings.ruecklaufBis = options.ruecklaufBis;
  const stem = options.masterFile.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
  const label = distributionLabel(options);
  const names = splitFileNames(
    stem,
    groups.map((g) => g.recipient.name),
    label,
  );
  const token = options.token ?? randomToken();
  const files: SplitFile[] = groups.map((group, i) => {
    const workbook = XlsxDocument.create(names[i]!);
    const meta = {
      token: `${token}/${i + 1}`,
      ...recipientRef(group.recipient),
      masterFile: options.masterFile.replace(/^.*[\\/]/, ""),
      date: options.date,
    };
    const input = { concept, source, settings, group, meta, sachstand: options.sachstand };
    // The first sheet (Hinweise) is the one the file opens on.
    workbook.applyWorkbookPlan(planSplitWorkbook(input));
    // A file made from the master carries its filing stamp; the master's other sheets stay with the master.
    workbook.pkg.copyCustomProperties(master.pkg);
    return {
      recipient: group.recipient,
      fileName: names[i]!,
      measures: group.rows.length,
      ...(group.angebote ? { angebote: group.angebote.length } : {}),
      workbook,
      mail: splitMail(concept, splitHints(input), names[i]!),
    };
  });
  const { unassigned, byName, rejected } = distribution;
  return { files, unassigned, byName, rejected, label, masterStem: stem };
}

/** Why a distribution has no file at all: no measures, or none that names a known Akteur. */
/** Angebote that could not be merged back by ID stop the Erfassungsbogen before anything is written. */
function angeboteBlockers(concept: ReadConcept, source: WorkbookSource, masterFile: string): void {
  const { withoutId, duplicates } = splitBlockers(concept, source, "angebote");
  const sheet = concept.found.angebote?.sheet ?? ANGEBOTE.sheet;
  if (withoutId.length > 0) throw xlsxError("ANGEBOTE_OHNE_ID", { datei: masterFile, blatt: sheet, zeilen: withoutId });
  if (duplicates.length > 0) throw xlsxError("ANGEBOTE_ID_DOPPELT", { datei: masterFile, ids: duplicates });
}

function randomToken(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export interface ReturnWorkbook {
  /** The name shown in reports (the file name). */
  file: string;
  workbook: XlsxDocument;
}

/** Reads a returned workbook; throws a UserError naming the file when it cannot be merged. */
export async function readReturn(ret: ReturnWorkbook): Promise<ReturnInput> {
  return (await readReturnWithReports(ret)).input;
}

/** A return's measures and its status query rows (Sachstände, Indikatorwerte), read once. */
export async function readReturnWithReports({ file, workbook }: ReturnWorkbook): Promise<{
  input: ReturnInput;
  reports: ReturnReports;
  /** The Erfassungsbogen's Angebote, when the return is one (it carries their base values). */
  angebote: ReturnInput | null;
}> {
  const source = await workbook.source();
  let concept: ReadConcept;
  try {
    concept = readConcept(source);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw xlsxError("RUECKLAUF_UNLESBAR", { datei: file, aussage: error.message });
    throw error;
  }
  const table = massnahmenOf(concept, file);
  const base = BASE_SHEET.read(source);
  const input = {
    file,
    fields: mergeFields(table),
    rows: tableRows(table, source).map(({ id, values }) => ({ id, values })),
    base,
  };
  return { input, reports: returnReports(file, concept, base), angebote: angeboteReturn(file, concept, source) };
}

/** The Angebote of an Erfassungsbogen; null for a return without Angebote base values. */
function angeboteReturn(file: string, concept: ReadConcept, source: WorkbookSource): ReturnInput | null {
  const base = ANGEBOTE_BASE_SHEET.read(source);
  if (!base) return null;
  const table = concept.found.angebote;
  if (!table) throw xlsxError("ERFASSUNGSBOGEN_OHNE_BLATT", { datei: file, blatt: ANGEBOTE.sheet });
  return {
    file,
    fields: mergeFields(table),
    rows: tableRows(table, source).map(({ id, values }) => ({ id, values })),
    base,
  };
}

export interface MergeResult extends MergeOutcome {
  /** Per Erfassungsbogen: what its Angebote brought (the actions are in `actions`). */
  angebote: FileSummary[];
  /** Returns whose base names another master file (merged all the same). */
  otherMaster: { file: string; masterFile: string }[];
}

/**
 * Merges returns into the master workbook in place: changed cells, new rows inside tblMassnahmen, and the
 * sheets `Konflikte` and `Zusammenführung`. Throws (before changing anything) when a return is unusable.
 */
export async function mergeWorkbooks(
  master: XlsxDocument,
  returns: ReturnWorkbook[],
  masterFile: string,
): Promise<MergeResult> {
  const read: Awaited<ReturnType<typeof readReturnWithReports>>[] = [];
  for (const r of returns) read.push(await readReturnWithReports(r));
  const inputs = read.map((r) => r.input);
  const reports = read.map((r) => r.reports);
  // A Status reported in a Sachstand reaches the measure through the three-way merge like any other field.
  inputs.forEach((input, i) => {
    if (input.base)
      input.rows = statusFromReports(input.rows, input.base.rows, reports[i]!.rows.sachstaende, "massnahme");
  });
  const source = await master.source();
  const concept = readConcept(source);
  const table = massnahmenOf(concept, masterFile);
  const fields = mergeFields(table);
  const rows = tableRows(table, source);
  const memory = MEMORY_SHEET.read(source);
  const isAngebot = (m: MemoryEntry) => m.token.endsWith(ANGEBOTE_TOKEN_SUFFIX);
  const outcome = mergeReturns({ fields, rows }, inputs, {
    idField: "id",
    idPrefix: MASSNAHMEN.idPrefix!,
    idDigits: MASSNAHMEN.idDigits!,
    ownerField: "federfuehrung",
    akteure: akteurRefs(concept),
    memory: memory.filter((m) => !isAngebot(m)),
    formValue: referenceFormer(concept, "massnahmen"),
  });
  writeOutcome(master, source, table, rows, outcome);
  const angebote = mergeAngebote(
    master,
    source,
    concept,
    read.flatMap((r) => (r.angebote ? [r.angebote] : [])),
    memory.filter(isAngebot),
  );
  if (angebote) {
    outcome.actions.push(...angebote.actions);
    outcome.memory.push(...angebote.memory);
  }
  const round = mergeReports(concept, reports);
  for (const kind of ["sachstaende", "indikatorwerte"] as const) {
    appendTableRows(master, source, concept, kind, round[kind].additions);
    outcome.actions.push(...round[kind].actions);
  }
  outcome.conflicts = outcome.actions.filter((a) => a.notApplied).length;
  const { settings } = readSettings(concept);
  const page = { kommune: settings.kommune, konzepttitel: settings.konzepttitel, stand: localIsoDate(new Date()) };
  master.applySheetPlan(CONFLICT_SHEET.plan(outcome, page));
  master.applySheetPlan(MERGE_LOG_SHEET.plan(outcome, page));
  master.applySheetPlan(MEMORY_SHEET.plan(outcome.memory));
  const name = masterFile.replace(/^.*[\\/]/, "").toLowerCase();
  return {
    ...outcome,
    angebote: angebote?.summaries ?? [],
    otherMaster: inputs.flatMap((r) =>
      r.base && r.base.masterFile && r.base.masterFile.toLowerCase() !== name
        ? [{ file: r.file, masterFile: r.base.masterFile }]
        : [],
    ),
  };
}

/**
 * The Angebote of the Erfassungsbögen, three-way like the measures (owner: the Träger's Fachbereich; new ones
 * get the next free AN- ID). Written into the master's Angebote; a master without the sheet gets it. Null
 * when no return is an Erfassungsbogen.
 */
function mergeAngebote(
  master: XlsxDocument,
  source: WorkbookSource,
  concept: ReadConcept,
  inputs: ReturnInput[],
  memory: MemoryEntry[],
): MergeOutcome | null {
  if (inputs.length === 0) return null;
  const table = concept.found.angebote;
  const rows = table ? tableRows(table, source) : [];
  const fields = table
    ? mergeFields(table)
    : ANGEBOTE.columns.map((c) => ({
        key: c.field,
        label: c.header,
        kind: inputs[0]!.fields.find((f) => f.key === c.field)?.kind ?? "text",
      }));
  const outcome = mergeReturns({ fields, rows }, inputs, {
    idField: "id",
    idPrefix: ANGEBOTE.idPrefix!,
    idDigits: ANGEBOTE.idDigits!,
    ownerField: "traeger",
    titleField: "angebot",
    rowKind: "angebot",
    akteure: akteurRefs(concept),
    memory,
    formValue: referenceFormer(concept, "angebote"),
  });
  if (table) writeOutcome(master, source, table, rows, outcome);
  else
    appendTableRows(
      master,
      source,
      concept,
      "angebote",
      outcome.additions.map((a) => a.values),
    );
  return outcome;
}

/** The column of each field (and of the user's extra columns) of a table. */
function columnsOf(table: FoundTable, withExtras: boolean): Map<string, number> {
  const columnOf = new Map<string, number>();
  for (const [field, column] of Object.entries(table.columnIndex))
    if (column !== undefined) columnOf.set(field, column);
  if (withExtras)
    for (const e of table.extraColumns)
      if (!columnOf.has(extraKey(e.header))) columnOf.set(extraKey(e.header), e.column);
  return columnOf;
}

/** Cells of a row by field; strings are written as strings (text that looks like a formula stays text). */
function cellsOf(row: number, values: Record<string, unknown>, columnOf: Map<string, number>): CellWrite[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const column = columnOf.get(key);
    return column === undefined ? [] : [{ row, column, value: (value ?? null) as CellWrite["value"] }];
  });
}

/** Writes updates into their rows and new rows into free table rows or below the table, extending it. */
function writeOutcome(
  doc: XlsxDocument,
  source: WorkbookSource,
  table: FoundTable,
  rows: (MergeRow & { row: number })[],
  outcome: MergeOutcome,
): void {
  const columnOf = columnsOf(table, true);
  const rowOf = new Map<string, number>();
  for (const r of rows) if (r.id && !rowOf.has(idKey(r.id))) rowOf.set(idKey(r.id), r.row);
  const writes = outcome.updates.flatMap((u) => {
    const row = rowOf.get(idKey(u.id));
    return row === undefined ? [] : cellsOf(row, u.values, columnOf);
  });
  doc.writeCells(table.sheet, writes, table.headerRow + 1);
  appendRows(
    doc,
    source,
    table,
    columnOf,
    outcome.additions.map((a) => a.values),
  );
}

/**
 * The one place where rows are appended to a contract table of the master: rows as values by field,
 * written into free table rows or below the table, extending it. When the master has no such table (a
 * status query's Sachstände into an older workbook), its sheet is created from the contract.
 */
export function appendTableRows(
  doc: XlsxDocument,
  source: WorkbookSource,
  concept: ReadConcept,
  kind: EntityKind,
  rows: RowValues[],
): void {
  if (rows.length === 0) return;
  const table = concept.found[kind];
  if (!table) {
    const content = { spec: tableSpec(kind), rows };
    doc.applySheetPlan(planTableSheet(content, { ...layoutsOf(concept.found), ...contractLayouts([content]) }));
    return;
  }
  appendRows(doc, source, table, columnsOf(table, false), rows);
}

function appendRows(
  doc: XlsxDocument,
  source: WorkbookSource,
  table: FoundTable,
  columnOf: Map<string, number>,
  additions: RowValues[],
): void {
  if (additions.length === 0) return;
  const grid = source.sheet(table.sheet)!;
  // Empty rows inside the table first (a fresh table has one), then below it.
  const used = new Set(table.rows.map((r) => r.row));
  const free: number[] = [];
  for (let r = table.headerRow + 1; r <= table.area.bottom; r++) {
    if (!used.has(r) && table.extraColumns.every((e) => (grid.value(r, e.column) ?? "") === "")) free.push(r);
  }
  let next = table.area.bottom + 1;
  let bottom = table.area.bottom;
  const writes: CellWrite[] = [];
  for (const addition of additions) {
    const row = free.shift() ?? next++;
    bottom = Math.max(bottom, row);
    writes.push(...cellsOf(row, addition, columnOf));
  }
  doc.writeCells(table.sheet, writes, table.headerRow + 1);
  if (table.tableName && bottom > table.area.bottom) doc.extendTable(table.tableName, bottom);
}
