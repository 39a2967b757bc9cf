/** The commands `split` and `merge` (docs/befehle.md, „Verteilen und Zusammenführen“). */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { byNameText, unassignedText } from "../workbook/distribution";
import { type ReturnWorkbook, type SplitResult, mergeWorkbooks, splitWorkbook } from "../xlsx/circulation";
import { NODE_ZLIB, saveWorkbookAtomically, withReadableConcept, writeFileAtomically } from "../xlsx/file";
import { CONFLICT_SHEET } from "../workbook/sheets/konflikte";
import { MERGE_LOG_SHEET } from "../workbook/sheets/zusammenfuehrung";
import { draftEml, draftFileName, draftNotes } from "../workbook/splitMail";
import type { MergeAction } from "../domain/merge";
import { type ParsedArgs, referenceDateOption } from "./args";
import { exists, onePositional, openStep, requireEnding } from "./inputs";
import { cliError } from "./messages";
import type { Run } from "./run";
import { MERGE } from "./specs";
import { countOf } from "../domain/numbers";

export async function commandSplit(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const file = onePositional(args.positional, "split <datei.xlsx> --ziel <ordner>");
  const target = args.options.get("ziel");
  if (!target) throw cliError("ZIEL_FEHLT", {});
  const sachstand = referenceDateOption(args.options.get("sachstand"), "Der Berichtsstichtag");
  const targetStat = await fs.stat(target).catch(() => null);
  if (targetStat && !targetStat.isDirectory()) throw cliError("ZIEL_IST_DATEI", { ziel: target });
  const master = await openStep(file, progress);
  progress.step("Ordne die Maßnahmen den Fachbereichen und Akteuren zu …");
  const split = await withReadableConcept(file, () =>
    splitWorkbook(master, {
      masterFile: path.basename(file),
      date: io.today(),
      sachstand,
      angebote: args.flags.has("angebote"),
    }),
  );
  const mail = args.flags.has("mail");
  const { files } = split;
  const names = files.flatMap((f) => [f.fileName, ...(mail ? [draftFileName(f.fileName)] : [])]);
  // Never overwrite: a distribution goes into its own (new or empty) folder.
  for (const name of names) {
    if (await exists(path.join(target, name))) throw cliError("ZIEL_BELEGT", { ziel: target, datei: name });
  }
  // What goes to nobody is said before any file is written.
  io.out(splitNotes(split));
  try {
    await fs.mkdir(target, { recursive: true });
  } catch {
    throw cliError("ORDNER_NICHT_ANLEGBAR", { ziel: target });
  }
  for (const f of files) {
    progress.step(`Schreibe „${f.fileName}“ …`);
    // The draft carries the very bytes written (a workbook's zip stamps the time it is made).
    const bytes = f.workbook.toBytes(NODE_ZLIB);
    await writeFileAtomically(bytes, path.join(target, f.fileName));
    if (mail) {
      const eml = draftEml(f.mail, f.fileName, bytes, new Date());
      await writeFileAtomically(new TextEncoder().encode(eml), path.join(target, draftFileName(f.fileName)));
    }
  }
  io.out(
    `${countOf(files.length, "Datei", "Dateien")}${mail ? " und Mail-Entwürfe" : ""} in „${target}“ geschrieben:\n`,
  );
  for (const f of files) {
    const angebote = f.angebote === undefined ? "" : `, ${countOf(f.angebote, "Angebot", "Angebote")}`;
    const who = f.recipient.akteur ? `${f.recipient.name} (Akteur ohne Fachbereich)` : f.recipient.name;
    const draft = mail ? `, ${draftFileName(f.fileName)} an ${recipientsText(f.mail.to.length)}` : "";
    io.out(`  ${who}: ${countOf(f.measures, "Maßnahme", "Maßnahmen")}${angebote} → ${f.fileName}${draft}\n`);
  }
  if (mail) {
    for (const note of draftNotes(files)) io.out(`Hinweis: ${note}\n`);
    io.out("Gesendet wurde nichts: Die Entwürfe öffnen sich in Outlook zum Prüfen und Senden.\n");
  }
  return 0;
}

const recipientsText = (n: number) => (n === 0 ? "niemanden (Adresse fehlt)" : countOf(n, "Empfänger", "Empfänger"));

