/**
 * Every German message text of the rule catalogue, keyed by rule code: what is wrong and how to fix it.
 * The rules pass only the facts; the wording lives here.
 */
import { type DatePrecision, type IsoDate, formatGermanDate } from "../dates";
import { STATUS_VALUES } from "../model";
import type { RuleCode } from "./catalogue";

export function quote(text: string): string {
  return `„${text}“`;
}

/** How a measure is named in messages: by ID, else by its row. */
export function measureLabel(id: string | null, row: number): string {
  return `Maßnahme ${id ?? `in Zeile ${row}`}`;
}

/** How a row of any sheet is named: `<Sheet> <ID>`, else by row and sheet. */
export function rowLabel(sheet: string, id: string | null, row: number): string {
  return id ? `${sheet} ${id}` : `Zeile ${row} im Blatt ${quote(sheet)}`;
}

/** `<Label> „given“ <problem>`, or `<Label> fehlt` when the cell is empty. */
function unreadable(label: string, given: string, problem: string): string {
  return given === "" ? `${label} fehlt` : `${label} ${quote(given)} ${problem}`;
}

const PRECISION_WORD: Record<Exclude<DatePrecision, "day">, string> = {
  month: "Monatsangabe",
  quarter: "Quartalsangabe",
  half: "Halbjahresangabe",
  year: "Jahresangabe",
};

/** A reference to an ID in another table (field label, the ID, the target sheet), or an indicator link. */
type UnknownReference = { field: string; id: string; sheet: string } | { indicator: string };

