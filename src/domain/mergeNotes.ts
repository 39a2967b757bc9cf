/**
 * The one message table of the merge: every German note of Konflikte and Zusammenführung (the three-way
 * merge of measures and Angebote, the status query's Sachstände and Indikatorwerte, the pane's own
 * decisions), keyed by code and rendered from the action's parameters. The merge passes only codes and
 * facts; the wording lives here.
 */

/** What kind of row a merge takes back; its notes name such a row in their words. */
export type MergeRowKind = "massnahme" | "angebot";

/** The German words of the notes for one kind of row. */
const WORDS: Record<MergeRowKind, { the: string; theNew: string; aNew: string; owner: string; instead: string }> = {
  massnahme: {
    the: "die Maßnahme",
    theNew: "die neue Maßnahme",
    aNew: "Neue Maßnahme",
    owner: "Die Federführung",
    instead: "Soll sie entfallen, setzen Sie dort den Status auf „verworfen“.",
  },
  angebot: {
    the: "das Angebot",
    theNew: "das neue Angebot",
    aNew: "Neues Angebot",
    owner: "Der Träger",
    instead: "Soll es entfallen, löschen Sie es dort.",
  },
};

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const q = (text: string) => `„${text}“`;

/** The status query's long tables, as their notes name a row (both masculine). */
export type ReportLabel = "Sachstand" | "Indikatorwert";

