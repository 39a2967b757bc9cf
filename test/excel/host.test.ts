import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { checkConcept } from "../../src/domain/rules";
import { templateContent } from "../../src/domain/templates";
import { planChunks, ExcelHost, headerFooterSections } from "../../src/excel/host";
import { EDIT_MODE_MESSAGE, ExcelHostError, HostBusyError } from "../../src/excel/errors";
import { tableSpec } from "../../src/workbook/contract";
import { type SheetPlan, planNewWorkbook } from "../../src/workbook/plan";
import { readConcept, readTable } from "../../src/workbook/read";
import { planReportSheet } from "../../src/workbook/sheets/pruefbericht";
import { checkWorkbook, createTemplateWorkbook } from "../../src/xlsx/concept";
import { FakeWorkbook, OfficeError } from "./fakeExcel";

const today = "2026-11-22";

function setup() {
  const fake = new FakeWorkbook();
  fake.addSheet("Tabelle1"); // a new workbook always has a sheet
  const host = new ExcelHost({ run: fake.run, isSetSupported: () => false });
  return { fake, host };
}

/** The beispiel content with `n` measures (the example's measures repeated under new IDs). */
function contentWith(n: number) {
  const content = templateContent("beispiel", today);
  const base = content.massnahmen!;
  content.massnahmen = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, id: `M-${String(i + 1).padStart(4, "0")}` }));
  return content;
}

async function applyAll(host: ExcelHost, plans: SheetPlan[]) {
  for (const p of plans) await host.applySheetPlan(p);
}

const simplify = (f: { rule: string; sheet: string; cell: string; id: string | null; message: string; severity: string }) =>
  `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.id ?? ""} ${f.message}`;

