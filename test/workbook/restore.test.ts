import ExcelJS from "exceljs";
import { buildMatrix, createTemplateWorkbook } from "../../src/xlsx/concept";
import { BrowserHost } from "../../src/xlsx/browserHost";

type Dv = { dataValidations: { model: Record<string, { type?: string; formulae?: string[] } | undefined>; find(a: string): { type?: string; formulae?: string[] } | undefined } };
const dvs = (ws: ExcelJS.Worksheet) => (ws as unknown as Dv).dataValidations;

async function reload(wb: ExcelJS.Workbook) {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

describe("rewriting a workbook in place", () => {
  it("puts back dropdowns that were lost (Excel keeps cross-sheet lists where exceljs cannot read them) and keeps a user's own rule", async () => {
    const wb = await reload(await createTemplateWorkbook("beispiel", "2026-11-22"));
    const ws = wb.getWorksheet("Maßnahmen")!;
    dvs(ws).model = {};
    ws.getCell("R2").dataValidation = { type: "textLength", operator: "lessThan", formulae: [200], allowBlank: true };
    const lost = await reload(wb);
    expect(dvs(lost.getWorksheet("Maßnahmen")!).find("B2")).toBeUndefined();

    await buildMatrix(lost, 2027);
    const back = await reload(lost);
    const m = back.getWorksheet("Maßnahmen")!;
    expect(dvs(m).find("B2")?.formulae?.[0]).toMatch(/^OFFSET\('Listen'!\$A\$2/);
    expect(dvs(m).find("P21")?.formulae?.[0]).toBe('"geplant,in Umsetzung,umgesetzt,verstetigt,zurückgestellt,verworfen"');
    expect(dvs(m).find("O500")?.type).toBe("date");
    expect(dvs(m).find("R2")?.type).toBe("textLength");
    expect(back.getWorksheet("Listen")!.state).toBe("hidden");
  });

  it("puts them back when the browser mode downloads a workbook", async () => {
    const wb = await reload(await createTemplateWorkbook("beispiel", "2026-11-22"));
    dvs(wb.getWorksheet("Maßnahmen")!).model = {};
    const lost = await reload(wb);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await new BrowserHost(lost, "x.xlsx").save());
    expect(dvs(back.getWorksheet("Maßnahmen")!).find("C2")?.formulae?.[0]).toMatch(/^OFFSET\('Listen'!\$B\$2/);
  });
});
