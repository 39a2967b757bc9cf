/** The checks of one measure, in the order its findings are listed: structure, then S, M, A, R, T. */
import { PRIORITAET_VALUES } from "../model";
import { idKey, referenceId, textOf } from "../values";
import { checkContact, checkLead } from "./achievable";
import { type Collector, type Row, type RuleContext, at, subjectOf, value } from "./context";
import { checkIndicatorLinks, checkMeasurable } from "./measurable";
import type { Subject } from "./messages";
import { checkResources } from "./resources";
import { checkSpecific } from "./specific";
import { checkChoice, checkReference, checkStatus, sheetOf } from "./structure";
import { checkDates } from "./timing";

export function checkMeasures(c: Collector, ctx: RuleContext) {
  for (const m of ctx.data.massnahmen.rows) checkMeasure(c, ctx, m);
}

/** Measures `verworfen` are checked for structure only. */
function checkMeasure(c: Collector, ctx: RuleContext, m: Row<"massnahmen">) {
  const table = ctx.data.massnahmen;
  const who = subjectOf(table, m);
  const status = checkStatus(c, table, m, who);
  const rejected = status === "verworfen";
  const zielRow = checkMeasureReferences(c, ctx, m, who);
  if (zielRow && !rejected) ctx.zieleWithMeasure.add(idKey(textOf(value(zielRow, "id"))));
  const indIds = checkIndicatorLinks(c, ctx, m, who, zielRow, rejected);
  const lead = checkLead(c, ctx, m, who, rejected);
  if (rejected) return;
  checkSpecific(c, table, m, who);
  checkMeasurable(c, ctx, m, who, indIds);
  checkContact(c, ctx, m, who, lead);
  checkResources(c, table, m, who, status);
  checkDates(c, ctx, m, who, status);
  checkChoice(c, table, m, "prioritaet", "Priorität", PRIORITAET_VALUES);
}

/** Handlungsfeld and Ziel exist and agree; returns the Ziel's row. */
function checkMeasureReferences(
  c: Collector,
  ctx: RuleContext,
  m: Row<"massnahmen">,
  subject: Subject,
): Row<"ziele"> | null {
  const table = ctx.data.massnahmen;
  const hfSheet = sheetOf(ctx, "handlungsfelder");
  const hfRow = checkReference(c, table, m, "handlungsfeld", "Handlungsfeld", ctx.hfById, hfSheet);
  const zielRow = checkReference(c, table, m, "ziel", "Ziel", ctx.zielById, sheetOf(ctx, "ziele"));
  if (hfRow && zielRow && ctx.data.ziele) {
    const zielHf = referenceId(value(zielRow, "handlungsfeld"));
    const measureHf = textOf(value(hfRow, "id"));
    if (zielHf !== "" && idKey(zielHf) !== idKey(measureHf)) {
      const ziel = textOf(value(zielRow, "id"));
      const params = { subject, handlungsfeld: measureHf, ziel, zielHandlungsfeld: zielHf };
      c.add("VERWEIS_WIDERSPRUCH", at(table, m, "handlungsfeld"), params);
    }
  }
  return zielRow;
}
