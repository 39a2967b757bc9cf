/**
 * GENESIS variants the contract names, built as files: two to four header lines, a time column or the date
 * in the title, a dimension column, Gemeinden and Verbände under a Kreis, every marker, with and without
 * the GENESIS line and the footer, Windows-1252 and UTF-8.
 */
import ExcelJS from "exceljs";
import { type WerteResult, reasonText } from "../../src/workbook/werte";
import { type GenesisArea, type GenesisSpec, firstDataRow, genesisCsv, utf8, windows1252 } from "./genesisFile";
import { expectComplete, gebiet, mapped, tableOf, valueAt } from "./helpers";

const AREAS: GenesisArea[] = [
  { key: "DG", name: "Deutschland", depth: 0 },
  { key: "15", name: "Sachsen-Anhalt", depth: 1 },
  { key: "15082", name: "Anhalt-Bitterfeld, Landkreis", depth: 3 },
  { key: "15083", name: "Börde, Landkreis", depth: 3 },
  { key: "15083040", name: "Barleben", depth: 4 },
  { key: "15083190", name: "Haldensleben, Stadt", depth: 4 },
];
const GEBIETE = [
  gebiet("DG", "Deutschland", "Bund", { vergleich: "ja" }),
  gebiet("15", "Sachsen-Anhalt", "Land", { vergleich: "ja" }),
  gebiet("15083", "Landkreis Börde", "Kreis", { uebergeordnet: "15" }),
];
const OWN = { eigenesGebiet: "15083", gebiete: GEBIETE };

/** A number that names its cell: time, area, dimension value, column. */
const number = (t: number, a: number, d: number, c: number) => 100000 * (t + 1) + 1000 * a + 10 * d + c;

function spec(overrides: Partial<GenesisSpec>): GenesisSpec {
  return {
    code: "12411-01-01-4",
    titleLines: ["Bevölkerungsstand: Bevölkerung nach Geschlecht", "- Stichtag 31.12. -", "Bevölkerungsstand (Anzahl)"],
    header: [["Insgesamt", "männlich", "weiblich"]],
    areas: AREAS,
    cell: (t, a, d, c) => String(number(t, a, d, c)),
    ...overrides,
  };
}

async function read(s: GenesisSpec, options: Parameters<typeof mapped>[1] = OWN, bytes = utf8(genesisCsv(s))) {
  const table = await tableOf(bytes, "export.csv");
  const result = mapped(table, options);
  const rows = (s.times?.length ?? 1) * s.areas.length * (s.dims?.length ?? 1);
  expectComplete(result, rows * s.header[0]!.length);
  return { table, result };
}

const gruppen = (result: WerteResult, gebiet = "15083") => [
  ...new Set(result.werte.filter((w) => w.gebiet === gebiet).map((w) => w.gruppe)),
];

describe("GENESIS header lines", () => {
  it("two lines: the sex columns over their unit; Gruppe insgesamt for the total", async () => {
    const s = spec({
      header: [
        ["Insgesamt", "männlich", "weiblich"],
        ["Anzahl", "Anzahl", "Anzahl"],
      ],
      times: ["2021", "2022"],
    });
    const { result } = await read(s);
    expect(gruppen(result)).toEqual(["", "männlich", "weiblich"]);
    // Barleben (area 4), 2022 (time 1), männlich (column 1): row = first + 1 × 6 + 4, column E.
    const row = firstDataRow(s) + 6 + 4;
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "15083040", gruppe: "männlich" })).toMatchObject({
      wert: number(1, 4, 0, 1),
      zelle: `E${row}`,
      quelle: "GENESIS 12411-01-01-4",
    });
  });

  it("three lines: nationality over sex, the subject line left out", async () => {
    const nat = ["Insgesamt", "Deutsche", "Ausländer(innen)"].flatMap((n) => [n, n, n]);
    const sex = [
      "Insgesamt",
      "männlich",
      "weiblich",
      "Insgesamt",
      "männlich",
      "weiblich",
      "Insgesamt",
      "männlich",
      "weiblich",
    ];
    const { result } = await read(spec({ header: [Array(9).fill("Bevölkerung"), nat, sex], times: ["2025"] }));
    expect(gruppen(result)).toEqual([
      "",
      "männlich",
      "weiblich",
      "Deutsche",
      "Deutsche | männlich",
      "Deutsche | weiblich",
      "Ausländer(innen)",
      "Ausländer(innen) | männlich",
      "Ausländer(innen) | weiblich",
    ]);
    expect(
      valueAt(result, { stichtag: "2025-12-31", gebiet: "15083", gruppe: "Ausländer(innen) | weiblich" }).wert,
    ).toBe(number(0, 3, 0, 8));
  });

  it("four lines with a breakdown label (Altersgruppe) and dates in the time column", async () => {
    const header = [
      ["Betreute Kinder", "Betreute Kinder", "Betreute Kinder", "Betreute Kinder"],
      ["", "Altersgruppe", "Altersgruppe", "Altersgruppe"],
      ["", "unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 14 Jahre"],
      ["Anzahl", "Anzahl", "Anzahl", "Anzahl"],
    ];
    const s = spec({ titleLines: ["Kindertagesbetreuung - Stichtage -"], header, times: ["01.03.2023", "01.03.2024"] });
    const { result } = await read(s);
    expect(gruppen(result)).toEqual(["", "unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 14 Jahre"]);
    expect(valueAt(result, { stichtag: "2024-03-01", gebiet: "15083190", gruppe: "unter 3 Jahre" }).wert).toBe(
      number(1, 5, 0, 1),
    );
  });

  it("a line of dates gives each column its Stichtag", async () => {
    const header = [
      ["31.12.2022", "31.12.2022", "31.12.2023", "31.12.2023"],
      ["männlich", "weiblich", "männlich", "weiblich"],
    ];
    const { result } = await read(spec({ header, titleLines: ["Bevölkerung nach Geschlecht"] }));
    expect(valueAt(result, { stichtag: "2023-12-31", gebiet: "15083", gruppe: "weiblich" }).wert).toBe(
      number(0, 3, 0, 3),
    );
    expect(new Set(result.werte.map((w) => w.stichtag))).toEqual(new Set(["2022-12-31", "2023-12-31"]));
  });
});

