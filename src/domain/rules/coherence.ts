/** K — coherence of the concept: every Handlungsfeld has Ziele, every Ziel measures and indicators, every indicator a use. */
import { isBasisindikator } from "../monitoringData";
import { idKey, referenceId, textOf } from "../values";
import { type Collector, type RuleContext, at, has, rowId, value } from "./context";

export function checkCoherence(c: Collector, ctx: RuleContext) {
  checkHandlungsfelder(c, ctx);
  checkZiele(c, ctx);
  checkUnusedIndicators(c, ctx);
}

function checkHandlungsfelder(c: Collector, ctx: RuleContext) {
  const { handlungsfelder: hf, ziele } = ctx.data;
  if (!hf || !ziele || !has(ziele, "handlungsfeld")) return;
  const withZiel = new Set(ziele.rows.map((z) => idKey(referenceId(value(z, "handlungsfeld")))));
  for (const h of hf.rows) {
    const id = rowId(h);
    if (!id || withZiel.has(idKey(id))) continue;
    c.add("K_HANDLUNGSFELD_OHNE_ZIEL", at(hf, h, "id"), { id, name: textOf(value(h, "handlungsfeld")) });
  }
}

function checkZiele(c: Collector, ctx: RuleContext) {
  const { ziele, indikatoren } = ctx.data;
  if (!ziele) return;
  const indicatorRows = indikatoren && has(indikatoren, "ziel") ? indikatoren.rows : [];
  const withIndicator = new Set(indicatorRows.map((i) => idKey(referenceId(value(i, "ziel")))));
  for (const z of ziele.rows) {
    const id = rowId(z);
    if (!id) continue;
    if (!ctx.zieleWithMeasure.has(idKey(id))) c.add("K_ZIEL_OHNE_MASSNAHME", at(ziele, z, "id"), { id });
    if (indikatoren && !withIndicator.has(idKey(id))) c.add("K_ZIEL_OHNE_INDIKATOR", at(ziele, z, "id"), { id });
  }
}

function checkUnusedIndicators(c: Collector, ctx: RuleContext) {
  const indikatoren = ctx.data.indikatoren;
  for (const i of indikatoren?.rows ?? []) {
    const id = rowId(i);
    // A Basisindikator describes a state: no measure is expected to use it.
    if (!id || ctx.linkedIndicators.has(idKey(id)) || isBasisindikator(i)) continue;
    c.add("K_INDIKATOR_UNGENUTZT", at(indikatoren!, i, "id"), { id });
  }
}
