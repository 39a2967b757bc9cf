/**
 * The rule catalogue of the contract: every check that tells planning staff which measure is not SMART,
 * in which cell, and what to do about it.
 */
import {
  type CellValue,
  type DatePrecision,
  type IsoDate,
  compareIso,
  formatGermanDate,
  parseGermanDate,
} from "./dates";
import {
  type ConceptData,
  ENTITY_KINDS,
  type RowRecord,
  type TableData,
  ART_VALUES,
  FINANZIERUNG_VALUES,
  PRIORITAET_VALUES,
  STATUS_VALUES,
} from "./model";
import { parseGermanNumber } from "./numbers";
import { type Settings, readSettings } from "./settings";
import { idKey, isBlank, isEmailAddress, matchListValue, referenceId, referenceIds, textOf, wordCount } from "./values";

export type Severity = "error" | "warning" | "info";
export type SmartLetter = "S" | "M" | "A" | "R" | "T";
export const SMART_LETTERS: readonly SmartLetter[] = ["S", "M", "A", "R", "T"];

interface RuleInfo {
  severity: Severity;
  smart: SmartLetter | null;
  /** Short German name, for the Prüfbericht and the pane's filters. */
  title: string;
}

export const RULES = {
  BLATT_FEHLT: { severity: "error", smart: null, title: "Blatt fehlt" },
  SPALTE_FEHLT: { severity: "error", smart: null, title: "Spalte fehlt" },
  ID_FEHLT: { severity: "error", smart: null, title: "ID fehlt" },
  ID_DOPPELT: { severity: "error", smart: null, title: "ID doppelt" },
  PFLICHTFELD_LEER: { severity: "error", smart: null, title: "Pflichtangabe fehlt" },
  VERWEIS_UNBEKANNT: { severity: "error", smart: null, title: "Verweis unbekannt" },
  VERWEIS_WIDERSPRUCH: { severity: "error", smart: null, title: "Verweis widersprüchlich" },
  STATUS_UNGUELTIG: { severity: "error", smart: null, title: "Status ungültig" },
  AUSWAHL_UNGUELTIG: { severity: "warning", smart: null, title: "Wert nicht in der Auswahlliste" },
  EINSTELLUNG_UNGUELTIG: { severity: "warning", smart: null, title: "Einstellung nicht lesbar" },
  S_TITEL_FEHLT: { severity: "error", smart: "S", title: "Titel fehlt" },
  S_BESCHREIBUNG_FEHLT: { severity: "error", smart: "S", title: "Beschreibung fehlt" },
  S_BESCHREIBUNG_KURZ: { severity: "warning", smart: "S", title: "Beschreibung zu kurz" },
  S_ZIELGRUPPE_FEHLT: { severity: "warning", smart: "S", title: "Zielgruppe fehlt" },
  M_INDIKATOR_FEHLT: { severity: "error", smart: "M", title: "Indikator fehlt" },
  M_ZIELWERT_FEHLT: { severity: "error", smart: "M", title: "Zielwert fehlt" },
  M_INDIKATOR_UNVOLLSTAENDIG: { severity: "warning", smart: "M", title: "Indikator unvollständig" },
  M_INDIKATOR_ANDERES_ZIEL: { severity: "warning", smart: "M", title: "Indikator gehört zu anderem Ziel" },
  A_FEDERFUEHRUNG_FEHLT: { severity: "error", smart: "A", title: "Federführung fehlt" },
  A_FEDERFUEHRUNG_UNBEKANNT: { severity: "error", smart: "A", title: "Federführung unbekannt" },
  A_KONTAKT_FEHLT: { severity: "warning", smart: "A", title: "Kontakt der Federführung fehlt" },
  A_EMAIL_UNGUELTIG: { severity: "warning", smart: "A", title: "E-Mail ungültig" },
  R_RESSOURCEN_FEHLT: { severity: "error", smart: "R", title: "Ressourcen fehlen" },
  R_WERT_UNGUELTIG: { severity: "error", smart: "R", title: "Ressourcenangabe ungültig" },
  R_FINANZIERUNG_OFFEN: { severity: "warning", smart: "R", title: "Finanzierung offen" },
  T_FRIST_FEHLT: { severity: "error", smart: "T", title: "Frist fehlt" },
  T_FRIST_UNBESTIMMT: { severity: "error", smart: "T", title: "Frist unbestimmt" },
  T_DATUM_UNGUELTIG: { severity: "error", smart: "T", title: "Datum ungültig" },
  T_DATUM_UNGENAU: { severity: "info", smart: "T", title: "Datum ungenau" },
  T_BEGINN_NACH_FRIST: { severity: "error", smart: "T", title: "Beginn nach Frist" },
  T_AUSSERHALB_LAUFZEIT: { severity: "warning", smart: "T", title: "Frist außerhalb der Laufzeit" },
  T_UEBERFAELLIG: { severity: "warning", smart: "T", title: "Frist überschritten" },
  K_HANDLUNGSFELD_OHNE_ZIEL: { severity: "warning", smart: null, title: "Handlungsfeld ohne Ziel" },
  K_ZIEL_OHNE_MASSNAHME: { severity: "warning", smart: null, title: "Ziel ohne Maßnahme" },
  K_ZIEL_OHNE_INDIKATOR: { severity: "warning", smart: null, title: "Ziel ohne Indikator" },
  K_INDIKATOR_UNGENUTZT: { severity: "info", smart: null, title: "Indikator ungenutzt" },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  smart: SmartLetter | null;
  sheet: string;
  cell: string;
  id: string | null;
  message: string;
}

