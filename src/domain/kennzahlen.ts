/**
 * The Kennzahlen of the Integrationsmonitoring (docs/arbeitsmappe.md, Integrationsmonitoring): per
 * Basisindikator, in the order of the report's chapters (`Bevölkerung und Zuwanderung`, then the
 * Handlungsfelder), a table of Gebiete × the last Stichtage with values and the change over them — the own
 * area's Gemeinden, Stadtteile or Sozialräume, the own area, the comparison areas. The sheet Kennzahlen,
 * the Integrationsbericht and the pane read the same blocks; values computed by a Berechnung are in them.
 */
import { type IsoDate, compareIso } from "./dates";
import type { ConceptData, FieldsOf, RowRecord } from "./model";
import { type MonitoringData, type MonitoringValue, gruppeKey, indicatorArt } from "./monitoringData";
import { readSettings } from "./settings";
import { idKey, referenceId, textOf } from "./values";

/** The chapter of Basisindikatoren without Handlungsfeld. */
export const ALLGEMEINES_KAPITEL = "Bevölkerung und Zuwanderung";

export interface KennzahlenIndikator {
  id: string;
  name: string;
  einheit: string;
  /** The Datenquelle of Indikatoren. */
  quelle: string;
  definition: string;
  /** `I-021 / I-020` where the values are computed; '' otherwise. */
  berechnung: string;
  naechsteVeroeffentlichung: string;
}

export type Rolle = "innen" | "eigen" | "vergleich";

export interface KennzahlenZeile {
  /** The Gebiet's ID ('' for the own area while Einstellungen name none). */
  gebiet: string;
  name: string;
  rolle: Rolle;
  /** One per Stichtag of the block; null where the Gebiet has no value (and no marker) then. */
  werte: (MonitoringValue | null)[];
  /** The change from the first to the last Stichtag; null unless both have a number. */
  veraenderung: number | null;
}

export interface KennzahlenBlock {
  indikator: KennzahlenIndikator;
  /** The chapter: a Handlungsfeld, or null for `Bevölkerung und Zuwanderung`. */
  handlungsfeld: { id: string; name: string } | null;
  /** The last Stichtage (at most `jahre`) with a value of a Gebiet shown, oldest first. */
  stichtage: IsoDate[];
  /** `Prozentpunkte` for an indicator in %, `Prozent` otherwise. */
  veraenderung: "Prozentpunkte" | "Prozent";
  zeilen: KennzahlenZeile[];
}

export interface KennzahlenOptions {
  /** Values up to this day. */
  referenceDate: IsoDate;
  /** The Gruppe ('' = insgesamt, the default). */
  gruppe?: string;
  /** How many Stichtage at most (default 5). */
  stichtage?: number;
  /** Only this one of the inner areas (a Gemeindeprofil). */
  nurGebiet?: string;
}

type IndikatorRow = RowRecord<FieldsOf<"indikatoren">>;

const isPercent = (einheit: string) => /^\s*(%|prozent|in %)\s*$/i.test(einheit);

/** The change from `first` to `last`: percentage points for an indicator in %, per cent otherwise. */
export function veraenderungOf(first: number | null, last: number | null, kind: KennzahlenBlock["veraenderung"]) {
  if (first === null || last === null) return null;
  if (kind === "Prozentpunkte") return last - first;
  return first === 0 ? null : ((last - first) / first) * 100;
}

function indikatorOf(row: IndikatorRow): KennzahlenIndikator {
  const t = (f: FieldsOf<"indikatoren">) => textOf(row.values[f] ?? null);
  return {
    id: t("id"),
    name: t("indikator"),
    einheit: t("einheit"),
    quelle: t("datenquelle"),
    definition: t("definition"),
    berechnung: t("berechnung"),
    naechsteVeroeffentlichung: t("naechsteVeroeffentlichung"),
  };
}

