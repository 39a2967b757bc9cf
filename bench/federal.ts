/**
 * The federal GENESIS table of the benchmarks (issue 19): all Kreise with their Länder and
 * Regierungsbezirke, 21 age groups, 9 columns (Deutsche/Ausländer × Geschlecht), about 11,500 rows, as
 * Windows-1252 CSV — what a Kreis downloads from the Regionaldatenbank.
 */
import { type GenesisArea, genesisCsv, windows1252 } from "../test/werte/genesisFile";

const AGES = [
  "unter 3 Jahre",
  "3 bis unter 6 Jahre",
  "6 bis unter 10 Jahre",
  "10 bis unter 15 Jahre",
  "15 bis unter 18 Jahre",
  "18 bis unter 20 Jahre",
  "20 bis unter 25 Jahre",
  "25 bis unter 30 Jahre",
  "30 bis unter 35 Jahre",
  "35 bis unter 40 Jahre",
  "40 bis unter 45 Jahre",
  "45 bis unter 50 Jahre",
  "50 bis unter 55 Jahre",
  "55 bis unter 60 Jahre",
  "60 bis unter 65 Jahre",
  "65 bis unter 75 Jahre",
  "75 bis unter 85 Jahre",
  "85 bis unter 90 Jahre",
  "90 Jahre und mehr",
  "Insgesamt",
  "darunter unter 18 Jahre",
];

/** DG, 16 Länder, 2–3 Regierungsbezirke each, and 30 Kreise per Land: 535 areas. */
function areas(): GenesisArea[] {
  const out: GenesisArea[] = [{ key: "DG", name: "Deutschland", depth: 0 }];
  for (let land = 1; land <= 16; land++) {
    const l = String(land).padStart(2, "0");
    out.push({ key: l, name: `Land ${l}`, depth: 1 });
    const districts = land % 2 === 0 ? 3 : 2;
    for (let rb = 1; rb <= districts; rb++) {
      out.push({ key: `${l}${rb}`, name: `Regierungsbezirk ${l}${rb}, Stat. Region`, depth: 2 });
      for (let k = 0; k < 30 / districts; k++) {
        const key = `${l}${rb}${String(51 + k).padStart(2, "0")}`;
        out.push({ key, name: `Kreis ${key}, Landkreis`, depth: 3 });
      }
    }
  }
  return out;
}

export function federalTable(): Uint8Array {
  const nationality = ["Insgesamt", "Deutsche", "Ausländer(innen)"].flatMap((n) => [n, n, n]);
  const sex = nationality.map((_, i) => ["Insgesamt", "männlich", "weiblich"][i % 3]!);
  return windows1252(
    genesisCsv({
      code: "12411-03-03-4",
      titleLines: [
        "Bevölkerungsstand: Bevölkerung nach Geschlecht, Nationalität",
        "und Altersgruppen (21) - Stichtag 31.12. - (ab 2011)",
        "regionale Tiefe: Kreise und krfr. Städte",
        "Fortschreibung des Bevölkerungsstandes",
        "Bevölkerungsstand (Anzahl)",
      ],
      header: [nationality, sex],
      times: ["31.12.2023"],
      dims: AGES,
      areas: areas(),
      cell: (_t, a, d, c) => ((a * 7 + d * 3 + c) % 97 === 0 ? "." : String(1000 + a * 31 + d * 7 + c)),
    }),
  );
}
