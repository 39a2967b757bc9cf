/**
 * What each command takes and does, as data: `massnahmenplaner --help` and `<befehl> --help` are made from
 * it, and the command table (main.ts) lists it without loading any command's code.
 */
import { PRUEFBERICHT } from "../workbook/sheets/pruefbericht";
import { KENNZAHLEN } from "../workbook/sheets/kennzahlen";
import { OVERVIEW_SHEET } from "../workbook/sheets/uebersicht";
import { CONFLICT_SHEET } from "../workbook/sheets/konflikte";
import { UEBERNAHME_SHEET } from "../workbook/sheets/uebernahme";
import { VORPERIODE } from "../workbook/sheets/vorperiode";
import { ZEITPLAN_SHEET } from "../workbook/sheets/zeitplan";
import { WERTEUEBERNAHME } from "../workbook/sheets/werteuebernahme";
import { MERGE_LOG_SHEET } from "../workbook/sheets/zusammenfuehrung";
import type { CommandSpec, OptionSpec } from "./args";

/** `-o`: write to another file, the input stays as it is (without it the command writes in place). */
const OUTPUT_INSTEAD: OptionSpec = {
  type: "string",
  short: "o",
  value: "out.xlsx",
  description: "in diese Datei schreiben statt in die Datei selbst",
};

export const INIT: CommandSpec = {
  name: "init",
  usage: "<datei.xlsx> [--vorlage leer|laatzen|ilm-kreis|beispiel] [--force]",
  summary: "Legt eine strukturierte Arbeitsmappe an: alle Tabellen, Auswahllisten, Eingabehinweise und Markierungen.",
  options: {
    vorlage: { type: "string", value: "NAME", description: "leer (Standard), laatzen, ilm-kreis oder beispiel" },
    force: { type: "boolean", description: "eine vorhandene Datei überschreiben" },
  },
  exit: "0 angelegt, 2 Eingabe unbrauchbar (z. B. Datei vorhanden ohne --force).",
};

export const CHECK: CommandSpec = {
  name: "check",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] [--json] [-o bericht.xlsx]",
  summary:
    "Prüft alle Regeln (SMART, Verweise, Fristen) und gibt die Befunde nach Blatt und Maßnahme aus.\n" +
    "Stichtag: --stichtag, sonst „Stichtag“ in den Einstellungen, sonst heute.",
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag der Prüfung" },
    json: { type: "boolean", description: "Ergebnis als JSON-Objekt auf stdout" },
    output: {
      type: "string",
      short: "o",
      value: "bericht.xlsx",
      description: `Kopie mit dem Blatt „${PRUEFBERICHT.sheet}“ schreiben`,
    },
  },
  exit: "0 keine Fehler, 1 Fehler in den Maßnahmen gefunden, 2 Eingabe unbrauchbar.",
};

