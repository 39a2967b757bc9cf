/** A concept with an Integrationsmonitoring for the tests: Gebiete, Basisindikatoren, values by Gebiet and Gruppe. */
import { type ConceptRows, baseline } from "./concept";

/** The baseline with an own Kreis, two Gemeinden, Land and Bund, and three Basisindikatoren with values. */
export function withMonitoring(): ConceptRows {
  const rows = baseline();
  Object.assign(rows.indikatoren![0]!, { einheit: "%", basisjahr: 2025, zieljahr: 2030, erhebungsturnus: "jährlich" });
  Object.assign(rows.indikatoren![1]!, { einheit: "Anzahl", basisjahr: "2025", zieljahr: 2030 });
  rows.einstellungen!.push({ schluessel: "Gebiet", wert: "09999" });
  rows.gebiete = [
    { id: "09999", gebiet: "Landkreis Muster", ebene: "Kreis", uebergeordnet: "09" },
    { id: "09999001", gebiet: "Musterstadt", ebene: "Gemeinde", uebergeordnet: "09999" },
    { id: "09999002", gebiet: "Beispieldorf", ebene: "Gemeinde", uebergeordnet: "09999 – Landkreis Muster" },
    { id: "09", gebiet: "Bayern", ebene: "Land", vergleich: "ja" },
    { id: "DG", gebiet: "Deutschland", ebene: "Bund", vergleich: "ja" },
  ];
  const basis = { art: "Basisindikator", einheit: "Anzahl", datenquelle: "Landesamt für Statistik" };
  rows.indikatoren!.push(
    { id: "I-020", indikator: "Bevölkerung", ...basis },
    { id: "I-021", indikator: "Ausländer/-innen", ...basis, handlungsfeld: "HF-01" },
    { id: "I-022", indikator: "Ausländeranteil", ...basis, einheit: "%", berechnung: "I-021 / I-020" },
  );
  const v = (indikator: string, stichtag: number, gebiet: string, wert: number | null, extra = {}) => ({
    indikator,
    stichtag,
    gebiet,
    wert,
    quelle: "GENESIS 12411-01-01-4",
    abgerufenAm: "01.03.2026",
    ...extra,
  });
  rows.indikatorwerte = [
    v("I-020", 2024, "09999", 100000),
    v("I-020", 2025, "", 101000),
    v("I-020", 2025, "09999001 – Musterstadt", 40000),
    v("I-020", 2025, "09999002", 2000),
    v("I-020", 2025, "09", 13_000_000),
    v("I-021", 2024, "09999", 9000),
    v("I-021", 2025, "09999", 10100),
    v("I-021", 2025, "09999001", 5000),
    v("I-021", 2025, "09999002", null, { kennzeichen: "." }),
    v("I-021", 2025, "09999001", 2600, { gruppe: "weiblich" }),
    v("I-020", 2025, "09999001", 20500, { gruppe: "weiblich" }),
    { indikator: "I-002", stichtag: "2025", wert: 5000 },
    { indikator: "I-002", stichtag: "2026-06-30", wert: "5.200" },
  ];
  return rows;
}