export const MERGE_NOTES = {
  /** A value the master took: no note. */
  UEBERNOMMEN: () => "",
  ID_DOPPELT_IM_RUECKLAUF: (p: { id: string }) =>
    `Die ID ${p.id || "(leer)"} steht mehrfach im Rücklauf; nur die erste Zeile wurde berücksichtigt.`,
  OHNE_BASIS_UNBEKANNT: (p: { art: MergeRowKind }) =>
    `Der Rücklauf enthält keine Basiswerte der Verteilung, und ${WORDS[p.art].the} steht nicht in der Gesamtdatei; die Zeile wurde nicht aufgenommen.`,
  OHNE_BASIS: () =>
    "Der Rücklauf enthält keine Basiswerte der Verteilung; ohne sie ist nicht erkennbar, welche Seite geändert hat. Gesamtdatei behalten.",
  ID_DOPPELT_IN_GESAMTDATEI: (p: { id: string }) =>
    `Die ID ${p.id} kommt in der Gesamtdatei mehrfach vor; bitte dort eindeutig machen und den Rücklauf erneut zusammenführen.`,
  IN_GESAMTDATEI_GELOESCHT: (p: { art: MergeRowKind; id: string }) =>
    `${upper(WORDS[p.art].the)} ${p.id} wurde in der Gesamtdatei inzwischen gelöscht; die Änderungen des Rücklaufs wurden nicht übernommen.`,
  /** `eigner`: the recipient the master row belongs to; null when its owner field names no known Akteur. */
  GEHOERT_ANDEREM: (p: { art: MergeRowKind; eigner: string | null; empfaenger: string }) =>
    p.eigner === null
      ? `${upper(WORDS[p.art].the)} gehört in der Gesamtdatei nicht zu ${q(p.empfaenger)} (${WORDS[p.art].owner} nennt dort keinen bekannten Akteur); Änderungen wurden nicht übernommen.`
      : `${upper(WORDS[p.art].the)} gehört in der Gesamtdatei zu ${q(p.eigner)}, nicht zu ${q(p.empfaenger)}; Änderungen wurden nicht übernommen.`,
  BEIDE_GEAENDERT: (p: { verteilt: string }) =>
    `In der Gesamtdatei und im Rücklauf geändert (verteilt: ${q(p.verteilt)}); Gesamtdatei behalten.`,
  SPALTE_NACH_VERTEILUNG: () => "Die Spalte war bei der Verteilung noch nicht dabei; Gesamtdatei behalten.",
  NEUE_ZEILE_ANDERER: (p: { art: MergeRowKind; eigner: string; empfaenger: string }) =>
    `${WORDS[p.art].owner} gehört zu ${q(p.eigner)}, nicht zu ${q(p.empfaenger)}; die Zeile wurde nicht übernommen.`,
  NEU_OHNE_ID: (p: { art: MergeRowKind; id: string }) =>
    `${WORDS[p.art].aNew} ohne ID; die Zeile hat die ID ${p.id} erhalten.`,
  NEU_ID_VERGEBEN: (p: { art: MergeRowKind; alt: string; id: string }) =>
    `Die ID ${p.alt} ist in der Gesamtdatei schon vergeben; ${WORDS[p.art].theNew} hat die ID ${p.id} erhalten.`,
  NEU: (p: { art: MergeRowKind }) => `${WORDS[p.art].aNew} aus dem Rücklauf.`,
  SPALTE_FEHLT_IM_RUECKLAUF: (p: { spalte: string }) =>
    `Die Spalte ${q(p.spalte)} fehlt im Rücklauf; ihre Werte in der Gesamtdatei bleiben unverändert.`,
  SPALTE_FEHLT_IN_GESAMTDATEI: (p: { spalte: string }) =>
    `Die Spalte ${q(p.spalte)} gibt es in der Gesamtdatei nicht; der Wert wurde nicht übernommen.`,
  ZEILE_FEHLT_IM_RUECKLAUF: (p: { art: MergeRowKind }) =>
    `Die Zeile fehlt im Rücklauf; ${WORDS[p.art].the} bleibt in der Gesamtdatei. ${WORDS[p.art].instead}`,

  // ——— the status query's long tables ———
  NICHT_GEMELDET: (p: { was: ReportLabel; datum: string }) => `${p.was} zum ${p.datum} nicht gemeldet.`,
  /** `ohne`: what the row lacks, its date or what it is about. */
  BERICHT_UNLESBAR: (p: { was: ReportLabel; ohne: "datum" | "bezug" }) =>
    `${p.was} ohne ${p.ohne === "datum" ? "lesbares Datum" : "Angabe, worauf er sich bezieht"}; nicht übernommen.`,
  BERICHT_FREMD: (p: { was: ReportLabel; id: string; datum: string }) =>
    `${p.id} gehört nicht zum Fachbereich dieses Rücklaufs; ${p.was} zum ${p.datum} nicht übernommen.`,
  ANGEFUEGT: (p: { was: ReportLabel; datum: string }) => `${p.was} zum ${p.datum} angefügt.`,
  SCHON_VORHANDEN: (p: { was: ReportLabel; datum: string }) =>
    `${p.was} zum ${p.datum} steht schon in der Gesamtdatei.`,
  ANDERER_BERICHT: (p: { was: ReportLabel; id: string; datum: string }) =>
    `In der Gesamtdatei steht für ${p.id} zum ${p.datum} schon ein anderer ${p.was}; Gesamtdatei behalten.`,

  // ——— the pane ———
  IM_AUFGABENBEREICH_UEBERNOMMEN: () => "Im Aufgabenbereich entschieden: Wert des Rücklaufs übernommen.",
} satisfies Record<string, (params: never) => string>;

type Notes = typeof MERGE_NOTES;
export type MergeNoteCode = keyof Notes;
type NoteParams<C extends MergeNoteCode> =
  Parameters<Notes[C]> extends [] ? Record<string, never> : Parameters<Notes[C]>[0];

/** A merge action's note: its code, its parameters and the sentence rendered from them (as a finding's). */
export interface MergeNote {
  note: string;
  noteCode: MergeNoteCode;
  noteParams: object;
}

/** The note of a code with its parameters, to spread into a merge action. */
export function mergeNote<C extends MergeNoteCode>(code: C, params: NoteParams<C>): MergeNote {
  return {
    note: (MERGE_NOTES[code] as (p: NoteParams<C>) => string)(params),
    noteCode: code,
    noteParams: params as object,
  };
}
