/**
 * Every German text of `werte` in one place, keyed by code: why a file is no statistics table (one
 * sentence, exit 2), why a data cell was not taken (a line of Werteübernahme), a mapping file that cannot
 * be meant. The readers and the mapping pass only codes and facts.
 */
import type { StatisticsFormat } from "./table";

const quote = (text: string) => `„${text}“`;

/** What a statistics table needs and a file lacks. */
export type TablePart = "zeit" | "gebiet" | "werte";

export type StatisticsProblem =
  | { code: "DATEI_LEER"; datei: string }
  /** `format`: what the file looked like (null: nothing recognised). */
  | { code: "KEINE_STATISTIK"; datei: string; format: StatisticsFormat | null; fehlt: TablePart[] }
  | { code: "ZUORDNUNG_UNGUELTIG"; detail: ZuordnungDetail };

export type ZuordnungDetail =
  | { code: "KEIN_OBJEKT" }
  | { code: "EINTRAG_UNBEKANNT"; eintrag: string }
  | { code: "SPALTEN_FEHLEN" }
  | { code: "ZIEL_UNGUELTIG"; kopf: string; wert: string };

/** Why data cells of a file were not taken; one line of Werteübernahme each. */
export type TakeoverReason =
  /** No `--zuordnung` entry names a header cell of the column. */
  | { code: "SPALTE_NICHT_ZUGEORDNET"; kopf: string }
  /** Entries for two indicators name header cells of the same column. */
  | { code: "SPALTE_MEHRDEUTIG"; kopf: string; indikatoren: string[] }
  /** An area outside the own area that Gebiete lacks (and `--alle-gebiete` not given); all its cells. */
  | { code: "GEBIET_AUSSERHALB"; gebiet: string; name: string; zeilen: number }
  /** An area given only by name that Gebiete does not know; all its cells. */
  | { code: "GEBIET_UNBEKANNT"; name: string; zeilen: number }
  /** A row with values but no readable area key or name. */
  | { code: "GEBIET_UNLESBAR"; text: string }
  | { code: "ZEIT_UNLESBAR"; text: string }
  /** Neither the row, the column nor the title gives a time. */
  | { code: "ZEIT_FEHLT" }
  | { code: "WERT_LEER" }
  | { code: "WERT_UNLESBAR"; text: string }
  /** The same Indikator, Stichtag, Gebiet and Gruppe as an earlier cell of the file, which was taken. */
  | { code: "DOPPELT"; zelle: string; schluessel: string };

const FORMAT_WORD: Record<StatisticsFormat, string> = {
  GENESIS: "ein GENESIS-Export",
  "Open SDG": "eine Open-SDG-Datei",
  Tabelle: "eine Tabelle",
};

const PART_WORD: Record<TablePart, string> = {
  zeit: "eine Zeitangabe (Spalte Jahr oder Stichtag, ein Datum in der Kopfzeile oder im Titel)",
  gebiet: "eine Spalte mit Gebieten (Amtlicher Gemeindeschlüssel oder Name)",
  werte: "Spalten mit Werten",
};

