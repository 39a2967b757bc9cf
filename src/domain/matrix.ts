/**
 * The Bewertungsmatrix of an evaluation round: criteria and weights, the 0–4 scale, the Ampel, the rows
 * of a round, and the merge of a regenerated round with what the evaluation team already entered.
 */
import { type CellValue, type IsoDate, parseGermanDate } from "./dates";
import { type ConceptData, type RowRecord, STATUS_VALUES } from "./model";
import { parseGermanNumber } from "./numbers";
import type { Settings } from "./settings";
import { DEFAULT_KRITERIEN } from "./templates/kriterien";
import { idKey, matchListValue, referenceId, referenceLabel, textOf } from "./values";

export const SCALE = [
  { score: 0, label: "nicht erfüllt" },
  { score: 1, label: "kaum" },
  { score: 2, label: "teilweise" },
  { score: 3, label: "überwiegend" },
  { score: 4, label: "vollständig" },
] as const;

export const SCALE_TEXT = SCALE.map((s) => `${s.score} ${s.label}`).join(", ");

export const EMPFEHLUNGEN = ["fortführen", "anpassen", "beenden", "verstetigen"] as const;

/** Status of a row whose measure is no longer in Maßnahmen. */
export const ENTFALLEN = "entfallen";
export const ENTFALLEN_SUFFIX = " (entfallen)";

export type Ampel = "grün" | "gelb" | "rot";

export interface Criterion {
  name: string;
  weight: number;
}

/** Fixed columns of a round, in order; the criteria stand between `frist` and `gesamt`. */
export const MATRIX_COLUMNS = {
  lead: [
    { key: "id", header: "ID" },
    { key: "handlungsfeld", header: "Handlungsfeld" },
    { key: "massnahme", header: "Maßnahme" },
    { key: "federfuehrung", header: "Federführung" },
    { key: "status", header: "Status" },
    { key: "frist", header: "Frist" },
  ],
  result: [
    { key: "gesamt", header: "Gesamt" },
    { key: "ampel", header: "Ampel" },
  ],
  input: [
    { key: "empfehlung", header: "Empfehlung" },
    { key: "begruendung", header: "Begründung" },
    { key: "bewertetVon", header: "Bewertet von" },
    { key: "bewertetAm", header: "Bewertet am" },
  ],
} as const;

export type InputKey = (typeof MATRIX_COLUMNS.input)[number]["key"];

/** Criteria from tblKriterien; the defaults of the contract when it is missing or has no usable row. */
export function readCriteria(data: Pick<ConceptData, "kriterien">): { criteria: Criterion[]; defaults: boolean } {
  const criteria: Criterion[] = [];
  const seen = new Set<string>();
  for (const row of data.kriterien?.rows ?? []) {
    const name = textOf(row.values.kriterium ?? null);
    const weight = parseGermanNumber(row.values.gewicht ?? null);
    if (name === "" || seen.has(name.toLowerCase()) || weight.kind !== "number" || weight.value < 0) continue;
    seen.add(name.toLowerCase());
    criteria.push({ name, weight: weight.value });
  }
  if (criteria.length > 0) return { criteria, defaults: false };
  return { criteria: DEFAULT_KRITERIEN.map((k) => ({ name: k.kriterium, weight: k.gewicht })), defaults: true };
}

/** Weighted mean of the scores given; null while none is given. */
export function weightedScore(scores: (number | null)[], criteria: Criterion[]): number | null {
  let sum = 0;
  let weights = 0;
  scores.forEach((s, i) => {
    if (s === null) return;
    sum += s * criteria[i]!.weight;
    weights += criteria[i]!.weight;
  });
  if (scores.every((s) => s === null)) return null;
  return weights === 0 ? null : sum / weights;
}

export function ampel(score: number | null, settings: Pick<Settings, "ampelGruenAb" | "ampelGelbAb">): Ampel | null {
  if (score === null) return null;
  if (score >= settings.ampelGruenAb) return "grün";
  if (score >= settings.ampelGelbAb) return "gelb";
  return "rot";
}

/** A score cell as the team left it: a number 0–4, or null when empty or unreadable. */
export function scoreOf(value: CellValue): number | null {
  const n = parseGermanNumber(value);
  return n.kind === "number" && Number.isInteger(n.value) && n.value >= 0 && n.value <= 4 ? n.value : null;
}

/** A round as it stands in the workbook: every cell by header, so that nothing is lost. */
export interface ExistingRound {
  headers: string[];
  rows: { id: string; cells: Map<string, CellValue>; notes: Map<string, string> }[];
}