describe("ExcelHost round trip", () => {
  it("gives the same findings as the exceljs host for the beispiel workbook", async () => {
    const { fake, host } = setup();
    await applyAll(host, planNewWorkbook(templateContent("beispiel", today)).sheets);
    fake.syncs = 0;
    const source = await host.snapshot();
    expect(fake.syncs).toBeLessThanOrEqual(2);
    const ours = checkConcept(readConcept(source), { today }).findings.map(simplify);

    const wb = await createTemplateWorkbook("beispiel", today);
    const theirs = (await checkWorkbook(wb, { today })).result.findings.map(simplify);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  it.each([10, 5000])("snapshot takes at most two syncs at %i measure rows", async (n) => {
    const { fake, host } = setup();
    await applyAll(host, planNewWorkbook(contentWith(n)).sheets);
    fake.syncs = 0;
    const concept = readConcept(await host.snapshot());
    expect(fake.syncs).toBeLessThanOrEqual(2);
    process.stdout.write(`snapshot, ${n} rows: ${fake.syncs} syncs\n`);
    expect(concept.massnahmen.rows).toHaveLength(n);
    expect(concept.found.massnahmen?.tableName).toBe("tblMassnahmen");
  });

  it.each([10, 5000])("writing the Maßnahmen sheet takes a constant plus one sync per chunk at %i rows", async (n) => {
    const { fake, host } = setup();
    const plan = planNewWorkbook(contentWith(n)).sheets.find((s) => s.name === "Maßnahmen")!;
    const chunks = planChunks(plan).length;
    fake.syncs = 0;
    await host.applySheetPlan(plan);
    expect(fake.syncs).toBeLessThanOrEqual(4 + chunks);
    process.stdout.write(`applySheetPlan Maßnahmen, ${n} rows: ${fake.syncs} syncs, ${chunks} chunks, largest request ${fake.maxRequestBytes} bytes\n`);
    if (n === 5000) expect(chunks).toBeGreaterThan(1);
    // every request stays far below Excel on the web's 5 MB
    expect(fake.maxRequestBytes).toBeLessThan(2_500_000);
    // calculation is suspended in every writing batch
    expect(fake.suspendCalls).toBe(chunks + 2);
  });
});

describe("applySheetPlan", () => {
  it("sets each validation's prompt before its rule, then the error alert", async () => {
    const { fake, host } = setup();
    const plan = planNewWorkbook(templateContent("beispiel", today)).sheets.find((s) => s.name === "Maßnahmen")!;
    await host.applySheetPlan(plan);
    const sheet = fake.sheet("Maßnahmen")!;
    const byRange = new Map<string, string[]>();
    for (const v of sheet.validations) byRange.set(v.range, [...(byRange.get(v.range) ?? []), v.part]);
    expect(byRange.size).toBe(plan.validations.length);
    for (const parts of byRange.values()) {
      expect(parts[0]).toBe("prompt");
      expect(parts.indexOf("prompt")).toBeLessThan(parts.indexOf("errorAlert"));
      if (parts.includes("rule")) expect(parts.indexOf("prompt")).toBeLessThan(parts.indexOf("rule"));
    }
    const literal = sheet.validations.filter((v) => v.part === "rule" && v.value.list && !v.value.list.source.startsWith("="));
    expect(literal.map((v) => v.value.list.source)).toContain("geplant,in Umsetzung,umgesetzt,verstetigt,zurückgestellt,verworfen");
    const hf = sheet.validations.find((v) => v.range.startsWith("B2:") && v.part === "rule");
    expect(hf?.value.list.source).toMatch(/^=OFFSET\('Listen'!/);
    const frist = sheet.validations.find((v) => v.part === "rule" && v.value.date);
    expect(frist?.value.date).toEqual({ operator: "Between", formula1: "2000-01-01", formula2: "2100-12-31" });
  });

  it("writes the table, formats, highlighting, frozen panes and print settings", async () => {
    const { fake, host } = setup();
    const plan = planNewWorkbook(templateContent("beispiel", today)).sheets.find((s) => s.name === "Maßnahmen")!;
    await host.applySheetPlan(plan);
    const sheet = fake.sheet("Maßnahmen")!;
    const table = fake.table("tblMassnahmen")!;
    expect(table.sheet).toBe(sheet);
    expect(table.style).toBe("TableStyleMedium2");
    expect(table.area.top).toBe(1);
    expect(table.area.right).toBe(tableSpec("massnahmen").columns.length);
    expect(sheet.frozen).toEqual({ kind: "at", arg: "A1" });
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { scale: plan.print!.scale }, printTitleRows: "$1:$1" });
    // Maßnahmen run over several pages wide: ID, Handlungsfeld, Ziel and Titel repeat; footer in three sections.
    expect(sheet.pageLayout).toMatchObject({ printTitleColumns: "$A:$D", leftMargin: 36 });
    expect(sheet.pageLayout.headerMargin).toBeCloseTo(21.6, 9);
    expect(sheet.pageLayout.rightFooter).toBe("&11Seite &P von &N");
    expect(sheet.pageLayout.centerFooter).toBe("&11&A");
    expect(sheet.pageLayout.leftHeader).toBe("&11Landkreis Beispielkreis");
    expect(plan.print!.scale).toBe(75);
    expect(sheet.conditionalFormats.length).toBe(plan.conditionalFormats.length);
    expect(sheet.conditionalFormats[0]).toMatchObject({ type: "Custom", fill: "#FDE7E9" });
    expect(sheet.conditionalFormats[0]!.formula).toMatch(/^=AND\(COUNTA/);
    expect(sheet.columnFormats.get(1)).toBe("@");
    expect(sheet.columnWidths.get(1)).toBeGreaterThan(40);
    expect(sheet.tabColor).toBe("#107C10");
  });

  it("writes formulas as formulas and keeps the hidden lists protected", async () => {
    const { fake, host } = setup();
    await applyAll(host, planNewWorkbook(templateContent("beispiel", today)).sheets);
    const listen = fake.sheet("Listen")!;
    expect(listen.visibility).toBe("Hidden");
    expect(listen.protected).toBe(true);
    expect(fake.cell("Listen", "A2")?.formula).toMatch(/^=IF\(TRIM\(/);
    expect(fake.cell("Listen", "A1")?.value).toBe("Handlungsfelder");
  });

  it("keeps text that looks like a formula or a number as text", async () => {
    const { fake, host } = setup();
    const content = templateContent("beispiel", today);
    const tricky = ["=SUMME(A1:A9)", "+49 511 123", "-", "@home", "-5", "0049", "=HYPERLINK(\"http://x\")"];
    content.massnahmen = tricky.map((t, i) => ({ ...content.massnahmen![0]!, id: `M-10${i}`, titel: t, bemerkung: t }));
    content.einstellungen = [{ schluessel: "Kommune", wert: "=1+1" }, { schluessel: "Stichtag", wert: "2026-06-30" }];
    await applyAll(host, planNewWorkbook(content).sheets);
    const concept = readConcept(await host.snapshot());
    expect(concept.massnahmen.rows.map((r) => r.values.titel)).toEqual(tricky);
    expect(concept.massnahmen.rows.map((r) => r.values.bemerkung)).toEqual(tricky);
    const einstellungen = concept.einstellungen!.rows.map((r) => r.values.wert);
    expect(einstellungen[0]).toBe("=1+1");
    expect(typeof einstellungen[1]).toBe("number"); // a date cell: Excel's serial
    for (const [, cell] of fake.sheet("Maßnahmen")!.cells) expect(cell.formula).toBeUndefined();
  });

  it("the fake really turns unprotected text into formulas (so the test above means something)", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S");
    await fake.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["=1+1", "0049"]];
      await ctx.sync();
    });
    expect(fake.cell("S", "A1")?.formula).toBe("=1+1");
    expect(fake.cell("S", "B1")?.value).toBe(49);
  });

  it("replaces a sheet of the same name in its place, unprotecting only a protected one", async () => {
    const { fake, host } = setup();
    const result = { findings: [], summary: { measures: 0, errors: 0, warnings: 0, infos: 0, smartComplete: 0 }, referenceDate: today, settings: DEFAULT_SETTINGS } as never;
    const report = planReportSheet(result, "x.xlsx");
    fake.addSheet("Ende");
    await host.applySheetPlan(report);
    expect(fake.log.filter((l) => l === "unprotect")).toHaveLength(0);
    // move it between the others, protect it, and apply again
    const names = () => fake.sheets.map((s) => s.name);
    expect(names()).toEqual(["Tabelle1", "Ende", "Prüfbericht"]);
    fake.sheets = [fake.sheets[0]!, fake.sheets[2]!, fake.sheets[1]!];
    fake.sheet("Prüfbericht")!.protected = true;
    await host.applySheetPlan(report);
    expect(names()).toEqual(["Tabelle1", "Prüfbericht", "Ende"]);
    expect(fake.log.filter((l) => l === "unprotect")).toHaveLength(1);
    expect(fake.tables.filter((t) => t.name === "tblPruefbericht")).toHaveLength(1);
    expect(fake.sheet("Prüfbericht")!.protected).toBe(false);
  });

  it("refuses to create a table whose name another sheet uses, without changing anything", async () => {
    const { fake, host } = setup();
    const plans = planNewWorkbook(templateContent("beispiel", today)).sheets;
    await host.applySheetPlan(plans.find((p) => p.name === "Akteure")!);
    fake.sheet("Akteure")!.name = "Partner";
    const before = fake.sheets.length;
    await expect(host.applySheetPlan(plans.find((p) => p.name === "Akteure")!)).rejects.toThrow(/Tabelle „tblAkteure“ steht bereits auf dem Blatt „Partner“/);
    expect(fake.sheets.length).toBe(before);
  });

  it("puts notes only where the API set is supported", async () => {
    const plan: SheetPlan = {
      ...planNewWorkbook({}).sheets[0]!,
      notes: [{ row: 2, column: 2, text: "Bitte prüfen" }],
    };
    const { fake, host } = setup();
    await host.applySheetPlan(plan);
    expect(fake.sheet(plan.name)!.notes).toEqual([]);
    const supported = new ExcelHost({ run: fake.run, isSetSupported: (s, v) => s === "ExcelApi" && v === "1.18" });
    await supported.applySheetPlan(plan);
    expect(fake.sheet(plan.name)!.notes).toEqual([{ address: "B2", text: "Bitte prüfen" }]);
  });
});

