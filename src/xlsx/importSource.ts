/**
 * A city's own list as plain grids for the import (src/workbook/import): an .xlsx with every sheet (merged
 * areas and the header row of an Excel table included), or a .csv whose encoding (UTF-8 with or without
 * BOM, UTF-16 with BOM, else Windows-1252: src/domain/text.ts) and separator (`;`, `,` or tab) are detected. Bytes in, no file
 * system, so the browser mode can use it too.
 */
import { decodeText } from "../domain/text";
import { isBlank } from "../domain/values";
import type { ImportGrid } from "../workbook/import/mapping";
import { XlsxDocument } from "./document";
import { xlsxError } from "./messages";

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** RFC 4180 records: fields in double quotes may hold separators, line breaks and doubled quotes. */
export function parseCsv(text: string, separator: string, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  while (i < text.length && records.length < maxRecords) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === separator) {
      record.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if ((field !== "" || record.length > 0) && records.length < maxRecords) endRecord();
  return records;
}

/**
 * The separator: the one that splits the first records most consistently into the same number of fields
 * (a comma inside German free text varies from line to line; the real separator does not).
 */
export function sniffSeparator(text: string): string {
  let best = { separator: ";", score: -1, fields: 0 };
  for (const separator of [";", ",", "\t"]) {
    const counts = parseCsv(text.slice(0, 65536), separator, 30)
      .filter((r) => r.some((f) => f.trim() !== ""))
      .map((r) => r.length);
    const frequency = new Map<number, number>();
    for (const n of counts) if (n > 1) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    for (const [fields, score] of frequency) {
      if (score > best.score || (score === best.score && fields > best.fields)) best = { separator, score, fields };
    }
  }
  return best.separator;
}

export function csvGrid(bytes: Uint8Array, name: string): ImportGrid & { encoding: string; separator: string } {
  const { text, encoding } = decodeText(bytes);
  const separator = sniffSeparator(text);
  const rows = parseCsv(text, separator).map((r) => r.map((f) => (isBlank(f) ? null : f)));
  while (rows.length > 0 && rows.at(-1)!.every((v) => v === null)) rows.pop();
  const sheet = name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "Liste";
  return { sheet, rows, merges: [], encoding, separator };
}

/** Every worksheet of an .xlsx as a grid. */
export async function xlsxGrids(bytes: Uint8Array, name: string): Promise<ImportGrid[]> {
  const doc = await XlsxDocument.open(bytes, name);
  const source = await doc.source();
  const tables = source.tables();
  return source.worksheets().map((ws) => {
    const grid = source.sheet(ws.name)!;
    const rows = Array.from({ length: grid.rowCount }, (_, r) =>
      Array.from({ length: grid.columnCount }, (_, c) => grid.value(r + 1, c + 1)),
    );
    const merges = [...grid.merges];
    // The grid shows a merged area's value in each of its cells; the file holds it only in the top-left one.
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++)
          if ((r !== m.top || c !== m.left) && rows[r - 1]) rows[r - 1]![c - 1] = null;
      }
    }
    const table = tables.find((t) => t.sheet === ws.name);
    return {
      sheet: ws.name,
      rows,
      merges,
      ...(table ? { tableHeaderRow: table.area.top } : {}),
      ...(ws.state !== "visible" ? { hidden: true } : {}),
    };
  });
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** The grids of a list file, by what its bytes are (not by its name). */
export async function importGrids(bytes: Uint8Array, name: string): Promise<{ grids: ImportGrid[]; kind: string }> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw xlsxError("LISTE_XLS", { datei: name });
  }
  if (startsWith(bytes, ZIP_MAGIC)) return { grids: await xlsxGrids(bytes, name), kind: "Excel-Arbeitsmappe" };
  if (bytes.subarray(0, 4096).includes(0) && !startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xfe, 0xff])) {
    throw xlsxError("LISTE_UNBEKANNT", { datei: name });
  }
  const grid = csvGrid(bytes, name);
  const sep = { ";": "Semikolon", ",": "Komma", "\t": "Tabulator" }[grid.separator] ?? grid.separator;
  return { grids: [grid], kind: `CSV (${grid.encoding}, getrennt mit ${sep})` };
}
