/**
 * A statistics file as grids for `werte` (src/workbook/werte): an .xlsx through the import's reader (every
 * sheet; the old .xls and binary files get its sentences), a CSV decoded like the import's (BOM, UTF-8,
 * else Windows-1252) and split by the separator its format uses: `;` for a GENESIS export (whose title
 * lines have fewer fields than its data, which would mislead a guess), `,` for an Open SDG file, else the
 * import's guess. Bytes in, no file system, so the pane can use it too.
 */
import type { StatisticsGrid } from "../workbook/werte";
import { decodeText } from "../domain/text";
import { importGrids, parseCsv, sniffSeparator } from "./importSource";
import { xlsxError } from "./messages";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Not text: a workbook (new or old format) or a binary file, which the import's reader takes or names. */
function isBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC)) return true;
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  return !utf16 && bytes.subarray(0, 4096).includes(0);
}

/** The separator of a statistics CSV: by its format where the first line tells it, else guessed. */
export function statisticsSeparator(text: string): string {
  const end = text.search(/\r?\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  if (/^\s*"?GENESIS/i.test(firstLine)) return ";";
  const names = firstLine.split(",").map((f) => f.replace(/^[\s"]+|[\s"]+$/g, "").toLowerCase());
  if (names.includes("year") && names.includes("value")) return ",";
  return sniffSeparator(text);
}

/** Bytes of Windows-1252 that no character has: text with them is in another encoding. */
const UNDEFINED_1252 = /[\u0081\u008d\u008f\u0090\u009d]/;

/**
 * The text of a statistics CSV: UTF-8 (with or without BOM) or Windows-1252, as the offices publish; any
 * other encoding (UTF-16, or bytes Windows-1252 does not define) is one sentence (UserError).
 */
function statisticsText(bytes: Uint8Array, name: string): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  const file = name.replace(/^.*[\\/]/, "");
  if (decoded.encoding === "UTF-16" || (decoded.encoding === "Windows-1252" && UNDEFINED_1252.test(decoded.text))) {
    throw xlsxError("STATISTIK_KODIERUNG", { datei: file, kodierung: decoded.encoding === "UTF-16" ? "UTF-16" : null });
  }
  return decoded;
}

export function statisticsCsvGrid(
  bytes: Uint8Array,
  name: string,
): StatisticsGrid & { separator: string; encoding: string } {
  const { text, encoding } = statisticsText(bytes, name);
  const separator = statisticsSeparator(text);
  const rows = parseCsv(text, separator).map((r) => r.map((f) => (f.trim() === "" ? null : f)));
  while (rows.length > 0 && rows.at(-1)!.every((v) => v === null)) rows.pop();
  const sheet = name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "Tabelle";
  return { sheet, rows, merges: [], separator, encoding };
}

/** The grids of a statistics file, by what its bytes are (not by its name), and a word for its kind. */
export async function statisticsGrids(
  bytes: Uint8Array,
  name: string,
): Promise<{ grids: StatisticsGrid[]; kind: string }> {
  if (isBinary(bytes)) return importGrids(bytes, name);
  const grid = statisticsCsvGrid(bytes, name);
  const sep = { ";": "Semikolon", ",": "Komma", "\t": "Tabulator" }[grid.separator] ?? grid.separator;
  return { grids: [grid], kind: `CSV (${grid.encoding}, getrennt mit ${sep})` };
}