describe("createSheetsIfMissing", () => {
  it("creates only the sheets that do not exist and never touches data", async () => {
    const { fake, host } = setup();
    const plans = planNewWorkbook(templateContent("beispiel", today)).sheets;
    await host.applySheetPlan(plans.find((p) => p.name === "Maßnahmen")!);
    const cells = new Map(fake.sheet("Maßnahmen")!.cells);
    const skipped = await host.createSheetsIfMissing(plans);
    expect(skipped).toEqual(["Maßnahmen"]);
    expect(fake.sheet("Maßnahmen")!.cells).toEqual(cells);
    expect(fake.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(plans.map((p) => p.name)));
  });
});

describe("writeRows", () => {
  async function withMeasures() {
    const { fake, host } = setup();
    await applyAll(host, planNewWorkbook(templateContent("beispiel", today)).sheets);
    return { fake, host };
  }

  it("updates by ID after the rows were sorted, and appends new rows in header order", async () => {
    const { fake, host } = await withMeasures();
    const sheet = fake.sheet("Maßnahmen")!;
    const table = fake.table("tblMassnahmen")!;
    // a co-author sorts the table descending by ID
    const rows: Map<number, unknown>[] = [];
    for (let r = table.area.top + 1; r <= table.area.bottom; r++) {
      const m = new Map<number, unknown>();
      for (let c = table.area.left; c <= table.area.right; c++) m.set(c, sheet.cells.get(`${r},${c}`));
      rows.push(m);
    }
    rows.reverse().forEach((m, i) => {
      for (const [c, cell] of m) {
        if (cell) sheet.cells.set(`${table.area.top + 1 + i},${c}`, cell as never);
        else sheet.cells.delete(`${table.area.top + 1 + i},${c}`);
      }
    });
    const before = readConcept(await host.snapshot()).massnahmen.rows;
    const target = before.find((r) => r.values.id === "M-002")!;
    const other = before.find((r) => r.values.id === "M-003")!;

    fake.syncs = 0;
    await host.writeRows([
      { kind: "massnahmen", id: "M-002", values: { titel: "=Neuer Titel", status: "umgesetzt" } },
      { kind: "massnahmen", id: "M-900", values: { titel: "Neue Maßnahme", frist: new Date("2027-12-31T00:00:00Z"), sachkosten: 1500, zielwert: "40" } },
    ]);
    expect(fake.syncs).toBe(3);

    const after = readConcept(await host.snapshot()).massnahmen.rows;
    const updated = after.find((r) => r.values.id === "M-002")!;
    expect(updated.row).toBe(target.row);
    expect(updated.values.titel).toBe("=Neuer Titel");
    expect(updated.values.status).toBe("umgesetzt");
    expect(updated.values.beschreibung).toBe(target.values.beschreibung);
    expect(after.find((r) => r.values.id === "M-003")).toEqual(other);
    const added = after.find((r) => r.values.id === "M-900")!;
    expect(added.row).toBe(table.area.bottom);
    expect(added.values).toMatchObject({ titel: "Neue Maßnahme", sachkosten: 1500, zielwert: "40" });
    expect(typeof added.values.frist).toBe("number");
    expect(added.values.beschreibung).toBeUndefined();
  });

  it("writes only the cells that changed", async () => {
    const { fake, host } = await withMeasures();
    const m1 = readConcept(await host.snapshot()).massnahmen.rows.find((r) => r.values.id === "M-001")!;
    fake.log = [];
    await host.writeRows([{ kind: "massnahmen", id: "M-001", values: { titel: m1.values.titel, status: "verstetigt" } }]);
    const writes = fake.log.filter((l) => l.startsWith("range.values"));
    expect(writes).toEqual(['range.values [["verstetigt"]]']);
  });

  it("unprotects and re-protects a protected sheet, and leaves an unprotected one alone", async () => {
    const { fake, host } = await withMeasures();
    fake.log = [];
    await host.writeRows([{ kind: "akteure", id: "A-77", values: { bezeichnung: "Neue Stelle" } }]);
    expect(fake.log.filter((l) => l === "unprotect" || l.startsWith("protect"))).toEqual([]);
    const akteure = fake.sheet("Akteure")!;
    akteure.protected = true;
    akteure.protectionOptions = { allowSort: true };
    await host.writeRows([{ kind: "akteure", id: "A-78", values: { bezeichnung: "Noch eine" } }]);
    expect(fake.log.filter((l) => l === "unprotect" || l.startsWith("protect"))).toEqual(["unprotect", 'protect {"allowSort":true}']);
    expect(akteure.protected).toBe(true);
  });

  it("fills the empty row of a new table first, then appends", async () => {
    const { fake, host } = setup();
    await host.applySheetPlan(planNewWorkbook({}).sheets.find((s) => s.name === "Akteure")!);
    await host.writeRows([
      { kind: "akteure", id: "A-01", values: { bezeichnung: "Jugendamt" } },
      { kind: "akteure", id: "A-02", values: { bezeichnung: "Jobcenter", email: "info@jobcenter.de" } },
    ]);
    const rows = readTable(tableSpec("akteure"), await host.snapshot())!.rows;
    expect(rows.map((r) => [r.row, r.values.id, r.values.bezeichnung])).toEqual([
      [2, "A-01", "Jugendamt"],
      [3, "A-02", "Jobcenter"],
    ]);
    expect(fake.table("tblAkteure")!.area.bottom).toBe(3);
  });

  it("finds a row of a table without ID by its key (Indikator + Stichtag), updates it, else appends, in three syncs", async () => {
    const { fake, host } = await withMeasures();
    const key = { subject: "indikator", date: "stichtag" };
    const before = readConcept(await host.snapshot()).indikatorwerte!.rows;
    // The example holds I-007 for 30.06.2026 as text; the pane writes a Date, and `2025` means 31.12.2025.
    fake.syncs = 0;
    await host.writeRows([
      { kind: "indikatorwerte", id: "I-007", key, values: { indikator: "I-007 – Anerkennung", stichtag: new Date("2026-06-30T00:00:00Z"), wert: 27 } },
      { kind: "indikatorwerte", id: "I-001", key, values: { indikator: "I-001", stichtag: "2025", wert: 121 } },
      { kind: "indikatorwerte", id: "I-012", key, values: { indikator: "I-012", stichtag: new Date("2026-06-30T00:00:00Z"), wert: 70 } },
    ]);
    expect(fake.syncs).toBe(3);
    const after = readConcept(await host.snapshot()).indikatorwerte!.rows;
    expect(after).toHaveLength(before.length + 1);
    const at = (row: number) => after.find((r) => r.row === row)!.values;
    const i7 = before.find(
      (r) => String(r.values.indikator).startsWith("I-007") && r.values.stichtag === "30.06.2026",
    )!;
    expect(at(i7.row)).toMatchObject({ indikator: "I-007 – Anerkennung", wert: 27 });
    const i1 = before.find((r) => String(r.values.indikator).startsWith("I-001") && r.values.stichtag === "2025")!;
    expect(at(i1.row).wert).toBe(121);
    expect(after.at(-1)!.values).toMatchObject({ indikator: "I-012", wert: 70 });
  });

  it("finds an Einstellung by its Schlüssel alone (a key without date), updates it, else appends", async () => {
    const { host } = await withMeasures();
    const key = { name: "schluessel" };
    const before = readConcept(await host.snapshot()).einstellungen!.rows;
    const ruecklauf = before.find((r) => r.values.schluessel === "Rücklauf bis")!;
    await host.writeRows([
      { kind: "einstellungen", id: "Rücklauf bis", key, values: { schluessel: "Rücklauf bis", wert: new Date("2027-03-31T00:00:00Z") } },
      { kind: "einstellungen", id: "Rücklauf an", key, values: { schluessel: "Rücklauf an", wert: "integration@kreis.de" } },
    ]);
    const after = readConcept(await host.snapshot()).einstellungen!.rows;
    expect(after).toHaveLength(before.length + 1);
    expect(typeof after.find((r) => r.row === ruecklauf.row)!.values.wert).toBe("number");
    expect(after.at(-1)!.values).toMatchObject({ schluessel: "Rücklauf an", wert: "integration@kreis.de" });
  });

  it("clears a cell given as empty", async () => {
    const { host } = await withMeasures();
    await host.writeRows([{ kind: "massnahmen", id: "M-001", values: { bemerkung: null, zielgruppe: "" } }]);
    const m1 = readConcept(await host.snapshot()).massnahmen.rows.find((r) => r.values.id === "M-001")!;
    expect(m1.values.bemerkung).toBeUndefined();
    expect(m1.values.zielgruppe).toBeUndefined();
  });

  it("names the missing table in German", async () => {
    const { host } = setup();
    await expect(host.writeRows([{ kind: "massnahmen", id: "M-001", values: {} }])).rejects.toThrow(/Tabelle „tblMassnahmen“ wurde in dieser Arbeitsmappe nicht gefunden/);
  });

  it("finds a setting by its Schlüssel (compared like headers), updates it, else appends it", async () => {
    const { host } = await withMeasures();
    const key = { name: "schluessel" };
    await host.writeRows([
      {
        kind: "einstellungen",
        id: "Rücklauf bis",
        key,
        values: { schluessel: "RUECKLAUF BIS", wert: new Date("2027-03-31T00:00:00Z") },
      },
      { kind: "einstellungen", id: "Rücklauf an", key, values: { schluessel: "Rücklauf an", wert: "A-01" } },
    ]);
    const rows = readConcept(await host.snapshot()).einstellungen!.rows;
    // „RUECKLAUF BIS“ found the row „Rücklauf bis“: no second row of that key.
    const ruecklauf = rows.filter((r) => /^r(ü|ue)cklauf/i.test(String(r.values.schluessel)));
    expect(ruecklauf.map((r) => r.values.schluessel)).toEqual(["RUECKLAUF BIS", "Rücklauf an"]);
    expect(typeof ruecklauf[0]!.values.wert).toBe("number");
    expect(ruecklauf[1]!.values.wert).toBe("A-01");
  });
});