export interface MatrixRow {
  id: string;
  handlungsfeld: string;
  massnahme: string;
  federfuehrung: string;
  status: string;
  frist: CellValue;
  /** Per criterion (same order as `criteria`): the cell as entered. */
  scores: CellValue[];
  inputs: Record<InputKey, CellValue>;
  /** Per column of `retiredColumns`. */
  retired: CellValue[];
  /** Per column of `extraColumns`. */
  extra: CellValue[];
  /** Notes (cell comments) by header. */
  notes: Map<string, string>;
}

export interface MatrixPlan {
  round: number;
  criteria: Criterion[];
  defaultCriteria: boolean;
  /** Headers `<Kriterium> (entfallen)` keeping scores under criteria that were removed. */
  retiredColumns: string[];
  /** Columns a user added to the round; kept as they are. */
  extraColumns: string[];
  rows: MatrixRow[];
  /** Handlungsfeld labels in order, for the summary. */
  handlungsfelder: string[];
  ampel: { gruenAb: number; gelbAb: number };
  /** What regeneration did, for the user. */
  stats: { added: number; kept: number; retired: number };
}

type Rec = RowRecord<string>;
const v = (r: Rec, f: string): CellValue => r.values[f] ?? null;
const norm = (s: string) => s.trim().toLowerCase();

function frist(value: CellValue): CellValue {
  const parsed = parseGermanDate(value);
  if (parsed.kind === "date" && parsed.precision === "day") return parsed.date as IsoDate;
  return textOf(value);
}

/**
 * The rows of a round: one per measure not `verworfen`, ordered by Handlungsfeld then ID, merged with
 * the existing round (by measure ID and column header, never by row).
 */