function listing(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} und ${parts.at(-1)}`;
}

const ZUORDNUNG_TEXT: { [C in ZuordnungDetail["code"]]: (d: Extract<ZuordnungDetail, { code: C }>) => string } = {
  KEIN_OBJEKT: () =>
    'Die Zuordnung muss ein JSON-Objekt der Form {"spalten": {"<Text einer Überschrift>": "<Indikator-ID>"}} sein.',
  EINTRAG_UNBEKANNT: (d) => `Die Zuordnung kennt den Eintrag ${quote(d.eintrag)} nicht; möglich ist nur „spalten“.`,
  SPALTEN_FEHLEN: () =>
    'Die Zuordnung braucht „spalten“ mit mindestens einem Eintrag, z. B. {"spalten": {"Ausländer": "I-021"}}.',
  ZIEL_UNGUELTIG: (d) =>
    `In der Zuordnung steht für ${quote(d.kopf)} ${quote(d.wert)}; erwartet wird die ID eines Indikators als Text, z. B. "I-021".`,
};

const PROBLEM_TEXT: { [C in StatisticsProblem["code"]]: (p: Extract<StatisticsProblem, { code: C }>) => string } = {
  DATEI_LEER: (p) => `Die Datei ${quote(p.datei)} ist leer.`,
  KEINE_STATISTIK: (p) => {
    const looks = p.format ? `sie sieht aus wie ${FORMAT_WORD[p.format]}, aber ` : "";
    const verb = p.fehlt.length === 1 && p.fehlt[0] !== "werte" ? "fehlt" : "fehlen";
    return `Die Datei ${quote(p.datei)} ist keine Statistiktabelle: ${looks}es ${verb} ${listing(p.fehlt.map((f) => PART_WORD[f]))}. Übernommen werden GENESIS-Exporte, Open-SDG-Dateien und Tabellen mit einer Spalte für die Zeit, einer für das Gebiet und Spalten mit Werten.`;
  },
  ZUORDNUNG_UNGUELTIG: (p) => (ZUORDNUNG_TEXT[p.detail.code] as (d: ZuordnungDetail) => string)(p.detail),
};

/** The one German sentence for a file that cannot be read as statistics (or a mapping that cannot be meant). */
export function problemText(problem: StatisticsProblem): string {
  return (PROBLEM_TEXT[problem.code] as (p: StatisticsProblem) => string)(problem);
}

const cells = (n: number) => (n === 1 ? "1 Zelle" : `${n} Zellen`);
/** `12 Zellen in 4 Zeilen`, or only `4 Zellen` where each row holds one. */
const cellsInRows = (n: number, rows: number) =>
  rows === n ? cells(n) : `${cells(n)} in ${rows === 1 ? "1 Zeile" : `${rows} Zeilen`}`;

const REASON_TEXT: { [C in TakeoverReason["code"]]: (r: Extract<TakeoverReason, { code: C }>, n: number) => string } = {
  SPALTE_NICHT_ZUGEORDNET: (r, n) =>
    `Die Spalte ${quote(r.kopf)} ist keinem Indikator zugeordnet: ${cells(n)} nicht übernommen. Nennen Sie in der Zuordnung („spalten“) eine ihrer Überschriften mit der ID des Indikators.`,
  SPALTE_MEHRDEUTIG: (r, n) =>
    `Die Spalte ${quote(r.kopf)} ist in der Zuordnung mehreren Indikatoren zugeordnet (${r.indikatoren.join(", ")}): ${cells(n)} nicht übernommen. Nennen Sie eine Überschrift, die nur in den Spalten eines Indikators steht.`,
  GEBIET_AUSSERHALB: (r, n) =>
    `Das Gebiet ${r.gebiet} (${r.name}) liegt außerhalb des eigenen Gebiets und fehlt im Blatt „Gebiete“: ${cellsInRows(n, r.zeilen)} nicht übernommen. Tragen Sie es dort als Vergleichsgebiet ein oder übernehmen Sie mit --alle-gebiete.`,
  GEBIET_UNBEKANNT: (r, n) =>
    `Das Gebiet ${quote(r.name)} steht ohne Schlüssel in der Datei und nicht im Blatt „Gebiete“: ${cellsInRows(n, r.zeilen)} nicht übernommen. Tragen Sie es dort mit genau diesem Namen ein.`,
  GEBIET_UNLESBAR: (r, n) =>
    r.text === ""
      ? `Die Zeile nennt kein Gebiet: ${cells(n)} nicht übernommen.`
      : `${quote(r.text)} ist kein Gebietsschlüssel und kein bekannter Gebietsname: ${cells(n)} nicht übernommen.`,
  ZEIT_UNLESBAR: (r, n) =>
    `${quote(r.text)} ist kein Jahr und kein Datum: ${cells(n)} nicht übernommen. Erwartet werden z. B. 2023, 31.12.2023 oder Juni 2023.`,
  ZEIT_FEHLT: (_r, n) =>
    `Für ${n === 1 ? "diese Zelle" : "diese Zellen"} nennen weder Zeile, Spalte noch Titel ein Jahr oder einen Stichtag: ${cells(n)} nicht übernommen.`,
  WERT_LEER: (_r, n) => `Leer, also kein Wert: ${cells(n)} nicht übernommen.`,
  WERT_UNLESBAR: (r, n) =>
    `${quote(r.text)} ist weder eine Zahl noch ein Zeichen der Statistikämter (-, ., x, /, ...): ${cells(n)} nicht übernommen.`,
  DOPPELT: (r) =>
    `Derselbe Schlüssel (${r.schluessel}) steht schon in Zelle ${r.zelle}, deren Wert übernommen wurde; dieser Wert nicht.`,
};

/** The German text of a Werteübernahme line (its reason with the number of cells). */
export function reasonText(reason: TakeoverReason, count: number): string {
  return (REASON_TEXT[reason.code] as (r: TakeoverReason, n: number) => string)(reason, count);
}

/** What became of values in a workbook (lines of Werteübernahme besides the cells not taken). */
export type Outcome =
  | { code: "UEBERNOMMEN"; werte: number }
  | { code: "VORHANDEN"; werte: number }
  /** The workbook holds another value for the key and keeps it. */
  | { code: "KONFLIKT" }
  /** An earlier file of the same run gave another value for the key, which is kept. */
  | { code: "KONFLIKT_DATEIEN"; datei: string; zelle: string }
  | { code: "ERSETZT" }
  | { code: "ZUORDNUNG_UNGENUTZT"; eintrag: string }
  | { code: "GEBIET_ERGAENZT"; ebene: string; uebergeordnet: string; vergleich: boolean };

const values = (n: number) => (n === 1 ? "1 Wert" : `${n} Werte`);

const OUTCOME_TEXT: { [C in Outcome["code"]]: (o: Extract<Outcome, { code: C }>) => string } = {
  UEBERNOMMEN: (o) => `${values(o.werte)} ins Blatt „Indikatorwerte“ übernommen.`,
  VORHANDEN: (o) =>
    `${values(o.werte)} ${o.werte === 1 ? "stand" : "standen"} schon so in der Arbeitsmappe; nichts geändert.`,
  KONFLIKT: () =>
    "Die Arbeitsmappe hat für diesen Schlüssel einen anderen Wert (vermutlich berichtigt) und behält ihn. Mit --aktualisieren wird der Wert der Datei übernommen.",
  KONFLIKT_DATEIEN: (o) =>
    `Die Datei ${quote(o.datei)} nennt in Zelle ${o.zelle} für diesen Schlüssel einen anderen Wert; übernommen ist jener.`,
  ERSETZT: () =>
    "Der Wert der Datei ersetzt den bisherigen der Arbeitsmappe (--aktualisieren); der alte steht daneben.",
  ZUORDNUNG_UNGENUTZT: (o) =>
    `Der Eintrag ${quote(o.eintrag)} der Zuordnung passt zu keiner Überschrift dieser Datei; prüfen Sie die Schreibweise.`,
  GEBIET_ERGAENZT: (o) =>
    `Im Blatt „Gebiete“ ergänzt: Ebene ${o.ebene}${o.uebergeordnet ? `, gehört zu ${o.uebergeordnet}` : ""}${o.vergleich ? ", als Vergleichsgebiet" : ""}.`,
};

/** The German text of a line of Werteübernahme about values taken, present, in conflict, replaced. */
export function outcomeText(outcome: Outcome): string {
  return (OUTCOME_TEXT[outcome.code] as (o: Outcome) => string)(outcome);
}
