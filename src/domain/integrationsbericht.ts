/**
 * The content of the Integrationsbericht and of the Gemeindeprofil (docs/befehle.md, integrationsbericht):
 * which chapters, which tables with which rows and columns, which charts, what the annex lists. Built on the
 * Kennzahlen of the monitoring (./kennzahlen.ts, the same blocks the sheet Kennzahlen and the pane show) and
 * on the Sachstandsbericht's indicator states for the Zielindikatoren (./report.ts); the document itself is
 * src/docx/integrationsbericht.ts.
 *
 * Per Basisindikator the table holds the latest Stichtag and the earliest one of the last five years (the
 * change between them in percentage points for a share, in per cent otherwise), the Gruppen at the latest
 * Stichtag as further columns, and the chart the series of the own area and the comparison areas (in a
 * Gemeindeprofil the Gemeinde's too) over every Stichtag up to the reference date.
 */
import { type IsoDate, compareIso } from "./dates";
import { type Gebiet, GebietIndex, readGebiete } from "./gebiete";
import {
  ALLGEMEINES_KAPITEL,
  type KennzahlenBlock,
  type KennzahlenIndikator,
  type Rolle,
  basisindikatorenByChapter,
  kennzahlenOf,
  veraenderungOf,
} from "./kennzahlen";
import type { ConceptData, Kennzeichen } from "./model";
import { type MonitoringData, type MonitoringValue, berechnungFactor, berechnungOf } from "./monitoringData";
import type { ReportIndicator, ReportModel } from "./report";
import { readSettings } from "./settings";
import { idKey, textOf } from "./values";

/** The Zeichenerklärung of the statistical offices, in the contract's words. */
export const KENNZEICHEN_BEDEUTUNG: Record<Kennzeichen, string> = {
  "-": "nichts vorhanden (genau null)",
  ".": "Zahlenwert unbekannt oder geheim zu halten",
  x: "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
  "/": "keine Angabe, da Zahlenwert nicht sicher genug",
  "...": "Angabe fällt später an",
  "()": "Aussagewert eingeschränkt, da der Zahlenwert statistisch relativ unsicher ist",
  p: "vorläufige Zahl",
  r: "berichtigte Zahl",
  s: "geschätzte Zahl",
};

/** How many years back the table's earlier column reaches: the earliest Stichtag of the last five years. */
const JAHRE = 5;

export interface IbZeile {
  gebiet: string;
  name: string;
  rolle: Rolle;
  /** The value at the earlier Stichtag (null: none, or the table has only one Stichtag). */
  frueh: MonitoringValue | null;
  aktuell: MonitoringValue | null;
  veraenderung: number | null;
  /** One per Gruppe of the block, at the latest Stichtag. */
  gruppen: (MonitoringValue | null)[];
}

/** One line of a chart: an area's numbers over time. */
export interface IbReihe {
  gebiet: string;
  name: string;
  rolle: Rolle;
  punkte: { stichtag: IsoDate; wert: number }[];
}

export interface IbBasisindikator {
  indikator: KennzahlenIndikator;
  /** The operands of a computed indicator, with their names, and the factor (100 for %). */
  berechnung: { zaehler: string; nenner: string; faktor: number } | null;
  /** The sources the values name (Quelle of Indikatorwerte), distinct, in order. */
  quellen: string[];
  /** The latest `Abgerufen am` of the values shown (of the operands, for a computed indicator). */
  abgerufenAm: IsoDate | null;
  aktuell: IsoDate;
  /** The earliest Stichtag of the last five years; null when it is the latest. */
  frueh: IsoDate | null;
  veraenderung: KennzahlenBlock["veraenderung"];
  /** The Gruppen (not insgesamt) with a value at the latest Stichtag in a row of the table. */
  gruppen: string[];
  zeilen: IbZeile[];
  reihen: IbReihe[];
}

