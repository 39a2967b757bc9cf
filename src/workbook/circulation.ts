/**
 * Circulating the workbook to the Fachbereiche, for any host: the measures of a table as merge rows, the
 * per-Fachbereich workbook as a plan (with the sheet `Hinweise` and the very hidden base values), the
 * merge memory and the report sheets `Konflikte` and `Zusammenführung`.
 */
import type { CellValue, IsoDate } from "../domain/dates";
import { formatGermanDate } from "../domain/dates";
import { indicatorValue, latestSachstand, sachstandOf, valuesOf } from "../domain/monitoring";
import { formatGermanNumber } from "../domain/numbers";
import { type AppendOutcome, type LongTable, appendReports } from "../domain/statusQuery";
import {
  ACTION_LABEL,
  type AkteurRef,
  type FieldKind,
  type MemoryEntry,
  type MergeField,
  type MergeOutcome,
  type MergeRow,
  type ReturnBase,
  type RowValues,
  deserializeValues,
  fachbereichResolver,
  sameFachbereich,
  serializeValues,
} from "../domain/merge";
import type { EntityKind } from "../domain/model";
import type { Settings } from "../domain/settings";
import { idKey, isBlank, normalizeLabel, textOf } from "../domain/values";
import { type ColumnSpec, MASSNAHMEN, type TableSpec, tableSpec } from "./contract";
import {
  type CellPlan,
  FILL,
  type PlanValue,
  type SheetPlan,
  type TableContent,
  type WorkbookPlan,
  contractLayouts,
  planListSheet,
  planTableSheet,
} from "./plan";
import { type PageInfo, withPageInfo, withPrintLayout, workbookWithPageInfo } from "./print";
import { type FoundTable, type ReadConcept, type WorkbookSource, readTable } from "./read";
import { referenceNames, rowsOfConcept, uniformRow } from "./references";

/** The very hidden sheet of a distributed workbook with what was sent. */
export const BASE_SHEET = "Verteilung";
/** The very hidden sheet of an Erfassungsbogen (`split --angebote`) with the Angebote that were sent. */
export const ANGEBOTE_BASE_SHEET = "Verteilung Angebote";
/** The merge memory keeps the Angebote of a distribution apart from its measures by this token suffix. */
export const ANGEBOTE_TOKEN_SUFFIX = "#Angebote";
/** The very hidden sheet of the master with what it has taken from each return. */
export const MEMORY_SHEET = "Rücklaufprotokoll";
export const CONFLICT_SHEET = { sheet: "Konflikte", table: "tblKonflikte" } as const;
export const MERGE_LOG_SHEET = { sheet: "Zusammenführung", table: "tblZusammenfuehrung" } as const;
export const HINTS_SHEET = "Hinweise";
export const NO_FACHBEREICH = "ohne Fachbereich";

/** The reference sheets a Fachbereich receives, read-only, besides its Maßnahmen. */
const REFERENCE_KINDS: EntityKind[] = ["einstellungen", "handlungsfelder", "ziele", "indikatoren", "akteure"];

const EXTRA_PREFIX = "extra:";

export function extraKey(header: string): string {
  return EXTRA_PREFIX + normalizeLabel(header);
}

function kindOf(column: ColumnSpec): FieldKind {
  if (column.list?.kind === "values") return "list";
  if (column.list?.kind === "table") return column.listOpen ? "references" : "reference";
  if (column.format === "date") return "date";
  if (column.format === "number" || column.format === "fte" || column.format === "currency" || column.format === "year")
    return "number";
  return "text";
}

/** The columns of a found Maßnahmen table as merge fields: the contract's, then the user's. */
export function mergeFields(table: FoundTable): MergeField[] {
  const spec = tableSpec(table.kind);
  const fields: MergeField[] = spec.columns
    .filter((c) => (table.columnIndex as Record<string, number | undefined>)[c.field] !== undefined)
    .map((c) => ({ key: c.field, label: c.header, kind: kindOf(c) }));
  const seen = new Set<string>();
  for (const e of table.extraColumns) {
    const key = extraKey(e.header);
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ key, label: e.header, kind: "general" });
  }
  return fields;
}