/** The Basisindikatoren by chapter: the general one first, then the Handlungsfelder in their order. */
export function basisindikatorenByChapter(
  concept: Pick<ConceptData, "indikatoren" | "handlungsfelder">,
): { handlungsfeld: { id: string; name: string } | null; rows: IndikatorRow[] }[] {
  const chapters = [
    { handlungsfeld: null as { id: string; name: string } | null, key: "", rows: [] as IndikatorRow[] },
    ...(concept.handlungsfelder?.rows ?? []).flatMap((h) => {
      const id = textOf(h.values.id ?? null);
      return id
        ? [{ handlungsfeld: { id, name: textOf(h.values.handlungsfeld ?? null) }, key: idKey(id), rows: [] }]
        : [];
    }),
  ];
  for (const row of concept.indikatoren?.rows ?? []) {
    if (!textOf(row.values.id ?? null) || indicatorArt(row) !== "Basisindikator") continue;
    const hf = idKey(referenceId(row.values.handlungsfeld ?? null));
    (chapters.find((c) => c.key === hf) ?? chapters[0]!).rows.push(row);
  }
  return chapters.filter((c) => c.rows.length > 0).map(({ handlungsfeld, rows }) => ({ handlungsfeld, rows }));
}

/** The areas of the table, in order: the inner ones, the own one, the comparison ones. */
function areasOf(
  data: MonitoringData,
  ownName: string,
  nurGebiet?: string,
): { gebiet: string; name: string; rolle: Rolle }[] {
  const g = data.gebiete;
  const inner = g
    .innerAreas()
    .filter((a) => nurGebiet === undefined || idKey(a.id) === idKey(nurGebiet))
    .map((a) => ({ gebiet: a.id, name: a.name || a.id, rolle: "innen" as const }));
  const own = { gebiet: g.own, name: g.own ? g.nameOf(g.own) : ownName, rolle: "eigen" as const };
  const comparison = g
    .comparisonAreas()
    .map((a) => ({ gebiet: a.id, name: a.name || a.id, rolle: "vergleich" as const }));
  return [...inner, own, ...comparison];
}

function blockOf(
  data: MonitoringData,
  row: IndikatorRow,
  handlungsfeld: KennzahlenBlock["handlungsfeld"],
  areas: { gebiet: string; name: string; rolle: Rolle }[],
  options: KennzahlenOptions,
): KennzahlenBlock | null {
  const indikator = indikatorOf(row);
  const gruppe = gruppeKey(options.gruppe ?? "");
  const shown = new Set(areas.map((a) => idKey(a.gebiet)));
  const values = data
    .of(indikator.id)
    .filter(
      (v) =>
        gruppeKey(v.gruppe) === gruppe &&
        shown.has(idKey(v.gebiet)) &&
        compareIso(v.stichtag, options.referenceDate) <= 0,
    );
  const stichtage = [...new Set(values.map((v) => v.stichtag))].sort(compareIso).slice(-(options.stichtage ?? 5));
  if (stichtage.length === 0) return null;
  const veraenderung = isPercent(indikator.einheit) ? "Prozentpunkte" : "Prozent";
  const zeilen = areas.flatMap((area): KennzahlenZeile[] => {
    const werte = stichtage.map((s) => data.at(indikator.id, s, area.gebiet, gruppe) ?? null);
    if (area.rolle !== "eigen" && werte.every((w) => w === null)) return [];
    const first = werte[0]?.wert ?? null;
    const last = werte.at(-1)?.wert ?? null;
    return [{ ...area, werte, veraenderung: stichtage.length > 1 ? veraenderungOf(first, last, veraenderung) : null }];
  });
  return { indikator, handlungsfeld, stichtage, veraenderung, zeilen };
}

/**
 * The Kennzahlen of every Basisindikator with values up to the reference date, chapter by chapter (see
 * the file comment). `options.gruppe` gives the table of one Gruppe instead of insgesamt.
 */
export function kennzahlenOf(
  concept: Pick<ConceptData, "indikatoren" | "handlungsfelder" | "einstellungen">,
  data: MonitoringData,
  options: KennzahlenOptions,
): KennzahlenBlock[] {
  const ownName = readSettings(concept).settings.kommune || "eigenes Gebiet";
  const areas = areasOf(data, ownName, options.nurGebiet);
  return basisindikatorenByChapter(concept).flatMap((chapter) =>
    chapter.rows.flatMap((row) => blockOf(data, row, chapter.handlungsfeld, areas, options) ?? []),
  );
}
