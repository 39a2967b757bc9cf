/**
 * The Zeitplan computes in LibreOffice as in Excel: its month cells are formulas over tblProzessplan, so a
 * Termin changed in the Prozessplan moves the ◆ of the Gremium's session, a changed Beginn stretches the bar
 * (the month cells that drive the conditional formats), and a changed Status stands in its column.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { localIsoDate } from "../../src/domain/dates";
import { removeTempDirs, runCli, tempDir } from "../helpers/cli";
import {
  convertToPdf,
  describeWithLibreOffice,
  hasCalibriMetrics,
  hasPdfToText,
  pdfPages,
  recalc,
  referenceWorkbook,
} from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";
import { changeSteps, writeBeispiel } from "../helpers/prozessplan";

const TIMEOUT = 240_000;
afterAll(() => removeTempDirs());

const HEADER = 5;
const GERMAN_MONTHS = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];

/** The CSV gives a date of an en-US cell as `05/10/2027`. */
const germanDate = (text: string) => text.replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, "$2.$1.$3");

/** The Zeitplan as LibreOffice shows it: month columns by `Mai 2027`, step rows by ID. */
function grid(rows: string[][]) {
  const years = rows[HEADER - 2]!;
  const months = rows[HEADER - 1]!;
  const columns = new Map<string, number>();
  // The CSV holds the month's first day (`01.05.2027`); the sheet shows it as `Mai` under its year.
  months.forEach((m, c) => {
    if (c < 7 || !m) return;
    const [, month, year] = m.split(".");
    expect(years[c]).toBe(year);
    columns.set(`${GERMAN_MONTHS[Number(month) - 1]} ${year}`, c);
  });
  const row = (id: string) => rows.find((r) => r[0] === id)!;
  return {
    months: [...columns.keys()],
    cell: (id: string, month: string) => row(id)[columns.get(month)!],
    /** The months whose cell is not empty: the bar (a space) and the ◆. */
    bar: (id: string) => [...columns].filter(([, c]) => row(id)[c] !== "").map(([m]) => m),
    diamond: (id: string) => [...columns].filter(([, c]) => row(id)[c] === "◆").map(([m]) => m),
    step: (id: string) => row(id).slice(0, 7).map(germanDate),
    mark: () => [...columns].filter(([, c]) => rows[HEADER - 3]![c] === "▼").map(([m]) => m),
  };
}

describeWithLibreOffice("the Zeitplan recalculated in LibreOffice", () => {
  let before: ReturnType<typeof grid>;
  let after: ReturnType<typeof grid>;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir("mnp-zeitplan-");
    const file = path.join(dir, "beispiel.xlsx");
    writeBeispiel(file);
    const run = await runCli(["zeitplan", file]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(ooxmlProblems(file)).toEqual([]);
    const changed = path.join(dir, "geaendert.xlsx");
    fs.copyFileSync(file, changed);
    // In the Prozessplan, as a user would in plain Excel: the Beirat meets in May, the report began in March.
    await changeSteps(changed, {
      "P-18": { termin: new Date("2027-05-10T00:00:00Z"), status: "verschoben" },
      "P-17": { beginn: new Date("2026-03-01T00:00:00Z") },
    });
    expect(ooxmlProblems(changed)).toEqual([]);
    before = grid(recalc(file)["Zeitplan"]!);
    after = grid(recalc(changed)["Zeitplan"]!);
  }, TIMEOUT);

  it("has one column per month from the first Beginn to the last Termin", () => {
    expect(before.months).toHaveLength(48);
    expect(before.months[0]).toBe("Apr 2024");
    expect(before.months.at(-1)).toBe("Mär 2028");
  });

  it("shows each step's cells from tblProzessplan, the ◆ in the month of a Gremium's session and the bar", () => {
    expect(before.step("P-18")).toEqual([
      "P-18",
      "Integrationsmonitoring",
      "Integrationsbericht 2026 im Integrationsbeirat beraten",
      "Integrationsbeirat",
      "",
      "08.02.2027",
      "geplant",
    ]);
    expect(before.diamond("P-18")).toEqual(["Feb 2027"]);
    expect(before.bar("P-18")).toEqual(["Feb 2027"]);
    // A step without Gremium: a bar from Beginn to Termin, no ◆.
    expect(before.bar("P-17")).toEqual(["Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Okt 2026"]);
    expect(before.diamond("P-17")).toEqual([]);
  });

  it("moves the ◆ when the Termin changes, stretches the bar with the Beginn and shows the new Status", () => {
    expect(after.diamond("P-18")).toEqual(["Mai 2027"]);
    expect(after.cell("P-18", "Feb 2027")).toBe("");
    expect(after.step("P-18").slice(5)).toEqual(["10.05.2027", "verschoben"]);
    expect(after.bar("P-17")[0]).toBe("Mär 2026");
    expect(after.bar("P-17")).toHaveLength(8);
  });

  it("marks the current month", () => {
    const today = localIsoDate(new Date());
    const month = `${GERMAN_MONTHS[Number(today.slice(5, 7)) - 1]} ${today.slice(0, 4)}`;
    expect(before.mark()).toEqual(before.months.includes(month) ? [month] : []);
  });
});

const describePrint =
  (hasPdfToText() && hasCalibriMetrics()) || process.env.CI ? describeWithLibreOffice : describe.skip;

describePrint("the Zeitplan printed by LibreOffice (A4 across)", () => {
  let pages: { words: string[]; heights: number[] }[];
  let minHeight: number;

  beforeAll(async () => {
    const dir = tempDir("mnp-zeitplan-pdf-");
    const file = path.join(dir, "beispiel.xlsx");
    writeBeispiel(file);
    expect((await runCli(["zeitplan", file])).code).toBe(0);
    await referenceWorkbook(path.join(dir, "referenz.xlsx"));
    convertToPdf([file, path.join(dir, "referenz.xlsx")], dir);
    const reference = pdfPages(path.join(dir, "referenz.pdf"))
      .flatMap((p) => p.words)
      .find((w) => w.text === "Achtpunkt")!;
    minHeight = reference.height - 0.01;
    // The pages of the sheet Zeitplan: its name stands in the middle of the footer.
    pages = pdfPages(path.join(dir, "beispiel.pdf"))
      .filter((p) => p.words.some((w) => w.text === "Zeitplan" && w.y > p.height - 54))
      .map((p) => ({ words: p.words.map((w) => w.text), heights: p.words.map((w) => w.height) }));
  }, TIMEOUT);

  it("runs over several pages across, each with the step columns, the legend and the years", () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      expect(page.words).toEqual(
        expect.arrayContaining(["ID", "Phase", "Schritt", "Gremium", "Termin", "Status", "Zeichen:"]),
      );
      expect(page.words.some((w) => /^20\d\d$/.test(w))).toBe(true);
    }
    const all = pages.flatMap((p) => p.words);
    for (const month of GERMAN_MONTHS) expect(all).toContain(month);
    expect(all).toContain("◆");
    expect(all).toContain("P-23");
  });

  it("prints every word at 8 pt or more", () => {
    for (const page of pages) for (const h of page.heights) expect(h).toBeGreaterThanOrEqual(minHeight);
  });
});
