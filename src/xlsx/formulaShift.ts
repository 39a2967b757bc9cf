/**
 * Formulas of a sheet whose rows are deleted, adjusted as Excel adjusts them: a reference to a row below
 * the deleted ones moves up, a reference to a deleted row becomes `#REF!`, a range shrinks. Shared
 * formulas (Excel's storage of a formula filled down a column) are first written out per cell, because
 * the cell that holds a group's master may be among the deleted ones. Only references within the sheet
 * itself are adjusted; structured references (`tblMassnahmen[Sachkosten]`) and whole columns need nothing.
 */
import { escapeXml, unescapeXml } from "./xml";
import { columnLetter, columnNumber } from "../workbook/read";

/** A cell reference `$A$5` split into its parts. */
interface Ref {
  colAbs: boolean;
  col: number;
  rowAbs: boolean;
  row: number;
}

const REF =
  /(?:('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(!.\u00C0-\uFFFF])/y;
const WORD = /[\w.\u00C0-\uFFFF$]/;

/**
 * Calls `edit` for every cell reference or range of a formula outside strings and structured references,
 * with the sheet it names (null: none); the reference is replaced by what `edit` returns.
 */
function mapRefs(formula: string, edit: (sheet: string | null, refs: [Ref] | [Ref, Ref]) => string | null): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (i === 0 || !WORD.test(formula[i - 1]!)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const sheet = m[1] === undefined ? null : m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
        const ref = (a: string, c: string, b: string, r: string): Ref => ({
          colAbs: a === "$",
          col: columnNumber(c),
          rowAbs: b === "$",
          row: Number(r),
        });
        const first = ref(m[2]!, m[3]!, m[4]!, m[5]!);
        const refs: [Ref] | [Ref, Ref] = m[7] ? [first, ref(m[6]!, m[7], m[8]!, m[9]!)] : [first];
        const replaced = edit(sheet, refs);
        if (replaced === null) out += m[0];
        else out += (m[1] ? `${m[1]}!` : "") + replaced;
        i += m[0].length;
        continue;
      }
    }
    // A name or function (LOG10, tblMassnahmen) is passed whole, so that no cell reference is read inside it.
    if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch) && (i === 0 || !WORD.test(formula[i - 1]!))) {
      let j = i + 1;
      while (j < formula.length && /[\w.\u00C0-\uFFFF]/.test(formula[j]!)) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Whether the formula names `sheet` in a cell reference. */
function refersTo(formula: string, sheet: string): boolean {
  let found = false;
  mapRefs(formula, (named) => {
    if (named !== null && named.toLowerCase() === sheet.toLowerCase()) found = true;
    return null;
  });
  return found;
}

const text = (r: Ref) => `${r.colAbs ? "$" : ""}${columnLetter(r.col)}${r.rowAbs ? "$" : ""}${r.row}`;

/** The formula as it reads `dRow` rows and `dCol` columns away (relative references move, `$` ones stay). */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  return mapRefs(formula, (_sheet, refs) => {
    const moved = refs.map((r) => ({
      ...r,
      row: r.rowAbs ? r.row : r.row + dRow,
      col: r.colAbs ? r.col : r.col + dCol,
    }));
    if (moved.some((r) => r.row < 1 || r.col < 1)) return "#REF!";
    return moved.map(text).join(":");
  });
}

/**
 * The formula after the rows `gone` (sorted) of `sheet` were deleted. `own`: the formula lives on `sheet`
 * (references without a sheet name are to it); otherwise only references naming `sheet` move.
 */
export function shiftFormulaRows(formula: string, sheet: string, gone: readonly number[], own = true): string {
  const before = (row: number) => gone.filter((g) => g < row).length;
  return mapRefs(formula, (named, refs) => {
    if (named === null ? !own : named.toLowerCase() !== sheet.toLowerCase()) return null;
    if (refs.length === 1) {
      const [r] = refs;
      return gone.includes(r.row) ? "#REF!" : text({ ...r, row: r.row - before(r.row) });
    }
    const [a, b] = refs;
    const top = a.row - before(a.row);
    const bottom = b.row - before(b.row + 1);
    if (bottom < top) return "#REF!";
    return `${text({ ...a, row: top })}:${text({ ...b, row: bottom })}`;
  });
}

const CELL = /<((?:\w+:)?)c\b([^>]*?)(\/>|>([\s\S]*?)<\/\1c>)/g;
const FORMULA = /<((?:\w+:)?)f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1f>)/;

