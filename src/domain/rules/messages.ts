/**
 * The one message table of the rule catalogue: every German message, keyed by rule code and rendered from
 * the finding's parameters (as zod renders an issue from its code and params). The rules pass only the
 * facts; the wording lives here. Every message is whole sentences that name their subject, so that the
 * command line, the pane and the Prüfbericht show the same text, none of them cutting anything off.
 */
import { type DatePrecision, type IsoDate, formatGermanDate } from "../dates";
import type { EntityKind } from "../model";
import { KENNZEICHEN_VALUES, STATUS_VALUES } from "../model";

export function quote(text: string): string {
  return `„${text}“`;
}

/** The row a message is about: its kind, its ID (null: it has none) and where it is. */
export interface Subject {
  kind: EntityKind;
  id: string | null;
  /** The sheet row; named when the row has no ID. */
  row: number;
  sheet: string;
}

/** How a row of each kind is named, in the nominative and the accusative. */
const NOUN: Record<EntityKind, readonly [string, string]> = {
  einstellungen: ["die Einstellung", "die Einstellung"],
  handlungsfelder: ["das Handlungsfeld", "das Handlungsfeld"],
  ziele: ["das Ziel", "das Ziel"],
  indikatoren: ["der Indikator", "den Indikator"],
  akteure: ["der Akteur", "den Akteur"],
  massnahmen: ["die Maßnahme", "die Maßnahme"],
  kriterien: ["das Bewertungskriterium", "das Bewertungskriterium"],
  indikatorwerte: ["der Indikatorwert", "den Indikatorwert"],
  sachstaende: ["der Sachstand", "den Sachstand"],
  angebote: ["das Angebot", "das Angebot"],
  bedarfe: ["der Bedarf", "den Bedarf"],
  prozessplan: ["der Schritt", "den Schritt"],
  gebiete: ["das Gebiet", "das Gebiet"],
};

/** `die Maßnahme M-006`, or `die Zeile 12 im Blatt „Maßnahmen“` for a row without ID. */
function named(s: Subject, accusative = false): string {
  if (s.id === null) return `die Zeile ${s.row} im Blatt ${quote(s.sheet)}`;
  return `${NOUN[s.kind][accusative ? 1 : 0]} ${s.id}`;
}

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** The subject at the start of a sentence: `Die Maßnahme M-006`. */
const Nom = (s: Subject) => upper(named(s));
/** The subject as an object: `für den Indikator I-001`. */
const acc = (s: Subject) => named(s, true);
const date = formatGermanDate;
const list = (values: readonly string[]) => values.join(", ");
/** `Basiswert, Zielwert und Datenquelle` */
const and = (values: readonly string[]) =>
  values.length < 2 ? list(values) : `${list(values.slice(0, -1))} und ${values[values.length - 1]}`;