export interface CheckSummary {
  /** Measures (rows with content) in Maßnahmen. */
  measures: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Measures not `verworfen` without an error-severity S/M/A/R/T finding. */
  smartComplete: number;
}

export interface MeasureSmartState {
  id: string;
  row: number;
  rejected: boolean;
  /** Per letter: true when there is no error finding of that letter. */
  letters: Record<SmartLetter, boolean>;
}

export interface CheckResult {
  referenceDate: IsoDate;
  settings: Settings;
  findings: Finding[];
  summary: CheckSummary;
  measures: MeasureSmartState[];
}

export interface CheckOptions {
  /** Reference date of the checks; overrides Einstellungen `Stichtag`. */
  referenceDate?: IsoDate;
  /** Today, used when neither option nor Einstellungen name a Stichtag. */
  today: IsoDate;
}

type AnyTable = TableData<string>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const PRECISION_WORD: Record<Exclude<DatePrecision, "day">, string> = {
  month: "Monatsangabe",
  quarter: "Quartalsangabe",
  half: "Halbjahresangabe",
  year: "Jahresangabe",
};

/** The first day of the period a month, quarter, half-year or year names (for Beginn). */
export function periodStart(date: IsoDate, precision: DatePrecision): IsoDate {
  const [y, m] = [date.slice(0, 4), Number(date.slice(5, 7))];
  const startMonth: Record<DatePrecision, number> = {
    day: 0,
    month: m,
    quarter: m - 2,
    half: m - 5,
    year: 1,
  };
  if (precision === "day") return date;
  return `${y}-${String(startMonth[precision]).padStart(2, "0")}-01`;
}

function quote(text: string): string {
  return `„${text}“`;
}

class Collector {
  readonly findings: Finding[] = [];

  add(
    rule: RuleCode,
    table: AnyTable,
    row: number | null,
    field: string | null,
    id: string | null,
    message: string,
    cell = cellAddress(table, field, row),
  ) {
    const info: RuleInfo = RULES[rule];
    this.findings.push({
      rule,
      severity: info.severity,
      smart: info.smart,
      sheet: table.sheet,
      cell,
      id,
      message,
    });
  }
}

function cellAddress(table: AnyTable, field: string | null, row: number | null): string {
  const r = row ?? table.headerRow;
  const col = (field && table.columns[field]) || table.columns["id"] || Object.values(table.columns)[0] || "A";
  return `${col}${r}`;
}

function has(table: AnyTable, field: string): boolean {
  return table.columns[field] !== undefined;
}

function value(record: RowRecord<string>, field: string): CellValue {
  return record.values[field] ?? null;
}

/** The ID of a row for messages and for the `id` of a finding. */
function rowId(record: RowRecord<string>): string | null {
  const id = textOf(value(record, "id"));
  return id === "" ? null : id;
}

/** Index of a reference table by ID key; the first row wins when an ID is doubled. */
function indexById(table: AnyTable | null): Map<string, RowRecord<string>> {
  const map = new Map<string, RowRecord<string>>();
  for (const record of table?.rows ?? []) {
    const id = textOf(value(record, "id"));
    if (id !== "" && !map.has(idKey(id))) map.set(idKey(id), record);
  }
  return map;
}