export const MATRIX: CommandSpec = {
  name: "matrix",
  usage: "<datei.xlsx> --runde JJJJ [-o out.xlsx]",
  summary:
    "Legt die Bewertungsmatrix „Bewertung JJJJ“ an oder aktualisiert sie, ohne Bewertungen zu verlieren\n" +
    "(ohne -o in der Datei selbst).",
  options: {
    runde: { type: "string", value: "JJJJ", description: "die Bewertungsrunde, z. B. 2027" },
    output: OUTPUT_INSTEAD,
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

export const SPLIT: CommandSpec = {
  name: "split",
  usage: "<datei.xlsx> --ziel <ordner> [--sachstand JJJJ-MM-TT] [--angebote] [--mail]",
  summary:
    "Schreibt je Fachbereich und je Akteur ohne Fachbereich (etwa das Jobcenter) eine Arbeitsmappe mit\n" +
    "dessen Maßnahmen in den Ordner, zum Verteilen; verworfene bleiben zu Hause, was sich niemandem zuordnen\n" +
    "lässt, wird vorher genannt. Vorhandene Dateien werden nicht überschrieben. Mit --sachstand: die\n" +
    "Sachstandsabfrage; mit --angebote: der Erfassungsbogen der bestehenden Angebote; mit --mail: je Datei\n" +
    "ein Mail-Entwurf (.eml) an die Ansprechpersonen, nichts wird gesendet.",
  options: {
    ziel: { type: "string", value: "ORDNER", description: "der Ordner für die Dateien" },
    sachstand: {
      type: "string",
      value: "JJJJ-MM-TT",
      description: "Berichtsstichtag: je Maßnahme eine Zeile Sachstand und die Indikatorwerte zum Ausfüllen",
    },
    angebote: {
      type: "boolean",
      description: "Erfassungsbogen: jeder Fachbereich und Träger ergänzt seine Angebote und trägt neue ein",
    },
    mail: {
      type: "boolean",
      description:
        "neben jeder Datei ein Mail-Entwurf <datei>.eml an die Ansprechpersonen mit der Datei im Anhang (Outlook öffnet ihn zum Senden; gesendet wird nichts)",
    },
  },
  exit: "0 geschrieben (auch wenn Maßnahmen niemandem zuzuordnen sind; sie werden vorher genannt), 2 Eingabe unbrauchbar.",
};

export const MERGE: CommandSpec = {
  name: "merge",
  usage: "<datei.xlsx> <rücklauf.xlsx>... [-o out.xlsx]",
  summary:
    "Führt die Rückläufe der Fachbereiche feldweise zusammen (ohne -o in der Datei selbst);\n" +
    `Konflikte stehen im Blatt „${CONFLICT_SHEET.sheet}“, alle Schritte im Blatt „${MERGE_LOG_SHEET.sheet}“.`,
  options: {
    output: OUTPUT_INSTEAD,
  },
  exit: "0 zusammengeführt, 1 zusammengeführt mit Konflikten, 2 Eingabe unbrauchbar.",
};

export const BERICHT: CommandSpec = {
  name: "bericht",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] -o <bericht.docx>",
  summary:
    "Schreibt den Sachstandsbericht für Ausschuss, Kreistag und Integrationsbeirat als Word-Dokument\n" +
    "(Zusammenfassung, je Handlungsfeld Indikatoren mit Diagramm und Maßnahmen, Bewertung, Anhang).",
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag des Berichts (sonst wie bei check)" },
    output: { type: "string", short: "o", value: "bericht.docx", description: "die Word-Datei, die geschrieben wird" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

export const UEBERSICHT: CommandSpec = {
  name: "uebersicht",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] [-o out.xlsx]",
  summary:
    `Legt das Blatt „${OVERVIEW_SHEET.sheet}“ an oder erneuert es: je Handlungsfeld Maßnahmen nach Status, überfällig,\n` +
    "SMART-vollständig, Kosten, Indikatoren nach Ampel, Ø Gesamt der letzten Bewertung, mit Diagrammen;\n" +
    `mit Werten von Basisindikatoren auch das Blatt „${KENNZAHLEN.sheet}“ (je Gebiet und Stichtag).`,
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag (sonst wie bei check)" },
    output: OUTPUT_INSTEAD,
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

export const IMPORT: CommandSpec = {
  name: "import",
  usage: "<liste.xlsx|liste.csv> -o <konzept.xlsx> [--blatt NAME] [--zuordnung datei.json] [--force]",
  summary:
    "Übernimmt eine vorhandene Maßnahmenliste (eigenes Layout, .xlsx oder .csv) in eine neue Arbeitsmappe;\n" +
    `das Blatt „${UEBERNAHME_SHEET.sheet}“ nennt die Zuordnung der Spalten und jeden nicht verstandenen Wert mit seiner Zelle.`,
  options: {
    output: { type: "string", short: "o", value: "konzept.xlsx", description: "die neue Arbeitsmappe (Pflicht)" },
    blatt: {
      type: "string",
      value: "NAME",
      description: "das Blatt der Liste (sonst das mit den meisten bekannten Überschriften)",
    },
    zuordnung: { type: "string", value: "datei.json", description: "Spaltenzuordnung, die die Vermutung ersetzt" },
    force: { type: "boolean", description: "eine vorhandene Datei überschreiben" },
  },
  exit: "0 übernommen, 2 Eingabe unbrauchbar.",
};

export const FORTSCHREIBEN: CommandSpec = {
  name: "fortschreiben",
  usage: "<alt.xlsx> --laufzeit JJJJ-JJJJ -o <neu.xlsx> [--force]",
  summary:
    "Beginnt die nächste Konzeptperiode als neue Arbeitsmappe: neue Laufzeit, Maßnahmen mit ihren IDs außer\n" +
    `beendeten, umgesetzten und verworfenen (Blatt „${VORPERIODE.sheet}“), Basiswerte aus dem letzten IST.`,
  options: {
    laufzeit: { type: "string", value: "JJJJ-JJJJ", description: "die Laufzeit der neuen Periode, z. B. 2029-2032" },
    output: { type: "string", short: "o", value: "neu.xlsx", description: "die neue Arbeitsmappe (Pflicht)" },
    force: { type: "boolean", description: "eine vorhandene Ausgabedatei überschreiben" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

export const ANSTEHEND: CommandSpec = {
  name: "anstehend",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] [--tage 60] [--json] [--ics datei.ics]",
  summary:
    "Listet, was überfällig ist und in den nächsten Tagen ansteht – Fristen der Maßnahmen, Termine des Prozessplans,\n" +
    "Rücklauf, Berichtsstichtag, neue Indikatorwerte, die nächste Bewertungsrunde –, nach Zuständigen mit\n" +
    "Ansprechperson und E-Mail.",
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag (sonst wie bei check)" },
    tage: { type: "string", value: "N", description: "so viele Tage nach dem Stichtag (Standard 60)" },
    json: { type: "boolean", description: "Ergebnis als JSON-Objekt auf stdout" },
    ics: {
      type: "string",
      value: "datei.ics",
      description: "dasselbe als Kalenderdatei (iCalendar) für Outlook und Thunderbird schreiben",
    },
  },
  exit: "0 aufgelistet (auch wenn etwas überfällig ist), 2 Eingabe unbrauchbar.",
};

export const EXPORT: CommandSpec = {
  name: "export",
  usage: "<datei.xlsx> --ziel <ordner> [--force]",
  summary:
    "Schreibt das Konzept als offene Daten in den Ordner: massnahmen.csv, sachstaende.csv, indikatoren.csv,\n" +
    "indikatorwerte.csv (UTF-8, Komma, ISO-Daten) und datapackage.json; ohne Ansprechpersonen und E-Mail-Adressen.",
  options: {
    ziel: { type: "string", value: "ORDNER", description: "der Ordner für die Dateien" },
    force: { type: "boolean", description: "vorhandene Dateien des Exports im Ordner ersetzen" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar.",
};

export const ZEITPLAN: CommandSpec = {
  name: "zeitplan",
  usage: "<datei.xlsx> [-o out.xlsx]",
  summary:
    `Legt das Blatt „${ZEITPLAN_SHEET.sheet}“ an oder erneuert es: je Schritt des Prozessplans eine Zeile, je Monat eine\n` +
    "Spalte, Balken von Beginn bis Termin in der Farbe des Status, ◆ für die Sitzung eines Gremiums – als Formeln,\n" +
    "die einem geänderten Termin im Prozessplan folgen (ohne -o in der Datei selbst).",
  options: {
    output: OUTPUT_INSTEAD,
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar (z. B. kein Blatt „Prozessplan“).",
};

export const VORLAGE: CommandSpec = {
  name: "vorlage",
  usage: "<datei.xlsx> --schritt P-ID [--stichtag JJJJ-MM-TT] -o <vorlage.docx>",
  summary:
    "Schreibt die Vorlage eines Schritts im Prozessplan für sein Gremium als Word-Dokument: Mitteilung\n" +
    "(Befassung Information) oder Beschlussvorlage, mit Beratungsfolge, Sachverhalt, Ausblick und Kosten.",
  options: {
    schritt: { type: "string", value: "P-ID", description: "der Schritt im Prozessplan, z. B. P-12" },
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag der Zahlen (sonst wie bei check)" },
    output: { type: "string", short: "o", value: "vorlage.docx", description: "die Word-Datei, die geschrieben wird" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar (z. B. ein Schritt ohne Gremium).",
};

export const WERTE: CommandSpec = {
  name: "werte",
  // The options in full under `werte --help`; the overview line stays within 100 characters.
  usage: "<datei.xlsx> <statistik.csv|.xlsx>... (--indikator ID | --zuordnung datei.json) [Optionen]",
  summary:
    "Übernimmt Werte der amtlichen Statistik (GENESIS, Open SDG, Tabellen) nach Gebiet und Gruppe ins Blatt\n" +
    `„Indikatorwerte“ (ohne -o in der Datei selbst); das Blatt „${WERTEUEBERNAHME.sheet}“ nennt jede Zelle,\n` +
    "die nicht übernommen wurde, mit dem Grund.",
  options: {
    indikator: { type: "string", value: "ID", description: "der Indikator, zu dem alle Werte der Dateien gehören" },
    zuordnung: {
      type: "string",
      value: "datei.json",
      description: 'Spalten zu Indikatoren: {"spalten": {"<Überschrift>": "<Indikator-ID>"}}',
    },
    "alle-gebiete": {
      type: "boolean",
      description: "auch Gebiete außerhalb des eigenen übernehmen (als Vergleichsgebiete ergänzt)",
    },
    aktualisieren: {
      type: "boolean",
      description: "abweichende Werte der Dateien ersetzen die der Arbeitsmappe (die alten aufgeführt)",
    },
    output: OUTPUT_INSTEAD,
  },
  exit: "0 übernommen, 1 übernommen mit Konflikten (abweichende Werte), 2 Eingabe unbrauchbar (nichts geschrieben).",
};

export const INTEGRATIONSBERICHT: CommandSpec = {
  name: "integrationsbericht",
  usage: "<datei.xlsx> [--stichtag JJJJ-MM-TT] [--gebiet ID] -o <bericht.docx>",
  summary:
    "Schreibt den Integrationsbericht aus dem Monitoring als Word-Dokument (Inhaltsverzeichnis, Bevölkerung und\n" +
    "Zuwanderung, je Handlungsfeld Basis- und Zielindikatoren nach Gebiet mit Diagramm, Anhang); mit --gebiet\n" +
    "das Gemeindeprofil einer Gemeinde.",
  options: {
    stichtag: { type: "string", value: "JJJJ-MM-TT", description: "Stichtag des Berichts (sonst wie bei check)" },
    gebiet: {
      type: "string",
      value: "ID",
      description: "das Gemeindeprofil dieser Gemeinde: sie, das eigene Gebiet und die Vergleichsgebiete",
    },
    output: { type: "string", short: "o", value: "bericht.docx", description: "die Word-Datei, die geschrieben wird" },
  },
  exit: "0 geschrieben, 2 Eingabe unbrauchbar (auch ein unbekanntes Gebiet).",
};