export interface IbKapitel {
  /** Null for `Bevölkerung und Zuwanderung`. */
  handlungsfeld: { id: string; name: string } | null;
  titel: string;
  leitziel: string;
  basis: IbBasisindikator[];
  /** Basisindikatoren of the chapter without any value up to the reference date. */
  ohneWerte: KennzahlenIndikator[];
  ziel: ReportIndicator[];
}

export interface IbGebiet {
  id: string;
  name: string;
  ebene: string;
  /** The containing area's name (or ID), '' when none. */
  uebergeordnet: string;
  rolle: Rolle;
}

export interface IbQuelle {
  indikator: KennzahlenIndikator;
  quellen: string[];
  abgerufenAm: IsoDate | null;
}

export interface IntegrationsberichtModel {
  title: {
    kommune: string;
    konzepttitel: string;
    stichtag: IsoDate;
    /** The own area's name (Gebiete, else the Kommune). */
    gebiet: string;
    /** The Gemeinde of a Gemeindeprofil; null for the Integrationsbericht. */
    profil: { id: string; name: string } | null;
  };
  kapitel: IbKapitel[];
  annex: {
    kennzeichen: { zeichen: Kennzeichen; bedeutung: string }[];
    quellen: IbQuelle[];
    gebiete: IbGebiet[];
  };
}

export interface IntegrationsberichtOptions {
  referenceDate: IsoDate;
  /** The Gemeinde of a Gemeindeprofil (checked with gemeindeprofilGebiet first). */
  gebiet?: string;
}

/** The Gebiete that have a Gemeindeprofil: those inside the own area, in the order of Gebiete. */
export function gemeindeprofilGebiete(concept: Pick<ConceptData, "gebiete" | "einstellungen">): Gebiet[] {
  return new GebietIndex(readGebiete(concept.gebiete), readSettings(concept).settings.gebiet).innerAreas();
}

/** The Gebiet of a Gemeindeprofil, or why there is none: unknown, or not inside the own area. */
export function gemeindeprofilGebiet(
  data: MonitoringData,
  id: string,
): { gebiet: Gebiet } | { problem: "unbekannt" | "nicht-innen"; moeglich: string[] } {
  const moeglich = data.gebiete.innerAreas().map((g) => g.id);
  const gebiet = data.gebiete.get(id);
  if (!gebiet) return { problem: "unbekannt", moeglich };
  if (gebiet.vergleich || !data.gebiete.inside(gebiet.id)) return { problem: "nicht-innen", moeglich };
  return { gebiet };
}

/** The earliest Stichtag of the last five years before `latest` (itself when it is the only one). */
function earliestOfLastYears(stichtage: IsoDate[], latest: IsoDate): IsoDate {
  const limit = `${Number(latest.slice(0, 4)) - JAHRE}${latest.slice(4)}`;
  return stichtage.find((s) => compareIso(s, limit) > 0) ?? latest;
}

