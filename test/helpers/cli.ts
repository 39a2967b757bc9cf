/** Helpers for the command-line tests: run `main` in-process with a recording Io, temp dirs, workbook edits. */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

export const TODAY = "2026-11-22";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process; today() is pinned to 2026-11-22 and the clock stands still (no progress lines). */
export async function runCli(argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    today: () => TODAY,
    // The clock stands still: progress lines (shown after a second) never depend on the machine's speed.
    now: () => 0,
  });
  return { code, out, err };
}

const tempDirs: string[] = [];

export function tempDir(prefix = "mnp-cli-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Leftover temp files of an atomic write (`.<name>.<pid>.<time>.tmp`). */
export function leftoverTempFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith(".") && f.endsWith(".tmp"));
}

/** The example concept (`init --vorlage beispiel`) as konzept.xlsx in a new temp dir, changed by `change` if given. */
export async function exampleWorkbook(
  prefix: string,
  change?: (wb: ExcelJS.Workbook) => void,
): Promise<{ dir: string; file: string }> {
  const dir = tempDir(prefix);
  const file = path.join(dir, "konzept.xlsx");
  const init = await runCli(["init", file, "--vorlage", "beispiel"]);
  if (init.code !== 0) throw new Error(`init failed: ${init.err}`);
  if (change) {
    const wb = await loadWorkbook(file);
    change(wb);
    await wb.xlsx.writeFile(file);
  }
  return { dir, file };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return ws;
}

/** 1-based column whose header (row `headerRow`) is exactly `header`. */
export function columnOf(ws: ExcelJS.Worksheet, header: string, headerRow = 1): number {
  const row = ws.getRow(headerRow);
  for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++) {
    if (String(row.getCell(c).text).trim() === header) return c;
  }
  throw new Error(`header ${header} not found on sheet ${ws.name}`);
}

/** Sets cells of one data row by header text. */
export function setRow(ws: ExcelJS.Worksheet, rowNumber: number, values: Record<string, ExcelJS.CellValue>): void {
  for (const [header, value] of Object.entries(values)) ws.getCell(rowNumber, columnOf(ws, header)).value = value;
}

/** The row whose cell under `header` has text `text`. */
export function rowWhere(ws: ExcelJS.Worksheet, header: string, text: string): number {
  const col = columnOf(ws, header);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, col).text.trim() === text) return r;
  throw new Error(`no row with ${header} = ${text} on ${ws.name}`);
}

/** Values of a column below the header, up to the last non-empty cell. */
export function columnValues(ws: ExcelJS.Worksheet, header: string): string[] {
  const col = columnOf(ws, header);
  const values: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) values.push(ws.getCell(r, col).text);
  while (values.length > 0 && values[values.length - 1] === "") values.pop();
  return values;
}

export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Names of the tables on a sheet of a loaded workbook, with their ranges. */
export function tablesOf(ws: ExcelJS.Worksheet): { name: string; ref: string }[] {
  return (ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string } }[]).map((t) => ({
    name: t.table.name,
    ref: t.table.tableRef ?? t.table.ref ?? "",
  }));
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid zip archive (stored, no compression) with the given entries. */
export function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(entries).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}