/** Structure common to every table: missing columns, IDs, required cells. */
function checkStructure(c: Collector, table: AnyTable, requiredFields: Record<string, string>) {
  const label = table.sheet;
  for (const missing of table.missingColumns) {
    c.add(
      "SPALTE_FEHLT",
      table,
      table.headerRow,
      null,
      null,
      `Im Blatt ${quote(label)} fehlt die Pflichtspalte ${quote(missing.header)}. Fügen Sie in der Kopfzeile eine Spalte mit dieser Überschrift hinzu.`,
      `${table.nextFreeColumn}${table.headerRow}`,
    );
  }
  if (!has(table, "id")) return;
  const seen = new Map<string, RowRecord<string>[]>();
  for (const record of table.rows) {
    const id = textOf(value(record, "id"));
    if (id === "") {
      c.add(
        "ID_FEHLT",
        table,
        record.row,
        "id",
        null,
        `Zeile ${record.row} im Blatt ${quote(label)} hat Inhalt, aber keine ID. Tragen Sie eine eindeutige ID ein (die nächste freie schlägt das Add-in vor).`,
      );
    } else {
      const list = seen.get(idKey(id)) ?? [];
      list.push(record);
      seen.set(idKey(id), list);
    }
    for (const [field, fieldLabel] of Object.entries(requiredFields)) {
      if (has(table, field) && isBlank(value(record, field))) {
        c.add(
          "PFLICHTFELD_LEER",
          table,
          record.row,
          field,
          id || null,
          `${id ? `${label} ${id}` : `Zeile ${record.row} im Blatt ${quote(label)}`}: ${fieldLabel} fehlt. Bitte in dieser Zelle ergänzen.`,
        );
      }
    }
  }
  for (const [, records] of seen) {
    if (records.length < 2) continue;
    for (const record of records) {
      const others = records.filter((r) => r !== record).map((r) => r.row);
      c.add(
        "ID_DOPPELT",
        table,
        record.row,
        "id",
        rowId(record),
        `Die ID ${quote(rowId(record) ?? "")} steht im Blatt ${quote(label)} mehrfach (auch in Zeile ${others.join(", ")}). Vergeben Sie für jede Zeile eine eigene ID; Verweise und die Zusammenführung hängen daran.`,
      );
    }
  }
}

/** A single reference from `table.field` to a target table; returns the target row or null. */
function checkReference(
  c: Collector,
  table: AnyTable,
  record: RowRecord<string>,
  field: string,
  fieldLabel: string,
  target: Map<string, RowRecord<string>>,
  targetLabel: string,
  ownerLabel: string,
): RowRecord<string> | null {
  if (!has(table, field)) return null;
  const raw = value(record, field);
  if (isBlank(raw)) {
    c.add(
      "PFLICHTFELD_LEER",
      table,
      record.row,
      field,
      rowId(record),
      `${ownerLabel}: ${fieldLabel} fehlt. Wählen Sie ${fieldLabel === "Ziel" ? "ein Ziel" : "ein Handlungsfeld"} aus der Liste.`,
    );
    return null;
  }
  const id = referenceId(raw);
  const hit = target.get(idKey(id));
  if (!hit) {
    c.add(
      "VERWEIS_UNBEKANNT",
      table,
      record.row,
      field,
      rowId(record),
      `${ownerLabel}: ${fieldLabel} ${quote(id)} gibt es im Blatt ${quote(targetLabel)} nicht. Wählen Sie eine vorhandene ID aus der Liste oder legen Sie den Eintrag dort an.`,
    );
  }
  return hit ?? null;
}