const latestDate = (dates: (IsoDate | null)[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((a, b) => (b !== null && (a === null || compareIso(b, a) > 0) ? b : a), null);

/** Sources and retrieval date of the values of an indicator (its operands', when computed) up to the date. */
function sourcesOf(data: MonitoringData, ids: string[], referenceDate: IsoDate) {
  const values = ids.flatMap((id) => data.of(id)).filter((v) => !v.berechnet);
  const shown = values.filter((v) => compareIso(v.stichtag, referenceDate) <= 0);
  return {
    quellen: [...new Set(shown.map((v) => v.quelle).filter((q) => q !== ""))],
    abgerufenAm: latestDate(shown.map((v) => v.abgerufenAm)),
  };
}

/** A chart's lines: the own area and the comparison areas, and in a Gemeindeprofil the Gemeinde. */
function reihenOf(block: KennzahlenBlock, profil: boolean): IbReihe[] {
  return block.zeilen
    .filter((z) => z.rolle !== "innen" || profil)
    .map((z) => ({
      gebiet: z.gebiet,
      name: z.name,
      rolle: z.rolle,
      punkte: z.werte.flatMap((w) => (w && w.wert !== null ? [{ stichtag: w.stichtag, wert: w.wert }] : [])),
    }))
    .filter((r) => r.punkte.length > 0);
}

function basisOf(block: KennzahlenBlock, data: MonitoringData, options: IntegrationsberichtOptions): IbBasisindikator {
  const { indikator, stichtage } = block;
  const aktuell = stichtage.at(-1)!;
  const frueh = earliestOfLastYears(stichtage, aktuell);
  const iFrueh = stichtage.indexOf(frueh);
  const b = berechnungOf(indikator.berechnung);
  const berechnung =
    b.kind === "quotient"
      ? { zaehler: b.zaehler, nenner: b.nenner, faktor: berechnungFactor(indikator.einheit) }
      : null;
  const gruppen = data
    .gruppen(indikator.id)
    .filter((g) => g !== "" && block.zeilen.some((z) => data.at(indikator.id, aktuell, z.gebiet, g)));
  const zeilen = block.zeilen.map((z): IbZeile => {
    const a = z.werte.at(-1) ?? null;
    const f = frueh === aktuell ? null : (z.werte[iFrueh] ?? null);
    return {
      gebiet: z.gebiet,
      name: z.name,
      rolle: z.rolle,
      frueh: f,
      aktuell: a,
      veraenderung: frueh === aktuell ? null : veraenderungOf(f?.wert ?? null, a?.wert ?? null, block.veraenderung),
      gruppen: gruppen.map((g) => data.at(indikator.id, aktuell, z.gebiet, g) ?? null),
    };
  });
  // A computed indicator's values come from its operands; values stored for it (Land, Bund) name their own.
  const operands = berechnung ? [indikator.id, berechnung.zaehler, berechnung.nenner] : [indikator.id];
  return {
    indikator,
    berechnung,
    ...sourcesOf(data, operands, options.referenceDate),
    aktuell,
    frueh: frueh === aktuell ? null : frueh,
    veraenderung: block.veraenderung,
    gruppen,
    zeilen,
    reihen: reihenOf(block, options.gebiet !== undefined),
  };
}

/** The markers of the values the tables show, in the order of the Zeichenerklärung. */
function markersUsed(kapitel: IbKapitel[]): Kennzeichen[] {
  const used = new Set<Kennzeichen>();
  for (const b of kapitel.flatMap((k) => k.basis))
    for (const z of b.zeilen)
      for (const v of [z.frueh, z.aktuell, ...z.gruppen]) if (v?.kennzeichen) used.add(v.kennzeichen);
  return (Object.keys(KENNZEICHEN_BEDEUTUNG) as Kennzeichen[]).filter((k) => used.has(k));
}

/** The Gebiete that stand in the document's tables, in the order of the tables. */
function gebieteShown(kapitel: IbKapitel[], data: MonitoringData): IbGebiet[] {
  const seen = new Map<string, IbGebiet>();
  for (const z of kapitel.flatMap((k) => k.basis).flatMap((b) => b.zeilen)) {
    if (seen.has(idKey(z.gebiet))) continue;
    const g = data.gebiete.get(z.gebiet);
    const over = g?.uebergeordnet ?? "";
    seen.set(idKey(z.gebiet), {
      id: z.gebiet,
      name: z.name,
      ebene: g?.ebene ?? "",
      uebergeordnet: over ? data.gebiete.nameOf(over) : "",
      rolle: z.rolle,
    });
  }
  const order: Record<Rolle, number> = { innen: 0, eigen: 1, vergleich: 2 };
  return [...seen.values()].sort((a, b) => order[a.rolle] - order[b.rolle]);
}

const emptyIndikator: KennzahlenIndikator = {
  id: "",
  name: "",
  einheit: "",
  quelle: "",
  definition: "",
  berechnung: "",
  naechsteVeroeffentlichung: "",
};

function nameOf(concept: Pick<ConceptData, "indikatoren">, id: string): string {
  const row = concept.indikatoren?.rows.find((r) => idKey(textOf(r.values.id ?? null)) === idKey(id));
  return textOf(row?.values.indikator ?? null);
}

/** The chapters: `Bevölkerung und Zuwanderung` when it has Basisindikatoren, then every Handlungsfeld. */
function chaptersOf(
  concept: Pick<ConceptData, "indikatoren" | "handlungsfelder">,
  report: ReportModel,
  blocks: IbBasisindikator[],
  byChapter: ReturnType<typeof basisindikatorenByChapter>,
): IbKapitel[] {
  const withValues = new Set(blocks.map((b) => idKey(b.indikator.id)));
  const basisOfChapter = (hf: string | null) => {
    const rows = byChapter.find((c) => (c.handlungsfeld ? idKey(c.handlungsfeld.id) : null) === hf)?.rows ?? [];
    const ids = rows.map((r) => textOf(r.values.id ?? null));
    return {
      basis: ids.flatMap((id) => blocks.find((b) => idKey(b.indikator.id) === idKey(id)) ?? []),
      ohneWerte: ids
        .filter((id) => !withValues.has(idKey(id)))
        .map((id) => ({ ...emptyIndikator, id, name: nameOf(concept, id) })),
    };
  };
  const general = basisOfChapter(null);
  const out: IbKapitel[] = [];
  if (general.basis.length + general.ohneWerte.length > 0)
    out.push({ handlungsfeld: null, titel: ALLGEMEINES_KAPITEL, leitziel: "", ...general, ziel: [] });
  for (const f of report.fields) {
    const own = f.id ? basisOfChapter(idKey(f.id)) : { basis: [], ohneWerte: [] };
    if (f.id === "" && f.indicators.length === 0) continue;
    out.push({
      handlungsfeld: f.id ? { id: f.id, name: f.name } : null,
      titel: f.id ? `${f.id} – ${f.name}` : f.name,
      leitziel: f.leitziel,
      ...own,
      ziel: f.indicators,
    });
  }
  return out;
}

/**
 * The Integrationsbericht of a concept at the reference date, or with `gebiet` the Gemeindeprofil of that
 * Gemeinde (its rows, the own area's and the comparison areas'). `report` is the Sachstandsbericht's model
 * of the same concept and date: its Handlungsfelder, Leitziele and Zielindikatoren.
 */
export function buildIntegrationsbericht(
  concept: Pick<ConceptData, "indikatoren" | "handlungsfelder" | "einstellungen">,
  report: ReportModel,
  data: MonitoringData,
  options: IntegrationsberichtOptions,
): IntegrationsberichtModel {
  const { referenceDate, gebiet } = options;
  const blocks = kennzahlenOf(concept, data, { referenceDate, stichtage: Infinity, nurGebiet: gebiet }).map((b) =>
    basisOf(b, data, options),
  );
  const kapitel = chaptersOf(concept, report, blocks, basisindikatorenByChapter(concept));
  const own = data.gebiete.own;
  const profilId = gebiet === undefined ? null : (data.gebiete.get(gebiet)?.id ?? gebiet);
  const profil = profilId === null ? null : { id: profilId, name: data.gebiete.nameOf(profilId) };
  return {
    title: {
      kommune: report.title.kommune,
      konzepttitel: report.title.konzepttitel,
      stichtag: referenceDate,
      gebiet: own ? data.gebiete.nameOf(own) : report.title.kommune,
      profil,
    },
    kapitel,
    annex: {
      kennzeichen: markersUsed(kapitel).map((zeichen) => ({ zeichen, bedeutung: KENNZEICHEN_BEDEUTUNG[zeichen] })),
      quellen: blocks.map((b) => ({ indikator: b.indikator, quellen: b.quellen, abgerufenAm: b.abgerufenAm })),
      gebiete: gebieteShown(kapitel, data),
    },
  };
}
