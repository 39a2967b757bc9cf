/**
 * What a concept still lacks, counted from the findings of `check` and each with the place that fixes it:
 * „7 Maßnahmen ohne Handlungsfeld: Handlungsfelder anlegen“. After an import (a list without Handlungsfelder,
 * Ziele or Akteure) these are the steps that lead to a workbook without structural errors.
 */
import type { ConceptData, EntityKind } from "../../../domain/model";
import type { Finding, RuleCode } from "../../../domain/rules";
import type { NavTarget } from "../../session";
import { LISTS, type ListKind, rowsOf } from "./model";

export interface Gap {
  /** `7 Maßnahmen ohne Handlungsfeld` */
  text: string;
  /** `Handlungsfelder anlegen` */
  action: string;
  target: NavTarget;
}

interface GapRule {
  /** Which findings count (one per row of the measure, Ziel … they are about). */
  rules: RuleCode[];
  /** Only findings in this table, at this field. */
  kind?: EntityKind;
  field?: string;
  /** `Maßnahme ohne Handlungsfeld` / `Maßnahmen ohne Handlungsfeld` */
  noun: readonly [string, string];
  /** The list that has to be filled (or completed) to fix it. */
  list: ListKind | "einstellungen";
  /** Whose rows are missing (`anlegen`) or incomplete (`ergänzen`). */
  verb: "anlegen" | "ergänzen";
}

/** A required list whose sheet is missing: the list editor creates it with its first row. */
const missingSheet = (list: ListKind): GapRule => ({
  rules: ["BLATT_FEHLT"],
  kind: list,
  noun: [`fehlendes Blatt „${LISTS[list].label}“`, `fehlende Blätter „${LISTS[list].label}“`],
  list,
  verb: "anlegen",
});

const GAP_RULES: GapRule[] = [
  ...(["handlungsfelder", "ziele", "indikatoren", "akteure"] as const).map(missingSheet),
  {
    rules: ["PFLICHTFELD_LEER", "VERWEIS_UNBEKANNT"],
    kind: "massnahmen",
    field: "handlungsfeld",
    noun: ["Maßnahme ohne Handlungsfeld", "Maßnahmen ohne Handlungsfeld"],
    list: "handlungsfelder",
    verb: "anlegen",
  },
  {
    rules: ["PFLICHTFELD_LEER", "VERWEIS_UNBEKANNT"],
    kind: "massnahmen",
    field: "ziel",
    noun: ["Maßnahme ohne Ziel", "Maßnahmen ohne Ziel"],
    list: "ziele",
    verb: "anlegen",
  },
  {
    rules: ["M_INDIKATOR_FEHLT", "VERWEIS_UNBEKANNT"],
    kind: "massnahmen",
    field: "indikatoren",
    noun: ["Maßnahme ohne Indikator", "Maßnahmen ohne Indikator"],
    list: "indikatoren",
    verb: "anlegen",
  },
  {
    rules: ["A_FEDERFUEHRUNG_FEHLT", "A_FEDERFUEHRUNG_UNBEKANNT"],
    noun: ["Maßnahme ohne Federführung aus den Akteuren", "Maßnahmen ohne Federführung aus den Akteuren"],
    list: "akteure",
    verb: "anlegen",
  },
  {
    rules: ["A_KONTAKT_FEHLT"],
    noun: ["Maßnahme, deren Federführung keinen Kontakt hat", "Maßnahmen, deren Federführung keinen Kontakt hat"],
    list: "akteure",
    verb: "ergänzen",
  },
  {
    rules: ["K_HANDLUNGSFELD_OHNE_ZIEL"],
    noun: ["Handlungsfeld ohne Ziel", "Handlungsfelder ohne Ziel"],
    list: "ziele",
    verb: "anlegen",
  },
  {
    rules: ["K_ZIEL_OHNE_INDIKATOR"],
    noun: ["Ziel ohne Indikator", "Ziele ohne Indikator"],
    list: "indikatoren",
    verb: "anlegen",
  },
  {
    rules: ["M_INDIKATOR_UNVOLLSTAENDIG"],
    noun: [
      "Indikator ohne Basiswert, Zielwert oder Datenquelle",
      "Indikatoren ohne Basiswert, Zielwert oder Datenquelle",
    ],
    list: "indikatoren",
    verb: "ergänzen",
  },
  {
    rules: ["EINSTELLUNG_UNGUELTIG"],
    noun: ["Einstellung, die sich nicht lesen lässt", "Einstellungen, die sich nicht lesen lassen"],
    list: "einstellungen",
    verb: "ergänzen",
  },
];

const LIST_LABEL = (list: GapRule["list"]) => (list === "einstellungen" ? "Einstellungen" : LISTS[list].label);

/** Where a gap is fixed: the list to fill, or (when the list has rows already) the first measure to complete. */
function targetOf(concept: ConceptData, rule: GapRule, first: Finding): { target: NavTarget; action: string } {
  if (rule.list === "einstellungen")
    return { target: { view: "listen", kind: "einstellungen" }, action: "Einstellungen ergänzen" };
  const empty = rowsOf(concept, rule.list).length === 0;
  if (first.kind === "massnahmen" && !empty && rule.verb === "anlegen" && first.id) {
    return {
      target: { view: "massnahme", id: first.id, ...(first.field ? { field: first.field } : {}) },
      action: `${first.id} im Formular zuordnen`,
    };
  }
  const id = rule.rules.includes("A_KONTAKT_FEHLT") ? String((first.params as { lead?: string }).lead ?? "") : null;
  const about = first.kind === rule.list ? first.id : id;
  return {
    target: { view: "listen", kind: rule.list, ...(about ? { id: about } : {}) },
    action: `${LIST_LABEL(rule.list)} ${rule.verb}`,
  };
}

/** The gaps of a concept, most basic first; each counts the rows (not the findings) it is about. */
export function conceptGaps(concept: ConceptData, findings: Finding[]): Gap[] {
  const gaps: Gap[] = [];
  for (const rule of GAP_RULES) {
    const hits = findings.filter(
      (f) =>
        rule.rules.includes(f.rule) && (!rule.kind || f.kind === rule.kind) && (!rule.field || f.field === rule.field),
    );
    if (hits.length === 0) continue;
    const rows = new Set(hits.map((f) => `${f.sheet}!${f.id ?? f.cell}`));
    const n = rows.size;
    gaps.push({ text: `${n} ${rule.noun[n === 1 ? 0 : 1]}`, ...targetOf(concept, rule, hits[0]!) });
  }
  return gaps;
}
