/**
 * Turning plan values into what Office.js accepts, and splitting large writes into requests that stay far
 * below Excel on the web's 5 MB payload limit.
 */
import { isoFromDate, isoToExcelSerial } from "../domain/dates";
import { DATE_FORMAT, type PlanValue, isFormula } from "../workbook/plan";
import { type Area, columnLetter, columnNumber } from "../workbook/read";

export const TEXT_FORMAT = "@";

/** Payload budget of one write request (bytes of JSON). Excel on the web refuses requests over 5 MB. */
export const DEFAULT_CHUNK_BYTES = 1_000_000;

/** `Maßnahmen!$A$1:$R$11`, `'Bewertung 2025'!B2` or `A1:B2` → the area (1-based). */
export function parseRangeAddress(address: string): Area {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b] = local.split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s.trim());
    if (!m) throw new Error(`not a cell address: ${address}`);
    return { row: Number(m[2]), column: columnNumber(m[1]!) };
  };
  const start = cell(a!);
  const end = cell(b ?? a!);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

export function addressOf(top: number, left: number, bottom = top, right = left): string {
  const a = `${columnLetter(left)}${top}`;
  return bottom === top && right === left ? a : `${a}:${columnLetter(right)}${bottom}`;
}

export const columnAddress = (column: number) => `${columnLetter(column)}:${columnLetter(column)}`;

/** A Date (UTC midnight, as the plans and the readers hold them) → Excel serial number. */
export function dateToSerial(d: Date): number {
  return isoToExcelSerial(isoFromDate(d));
}

/** `FFFDE7E9` (ARGB) → `#FDE7E9`. */
export function cssColor(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}

const isDateFormat = (fmt: string | undefined) => !!fmt && /[dy]/i.test(fmt.replace(/"[^"]*"/g, ""));

/**
 * One cell for Office.js: its input (value or `=formula`) and the number format it needs, or null to keep
 * the column's format. Text is always written as text: a text cell gets the format `@` (Text), so Excel
 * stores `=SUMME(A1)`, `+49 511`, `-` or `0049` as typed instead of reading a formula or a number.
 */
export function officeCell(
  value: PlanValue,
  columnFormat: string | undefined,
  cellFormat?: string,
): { input: string | number | boolean | null; format: string | null } {
  if (value === null || value === undefined) return { input: null, format: cellFormat ?? null };
  if (isFormula(value)) {
    // A formula in a text column would stay text: give it a real format.
    const format = cellFormat ?? (columnFormat === TEXT_FORMAT ? "General" : null);
    return { input: `=${value.formula}`, format };
  }
  if (value instanceof Date) {
    return { input: dateToSerial(value), format: cellFormat ?? (isDateFormat(columnFormat) ? null : DATE_FORMAT) };
  }
  if (typeof value === "string") {
    return { input: value, format: columnFormat === TEXT_FORMAT && !cellFormat ? null : TEXT_FORMAT };
  }
  // Numbers and booleans stay numbers: a text column would turn them into text.
  return { input: value, format: cellFormat ?? (columnFormat === TEXT_FORMAT ? "General" : null) };
}

/** UTF-8 length of a JSON value, to size requests. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** A rectangle to write: inputs and formats row by row (null = leave as it is). */
export interface WriteBlock {
  row: number;
  column: number;
  inputs: (string | number | boolean | null)[][];
  formats: (string | null)[][];
}

export const hasFormula = (b: WriteBlock) =>
  b.inputs.some((r) => r.some((v) => typeof v === "string" && v.startsWith("=")));

/**
 * Packs blocks into requests of at most `budget` bytes, splitting a block between rows where it is too
 * large. A single row larger than the budget still goes alone (Excel allows 5 MB).
 */
export function chunkBlocks(blocks: WriteBlock[], budget: number): WriteBlock[][] {
  const chunks: WriteBlock[][] = [];
  let current: WriteBlock[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    size = 0;
  };
  for (const block of blocks) {
    let start = 0;
    for (let i = 0; i < block.inputs.length; i++) {
      const rowBytes = jsonBytes(block.inputs[i]) + jsonBytes(block.formats[i]);
      if (size + rowBytes > budget && (i > start || current.length > 0)) {
        if (i > start) current.push(slice(block, start, i));
        flush();
        start = i;
      }
      size += rowBytes;
    }
    if (start < block.inputs.length) current.push(slice(block, start, block.inputs.length));
  }
  flush();
  return chunks;
}

function slice(block: WriteBlock, from: number, to: number): WriteBlock {
  return {
    row: block.row + from,
    column: block.column,
    inputs: block.inputs.slice(from, to),
    formats: block.formats.slice(from, to),
  };
}