describe("deleteRows", () => {
  it("deletes table rows by ID bottom-up in three syncs; the table shrinks and the rows below move up", async () => {
    const { fake, host } = setup();
    await applyAll(host, planNewWorkbook(templateContent("beispiel", today)).sheets);
    const before = readTable(tableSpec("akteure"), await host.snapshot())!.rows;
    const bottom = fake.table("tblAkteure")!.area.bottom;
    fake.syncs = 0;
    await host.deleteRows("akteure", ["a-02", "A-04", "A-99"]);
    expect(fake.syncs).toBe(3);
    const after = readTable(tableSpec("akteure"), await host.snapshot())!.rows;
    expect(after.map((r) => r.values.id)).toEqual(
      before.map((r) => r.values.id).filter((id) => id !== "A-02" && id !== "A-04"),
    );
    expect(after.map((r) => r.row)).toEqual(after.map((_, i) => i + 2));
    expect(fake.table("tblAkteure")!.area.bottom).toBe(bottom - 2);
    expect(fake.log.filter((l) => l.startsWith("range.delete"))).toEqual(["range.delete Up", "range.delete Up"]);
  });

  it("keeps one empty row when every row goes, as an Excel table must", async () => {
    const { fake, host } = setup();
    await host.applySheetPlan(
      planNewWorkbook({ handlungsfelder: [{ id: "HF-01", handlungsfeld: "Bildung" }] }).sheets.find(
        (s) => s.name === "Handlungsfelder",
      )!,
    );
    await host.deleteRows("handlungsfelder", ["HF-01"]);
    expect(readTable(tableSpec("handlungsfelder"), await host.snapshot())!.rows).toEqual([]);
    expect(fake.table("tblHandlungsfelder")!.area.bottom).toBe(2);
  });
});