export function checkConcept(data: ConceptData, options: CheckOptions): CheckResult {
  const c = new Collector();
  const { settings, problems } = readSettings(data);
  const referenceDate = options.referenceDate ?? settings.stichtag ?? options.today;

  for (const missing of data.missingTables) {
    c.findings.push({
      rule: "BLATT_FEHLT",
      severity: "error",
      smart: null,
      sheet: missing.sheet,
      cell: "A1",
      id: null,
      message: `Das Blatt ${quote(missing.sheet)} mit der Tabelle ${quote(missing.table)} fehlt. Legen Sie es mit den Spalten ${missing.requiredHeaders.join(", ")} an.`,
    });
  }

  const einstellungen = data.einstellungen;
  if (einstellungen) {
    checkStructure(c, einstellungen, {});
    for (const p of problems) {
      c.add(
        "EINSTELLUNG_UNGUELTIG",
        einstellungen,
        p.row,
        "wert",
        null,
        `Die Einstellung ${quote(p.key)} hat den Wert ${quote(p.value)}, der sich nicht als ${p.expected} lesen lässt; es gilt der Standardwert. Tragen Sie ${p.expected === "Datum" ? "ein Datum wie 31.12.2027" : "eine Zahl"} ein.`,
      );
    }
  }

  const hf = data.handlungsfelder;
  const ziele = data.ziele;
  const indikatoren = data.indikatoren;
  const akteure = data.akteure;
  const massnahmen = data.massnahmen;

  if (hf) checkStructure(c, hf, { handlungsfeld: "Name des Handlungsfelds" });
  if (ziele) checkStructure(c, ziele, { ziel: "Zielformulierung" });
  if (indikatoren) checkStructure(c, indikatoren, { indikator: "Bezeichnung des Indikators" });
  if (akteure) checkStructure(c, akteure, { bezeichnung: "Bezeichnung" });
  checkStructure(c, massnahmen, {});
  if (data.kriterien) checkStructure(c, data.kriterien, {});

  const hfById = indexById(hf);
  const zielById = indexById(ziele);
  const indById = indexById(indikatoren);
  const akteurById = indexById(akteure);

  // Ziele → Handlungsfeld, Indikatoren → Ziel
  if (ziele) {
    for (const z of ziele.rows) {
      checkReference(
        c,
        ziele,
        z,
        "handlungsfeld",
        "Handlungsfeld",
        hfById,
        "Handlungsfelder",
        `Ziel ${rowId(z) ?? `in Zeile ${z.row}`}`,
      );
    }
  }
  if (indikatoren) {
    for (const ind of indikatoren.rows) {
      checkReference(
        c,
        indikatoren,
        ind,
        "ziel",
        "Ziel",
        zielById,
        "Ziele",
        `Indikator ${rowId(ind) ?? `in Zeile ${ind.row}`}`,
      );
    }
  }

  // Akteure: e-mail addresses and choice lists
  if (akteure) {
    for (const a of akteure.rows) {
      const mail = textOf(value(a, "email"));
      if (mail !== "" && !isEmailAddress(mail)) {
        c.add(
          "A_EMAIL_UNGUELTIG",
          akteure,
          a.row,
          "email",
          rowId(a),
          `Akteur ${rowId(a) ?? ""}: ${quote(mail)} ist keine E-Mail-Adresse. Tragen Sie eine Adresse wie name@kommune.de ein.`,
        );
      }
      checkChoice(c, akteure, a, "art", "Art", ART_VALUES, `Akteur ${rowId(a) ?? ""}`);
    }
  }

  // Measures
  const active: RowRecord<string>[] = [];
  const linkedIndicators = new Map<string, string[]>();
  const zieleWithMeasure = new Set<string>();
  for (const m of massnahmen.rows) {
    const id = rowId(m);
    const who = `Maßnahme ${id ?? `in Zeile ${m.row}`}`;
    const status = checkStatus(c, massnahmen, m, who);
    const rejected = status === "verworfen";
    if (!rejected) active.push(m);

    const hfRow = checkReference(c, massnahmen, m, "handlungsfeld", "Handlungsfeld", hfById, "Handlungsfelder", who);
    const zielRow = checkReference(c, massnahmen, m, "ziel", "Ziel", zielById, "Ziele", who);
    if (hfRow && zielRow && ziele) {
      const zielHf = referenceId(value(zielRow, "handlungsfeld"));
      const measureHf = textOf(value(hfRow, "id"));
      if (zielHf !== "" && idKey(zielHf) !== idKey(measureHf)) {
        c.add(
          "VERWEIS_WIDERSPRUCH",
          massnahmen,
          m.row,
          "handlungsfeld",
          id,
          `${who}: Handlungsfeld ${measureHf} passt nicht zum Ziel ${textOf(value(zielRow, "id"))}, das zum Handlungsfeld ${zielHf} gehört. Wählen Sie ein Ziel dieses Handlungsfelds oder das Handlungsfeld des Ziels.`,
        );
      }
    }
    if (zielRow && !rejected) zieleWithMeasure.add(idKey(textOf(value(zielRow, "id"))));

    // Indicator links are structure: unknown IDs are reported for every measure.
    const indIds = has(massnahmen, "indikatoren") ? referenceIds(value(m, "indikatoren")) : [];
    for (const indId of indIds) {
      const ind = indById.get(idKey(indId));
      if (!ind) {
        c.add(
          "VERWEIS_UNBEKANNT",
          massnahmen,
          m.row,
          "indikatoren",
          id,
          `${who}: den Indikator ${quote(indId)} gibt es im Blatt „Indikatoren“ nicht. Wählen Sie eine vorhandene ID oder legen Sie den Indikator dort an.`,
        );
        continue;
      }
      if (rejected) continue;
      const key = idKey(indId);
      linkedIndicators.set(key, [...(linkedIndicators.get(key) ?? []), id ?? `Zeile ${m.row}`]);
      const indZiel = referenceId(value(ind, "ziel"));
      if (zielRow && indZiel !== "" && idKey(indZiel) !== idKey(textOf(value(zielRow, "id")))) {
        c.add(
          "M_INDIKATOR_ANDERES_ZIEL",
          massnahmen,
          m.row,
          "indikatoren",
          id,
          `${who}: der Indikator ${indId} misst das Ziel ${indZiel}, die Maßnahme gehört aber zum Ziel ${textOf(value(zielRow, "id"))}. Wählen Sie einen Indikator dieses Ziels oder prüfen Sie die Zuordnung.`,
        );
      }
    }

    const lead = checkLead(c, massnahmen, m, who, akteurById, akteure, rejected);
    if (rejected) continue;

    checkSpecific(c, massnahmen, m, who);
    if (has(massnahmen, "indikatoren") && indIds.length === 0) {
      c.add(
        "M_INDIKATOR_FEHLT",
        massnahmen,
        m.row,
        "indikatoren",
        id,
        `${who}: kein Indikator verknüpft, die Wirkung ist so nicht messbar. Tragen Sie eine oder mehrere Indikator-IDs ein (z. B. „I-001; I-002“).`,
      );
    }
    if (has(massnahmen, "zielwert") && isBlank(value(m, "zielwert"))) {
      c.add(
        "M_ZIELWERT_FEHLT",
        massnahmen,
        m.row,
        "zielwert",
        id,
        `${who}: kein Zielwert. Tragen Sie ein, woran der Erfolg gemessen wird, z. B. „40 Teilnehmende pro Jahr“.`,
      );
    }
    if (lead && akteure && isBlank(value(lead, "ansprechperson")) && isBlank(value(lead, "email"))) {
      c.add(
        "A_KONTAKT_FEHLT",
        massnahmen,
        m.row,
        "federfuehrung",
        id,
        `${who}: für die Federführung ${textOf(value(lead, "id"))} (${textOf(value(lead, "bezeichnung"))}) ist weder Ansprechperson noch E-Mail hinterlegt. Ergänzen Sie im Blatt „Akteure“ eine Ansprechperson oder E-Mail.`,
      );
    }
    checkResources(c, massnahmen, m, who, status);
    checkDates(c, massnahmen, m, who, status, settings, referenceDate);
    checkChoice(c, massnahmen, m, "prioritaet", "Priorität", PRIORITAET_VALUES, who);
  }

  // Indicators linked by active measures that lack the data to measure against
  if (indikatoren) {
    for (const [key, users] of linkedIndicators) {
      const ind = indById.get(key);
      if (!ind) continue;
      const missing = (
        [
          ["basiswert", "Basiswert"],
          ["zielwert", "Zielwert"],
          ["datenquelle", "Datenquelle"],
        ] as const
      ).filter(([field]) => has(indikatoren, field) && isBlank(value(ind, field)));
      if (missing.length === 0) continue;
      const names = missing.map(([, label]) => label);
      c.add(
        "M_INDIKATOR_UNVOLLSTAENDIG",
        indikatoren,
        ind.row,
        missing[0]![0],
        rowId(ind),
        `Indikator ${rowId(ind) ?? ""} (genutzt von ${[...new Set(users)].join(", ")}): ${names.join(", ")} ${names.length === 1 ? "fehlt" : "fehlen"}. Ohne diese Angaben lässt sich die Zielerreichung nicht messen; ergänzen Sie sie im Blatt „Indikatoren“.`,
      );
    }
  }

  checkCoherence(c, data, zieleWithMeasure, linkedIndicators);

  const findings = sortFindings(c.findings, data);
  const measures = smartStates(findings, massnahmen);
  return { referenceDate, settings, findings, summary: summarize(findings, measures), measures };
}

