/**
 * The rule catalogue of the contract: every check that tells planning staff which measure is not SMART,
 * in which cell, and what to do about it. The rules are grouped by what they are about (structure.ts,
 * specific.ts … coherence.ts); their German texts are in messages.ts.
 */
import { type ConceptData, ENTITY_KINDS, STATUS_VALUES } from "../model";
import { readSettings } from "../settings";
import { matchListValue, textOf } from "../values";
import { checkAkteure } from "./achievable";
import {
  type CheckOptions,
  type CheckResult,
  type CheckSummary,
  type Finding,
  type MeasureSmartState,
  type Severity,
  type SmartLetter,
  SMART_LETTERS,
} from "./catalogue";
import { checkCoherence } from "./coherence";
import { Collector, type Table, ruleContext } from "./context";
import { checkIndicatorStates, checkIndicatorValues } from "./indicators";
import { checkLinkedIndicators } from "./measurable";
import { checkMeasures } from "./measures";
import { checkMonitoring } from "./monitoring";
import { checkNeeds } from "./needs";
import { checkProzessplan } from "./prozessplan";
import { checkSachstaende } from "./reports";
import { checkAllStructures, checkMissingTables, checkParentReferences } from "./structure";

export * from "./catalogue";
export { periodStart } from "../dates";

export function checkConcept(data: CheckInput, options: CheckOptions): CheckResult {
  const c = new Collector();
  const { settings, problems } = readSettings(data);
  const referenceDate = options.referenceDate ?? settings.stichtag ?? options.today;
  const ctx = ruleContext(data, settings, referenceDate);
  checkMissingTables(c, data);
  checkAllStructures(c, data, problems);
  checkParentReferences(c, ctx);
  checkAkteure(c, ctx);
  checkMeasures(c, ctx);
  checkLinkedIndicators(c, ctx);
  checkCoherence(c, ctx);
  checkNeeds(c, ctx);
  checkMonitoring(c, ctx);
  const values = checkIndicatorValues(c, ctx);
  checkIndicatorStates(c, ctx, values);
  checkSachstaende(c, ctx);
  checkProzessplan(c, ctx);
  const findings = sortFindings(c.findings, data);
  const measures = smartStates(findings, data.massnahmen);
  return { referenceDate, settings, findings, summary: summarize(findings, measures), measures };
}

type CheckInput = ConceptData;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings by sheet (workbook order), row, severity, then as found. */
function sortFindings(findings: Finding[], data: CheckInput): Finding[] {
  const sheetRank = new Map<string, number>();
  ENTITY_KINDS.forEach((kind, i) => {
    const t = data[kind];
    if (t) sheetRank.set(t.sheet, i);
  });
  const rowOf = (f: Finding) => Number(/\d+$/.exec(f.cell)?.[0] ?? 0);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (sheetRank.get(a.f.sheet) ?? -1) - (sheetRank.get(b.f.sheet) ?? -1) ||
        rowOf(a.f) - rowOf(b.f) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

function smartStates(findings: Finding[], massnahmen: Table<"massnahmen">): MeasureSmartState[] {
  const failed = new Map<number, Set<SmartLetter>>();
  for (const f of findings) {
    if (f.sheet !== massnahmen.sheet || f.severity !== "error" || !f.smart) continue;
    const row = Number(/\d+$/.exec(f.cell)?.[0]);
    failed.set(row, (failed.get(row) ?? new Set<SmartLetter>()).add(f.smart));
  }
  return massnahmen.rows.map((m) => {
    const bad = failed.get(m.row);
    const letters = Object.fromEntries(SMART_LETTERS.map((l) => [l, !bad?.has(l)])) as Record<SmartLetter, boolean>;
    return {
      id: textOf(m.values.id ?? null),
      row: m.row,
      rejected: matchListValue(m.values.status ?? null, STATUS_VALUES) === "verworfen",
      letters,
    };
  });
}

function summarize(findings: Finding[], states: MeasureSmartState[]): CheckSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    measures: states.length,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    smartComplete: states.filter((s) => !s.rejected && SMART_LETTERS.every((l) => s.letters[l])).length,
  };
}
