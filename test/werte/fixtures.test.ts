/**
 * The real exports in ../shared/fixtures/statistik, read end to end (bytes → grids → table → rows). The
 * expected values were read by hand from the files (line numbers in the comments are the file's lines).
 */
import { reasonText } from "../../src/workbook/werte";
import { expectComplete, fixtureTable, gebiet, mapped, valueAt } from "./helpers";

describe("12411-01-01-4.csv (GENESIS, Windows-1252, the date in a header line)", () => {
  it("reads title, unit and the Stichtag of the header line; Gruppen from the sex columns", async () => {
    const table = await fixtureTable("12411-01-01-4.csv");
    expect(table).toMatchObject({ format: "GENESIS", source: "GENESIS 12411-01-01-4", unit: "Anzahl" });
    expect(table.title).toBe("Bevölkerungsstand: Bevölkerung nach Geschlecht");
    // Line 11: 01001;      Flensburg, Kreisfreie Stadt;85942;42767;43175
    const result = mapped(table, { eigenesGebiet: "01" });
    const at = (gebiet: string, gruppe: string) => valueAt(result, { stichtag: "2015-12-31", gebiet, gruppe });
    expect(at("01001", "")).toMatchObject({
      wert: 85942,
      kennzeichen: null,
      zelle: "C11",
      quelle: "GENESIS 12411-01-01-4",
    });
    expect(at("01001", "männlich").wert).toBe(42767);
    expect(at("01001", "weiblich").wert).toBe(43175);
    expect(at("01", "").wert).toBe(2858714);
    expectComplete(result, 526 * 3);
  });

  it("adds the Kreise inside the own Land with their published names (umlauts from Windows-1252)", async () => {
    const result = mapped(await fixtureTable("12411-01-01-4.csv"), {
      eigenesGebiet: "16",
      gebiete: [gebiet("16", "Thüringen", "Land"), gebiet("DG", "Deutschland", "Bund", { vergleich: "ja" })],
    });
    // Line 525: 16068;      Sömmerda, Kreis;70600;35274;35326
    expect(valueAt(result, { stichtag: "2015-12-31", gebiet: "16068", gruppe: "weiblich" }).wert).toBe(35326);
    expect(result.neueGebiete).toContainEqual({
      id: "16068",
      gebiet: "Sömmerda, Kreis",
      ebene: "Kreis",
      uebergeordnet: "16",
      vergleich: "",
    });
    expect(result.neueGebiete.find((g) => g.id === "16065")?.gebiet).toBe("Kyffhäuserkreis");
    expect(result.neueGebiete.map((g) => g.id)).not.toContain("16");
    expect(valueAt(result, { stichtag: "2015-12-31", gebiet: "DG", gruppe: "" }).wert).toBe(82175684);
    // Every other area is one line with its three cells; Hamburg (line 26) among them.
    const hamburg = result.uebernahme.find((l) => l.grund.code === "GEBIET_AUSSERHALB" && l.grund.gebiet === "02")!;
    expect(hamburg).toMatchObject({ datei: "12411-01-01-4.csv", zelle: "A26", anzahl: 3 });
    expect(reasonText(hamburg.grund, hamburg.anzahl)).toContain("Das Gebiet 02 (Hamburg) liegt außerhalb");
    expectComplete(result, 526 * 3);
  });
});