function checkStatus(c: Collector, table: AnyTable, m: RowRecord<string>, who: string): string | null {
  if (!has(table, "status")) return null;
  const raw = value(m, "status");
  const status = matchListValue(raw, STATUS_VALUES);
  if (!status) {
    c.add(
      "STATUS_UNGUELTIG",
      table,
      m.row,
      "status",
      rowId(m),
      isBlank(raw)
        ? `${who}: Status fehlt. Wählen Sie einen Status aus der Liste (${STATUS_VALUES.join(", ")}).`
        : `${who}: Status ${quote(textOf(raw))} ist nicht vorgesehen. Wählen Sie einen Status aus der Liste (${STATUS_VALUES.join(", ")}).`,
    );
  }
  return status;
}

function checkChoice(
  c: Collector,
  table: AnyTable,
  record: RowRecord<string>,
  field: string,
  label: string,
  list: readonly string[],
  who: string,
) {
  const raw = value(record, field);
  if (!has(table, field) || isBlank(raw) || matchListValue(raw, list)) return;
  c.add(
    "AUSWAHL_UNGUELTIG",
    table,
    record.row,
    field,
    rowId(record),
    `${who}: ${label} ${quote(textOf(raw))} ist nicht vorgesehen. Wählen Sie einen Wert aus der Liste (${list.join(", ")}).`,
  );
}

