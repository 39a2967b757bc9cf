/**
 * The files of a distribution (`split`, the pane's Verteilen view), for any host: one workbook per recipient —
 * a Fachbereich, or an Akteur without Fachbereich — as a plan, with the sheet `Hinweise` addressed to it, its
 * own measures, the reference sheets read-only, the status query's rows to fill, and the very hidden base
 * values for the merge. Who gets which rows: distribution.ts.
 */
import type { IsoDate } from "../domain/dates";
import { formatGermanDate } from "../domain/dates";
import type { MergeRow } from "../domain/merge";
import type { EntityKind } from "../domain/model";
import { latestSachstand, sachstandOf, valuesOf } from "../domain/monitoring";
import { MonitoringData, type MonitoringValue, ownTotals, shownValue } from "../domain/monitoringData";
import { formatGermanNumber } from "../domain/numbers";
import { type Recipient, recipientRef } from "../domain/recipients";
import type { Settings } from "../domain/settings";
import { idKey, normalizeLabel, referenceLabel, textOf } from "../domain/values";
import {
  ANGEBOTE_BASE_SHEET,
  EXTRA_PREFIX,
  type SplitMeta,
  extraKey,
  mergeFields,
  planBaseSheet,
  tableRows,
} from "./circulation";
import { MASSNAHMEN, tableSpec } from "./contract";
import { type Distribution, type DistributedRow, distributionOf, indicatorsOf } from "./distribution";
import {
  type CellPlan,
  type SheetPlan,
  type TableContent,
  type WorkbookPlan,
  contractLayouts,
  planListSheet,
  planTableSheet,
} from "./plan";
import { withPrintLayout, workbookWithPageInfo } from "./print";
import type { ReadConcept, WorkbookSource } from "./read";

export const HINTS_SHEET = "Hinweise";

/** The reference sheets a recipient receives, read-only, besides its Maßnahmen. */
const REFERENCE_KINDS: EntityKind[] = ["einstellungen", "handlungsfelder", "ziele", "indikatoren", "akteure"];

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

/** What the Hinweise say: to whom, how many rows, when and where to. */
export interface HintsInput {
  recipient: Recipient;
  meta: SplitMeta;
  settings: Settings;
  address: string;
  measures: number;
  sachstand?: IsoDate;
  angebote?: number;
  readOnly: string[];
}

/** A line of the Hinweise: its text, bold for a heading, and a font size for the title. */
export interface HintLine {
  text: string;
  bold?: boolean;
  size?: number;
}

/**
 * The words that address the recipient: a Fachbereich as „Ihr Fachbereich“, an Akteur without Fachbereich (an
 * external partner) as „Sie“.
 */
function address(recipient: Recipient) {
  return recipient.akteur
    ? { lead: "Sie federführend sind", carrier: "Träger Sie sind", delivers: "Sie liefern", none: "Sie sind" }
    : {
        lead: "Ihr Fachbereich federführend ist",
        carrier: "Träger zu Ihrem Fachbereich gehört",
        delivers: "Ihr Fachbereich liefert",
        none: "Ihr Fachbereich ist",
      };
}

/** Step 1 of the Hinweise: which measures the file holds. */
function measuresLine(recipient: Recipient, measures: number): string {
  const you = address(recipient);
  if (measures === 0)
    return `1. ${you.none} für keine Maßnahme federführend. Neue Maßnahmen tragen Sie im Blatt „Maßnahmen“ ein (siehe 4.).`;
  const which = measures === 1 ? "steht die Maßnahme, für die" : `stehen die ${measures} Maßnahmen, für die`;
  return `1. Im Blatt „Maßnahmen“ ${which} ${you.lead}. Bitte prüfen, aktualisieren und ergänzen Sie sie.`;
}

/** The Erfassungsbogen's first line: which Angebote the file holds. */
function angeboteLine(carrier: string, angebote: number): string {
  const complete =
    "Bitte prüfen und vervollständigen Sie sie (Zielgruppe, Sozialraum, Teilnehmende pro Jahr, Finanzierung, Kontakt, Stand).";
  if (angebote === 0) return `Im Blatt „Angebote“ steht noch kein Angebot, dessen ${carrier}.`;
  if (angebote === 1) return `Im Blatt „Angebote“ steht das Angebot, dessen ${carrier}. ${complete}`;
  return `Im Blatt „Angebote“ stehen die ${angebote} Angebote, deren ${carrier}. ${complete}`;
}

/** The concept as the Hinweise name it: „Integrationskonzept 2026–2030 – Landkreis Beispiel“. */
export function conceptName(settings: Settings): string {
  return [settings.konzepttitel, settings.kommune].filter(Boolean).join(" – ") || "Integrationskonzept";
}

/** Lines that only an Erfassungsbogen has. */
function erfassungLines(carrier: string, angebote: number | undefined): HintLine[] {
  if (angebote === undefined) return [];
  return [
    { text: "Erfassungsbogen: bestehende Angebote", bold: true },
    { text: angeboteLine(carrier, angebote) },
    {
      text: "Fehlt ein Angebot, tragen Sie es in die erste freie Zeile unter der Tabelle ein; die ID (AN-…) dürfen Sie leer lassen, sie wird beim Zusammenführen vergeben. Handlungsfeld und Träger wählen Sie aus der Liste.",
    },
    { text: "" },
  ];
}

