/**
 * Opening and saving .xlsx files safely: every kind of unusable input becomes one German sentence naming
 * the file, and a file is written next to its target and renamed into place only when complete.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { UnreadableWorkbookError } from "../workbook/read";
import { UserError } from "./userError";

/** A problem the user can fix; the CLI prints the message and exits with `exitCode`. */
export { UserError };

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Loads a workbook or throws a UserError that says what is wrong with the file. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  // Messages name the file as the user gave it.
  const name = file;
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UserError(`Die Datei „${file}“ wurde nicht gefunden.`);
  }
  if (!stat.isFile()) throw new UserError(`„${file}“ ist keine Datei, sondern ein Ordner oder ein Gerät.`);
  if (stat.size > MAX_FILE_BYTES) {
    throw new UserError(
      `Die Datei „${name}“ ist mit ${(stat.size / 1024 / 1024).toFixed(0)} MB größer als die erlaubten 50 MB.`,
    );
  }
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    throw new UserError(`Die Datei „${name}“ lässt sich nicht lesen (fehlende Berechtigung?).`);
  }
  if (data.subarray(0, 4).equals(OLE)) {
    throw new UserError(
      `Die Datei „${name}“ ist im alten .xls-Format oder mit Kennwort verschlüsselt; speichern Sie sie in Excel als .xlsx ohne Kennwort.`,
    );
  }
  if (!data.subarray(0, 4).equals(ZIP)) {
    throw new UserError(`Die Datei „${name}“ ist keine Excel-Arbeitsmappe (.xlsx).`);
  }
  // A zip ends with its central directory; without it the file was cut off (an interrupted copy or download).
  if (data.lastIndexOf(EOCD, data.length - 22) < Math.max(0, data.length - 65_557)) {
    throw new UserError(
      `Die Datei „${name}“ ist beschädigt oder unvollständig (.xlsx); kopieren oder speichern Sie sie erneut.`,
    );
  }
  if (!data.includes("xl/workbook.xml")) {
    throw new UserError(`Die Datei „${name}“ ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx).`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UserError(`Die Datei „${name}“ ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).`);
  }
  return workbook;
}

/**
 * Writes `produce`'s workbook to a temporary file beside `target` and renames it into place, so that a
 * crash never leaves a half-written workbook and the original is replaced only by a complete file.
 */
export async function saveWorkbookAtomically(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`Der Ordner für „${target}“ existiert nicht.`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new UserError(`„${target}“ kann nicht geschrieben werden (fehlende Berechtigung oder Datei gesperrt).`);
    }
    if (code === "EISDIR") throw new UserError(`„${target}“ ist ein Ordner; geben Sie einen Dateinamen an.`);
    throw error;
  }
}

/** Runs an operation that reads the concept; a workbook without Maßnahmen is unusable input (exit 2). */
export async function withReadableConcept<T>(file: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw new UserError(`Die Arbeitsmappe „${file}“ ${error.message}.`);
    throw error;
  }
}
