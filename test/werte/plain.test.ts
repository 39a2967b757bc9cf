/**
 * Plain statistics tables, long and wide, as .csv and .xlsx (built with exceljs as a user's file would
 * be): the header among the first ten rows, AGS or names, years as columns, a dimension column.
 */
import ExcelJS from "exceljs";
import { problemText, readStatisticsFile } from "../../src/workbook/werte";
import { statisticsGrids } from "../../src/xlsx/statisticsSource";
import { utf8, windows1252 } from "./genesisFile";
import { expectComplete, gebiet, mapped, tableOf, valueAt } from "./helpers";

const GEBIETE = [
  gebiet("15", "Sachsen-Anhalt", "Land", { vergleich: "ja" }),
  gebiet("15083", "Landkreis Börde", "Kreis", { uebergeordnet: "15" }),
  gebiet("15083040", "Barleben", "Gemeinde", { uebergeordnet: "15083" }),
];
const OWN = { eigenesGebiet: "15083", gebiete: GEBIETE };

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("plain CSV tables", () => {
  it("wide, `;`, decimal comma: title rows above the header, a source line below the data", async () => {
    const text = [
      "Bevölkerung nach Gemeinden;;;;;;",
      ";;;;;;",
      "AGS;Gemeinde;Jahr;Insgesamt;männlich;weiblich;Ausländeranteil (%)",
      "15083040;Barleben;2022;9.229;4.529;4.700;3,5",
      "15083190;Haldensleben, Stadt;2022;19.012;.;.;4,25",
      "15083;Landkreis Börde;2022;170.000;85.000;85.000;",
      "15082;Anhalt-Bitterfeld;2022;158.000;78.000;80.000;5",
      "Quelle: Statistisches Landesamt Sachsen-Anhalt;;;;;;",
    ].join("\r\n");
    const table = await tableOf(windows1252(text), "gemeinden.csv");
    expect(table).toMatchObject({ format: "Tabelle", decimal: "comma", source: "gemeinden.csv" });
    const zuordnung = {
      spalten: { Insgesamt: "I-020", männlich: "I-020", weiblich: "I-020", "Ausländeranteil (%)": "I-021" },
    };
    const result = mapped(table, { ...OWN, zuordnung });
    const at = (indikator: string, gebiet: string, gruppe: string) =>
      valueAt(result, { indikator, stichtag: "2022-12-31", gebiet, gruppe });
    expect(at("I-020", "15083040", "")).toMatchObject({ wert: 9229, zelle: "D4" });
    expect(at("I-020", "15083040", "weiblich").wert).toBe(4700);
    expect(at("I-020", "15083190", "männlich")).toMatchObject({ wert: null, kennzeichen: "." });
    expect(at("I-021", "15083190", "").wert).toBe(4.25);
    expect(result.neueGebiete).toEqual([
      { id: "15083190", gebiet: "Haldensleben, Stadt", ebene: "Gemeinde", uebergeordnet: "15083", vergleich: "" },
    ]);
    expect(result.uebernahme.map((l) => [l.zelle, l.grund.code, l.anzahl])).toEqual([
      ["G6", "WERT_LEER", 1],
      ["A7", "GEBIET_AUSSERHALB", 4],
    ]);
    expectComplete(result, 4 * 4);
  });

  it("long, `,`, decimal point, areas by name; a name Gebiete lacks is listed", async () => {
    const text = [
      "Jahr,Gebiet,Geschlecht,Einheit,Wert",
      "2022,Landkreis Börde,weiblich,Anzahl,85000",
      "2022,Barleben,weiblich,Anzahl,4700.5",
      "2023,Barleben,Insgesamt,Anzahl,9300",
      "2023,Barleben,weiblich,Anzahl,x",
      '2023,"Irgendwo, Stadt",weiblich,Anzahl,12',
    ].join("\n");
    const table = await tableOf(utf8(text), "lang.csv");
    expect(table).toMatchObject({ decimal: "point" });
    expect(table.dimensions.map((d) => d.name)).toEqual(["Geschlecht"]);
    const result = mapped(table, OWN);
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "15083040", gruppe: "weiblich" }).wert).toBe(4700.5);
    expect(valueAt(result, { stichtag: "2023-12-31", gebiet: "15083040", gruppe: "" }).wert).toBe(9300);
    expect(valueAt(result, { stichtag: "2023-12-31", gebiet: "15083040", gruppe: "weiblich" }).kennzeichen).toBe("x");
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "15083", gruppe: "weiblich" }).wert).toBe(85000);
    expect(result.uebernahme).toEqual([
      {
        datei: "lang.csv",
        zelle: "B6",
        grund: { code: "GEBIET_UNBEKANNT", name: "Irgendwo, Stadt", zeilen: 1 },
        anzahl: 1,
      },
    ]);
    expectComplete(result, 5);
  });

  it("a header that ends in its year (`Einwohner 2021`) gives the column its Stichtag", async () => {
    const text = [
      "Gemeinde;Einwohner 2021;Einwohner 2022",
      "Barleben;9.100;9.229",
      "Landkreis Börde;171.000;170.000",
    ].join("\n");
    const result = mapped(await tableOf(utf8(text), "jahre.csv"), OWN);
    expect(valueAt(result, { stichtag: "2021-12-31", gebiet: "15083040", gruppe: "" }).wert).toBe(9100);
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "15083", gruppe: "" }).wert).toBe(170000);
    expectComplete(result, 4);
  });
});

