/**
 * The files of a distribution (`split`, the pane's Verteilen view), for any host: one workbook per recipient —
 * a Fachbereich, or an Akteur without Fachbereich — as a plan, with the sheet `Hinweise` addressed to it, its
 * own measures, the reference sheets read-only, the status query's rows to fill, and the very hidden base
 * values for the merge. Who gets which rows: distribution.ts.
 */
import type { CellValue, IsoDate } from "../domain/dates";
import { formatGermanDate } from "../domain/dates";
import type { MergeRow } from "../domain/merge";
import type { EntityKind } from "../domain/model";
import { latestSachstand, sachstandOf, valuesOf } from "../domain/monitoring";
import { MonitoringData, type MonitoringValue, ownTotals, shownValue } from "../domain/monitoringData";
import { formatGermanNumber } from "../domain/numbers";
import { type Recipient, recipientRef } from "../domain/recipients";
import type { Settings } from "../domain/settings";
import { idKey, normalizeLabel, referenceLabel, textOf } from "../domain/values";
import { EXTRA_PREFIX, extraKey, mergeFields, tableRows } from "./circulation";
import { MASSNAHMEN, TABLES, tableSpec } from "./contract";
import { type Distribution, type DistributedRow, distributionOf, indicatorsOf } from "./distribution";
import { type SheetPlan, type TableContent, type WorkbookPlan, contractLayouts, planTableSheet } from "./plan";
import { workbookWithPageInfo } from "./print";
import type { ReadConcept, WorkbookSource } from "./read";
import { HINTS_SHEET, type HintsInput } from "./sheets/hinweise";
import { LISTEN_SHEET } from "./sheets/listen";
import { ANGEBOTE_BASE_SHEET, BASE_SHEET, type SplitMeta } from "./sheets/verteilung";

export type SplitGroup = Distribution<DistributedRow>["groups"][number];

/**
 * Who receives which measures (and with `angebote` which Angebote; every Akteur's recipient then gets a file,
 * even without measures), what goes to nobody and what is not sent; rows with all their columns.
 */
