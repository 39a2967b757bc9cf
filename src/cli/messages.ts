/**
 * The one message table of the command line: every German sentence about the arguments a command was
 * given. The commands throw codes with their facts (`cliError("RUNDE_FEHLT", {})`); the wording lives here.
 * What is wrong with a file itself is the file host's (src/xlsx/messages.ts).
 */
import { type MappingProblem, mappingText } from "../workbook/import/messages";
import { type StatisticsProblem, problemText } from "../workbook/werte/messages";
import { type GebietProblem, gebietProblemText } from "../workbook/integrationsbericht-messages";
import { userErrors } from "../xlsx/userError";

const q = (text: string) => `„${text}“`;
/** The endings of the files the commands write. */
export type Endung = ".xlsx" | ".docx" | ".ics";
/** The sentence that points to a command's help. */
const help = (befehl: string) => `„massnahmenplaner ${befehl} --help“ zeigt die möglichen Optionen`;

export const CLI_MESSAGES = {
  // ——— the command and its options ———
  BEFEHL_UNBEKANNT: (p: { befehl: string }) =>
    `Den Befehl ${q(p.befehl)} gibt es nicht; „massnahmenplaner --help“ zeigt die möglichen Befehle.`,
  OPTION_UNBEKANNT: (p: { befehl: string; option: string }) =>
    `Die Option ${q(p.option)} kennt der Befehl ${p.befehl} nicht; ${help(p.befehl)}.`,
  OPTION_OHNE_WERT: (p: { befehl: string; option: string }) =>
    `Die Option ${q(p.option)} steht für sich und nimmt keinen Wert; ${help(p.befehl)}.`,
  OPTION_BRAUCHT_WERT: (p: { befehl: string; option: string }) =>
    `Die Option ${q(p.option)} braucht einen Wert; ${help(p.befehl)}.`,
  /** `option` as the help names it, e.g. `-o/--output`. */
  OPTION_WERT_LEER: (p: { option: string }) => `Die Option ${p.option} braucht einen Wert.`,
  ANGABEN_UNLESBAR: (p: { befehl: string; grund: string }) =>
    `Die Angaben für ${p.befehl} sind nicht lesbar (${p.grund}); ${help(p.befehl)}.`,
  /** `was`: what the date is, at the start of the sentence (`Der Stichtag`). */
  DATUM_UNGUELTIG: (p: { was: string; text: string }) =>
    `${p.was} ${q(p.text)} ist kein Datum; geben Sie ihn als JJJJ-MM-TT an, z. B. 2026-12-31.`,

  // ——— the files a command is given ———
  /** `was`: what is to be given once (`Datei`, `Liste`, `Arbeitsmappe`); `aufruf` the command's usage. */
  GENAU_EINE: (p: { was: "Datei" | "Liste" | "Arbeitsmappe"; aufruf: string }) =>
    `Bitte genau eine ${p.was} angeben: ${p.aufruf}`,
  /** `was`: `Die Datei`, `Die Ausgabedatei` or `Die Arbeitsmappe`. */
  ENDUNG_FALSCH: (p: { was: "Die Datei" | "Die Ausgabedatei" | "Die Arbeitsmappe"; datei: string; endung: Endung }) =>
    `${p.was} ${q(p.datei)} muss auf ${p.endung} enden.`,
  DATEI_VORHANDEN: (p: { datei: string }) =>
    `Die Datei ${q(p.datei)} existiert bereits; mit --force wird sie überschrieben.`,
  /** `-o` missing where it is required; `fuer` says what it names. */
  AUSGABE_FEHLT: (p: { fuer: "bericht" | "vorlage" | "import" | "fortschreiben"; aufruf: string }) =>
    ({
      bericht: "Bitte mit -o angeben, wohin der Bericht geschrieben wird: ",
      vorlage: "Bitte mit -o angeben, wohin die Vorlage geschrieben wird: ",
      import: "Bitte mit -o die neue Arbeitsmappe angeben: ",
      fortschreiben: "Bitte mit -o die neue Arbeitsmappe angeben; die alte bleibt unverändert: ",
    })[p.fuer] + p.aufruf,

  // ——— init and matrix ———
  VORLAGE_UNBEKANNT: (p: { vorlage: string; moeglich: readonly string[] }) =>
    `Die Vorlage ${q(p.vorlage)} gibt es nicht; möglich sind: ${p.moeglich.join(", ")}.`,
  RUNDE_FEHLT: () => "Bitte die Bewertungsrunde angeben, z. B. --runde 2027.",
  RUNDE_KEIN_JAHR: (p: { runde: string }) =>
    `Die Runde ${q(p.runde)} ist kein Jahr; geben Sie sie vierstellig an, z. B. --runde 2027.`,

  // ——— split and merge ———
  ZIEL_FEHLT: () => "Bitte mit --ziel den Ordner angeben, in den die Dateien zum Verteilen geschrieben werden.",
  ZIEL_IST_DATEI: (p: { ziel: string }) =>
    `${q(p.ziel)} ist eine Datei, kein Ordner; geben Sie bei --ziel einen Ordner an.`,
  ZIEL_BELEGT: (p: { ziel: string; datei: string }) =>
    `Im Ordner ${q(p.ziel)} liegt schon ${q(p.datei)}; bitte einen neuen Ordner angeben oder die alte Datei entfernen, es wurde nichts geschrieben.`,
  ORDNER_NICHT_ANLEGBAR: (p: { ziel: string }) =>
    `Der Ordner ${q(p.ziel)} kann nicht angelegt werden (fehlende Berechtigung?).`,
  RUECKLAEUFE_FEHLEN: (p: { aufruf: string }) =>
    `Bitte die Gesamtdatei und mindestens einen Rücklauf angeben: ${p.aufruf}`,
  RUECKLAUF_IST_GESAMTDATEI: (p: { datei: string }) =>
    `Der Rücklauf ${q(p.datei)} ist die Gesamtdatei selbst; bitte die Dateien der Fachbereiche angeben.`,

  // ——— import ———
  ZUORDNUNG_KEIN_JSON: (p: { datei: string }) =>
    `Die Zuordnung ${q(p.datei)} ist kein gültiges JSON, z. B. {"spalten": {"B": "Titel"}}.`,
  AUSGABE_IST_LISTE: (p: { datei: string }) =>
    `Die Ausgabedatei ${q(p.datei)} ist die Liste selbst; bitte einen anderen Namen angeben.`,
  BLATT_BEI_CSV: (p: { liste: string }) =>
    `${q(p.liste)} ist eine CSV-Datei mit nur einer Tabelle; --blatt gilt nur für Excel-Arbeitsmappen.`,
  LISTE_UNBRAUCHBAR: (p: { liste: string; problem: MappingProblem }) => `${p.liste}: ${mappingText(p.problem)}`,
  KEINE_MASSNAHMEN: (p: { liste: string; kopfzeile: number }) =>
    `In ${q(p.liste)} stehen unter der Kopfzeile (Zeile ${p.kopfzeile}) keine Maßnahmen.`,

  // ——— anstehend and export ———
  TAGE_UNGUELTIG: (p: { tage: string }) =>
    `${q(p.tage)} ist keine Anzahl Tage; geben Sie bei --tage eine ganze Zahl von 0 bis 3650 an, z. B. --tage 60.`,
  EXPORT_ZIEL_BELEGT: (p: { ziel: string; dateien: readonly string[] }) =>
    `Im Ordner ${q(p.ziel)} liegen schon ${p.dateien.map(q).join(", ")}; mit --force werden sie ersetzt, es wurde nichts geschrieben.`,

  // ——— vorlage ———
  SCHRITT_FEHLT: (p: { aufruf: string }) =>
    `Bitte mit --schritt angeben, für welchen Schritt die Vorlage ist: ${p.aufruf}`,

  // ——— fortschreiben ———
  /** `satz`: the domain's sentence about the Laufzeit (see parseLaufzeit). */
  LAUFZEIT_UNGUELTIG: (p: { satz: string }) => p.satz,
  AUSGABE_IST_ALTE: (p: { datei: string }) =>
    `Die Ausgabedatei ${q(p.datei)} ist die alte Arbeitsmappe selbst; sie bleibt unverändert, bitte einen anderen Namen angeben.`,

  // ——— werte ———
  STATISTIK_FEHLT: (p: { aufruf: string }) =>
    `Bitte die Arbeitsmappe und mindestens eine Statistikdatei angeben: ${p.aufruf}`,
  STATISTIK_IST_ARBEITSMAPPE: (p: { datei: string }) =>
    `${q(p.datei)} ist die Arbeitsmappe selbst, keine Statistikdatei.`,
  INDIKATOR_UND_ZUORDNUNG: () => "Bitte entweder --indikator oder --zuordnung angeben, nicht beides.",
  INDIKATOR_LEER: () => "Die Option --indikator braucht die ID eines Indikators, z. B. I-021.",
  INDIKATOR_FEHLT: () =>
    'Bitte angeben, zu welchem Indikator die Werte gehören: --indikator I-021, oder für mehrere --zuordnung datei.json mit {"spalten": {"Ausländer": "I-021"}}.',
  WERTE_ZUORDNUNG_KEIN_JSON: (p: { datei: string }) =>
    `Die Zuordnung ${q(p.datei)} ist kein gültiges JSON, z. B. {"spalten": {"Ausländer": "I-021"}}.`,
  /** `problem`: what is wrong with the mapping (the werte messages word it). */
  WERTE_ZUORDNUNG_UNBRAUCHBAR: (p: { datei: string; problem: StatisticsProblem }) =>
    `${p.datei}: ${problemText(p.problem)}`,

  // ——— integrationsbericht ———
  /** The Gemeinde of --gebiet: unknown, or outside the own area (the workbook layer words it). */
  GEBIET_UNBRAUCHBAR: (p: { problem: GebietProblem }) => gebietProblemText(p.problem),
} satisfies Record<string, (params: never) => string>;

/** A user error of the command line: `throw cliError("RUNDE_FEHLT", {})`. */
export const cliError = userErrors(CLI_MESSAGES);
