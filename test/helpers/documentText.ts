/** A Word document's text as LibreOffice reads it (convertWithLibreOffice … "txt"), for the report tests. */
import * as fs from "node:fs";

/** The lines of the text, trimmed and without empty ones (LibreOffice writes one table cell per line). */
export function linesOf(txtFile: string): string[] {
  return fs
    .readFileSync(txtFile, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\u00a0/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** Whether `expected` occurs as consecutive lines (a table row, cell by cell). */
export function hasRun(lines: string[], expected: string[]): boolean {
  return lines.some((_, i) => expected.every((e, k) => lines[i + k] === e));
}
