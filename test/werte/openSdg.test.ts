/** Open SDG CSVs built as the Länder publish them: BOM, `,`, quoted names, two dimensions, empty values. */
import { problemText, readStatisticsFile } from "../../src/workbook/werte";
import { statisticsGrids } from "../../src/xlsx/statisticsSource";
import { utf8 } from "./genesisFile";
import { expectComplete, gebiet, mapped, tableOf, valueAt } from "./helpers";

const HEADER = "Year,Gebietseinheit,Geschlecht,Staatsangehörigkeit,Units,GeoCode,Value";
const LINES = [
  '2023,"Gifhorn",Insgesamt,Insgesamt,Prozent,K03151,12.5',
  '2023,"Gifhorn",Frauen,Insgesamt,Prozent,K03151,11.25',
  '2023,"Gifhorn",Frauen,Ausländer/-innen,Prozent,K03151,',
  '2023,"Gifhorn",Männer,Ausländer/-innen,Prozent,K03151,30.0',
  '2023,"Wolfsburg, Stadt",Insgesamt,Insgesamt,Prozent,K03103,20.1',
  '2023,"Niedersachsen",Insgesamt,Insgesamt,Prozent,K030,14.75',
  '2023,"Statistische Region Braunschweig",Insgesamt,Insgesamt,Prozent,K031,13',
  '2024,"Gifhorn",Frauen,Ausländer/-innen,Prozent,K03151,9.5',
  '2024,"Gifhorn",Frauen,Ausländer/-innen,Prozent,K03151,',
  '2024,"Emsland",Insgesamt,Insgesamt,Prozent,,8.5',
  '2024,"Nordkreis",Insgesamt,Insgesamt,Prozent,,7',
];
const FILE = utf8([HEADER, ...LINES].join("\r\n") + "\r\n", true);
const GEBIETE = [
  gebiet("03", "Niedersachsen", "Land", { vergleich: "ja" }),
  gebiet("03151", "Gifhorn", "Kreis", { uebergeordnet: "03" }),
  gebiet("03454", "Emsland", "Kreis", { vergleich: "ja" }),
];

describe("Open SDG", () => {
  it("two dimensions make the Gruppe in column order; Insgesamt is left out; the Units are no Gruppe", async () => {
    const table = await tableOf(FILE, "lsn_indicator_9-9-9.csv");
    expect(table).toMatchObject({ format: "Open SDG", decimal: "point" });
    expect(table.dimensions.map((d) => d.name)).toEqual(["Geschlecht", "Staatsangehörigkeit"]);
    const result = mapped(table, { zuordnung: { indikator: "I-040" }, eigenesGebiet: "03151", gebiete: GEBIETE });
    const at = (stichtag: string, gebiet: string, gruppe: string) => valueAt(result, { stichtag, gebiet, gruppe });
    expect(at("2023-12-31", "03151", "")).toMatchObject({ wert: 12.5, zelle: "G2", quelle: "lsn_indicator_9-9-9.csv" });
    expect(at("2023-12-31", "03151", "Frauen").wert).toBe(11.25);
    expect(at("2023-12-31", "03151", "Männer | Ausländer/-innen").wert).toBe(30);
    expect(at("2024-12-31", "03151", "Frauen | Ausländer/-innen").wert).toBe(9.5);
    expect(at("2023-12-31", "03", "").wert).toBe(14.75);
    // A row without GeoCode is matched by its name.
    expect(at("2024-12-31", "03454", "").wert).toBe(8.5);
    expectComplete(result, LINES.length);
  });

  it("an empty Value is no value but a line of Werteübernahme; areas outside and unknown names are listed", async () => {
    const table = await tableOf(FILE, "lsn.csv");
    const result = mapped(table, { zuordnung: { indikator: "I-040" }, eigenesGebiet: "03151", gebiete: GEBIETE });
    expect(result.uebernahme.map((l) => [l.zelle, l.grund, l.anzahl])).toEqual([
      ["G4", { code: "WERT_LEER" }, 1],
      ["F6", { code: "GEBIET_AUSSERHALB", gebiet: "03103", name: "Wolfsburg, Stadt", zeilen: 1 }, 1],
      ["F8", { code: "GEBIET_AUSSERHALB", gebiet: "031", name: "Statistische Region Braunschweig", zeilen: 1 }, 1],
      ["G10", { code: "WERT_LEER" }, 1],
      ["B12", { code: "GEBIET_UNBEKANNT", name: "Nordkreis", zeilen: 1 }, 1],
    ]);
    expectComplete(result, LINES.length);
  });

  it("the separator is the comma even where a first line would suggest otherwise", async () => {
    const { grids, kind } = await statisticsGrids(FILE, "lsn.csv");
    expect(kind).toBe("CSV (UTF-8 (BOM), getrennt mit Komma)");
    const read = readStatisticsFile(grids, "lsn.csv");
    expect(read.ok).toBe(true);
  });

  it("a file with Year and Value but no area column is no statistics table", async () => {
    const bytes = utf8("Year,Geschlecht,Units,Value\n2023,Insgesamt,Prozent,12.5\n", true);
    const { grids } = await statisticsGrids(bytes, "national.csv");
    const read = readStatisticsFile(grids, "national.csv");
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(problemText(read.problem)).toBe(
        "Die Datei „national.csv“ ist keine Statistiktabelle: sie sieht aus wie eine Open-SDG-Datei, aber es fehlt eine Spalte mit Gebieten (Amtlicher Gemeindeschlüssel oder Name). Übernommen werden GENESIS-Exporte, Open-SDG-Dateien und Tabellen mit einer Spalte für die Zeit, einer für das Gebiet und Spalten mit Werten.",
      );
  });
});