describe("GENESIS dates", () => {
  const stichtage = async (titleLines: string[], times?: string[]) => [
    ...new Set((await read(spec({ titleLines, ...(times ? { times } : {}) }))).result.werte.map((w) => w.stichtag)),
  ];

  it("a year in the time column is 31.12., or the day the title names (`- Stichtag 30.06. -`)", async () => {
    expect(await stichtage(["Bevölkerung", "- Stichtag 31.12. -"], ["2022", "2023"])).toEqual([
      "2022-12-31",
      "2023-12-31",
    ]);
    expect(await stichtage(["Bevölkerung", "- Stichtag 30.06. -"], ["2022"])).toEqual(["2022-06-30"]);
    expect(await stichtage(["Schulabgänger - Schuljahr -"], ["2015"])).toEqual(["2015-12-31"]);
  });

  it("without a time column: a date line, a date, a month or a year in the title", async () => {
    expect(await stichtage(["Zensus 2011, Bevölkerung", "- Stichtag 09.05.2011 -", "Zensus 2011"])).toEqual([
      "2011-05-09",
    ]);
    expect(await stichtage(["Zensus, Bevölkerung", "09.05.2011"])).toEqual(["2011-05-09"]);
    expect(await stichtage(["Arbeitslose Juni 2007"])).toEqual(["2007-06-30"]);
    expect(await stichtage(["Einbürgerungen 2023 nach Staatsangehörigkeit"])).toEqual(["2023-12-31"]);
    expect(await stichtage(["Bevölkerung - Stichtag 31.12. - (ab 2011)", "Stand 2023"])).toEqual(["2023-12-31"]);
  });

  it("a file without any time is no statistics table", async () => {
    const bytes = utf8(genesisCsv(spec({ titleLines: ["Bevölkerung nach Geschlecht"] })));
    await expect(tableOf(bytes, "ohne-zeit.csv")).rejects.toThrow(
      "Die Datei „ohne-zeit.csv“ ist keine Statistiktabelle: sie sieht aus wie ein GENESIS-Export, aber es fehlt eine Zeitangabe",
    );
  });
});