function checkLead(
  c: Collector,
  table: AnyTable,
  m: RowRecord<string>,
  who: string,
  akteurById: Map<string, RowRecord<string>>,
  akteure: AnyTable | null,
  rejected: boolean,
): RowRecord<string> | null {
  if (!has(table, "federfuehrung")) return null;
  const raw = value(m, "federfuehrung");
  if (isBlank(raw)) {
    if (!rejected) {
      c.add(
        "A_FEDERFUEHRUNG_FEHLT",
        table,
        m.row,
        "federfuehrung",
        rowId(m),
        `${who}: keine Federführung. Wählen Sie die verantwortliche Stelle aus der Liste der Akteure.`,
      );
    }
    return null;
  }
  if (!akteure) return null;
  const id = referenceId(raw);
  const lead = akteurById.get(idKey(id));
  if (lead) return lead;
  const byName = akteure.rows.find(
    (a) => textOf(value(a, "bezeichnung")).toLocaleLowerCase("de-DE") === textOf(raw).toLocaleLowerCase("de-DE"),
  );
  const hint = byName
    ? ` Gemeint ist vermutlich ${textOf(value(byName, "id"))} – ${textOf(value(byName, "bezeichnung"))}; tragen Sie die ID ein.`
    : " Wählen Sie eine Stelle aus der Liste oder legen Sie sie im Blatt „Akteure“ an.";
  c.add(
    "A_FEDERFUEHRUNG_UNBEKANNT",
    table,
    m.row,
    "federfuehrung",
    rowId(m),
    `${who}: Federführung ${quote(textOf(raw))} ist keine Akteur-ID.${hint}`,
  );
  return null;
}

function checkSpecific(c: Collector, table: AnyTable, m: RowRecord<string>, who: string) {
  const id = rowId(m);
  if (has(table, "titel") && isBlank(value(m, "titel"))) {
    c.add(
      "S_TITEL_FEHLT",
      table,
      m.row,
      "titel",
      id,
      `${who}: kein Titel. Geben Sie der Maßnahme einen kurzen, eindeutigen Titel.`,
    );
  }
  if (has(table, "beschreibung")) {
    const text = textOf(value(m, "beschreibung"));
    if (text === "") {
      c.add(
        "S_BESCHREIBUNG_FEHLT",
        table,
        m.row,
        "beschreibung",
        id,
        `${who}: keine Beschreibung. Beschreiben Sie in zwei, drei Sätzen, was genau getan wird, für wen und wo.`,
      );
    } else if (wordCount(text) < 8) {
      c.add(
        "S_BESCHREIBUNG_KURZ",
        table,
        m.row,
        "beschreibung",
        id,
        `${who}: die Beschreibung hat nur ${wordCount(text)} Wörter. Beschreiben Sie genauer (mindestens 8 Wörter), was getan wird, für wen und wo.`,
      );
    }
  }
  if (has(table, "zielgruppe") && isBlank(value(m, "zielgruppe"))) {
    c.add(
      "S_ZIELGRUPPE_FEHLT",
      table,
      m.row,
      "zielgruppe",
      id,
      `${who}: keine Zielgruppe. Nennen Sie, wen die Maßnahme erreichen soll.`,
    );
  }
}

function checkResources(c: Collector, table: AnyTable, m: RowRecord<string>, who: string, status: string | null) {
  const id = rowId(m);
  let given = false;
  let readable = true;
  for (const [field, label, example] of [
    ["personal", "Personal (VZÄ)", "0,5"],
    ["sachkosten", "Sachkosten (EUR)", "1.500"],
  ] as const) {
    if (!has(table, field)) continue;
    const parsed = parseGermanNumber(value(m, field));
    if (parsed.kind === "empty") continue;
    if (parsed.kind === "invalid" || parsed.value < 0) {
      readable = false;
      c.add(
        "R_WERT_UNGUELTIG",
        table,
        m.row,
        field,
        id,
        parsed.kind === "invalid"
          ? `${who}: ${label} ${quote(parsed.text)} ist keine Zahl. Tragen Sie nur die Zahl ein, z. B. ${example}.`
          : `${who}: ${label} ist negativ. Tragen Sie einen Wert ab 0 ein.`,
      );
    } else {
      given = true;
    }
  }
  if (!given && readable && (has(table, "personal") || has(table, "sachkosten"))) {
    c.add(
      "R_RESSOURCEN_FEHLT",
      table,
      m.row,
      has(table, "personal") ? "personal" : "sachkosten",
      id,
      `${who}: weder Personal noch Sachkosten angegeben. Schätzen Sie den Aufwand (Personal in VZÄ, Sachkosten in Euro); 0 ist eine gültige Angabe.`,
    );
  }
  if (has(table, "finanzierung")) {
    const finanzierung = matchListValue(value(m, "finanzierung"), FINANZIERUNG_VALUES);
    checkChoice(c, table, m, "finanzierung", "Finanzierung", FINANZIERUNG_VALUES, who);
    if (status === "in Umsetzung" && (finanzierung === "offen" || isBlank(value(m, "finanzierung")))) {
      c.add(
        "R_FINANZIERUNG_OFFEN",
        table,
        m.row,
        "finanzierung",
        id,
        `${who}: die Maßnahme ist in Umsetzung, die Finanzierung ist aber ${finanzierung ? "offen" : "nicht angegeben"}. Klären Sie die Finanzierung und tragen Sie „gesichert“ oder „beantragt“ ein.`,
      );
    }
  }
}

