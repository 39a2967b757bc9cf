/**
 * How findings are shown wherever they are listed (the Prüfbericht, `check`'s text, the pane): the words of
 * their severities, errors first, each measure named by its Titel beside its ID.
 */
import type { ConceptData } from "../domain/model";
import type { Finding, Severity } from "../domain/rules";
import { textOf } from "../domain/values";

export const SEVERITY_LABEL: Record<Severity, string> = { error: "Fehler", warning: "Warnung", info: "Hinweis" };
export const SEVERITY_PLURAL: Record<Severity, string> = { error: "Fehler", warning: "Warnungen", info: "Hinweise" };

/** `1 Warnung`, `3 Warnungen`. */
export function severityCount(severity: Severity, n: number): string {
  return `${n} ${n === 1 ? SEVERITY_LABEL[severity] : SEVERITY_PLURAL[severity]}`;
}

/** Titles of the measures by sheet and ID (`Maßnahmen\u0000M-001`), to name each measure beside its ID. */
export function measureTitles(massnahmen: ConceptData["massnahmen"]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const m of massnahmen.rows) {
    const id = textOf(m.values.id ?? null);
    if (id) titles.set(`${massnahmen.sheet}\u0000${id}`, textOf(m.values.titel ?? null));
  }
  return titles;
}

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** Errors, then warnings, then hints; in the order of the check within each. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return SEVERITY_ORDER.flatMap((severity) => findings.filter((f) => f.severity === severity));
}
