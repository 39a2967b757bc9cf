/** Reading cell values as text, IDs and references, the way planning staff write them. */
import { type CellValue, formatGermanDate, isoFromDate } from "./dates";

/** White space that textOf changes inside a text: a run of two, or any other than a plain space. */
const LOOSE_SPACE = /\s\s|[^\S ]/;

/** The text of a cell as a user sees it, trimmed; empty cells give "". */
export function textOf(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatGermanDate(isoFromDate(value));
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "WAHR" : "FALSCH";
  // Most cells need nothing done: test before building a new string (the rules ask for every cell often).
  if (!LOOSE_SPACE.test(value)) {
    const n = value.length;
    return n > 0 && (value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32) ? value.trim() : value;
  }
  return value.replace(/\s+/g, " ").trim();
}

export function isBlank(value: CellValue): boolean {
  return textOf(value) === "";
}

/** IDs compare without case and surrounding white space (`hf-01 ` is `HF-01`). */
export function idKey(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * The ID named by a reference cell: `HF-03` or the dropdown form `HF-03 – Bildung und Sprache`
 * (en or em dash, or a hyphen with spaces around it).
 */
export function referenceId(value: CellValue): string {
  const text = textOf(value);
  const cut = text.search(/\s*[–—]\s*|\s+-\s+/);
  return (cut >= 0 ? text.slice(0, cut) : text).trim();
}

/** The IDs of a list cell (`I-001; I-002`, `I-001, I-002`), each possibly in dropdown form. */
export function referenceIds(value: CellValue): string[] {
  return textOf(value)
    .split(/[;,\n]/)
    .map((part) => referenceId(part))
    .filter((id) => id !== "");
}

/** The dropdown form of a reference: `HF-03 – Bildung und Sprache`. */
export function referenceLabel(id: string, name: string): string {
  return name ? `${id} – ${name}` : id;
}

const loweredLists = new WeakMap<readonly string[], string[]>();

/**
 * Case-insensitive lookup of a value in a fixed list; returns the list's spelling. Plain toLowerCase is
 * right for German (locale rules differ only for Turkish, Azeri, Lithuanian) and much faster than the
 * locale-aware variant on the two-byte strings of German text.
 */
export function matchListValue<T extends string>(value: CellValue, list: readonly T[]): T | null {
  let lowered = loweredLists.get(list);
  if (!lowered) {
    lowered = list.map((entry) => entry.toLowerCase());
    loweredLists.set(list, lowered);
  }
  // A list column holds few distinct texts in thousands of rows: each is looked up once.
  let known = listMatches.get(list);
  if (!known || known.size > 10_000) listMatches.set(list, (known = new Map()));
  const key = typeof value === "string" ? value : null;
  if (key !== null && known.has(key)) return known.get(key) as T | null;
  const index = lowered.indexOf(textOf(value).toLowerCase());
  const match = index >= 0 ? list[index]! : null;
  if (key !== null) known.set(key, match);
  return match;
}

const listMatches = new WeakMap<readonly string[], Map<string, string | null>>();

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;
/** An e-mail address, also in `mailto:` form. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.replace(/^mailto:/i, "").trim());
}

/** Next free ID with a prefix: `M-001`, never reusing or renumbering an existing one. */
export function nextFreeId(prefix: string, digits: number, existing: Iterable<string>): string {
  let max = 0;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)$`, "i");
  for (const id of existing) {
    const m = pattern.exec(id.trim());
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${String(max + 1).padStart(digits, "0")}`;
}

/**
 * Header and key comparison of the contract: case, surrounding white space, `-`/`_`/line breaks and the
 * umlaut spellings ä/ae ö/oe ü/ue ß/ss are ignored.
 */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[\s\-_–]+/g, "");
}