export function splitDistribution(
  concept: ReadConcept,
  source: WorkbookSource,
  options: { angebote?: boolean; sachstand?: boolean } = {},
): Distribution<DistributedRow> {
  const angebote = concept.found.angebote;
  return distributionOf(concept, tableRows(concept.found.massnahmen!, source), {
    angebote: options.angebote ? (angebote ? tableRows(angebote, source) : []) : null,
    sachstand: options.sachstand,
  });
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

/** What a distribution is, in its file names: none for a plain one. */
export function distributionLabel(options: { sachstand?: IsoDate; angebote?: boolean }): string {
  return [
    ...(options.sachstand ? [`Sachstandsabfrage ${formatGermanDate(options.sachstand)}`] : []),
    ...(options.angebote ? ["Erfassungsbogen Angebote"] : []),
  ].join(" und ");
}

/**
 * `<Master> – <Empfänger>.xlsx`, or with a label `<Master> – Sachstandsabfrage 31.12.2026 – <Empfänger>.xlsx`;
 * unique within one distribution.
 */
export function splitFileNames(masterStem: string, recipients: string[], label = ""): string[] {
  const used = new Set<string>();
  const prefix = [masterStem, ...(label ? [label] : [])].map(safeFileName).join(" – ");
  return recipients.map((recipient) => {
    const stem = `${prefix} – ${safeFileName(recipient)}`;
    let name = `${stem}.xlsx`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${stem} (${i}).xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
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

export interface SplitWorkbookInput {
  concept: ReadConcept;
  source: WorkbookSource;
  settings: Settings;
  group: SplitGroup;
  meta: SplitMeta;
  /** Status query: the Berichtsstichtag whose Sachstände and Indikatorwerte the recipient fills in. */
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

/**
 * The values of an indicator by Gebiet and Gruppe at its latest Stichtag, when it has values of other
 * Gebiete or Gruppen than the own area's total (stored ones: a computed value is delivered by none).
 */
function deliveredSeries(data: MonitoringData, indikator: string): MonitoringValue[] {
  const stored = data.of(indikator).filter((v) => !v.berechnet);
  const latest = stored.at(-1)?.stichtag;
  const last = stored.filter((v) => v.stichtag === latest);
  const own = idKey(data.gebiete.own);
  return last.some((v) => idKey(v.gebiet) !== own || v.gruppe !== "") ? last : [];
}

/** The rows to fill in a status query: one Sachstand per measure, one value per indicator the recipient delivers. */
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
  const data = new MonitoringData(concept);
  const values = ownTotals(data);
  const indikatorwerte = indicatorsOf(concept, recipientRef(group.recipient)).flatMap((ind) => {
    const quelle = ind.values["datenquelle"] ?? null;
    const delivered = deliveredSeries(data, ind.id);
    if (delivered.length > 0) {
      // The Gebiete and Gruppen the Fachbereich delivered last time, one row each.
      return delivered.map((v) => ({
        indikator: ind.id,
        stichtag: berichtsstichtag,
        gebiet: v.gebiet === data.gebiete.own ? null : referenceLabel(v.gebiet, data.gebiete.get(v.gebiet)?.name ?? ""),
        gruppe: v.gruppe || null,
        quelle,
        [PREVIOUS_VALUE.key]: `${formatGermanDate(v.stichtag)}: ${shownValue(v)}`,
      }));
    }
    const known = valuesOf(ind.id, values);
    const last = known[known.length - 1];
    const previous = last ? `${formatGermanDate(last.stichtag)}: ${formatGermanNumber(last.wert)}` : "noch kein Wert";
    return [{ indikator: ind.id, stichtag: berichtsstichtag, quelle, [PREVIOUS_VALUE.key]: previous }];
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

/**
 * The reference sheets a recipient receives, read-only, besides its Maßnahmen: the tables the contract
 * sends (`travels`), those sent `ifPresent` (Bedarfe) only when the master has them.
 */
function referenceKinds(concept: ReadConcept): EntityKind[] {
  return TABLES.filter((t) => t.travels === "always" || (t.travels === "ifPresent" && concept.found[t.kind])).map(
    (t) => t.kind,
  );
}

/**
 * The Akteure as a recipient sees them. A partner outside the administration (an Akteur without Fachbereich:
 * Jobcenter, Verein, Träger) gets every Akteur for the Federführung list, but the Ansprechperson and E-Mail
 * only of itself: the staff's and the other partners' contacts are personal data it has no need of.
 */
function contactsFor(recipient: Recipient, rows: Record<string, CellValue>[]): Record<string, CellValue>[] {
  const own = recipient.akteur;
  if (!own) return rows;
  const isOwn = (r: Record<string, CellValue>) =>
    own.id
      ? idKey(textOf(r.id ?? null)) === idKey(own.id)
      : normalizeLabel(textOf(r.bezeichnung ?? null)) === normalizeLabel(own.bezeichnung);
  return rows.map((r) => (isOwn(r) ? r : { ...r, ansprechperson: null, email: null }));
}

/** What the Hinweise of a recipient's file say (and its mail draft). */
export function splitHints({
  concept,
  settings,
  group,
  meta,
  sachstand,
}: Omit<SplitWorkbookInput, "source">): HintsInput {
  return {
    recipient: group.recipient,
    meta,
    settings,
    address: returnAddress(concept, settings),
    measures: group.rows.length,
    sachstand,
    angebote: group.angebote?.length,
    readOnly: referenceKinds(concept).map((kind) => tableSpec(kind).sheet),
  };
}

/** One recipient's workbook: Hinweise, its Maßnahmen, the reference sheets read-only, lists and base. */
export function planSplitWorkbook(input: SplitWorkbookInput): WorkbookPlan {
  const { concept, source, settings, group, meta, sachstand } = input;
  const massnahmen = concept.found.massnahmen!;
  const extras = mergeFields(massnahmen)
    .filter((f) => f.key.startsWith(EXTRA_PREFIX))
    .map((f) => ({ key: f.key, header: f.label }));
  // Bedarfe go along when the master has them, so the Maßnahmen column Bedarfe offers them as a list.
  const references: TableContent[] = referenceKinds(concept).map((kind) => {
    const found = concept.found[kind];
    const rows = found ? tableRows(found, source).map((r) => r.values) : [];
    return { spec: tableSpec(kind), rows: kind === "akteure" ? contactsFor(group.recipient, rows) : rows };
  });
  const measures: TableContent = { spec: MASSNAHMEN, rows: group.rows.map((r) => r.values), extraColumns: extras };
  const query = sachstand ? statusQueryContents(concept, group, sachstand) : [];
  const angebote = group.angebote ? angeboteContent(concept, group.angebote) : null;
  const contents = [...references, measures, ...query, ...(angebote ? [angebote] : [])];
  const layouts = contractLayouts(contents);
  const hints = HINTS_SHEET.plan(splitHints(input));
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
    LISTEN_SHEET.plan(layouts),
    BASE_SHEET.plan(meta, MASSNAHMEN, extras, group.rows),
    ...(angebote ? [ANGEBOTE_BASE_SHEET.plan(meta, angebote.spec, angebote.extraColumns ?? [], group.angebote!)] : []),
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