describe("selection and events", () => {
  it("selects a cell on its sheet", async () => {
    const { fake, host } = setup();
    fake.addSheet("Maßnahmen");
    await host.selectCell("Maßnahmen", "O5");
    expect(fake.activeSheet).toBe("Maßnahmen");
    expect(fake.selection).toBe("Maßnahmen!O5");
  });

  it("re-checks once after a pause, on changes and on selection changes, until disposed", async () => {
    jest.useFakeTimers();
    try {
      const { fake, host } = setup();
      await host.applySheetPlan(planNewWorkbook(templateContent("beispiel", today)).sheets.find((s) => s.name === "Maßnahmen")!);
      const callback = jest.fn();
      const dispose = await host.onChangeDebounced(callback, 300);
      await fake.fire("Maßnahmen", "changed", { address: "D3" });
      await fake.fire("Maßnahmen", "selectionChanged", { address: "P3" }); // a dropdown pick
      jest.advanceTimersByTime(299);
      expect(callback).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(callback).toHaveBeenCalledTimes(1);
      await dispose();
      await fake.fire("Maßnahmen", "changed", { address: "D3" });
      jest.advanceTimersByTime(1000);
      expect(callback).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it("tells the ID of the measure in the selected row, also after sorting", async () => {
    const { fake, host } = setup();
    await host.applySheetPlan(planNewWorkbook(templateContent("beispiel", today)).sheets.find((s) => s.name === "Maßnahmen")!);
    const ids: (string | null)[] = [];
    await host.onMeasureSelected((id) => ids.push(id));
    await fake.fire("Maßnahmen", "selectionChanged", { address: "D3" });
    await fake.fire("Maßnahmen", "selectionChanged", { address: "A1" });
    await fake.fire("Maßnahmen", "selectionChanged", { address: "C900" });
    expect(ids).toEqual([fake.value("Maßnahmen", 3, 1), null, null]);
    expect(ids[0]).toMatch(/^M-\d{3}$/);
  });
});

describe("errors", () => {
  it("a cell in edit mode gives the German sentence", async () => {
    const { fake, host } = setup();
    fake.editMode = true;
    await expect(host.snapshot()).rejects.toBeInstanceOf(HostBusyError);
    await expect(host.selectCell("Tabelle1", "A1")).rejects.toThrow(EDIT_MODE_MESSAGE);
    await expect(host.writeRows([{ kind: "massnahmen", id: "M-001", values: {} }])).rejects.toThrow(EDIT_MODE_MESSAGE);
  });

  it("other Office errors become one German sentence", async () => {
    const host = new ExcelHost({
      run: (async () => {
        throw new OfficeError("GeneralException", "Something went wrong");
      }) as never,
      isSetSupported: () => false,
    });
    const error = await host.selectCell("X", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as Error).message).toMatch(/^Excel konnte den Vorgang nicht ausführen \(Fehlercode GeneralException\): .*\.$/);
    const missing = await new ExcelHost({ run: setup().fake.run }).selectCell("Gibtsnicht", "A1").catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/^Excel hat ein Blatt oder eine Tabelle nicht gefunden/);
  });

  it("reading a property before sync throws, like Office.js", async () => {
    const { fake } = setup();
    await fake.run(async (ctx: any) => {
      const range = ctx.workbook.worksheets.getItem("Tabelle1").getRange("A1");
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await ctx.sync();
      expect(range.values).toEqual([[""]]);
    });
  });
});

describe("headerFooterSections", () => {
  it("splits Excel's &L/&C/&R sections and keeps a doubled && as a literal ampersand", () => {
    expect(headerFooterSections("&L&11Stadt A&&B&C&11&A&R&11Seite &P von &N")).toEqual({
      left: "&11Stadt A&&B",
      center: "&11&A",
      right: "&11Seite &P von &N",
    });
    expect(headerFooterSections("nur Mitte")).toEqual({ left: "", center: "nur Mitte", right: "" });
  });
});