describe("22543-01-01-4_00.csv (GENESIS, UTF-8, time column, dimension column, four header lines)", () => {
  const zuordnung = {
    spalten: { "Betreute Kinder": "I-010", "Kinder, Herkunft mind. 1 Elternteil ausländisch": "I-011" },
  };

  it("forms the Gruppe from the age group (not its label Altersgruppe) and the kind of care", async () => {
    const table = await fixtureTable("22543-01-01-4_00.csv");
    expect(table.dimensions).toHaveLength(1);
    const result = mapped(table, { zuordnung, eigenesGebiet: "01001" });
    // Line 17: 01.03.2010;01001;      Flensburg, Kreisfreie Stadt;Tagespflege;186;118;37;31;46;93
    const at = (indikator: string, gruppe: string) =>
      valueAt(result, { indikator, stichtag: "2010-03-01", gebiet: "01001", gruppe });
    expect(at("I-010", "Tagespflege")).toMatchObject({ wert: 186, zelle: "E17" });
    expect(at("I-010", "unter 3 Jahre | Tagespflege").wert).toBe(118);
    expect(at("I-010", "6 bis unter 14 Jahre | Tagespflege").wert).toBe(31);
    expect(at("I-011", "Tagespflege").wert).toBe(46);
    // Line 18: …;Insgesamt;3388;410;…;902;2116 — the total row is Gruppe insgesamt.
    expect(at("I-010", "").wert).toBe(3388);
    expect(at("I-011", "").wert).toBe(902);
    const gruppen = new Set(result.werte.filter((w) => w.indikator === "I-010").map((w) => w.gruppe));
    expect(gruppen.size).toBe(12);
    expect([...gruppen].some((g) => g.includes("Altersgruppe") || g.includes("Anzahl"))).toBe(false);
  });

  it("an entry for one age group: the header above it names the indicator too, so only the care is left", async () => {
    const zuordnung = { spalten: { "unter 3 Jahre": "I-012" } };
    const result = mapped(await fixtureTable("22543-01-01-4_00.csv"), { zuordnung, eigenesGebiet: "01001" });
    const at = (gruppe: string) =>
      valueAt(result, { indikator: "I-012", stichtag: "2010-03-01", gebiet: "01001", gruppe });
    // Line 17 (Tagespflege): 118 in F; line 18 (Insgesamt): 410.
    expect(at("Tagespflege")).toMatchObject({ wert: 118, zelle: "F17" });
    expect(at("").wert).toBe(410);
    expect(result.uebernahme.filter((l) => l.grund.code === "SPALTE_NICHT_ZUGEORDNET")).toHaveLength(5);
    expectComplete(result, 6312 * 6);
  });

  it("lists the column no entry names, and reads the dates of the time column", async () => {
    const result = mapped(await fixtureTable("22543-01-01-4_00.csv"), { zuordnung, eigenesGebiet: "16" });
    // Line 6314 (15.03.2007, Saale-Orla-Kreis, Tagespflege): 9;8;1;0;0;.
    expect(
      valueAt(result, {
        indikator: "I-010",
        stichtag: "2007-03-15",
        gebiet: "16075",
        gruppe: "unter 3 Jahre | Tagespflege",
      }).wert,
    ).toBe(8);
    const unassigned = result.uebernahme.filter((l) => l.grund.code === "SPALTE_NICHT_ZUGEORDNET");
    expect(unassigned).toHaveLength(1);
    expect(unassigned[0]!.grund).toEqual({
      code: "SPALTE_NICHT_ZUGEORDNET",
      kopf: "Kinder mit Mittagsverpflegung / Anzahl",
    });
    expect(unassigned[0]!.zelle).toMatch(/^J\d+:J\d+$/);
    expect(result.ungenutzteZuordnung).toEqual([]);
    expectComplete(result, 6312 * 6);
  });
});

describe("21111-02-06-4.csv (GENESIS, markers, a long footer)", () => {
  it("puts the markers into Kennzeichen: - is 0, . and x have no value", async () => {
    const table = await fixtureTable("21111-02-06-4.csv");
    const result = mapped(table, { zuordnung: { indikator: "I-050" }, eigenesGebiet: "03101" });
    const at = (stichtag: string, gruppe: string) => valueAt(result, { stichtag, gebiet: "03101", gruppe });
    // Line 30: 2015;03101;…;2612;1358;130;52;255;101;809;387;139;77;.;.;1279;741
    expect(at("2015-12-31", "")).toMatchObject({ wert: 2612, zelle: "D30" });
    expect(at("2015-12-31", "mit Hauptschulabschluss | weiblich").wert).toBe(101);
    expect(at("2015-12-31", "mit Fachhochschulreife")).toMatchObject({ wert: null, kennzeichen: ".", zelle: "N30" });
    // Line 10550: 1995;03101;…;-;-;63;35;963;499
    expect(at("1995-12-31", "dar. schulischer Teil der Fachhochschulreife")).toMatchObject({
      wert: 0,
      kennzeichen: "-",
    });
    expect(at("1995-12-31", "mit Fachhochschulreife").wert).toBe(63);
    // 21 school years × 14 columns; nothing of the footer is read as data.
    expect(result.werte).toHaveLength(21 * 14);
    expectComplete(result, 11046 * 14);
  });

  it("reads x as Tabellenfach gesperrt", async () => {
    const result = mapped(await fixtureTable("21111-02-06-4.csv"), { eigenesGebiet: "14511" });
    // Line 455: 2015;14511;      Chemnitz, Stadt;1499;749;145;62;163;71;646;324;x;x;x;x;545;292
    const cell = valueAt(result, {
      stichtag: "2015-12-31",
      gebiet: "14511",
      gruppe: "mit Fachhochschulreife | weiblich",
    });
    expect(cell).toMatchObject({ wert: null, kennzeichen: "x", zelle: "O455" });
  });
});

