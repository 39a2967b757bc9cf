/**
 * The one message table of the file host: every German sentence about a file that cannot be read or
 * written, a package that cannot be used, and a workbook that cannot be split, merged or carried forward.
 * The code throws codes with their facts (`xlsxError("DATEI_FEHLT", { datei })`); the wording lives here.
 */
import { type RowNote, unassignedText } from "../workbook/distribution";
import { type StatisticsProblem, problemText } from "../workbook/werte/messages";
import type { PackageErrorReason } from "./opc";
import { userErrors } from "./userError";

const q = (text: string) => `„${text}“`;
/** `3, 7, 12` — at most five, then `…`. */
const some = (list: readonly (string | number)[]) => `${list.slice(0, 5).join(", ")}${list.length > 5 ? " …" : ""}`;

/** Why the package of a file cannot be used, with the file as the user gave it. */
const PACKAGE: Record<PackageErrorReason, (p: { datei: string; teil?: string; blatt?: string }) => string> = {
  "too-large-part": (p) =>
    `Die Datei ${q(p.datei)} enthält einen Teil (${q(p.teil ?? "")}), der entpackt größer als 200 MB wäre; so große Arbeitsmappen werden nicht geöffnet.`,
  "too-large-package": (p) =>
    `Die Datei ${q(p.datei)} wäre entpackt größer als 1 GB; so große Arbeitsmappen werden nicht geöffnet.`,
  zip64: (p) =>
    `Die Datei ${q(p.datei)} ist für eine Arbeitsmappe zu groß (ZIP64); so große Arbeitsmappen werden nicht geöffnet.`,
  encrypted: (p) => `Die Datei ${q(p.datei)} ist verschlüsselt; speichern Sie sie in Excel ohne Kennwort.`,
  doctype: (p) =>
    `Die Datei ${q(p.datei)} enthält im Teil ${q(p.teil ?? "")} eine DOCTYPE-Angabe, die Excel nie schreibt; sie wird aus Sicherheitsgründen nicht geöffnet.`,
  "not-a-workbook": (p) => `Die Datei ${q(p.datei)} ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx).`,
  "chart-sheet": (p) =>
    `Das Blatt ${q(p.blatt ?? "")} ist ein Diagrammblatt; bitte benennen Sie es um, damit das Programm sein Blatt anlegen kann.`,
  "foreign-part": (p) =>
    `Das Blatt ${q(p.blatt ?? "")} wird vom Programm neu erzeugt, enthält aber ${q(p.teil ?? "")}, das dabei verloren ginge; es wurde nichts geschrieben. Bitte verschieben Sie es auf ein eigenes Blatt.`,
  "no-sheet": (p) => `In der Datei ${q(p.datei)} fehlt das Blatt ${q(p.blatt ?? "")}.`,
  corrupt: (p) => `Die Datei ${q(p.datei)} ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).`,
  method: (p) => `Die Datei ${q(p.datei)} ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).`,
};