/**
 * The sheet XML with every formula adjusted to the deletion of the rows `gone` (sorted): shared formulas
 * written out per cell, references within the sheet moved. Cached values stay; the workbook is recalculated
 * on opening (see XlsxPackage.cellsChanged).
 */
export function shiftSheetFormulas(xml: string, sheet: string, gone: readonly number[], own = true): string {
  if (gone.length === 0 || !/<(?:\w+:)?f\b/.test(xml)) return xml;
  // On another sheet a shared group is written out only when it refers to the sheet whose rows go.
  const expand = (formula: string) => own || refersTo(formula, sheet);
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  for (const c of xml.matchAll(CELL)) {
    const f = c[4] ? FORMULA.exec(c[4]) : null;
    if (!f || !/\bt="shared"/.test(f[2]!) || !/\bref="/.test(f[2]!)) continue;
    const si = /\bsi="(\d+)"/.exec(f[2]!)?.[1];
    const at = /\br="([A-Z]+)(\d+)"/.exec(c[2]!);
    const formula = unescapeXml(f[3] ?? "");
    if (si !== undefined && at && expand(formula))
      masters.set(si, { formula, row: Number(at[2]), col: columnNumber(at[1]!) });
  }
  return xml.replace(CELL, (cell, p: string, attrs: string, _end: string, inner: string | undefined) => {
    if (!inner) return cell;
    const f = FORMULA.exec(inner);
    if (!f) return cell;
    const at = /\br="([A-Z]+)(\d+)"/.exec(attrs);
    let formula = unescapeXml(f[3] ?? "");
    const shared = /\bt="shared"/.test(f[2]!);
    if (shared) {
      const master = masters.get(/\bsi="(\d+)"/.exec(f[2]!)?.[1] ?? "");
      if (!master || !at) return cell;
      formula = translateFormula(master.formula, Number(at[2]) - master.row, columnNumber(at[1]!) - master.col);
    }
    const moved = shiftFormulaRows(formula, sheet, gone, own);
    if (!shared && moved === formula) return cell; // untouched cells keep their bytes
    const attributes = shared ? f[2]!.replace(/\s(t="shared"|si="\d+"|ref="[^"]*")/g, "") : f[2]!;
    const shifted = `<${f[1]}f${attributes}>${escapeXml(moved)}</${f[1]}f>`;
    const body = inner.replace(FORMULA, () => shifted);
    return `<${p}c${attrs}>${body}</${p}c>`;
  });
}

/** `A5` or `A5:C7` after deleting the rows `gone` (sorted); null when nothing of it is left. */
function shiftRange(ref: string, gone: readonly number[]): string | null {
  const shifted = shiftFormulaRows(ref, "", gone);
  return shifted.includes("#REF!") ? null : shifted;
}

/**
 * Hyperlinks and merged cells of the sheet XML moved with their rows: those on deleted rows go, a merged
 * area that loses rows shrinks, one reduced to a single cell is no longer merged. An emptied list goes
 * (Excel refuses an empty one).
 */
export function shiftSheetAreas(xml: string, gone: readonly number[]): string {
  if (gone.length === 0 || !/<(?:\w+:)?(?:hyperlink|mergeCell)\b/.test(xml)) return xml;
  const moved = xml.replace(
    /<((?:\w+:)?)(hyperlink|mergeCell)\b([^>]*?)\sref="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/\1\2>)/g,
    (element, _p: string, kind: string, _attrs: string, ref: string) => {
      const to = shiftRange(ref, gone);
      if (to === null) return "";
      if (kind === "mergeCell") {
        const [a, b] = to.split(":");
        if (b === undefined || a === b) return "";
      }
      return element.replace(`ref="${ref}"`, `ref="${to}"`);
    },
  );
  return moved
    .replace(/<((?:\w+:)?)(hyperlinks|mergeCells)\b[^>]*>\s*<\/\1\2>/g, "")
    .replace(
      /<((?:\w+:)?)mergeCells\b([^>]*?)\scount="\d+"([^>]*)>([\s\S]*?)<\/\1mergeCells>/g,
      (_m, p: string, a: string, b: string, inner: string) => {
        const count = (inner.match(/<(?:\w+:)?mergeCell\b/g) ?? []).length;
        return `<${p}mergeCells${a} count="${count}"${b}>${inner}</${p}mergeCells>`;
      },
    );
}