/** Lines that only a status query has. */
function queryLines(delivers: string, sachstand: IsoDate | undefined): HintLine[] {
  if (!sachstand) return [];
  return [
    { text: "Sachstandsabfrage", bold: true },
    {
      text: `Im Blatt „Sachstände“ steht je Maßnahme eine Zeile zum Berichtsstichtag ${formatGermanDate(sachstand)}. Bitte Sachstand, Umsetzung (%), Ampel, Nächste Schritte und Hindernisse eintragen; hat sich der Status geändert, wählen Sie den neuen. Die Spalte „Bisheriger Sachstand“ zeigt den letzten Bericht.`,
    },
    {
      text: `Im Blatt „Indikatorwerte“ stehen die Indikatoren, deren Werte ${delivers}: bitte den Wert zum Stichtag eintragen. Zeilen ohne Eintrag gelten als nicht gemeldet.`,
    },
    { text: "" },
  ];
}

/**
 * What the recipient is asked to do, by when and to whom: the sheet „Hinweise“ of its file and the text of the
 * mail draft (`split --mail`) both say it with these lines. `medium` names the file as the sheet („diese
 * Datei“) or the mail („die angehängte Datei“) sees it.
 */
export function hintsLines(input: HintsInput, medium: "sheet" | "mail"): HintLine[] {
  const { recipient, meta, settings, address: returnTo, measures, sachstand, angebote, readOnly } = input;
  const you = address(recipient);
  const file = medium === "mail" ? "die angehängte Datei" : "diese Datei";
  return [
    ...queryLines(you.delivers, sachstand),
    ...erfassungLines(you.carrier, angebote),
    { text: "Was ist zu tun?", bold: true },
    { text: measuresLine(recipient, measures) },
    { text: "2. Rosa hinterlegte Zellen sind Pflichtangaben, die noch fehlen." },
    {
      text: "3. Handlungsfeld, Ziel, Indikatoren, Federführung, Finanzierung und Status wählen Sie aus der Liste (Zelle anklicken, dann den Pfeil rechts daneben).",
    },
    {
      text: "4. Neue Maßnahmen tragen Sie in die erste freie Zeile direkt unter der Tabelle ein. Die ID dürfen Sie leer lassen; sie wird beim Zusammenführen vergeben.",
    },
    {
      text: "5. Bitte ändern Sie keine IDs und löschen Sie keine Zeilen. Soll eine Maßnahme entfallen, setzen Sie den Status auf „verworfen“ oder „zurückgestellt“ und nennen Sie den Grund unter „Bemerkung“.",
    },
    {
      text: `6. Die Blätter ${readOnly.slice(0, -1).join(", ")} und ${readOnly[readOnly.length - 1]} sind schreibgeschützt. Fehlt dort etwas, schreiben Sie es bitte in die Bemerkung oder an die Koordinierungsstelle.`,
    },
    { text: "" },
    { text: "Bis wann?", bold: true },
    {
      text: settings.ruecklaufBis
        ? `Bitte bis zum ${formatGermanDate(settings.ruecklaufBis)} zurücksenden.`
        : "Den Termin für die Rückmeldung nennt Ihnen die Koordinierungsstelle.",
    },
    { text: "" },
    { text: "An wen?", bold: true },
    { text: `Bitte senden Sie ${file} als Excel-Datei (.xlsx) zurück an: ${returnTo}.` },
    { text: "Den Dateinamen können Sie behalten. Für die Bearbeitung ist kein Add-in nötig." },
    { text: "" },
    { text: `Verteilt am ${formatGermanDate(meta.date)} aus „${meta.masterFile}“.` },
  ];
}

function planHintsSheet(input: HintsInput): SheetPlan {
  const title: HintLine[] = [
    {
      text: `${input.sachstand ? "Sachstandsabfrage" : "Maßnahmen zur Rückmeldung"} – ${input.recipient.name}`,
      bold: true,
      size: 14,
    },
    { text: conceptName(input.settings) },
    { text: "" },
  ];
  const cells: CellPlan[] = [...title, ...hintsLines(input, "sheet")].map(({ text, bold, size }, i) => ({
    row: i + 1,
    column: 1,
    value: text,
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

/** One recipient's workbook: Hinweise, its Maßnahmen, the reference sheets read-only, lists and base. */
/** The reference sheets of a recipient's file; Bedarfe go along when the master has them. */
function referenceKinds(concept: ReadConcept): EntityKind[] {
  return [...REFERENCE_KINDS, ...(concept.found.bedarfe ? (["bedarfe"] as const) : [])];
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

export function planSplitWorkbook(input: SplitWorkbookInput): WorkbookPlan {
  const { concept, source, settings, group, meta, sachstand } = input;
  const massnahmen = concept.found.massnahmen!;
  const extras = mergeFields(massnahmen)
    .filter((f) => f.key.startsWith(EXTRA_PREFIX))
    .map((f) => ({ key: f.key, header: f.label }));
  // Bedarfe go along when the master has them, so the Maßnahmen column Bedarfe offers them as a list.
  const references: TableContent[] = referenceKinds(concept).map((kind) => {
    const found = concept.found[kind];
    return { spec: tableSpec(kind), rows: found ? tableRows(found, source).map((r) => r.values) : [] };
  });
  const measures: TableContent = { spec: MASSNAHMEN, rows: group.rows.map((r) => r.values), extraColumns: extras };
  const query = sachstand ? statusQueryContents(concept, group, sachstand) : [];
  const angebote = group.angebote ? angeboteContent(concept, group.angebote) : null;
  const contents = [...references, measures, ...query, ...(angebote ? [angebote] : [])];
  const layouts = contractLayouts(contents);
  const hints = planHintsSheet(splitHints(input));
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
