/**
 * Areas of a statistics file against the sheet Gebiete: matched by key (else by name where the file has
 * no key), taken when known, inside the own area (Einstellungen `Gebiet`: its key is a prefix) or with
 * `--alle-gebiete`; the areas taken that Gebiete lacks are added with their published name, Ebene and
 * Übergeordnet. Keys of the Regionaldatenbank: `DG` Bund, 2 digits Land, 3 Regierungsbezirk or
 * Statistische Region, 5 Kreis, 7 and 9 Gemeindeverband, 8 Gemeinde (or, where 11-digit keys extend it, a
 * Samtgemeinde), 10 and 11 a Gemeinde inside its Verband (5 + 2 or 3 + 3 digits), 12 the
 * Regionalschlüssel. A Gemeinde's ID is always its 8-digit AGS: the Verband digits are dropped.
 */
import { idKey, normalizeLabel } from "../../domain/values";
import type { AreaCell, DataRecord } from "./table";

export type Ebene = "Bund" | "Land" | "Regierungsbezirk" | "Kreis" | "Gemeindeverband" | "Gemeinde";

/** A row of the sheet Gebiete, as the workbook holds it or as `werte` adds it. */
export interface GebietEintrag {
  id: string;
  gebiet: string;
  ebene: string;
  uebergeordnet: string;
  /** `ja` for a comparison area outside the own area, else ''. */
  vergleich: string;
}

/** The ID of a published key: a Gemeinde's key with Verband digits becomes its AGS. */
export function areaId(key: string): string {
  switch (key.length) {
    case 10:
      return key.slice(0, 5) + key.slice(7);
    case 11:
      return key.slice(0, 5) + key.slice(8);
    case 12:
      return key.slice(0, 5) + key.slice(9);
    default:
      return key;
  }
}

export function ebeneOf(key: string, samtgemeinden: ReadonlySet<string>): Ebene {
  if (key === "DG") return "Bund";
  switch (key.length) {
    case 2:
      return "Land";
    case 3:
      return "Regierungsbezirk";
    case 5:
      return "Kreis";
    case 7:
    case 9:
      return "Gemeindeverband";
    case 8:
      return samtgemeinden.has(key) ? "Gemeindeverband" : "Gemeinde";
    default:
      return "Gemeinde";
  }
}

/** How many leading digits of a Gemeinde key with Verband digits name its Verband. */
const VERBAND_DIGITS: Partial<Record<number, number>> = { 10: 7, 11: 8, 12: 9 };

/** The keys that contain a published key, longest first (`03151401002` → `03151401`, `03151`, `031`, `03`, `DG`). */
function containingKeys(key: string): string[] {
  if (key === "DG") return [];
  const verband = VERBAND_DIGITS[key.length];
  const lengths = verband ? [verband, 5, 3, 2] : [8, 7, 5, 3, 2];
  return [...lengths.filter((n) => n < key.length).map((n) => key.slice(0, n)), "DG"];
}

export type AreaDecision =
  | { kind: "taken"; id: string }
  | { kind: "outside"; id: string }
  /** Given only by name, and Gebiete has no area of that name. */
  | { kind: "unknown" };

export interface AreaOptions {
  gebiete: readonly GebietEintrag[];
  /** Einstellungen `Gebiet`; '' when not set (then only the areas of Gebiete are inside). */
  eigenesGebiet: string;
  alleGebiete: boolean;
}

export class AreaResolver {
  private readonly known = new Map<string, string>();
  private readonly byName = new Map<string, string | null>();
  private readonly decided = new Map<string, AreaDecision>();
  private readonly added = new Map<string, GebietEintrag & { key: string }>();
  private readonly samtgemeinden = new Set<string>();
  private readonly own: string;

  constructor(
    records: readonly DataRecord[],
    private readonly options: AreaOptions,
  ) {
    for (const g of options.gebiete) {
      if (g.id.trim() === "") continue;
      this.known.set(idKey(g.id), g.id.trim());
      const name = normalizeLabel(g.gebiet);
      if (name !== "") this.byName.set(name, this.byName.has(name) ? null : g.id.trim());
    }
    this.own = options.eigenesGebiet.trim();
    for (const r of records) if (r.area?.key?.length === 11) this.samtgemeinden.add(r.area.key.slice(0, 8));
  }

  resolve(area: AreaCell): AreaDecision {
    const memo = area.key ?? `\u0000${area.name}`;
    let decision = this.decided.get(memo);
    if (!decision) {
      decision = area.key === null ? this.byNameOf(area.name) : this.byKey(area.key, area.name);
      this.decided.set(memo, decision);
    }
    return decision;
  }

  private byNameOf(name: string): AreaDecision {
    const id = this.byName.get(normalizeLabel(name));
    return id ? { kind: "taken", id } : { kind: "unknown" };
  }

  private byKey(key: string, name: string): AreaDecision {
    const id = areaId(key);
    const known = this.known.get(idKey(id));
    if (known) return { kind: "taken", id: known };
    const inside = this.own !== "" && id.startsWith(this.own);
    if (!inside && !this.options.alleGebiete) return { kind: "outside", id };
    if (!this.added.has(id)) {
      const ebene = ebeneOf(key, this.samtgemeinden);
      this.added.set(id, { id, gebiet: name, ebene, uebergeordnet: "", vergleich: inside ? "" : "ja", key });
    }
    return { kind: "taken", id };
  }

  /** The areas taken that Gebiete lacks, in the order of the file, each with the nearest containing area. */
  newAreas(): GebietEintrag[] {
    const present = new Map<string, string>(this.known);
    for (const id of this.added.keys()) present.set(idKey(id), id);
    if (this.own !== "") present.set(idKey(this.own), this.own);
    return [...this.added.values()].map(({ key, ...entry }) => {
      const parent = containingKeys(key)
        .map((k) => present.get(idKey(areaId(k))))
        .find((id) => id !== undefined && id !== entry.id);
      return { ...entry, uebergeordnet: parent ?? "" };
    });
  }
}