describe("GENESIS dimension column and areas", () => {
  it("an Altersgruppe column: its value joins the Gruppe after the header's, its Insgesamt is the total", async () => {
    const dims = ["unter 3 Jahre", "3 bis unter 6 Jahre", "Insgesamt"];
    const { table, result } = await read(spec({ dims, times: ["31.12.2022"] }));
    expect(table.dimensions).toHaveLength(1);
    expect(gruppen(result)).toEqual([
      "unter 3 Jahre",
      "männlich | unter 3 Jahre",
      "weiblich | unter 3 Jahre",
      "3 bis unter 6 Jahre",
      "männlich | 3 bis unter 6 Jahre",
      "weiblich | 3 bis unter 6 Jahre",
      "",
      "männlich",
      "weiblich",
    ]);
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "15083", gruppe: "männlich" }).wert).toBe(
      number(0, 3, 2, 1),
    );
  });

  it("Gemeinden under the own Kreis are added with Ebene and Übergeordnet; a Kreis outside is one line", async () => {
    const s = spec({ times: ["2022"] });
    const { result } = await read(s);
    expect(result.neueGebiete).toEqual([
      { id: "15083040", gebiet: "Barleben", ebene: "Gemeinde", uebergeordnet: "15083", vergleich: "" },
      { id: "15083190", gebiet: "Haldensleben, Stadt", ebene: "Gemeinde", uebergeordnet: "15083", vergleich: "" },
    ]);
    expect(new Set(result.werte.map((w) => w.gebiet))).toEqual(new Set(["DG", "15", "15083", "15083040", "15083190"]));
    const outside = result.uebernahme.filter((l) => l.grund.code === "GEBIET_AUSSERHALB");
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ zelle: `B${firstDataRow(s) + 2}`, anzahl: 3 });
    expect(reasonText(outside[0]!.grund, 3)).toBe(
      "Das Gebiet 15082 (Anhalt-Bitterfeld, Landkreis) liegt außerhalb des eigenen Gebiets und fehlt im Blatt „Gebiete“: 3 Zellen in 1 Zeile nicht übernommen. Tragen Sie es dort als Vergleichsgebiet ein oder übernehmen Sie mit --alle-gebiete.",
    );
  });

  it("--alle-gebiete takes an area outside too and adds it as Vergleich", async () => {
    const { result } = await read(spec({ times: ["2022"] }), { ...OWN, alleGebiete: true });
    expect(result.uebernahme).toEqual([]);
    expect(result.neueGebiete[0]).toEqual({
      id: "15082",
      gebiet: "Anhalt-Bitterfeld, Landkreis",
      ebene: "Kreis",
      uebergeordnet: "15",
      vergleich: "ja",
    });
  });

  it("Samtgemeinden and their Gemeinden (11-digit keys): the Gemeinde's ID is its AGS", async () => {
    const areas: GenesisArea[] = [
      { key: "03151", name: "Gifhorn, Landkreis", depth: 3 },
      { key: "03151009", name: "Gifhorn, Stadt", depth: 4 },
      { key: "03151401", name: "Boldecker Land, Samtgemeinde", depth: 4 },
      { key: "03151401002", name: "Barwedel", depth: 4 },
      { key: "03151401004", name: "Bokensdorf", depth: 4 },
    ];
    const { result } = await read(spec({ areas, times: ["2022"] }), { eigenesGebiet: "03151", gebiete: [] });
    expect(result.neueGebiete).toEqual([
      { id: "03151", gebiet: "Gifhorn, Landkreis", ebene: "Kreis", uebergeordnet: "", vergleich: "" },
      { id: "03151009", gebiet: "Gifhorn, Stadt", ebene: "Gemeinde", uebergeordnet: "03151", vergleich: "" },
      {
        id: "03151401",
        gebiet: "Boldecker Land, Samtgemeinde",
        ebene: "Gemeindeverband",
        uebergeordnet: "03151",
        vergleich: "",
      },
      { id: "03151002", gebiet: "Barwedel", ebene: "Gemeinde", uebergeordnet: "03151401", vergleich: "" },
      { id: "03151004", gebiet: "Bokensdorf", ebene: "Gemeinde", uebergeordnet: "03151401", vergleich: "" },
    ]);
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "03151002", gruppe: "" }).wert).toBe(number(0, 3, 0, 0));
  });
});

