/**
 * `anstehend <datei.xlsx> [--stichtag JJJJ-MM-TT] [--tage 60] [--json] [--ics datei.ics]`: what is overdue and
 * due soon, by who is responsible, as a to-do list, as JSON (docs/befehle.md names its fields) or as a
 * calendar file.
 */
import { type Anstehend, anstehendSummary, calendarItems, contactLine, dueWhen } from "../domain/anstehend";
import { formatGermanDate } from "../domain/dates";
import { countOf } from "../domain/numbers";
import { writeIcs } from "../domain/ics";
import { readSettings } from "../domain/settings";
import type { ReadConcept } from "../workbook/read";
import { anstehendOfWorkbook } from "../workbook/anstehend";
import { withReadableConcept, writeFileAtomically } from "../xlsx/file";
import { type ParsedArgs, referenceDateOption } from "./args";
import { onePositional, openStep, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { ANSTEHEND } from "./specs";

const MAX_TAGE = 3650;

/** `--tage N`: a whole number of days, 0 to ten years. */
export function tageOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n <= MAX_TAGE)) throw cliError("TAGE_UNGUELTIG", { tage: text });
  return n;
}

export async function commandAnstehend(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, `anstehend ${ANSTEHEND.usage}`);
  const stichtag = referenceDateOption(args.options.get("stichtag"));
  const tage = tageOption(args.options.get("tage"));
  const ics = args.options.get("ics");
  if (ics) requireEnding(ics, ".ics");
  const doc = await openStep(file, progress);
  progress.step("Lese die Tabellen und sammle die Termine …");
  const { concept, result } = await withReadableConcept(file, async () =>
    anstehendOfWorkbook(await doc.source(), { stichtag, today: io.today(), tage }),
  );
  const json = args.flags.has("json");
  io.out(json ? anstehendJson(file, concept, result) : anstehendText(file, result));
  if (ics) {
    progress.step(`Schreibe die Kalenderdatei „${ics}“ …`);
    const { settings } = readSettings(concept);
    const events = calendarItems(result);
    const text = writeIcs(events, {
      stamp: new Date(),
      name: `${settings.konzepttitel || "Maßnahmenplan"} – Anstehend`,
    });
    await writeFileAtomically(new TextEncoder().encode(text), ics);
    if (!json) io.out(`Kalenderdatei geschrieben: ${ics} (${countOf(events.length, "Termin", "Termine")}).\n`);
  }
  return 0;
}

/** The to-do list: a block per responsible with its contact, a line per item. */
export function anstehendText(file: string, result: Anstehend): string {
  const lines = [
    `Anstehend in „${file}“ zum Stichtag ${formatGermanDate(result.stichtag)} (die nächsten ${countOf(result.tage, "Tag", "Tage")}):`,
    anstehendSummary(result),
  ];
  for (const { responsible: r, items } of result.groups) {
    lines.push("", `${r.label}${r.fachbereich ? ` (${r.fachbereich})` : ""}`);
    const contact = contactLine(r);
    if (contact) lines.push(`  Ansprechperson: ${contact}`);
    else if (r.known) lines.push("  In den Akteuren steht keine Ansprechperson und keine E-Mail.");
    else if (r.key.startsWith("text:")) lines.push("  Diese Zuständigkeit steht nicht in den Akteuren.");
    for (const item of items) lines.push(`  [ ] ${dueWhen(item)}: ${item.text}`);
  }
  return lines.join("\n") + "\n";
}

/** `anstehend --json`: one object, its fields as docs/befehle.md lists them. */
export function anstehendJson(file: string, concept: ReadConcept, result: Anstehend): string {
  const json = {
    file,
    referenceDate: result.stichtag,
    days: result.tage,
    until: result.bis,
    summary: { overdue: result.overdue, due: result.due },
    groups: result.groups.map(({ responsible: r, items }) => ({
      responsible: {
        label: r.label,
        fachbereich: r.fachbereich,
        ansprechperson: r.ansprechperson,
        email: r.email,
        known: r.known,
      },
      items: items.map((i) => ({
        kind: i.kind,
        key: i.key,
        date: i.date,
        overdue: i.overdue,
        days: i.days,
        id: i.id,
        name: i.name,
        summary: i.summary,
        text: i.text,
        sheet: i.place ? (concept[i.place.kind]?.sheet ?? null) : null,
        row: i.place?.row ?? null,
      })),
    })),
  };
  return JSON.stringify(json, null, 2) + "\n";
}