export const MESSAGES = {
  BLATT_FEHLT: (sheet: string, table: string, headers: readonly string[]) =>
    `Das Blatt ${quote(sheet)} mit der Tabelle ${quote(table)} fehlt. Legen Sie es mit den Spalten ${headers.join(", ")} an.`,
  SPALTE_FEHLT: (sheet: string, header: string) =>
    `Im Blatt ${quote(sheet)} fehlt die Pflichtspalte ${quote(header)}. Fügen Sie in der Kopfzeile eine Spalte mit dieser Überschrift hinzu.`,
  ID_FEHLT: (sheet: string, row: number) =>
    `Zeile ${row} im Blatt ${quote(sheet)} hat Inhalt, aber keine ID. Tragen Sie eine eindeutige ID ein (die nächste freie schlägt das Add-in vor).`,
  ID_DOPPELT: (sheet: string, id: string, otherRows: readonly number[]) =>
    `Die ID ${quote(id)} steht im Blatt ${quote(sheet)} mehrfach (auch in Zeile ${otherRows.join(", ")}). Vergeben Sie für jede Zeile eine eigene ID; Verweise und die Zusammenführung hängen daran.`,
  /** `choose`: the cell is a reference filled from a list (Ziel or Handlungsfeld). */
  PFLICHTFELD_LEER: (who: string, label: string, choose: boolean) =>
    choose
      ? `${who}: ${label} fehlt. Wählen Sie ${label === "Ziel" ? "ein Ziel" : "ein Handlungsfeld"} aus der Liste.`
      : `${who}: ${label} fehlt. Bitte in dieser Zelle ergänzen.`,
  VERWEIS_UNBEKANNT: (who: string, ref: UnknownReference) =>
    "indicator" in ref
      ? `${who}: den Indikator ${quote(ref.indicator)} gibt es im Blatt „Indikatoren“ nicht. Wählen Sie eine vorhandene ID oder legen Sie den Indikator dort an.`
      : `${who}: ${ref.field} ${quote(ref.id)} gibt es im Blatt ${quote(ref.sheet)} nicht. Wählen Sie eine vorhandene ID aus der Liste oder legen Sie den Eintrag dort an.`,
  VERWEIS_WIDERSPRUCH: (who: string, measureHf: string, zielId: string, zielHf: string) =>
    `${who}: Handlungsfeld ${measureHf} passt nicht zum Ziel ${zielId}, das zum Handlungsfeld ${zielHf} gehört. Wählen Sie ein Ziel dieses Handlungsfelds oder das Handlungsfeld des Ziels.`,
  /** `given`: the text that is not a status, or null when the cell is empty. */
  STATUS_UNGUELTIG: (who: string, given: string | null) =>
    given === null
      ? `${who}: Status fehlt. Wählen Sie einen Status aus der Liste (${STATUS_VALUES.join(", ")}).`
      : `${who}: Status ${quote(given)} ist nicht vorgesehen. Wählen Sie einen Status aus der Liste (${STATUS_VALUES.join(", ")}).`,
  AUSWAHL_UNGUELTIG: (who: string, label: string, given: string, list: readonly string[]) =>
    `${who}: ${label} ${quote(given)} ist nicht vorgesehen. Wählen Sie einen Wert aus der Liste (${list.join(", ")}).`,
  EINSTELLUNG_UNGUELTIG: (key: string, given: string, expected: "Datum" | "Zahl") =>
    `Die Einstellung ${quote(key)} hat den Wert ${quote(given)}, der sich nicht als ${expected} lesen lässt; es gilt der Standardwert. Tragen Sie ${expected === "Datum" ? "ein Datum wie 31.12.2027" : "eine Zahl"} ein.`,
  S_TITEL_FEHLT: (who: string) => `${who}: kein Titel. Geben Sie der Maßnahme einen kurzen, eindeutigen Titel.`,
  S_BESCHREIBUNG_FEHLT: (who: string) =>
    `${who}: keine Beschreibung. Beschreiben Sie in zwei, drei Sätzen, was genau getan wird, für wen und wo.`,
  S_BESCHREIBUNG_KURZ: (who: string, words: number) =>
    `${who}: die Beschreibung hat nur ${words} Wörter. Beschreiben Sie genauer (mindestens 8 Wörter), was getan wird, für wen und wo.`,
  S_ZIELGRUPPE_FEHLT: (who: string) => `${who}: keine Zielgruppe. Nennen Sie, wen die Maßnahme erreichen soll.`,
  M_INDIKATOR_FEHLT: (who: string) =>
    `${who}: kein Indikator verknüpft, die Wirkung ist so nicht messbar. Tragen Sie eine oder mehrere Indikator-IDs ein (z. B. „I-001; I-002“).`,
  M_ZIELWERT_FEHLT: (who: string) =>
    `${who}: kein Zielwert. Tragen Sie ein, woran der Erfolg gemessen wird, z. B. „40 Teilnehmende pro Jahr“.`,
  M_INDIKATOR_UNVOLLSTAENDIG: (id: string, users: readonly string[], missing: readonly string[]) =>
    `Indikator ${id} (genutzt von ${users.join(", ")}): ${missing.join(", ")} ${missing.length === 1 ? "fehlt" : "fehlen"}. Ohne diese Angaben lässt sich die Zielerreichung nicht messen; ergänzen Sie sie im Blatt „Indikatoren“.`,
  M_INDIKATOR_ANDERES_ZIEL: (who: string, indicator: string, indicatorZiel: string, measureZiel: string) =>
    `${who}: der Indikator ${indicator} misst das Ziel ${indicatorZiel}, die Maßnahme gehört aber zum Ziel ${measureZiel}. Wählen Sie einen Indikator dieses Ziels oder prüfen Sie die Zuordnung.`,
  A_FEDERFUEHRUNG_FEHLT: (who: string) =>
    `${who}: keine Federführung. Wählen Sie die verantwortliche Stelle aus der Liste der Akteure.`,
  /** `meant`: the Akteur whose Bezeichnung the cell holds, when there is one. */
  A_FEDERFUEHRUNG_UNBEKANNT: (who: string, given: string, meant: { id: string; name: string } | null) =>
    `${who}: Federführung ${quote(given)} ist keine Akteur-ID.${
      meant
        ? ` Gemeint ist vermutlich ${meant.id} – ${meant.name}; tragen Sie die ID ein.`
        : " Wählen Sie eine Stelle aus der Liste oder legen Sie sie im Blatt „Akteure“ an."
    }`,
  A_KONTAKT_FEHLT: (who: string, leadId: string, leadName: string) =>
    `${who}: für die Federführung ${leadId} (${leadName}) ist weder Ansprechperson noch E-Mail hinterlegt. Ergänzen Sie im Blatt „Akteure“ eine Ansprechperson oder E-Mail.`,
  A_EMAIL_UNGUELTIG: (id: string, mail: string) =>
    `Akteur ${id}: ${quote(mail)} ist keine E-Mail-Adresse. Tragen Sie eine Adresse wie name@kommune.de ein.`,
  R_RESSOURCEN_FEHLT: (who: string) =>
    `${who}: weder Personal noch Sachkosten angegeben. Schätzen Sie den Aufwand (Personal in VZÄ, Sachkosten in Euro); 0 ist eine gültige Angabe.`,
  /** `notANumber`: the text that is not a number with an example of one; null when the value is negative. */
  R_WERT_UNGUELTIG: (who: string, label: string, notANumber: { text: string; example: string } | null) =>
    notANumber
      ? `${who}: ${label} ${quote(notANumber.text)} ist keine Zahl. Tragen Sie nur die Zahl ein, z. B. ${notANumber.example}.`
      : `${who}: ${label} ist negativ. Tragen Sie einen Wert ab 0 ein.`,
  R_FINANZIERUNG_OFFEN: (who: string, given: boolean) =>
    `${who}: die Maßnahme ist in Umsetzung, die Finanzierung ist aber ${given ? "offen" : "nicht angegeben"}. Klären Sie die Finanzierung und tragen Sie „gesichert“ oder „beantragt“ ein.`,
  T_FRIST_FEHLT: (who: string) =>
    `${who}: keine Frist. Legen Sie fest, bis wann die Maßnahme umgesetzt ist, z. B. 31.12.2027.`,
  T_FRIST_UNBESTIMMT: (who: string, given: string) =>
    `${who}: Frist ${quote(given)} ist kein Termin. Legen Sie ein Datum fest, zu dem der Stand geprüft wird, z. B. 31.12.2027; bei Daueraufgaben den nächsten Prüftermin.`,
  T_DATUM_UNGUELTIG: (who: string, label: "Beginn" | "Frist", given: string) =>
    `${who}: ${label} ${quote(given)} ist kein gültiges Datum. Tragen Sie ein Datum wie ${label === "Beginn" ? "01.03.2026" : "31.12.2027"} ein.`,
  T_DATUM_UNGENAU: (who: string, label: "Beginn" | "Frist", precision: Exclude<DatePrecision, "day">, read: IsoDate) =>
    `${who}: ${label} ist eine ${PRECISION_WORD[precision]} und wird als ${formatGermanDate(read)} gelesen. Tragen Sie ein genaues Datum ein, wenn es feststeht.`,
  T_BEGINN_NACH_FRIST: (who: string, beginn: IsoDate, frist: IsoDate) =>
    `${who}: Beginn ${formatGermanDate(beginn)} liegt nach der Frist ${formatGermanDate(frist)}. Korrigieren Sie eines der beiden Daten.`,
  T_AUSSERHALB_LAUFZEIT: (who: string, frist: IsoDate, von: IsoDate | null, bis: IsoDate | null) =>
    `${who}: Frist ${formatGermanDate(frist)} liegt außerhalb der Laufzeit des Konzepts (${von ? formatGermanDate(von) : "…"} bis ${bis ? formatGermanDate(bis) : "…"}). Passen Sie die Frist oder die Laufzeit in den Einstellungen an.`,
  T_UEBERFAELLIG: (who: string, frist: IsoDate, referenceDate: IsoDate, status: string) =>
    `${who}: Frist ${formatGermanDate(frist)} ist am Stichtag ${formatGermanDate(referenceDate)} überschritten, Status ist noch „${status}“. Aktualisieren Sie den Status oder vereinbaren Sie eine neue Frist.`,
  K_HANDLUNGSFELD_OHNE_ZIEL: (id: string, name: string) =>
    `Handlungsfeld ${id} (${name}) hat kein Ziel. Formulieren Sie im Blatt „Ziele“ mindestens ein Ziel dafür.`,
  K_ZIEL_OHNE_MASSNAHME: (id: string) =>
    `Ziel ${id} hat keine Maßnahme (verworfene zählen nicht). Planen Sie eine Maßnahme dafür oder streichen Sie das Ziel.`,
  K_ZIEL_OHNE_INDIKATOR: (id: string) =>
    `Ziel ${id} hat keinen Indikator. Legen Sie im Blatt „Indikatoren“ fest, woran die Zielerreichung gemessen wird.`,
  K_INDIKATOR_UNGENUTZT: (id: string) =>
    `Indikator ${id} wird von keiner Maßnahme genutzt. Verknüpfen Sie ihn mit einer Maßnahme oder streichen Sie ihn.`,
  K_HANDLUNGSFELD_OHNE_BESTAND: (id: string, name: string) =>
    `Handlungsfeld ${id} (${name}) hat im Blatt „Angebote“ kein bestehendes Angebot. Tragen Sie vorhandene Angebote nach oder prüfen Sie, ob hier eine Lücke ist.`,
  B_OHNE_MASSNAHME: (id: string, bedarf: string) =>
    `Bedarf ${id}${bedarf ? ` (${bedarf})` : ""} hat Priorität „hoch“, aber keine Maßnahme nennt ihn in der Spalte „Bedarfe“. Ordnen Sie ihn einer Maßnahme zu oder begründen Sie im Blatt „Bedarfe“, warum nicht.`,
  /** `problem`: what cannot be read; `given` the cell's text. */
  I_WERT_UNGUELTIG: (row: number, problem: "indikator" | "unbekannt" | "stichtag" | "wert", given: string) =>
    ({
      indikator: `Indikatorwerte, Zeile ${row}: kein Indikator angegeben. Wählen Sie den Indikator aus der Liste.`,
      unbekannt: `Indikatorwerte, Zeile ${row}: den Indikator ${quote(given)} gibt es im Blatt „Indikatoren“ nicht. Wählen Sie eine vorhandene ID aus der Liste.`,
      stichtag: `Indikatorwerte, Zeile ${row}: ${unreadable("Stichtag", given, "ist kein Datum")}. Tragen Sie ein Datum wie 31.12.2025 oder ein Jahr wie 2025 ein.`,
      wert: `Indikatorwerte, Zeile ${row}: ${unreadable("Wert", given, "ist keine Zahl")}. Tragen Sie nur die Zahl ein, z. B. 12,5.`,
    })[problem],
  I_WERT_DOPPELT: (indicator: string, stichtag: IsoDate, otherRows: readonly number[]) =>
    `Indikator ${indicator}: für den Stichtag ${formatGermanDate(stichtag)} stehen verschiedene Werte (auch in Zeile ${otherRows.join(", ")}). Lassen Sie den richtigen stehen und löschen Sie die anderen.`,
  I_WERT_UNPLAUSIBEL: (indicator: string, wert: string, einheit: "%" | "Anzahl") =>
    einheit === "%"
      ? `Indikator ${indicator}: der Wert ${wert} liegt nicht zwischen 0 und 100, die Einheit ist aber %. Prüfen Sie den Wert.`
      : `Indikator ${indicator}: der Wert ${wert} ist keine ganze Zahl ab 0, die Einheit ist aber Anzahl. Prüfen Sie den Wert.`,
  I_WERT_FEHLT: (indicator: string, users: readonly string[], since: IsoDate, referenceDate: IsoDate) =>
    `Indikator ${indicator} (genutzt von ${users.join(", ")}, in Umsetzung): seit ${formatGermanDate(since)} ist bis zum Stichtag ${formatGermanDate(referenceDate)} kein Wert eingetragen. Tragen Sie im Blatt „Indikatorwerte“ den aktuellen Wert ein.`,
  I_ZIEL_GEFAEHRDET: (indicator: string, zielerreichung: string, soll: string, stand: IsoDate) =>
    `Indikator ${indicator}: Zielerreichung ${zielerreichung} % (Stand ${formatGermanDate(stand)}) liegt weit unter dem Soll von ${soll} %; Ampel rot. Prüfen Sie mit den Verantwortlichen, ob die Maßnahmen nachgesteuert werden müssen.`,
  SACHSTAND_FEHLT: (who: string, berichtsstichtag: IsoDate) =>
    `${who}: für den Berichtsstichtag ${formatGermanDate(berichtsstichtag)} ist kein Sachstand gemeldet. Tragen Sie im Blatt „Sachstände“ eine Zeile für diesen Stichtag ein oder fragen Sie den Sachstand ab.`,
  /** `problem`: what cannot be read; `given` the cell's text. */
  SACHSTAND_UNGUELTIG: (
    row: number,
    problem: "massnahme" | "unbekannt" | "berichtsstichtag" | "status" | "umsetzung",
    given: string,
  ) =>
    ({
      massnahme: `Sachstände, Zeile ${row}: keine Maßnahme angegeben. Wählen Sie die Maßnahme aus der Liste.`,
      unbekannt: `Sachstände, Zeile ${row}: die Maßnahme ${quote(given)} gibt es im Blatt „Maßnahmen“ nicht. Wählen Sie eine vorhandene ID aus der Liste.`,
      berichtsstichtag: `Sachstände, Zeile ${row}: ${unreadable("Berichtsstichtag", given, "ist kein Datum")}. Tragen Sie ein Datum wie 30.06.2026 ein.`,
      status: `Sachstände, Zeile ${row}: ${unreadable("Status", given, "ist nicht vorgesehen")}. Wählen Sie einen Status aus der Liste (${STATUS_VALUES.join(", ")}).`,
      umsetzung: `Sachstände, Zeile ${row}: ${unreadable("Umsetzung", given, "ist keine Zahl von 0 bis 100")}. Tragen Sie den Umsetzungsgrad in Prozent ein, z. B. 40.`,
    })[problem],
  SACHSTAND_WIDERSPRUCH: (who: string, status: string, reported: string, berichtsstichtag: IsoDate) =>
    `${who}: Status ist „${status}“, der letzte Sachstand vom ${formatGermanDate(berichtsstichtag)} meldet aber „${reported}“. Gleichen Sie den Status im Blatt „Maßnahmen“ an oder korrigieren Sie den Sachstand.`,
} satisfies Record<RuleCode, (...args: never[]) => string>;

export type MessageArgs<C extends RuleCode> = Parameters<(typeof MESSAGES)[C]>;
