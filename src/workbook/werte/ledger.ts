/**
 * The accounting of Werteübernahme: every data cell not taken ends in exactly one line. Lines are kept
 * short: a column not taken is one line, an area outside is one line with its count, and cells with the
 * same reason in consecutive rows of a column (or whole consecutive rows) make one range.
 */
import { columnLetter } from "../read";
import type { TakeoverReason } from "./messages";

/** A line of the sheet Werteübernahme. */
export interface TakeoverLine {
  datei: string;
  /** `E12`, a range `E12:E40`, or for an area its first key cell; with the sheet for an .xlsx (`'Tab 1'!E12`). */
  zelle: string;
  grund: TakeoverReason;
  /** How many data cells the line stands for. */
  anzahl: number;
}

interface Entry {
  reason: TakeoverReason;
  top: number;
  bottom: number;
  left: number;
  right: number;
  count: number;
  /** Rows counted for an area line. */
  rows: number;
  single: boolean;
}

/** `Tabelle1!` / `'Kreise 2023'!` before an address on a named sheet; '' for a CSV. */
export function sheetPrefix(sheet: string | null): string {
  if (sheet === null) return "";
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

export class Ledger {
  private readonly entries: Entry[] = [];
  private readonly open = new Map<string, Entry>();

  constructor(
    private readonly file: string,
    private readonly sheet: string | null,
  ) {}

  /** All cells of a column with this reason: one line, however the rows lie. */
  column(reason: TakeoverReason, column: number, row: number): void {
    const key = `c${column}\u0000${JSON.stringify(reason)}`;
    const held = this.open.get(key);
    if (held) {
      held.bottom = row;
      held.count++;
    } else this.start(key, reason, row, column, column, 1);
  }

  /** A cell; joins the line of the cell above it with the same reason. */
  cell(reason: TakeoverReason, column: number, row: number): void {
    this.block(`r${column}\u0000${JSON.stringify(reason)}`, reason, row, column, column, 1);
  }

  /** A whole row's cells (columns left..right); joins the same reason on the row above. */
  row(reason: TakeoverReason, row: number, left: number, right: number, count: number): void {
    this.block(`w${left}:${right}\u0000${JSON.stringify(reason)}`, reason, row, left, right, count);
  }

  /** The cells of an area's row; one line per area (`id`), its reason built once its rows are counted. */
  area(id: string, reason: (rows: number) => TakeoverReason, row: number, keyColumn: number, count: number): void {
    const key = `a${id}`;
    const held = this.open.get(key);
    if (held) {
      held.count += count;
      held.rows++;
      held.reason = reason(held.rows);
    } else this.start(key, reason(1), row, keyColumn, keyColumn, count, true);
  }

  private block(key: string, reason: TakeoverReason, row: number, left: number, right: number, count: number): void {
    const held = this.open.get(key);
    if (held && held.bottom === row - 1) {
      held.bottom = row;
      held.count += count;
    } else this.start(key, reason, row, left, right, count);
  }

  private start(
    key: string,
    reason: TakeoverReason,
    row: number,
    left: number,
    right: number,
    count: number,
    single = false,
  ): void {
    const entry: Entry = { reason, top: row, bottom: row, left, right, count, rows: 1, single };
    this.entries.push(entry);
    this.open.set(key, entry);
  }

  lines(): TakeoverLine[] {
    const prefix = sheetPrefix(this.sheet);
    return this.entries.map((e) => {
      const from = `${columnLetter(e.left)}${e.top}`;
      const to = `${columnLetter(e.right)}${e.bottom}`;
      const zelle = e.single || from === to ? from : `${from}:${to}`;
      return { datei: this.file, zelle: prefix + zelle, grund: e.reason, anzahl: e.count };
    });
  }
}