/** ` (Gebiet 01001, Gruppe weiblich)` where a value is not the own area's total; '' otherwise. */
function dimensions(gebiet: string | null | undefined, gruppe: string | null | undefined): string {
  const parts = [gebiet ? `Gebiet ${gebiet}` : "", gruppe ? `Gruppe ${quote(gruppe)}` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

const PRECISION_WORD: Record<Exclude<DatePrecision, "day">, string> = {
  month: "Monatsangabe",
  quarter: "Quartalsangabe",
  half: "Halbjahresangabe",
  year: "Jahresangabe",
};

/** `HF-07 (Vernetzung)`, or the ID alone while the row has no name. */
const withName = (id: string, name: string) => (name ? `${id} (${name})` : id);

/** What a reference names, in the accusative, with the relative pronoun that follows it. */
const REFERENCE: Record<ReferenceLabel, readonly [string, string]> = {
  Handlungsfeld: ["das Handlungsfeld", "das"],
  Ziel: ["das Ziel", "das"],
  Indikator: ["den Indikator", "den"],
  Bedarf: ["den Bedarf", "den"],
  Gebiet: ["das Gebiet", "das"],
};
export type ReferenceLabel = "Handlungsfeld" | "Ziel" | "Indikator" | "Bedarf" | "Gebiet";

/** Cells of an Indikatorwerte or Sachstände row that cannot be read, with the text found (`""`: empty). */
type RowProblem<P extends string> = { subject: Subject; problem: P; given: string };

/** `hat keinen Stichtag` / `hat als Stichtag „x“; das ist kein Datum` */
function unreadable(label: string, article: "keinen" | "keine", given: string, problem: string): string {
  return given === "" ? `hat ${article} ${label}` : `hat als ${label} ${quote(given)}; das ${problem}`;
}

/** The Prozessplan's rules (P_): each names the step, what is wrong and what to do. */
const PROZESSPLAN_MESSAGES = {
  P_TERMIN_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} hat keinen Termin. Tragen Sie ein, bis wann er erledigt sein soll oder an welchem Tag das Gremium tagt, z. B. 30.09.2027.`,
  /** `vague`: the cell holds a term such as `laufend`, not a date. */
  P_DATUM_UNGUELTIG: (p: { subject: Subject; label: "Beginn" | "Termin"; given: string; vague: boolean }) =>
    `${Nom(p.subject)} hat als ${p.label} ${quote(p.given)}; das ist ${p.vague ? "kein Datum" : "kein gültiges Datum"}. ` +
    (p.vague
      ? `Tragen Sie ein Datum ein, bei einem laufenden Schritt ${p.label === "Beginn" ? "seinen Anfang" : "das Ende des Zeitraums oder den nächsten Prüftermin"}.`
      : `Tragen Sie ein Datum wie ${p.label === "Beginn" ? "01.03.2027" : "30.09.2027"} ein.`),
  P_BEGINN_NACH_TERMIN: (p: { subject: Subject; beginn: IsoDate; termin: IsoDate }) =>
    `${Nom(p.subject)} beginnt am ${date(p.beginn)}, nach seinem Termin ${date(p.termin)}. Korrigieren Sie eines der beiden Daten.`,
  P_UEBERFAELLIG: (p: { subject: Subject; termin: IsoDate; referenceDate: IsoDate; status: string }) =>
    `${Nom(p.subject)} hat den Termin ${date(p.termin)}, der am Stichtag ${date(p.referenceDate)} überschritten ist, und steht noch auf ${quote(p.status)}. ` +
    "Setzen Sie den Status auf „erledigt“ (mit dem Ergebnis), „verschoben“ oder „entfallen“, oder tragen Sie einen neuen Termin ein.",
  P_VERANTWORTLICH_FEHLT: (p: { subject: Subject }) =>
    `Für ${acc(p.subject)} ist niemand verantwortlich. Wählen Sie die verantwortliche Stelle aus der Liste der Akteure.`,
  /** `meant`: the Akteur whose Bezeichnung the cell holds, when there is one. */
  P_VERANTWORTLICH_UNBEKANNT: (p: { subject: Subject; given: string; meant: { id: string; name: string } | null }) =>
    `${Nom(p.subject)} nennt als verantwortlich ${quote(p.given)}; das ist kein Akteur.${
      p.meant
        ? ` Gemeint ist vermutlich ${p.meant.id} – ${p.meant.name}; wählen Sie diesen Akteur aus der Liste.`
        : " Wählen Sie eine Stelle aus der Liste der Akteure oder legen Sie sie als Akteur an."
    }`,
  /** `befassung`: the step's Befassung; null when it is a Sitzung without one. */
  P_GREMIUM_FEHLT: (p: { subject: Subject; befassung: string | null }) =>
    `${Nom(p.subject)} ${p.befassung ? `hat die Befassung ${quote(p.befassung)}` : "ist eine Sitzung"}, nennt aber kein Gremium. ` +
    "Tragen Sie das Gremium ein, z. B. „Integrationsbeirat“, „Ausschuss für Soziales“ oder „Kreistag“.",
  /** `other`: the Beratung or Empfehlung of the same Gegenstand dated after the Beschluss (the latest of them). */
  P_BERATUNGSFOLGE: (p: {
    subject: Subject;
    gegenstand: string;
    gremium: string;
    termin: IsoDate;
    other: { id: string; gremium: string; befassung: "Beratung" | "Empfehlung"; termin: IsoDate };
  }) =>
    `${Nom(p.subject)} ist der Beschluss ${p.gremium ? `im Gremium ${quote(p.gremium)} ` : ""}über ${quote(p.gegenstand)} am ${date(p.termin)}; ` +
    `die ${p.other.befassung} ${p.other.gremium ? `im Gremium ${quote(p.other.gremium)} ` : ""}(${p.other.id}) folgt erst am ${date(p.other.termin)}. ` +
    `Ein Gremium berät oder empfiehlt, bevor beschlossen wird: Legen Sie die ${p.other.befassung} vor den Beschluss oder verschieben Sie den Beschluss.`,
} satisfies Record<string, (params: never) => string>;

export const MESSAGES = {
  BLATT_FEHLT: (p: { sheet: string; table: string; headers: readonly string[] }) =>
    `Das Blatt ${quote(p.sheet)} mit der Tabelle ${quote(p.table)} fehlt. Legen Sie es mit den Spalten ${list(p.headers)} an.`,
  SPALTE_FEHLT: (p: { sheet: string; header: string }) =>
    `Im Blatt ${quote(p.sheet)} fehlt die Pflichtspalte ${quote(p.header)}. Fügen Sie in der Kopfzeile eine Spalte mit dieser Überschrift hinzu.`,
  ID_FEHLT: (p: { sheet: string; row: number }) =>
    `Die Zeile ${p.row} im Blatt ${quote(p.sheet)} hat Inhalt, aber keine ID. Tragen Sie eine eindeutige ID ein (die nächste freie schlägt das Add-in vor).`,
  ID_DOPPELT: (p: { sheet: string; id: string; otherRows: readonly number[] }) =>
    `Die ID ${quote(p.id)} steht im Blatt ${quote(p.sheet)} mehrfach (auch in Zeile ${list(p.otherRows.map(String))}). Vergeben Sie für jede Zeile eine eigene ID; Verweise und die Zusammenführung hängen daran.`,
  /** `choose`: the cell is a reference filled from a list (Ziel or Handlungsfeld). */
  PFLICHTFELD_LEER: (p: { subject: Subject; label: string; choose: boolean }) =>
    `Für ${acc(p.subject)} fehlt die Angabe ${quote(p.label)}. ` +
    (p.choose
      ? `Wählen Sie ${p.label === "Ziel" ? "ein Ziel" : "ein Handlungsfeld"} aus der Liste.`
      : "Ergänzen Sie diese Angabe."),
  VERWEIS_UNBEKANNT: (p: { subject: Subject; label: ReferenceLabel; id: string; sheet: string }) =>
    `${Nom(p.subject)} nennt ${REFERENCE[p.label][0]} ${quote(p.id)}, ${REFERENCE[p.label][1]} es im Blatt ${quote(p.sheet)} nicht gibt. Wählen Sie einen vorhandenen Eintrag aus der Liste oder legen Sie ihn an.`,
  VERWEIS_WIDERSPRUCH: (p: { subject: Subject; handlungsfeld: string; ziel: string; zielHandlungsfeld: string }) =>
    `${Nom(p.subject)} gehört zum Handlungsfeld ${p.handlungsfeld}, ihr Ziel ${p.ziel} aber zum Handlungsfeld ${p.zielHandlungsfeld}. Wählen Sie ein Ziel dieses Handlungsfelds oder das Handlungsfeld des Ziels.`,
  /** `given`: the text that is not a status, or null when the cell is empty; `list`: the table's own (default: a measure's). */
  STATUS_UNGUELTIG: (p: { subject: Subject; given: string | null; list?: readonly string[] }) =>
    (p.given === null
      ? `${Nom(p.subject)} hat keinen Status.`
      : `${Nom(p.subject)} hat den Status ${quote(p.given)}, den es nicht gibt.`) +
    ` Wählen Sie einen Status aus der Liste (${list(p.list ?? STATUS_VALUES)}).`,
  AUSWAHL_UNGUELTIG: (p: { subject: Subject; label: string; given: string; list: readonly string[] }) =>
    `${Nom(p.subject)} hat als ${p.label} ${quote(p.given)}; das steht nicht in der Auswahlliste. Wählen Sie einen Wert aus der Liste (${list(p.list)}).`,
  EINSTELLUNG_UNGUELTIG: (p: { key: string; given: string; expected: "Datum" | "Zahl" }) =>
    `Die Einstellung ${quote(p.key)} hat den Wert ${quote(p.given)}, der sich nicht als ${p.expected} lesen lässt; es gilt der Standardwert. Tragen Sie ${p.expected === "Datum" ? "ein Datum wie 31.12.2027" : "eine Zahl"} ein.`,
  S_TITEL_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} hat keinen Titel. Geben Sie der Maßnahme einen kurzen, eindeutigen Titel.`,
  S_BESCHREIBUNG_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} hat keine Beschreibung. Beschreiben Sie in zwei, drei Sätzen, was genau getan wird, für wen und wo.`,
  S_BESCHREIBUNG_KURZ: (p: { subject: Subject; words: number }) =>
    `${Nom(p.subject)} ist mit nur ${p.words === 1 ? "einem Wort" : `${p.words} Wörtern`} beschrieben. Beschreiben Sie genauer (mindestens 8 Wörter), was getan wird, für wen und wo.`,
  S_ZIELGRUPPE_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} nennt keine Zielgruppe. Nennen Sie, wen die Maßnahme erreichen soll.`,
  M_INDIKATOR_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} ist mit keinem Indikator verknüpft; ihre Wirkung ist so nicht messbar. Wählen Sie einen oder mehrere Indikatoren (z. B. „I-001; I-002“).`,
  M_ZIELWERT_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} hat keinen Zielwert. Tragen Sie ein, woran der Erfolg gemessen wird, z. B. „40 Teilnehmende pro Jahr“.`,
  M_INDIKATOR_UNVOLLSTAENDIG: (p: { indicator: string; users: readonly string[]; missing: readonly string[] }) =>
    `Dem Indikator ${p.indicator} (genutzt von ${list(p.users)}) ${p.missing.length === 1 ? "fehlt die Angabe" : "fehlen die Angaben"} ${and(p.missing)}. Ohne sie lässt sich die Zielerreichung nicht messen; ergänzen Sie sie beim Indikator.`,
  M_INDIKATOR_ANDERES_ZIEL: (p: { subject: Subject; indicator: string; indicatorZiel: string; measureZiel: string }) =>
    `${Nom(p.subject)} gehört zum Ziel ${p.measureZiel}, ihr Indikator ${p.indicator} misst aber das Ziel ${p.indicatorZiel}. Wählen Sie einen Indikator dieses Ziels oder prüfen Sie die Zuordnung.`,
  A_FEDERFUEHRUNG_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} hat keine Federführung. Wählen Sie die verantwortliche Stelle aus der Liste der Akteure.`,
  /** `meant`: the Akteur whose Bezeichnung the cell holds, when there is one. */
  A_FEDERFUEHRUNG_UNBEKANNT: (p: { subject: Subject; given: string; meant: { id: string; name: string } | null }) =>
    `${Nom(p.subject)} nennt als Federführung ${quote(p.given)}; das ist kein Akteur.${
      p.meant
        ? ` Gemeint ist vermutlich ${p.meant.id} – ${p.meant.name}; wählen Sie diesen Akteur aus der Liste.`
        : " Wählen Sie eine Stelle aus der Liste der Akteure oder legen Sie sie als Akteur an."
    }`,
  A_KONTAKT_FEHLT: (p: { subject: Subject; lead: string; leadName: string }) =>
    `${Nom(p.subject)} hat die Federführung ${withName(p.lead, p.leadName)}, für die weder Ansprechperson noch E-Mail hinterlegt ist. Ergänzen Sie beim Akteur ${p.lead} eine Ansprechperson oder E-Mail.`,
  A_EMAIL_UNGUELTIG: (p: { subject: Subject; mail: string }) =>
    `${Nom(p.subject)} hat als E-Mail ${quote(p.mail)}; das ist keine E-Mail-Adresse. Tragen Sie eine Adresse wie name@kommune.de ein.`,
  R_RESSOURCEN_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} nennt weder Personal noch Sachkosten. Schätzen Sie den Aufwand (Personal in VZÄ, Sachkosten in Euro); 0 ist eine gültige Angabe.`,
  /** `notANumber`: the text that is not a number with an example of one; null when the value is negative. */
  R_WERT_UNGUELTIG: (p: { subject: Subject; label: string; notANumber: { text: string; example: string } | null }) =>
    p.notANumber
      ? `${Nom(p.subject)} hat als ${p.label} ${quote(p.notANumber.text)}; das ist keine Zahl. Tragen Sie nur die Zahl ein, z. B. ${p.notANumber.example}.`
      : `${Nom(p.subject)} hat als ${p.label} einen negativen Wert. Tragen Sie einen Wert ab 0 ein.`,
  R_FINANZIERUNG_OFFEN: (p: { subject: Subject; given: boolean }) =>
    `${Nom(p.subject)} ist in Umsetzung, ihre Finanzierung ist aber ${p.given ? "offen" : "nicht angegeben"}. Klären Sie die Finanzierung und tragen Sie „gesichert“ oder „beantragt“ ein.`,
  T_FRIST_FEHLT: (p: { subject: Subject }) =>
    `${Nom(p.subject)} hat keine Frist. Legen Sie fest, bis wann die Maßnahme umgesetzt ist, z. B. 31.12.2027.`,
  T_FRIST_UNBESTIMMT: (p: { subject: Subject; given: string }) =>
    `${Nom(p.subject)} hat als Frist ${quote(p.given)}; das ist kein Termin. Legen Sie ein Datum fest, zu dem der Stand geprüft wird, z. B. 31.12.2027; bei Daueraufgaben den nächsten Prüftermin.`,
  T_DATUM_UNGUELTIG: (p: { subject: Subject; label: "Beginn" | "Frist"; given: string }) =>
    `${Nom(p.subject)} hat als ${p.label} ${quote(p.given)}; das ist kein gültiges Datum. Tragen Sie ein Datum wie ${p.label === "Beginn" ? "01.03.2026" : "31.12.2027"} ein.`,
  T_DATUM_UNGENAU: (p: {
    subject: Subject;
    label: "Beginn" | "Frist";
    precision: Exclude<DatePrecision, "day">;
    read: IsoDate;
  }) =>
    `${Nom(p.subject)} hat als ${p.label} eine ${PRECISION_WORD[p.precision]}; sie wird als ${date(p.read)} gelesen. Tragen Sie ein genaues Datum ein, wenn es feststeht.`,
  T_BEGINN_NACH_FRIST: (p: { subject: Subject; beginn: IsoDate; frist: IsoDate }) =>
    `${Nom(p.subject)} beginnt am ${date(p.beginn)}, nach ihrer Frist ${date(p.frist)}. Korrigieren Sie eines der beiden Daten.`,
  T_AUSSERHALB_LAUFZEIT: (p: { subject: Subject; frist: IsoDate; von: IsoDate | null; bis: IsoDate | null }) =>
    `${Nom(p.subject)} hat die Frist ${date(p.frist)}; sie liegt außerhalb der Laufzeit des Konzepts (${p.von ? date(p.von) : "…"} bis ${p.bis ? date(p.bis) : "…"}). Passen Sie die Frist oder die Laufzeit in den Einstellungen an.`,
  T_UEBERFAELLIG: (p: { subject: Subject; frist: IsoDate; referenceDate: IsoDate; status: string }) =>
    `${Nom(p.subject)} hat die Frist ${date(p.frist)}, die am Stichtag ${date(p.referenceDate)} überschritten ist, und steht noch auf ${quote(p.status)}. Aktualisieren Sie den Status oder vereinbaren Sie eine neue Frist.`,
  K_HANDLUNGSFELD_OHNE_ZIEL: (p: { id: string; name: string }) =>
    `Das Handlungsfeld ${withName(p.id, p.name)} hat kein Ziel. Formulieren Sie mindestens ein Ziel dafür.`,
  K_ZIEL_OHNE_MASSNAHME: (p: { id: string }) =>
    `Das Ziel ${p.id} hat keine Maßnahme (verworfene zählen nicht). Planen Sie eine Maßnahme dafür oder streichen Sie das Ziel.`,
  K_ZIEL_OHNE_INDIKATOR: (p: { id: string }) =>
    `Das Ziel ${p.id} hat keinen Indikator. Legen Sie fest, woran die Zielerreichung gemessen wird.`,
  K_INDIKATOR_UNGENUTZT: (p: { id: string }) =>
    `Der Indikator ${p.id} wird von keiner Maßnahme genutzt. Verknüpfen Sie ihn mit einer Maßnahme oder streichen Sie ihn.`,
  K_HANDLUNGSFELD_OHNE_BESTAND: (p: { id: string; name: string }) =>
    `Das Handlungsfeld ${withName(p.id, p.name)} hat im Blatt „Angebote“ kein bestehendes Angebot. Tragen Sie vorhandene Angebote nach oder prüfen Sie, ob hier eine Lücke ist.`,
  B_OHNE_MASSNAHME: (p: { id: string; bedarf: string }) =>
    `Der Bedarf ${withName(p.id, p.bedarf)} hat die Priorität „hoch“, aber keine Maßnahme nennt ihn unter „Bedarfe“. Ordnen Sie ihn einer Maßnahme zu oder begründen Sie beim Bedarf, warum nicht.`,
  /** `problem`: what cannot be read; `given` the cell's text. */
  I_WERT_UNGUELTIG: (p: RowProblem<"indikator" | "unbekannt" | "stichtag" | "wert">) =>
    `${Nom(p.subject)} ` +
    {
      indikator: "nennt keinen Indikator. Wählen Sie den Indikator aus der Liste.",
      unbekannt: `nennt den Indikator ${quote(p.given)}, den es im Blatt „Indikatoren“ nicht gibt. Wählen Sie einen vorhandenen Indikator aus der Liste.`,
      stichtag: `${unreadable("Stichtag", "keinen", p.given, "ist kein Datum")}. Tragen Sie ein Datum wie 31.12.2025 oder ein Jahr wie 2025 ein.`,
      wert: `${unreadable("Wert", "keinen", p.given, "ist keine Zahl")}. Tragen Sie nur die Zahl ein, z. B. 12,5.`,
    }[p.problem],
  /** `gebiet`, `gruppe`: named where the value is not the own area's total. */
  I_WERT_DOPPELT: (p: {
    indicator: string;
    stichtag: IsoDate;
    otherRows: readonly number[];
    gebiet?: string | null;
    gruppe?: string | null;
  }) =>
    `Für den Indikator ${p.indicator} stehen zum Stichtag ${date(p.stichtag)}${dimensions(p.gebiet, p.gruppe)} verschiedene Werte (auch in Zeile ${list(p.otherRows.map(String))}). Lassen Sie den richtigen stehen und löschen Sie die anderen.`,
  I_WERT_UNPLAUSIBEL: (p: { indicator: string; wert: string; einheit: "%" | "Anzahl" }) =>
    p.einheit === "%"
      ? `Der Indikator ${p.indicator} hat den Wert ${p.wert}, der nicht zwischen 0 und 100 liegt, obwohl seine Einheit % ist. Prüfen Sie den Wert.`
      : `Der Indikator ${p.indicator} hat den Wert ${p.wert}, der keine ganze Zahl ab 0 ist, obwohl seine Einheit Anzahl ist. Prüfen Sie den Wert.`,
  I_WERT_FEHLT: (p: { indicator: string; users: readonly string[]; since: IsoDate; referenceDate: IsoDate }) =>
    `Für den Indikator ${p.indicator} (genutzt von ${list(p.users)}, in Umsetzung) ist seit ${date(p.since)} bis zum Stichtag ${date(p.referenceDate)} kein Wert eingetragen. Tragen Sie den aktuellen Wert ein.`,
  I_ZIEL_GEFAEHRDET: (p: { indicator: string; zielerreichung: string; soll: string; stand: IsoDate }) =>
    `Der Indikator ${p.indicator} hat eine Zielerreichung von ${p.zielerreichung} % (Stand ${date(p.stand)}) und liegt damit weit unter dem Soll von ${p.soll} %; Ampel rot. Prüfen Sie mit den Verantwortlichen, ob die Maßnahmen nachgesteuert werden müssen.`,
  /** `zero`: the key with the leading zero a number cell lost, where Gebiete holds it. */
  I_GEBIET_UNBEKANNT: (p: { subject: Subject; gebiet: string; sheet: string; zero: string | null }) =>
    `${Nom(p.subject)} nennt das Gebiet ${quote(p.gebiet)}, das es im Blatt ${quote(p.sheet)} nicht gibt. ` +
    (p.zero
      ? `Gemeint ist vermutlich ${quote(p.zero)}: Der führenden Null wegen muss der Schlüssel als Text in der Zelle stehen; wählen Sie das Gebiet aus der Liste.`
      : "Wählen Sie ein Gebiet aus der Liste oder legen Sie es im Blatt „Gebiete“ an."),
  /** `leer`: neither Wert nor Kennzeichen; else `given` is not a marker. */
  I_KENNZEICHEN_UNGUELTIG: (p: RowProblem<"kennzeichen" | "leer">) =>
    p.problem === "leer"
      ? `${Nom(p.subject)} hat weder einen Wert noch ein Kennzeichen. Tragen Sie den Wert ein oder, wo das Statistikamt keinen nennt, sein Zeichen (z. B. „.“ für unbekannt).`
      : `${Nom(p.subject)} hat als Kennzeichen ${quote(p.given)}; das ist keines der Zeichen der Statistikämter. Wählen Sie eines aus der Liste (${list(KENNZEICHEN_VALUES)}) oder lassen Sie das Feld leer.`,
  /** `problem`: not a quotient of two IDs, an operand that is no indicator, or the indicator itself. */
  I_BERECHNUNG_UNGUELTIG: (p: {
    indicator: string;
    given: string;
    problem: "form" | "unbekannt" | "selbst";
    operand: string | null;
  }) =>
    ({
      form: `Der Indikator ${p.indicator} hat als Berechnung ${quote(p.given)}; erwartet wird der Quotient zweier Indikatoren wie „I-021 / I-020“. Korrigieren Sie die Berechnung oder lassen Sie sie leer.`,
      unbekannt: `Die Berechnung ${quote(p.given)} des Indikators ${p.indicator} nennt ${quote(p.operand ?? "")}, den es im Blatt „Indikatoren“ nicht gibt. Nennen Sie zwei vorhandene Indikatoren.`,
      selbst: `Die Berechnung ${quote(p.given)} des Indikators ${p.indicator} beruht auf ihm selbst; so lässt sich kein Wert berechnen. Nennen Sie zwei andere Indikatoren mit veröffentlichten Werten.`,
    })[p.problem],
  I_WERTE_FAELLIG: (p: { indicator: string; datum: IsoDate; quelle: string }) =>
    `Für den Indikator ${p.indicator} sind neue Werte fällig: ${p.quelle ? `Die Quelle (${p.quelle})` : "Die Quelle"} veröffentlicht sie laut „Nächste Veröffentlichung“ seit dem ${date(p.datum)}. Übernehmen Sie die neuen Werte (z. B. mit dem Befehl „werte“) und tragen Sie danach die folgende Veröffentlichung ein.`,
  SACHSTAND_FEHLT: (p: { subject: Subject; berichtsstichtag: IsoDate }) =>
    `Für ${acc(p.subject)} ist zum Berichtsstichtag ${date(p.berichtsstichtag)} kein Sachstand gemeldet. Tragen Sie den Sachstand ein oder fragen Sie ihn bei der Federführung ab.`,
  /** `problem`: what cannot be read; `given` the cell's text. */
  SACHSTAND_UNGUELTIG: (p: RowProblem<"massnahme" | "unbekannt" | "berichtsstichtag" | "status" | "umsetzung">) =>
    `${Nom(p.subject)} ` +
    {
      massnahme: "nennt keine Maßnahme. Wählen Sie die Maßnahme aus der Liste.",
      unbekannt: `nennt die Maßnahme ${quote(p.given)}, die es im Blatt „Maßnahmen“ nicht gibt. Wählen Sie eine vorhandene Maßnahme aus der Liste.`,
      berichtsstichtag: `${unreadable("Berichtsstichtag", "keinen", p.given, "ist kein Datum")}. Tragen Sie ein Datum wie 30.06.2026 ein.`,
      status: `${p.given === "" ? "hat keinen Status" : `hat den Status ${quote(p.given)}, den es nicht gibt`}. Wählen Sie einen Status aus der Liste (${list(STATUS_VALUES)}).`,
      umsetzung: `${unreadable("Umsetzung", "keine", p.given, "ist keine Zahl von 0 bis 100")}. Tragen Sie den Umsetzungsgrad in Prozent ein, z. B. 40.`,
    }[p.problem],
  SACHSTAND_WIDERSPRUCH: (p: { subject: Subject; status: string; reported: string; berichtsstichtag: IsoDate }) =>
    `${Nom(p.subject)} steht auf ${quote(p.status)}, ihr letzter Sachstand vom ${date(p.berichtsstichtag)} meldet aber ${quote(p.reported)}. Gleichen Sie den Status der Maßnahme an oder korrigieren Sie den Sachstand.`,
  ...PROZESSPLAN_MESSAGES,
} satisfies Record<string, (params: never) => string>;

type Code = keyof typeof MESSAGES;

/** The parameters a rule's message is rendered from. */
export type MessageParams<C extends Code = Code> = Parameters<(typeof MESSAGES)[C]>[0];

/** The message of a finding, rendered from its code and parameters: the one place that words findings. */
export function renderMessage<C extends Code>(rule: C, params: MessageParams<C>): string {
  return (MESSAGES[rule] as (p: MessageParams<C>) => string)(params);
}
