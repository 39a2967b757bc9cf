/**
 * Where each finding is fixed in the pane: the field of the SMART form, the row of a list, the Monitoring
 * form for a missing Sachstand or value. Read from the finding's parts (its table, field, ID and the
 * parameters of its message), never from its text.
 */
import type { EntityKind } from "../../../domain/model";
import type { Finding } from "../../../domain/rules";
import { columnSpec, tableSpec } from "../../../workbook/contract";
import type { NavTarget } from "../../session";

export interface Fix {
  target: NavTarget;
  /** The button's text: what the user does there (`Zielwert im Formular`). */
  label: string;
}

const LISTS = ["handlungsfelder", "ziele", "indikatoren", "akteure", "prozessplan", "gebiete"] as const;
type ListKind = (typeof LISTS)[number];
const isList = (kind: EntityKind): kind is ListKind => (LISTS as readonly string[]).includes(kind);

/** The header of a field, for the button (`Zielwert`). */
function header(kind: EntityKind, field: string | null): string | null {
  if (!field || field === "id") return null;
  try {
    return columnSpec(kind, field as never).header;
  } catch {
    return null;
  }
}

/** Findings whose fix is somewhere else than their own cell. */
function special(f: Finding): Fix | null | undefined {
  const p = f.params as { lead?: string };
  switch (f.rule) {
    case "SACHSTAND_FEHLT":
      return f.id ? { target: { view: "monitoring", measure: f.id }, label: "Sachstand eintragen" } : null;
    case "A_KONTAKT_FEHLT":
      return { target: { view: "listen", kind: "akteure", id: p.lead! }, label: `Kontakt bei ${p.lead} ergänzen` };
    case "K_HANDLUNGSFELD_OHNE_ZIEL":
      return { target: { view: "listen", kind: "ziele" }, label: "Ziel anlegen" };
    case "K_ZIEL_OHNE_INDIKATOR":
      return { target: { view: "listen", kind: "indikatoren" }, label: "Indikator anlegen" };
    case "K_ZIEL_OHNE_MASSNAHME":
      return { target: { view: "massnahme" }, label: "Maßnahme anlegen" };
    case "I_WERT_FEHLT":
      return f.id ? { target: { view: "monitoring", indicator: f.id }, label: "Wert eintragen" } : null;
    case "I_ZIEL_GEFAEHRDET":
      return f.id ? { target: { view: "monitoring", indicator: f.id }, label: "Im Monitoring ansehen" } : null;
    case "BLATT_FEHLT":
      return isList(f.kind)
        ? { target: { view: "listen", kind: f.kind }, label: `${tableSpec(f.kind).sheet} anlegen` }
        : null;
    case "SPALTE_FEHLT":
    case "K_HANDLUNGSFELD_OHNE_BESTAND": // Angebote are kept in their sheet (or a circulated form)
      return null;
    case "SACHSTAND_UNGUELTIG":
    case "I_WERT_UNGUELTIG": {
      // A row that names no or an unknown measure or indicator is fixed in its cell.
      const { problem } = f.params as { problem: string };
      return ["unbekannt", "massnahme", "indikator"].includes(problem) ? null : undefined;
    }
    default:
      return undefined;
  }
}

/** The place that fixes a finding, or null when only the cell itself can (e.g. a missing column). */
export function fixOf(f: Finding): Fix | null {
  const s = special(f);
  if (s !== undefined) return s;
  if (f.kind === "massnahmen") {
    if (!f.id) return null;
    const field = header(f.kind, f.field);
    return {
      target: { view: "massnahme", id: f.id, ...(f.field && f.field !== "id" ? { field: f.field } : {}) },
      label: field ? `${field} im Formular` : "Im Formular öffnen",
    };
  }
  if (isList(f.kind)) {
    const field = header(f.kind, f.field);
    return f.id
      ? {
          target: { view: "listen", kind: f.kind, id: f.id },
          label: field ? `${field} bearbeiten` : `${f.id} bearbeiten`,
        }
      : { target: { view: "listen", kind: f.kind }, label: `${tableSpec(f.kind).sheet} öffnen` };
  }
  if (f.kind === "einstellungen")
    return { target: { view: "listen", kind: "einstellungen" }, label: "Einstellungen öffnen" };
  if (f.kind === "sachstaende" && f.id)
    return { target: { view: "monitoring", measure: f.id }, label: "Im Monitoring öffnen" };
  if (f.kind === "indikatorwerte" && f.id) {
    return { target: { view: "monitoring", indicator: f.id }, label: "Im Monitoring öffnen" };
  }
  return null;
}
