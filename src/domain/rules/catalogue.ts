/** The rule catalogue of the contract: every rule code with its severity and SMART letter, and the result types. */
import type { IsoDate } from "../dates";
import type { EntityKind } from "../model";
import type { Settings } from "../settings";
import type { MESSAGES, MessageParams } from "./messages";

export type Severity = "error" | "warning" | "info";
export type SmartLetter = "S" | "M" | "A" | "R" | "T";
export const SMART_LETTERS: readonly SmartLetter[] = ["S", "M", "A", "R", "T"];

export interface RuleInfo {
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
  K_HANDLUNGSFELD_OHNE_BESTAND: { severity: "info", smart: null, title: "Handlungsfeld ohne Angebot" },
  B_OHNE_MASSNAHME: { severity: "warning", smart: null, title: "Bedarf ohne Maßnahme" },
  I_WERT_UNGUELTIG: { severity: "error", smart: null, title: "Indikatorwert nicht lesbar" },
  I_WERT_DOPPELT: { severity: "warning", smart: null, title: "Indikatorwert doppelt" },
  I_WERT_UNPLAUSIBEL: { severity: "warning", smart: null, title: "Indikatorwert unplausibel" },
  I_WERT_FEHLT: { severity: "warning", smart: null, title: "Indikatorwert fehlt" },
  I_ZIEL_GEFAEHRDET: { severity: "warning", smart: null, title: "Indikatorziel gefährdet" },
  I_GEBIET_UNBEKANNT: { severity: "error", smart: null, title: "Gebiet unbekannt" },
  I_KENNZEICHEN_UNGUELTIG: { severity: "error", smart: null, title: "Kennzeichen ungültig" },
  I_BERECHNUNG_UNGUELTIG: { severity: "error", smart: null, title: "Berechnung ungültig" },
  I_WERTE_FAELLIG: { severity: "info", smart: null, title: "Neue Werte fällig" },
  SACHSTAND_FEHLT: { severity: "warning", smart: null, title: "Sachstand fehlt" },
  SACHSTAND_UNGUELTIG: { severity: "error", smart: null, title: "Sachstand nicht lesbar" },
  SACHSTAND_WIDERSPRUCH: { severity: "warning", smart: null, title: "Sachstand widerspricht Status" },
  P_TERMIN_FEHLT: { severity: "warning", smart: null, title: "Termin fehlt" },
  P_DATUM_UNGUELTIG: { severity: "error", smart: null, title: "Datum des Schritts ungültig" },
  P_BEGINN_NACH_TERMIN: { severity: "error", smart: null, title: "Beginn nach Termin" },
  P_UEBERFAELLIG: { severity: "warning", smart: null, title: "Termin überschritten" },
  P_VERANTWORTLICH_FEHLT: { severity: "warning", smart: null, title: "Verantwortlich fehlt" },
  P_VERANTWORTLICH_UNBEKANNT: { severity: "error", smart: null, title: "Verantwortlich unbekannt" },
  P_GREMIUM_FEHLT: { severity: "warning", smart: null, title: "Gremium fehlt" },
  P_BERATUNGSFOLGE: { severity: "warning", smart: null, title: "Beschluss vor Beratung" },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

/** Every rule has its message (messages.ts) and every message a rule: a missing one does not compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const EVERY_RULE_WORDED: Same<RuleCode, keyof typeof MESSAGES> = true;

/**
 * One finding. `rule` … `message` are the contract's (`check --json`); `kind`, `field` and `params` are its
 * parts, so that a view can lead to the place that fixes it without reading the message.
 */
export interface Finding {
  rule: RuleCode;
  severity: Severity;
  smart: SmartLetter | null;
  sheet: string;
  cell: string;
  id: string | null;
  /** Whole sentences naming their subject, rendered from `params` (messages.ts). */
  message: string;
  /** The table the cell is in. */
  kind: EntityKind;
  /** The contract field of the cell; null when the finding is about a whole row or a header. */
  field: string | null;
  /** The values the message is rendered from. */
  params: MessageParams;
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