describe("GENESIS cells", () => {
  const CASES: [string, number | null, string | null][] = [
    ["-", 0, "-"],
    [".", null, "."],
    ["x", null, "x"],
    ["/", null, "/"],
    ["...", null, "..."],
    ["(12)", 12, "()"],
    ["(1.234,5)", 1234.5, "()"],
    ["12p", 12, "p"],
    ["12 r", 12, "r"],
    ["s 12", 12, "s"],
    ["–", 0, "-"],
    ["…", null, "..."],
    ["1.234", 1234, null],
    ["1.234,5", 1234.5, null],
    ["-7", -7, null],
    ["0,25", 0.25, null],
  ];
  const cases = (extra: string[]) =>
    spec({
      dims: [...CASES.map((_, i) => `Fall ${i + 1}`), ...extra.map((_, i) => `Rest ${i + 1}`)],
      header: [["Anzahl"]],
      areas: [AREAS[3]!],
      times: ["2022"],
      cell: (_t, _a, d) => [...CASES.map((c) => c[0]), ...extra][d]!,
    });

  it("every marker of the statistical offices: Kennzeichen, and a Wert only where a number stands", async () => {
    const { result } = await read(cases([]));
    CASES.forEach(([, wert, kennzeichen], i) =>
      expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "15083", gruppe: `Fall ${i + 1}` })).toMatchObject({
        wert,
        kennzeichen,
      }),
    );
  });

  it("an empty cell and text that is no number are listed with their cell", async () => {
    const s = cases(["", "k. A.", "12,5 %"]);
    const { result } = await read(s);
    const first = firstDataRow(s) + CASES.length;
    expect(result.uebernahme.map((l) => [l.zelle, l.grund, l.anzahl])).toEqual([
      [`E${first}`, { code: "WERT_LEER" }, 1],
      [`E${first + 1}`, { code: "WERT_UNLESBAR", text: "k. A." }, 1],
      [`E${first + 2}`, { code: "WERT_UNLESBAR", text: "12,5 %" }, 1],
    ]);
  });

  it("a row without a readable area and a time that is no date are listed per row", async () => {
    const areas = [AREAS[3]!, { key: "15083040", name: "Barleben", depth: 4 }];
    const s = spec({ areas, times: ["2022", "Q5 2023"] });
    const text = genesisCsv(s).replace("2022;15083040;", "2022;150830x0;");
    const { result } = await read(s, OWN, utf8(text));
    const lines = result.uebernahme.map((l) => [l.zelle, l.grund.code, l.anzahl]);
    const first = firstDataRow(s);
    expect(lines).toEqual([
      [`D${first + 1}:F${first + 1}`, "GEBIET_UNLESBAR", 3],
      [`D${first + 2}:F${first + 3}`, "ZEIT_UNLESBAR", 6],
    ]);
    expect(reasonText(result.uebernahme[0]!.grund, 3)).toBe(
      "„150830x0 Barleben“ ist kein Gebietsschlüssel und kein bekannter Gebietsname: 3 Zellen nicht übernommen.",
    );
  });
});

describe("GENESIS files", () => {
  it("Windows-1252 and UTF-8 read the same; the footer is no data", async () => {
    const s = spec({ times: ["2022"] });
    const a = (await read(s, OWN, windows1252(genesisCsv(s)))).result;
    const b = (await read(s, OWN, utf8(genesisCsv(s)))).result;
    expect(a.werte).toEqual(b.werte);
    expect(a.uebernahme).toEqual(b.uebernahme);
  });

  it("a Landesamt's export without the GENESIS line and without a footer: Quelle is the file name", async () => {
    const s = spec({
      code: undefined,
      titleLines: ["Statistisches Landesamt Sachsen-Anhalt", "Bevölkerung am 31.12.2023", "regionale Tiefe: Gemeinden"],
      footer: false,
    });
    const { table, result } = await read(s);
    expect(table.format).toBe("GENESIS");
    expect(result.quelle).toBe("export.csv");
    expect(valueAt(result, { stichtag: "2023-12-31", gebiet: "15083", gruppe: "weiblich" }).wert).toBe(
      number(0, 3, 0, 2),
    );
  });

  it("the .xlsx a GENESIS database offers: numbers as numbers, a header cell merged over its columns", async () => {
    const s = spec({
      header: [
        ["Bevölkerung", "", ""],
        ["Insgesamt", "männlich", "weiblich"],
      ],
      times: ["2022"],
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("12411-01-01-4");
    const lines = genesisCsv(s).split("\n__________")[0]!.split("\n");
    for (const line of lines) {
      ws.addRow(line.split(";").map((f) => (/^\d{6}$/.test(f) ? Number(f) : f === "" ? null : f)));
    }
    ws.mergeCells(`D${1 + s.titleLines.length + 1}:F${1 + s.titleLines.length + 1}`);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { table, result } = await read(s, OWN, bytes);
    expect(table.sheet).toBe("12411-01-01-4");
    expect(table.columns.map((c) => c.path)).toEqual([
      ["Bevölkerung", "Insgesamt"],
      ["Bevölkerung", "männlich"],
      ["Bevölkerung", "weiblich"],
    ]);
    expect(valueAt(result, { stichtag: "2022-12-31", gebiet: "15083040", gruppe: "weiblich" })).toMatchObject({
      wert: number(0, 4, 0, 2),
      zelle: `'12411-01-01-4'!F${firstDataRow(s) + 4}`,
    });
  });
});