/** Every row of a found table with its ID and the values of all columns, the user's included. */
export function tableRows(table: FoundTable, source: WorkbookSource): (MergeRow & { row: number })[] {
  const grid = source.sheet(table.sheet);
  const seen = new Set<string>();
  const extras = table.extraColumns.filter((e) => {
    const key = extraKey(e.header);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return table.rows.map((r) => {
    const values: Record<string, CellValue> = { ...(r.values as Record<string, CellValue>) };
    for (const e of extras) {
      const v = grid?.value(r.row, e.column) ?? null;
      if (v !== null && v !== "") values[extraKey(e.header)] = v;
    }
    return { id: textOf(values["id"] ?? null), values, row: r.row };
  });
}

export function akteurRefs(concept: ReadConcept): AkteurRef[] {
  return (concept.akteure?.rows ?? []).map((r) => ({
    id: textOf(r.values.id ?? null),
    bezeichnung: textOf(r.values.bezeichnung ?? null),
    fachbereich: textOf(r.values.fachbereich ?? null),
  }));
}

// ---------------------------------------------------------------------------------------------
// Split

export interface SplitGroup {
  fachbereich: string;
  rows: (MergeRow & { row: number })[];
  /** The Erfassungsbogen (`split --angebote`): the Angebote whose Träger belongs to the Fachbereich. */
  angebote?: (MergeRow & { row: number })[];
}

/**
 * Groups the measures by the Fachbereich of their Federführung (none → `ohne Fachbereich`), in sheet order.
 * With `angebote` (the Erfassungsbogen) every Akteur's Fachbereich gets a group, even without measures, and
 * each group the Angebote whose Träger is an Akteur of that Fachbereich (other Träger: `ohne Fachbereich`).
 */
export function splitGroups(concept: ReadConcept, source: WorkbookSource, angebote = false): SplitGroup[] {
  const fbOf = fachbereichResolver(akteurRefs(concept));
  const groups = new Map<string, SplitGroup>();
  const groupOf = (fb: string) => {
    const key = normalizeLabel(fb);
    const group = groups.get(key) ?? { fachbereich: fb, rows: [], ...(angebote ? { angebote: [] } : {}) };
    groups.set(key, group);
    return group;
  };
  for (const row of tableRows(concept.found.massnahmen!, source)) {
    groupOf(fbOf(row.values["federfuehrung"] ?? null) || NO_FACHBEREICH).rows.push(row);
  }
  if (angebote) {
    for (const a of akteurRefs(concept)) if (a.fachbereich) groupOf(a.fachbereich);
    const table = concept.found.angebote;
    for (const row of table ? tableRows(table, source) : []) {
      groupOf(fbOf(row.values["traeger"] ?? null) || NO_FACHBEREICH).angebote!.push(row);
    }
  }
  // Alphabetical, `ohne Fachbereich` last.
  return [...groups.values()].sort((a, b) =>
    a.fachbereich === NO_FACHBEREICH
      ? 1
      : b.fachbereich === NO_FACHBEREICH
        ? -1
        : a.fachbereich.localeCompare(b.fachbereich, "de"),
  );
}

/** Rows that cannot be merged back by ID (of Maßnahmen, or of another table): rows without ID and IDs used twice. */
export function splitBlockers(
  concept: ReadConcept,
  source: WorkbookSource,
  kind: "massnahmen" | "angebote" = "massnahmen",
): { withoutId: number[]; duplicates: string[] } {
  const withoutId: number[] = [];
  const count = new Map<string, { id: string; n: number }>();
  const table = concept.found[kind];
  for (const row of table ? tableRows(table, source) : []) {
    if (!row.id) withoutId.push(row.row);
    else {
      const c = count.get(idKey(row.id)) ?? { id: row.id, n: 0 };
      c.n++;
      count.set(idKey(row.id), c);
    }
  }
  return { withoutId, duplicates: [...count.values()].filter((c) => c.n > 1).map((c) => c.id) };
}

/** A file name part that every file system accepts: no `\ / : * ? " < > |`, no control characters. */
export function safeFileName(name: string): string {
  const cleaned = cutToBytes(
    name
      .normalize("NFC")
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-")
      .replace(/\s+/g, " ")
      .replace(/^[\s.-]+|[\s.]+$/g, ""),
    MAX_NAME_BYTES,
  ).replace(/[\s.]+$/, "");
  if (cleaned === "") return "ohne Namen";
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) ? `${cleaned}_` : cleaned;
}

/** A part of a file name in UTF-8 bytes: two parts, the dash and `.xlsx` stay well under the 255 of every file system. */
const MAX_NAME_BYTES = 100;

/** The longest start of `text` within `max` UTF-8 bytes that ends between two user-perceived characters. */
function cutToBytes(text: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  const segmenter = new Intl.Segmenter("de", { granularity: "grapheme" });
  let out = "";
  let bytes = 0;
  for (const { segment } of segmenter.segment(text)) {
    const n = encoder.encode(segment).length;
    if (bytes + n > max) break;
    out += segment;
    bytes += n;
  }
  return out;
}

/** `<Master> – <Fachbereich>.xlsx`, unique within one distribution. */
export function splitFileNames(masterStem: string, fachbereiche: string[]): string[] {
  const used = new Set<string>();
  return fachbereiche.map((fb) => {
    const stem = `${safeFileName(masterStem)} – ${safeFileName(fb)}`;
    let name = `${stem}.xlsx`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${stem} (${i}).xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}

export interface SplitMeta {
  token: string;
  fachbereich: string;
  masterFile: string;
  /** ISO date of the distribution. */
  date: string;
}

/** Who gets the return: Einstellungen `Koordinierungsstelle`/`Rücklauf an`, else the Akteur named so. */
export function returnAddress(concept: ReadConcept, settings: Settings): string {
  for (const r of concept.einstellungen?.rows ?? []) {
    const key = normalizeLabel(textOf(r.values.schluessel ?? null));
    const value = textOf(r.values.wert ?? null);
    if (value && (key === normalizeLabel("Rücklauf an") || key === normalizeLabel("Koordinierungsstelle")))
      return value;
  }
  const akteur = (concept.akteure?.rows ?? []).find((r) => /koordinierung/i.test(textOf(r.values.bezeichnung ?? null)));
  if (akteur) {
    const parts = [
      textOf(akteur.values.bezeichnung ?? null),
      textOf(akteur.values.ansprechperson ?? null),
      textOf(akteur.values.email ?? null),
    ];
    return parts.filter(Boolean).join(", ");
  }
  return settings.kommune ? `die Koordinierungsstelle (${settings.kommune})` : "die Koordinierungsstelle";
}

function planHintsSheet(
  meta: SplitMeta,
  settings: Settings,
  address: string,
  measures: number,
  sachstand?: IsoDate,
  angebote?: number,
  readOnly: string[] = REFERENCE_KINDS.map((k) => tableSpec(k).sheet),
): SheetPlan {
  const erfassung: [string, boolean?, number?][] =
    angebote === undefined
      ? []
      : [
          ["Erfassungsbogen: bestehende Angebote", true],
          [
            `Im Blatt „Angebote“ stehen die ${angebote} Angebote, deren Träger zu Ihrem Fachbereich gehört. Bitte prüfen und vervollständigen Sie sie (Zielgruppe, Sozialraum, Teilnehmende pro Jahr, Finanzierung, Kontakt, Stand).`,
          ],
          [
            "Fehlt ein Angebot, tragen Sie es in die erste freie Zeile unter der Tabelle ein; die ID (AN-…) dürfen Sie leer lassen, sie wird beim Zusammenführen vergeben. Handlungsfeld und Träger wählen Sie aus der Liste.",
          ],
          [""],
        ];
  const query: [string, boolean?, number?][] = sachstand
    ? [
        ["Sachstandsabfrage", true],
        [
          `Im Blatt „Sachstände“ steht je Maßnahme eine Zeile zum Berichtsstichtag ${formatGermanDate(sachstand)}. Bitte Sachstand, Umsetzung (%), Ampel, Nächste Schritte und Hindernisse eintragen; hat sich der Status geändert, wählen Sie den neuen. Die Spalte „Bisheriger Sachstand“ zeigt den letzten Bericht.`,
        ],
        [
          "Im Blatt „Indikatorwerte“ stehen die Indikatoren, deren Werte Ihr Fachbereich liefert: bitte den Wert zum Stichtag eintragen. Zeilen ohne Eintrag gelten als nicht gemeldet.",
        ],
        [""],
      ]
    : [];
  const lines: [string, boolean?, number?][] = [
    [`${sachstand ? "Sachstandsabfrage" : "Maßnahmen zur Rückmeldung"} – ${meta.fachbereich}`, true, 14],
    [[settings.konzepttitel, settings.kommune].filter(Boolean).join(" – ") || "Integrationskonzept"],
    [""],
    ...query,
    ...erfassung,
    ["Was ist zu tun?", true],
    [
      `1. Im Blatt „Maßnahmen“ stehen die ${measures} Maßnahmen, für die Ihr Fachbereich federführend ist. Bitte prüfen, aktualisieren und ergänzen Sie sie.`,
    ],
    ["2. Rosa hinterlegte Zellen sind Pflichtangaben, die noch fehlen."],
    [
      "3. Handlungsfeld, Ziel, Indikatoren, Federführung, Finanzierung und Status wählen Sie aus der Liste (Zelle anklicken, dann den Pfeil rechts daneben).",
    ],
    [
      "4. Neue Maßnahmen tragen Sie in die erste freie Zeile direkt unter der Tabelle ein. Die ID dürfen Sie leer lassen; sie wird beim Zusammenführen vergeben.",
    ],
    [
      "5. Bitte ändern Sie keine IDs und löschen Sie keine Zeilen. Soll eine Maßnahme entfallen, setzen Sie den Status auf „verworfen“ oder „zurückgestellt“ und nennen Sie den Grund unter „Bemerkung“.",
    ],
    [
      `6. Die Blätter ${readOnly.slice(0, -1).join(", ")} und ${readOnly[readOnly.length - 1]} sind schreibgeschützt. Fehlt dort etwas, schreiben Sie es bitte in die Bemerkung oder an die Koordinierungsstelle.`,
    ],
    [""],
    ["Bis wann?", true],
    [
      settings.ruecklaufBis
        ? `Bitte bis zum ${formatGermanDate(settings.ruecklaufBis)} zurücksenden.`
        : "Den Termin für die Rückmeldung nennt Ihnen die Koordinierungsstelle.",
    ],
    [""],
    ["An wen?", true],
    [`Bitte senden Sie diese Datei als Excel-Datei (.xlsx) zurück an: ${address}.`],
    ["Den Dateinamen können Sie behalten. Für die Bearbeitung ist kein Add-in nötig."],
    [""],
    [`Verteilt am ${formatGermanDate(meta.date)} aus „${meta.masterFile}“.`],
  ];
  const cells: CellPlan[] = lines.map(([value, bold, size], i) => ({
    row: i + 1,
    column: 1,
    value,
    ...(bold ? { bold } : {}),
    ...(size ? { size } : {}),
  }));
  const sheet: SheetPlan = {
    name: HINTS_SHEET,
    state: "visible",
    tabColor: "FFC19C00",
    widths: [{ column: 1, width: 120 }],
    formats: [],
    wrapColumns: [1],
    frozen: { rows: 0, columns: 0 },
    cells,
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
  return withPrintLayout(sheet, { headerRow: 0, keyColumns: 0 });
}

const BASE_META = {
  token: "Kennung",
  fachbereich: "Fachbereich",
  masterFile: "Master-Datei",
  date: "Verteilt am",
} as const;
const BASE_HEADER_ROW = 7;

/** A sheet only the program reads: very hidden (not even listed under "Einblenden") and protected. */
function planMachineSheet(name: string, cells: CellPlan[]): SheetPlan {
  return {
    name,
    state: "veryHidden",
    widths: [],
    formats: [],
    wrapColumns: [],
    frozen: { rows: 0, columns: 0 },
    cells,
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}

/** The base values of a distributed workbook: very hidden, never shown to the Fachbereich. */
export function planBaseSheet(
  meta: SplitMeta,
  spec: TableSpec,
  extras: { key: string; header: string }[],
  rows: MergeRow[],
  name: string = BASE_SHEET,
): SheetPlan {
  const cells: CellPlan[] = [
    { row: 1, column: 1, value: "Basiswerte der Verteilung für das Zusammenführen – bitte nicht ändern.", bold: true },
    ...(Object.keys(BASE_META) as (keyof typeof BASE_META)[]).flatMap((k, i) => [
      { row: 2 + i, column: 1, value: BASE_META[k] },
      { row: 2 + i, column: 2, value: meta[k] },
    ]),
  ];
  const columns = [...spec.columns.map((c) => ({ key: c.field, header: c.header })), ...extras];
  columns.forEach((c, j) => cells.push({ row: BASE_HEADER_ROW, column: j + 1, value: c.header, bold: true }));
  rows.forEach((r, i) =>
    columns.forEach((c, j) => {
      const v = r.values[c.key];
      if (v !== null && v !== undefined && v !== "")
        cells.push({ row: BASE_HEADER_ROW + 1 + i, column: j + 1, value: v });
    }),
  );
  return planMachineSheet(name, cells);
}

/**
 * Reads the base values of a return (its measures, or with `angebote` its Angebote); null when it has none
 * (or they are unreadable).
 */
export function readBase(source: WorkbookSource, angebote = false): ReturnBase | null {
  const sheetName = angebote ? ANGEBOTE_BASE_SHEET : BASE_SHEET;
  const name = source.sheetNames().find((n) => normalizeLabel(n) === normalizeLabel(sheetName));
  const grid = name ? source.sheet(name) : undefined;
  if (!grid) return null;
  const meta: Record<string, string> = {};
  for (let r = 1; r < BASE_HEADER_ROW; r++) meta[normalizeLabel(textOf(grid.value(r, 1)))] = textOf(grid.value(r, 2));
  const token = meta[normalizeLabel(BASE_META.token)];
  if (!token) return null;
  const contract: TableSpec = angebote ? tableSpec("angebote") : MASSNAHMEN;
  const spec: TableSpec = { ...contract, sheet: grid.name, sheetSynonyms: [], table: "\u0000" };
  const table = readTable(spec, source);
  if (!table || table.columnIndex["id" as never] === undefined) return null;
  return {
    token: angebote ? token + ANGEBOTE_TOKEN_SUFFIX : token,
    fachbereich: meta[normalizeLabel(BASE_META.fachbereich)] ?? "",
    masterFile: meta[normalizeLabel(BASE_META.masterFile)] ?? "",
    fields: mergeFields(table).map((f) => f.key),
    rows: tableRows(table, source).map(({ id, values }) => ({ id, values })),
  };
}

export interface SplitWorkbookInput {
  concept: ReadConcept;
  source: WorkbookSource;
  settings: Settings;
  group: SplitGroup;
  meta: SplitMeta;
  /** Status query: the Berichtsstichtag whose Sachstände and Indikatorwerte the Fachbereich fills in. */
  sachstand?: IsoDate;
}

/** Extra columns of the status query, beside the rows to fill: what was reported last (for information). */
export const PREVIOUS_REPORT = {
  key: extraKey("Bisheriger Sachstand (nur zur Information)"),
  header: "Bisheriger Sachstand (nur zur Information)",
};
export const PREVIOUS_VALUE = {
  key: extraKey("Letzter Wert (nur zur Information)"),
  header: "Letzter Wert (nur zur Information)",
};

/** The indicators whose Zuständig belongs to the Fachbereich. */
export function indicatorsOf(
  concept: ReadConcept,
  fachbereich: string,
): { id: string; values: Record<string, CellValue> }[] {
  const fbOf = fachbereichResolver(akteurRefs(concept));
  return (concept.indikatoren?.rows ?? [])
    .filter((r) => textOf(r.values.id ?? null) !== "" && !isBlank(r.values.zustaendig ?? null))
    .filter((r) => sameFachbereich(fbOf(r.values.zustaendig ?? null) || NO_FACHBEREICH, fachbereich))
    .map((r) => ({ id: textOf(r.values.id ?? null), values: r.values as Record<string, CellValue> }));
}

/** The rows to fill in a status query: one Sachstand per measure, one value per indicator the Fachbereich delivers. */
export function statusQueryContents(
  concept: ReadConcept,
  group: SplitGroup,
  berichtsstichtag: IsoDate,
): TableContent[] {
  const reports = (concept.sachstaende?.rows ?? []).map(sachstandOf).filter((r) => r !== null);
  const sachstaende = group.rows.map((m) => {
    const last = latestSachstand(m.id, reports);
    const previous = last
      ? `${formatGermanDate(last.berichtsstichtag)} (${last.status}${last.umsetzung !== null ? `, ${formatGermanNumber(last.umsetzung)} %` : ""}): ${last.sachstand}`
      : "noch kein Sachstand";
    return { massnahme: m.id, berichtsstichtag, status: m.values["status"] ?? null, [PREVIOUS_REPORT.key]: previous };
  });
  const values = (concept.indikatorwerte?.rows ?? []).map(indicatorValue).filter((v) => v !== null);
  const indikatorwerte = indicatorsOf(concept, group.fachbereich).map((ind) => {
    const known = valuesOf(ind.id, values);
    const last = known[known.length - 1];
    const previous = last ? `${formatGermanDate(last.stichtag)}: ${formatGermanNumber(last.wert)}` : "noch kein Wert";
    return {
      indikator: ind.id,
      stichtag: berichtsstichtag,
      quelle: ind.values["datenquelle"] ?? null,
      [PREVIOUS_VALUE.key]: previous,
    };
  });
  return [
    { spec: tableSpec("sachstaende"), rows: sachstaende, extraColumns: [PREVIOUS_REPORT] },
    { spec: tableSpec("indikatorwerte"), rows: indikatorwerte, extraColumns: [PREVIOUS_VALUE] },
  ];
}

/** The Erfassungsbogen's table: the Fachbereich's Angebote with the master's own columns, room for new ones. */
function angeboteContent(concept: ReadConcept, rows: MergeRow[]): TableContent {
  const found = concept.found.angebote;
  const extras = found
    ? mergeFields(found)
        .filter((f) => f.key.startsWith(EXTRA_PREFIX))
        .map((f) => ({ key: f.key, header: f.label }))
    : [];
  return { spec: tableSpec("angebote"), rows: rows.map((r) => r.values), extraColumns: extras };
}

/** One Fachbereich's workbook: Hinweise, its Maßnahmen, the reference sheets read-only, lists and base. */
export function planSplitWorkbook({
  concept,
  source,
  settings,
  group,
  meta,
  sachstand,
}: SplitWorkbookInput): WorkbookPlan {
  const massnahmen = concept.found.massnahmen!;
  const extras = mergeFields(massnahmen)
    .filter((f) => f.key.startsWith(EXTRA_PREFIX))
    .map((f) => ({ key: f.key, header: f.label }));
  // Bedarfe go along when the master has them, so the Maßnahmen column Bedarfe offers them as a list.
  const kinds: EntityKind[] = [...REFERENCE_KINDS, ...(concept.found.bedarfe ? (["bedarfe"] as const) : [])];
  const references: TableContent[] = kinds.map((kind) => {
    const found = concept.found[kind];
    return { spec: tableSpec(kind), rows: found ? tableRows(found, source).map((r) => r.values) : [] };
  });
  const measures: TableContent = { spec: MASSNAHMEN, rows: group.rows.map((r) => r.values), extraColumns: extras };
  const query = sachstand ? statusQueryContents(concept, group, sachstand) : [];
  const angebote = group.angebote ? angeboteContent(concept, group.angebote) : null;
  const contents = [...references, measures, ...query, ...(angebote ? [angebote] : [])];
  const layouts = contractLayouts(contents);
  const hints = planHintsSheet(
    meta,
    settings,
    returnAddress(concept, settings),
    group.rows.length,
    sachstand,
    angebote?.rows.length,
    references.map((r) => r.spec.sheet),
  );
  const sheets: SheetPlan[] = [
    hints,
    ...(angebote ? [planTableSheet(angebote, layouts)] : []),
    // The rows to fill are editable, the previous report beside them is not.
    ...query.map((c) => ({
      ...planTableSheet(c, layouts),
      protect: true,
      unlockedColumns: c.spec.columns.map((_, i) => i + 1),
    })),
    planTableSheet(measures, layouts),
    ...references.map((c) => ({ ...planTableSheet(c, layouts), protect: true })),
    planListSheet(layouts),
    planBaseSheet(meta, MASSNAHMEN, extras, group.rows),
    ...(angebote
      ? [planBaseSheet(meta, angebote.spec, angebote.extraColumns ?? [], group.angebote!, ANGEBOTE_BASE_SHEET)]
      : []),
  ];
  return workbookWithPageInfo(
    { sheets },
    {
      kommune: settings.kommune,
      konzepttitel: settings.konzepttitel,
      stand: meta.date,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Merge memory and reports

const MEMORY_HEADERS = ["Kennung", "Rücklauf-Schlüssel", "ID im Master", "Übernommene Werte"] as const;

export function planMemorySheet(memory: MemoryEntry[]): SheetPlan {
  const cells: CellPlan[] = [
    {
      row: 1,
      column: 1,
      value: "Was aus welchem Rücklauf übernommen wurde – für das Zusammenführen, bitte nicht ändern.",
      bold: true,
    },
    ...MEMORY_HEADERS.map((h, j) => ({ row: 2, column: j + 1, value: h, bold: true })),
  ];
  memory.forEach((m, i) => {
    const values = serializeValues(m.values);
    // A cell holds at most 32,767 characters; a longer entry is left out (the merge then matches by content).
    if (values.length > 32_000) return;
    [m.token, m.returnKey, m.masterId, values].forEach((value, j) => cells.push({ row: 3 + i, column: j + 1, value }));
  });
  return planMachineSheet(MEMORY_SHEET, cells);
}

export function readMemory(source: WorkbookSource): MemoryEntry[] {
  const name = source.sheetNames().find((n) => normalizeLabel(n) === normalizeLabel(MEMORY_SHEET));
  const grid = name ? source.sheet(name) : undefined;
  if (!grid) return [];
  const out: MemoryEntry[] = [];
  for (let r = 3; r <= grid.rowCount; r++) {
    const token = textOf(grid.value(r, 1));
    const returnKey = String(grid.value(r, 2) ?? "");
    const masterId = textOf(grid.value(r, 3));
    const values = deserializeValues(String(grid.value(r, 4) ?? ""));
    if (token && returnKey && masterId && values) out.push({ token, returnKey, masterId, values });
  }
  return out;
}

/** Text that a formula would otherwise compute stays text; plan values here are never formulas. */
const text = (s: string): PlanValue => s;

export function planConflictSheet(outcome: MergeOutcome, page?: PageInfo): SheetPlan {
  const rows = outcome.actions
    .filter((a) => a.notApplied)
    .map((a) => [a.masterId || a.id, a.field, a.masterValue, a.returnValue, a.file, a.note].map(text));
  const sheet = reportSheet(
    CONFLICT_SHEET,
    ["ID", "Feld", "Wert in der Gesamtdatei", "Wert im Rücklauf", "Datei", "Hinweis"],
    [10, 18, 36, 36, 28, 60],
    rows,
    "Keine Konflikte.",
    "FFC50F1F",
  );
  return page ? withPageInfo(sheet, page) : sheet;
}

export function planMergeLogSheet(outcome: MergeOutcome, page?: PageInfo): SheetPlan {
  const rows = outcome.actions.map((a) =>
    [a.file, a.id, a.masterId, ACTION_LABEL[a.kind], a.field, a.masterValue, a.returnValue, a.note].map(text),
  );
  const sheet = reportSheet(
    MERGE_LOG_SHEET,
    [
      "Datei",
      "ID im Rücklauf",
      "ID in der Gesamtdatei",
      "Aktion",
      "Feld",
      "Wert in der Gesamtdatei vorher",
      "Wert im Rücklauf",
      "Hinweis",
    ],
    [28, 12, 12, 34, 18, 30, 30, 60],
    rows,
    "Keine Änderungen.",
    "FF0F6CBD",
  );
  return page ? withPageInfo(sheet, page) : sheet;
}

function reportSheet(
  names: { sheet: string; table: string },
  headers: string[],
  widths: number[],
  rows: PlanValue[][],
  empty: string,
  tabColor: string,
): SheetPlan {
  const sheet: SheetPlan = {
    name: names.sheet,
    state: "visible",
    tabColor,
    widths: widths.map((width, i) => ({ column: i + 1, width })),
    formats: headers.map((_, i) => ({ column: i + 1, numFmt: "@" })),
    wrapColumns: [headers.length],
    frozen: { rows: 1, columns: 0 },
    table: {
      name: names.table,
      row: 1,
      column: 1,
      headers,
      rows: rows.length > 0 ? rows : [headers.map((_, i) => (i === headers.length - 1 ? empty : ""))],
      style: "TableStyleLight9",
    },
    cells: [],
    validations: [],
    conditionalFormats:
      names.sheet === CONFLICT_SHEET.sheet
        ? []
        : [
            {
              range: `D2:D${1 + Math.max(rows.length, 1)}`,
              formula: `ISNUMBER(SEARCH("nicht übernommen",D2))`,
              fill: FILL.warning,
            },
          ],
  };
  return withPrintLayout(sheet, { headerRow: 1, keyColumns: 2 });
}

// ---------------------------------------------------------------------------------------------
// Status query round: the long tables of the returns

function longFields(kind: "sachstaende" | "indikatorwerte"): MergeField[] {
  return tableSpec(kind).columns.map((c) => ({ key: c.field, label: c.header, kind: kindOf(c) }));
}

export const LONG_TABLES = {
  sachstaende: {
    label: "Sachstand",
    subjectField: "massnahme",
    dateField: "berichtsstichtag",
    reportedField: "sachstand",
    fields: longFields("sachstaende"),
  },
  indikatorwerte: {
    label: "Indikatorwert",
    subjectField: "indikator",
    dateField: "stichtag",
    reportedField: "wert",
    fields: longFields("indikatorwerte"),
  },
} as const satisfies Record<string, LongTable>;

export type LongKind = keyof typeof LONG_TABLES;

/** The Sachstände and Indikatorwerte rows of a return (values by field). */
export interface ReturnReports {
  file: string;
  base: ReturnBase | null;
  rows: Record<LongKind, RowValues[]>;
}

export function returnReports(file: string, concept: ReadConcept, base: ReturnBase | null): ReturnReports {
  const rowsOf = (kind: LongKind) => (concept[kind]?.rows ?? []).map((r) => ({ ...r.values }) as RowValues);
  return { file, base, rows: { sachstaende: rowsOf("sachstaende"), indikatorwerte: rowsOf("indikatorwerte") } };
}

/** What the master's Sachstände and Indikatorwerte take from the returns (see domain/statusQuery.ts). */
export function mergeReports(master: ReadConcept, returns: ReturnReports[]): Record<LongKind, AppendOutcome> {
  const fbOf = fachbereichResolver(akteurRefs(master));
  const measureFb = new Map(
    (master.massnahmen.rows ?? []).map((r) => [
      idKey(textOf(r.values.id ?? null)),
      fbOf(r.values.federfuehrung ?? null) || NO_FACHBEREICH,
    ]),
  );
  const owners = (kind: LongKind, ret: ReturnReports) => {
    const fb = ret.base?.fachbereich;
    if (fb === undefined) return () => true;
    if (kind === "sachstaende") return (id: string) => sameFachbereich(measureFb.get(idKey(id)) ?? "", fb);
    const own = new Set(indicatorsOf(master, fb).map((i) => idKey(i.id)));
    return (id: string) => own.has(idKey(id));
  };
  // What is appended names its measure or indicator in the one form (`ID – Name`, see references.ts).
  const names = referenceNames(rowsOfConcept(master));
  const merge = (kind: LongKind) => {
    const outcome = appendReports(
      LONG_TABLES[kind],
      (master[kind]?.rows ?? []).map((r) => r.values as RowValues),
      returns.map((ret) => ({ file: ret.file, rows: ret.rows[kind], owns: owners(kind, ret) })),
    );
    return { ...outcome, additions: outcome.additions.map((values) => uniformRow(kind, values, names)) };
  };
  return { sachstaende: merge("sachstaende"), indikatorwerte: merge("indikatorwerte") };
}