function checkDates(
  c: Collector,
  table: AnyTable,
  m: RowRecord<string>,
  who: string,
  status: string | null,
  settings: Settings,
  referenceDate: IsoDate,
) {
  const id = rowId(m);
  let beginn: IsoDate | null = null;
  if (has(table, "beginn")) {
    const parsed = parseGermanDate(value(m, "beginn"));
    if (parsed.kind === "invalid") {
      c.add(
        "T_DATUM_UNGUELTIG",
        table,
        m.row,
        "beginn",
        id,
        `${who}: Beginn ${quote(parsed.text)} ist kein gültiges Datum. Tragen Sie ein Datum wie 01.03.2026 ein.`,
      );
    } else if (parsed.kind === "date") {
      beginn = periodStart(parsed.date, parsed.precision);
      if (parsed.precision !== "day") {
        c.add(
          "T_DATUM_UNGENAU",
          table,
          m.row,
          "beginn",
          id,
          `${who}: Beginn ist eine ${PRECISION_WORD[parsed.precision]} und wird als ${formatGermanDate(beginn)} gelesen. Tragen Sie ein genaues Datum ein, wenn es feststeht.`,
        );
      }
    }
  }
  if (!has(table, "frist")) return;
  const parsed = parseGermanDate(value(m, "frist"));
  let frist: IsoDate | null = null;
  switch (parsed.kind) {
    case "empty":
      c.add(
        "T_FRIST_FEHLT",
        table,
        m.row,
        "frist",
        id,
        `${who}: keine Frist. Legen Sie fest, bis wann die Maßnahme umgesetzt ist, z. B. 31.12.2027.`,
      );
      return;
    case "vague":
      c.add(
        "T_FRIST_UNBESTIMMT",
        table,
        m.row,
        "frist",
        id,
        `${who}: Frist ${quote(parsed.text)} ist kein Termin. Legen Sie ein Datum fest, zu dem der Stand geprüft wird, z. B. 31.12.2027; bei Daueraufgaben den nächsten Prüftermin.`,
      );
      return;
    case "invalid":
      c.add(
        "T_DATUM_UNGUELTIG",
        table,
        m.row,
        "frist",
        id,
        `${who}: Frist ${quote(parsed.text)} ist kein gültiges Datum. Tragen Sie ein Datum wie 31.12.2027 ein.`,
      );
      return;
    case "date":
      frist = parsed.date;
      if (parsed.precision !== "day") {
        c.add(
          "T_DATUM_UNGENAU",
          table,
          m.row,
          "frist",
          id,
          `${who}: Frist ist eine ${PRECISION_WORD[parsed.precision]} und wird als ${formatGermanDate(frist)} gelesen. Tragen Sie ein genaues Datum ein, wenn es feststeht.`,
        );
      }
  }
  if (beginn && compareIso(beginn, frist) > 0) {
    c.add(
      "T_BEGINN_NACH_FRIST",
      table,
      m.row,
      "beginn",
      id,
      `${who}: Beginn ${formatGermanDate(beginn)} liegt nach der Frist ${formatGermanDate(frist)}. Korrigieren Sie eines der beiden Daten.`,
    );
  }
  const { laufzeitVon: von, laufzeitBis: bis } = settings;
  if ((von && compareIso(frist, von) < 0) || (bis && compareIso(frist, bis) > 0)) {
    c.add(
      "T_AUSSERHALB_LAUFZEIT",
      table,
      m.row,
      "frist",
      id,
      `${who}: Frist ${formatGermanDate(frist)} liegt außerhalb der Laufzeit des Konzepts (${von ? formatGermanDate(von) : "…"} bis ${bis ? formatGermanDate(bis) : "…"}). Passen Sie die Frist oder die Laufzeit in den Einstellungen an.`,
    );
  }
  if ((status === "geplant" || status === "in Umsetzung") && compareIso(frist, referenceDate) < 0) {
    c.add(
      "T_UEBERFAELLIG",
      table,
      m.row,
      "frist",
      id,
      `${who}: Frist ${formatGermanDate(frist)} ist am Stichtag ${formatGermanDate(referenceDate)} überschritten, Status ist noch „${status}“. Aktualisieren Sie den Status oder vereinbaren Sie eine neue Frist.`,
    );
  }
}