describe("plain xlsx tables", () => {
  it("wide with years as columns under a merged group header; AGS as numbers keep their leading zero", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("Kreise");
      ws.addRow(["Bevölkerung nach Kreisen"]);
      ws.addRow([]);
      ws.addRow(["", "", "Einwohner", null, null]);
      ws.addRow(["Kreisschlüssel", "Kreis", 2021, 2022, 2023]);
      ws.addRow([1001, "Flensburg, Stadt", 90164, 91113, 92550]);
      ws.addRow([1002, "Kiel, Landeshauptstadt", 246601, 246243, 248873]);
      ws.addRow([2000, "Hamburg", 1853935, 1892122, 1910160]);
      ws.mergeCells("C3:E3");
      wb.addWorksheet("Erläuterungen").addRow(["Quelle: Statistikamt Nord"]);
    });
    const { grids } = await statisticsGrids(bytes, "kreise.xlsx");
    const read = readStatisticsFile(grids, "kreise.xlsx");
    if (!read.ok) throw new Error(problemText(read.problem));
    expect(read.file.tables).toHaveLength(1);
    expect(read.file.skipped.map((s) => s.sheet)).toEqual(["Erläuterungen"]);
    const table = read.file.tables[0]!;
    expect(table.columns.map((c) => [c.path, c.time.kind === "date" ? c.time.date : null])).toEqual([
      [["Einwohner", ""], "2021-12-31"],
      [["Einwohner", ""], "2022-12-31"],
      [["Einwohner", ""], "2023-12-31"],
    ]);
    const result = mapped(table, { eigenesGebiet: "01", gebiete: [gebiet("01", "Schleswig-Holstein", "Land")] });
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "01002", gruppe: "" })).toMatchObject({
      wert: 246243,
      zelle: "Kreise!D6",
    });
    expect(result.neueGebiete.map((g) => [g.id, g.ebene, g.uebergeordnet])).toEqual([
      ["01001", "Kreis", "01"],
      ["01002", "Kreis", "01"],
    ]);
    expect(result.uebernahme).toEqual([
      {
        datei: "kreise.xlsx",
        zelle: "Kreise!A7",
        grund: { code: "GEBIET_AUSSERHALB", gebiet: "02000", name: "Hamburg", zeilen: 1 },
        anzahl: 3,
      },
    ]);
    expectComplete(result, 9);
  });

  it("long with date cells and an Altersgruppe column", async () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("Daten 2023");
      ws.addRow(["Stichtag", "AGS", "Gebietsname", "Altersgruppe", "Anzahl"]);
      ws.addRow([day("2023-06-30"), "15083", "Landkreis Börde", "unter 6 Jahre", 8123]);
      ws.addRow([day("2023-06-30"), "15083", "Landkreis Börde", "6 bis unter 18 Jahre", 19876]);
      ws.addRow([day("2023-06-30"), "15083", "Landkreis Börde", "Insgesamt", 170000]);
      ws.addRow([day("2023-06-30"), "15083040", "Barleben", "unter 6 Jahre", "(512)"]);
    });
    const table = await tableOf(bytes, "alter.xlsx");
    expect(table.sheet).toBe("Daten 2023");
    const result = mapped(table, OWN);
    expect(valueAt(result, { stichtag: "2023-06-30", gebiet: "15083", gruppe: "unter 6 Jahre" })).toMatchObject({
      wert: 8123,
      zelle: "'Daten 2023'!E2",
    });
    expect(valueAt(result, { stichtag: "2023-06-30", gebiet: "15083", gruppe: "" }).wert).toBe(170000);
    expect(valueAt(result, { stichtag: "2023-06-30", gebiet: "15083040", gruppe: "unter 6 Jahre" })).toMatchObject({
      wert: 512,
      kennzeichen: "()",
    });
    expectComplete(result, 4);
  });
});

describe("files that are no statistics table", () => {
  const sentence = async (bytes: Uint8Array, name: string) => {
    const { grids } = await statisticsGrids(bytes, name);
    const read = readStatisticsFile(grids, name);
    if (read.ok) throw new Error("gelesen");
    return problemText(read.problem);
  };

  it("a list of measures: no time, no area, no values", async () => {
    const text = "Maßnahme;Zuständigkeit;bis wann\nSprachcafé;FB 50;2026\n";
    expect(await sentence(utf8(text), "massnahmen.csv")).toBe(
      "Die Datei „massnahmen.csv“ ist keine Statistiktabelle: es fehlen eine Zeitangabe (Spalte Jahr oder Stichtag, ein Datum in der Kopfzeile oder im Titel), eine Spalte mit Gebieten (Amtlicher Gemeindeschlüssel oder Name) und Spalten mit Werten. Übernommen werden GENESIS-Exporte, Open-SDG-Dateien und Tabellen mit einer Spalte für die Zeit, einer für das Gebiet und Spalten mit Werten.",
    );
  });

  it("areas and values without any time; an empty file", async () => {
    expect(await sentence(utf8("Gemeinde;Einwohner\nBarleben;9229\n"), "ohne.csv")).toContain(
      "sie sieht aus wie eine Tabelle, aber es fehlt eine Zeitangabe",
    );
    expect(await sentence(utf8("Gemeinde;Jahr;Bemerkung\nBarleben;2022;gut\n"), "text.csv")).toContain(
      "es fehlen Spalten mit Werten",
    );
    expect(await sentence(utf8(" \n;;\n"), "leer.csv")).toBe("Die Datei „leer.csv“ ist leer.");
  });

  it("an old .xls gets the import's sentence", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(statisticsGrids(ole, "alt.xls")).rejects.toThrow("im alten .xls-Format");
  });
});