describe("lsn_indicator_5-2-1.csv (Open SDG, BOM, quoted, GeoCode K + AGS)", () => {
  it("splits Anzahl and Prozent into two indicators by their unit; Gruppen from Geschlecht", async () => {
    const table = await fixtureTable("lsn_indicator_5-2-1.csv");
    expect(table.format).toBe("Open SDG");
    const result = mapped(table, {
      zuordnung: { spalten: { Anzahl: "I-030", Prozent: "I-031" } },
      eigenesGebiet: "03241",
    });
    const at = (indikator: string, stichtag: string, gebiet: string, gruppe: string) =>
      valueAt(result, { indikator, stichtag, gebiet, gruppe });
    // Line 13: 2024,"Region Hannover",Insgesamt,Anzahl,K03241,84283
    expect(at("I-030", "2024-12-31", "03241", "")).toMatchObject({ wert: 84283, zelle: "F13" });
    // Line 2145: 2011,"Region Hannover",Frauen,Anzahl,K03241,12212
    expect(at("I-030", "2011-12-31", "03241", "Frauen").wert).toBe(12212);
    // Line 3602: 2011,"dav. Hannover, Lhst.",Männer,Prozent,K03241001,57.7598973245138
    expect(at("I-031", "2011-12-31", "03241001", "Männer").wert).toBeCloseTo(57.7598973245138, 12);
    expect(result.neueGebiete).toEqual([
      { id: "03241", gebiet: "Region Hannover", ebene: "Kreis", uebergeordnet: "", vergleich: "" },
      { id: "03241001", gebiet: "dav. Hannover, Lhst.", ebene: "Gemeinde", uebergeordnet: "03241", vergleich: "" },
      { id: "03241999", gebiet: "dav. Hannover, Umland", ebene: "Gemeinde", uebergeordnet: "03241", vergleich: "" },
    ]);
    // 3 areas × 14 years × 3 Geschlechter × 2 units.
    expect(result.werte).toHaveLength(252);
    expectComplete(result, 4368);
  });

  it("reads K030 as the Land 03 and the Statistische Regionen as Regierungsbezirke", async () => {
    const result = mapped(await fixtureTable("lsn_indicator_5-2-1.csv"), {
      zuordnung: { spalten: { Anzahl: "I-030", Prozent: "I-031" } },
      eigenesGebiet: "03",
    });
    // Line 53: 2024,"Niedersachsen",Insgesamt,Anzahl,K030,397515
    expect(valueAt(result, { indikator: "I-030", stichtag: "2024-12-31", gebiet: "03", gruppe: "" }).wert).toBe(397515);
    expect(result.neueGebiete.find((g) => g.id === "031")).toEqual({
      id: "031",
      gebiet: "Statistische Region Braunschweig",
      ebene: "Regierungsbezirk",
      uebergeordnet: "03",
      vergleich: "",
    });
    expect(result.neueGebiete.find((g) => g.id === "03101")?.uebergeordnet).toBe("031");
    expect(result.uebernahme).toEqual([]);
    expectComplete(result, 4368);
  });

  it("with --indikator alone the two units collide: the second of each pair is listed, not lost", async () => {
    const result = mapped(await fixtureTable("lsn_indicator_5-2-1.csv"), { eigenesGebiet: "03241" });
    expect(result.werte).toHaveLength(126);
    const doubled = result.uebernahme.filter((l) => l.grund.code === "DOPPELT");
    expect(doubled.reduce((n, l) => n + l.anzahl, 0)).toBe(126);
    expectComplete(result, 4368);
  });
});