function checkCoherence(
  c: Collector,
  data: ConceptData,
  zieleWithMeasure: Set<string>,
  linkedIndicators: Map<string, string[]>,
) {
  const { handlungsfelder: hf, ziele, indikatoren } = data;
  if (hf && ziele && has(ziele, "handlungsfeld")) {
    const withZiel = new Set(ziele.rows.map((z) => idKey(referenceId(value(z, "handlungsfeld")))));
    for (const h of hf.rows) {
      const id = rowId(h);
      if (!id || withZiel.has(idKey(id))) continue;
      c.add(
        "K_HANDLUNGSFELD_OHNE_ZIEL",
        hf,
        h.row,
        "id",
        id,
        `Handlungsfeld ${id} (${textOf(value(h, "handlungsfeld"))}) hat kein Ziel. Formulieren Sie im Blatt „Ziele“ mindestens ein Ziel dafür.`,
      );
    }
  }
  if (ziele) {
    const withIndicator = new Set(
      (indikatoren && has(indikatoren, "ziel") ? indikatoren.rows : []).map((i) =>
        idKey(referenceId(value(i, "ziel"))),
      ),
    );
    for (const z of ziele.rows) {
      const id = rowId(z);
      if (!id) continue;
      if (!zieleWithMeasure.has(idKey(id))) {
        c.add(
          "K_ZIEL_OHNE_MASSNAHME",
          ziele,
          z.row,
          "id",
          id,
          `Ziel ${id} hat keine Maßnahme (verworfene zählen nicht). Planen Sie eine Maßnahme dafür oder streichen Sie das Ziel.`,
        );
      }
      if (indikatoren && !withIndicator.has(idKey(id))) {
        c.add(
          "K_ZIEL_OHNE_INDIKATOR",
          ziele,
          z.row,
          "id",
          id,
          `Ziel ${id} hat keinen Indikator. Legen Sie im Blatt „Indikatoren“ fest, woran die Zielerreichung gemessen wird.`,
        );
      }
    }
  }
  if (indikatoren) {
    for (const i of indikatoren.rows) {
      const id = rowId(i);
      if (!id || linkedIndicators.has(idKey(id))) continue;
      c.add(
        "K_INDIKATOR_UNGENUTZT",
        indikatoren,
        i.row,
        "id",
        id,
        `Indikator ${id} wird von keiner Maßnahme genutzt. Verknüpfen Sie ihn mit einer Maßnahme oder streichen Sie ihn.`,
      );
    }
  }
}

function sortFindings(findings: Finding[], data: ConceptData): Finding[] {
  const sheetRank = new Map<string, number>();
  ENTITY_KINDS.forEach((kind, i) => {
    const t = data[kind];
    if (t) sheetRank.set(t.sheet, i);
  });
  const rowOf = (f: Finding) => Number(/\d+$/.exec(f.cell)?.[0] ?? 0);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (sheetRank.get(a.f.sheet) ?? -1) - (sheetRank.get(b.f.sheet) ?? -1) ||
        rowOf(a.f) - rowOf(b.f) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

function smartStates(findings: Finding[], massnahmen: AnyTable): MeasureSmartState[] {
  const failed = new Map<number, Set<SmartLetter>>();
  for (const f of findings) {
    if (f.sheet !== massnahmen.sheet || f.severity !== "error" || !f.smart) continue;
    const row = Number(/\d+$/.exec(f.cell)?.[0]);
    const set = failed.get(row) ?? new Set<SmartLetter>();
    set.add(f.smart);
    failed.set(row, set);
  }
  return massnahmen.rows.map((m) => {
    const bad = failed.get(m.row);
    const letters = Object.fromEntries(SMART_LETTERS.map((l) => [l, !bad?.has(l)])) as Record<SmartLetter, boolean>;
    return {
      id: textOf(value(m, "id")),
      row: m.row,
      rejected: matchListValue(value(m, "status"), STATUS_VALUES) === "verworfen",
      letters,
    };
  });
}

function summarize(findings: Finding[], states: MeasureSmartState[]): CheckSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    measures: states.length,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    smartComplete: states.filter((s) => !s.rejected && SMART_LETTERS.every((l) => s.letters[l])).length,
  };
}
