/** I — indicator values: readable, unique, plausible, current, and the indicator's Ampel. */
import { type IsoDate, compareIso } from "../dates";
import { gebietText } from "../gebiete";
import { type FieldsOf, STATUS_VALUES } from "../model";
import { type IndicatorValue, indicatorState, indicatorTarget, monthsBefore, turnusMonths } from "../monitoring";
import { type MonitoringValue, ownTotals } from "../monitoringData";
import { formatGermanNumber } from "../numbers";
import { idKey, matchListValue, normalizeLabel, referenceIds, textOf } from "../values";
import { type Collector, type Row, type RuleContext, type Table, at, has, rowId, subjectOf, value } from "./context";

/**
 * Checks every Indikatorwerte row, and the values by their key (Indikator, Stichtag, Gebiet, Gruppe);
 * returns the own area's totals of known indicators (stored or computed), which the Ampel is made of.
 */
export function checkIndicatorValues(c: Collector, ctx: RuleContext): IndicatorValue[] {
  const table = ctx.data.indikatorwerte;
  if (!table || !has(table, "indikator")) return [];
  for (const row of table.rows) checkValueRow(c, ctx, table, row);
  // A value's Indikator is spelled as in Indikatoren when it is known (MonitoringData), so a Map by it does.
  const einheiten = new Map<string, string>();
  for (const ind of ctx.data.indikatoren?.rows ?? []) {
    const id = rowId(ind);
    if (id && !einheiten.has(id)) einheiten.set(id, normalizeLabel(textOf(value(ind, "einheit"))));
  }
  const known = ctx.monitoring.values.filter((v) => einheiten.has(v.indikator));
  checkDoubled(c, ctx, table, known);
  for (const v of known) if (!v.berechnet && v.wert !== null) checkPlausible(c, table, v, einheiten.get(v.indikator)!);
  return ownTotals(ctx.monitoring).filter((v) => einheiten.has(v.indikator));
}

/** Each unreadable cell of a row is reported; a Wert may be left empty where a Kennzeichen stands. */
function checkValueRow(c: Collector, ctx: RuleContext, table: Table<"indikatorwerte">, row: Row<"indikatorwerte">) {
  const reading = ctx.monitoring.readings.get(row.row)!;
  const indicator = reading.indikator;
  const place = (field: FieldsOf<"indikatorwerte">) => ({ table, row: row.row, field, id: indicator || null });
  let named: ReturnType<typeof subjectOf> | null = null;
  // Made only for a finding: most rows have none.
  const subject = () => (named ??= subjectOf(table, row));
  if (indicator === "") {
    c.add("I_WERT_UNGUELTIG", place("indikator"), { subject: subject(), problem: "indikator", given: "" });
  } else if (!ctx.indById.has(idKey(indicator))) {
    c.add("I_WERT_UNGUELTIG", place("indikator"), { subject: subject(), problem: "unbekannt", given: indicator });
  }
  if (has(table, "stichtag") && reading.date.kind !== "date") {
    const given = textOf(value(row, "stichtag"));
    c.add("I_WERT_UNGUELTIG", place("stichtag"), { subject: subject(), problem: "stichtag", given });
  }
  const marked = has(table, "kennzeichen");
  const kennzeichen = marked ? reading.kennzeichen : null;
  if (kennzeichen === "invalid") {
    const given = textOf(value(row, "kennzeichen"));
    c.add("I_KENNZEICHEN_UNGUELTIG", place("kennzeichen"), { subject: subject(), problem: "kennzeichen", given });
  }
  const wert = has(table, "wert") ? reading.number : null;
  if (wert?.kind === "invalid" || (wert?.kind === "empty" && !marked)) {
    c.add("I_WERT_UNGUELTIG", place("wert"), {
      subject: subject(),
      problem: "wert",
      given: textOf(value(row, "wert")),
    });
  } else if (wert?.kind === "empty" && kennzeichen === null) {
    c.add("I_KENNZEICHEN_UNGUELTIG", place("wert"), { subject: subject(), problem: "leer", given: "" });
  }
  if (has(table, "gebiet") && !reading.gebietKnown) {
    const gebiet = gebietText(value(row, "gebiet"));
    const zero = /^\d+$/.test(gebiet) && ctx.monitoring.gebiete.get(`0${gebiet}`) ? `0${gebiet}` : null;
    c.add("I_GEBIET_UNBEKANNT", place("gebiet"), {
      subject: subject(),
      gebiet,
      sheet: ctx.data.gebiete?.sheet ?? "Gebiete",
      zero,
    });
  }
}