export const XLSX_MESSAGES = {
  // ——— reading a file ———
  DATEI_FEHLT: (p: { datei: string }) => `Die Datei ${q(p.datei)} wurde nicht gefunden.`,
  KEINE_DATEI: (p: { datei: string }) => `${q(p.datei)} ist keine Datei, sondern ein Ordner oder ein Gerät.`,
  ZU_GROSS: (p: { datei: string; mb: number }) =>
    `Die Datei ${q(p.datei)} ist mit ${p.mb.toFixed(0)} MB größer als die erlaubten 50 MB.`,
  /** The browser mode, which knows only that the file is over the limit. */
  ZU_GROSS_OHNE_GROESSE: (p: { datei: string }) => `Die Datei ${q(p.datei)} ist größer als die erlaubten 50 MB.`,
  NICHT_LESBAR: (p: { datei: string }) => `Die Datei ${q(p.datei)} lässt sich nicht lesen (fehlende Berechtigung?).`,
  XLS_ODER_KENNWORT: (p: { datei: string }) =>
    `Die Datei ${q(p.datei)} ist im alten .xls-Format oder mit Kennwort verschlüsselt; speichern Sie sie in Excel als .xlsx ohne Kennwort.`,
  KEINE_ARBEITSMAPPE: (p: { datei: string }) => `Die Datei ${q(p.datei)} ist keine Excel-Arbeitsmappe (.xlsx).`,
  PAKET_UNBRAUCHBAR: (p: { datei: string; grund: PackageErrorReason; teil?: string; blatt?: string }) =>
    PACKAGE[p.grund](p),
  /** A list to import (`import`): an old binary workbook. */
  LISTE_XLS: (p: { datei: string }) =>
    `Die Datei ${q(p.datei)} ist im alten .xls-Format; speichern Sie sie in Excel als .xlsx oder .csv.`,
  LISTE_UNBEKANNT: (p: { datei: string }) =>
    `Die Datei ${q(p.datei)} ist weder eine Excel-Arbeitsmappe (.xlsx) noch eine Textdatei (.csv).`,
  /** `predicate`: what the workbook lacks (UnreadableWorkbookError's message, a predicate). */
  ARBEITSMAPPE_UNLESBAR: (p: { datei: string; aussage: string }) => `Die Arbeitsmappe ${q(p.datei)} ${p.aussage}.`,
  RUECKLAUF_UNLESBAR: (p: { datei: string; aussage: string }) => `Der Rücklauf ${q(p.datei)} ${p.aussage}.`,

  // ——— writing a file ———
  ORDNER_FEHLT: (p: { ziel: string }) => `Der Ordner für ${q(p.ziel)} existiert nicht.`,
  NICHT_SCHREIBBAR: (p: { ziel: string }) =>
    `${q(p.ziel)} kann nicht geschrieben werden (fehlende Berechtigung oder Datei gesperrt).`,
  IST_ORDNER: (p: { ziel: string }) => `${q(p.ziel)} ist ein Ordner; geben Sie einen Dateinamen an.`,
  KEIN_PLATZ: (p: { ziel: string }) => `Für ${q(p.ziel)} ist auf dem Datenträger kein Platz mehr.`,
  GESPERRT: (p: { ziel: string }) =>
    `${q(p.ziel)} wird gerade von einem anderen Vorgang geschrieben; es wurde nichts geändert. Bitte den Befehl danach erneut ausführen.`,
  SCHREIBGESCHUETZT: (p: { ziel: string }) =>
    `${q(p.ziel)} ist schreibgeschützt und wird nicht ersetzt; es wurde nichts geschrieben.`,
  GEAENDERT: (p: { ziel: string }) =>
    `${q(p.ziel)} wurde geändert, seit es gelesen wurde (z. B. von Excel oder einem anderen Zusammenführen); es wurde nichts geschrieben. Bitte den Befehl erneut ausführen.`,

  // ——— writing rows (the browser mode) ———
  TABELLE_FEHLT: (p: { tabelle: string; blatt: string }) =>
    `Die Tabelle ${q(p.tabelle)} (Blatt ${q(p.blatt)}) fehlt; legen Sie unter „Einrichten“ die Struktur an.`,
  ID_SPALTE_FEHLT: (p: { blatt: string }) => `Im Blatt ${q(p.blatt)} fehlt die Spalte „ID“.`,

  // ——— split, merge, fortschreiben ———
  /** `zweck`: what the IDs are needed for. */
  KEINE_ID_SPALTE: (p: { datei: string; blatt: string; zweck: "zusammenfuehren" | "fortschreiben" }) =>
    `Die Arbeitsmappe ${q(p.datei)} hat im Blatt ${q(p.blatt)} keine Spalte „ID“; ` +
    (p.zweck === "zusammenfuehren"
      ? "ohne IDs lassen sich Maßnahmen nicht zusammenführen."
      : "ohne IDs lässt sich die Geschichte der Maßnahmen nicht fortführen."),
  MASSNAHMEN_OHNE_ID: (p: { datei: string; zeilen: readonly number[] }) =>
    `In ${q(p.datei)} haben Maßnahmen keine ID (Zeile ${some(p.zeilen)}); bitte zuerst IDs vergeben, damit sich die Rückläufe zuordnen lassen.`,
  MASSNAHMEN_ID_DOPPELT: (p: { datei: string; ids: readonly string[] }) =>
    `In ${q(p.datei)} sind IDs doppelt vergeben (${some(p.ids)}); bitte zuerst eindeutig machen, damit sich die Rückläufe zuordnen lassen.`,
  ANGEBOTE_OHNE_ID: (p: { datei: string; blatt: string; zeilen: readonly number[] }) =>
    `In ${q(p.datei)} haben Angebote im Blatt ${q(p.blatt)} keine ID (Zeile ${some(p.zeilen)}); bitte zuerst IDs vergeben, damit sich die Rückläufe zuordnen lassen.`,
  ANGEBOTE_ID_DOPPELT: (p: { datei: string; ids: readonly string[] }) =>
    `In ${q(p.datei)} sind IDs von Angeboten doppelt vergeben (${some(p.ids)}); bitte zuerst eindeutig machen, damit sich die Rückläufe zuordnen lassen.`,
  /** `erste`: the first row that goes to nobody; null when there is no measure to send at all. */
  NICHTS_ZU_VERTEILEN: (p: { datei: string; erste: RowNote | null }) =>
    p.erste === null
      ? `Die Arbeitsmappe ${q(p.datei)} enthält keine Maßnahmen zum Verteilen (verworfene werden nicht verschickt).`
      : `In ${q(p.datei)} lässt sich keine Maßnahme einem Fachbereich oder Akteur zuordnen, es wurde nichts geschrieben; zuerst: ${unassignedText(p.erste)}`,
  ERFASSUNGSBOGEN_OHNE_BLATT: (p: { datei: string; blatt: string }) =>
    `Der Rücklauf ${q(p.datei)} ist ein Erfassungsbogen, aber das Blatt ${q(p.blatt)} fehlt; bitte die verschickte Datei mit dem Blatt zurücksenden.`,

  // ——— werte: statistics files and the Indikatorwerte they go into ———
  /** `kodierung`: `UTF-16`, or null for bytes that Windows-1252 does not define. */
  STATISTIK_KODIERUNG: (p: { datei: string; kodierung: "UTF-16" | null }) =>
    `Die Datei ${q(p.datei)} ${p.kodierung === "UTF-16" ? "ist in UTF-16 gespeichert" : "ist weder UTF-8 noch Windows-1252"}; ` +
    "lesbar sind Statistikdateien in UTF-8 oder Windows-1252. Speichern Sie sie z. B. in Excel als „CSV UTF-8“.",
  /** `problem`: why the file is no statistics table (the werte messages word it). */
  STATISTIK_UNBRAUCHBAR: (p: { problem: StatisticsProblem }) => problemText(p.problem),
  INDIKATOREN_UNBEKANNT: (p: { ids: readonly string[]; blatt: string }) =>
    `${p.ids.length === 1 ? "Den Indikator" : "Die Indikatoren"} ${p.ids.map(q).join(", ")} gibt es im Blatt ${q(p.blatt)} nicht; ` +
    `legen Sie ${p.ids.length === 1 ? "ihn" : "sie"} dort an oder nennen Sie einen vorhandenen.`,
  KEIN_PLATZ_FUER_SPALTEN: (p: { blatt: string; spalten: readonly string[] }) =>
    `Rechts neben der Tabelle im Blatt ${q(p.blatt)} stehen Einträge; für die Spalten ${p.spalten.join(", ")} ist dort kein Platz. ` +
    "Fügen Sie diese Spalten selbst in die Tabelle ein; es wurde nichts geschrieben.",
} satisfies Record<string, (params: never) => string>;

/** A user error of the file host: `throw xlsxError("DATEI_FEHLT", { datei })`. */
export const xlsxError = userErrors(XLSX_MESSAGES);
