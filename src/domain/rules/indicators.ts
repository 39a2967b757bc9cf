/** I — indicator values: readable, unique, plausible, current, and the indicator's Ampel. */
import { compareIso } from "../dates";
import { STATUS_VALUES } from "../model";
import {
  type IndicatorValue,
  dateOf,
  indicatorState,
  indicatorTarget,
  indicatorValue,
  monthsBefore,
  numberOf,
  turnusMonths,
} from "../monitoring";
import { formatGermanNumber } from "../numbers";
import { idKey, matchListValue, normalizeLabel, referenceId, referenceIds, textOf } from "../values";
import { type Collector, type Row, type RuleContext, type Table, at, has, rowId, subjectOf, value } from "./context";

/** Checks every Indikatorwerte row; returns the readable values of known indicators. */
export function checkIndicatorValues(c: Collector, ctx: RuleContext): IndicatorValue[] {
  const table = ctx.data.indikatorwerte;
  if (!table || !has(table, "indikator")) return [];
  const values: IndicatorValue[] = [];
  for (const row of table.rows) {
    if (!checkValueRow(c, ctx, table, row)) continue;
    const v = indicatorValue(row);
    if (v) values.push(v);
  }
  checkDoubled(c, table, values);
  for (const v of values) checkPlausible(c, ctx, table, v);
  return values;
}

/** Each unreadable cell of a row is reported; true when the row is a usable value. */
function checkValueRow(
  c: Collector,
  ctx: RuleContext,
  table: Table<"indikatorwerte">,
  row: Row<"indikatorwerte">,
): boolean {
  const indicator = referenceId(value(row, "indikator"));
  const place = (field: "indikator" | "stichtag" | "wert") => ({ table, row: row.row, field, id: indicator || null });
  const subject = subjectOf(table, row);
  let ok = true;
  if (indicator === "") {
    c.add("I_WERT_UNGUELTIG", place("indikator"), { subject, problem: "indikator", given: "" });
    ok = false;
  } else if (!ctx.indById.has(idKey(indicator))) {
    c.add("I_WERT_UNGUELTIG", place("indikator"), { subject, problem: "unbekannt", given: indicator });
    ok = false;
  }
  if (has(table, "stichtag") && dateOf(value(row, "stichtag")) === null) {
    const given = textOf(value(row, "stichtag"));
    c.add("I_WERT_UNGUELTIG", place("stichtag"), { subject, problem: "stichtag", given });
    ok = false;
  }
  if (has(table, "wert") && numberOf(value(row, "wert")) === null) {
    c.add("I_WERT_UNGUELTIG", place("wert"), { subject, problem: "wert", given: textOf(value(row, "wert")) });
    ok = false;
  }
  return ok;
}

/** Two different values for the same indicator and Stichtag: every row of the group is reported. */
function checkDoubled(c: Collector, table: Table<"indikatorwerte">, values: IndicatorValue[]) {
  const groups = new Map<string, IndicatorValue[]>();
  for (const v of values) {
    const key = `${idKey(v.indikator)}|${v.stichtag}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((v) => v.wert)).size < 2) continue;
    for (const v of group) {
      const others = group.filter((o) => o !== v).map((o) => o.row);
      const place = { table, row: v.row, field: "wert" as const, id: v.indikator };
      c.add("I_WERT_DOPPELT", place, { indicator: v.indikator, stichtag: v.stichtag, otherRows: others });
    }
  }
}

/** Einheit `%` takes 0–100, Einheit `Anzahl` whole numbers from 0. */
function checkPlausible(c: Collector, ctx: RuleContext, table: Table<"indikatorwerte">, v: IndicatorValue) {
  const ind = ctx.indById.get(idKey(v.indikator));
  const einheit = normalizeLabel(textOf(ind ? value(ind, "einheit") : null));
  const place = { table, row: v.row, field: "wert" as const, id: v.indikator };
  const shown = formatGermanNumber(v.wert);
  if ((einheit === "%" || einheit === "prozent") && (v.wert < 0 || v.wert > 100)) {
    c.add("I_WERT_UNPLAUSIBEL", place, { indicator: v.indikator, wert: shown, einheit: "%" });
  } else if (einheit === "anzahl" && (v.wert < 0 || !Number.isInteger(v.wert))) {
    c.add("I_WERT_UNPLAUSIBEL", place, { indicator: v.indikator, wert: shown, einheit: "Anzahl" });
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
  const current = values.some(
    (v) =>
      idKey(v.indikator) === idKey(id) &&
      compareIso(v.stichtag, since) >= 0 &&
      compareIso(v.stichtag, ctx.referenceDate) <= 0,
  );
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
