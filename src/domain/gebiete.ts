/**
 * The Gebiete of the Integrationsmonitoring (docs/arbeitsmappe.md, Gebiete): the concept's own area
 * (Einstellungen `Gebiet`), the areas inside it (Gemeinden, Stadtteile, Sozialräume) and the comparison
 * areas (`Vergleich` ja). IDs are text: a leading zero is part of the key (`01001`). A value without a
 * Gebiet is the own area's, so `''` and the own area's ID name the same area.
 */
import type { CellValue } from "./dates";
import { EBENE_VALUES, type FieldsOf, type TableData } from "./model";
import { idKey, matchListValue, normalizeLabel, referenceId, textOf } from "./values";

export interface Gebiet {
  /** The ID as written in Gebiete (`01001`, `DG`, `SR-01`). */
  id: string;
  name: string;
  /** The Ebene of the list, or the cell's text where it is none of them. */
  ebene: string;
  /** The ID of the containing area ('' when none). */
  uebergeordnet: string;
  vergleich: boolean;
  row: number;
}

/** Ebenen from the smallest to the largest: comparison areas are listed in this order. */
const EBENE_RANK: Record<string, number> = {
  Sozialraum: 0,
  Stadtteil: 1,
  Gemeinde: 2,
  Gemeindeverband: 3,
  Kreis: 4,
  Regierungsbezirk: 5,
  Land: 6,
  Bund: 7,
};

/** The rows of Gebiete with an ID; the first of a doubled ID wins. */
export function readGebiete(table: TableData<FieldsOf<"gebiete">> | null): Gebiet[] {
  const seen = new Set<string>();
  const out: Gebiet[] = [];
  for (const row of table?.rows ?? []) {
    const id = gebietText(row.values.id ?? null);
    if (id === "" || seen.has(idKey(id))) continue;
    seen.add(idKey(id));
    const ebene = row.values.ebene ?? null;
    out.push({
      id,
      name: textOf(row.values.gebiet ?? null),
      ebene: matchListValue(ebene, EBENE_VALUES) ?? textOf(ebene),
      uebergeordnet: gebietText(row.values.uebergeordnet ?? null),
      vergleich: normalizeLabel(textOf(row.values.vergleich ?? null)) === "ja",
      row: row.row,
    });
  }
  return out;
}

/** The key a Gebiet cell names: the ID of `ID – Name`, as text. */
export function gebietText(value: CellValue): string {
  return referenceId(value);
}

/** The Gebiete of a concept with its own area, for looking up a value's area. */
export class GebietIndex {
  readonly list: readonly Gebiet[];
  /** The own area's ID as spelled in Gebiete (or in Einstellungen when Gebiete lacks it); '' when none is set. */
  readonly own: string;
  private readonly byKey: Map<string, Gebiet>;

  constructor(gebiete: readonly Gebiet[], setting: string) {
    this.list = gebiete;
    this.byKey = new Map(gebiete.map((g) => [idKey(g.id), g]));
    this.own = ownAreaId(setting, this.byKey);
  }

  get(id: string): Gebiet | undefined {
    return this.byKey.get(idKey(id));
  }

  /** The area a value's Gebiet cell names: '' and the own area's key are the own area; else the Gebiet's ID. */
  areaOf(value: CellValue): string {
    const text = gebietText(value);
    if (text === "" || (this.own !== "" && idKey(text) === idKey(this.own))) return this.own;
    return this.get(text)?.id ?? text;
  }

  /** Whether a Gebiet cell names an area that is the own one or stands in Gebiete. */
  known(value: CellValue): boolean {
    const text = gebietText(value);
    return text === "" || idKey(text) === idKey(this.own) || this.byKey.has(idKey(text));
  }

  /** The name of an area for a reader: its name in Gebiete, else its ID (the own area without ID: `fallback`). */
  nameOf(id: string, fallback = "eigenes Gebiet"): string {
    if (id === "") return fallback;
    return this.get(id)?.name || id;
  }

  /**
   * Whether an area lies inside the own area: its chain of Übergeordnet reaches the own area, or its
   * official key begins with the own area's (a Gemeinde `01001000` in the Kreis `01001`).
   */
  inside(id: string): boolean {
    if (this.own === "" || idKey(id) === idKey(this.own)) return false;
    if (/^\d+$/.test(this.own) && /^\d+$/.test(id) && id.startsWith(this.own)) return true;
    const seen = new Set<string>();
    for (let g = this.get(id); g && g.uebergeordnet !== ""; g = this.get(g.uebergeordnet)) {
      if (idKey(g.uebergeordnet) === idKey(this.own)) return true;
      if (seen.has(idKey(g.id))) return false;
      seen.add(idKey(g.id));
    }
    return false;
  }

  /** The areas inside the own area, in the order of Gebiete. */
  innerAreas(): Gebiet[] {
    return this.list.filter((g) => !g.vergleich && this.inside(g.id));
  }

  /** The comparison areas (`Vergleich` ja), from the smallest Ebene to the largest, else in the order of Gebiete. */
  comparisonAreas(): Gebiet[] {
    const rank = (g: Gebiet) => EBENE_RANK[g.ebene] ?? 4.5;
    return this.list
      .filter((g) => g.vergleich && idKey(g.id) !== idKey(this.own))
      .sort((a, b) => rank(a) - rank(b) || a.row - b.row);
  }
}

/**
 * The own area's ID: Einstellungen `Gebiet` as written, or as Gebiete spells it; a number cell that lost the
 * leading zero of its key (`1001` for `01001`) finds its Gebiet.
 */
function ownAreaId(setting: string, byKey: Map<string, Gebiet>): string {
  const text = referenceId(setting);
  if (text === "") return "";
  const hit = byKey.get(idKey(text)) ?? (/^\d+$/.test(text) ? byKey.get(`0${text}`) : undefined);
  return hit?.id ?? text;
}