/** Different values for the same Indikator, Stichtag, Gebiet and Gruppe: every row of the key is reported. */
function checkDoubled(c: Collector, ctx: RuleContext, table: Table<"indikatorwerte">, values: MonitoringValue[]) {
  const own = idKey(ctx.monitoring.gebiete.own);
  for (const v of values) {
    if (!v.doppelt) continue;
    for (const row of v.rows) {
      const place = { table, row, field: "wert" as const, id: v.indikator };
      c.add("I_WERT_DOPPELT", place, {
        indicator: v.indikator,
        stichtag: v.stichtag,
        otherRows: v.rows.filter((r) => r !== row),
        gebiet: idKey(v.gebiet) === own ? null : v.gebiet,
        gruppe: v.gruppe || null,
      });
    }
  }
}

/** Einheit `%` takes 0–100, Einheit `Anzahl` whole numbers from 0. */
function checkPlausible(c: Collector, table: Table<"indikatorwerte">, v: MonitoringValue, einheit: string) {
  const place = { table, row: v.rows.at(-1)!, field: "wert" as const, id: v.indikator };
  const wert = v.wert!;
  if ((einheit === "%" || einheit === "prozent") && (wert < 0 || wert > 100)) {
    c.add("I_WERT_UNPLAUSIBEL", place, { indicator: v.indikator, wert: formatGermanNumber(wert), einheit: "%" });
  } else if (einheit === "anzahl" && (wert < 0 || !Number.isInteger(wert))) {
    c.add("I_WERT_UNPLAUSIBEL", place, { indicator: v.indikator, wert: formatGermanNumber(wert), einheit: "Anzahl" });
  }
}

/**
 * Indicators linked to a measure `in Umsetzung` need a value within their Erhebungsturnus plus 3 months
 * before the Stichtag; an indicator whose Ampel is rot is at risk. Only when Indikatorwerte exists.
 */
export function checkIndicatorStates(c: Collector, ctx: RuleContext, values: IndicatorValue[]) {
  const indikatoren = ctx.data.indikatoren;
  if (!indikatoren || !ctx.data.indikatorwerte) return;
  const inProgress = indicatorsInProgress(ctx);
  for (const ind of indikatoren.rows) {
    const id = rowId(ind);
    if (!id) continue;
    const users = inProgress.get(idKey(id));
    if (users) checkCurrent(c, ctx, indikatoren, ind, id, users, values);
    const state = indicatorState(indicatorTarget(ind), values, ctx.referenceDate, ctx.settings.indikatorToleranz);
    if (state.ampel !== "rot") continue;
    c.add("I_ZIEL_GEFAEHRDET", at(indikatoren, ind, "zielwert"), {
      indicator: id,
      zielerreichung: formatGermanNumber(Math.round(state.zielerreichung!)),
      soll: formatGermanNumber(Math.round(state.soll!)),
      stand: state.stand!,
    });
  }
}

function checkCurrent(
  c: Collector,
  ctx: RuleContext,
  indikatoren: Table<"indikatoren">,
  ind: Row<"indikatoren">,
  id: string,
  users: string[],
  values: IndicatorValue[],
) {
  const since = monthsBefore(ctx.referenceDate, turnusMonths(value(ind, "erhebungsturnus")) + 3);
  const inTime = (stichtag: IsoDate) =>
    compareIso(stichtag, since) >= 0 && compareIso(stichtag, ctx.referenceDate) <= 0;
  // A row with an official marker (`.`, `x` …) is a value given: the office published none.
  const current =
    values.some((v) => idKey(v.indikator) === idKey(id) && inTime(v.stichtag)) ||
    ctx.monitoring.series(id).some((v) => v.kennzeichen !== null && inTime(v.stichtag));
  if (!current) {
    c.add("I_WERT_FEHLT", at(indikatoren, ind, "id"), {
      indicator: id,
      users,
      since,
      referenceDate: ctx.referenceDate,
    });
  }
}

/** Indicator ID keys linked by measures `in Umsetzung`, with those measures' IDs. */
function indicatorsInProgress(ctx: RuleContext): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const m of ctx.data.massnahmen.rows) {
    if (matchListValue(value(m, "status"), STATUS_VALUES) !== "in Umsetzung") continue;
    for (const indId of referenceIds(value(m, "indikatoren"))) {
      const key = idKey(indId);
      const ids = map.get(key);
      if (ids) ids.push(rowId(m) ?? `Zeile ${m.row}`);
      else map.set(key, [rowId(m) ?? `Zeile ${m.row}`]);
    }
  }
  return map;
}
