/**
 * Where the concept stands, for the start view: the measures by Status, how many are SMART-complete, what
 * the check finds, and the next steps, each leading to the place that does it. Pure: computed from the
 * concept by the same rules as `check`.
 */
import { STATUS_VALUES } from "../../../domain/model";
import { type CheckResult, type Finding, checkConcept } from "../../../domain/rules";
import { readSettings } from "../../../domain/settings";
import { idKey, matchListValue, referenceLabel, textOf } from "../../../domain/values";
import type { ReadConcept } from "../../../workbook/read";
import type { NavTarget } from "../../session";
import { findingField } from "../massnahme/form";

export interface Step {
  /** One sentence: what is open. */
  text: string;
  /** The button's words. */
  action: string;
  target: NavTarget;
}

export interface StartModel {
  title: string;
  measures: number;
  byStatus: { status: string; count: number }[];
  /** Measures not verworfen, and of them the SMART-complete ones. */
  active: number;
  smartComplete: number;
  errors: number;
  warnings: number;
  /** Measures whose Frist has passed while they are not done. */
  overdue: number;
  /** Measures without a Sachstand for the current report date. */
  missingReports: number;
  steps: Step[];
}

const OTHER_STATUS = "ohne gültigen Status";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function statusCounts(concept: ReadConcept): StartModel["byStatus"] {
  const counts = new Map<string, number>(STATUS_VALUES.map((s) => [s, 0]));
  for (const r of concept.massnahmen.rows) {
    if (!textOf(r.values.id ?? null)) continue;
    const status = matchListValue(r.values.status ?? null, STATUS_VALUES) ?? OTHER_STATUS;
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 0).map(([status, count]) => ({ status, count }));
}

/** The measures a rule finds, in the order of the sheet. */
const measuresWith = (result: CheckResult, rule: Finding["rule"]) =>
  result.findings.filter((f) => f.rule === rule && f.id).map((f) => f.id!);

function steps(concept: ReadConcept, result: CheckResult): Step[] {
  const list: Step[] = [];
  const title = (id: string) => {
    const row = concept.massnahmen.rows.find((r) => idKey(textOf(r.values.id ?? null)) === idKey(id));
    return referenceLabel(id, textOf(row?.values.titel ?? null));
  };
  if (result.summary.measures === 0) {
    list.push({
      text: "Es ist noch keine Maßnahme erfasst.",
      action: "Erste Maßnahme anlegen",
      target: { view: "massnahme" },
    });
  }
  const open = result.measures.filter((m) => !m.rejected && Object.values(m.letters).includes(false));
  const first = open[0];
  if (first) {
    const fieldOf = findingField(concept);
    const finding = result.findings.find(
      (f) => f.id && idKey(f.id) === idKey(first.id) && f.severity === "error" && f.smart,
    );
    const field = finding ? fieldOf(finding) : null;
    list.push({
      text: `${plural(open.length, "Maßnahme ist", "Maßnahmen sind")} noch nicht SMART-vollständig, zuerst ${title(first.id)}.`,
      action: `${first.id} vervollständigen`,
      target: { view: "massnahme", id: first.id, ...(field ? { field } : {}) },
    });
  }
  const overdue = measuresWith(result, "T_UEBERFAELLIG");
  if (overdue[0]) {
    list.push({
      text: `${plural(overdue.length, "Frist ist", "Fristen sind")} überschritten, ohne dass die Maßnahme umgesetzt ist, zuerst bei ${title(overdue[0])}.`,
      action: `Status von ${overdue[0]} aktualisieren`,
      target: { view: "massnahme", id: overdue[0], field: "status" },
    });
  }
  const missing = measuresWith(result, "SACHSTAND_FEHLT");
  if (missing[0]) {
    list.push({
      text: `${plural(missing.length, "Maßnahme hat", "Maßnahmen haben")} noch keinen Sachstand für den aktuellen Berichtsstichtag.`,
      action: "Sachstände erfassen",
      target: { view: "monitoring", measure: missing[0] },
    });
  }
  const { errors, warnings } = result.summary;
  if (errors + warnings > 0) {
    list.push({
      text: `Die Prüfung findet ${plural(errors, "Fehler", "Fehler")} und ${plural(warnings, "Warnung", "Warnungen")}.`,
      action: "Alle Befunde ansehen",
      target: { view: "pruefen" },
    });
  }
  return list;
}

export function startModel(concept: ReadConcept, today: string): StartModel {
  const result = checkConcept(concept, { today });
  const { settings } = readSettings(concept);
  return {
    title: [settings.konzepttitel, settings.kommune].filter(Boolean).join(" – "),
    measures: result.summary.measures,
    byStatus: statusCounts(concept),
    active: result.measures.filter((m) => !m.rejected).length,
    smartComplete: result.summary.smartComplete,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    overdue: measuresWith(result, "T_UEBERFAELLIG").length,
    missingReports: measuresWith(result, "SACHSTAND_FEHLT").length,
    steps: steps(concept, result),
  };
}
