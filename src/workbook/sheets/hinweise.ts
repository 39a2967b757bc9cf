/**
 * The sheet `Hinweise` of a recipient's file (the first one, which the file opens on): whose file it is,
 * what to do, by when and to whom. The mail draft of `split --mail` says the same with the same lines
 * (hintsLines). Written by `split` and the pane's Verteilen; never read back.
 */
import { type IsoDate, formatGermanDate } from "../../domain/dates";
import type { Recipient } from "../../domain/recipients";
import type { Settings } from "../../domain/settings";
import { withPrintLayout } from "../print";
import type { CellPlan, SheetPlan } from "../sheet-plan";
import { generatedSheet } from "./sheet";
import type { SplitMeta } from "./verteilung";

export const HINTS_SHEET = generatedSheet({
  sheet: "Hinweise",
  table: null,
  state: "visible",
  plan: planHintsSheet,
  read: null,
});

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

/** The first sheet of a recipient's file, the one it opens on: whose file it is and what to do. */
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
    name: HINTS_SHEET.sheet,
    state: HINTS_SHEET.state,
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
