/**
 * Opening and saving .xlsx files safely: every kind of unusable input becomes one German sentence naming
 * the file; a file is written next to its target and renamed into place only when complete; a write in
 * place is refused when the file changed since it was read (another merge, Excel saving) or is read-only.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { UnreadableWorkbookError } from "../workbook/read";
import { XlsxDocument } from "./document";
import { xlsxError } from "./messages";
import { UserError } from "./userError";
import type { ZipCodec } from "./zip";

/** A problem the user can fix; the CLI prints the message and exits with `exitCode`. */
export { UserError };

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Where each opened document came from and what the file held then, to notice a change before saving. */
const origins = new WeakMap<XlsxDocument, { file: string; digest: string }>();

const digestOf = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

export async function readInput(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw xlsxError("DATEI_FEHLT", { datei: file });
  }
  if (!stat.isFile()) throw xlsxError("KEINE_DATEI", { datei: file });
  if (stat.size > MAX_FILE_BYTES) {
    throw xlsxError("ZU_GROSS", { datei: file, mb: stat.size / 1024 / 1024 });
  }
  try {
    return await fs.readFile(file);
  } catch {
    throw xlsxError("NICHT_LESBAR", { datei: file });
  }
}

/** Opens a workbook or throws a UserError that says what is wrong with the file. */
export async function openWorkbook(file: string): Promise<XlsxDocument> {
  const data = await readInput(file);
  if (data.subarray(0, 4).equals(OLE)) {
    throw xlsxError("XLS_ODER_KENNWORT", { datei: file });
  }
  if (!data.subarray(0, 4).equals(ZIP)) throw xlsxError("KEINE_ARBEITSMAPPE", { datei: file });
  const doc = await XlsxDocument.open(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), file, NODE_ZLIB);
  origins.set(doc, { file: path.resolve(file), digest: digestOf(data) });
  return doc;
}

/**
 * Node's zlib for the package's parts: the same DEFLATE as fflate's in native code, which needs no warming
 * up (see ZipCodec); `maxOutputLength` stops a part that inflates beyond what the zip declared.
 */
export const NODE_ZLIB: ZipCodec = {
  inflate: (raw, limit) => {
    try {
      return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, limit) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
      throw error;
    }
  },
  deflate: (data) => zlib.deflateRawSync(data, { level: 6 }),
  // zlib.crc32 came with Node 20.15; older Node 20 uses the package's own.
  ...("crc32" in zlib
    ? { crc32: (data: Uint8Array) => (zlib as unknown as { crc32(d: Uint8Array): number }).crc32(data) }
    : {}),
};

/** The temporary name beside a target; a run that was killed leaves one, which the next run removes. */
let tempSequence = 0;
/** Unique even for two writes of one process in the same millisecond (a counter follows the time). */
const tempName = (target: string) =>
  `.${path.basename(target)}.${process.pid}.${Date.now()}${String(tempSequence++ % 1000).padStart(3, "0")}.tmp`;
const TEMP = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files of this target left by runs that no longer live. */
async function removeStaleTemps(dir: string, target: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name) ?? /^\.(.+)\.lock$/.exec(name);
    if (!m || m[1] !== path.basename(target)) continue;
    const pid = m[2] ? Number(m[2]) : Number(await fs.readFile(path.join(dir, name), "utf8").catch(() => "0"));
    if (!alive(pid)) await fs.rm(path.join(dir, name), { force: true });
  }
}

function writeError(target: string, error: unknown): never {
  if (error instanceof UserError) throw error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") throw xlsxError("ORDNER_FEHLT", { ziel: target });
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    throw xlsxError("NICHT_SCHREIBBAR", { ziel: target });
  }
  if (code === "EISDIR") throw xlsxError("IST_ORDNER", { ziel: target });
  if (code === "ENOSPC") throw xlsxError("KEIN_PLATZ", { ziel: target });
  throw error;
}

/** Holds `.<name>.lock` while checking and replacing, so that two writers cannot both pass the check. */
async function withLock<T>(dir: string, target: string, run: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, `.${path.basename(target)}.lock`);
  try {
    await fs.writeFile(lock, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") writeError(target, error);
    throw xlsxError("GESPERRT", { ziel: target });
  }
  try {
    return await run();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

/**
 * Writes the document to a temporary file beside `target` and renames it into place, so that a crash
 * never leaves a half-written workbook. Replacing the file the document was read from is refused when
 * that file changed since (nothing is written); a read-only target is never replaced.
 */
export async function saveWorkbookAtomically(doc: XlsxDocument, target: string): Promise<void> {
  await writeFileAtomically(doc.toBytes(NODE_ZLIB), target, () => refuseIfChanged(doc, target));
}

/**
 * Writes bytes (a workbook, the report's .docx) the safe way: a temporary file beside `target`, renamed into
 * place when complete, under the lock that `beforeReplace` (a last check) runs in; a read-only target or a
 * folder is never replaced, and the file keeps its permissions.
 */
export async function writeFileAtomically(
  bytes: Uint8Array,
  target: string,
  beforeReplace: () => Promise<void> = async () => undefined,
): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await removeStaleTemps(dir, target);
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw xlsxError("IST_ORDNER", { ziel: target });
  if (existing && (existing.mode & 0o222) === 0) {
    throw xlsxError("SCHREIBGESCHUETZT", { ziel: target });
  }
  const temp = path.join(dir, tempName(target));
  let created = false;
  try {
    const handle = await fs.open(temp, "wx", existing ? existing.mode & 0o777 : 0o666);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await withLock(dir, target, async () => {
      await beforeReplace();
      await fs.rename(temp, target);
    });
  } catch (error) {
    // Only our own temporary file: a name that was taken belongs to another writer.
    if (created) await fs.rm(temp, { force: true });
    writeError(target, error);
  }
}

async function refuseIfChanged(doc: XlsxDocument, target: string): Promise<void> {
  const origin = origins.get(doc);
  if (!origin || origin.file !== path.resolve(target)) return;
  const now = await fs.readFile(target).catch(() => null);
  if (!now || digestOf(now) !== origin.digest) {
    throw xlsxError("GEAENDERT", { ziel: target });
  }
}

/** Runs an operation that reads the concept; a workbook without Maßnahmen is unusable input (exit 2). */
export async function withReadableConcept<T>(file: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw xlsxError("ARBEITSMAPPE_UNLESBAR", { datei: file, aussage: error.message });
    throw error;
  }
}
