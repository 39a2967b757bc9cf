/** M — messbar: a measure's indicators and Zielwert, and the indicators' own data. */
import { isBasisindikator } from "../monitoringData";
import { idKey, isBlank, referenceId, referenceIds, textOf } from "../values";
import { type Collector, type Row, type RuleContext, at, has, rowId, value } from "./context";
import type { Subject } from "./messages";
import { sheetOf } from "./structure";

/**
 * The indicator links of a measure: unknown IDs are structure and reported for every measure; for a
 * measure not `verworfen` the links are recorded and checked against the measure's Ziel. Returns the IDs.
 */
export function checkIndicatorLinks(
  c: Collector,
  ctx: RuleContext,
  m: Row<"massnahmen">,
  subject: Subject,
  zielRow: Row<"ziele"> | null,
  rejected: boolean,
): string[] {
  const table = ctx.data.massnahmen;
  const ids = has(table, "indikatoren") ? referenceIds(value(m, "indikatoren")) : [];
  for (const indId of ids) {
    const ind = ctx.indById.get(idKey(indId));
    if (!ind) {
      const sheet = sheetOf(ctx, "indikatoren");
      c.add("VERWEIS_UNBEKANNT", at(table, m, "indikatoren"), { subject, label: "Indikator", id: indId, sheet });
      continue;
    }
    if (rejected) continue;
    const key = idKey(indId);
    const users = ctx.linkedIndicators.get(key);
    if (users) users.push(rowId(m) ?? `Zeile ${m.row}`);
    else ctx.linkedIndicators.set(key, [rowId(m) ?? `Zeile ${m.row}`]);
    const indZiel = referenceId(value(ind, "ziel"));
    const zielId = zielRow ? textOf(value(zielRow, "id")) : "";
    if (zielRow && indZiel !== "" && idKey(indZiel) !== idKey(zielId)) {
      const params = { subject, indicator: indId, indicatorZiel: indZiel, measureZiel: zielId };
      c.add("M_INDIKATOR_ANDERES_ZIEL", at(table, m, "indikatoren"), params);
    }
  }
  return ids;
}

/** A measure names at least one indicator and a Zielwert. */
export function checkMeasurable(
  c: Collector,
  ctx: RuleContext,
  m: Row<"massnahmen">,
  subject: Subject,
  indIds: string[],
) {
  const table = ctx.data.massnahmen;
  if (has(table, "indikatoren") && indIds.length === 0) {
    c.add("M_INDIKATOR_FEHLT", at(table, m, "indikatoren"), { subject });
  }
  if (has(table, "zielwert") && isBlank(value(m, "zielwert"))) {
    c.add("M_ZIELWERT_FEHLT", at(table, m, "zielwert"), { subject });
  }
}

const MEASURING_FIELDS = [
  ["basiswert", "Basiswert"],
  ["zielwert", "Zielwert"],
  ["datenquelle", "Datenquelle"],
] as const;

/** Indicators linked by active measures that lack the data to measure against. */
export function checkLinkedIndicators(c: Collector, ctx: RuleContext) {
  const indikatoren = ctx.data.indikatoren;
  if (!indikatoren) return;
  for (const [key, users] of ctx.linkedIndicators) {
    const ind = ctx.indById.get(key);
    if (!ind) continue;
    // A Basisindikator has no Basis- and Zielwert to measure against; only its Datenquelle is expected.
    const fields = isBasisindikator(ind) ? MEASURING_FIELDS.filter(([f]) => f === "datenquelle") : MEASURING_FIELDS;
    const missing = fields.filter(([field]) => has(indikatoren, field) && isBlank(value(ind, field)));
    if (missing.length === 0) continue;
    c.add("M_INDIKATOR_UNVOLLSTAENDIG", at(indikatoren, ind, missing[0]![0]), {
      indicator: rowId(ind) ?? "",
      users: [...new Set(users)],
      missing: missing.map(([, label]) => label),
    });
  }
}
