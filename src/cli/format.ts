/** Text output of `check`: findings grouped by sheet and row (measure), errors first. */
import { formatGermanDate } from "../domain/dates";
import type { ConceptData } from "../domain/model";
import type { CheckResult, Finding } from "../domain/rules";
import { SEVERITY_LABEL, measureTitles, severityCount } from "../workbook/report";

export function formatFindingsText(result: CheckResult, file: string, massnahmen: ConceptData["massnahmen"]): string {
  const titles = measureTitles(massnahmen);
  const lines: string[] = [`Prüfung von ${file} (Stichtag ${formatGermanDate(result.referenceDate)})`, ""];
  const bySheet = new Map<string, Map<string, Finding[]>>();
  for (const f of result.findings) {
    const sheet = bySheet.get(f.sheet) ?? new Map<string, Finding[]>();
    const key = f.id ?? `Zeile ${/\d+$/.exec(f.cell)?.[0] ?? "?"}`;
    sheet.set(key, [...(sheet.get(key) ?? []), f]);
    bySheet.set(f.sheet, sheet);
  }
  for (const [sheet, groups] of bySheet) {
    lines.push(sheet);
    for (const [key, findings] of groups) {
      const title = titles.get(`${sheet}\u0000${key}`);
      lines.push(`  ${key}${title ? ` – ${title}` : ""}`);
      for (const f of findings) {
        const severity = SEVERITY_LABEL[f.severity].padEnd(8);
        const smart = f.smart ? `[${f.smart}] ` : "";
        lines.push(`    ${severity}${f.cell.padEnd(6)} ${smart}${f.message} (${f.rule})`);
      }
    }
    lines.push("");
  }
  if (result.findings.length === 0) lines.push("Keine Befunde.", "");
  const s = result.summary;
  const active = result.measures.filter((m) => !m.rejected).length;
  lines.push(
    `Zusammenfassung: ${s.measures} Maßnahmen, davon ${s.smartComplete} von ${active} (ohne verworfene) SMART-vollständig; ` +
      `${severityCount("error", s.errors)}, ${severityCount("warning", s.warnings)}, ${severityCount("info", s.infos)}.`,
  );
  return lines.join("\n") + "\n";
}