/** Before the files: what goes to nobody, leads resolved by name, and measures not sent because verworfen. */
function splitNotes({ unassigned, byName, rejected }: SplitResult): string {
  const lines: string[] = [];
  if (unassigned.length > 0) {
    lines.push(
      unassigned.length === 1
        ? "Diese Zeile lässt sich niemandem zuordnen und wird nicht verschickt:"
        : `Diese ${unassigned.length} Zeilen lassen sich niemandem zuordnen und werden nicht verschickt:`,
      ...unassigned.map((n) => `  ${unassignedText(n)}`),
    );
  }
  for (const n of byName) lines.push(`Hinweis: ${byNameText(n)}`);
  if (rejected.length > 0)
    lines.push(
      `Nicht verschickt, weil verworfen: ${rejected.map((n) => (n.title ? `${n.id} „${n.title}“` : n.id)).join(", ")}.`,
    );
  return lines.map((l) => `${l}\n`).join("");
}

export async function commandMerge(args: ParsedArgs, { io, progress }: Run): Promise<number> {
  const [file, ...returnFiles] = args.positional;
  if (!file || returnFiles.length === 0) throw cliError("RUECKLAEUFE_FEHLEN", { aufruf: `merge ${MERGE.usage}` });
  const output = args.options.get("output") ?? file;
  requireEnding(output, ".xlsx");
  for (const r of returnFiles) {
    if (path.resolve(r) === path.resolve(file)) throw cliError("RUECKLAUF_IST_GESAMTDATEI", { datei: r });
  }
  // Every file is opened and read before anything is written: one unusable return, and nothing changes.
  const master = await openStep(file, progress);
  const returns: ReturnWorkbook[] = [];
  for (const r of returnFiles) returns.push({ file: path.basename(r), workbook: await openStep(r, progress) });
  progress.step("Führe die Rückläufe zusammen …");
  const result = await withReadableConcept(file, () => mergeWorkbooks(master, returns, path.basename(file)));
  progress.step(`Schreibe „${output}“ …`);
  await saveWorkbookAtomically(master, output);

  for (const s of result.summaries) {
    const parts = [
      `${countOf(s.applied, "Wert", "Werte")} übernommen`,
      `${countOf(s.added, "Maßnahme", "Maßnahmen")} neu${s.renamed ? ` (${s.renamed} mit neuer ID)` : ""}`,
      ...(s.deletedKept
        ? [`${countOf(s.deletedKept, "Maßnahme", "Maßnahmen")} im Rücklauf gelöscht (in der Gesamtdatei behalten)`]
        : []),
      `${countOf(s.notApplied, "Wert", "Werte")} nicht übernommen`,
    ];
    io.out(`${s.file}${s.twoWay ? " (ohne Basiswerte, nur verglichen)" : ""}: ${parts.join(", ")}.\n`);
    const reports = reportCounts(result.actions.filter((a) => a.file === s.file));
    if (reports) io.out(`  ${reports}\n`);
  }
  for (const s of result.angebote) {
    io.out(
      `${s.file}, Angebote: ${countOf(s.applied, "Wert", "Werte")} übernommen, ${countOf(s.added, "Angebot", "Angebote")} neu${s.renamed ? ` (${s.renamed} mit neuer ID)` : ""}, ${countOf(s.notApplied, "Wert", "Werte")} nicht übernommen.\n`,
    );
  }
  for (const o of result.otherMaster)
    io.out(`Hinweis: „${o.file}“ wurde aus „${o.masterFile}“ verteilt, nicht aus „${path.basename(file)}“.\n`);
  io.out(
    result.conflicts > 0
      ? `Zusammengeführt in „${output}“; ${countOf(result.conflicts, "Wert steht", "Werte stehen")} zur Klärung im Blatt „${CONFLICT_SHEET.sheet}“, alle Schritte im Blatt „${MERGE_LOG_SHEET.sheet}“.\n`
      : `Zusammengeführt in „${output}“ ohne Konflikte; alle Schritte im Blatt „${MERGE_LOG_SHEET.sheet}“.\n`,
  );
  return result.conflicts > 0 ? 1 : 0;
}

/** The status query's part of a return: Sachstände and Indikatorwerte appended and not reported. */
function reportCounts(actions: MergeAction[]): string {
  const count = (field: string, kind: MergeAction["kind"]) =>
    actions.filter((a) => a.field === field && a.kind === kind).length;
  const parts: string[] = [];
  for (const [field, one, many] of [
    ["Sachstand", "Sachstand", "Sachstände"],
    ["Indikatorwert", "Indikatorwert", "Indikatorwerte"],
  ] as const) {
    const appended = count(field, "appended");
    const missing = count(field, "notReported");
    if (appended + missing > 0) parts.push(`${countOf(appended, one, many)} angefügt, ${missing} nicht gemeldet`);
  }
  return parts.join("; ");
}