export function planRound(
  data: ConceptData,
  settings: Settings,
  round: number,
  existing: ExistingRound | null,
): MatrixPlan {
  const { criteria, defaults } = readCriteria(data);
  const hfOrder = new Map<string, number>();
  const hfLabel = new Map<string, string>();
  (data.handlungsfelder?.rows ?? []).forEach((h, i) => {
    const id = textOf(v(h, "id"));
    if (!id || hfOrder.has(idKey(id))) return;
    hfOrder.set(idKey(id), i);
    hfLabel.set(idKey(id), referenceLabel(id, textOf(v(h, "handlungsfeld"))));
  });
  const akteure = new Map<string, string>();
  for (const a of data.akteure?.rows ?? []) akteure.set(idKey(textOf(v(a, "id"))), textOf(v(a, "bezeichnung")));

  const fixedHeaders = new Set(
    [...MATRIX_COLUMNS.lead, ...MATRIX_COLUMNS.result, ...MATRIX_COLUMNS.input].map((c) => norm(c.header)),
  );
  const criterionNames = new Set(criteria.map((c) => norm(c.name)));
  const oldHeaders = existing?.headers ?? [];
  // Scores under a criterion that is gone move to `<Kriterium> (entfallen)`; earlier retired columns stay.
  const retiredColumns: string[] = [];
  const extraColumns: string[] = [];
  const leadEnd = MATRIX_COLUMNS.lead.length;
  oldHeaders.forEach((h, i) => {
    const n = norm(h);
    if (fixedHeaders.has(n) || criterionNames.has(n)) return;
    if (n.endsWith(ENTFALLEN_SUFFIX.trim()) && criterionNames.has(n.slice(0, -ENTFALLEN_SUFFIX.length).trim())) {
      retiredColumns.push(h); // a criterion that came back: its old scores stay retired unless moved below
      return;
    }
    if (n.endsWith(norm(ENTFALLEN_SUFFIX))) retiredColumns.push(h);
    else if (isOldCriterion(i, oldHeaders, leadEnd)) retiredColumns.push(`${h}${ENTFALLEN_SUFFIX}`);
    else extraColumns.push(h);
  });

  const oldById = new Map((existing?.rows ?? []).map((r) => [idKey(r.id), r]));
  // Each old row's cells by normalised header, made once per row (a round has thousands of rows).
  const byHeader = new WeakMap<ExistingRound["rows"][number], Map<string, CellValue>>();
  const get = (old: ExistingRound["rows"][number] | undefined, header: string): CellValue => {
    if (!old) return null;
    let cells = byHeader.get(old);
    if (!cells) {
      cells = new Map();
      for (const [h, value] of old.cells) if (!cells.has(norm(h))) cells.set(norm(h), value);
      byHeader.set(old, cells);
    }
    return cells.get(norm(header)) ?? null;
  };
  const retiredSource = (header: string) =>
    oldHeaders.find((h) => norm(h) === norm(header)) ??
    oldHeaders.find((h) => norm(`${h}${ENTFALLEN_SUFFIX}`) === norm(header)) ??
    header;

  const build = (
    old: ExistingRound["rows"][number] | undefined,
    base: Omit<MatrixRow, "scores" | "inputs" | "retired" | "extra" | "notes">,
  ): MatrixRow => ({
    ...base,
    scores: criteria.map((c) => {
      const kept = get(old, c.name);
      // a criterion that was removed and has come back gets its old scores back
      return kept ?? (old ? get(old, `${c.name}${ENTFALLEN_SUFFIX}`) : null);
    }),
    inputs: Object.fromEntries(MATRIX_COLUMNS.input.map((c) => [c.key, get(old, c.header)])) as Record<
      InputKey,
      CellValue
    >,
    retired: retiredColumns.map((h) => {
      const criterion = criteria.find((c) => norm(`${c.name}${ENTFALLEN_SUFFIX}`) === norm(h));
      return criterion ? null : get(old, retiredSource(h));
    }),
    extra: extraColumns.map((h) => get(old, h)),
    notes: old?.notes ?? new Map(),
  });

  const rows: MatrixRow[] = [];
  let added = 0;
  let kept = 0;
  const current = new Set<string>();
  for (const m of data.massnahmen.rows) {
    const id = textOf(v(m, "id"));
    if (!id || current.has(idKey(id))) continue;
    const status = matchListValue(v(m, "status"), STATUS_VALUES) ?? textOf(v(m, "status"));
    if (status === "verworfen") continue;
    current.add(idKey(id));
    const hfId = referenceId(v(m, "handlungsfeld"));
    const leadId = referenceId(v(m, "federfuehrung"));
    const old = oldById.get(idKey(id));
    if (old) kept++;
    else added++;
    rows.push(
      build(old, {
        id,
        handlungsfeld: hfLabel.get(idKey(hfId)) ?? textOf(v(m, "handlungsfeld")),
        massnahme: textOf(v(m, "titel")),
        federfuehrung: akteure.get(idKey(leadId)) || textOf(v(m, "federfuehrung")),
        status,
        frist: frist(v(m, "frist")),
      }),
    );
  }
  let retired = 0;
  for (const old of existing?.rows ?? []) {
    if (current.has(idKey(old.id))) continue;
    current.add(idKey(old.id));
    retired++;
    rows.push(
      build(old, {
        id: old.id,
        handlungsfeld: textOf(get(old, "Handlungsfeld")),
        massnahme: textOf(get(old, "Maßnahme")),
        federfuehrung: textOf(get(old, "Federführung")),
        status: ENTFALLEN,
        frist: get(old, "Frist"),
      }),
    );
  }
  // Ranks and collators made once: a round has thousands of rows (localeCompare with a locale builds a
  // collator per call, ten times slower).
  const rank = new Map(
    rows.map((r) => [r, hfOrder.get(idKey(referenceId(r.handlungsfeld))) ?? Number.MAX_SAFE_INTEGER]),
  );
  rows.sort(
    (a, b) =>
      rank.get(a)! - rank.get(b)! ||
      GERMAN.compare(a.handlungsfeld, b.handlungsfeld) ||
      GERMAN_NUMERIC.compare(a.id, b.id),
  );
  const handlungsfelder = [...new Set([...hfLabel.values(), ...rows.map((r) => r.handlungsfeld)])].filter((h) =>
    rows.some((r) => r.handlungsfeld === h),
  );
  return {
    round,
    criteria,
    defaultCriteria: defaults,
    retiredColumns,
    extraColumns,
    rows,
    handlungsfelder,
    ampel: { gruenAb: settings.ampelGruenAb, gelbAb: settings.ampelGelbAb },
    stats: { added, kept, retired },
  };
}

const GERMAN = new Intl.Collator("de");
const GERMAN_NUMERIC = new Intl.Collator("de", { numeric: true });

/** In an existing round, criteria stand between the lead columns and `Gesamt`. */
function isOldCriterion(index: number, headers: string[], leadEnd: number): boolean {
  const gesamt = headers.findIndex((h) => norm(h) === "gesamt");
  return index >= leadEnd && gesamt >= 0 && index < gesamt;
}
