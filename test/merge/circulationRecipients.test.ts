/**
 * Circulation to everyone who leads a measure: a file per Fachbereich and per Akteur without Fachbereich (the
 * Jobcenter, the Kreissportbund of the example), addressed to it and holding only its own measures; a
 * Federführung written as text goes to the Akteur `check` suggests; measures `verworfen` stay at home; what
 * cannot be assigned is named before any file is written and sent to nobody. The returns of these files merge
 * back, an Akteur's like a Fachbereich's, and so does a file of the old kind „ohne Fachbereich“.
 */
import type ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { HINTS_SHEET } from "../../src/workbook/sheets/hinweise";
import { CONFLICT_SHEET } from "../../src/workbook/sheets/konflikte";
import { BASE_SHEET } from "../../src/workbook/sheets/verteilung";
import { openWorkbook, saveWorkbookAtomically } from "../../src/xlsx/file";
import { TODAY, columnOf, loadWorkbook, removeTempDirs, rowWhere, runCli, sheet, tempDir } from "../helpers/cli";
import { ooxmlProblems } from "../helpers/ooxml";

afterAll(() => removeTempDirs());

const JOBCENTER = "konzept – Jobcenter Beispielkreis.xlsx";
const KSB = "konzept – Kreissportbund Beispielkreis e. V.xlsx";

async function master(change?: (wb: ExcelJS.Workbook) => void): Promise<{ dir: string; file: string }> {
  const dir = tempDir("mnp-recipients-");
  const file = path.join(dir, "konzept.xlsx");
  expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
  if (change) await edit(file, change);
  return { dir, file };
}

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await loadWorkbook(file);
  change(wb);
  await wb.xlsx.writeFile(file);
}

function ids(ws: ExcelJS.Worksheet, header = "ID"): string[] {
  const col = columnOf(ws, header);
  const out: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, col).text.trim()) out.push(ws.getCell(r, col).text.trim());
  return out;
}

function hintsOf(wb: ExcelJS.Workbook): string {
  return sheet(wb, HINTS_SHEET.sheet)
    .getColumn(1)
    .values.filter((v): v is string => typeof v === "string")
    .join("\n");
}

function setLead(wb: ExcelJS.Workbook, id: string, value: ExcelJS.CellValue) {
  const m = sheet(wb, "Maßnahmen");
  m.getCell(rowWhere(m, "ID", id), columnOf(m, "Federführung")).value = value;
}

function cell(wb: ExcelJS.Workbook, id: string, header: string): string {
  const m = sheet(wb, "Maßnahmen");
  return m.getCell(rowWhere(m, "ID", id), columnOf(m, header)).text;
}

describe("split to everyone who leads a measure", () => {
  test("an Akteur without Fachbereich gets its own file, addressed to it; a Federführung as text goes where check points; verworfen stays home", async () => {
    const { dir, file } = await master();
    const out = path.join(dir, "verteilt");
    const run = await runCli(["split", file, "--ziel", out, "--quiet"]);
    expect(run).toMatchObject({ code: 0, err: "" });
    const files = fs.readdirSync(out).sort();
    expect(files).toContain(JOBCENTER);
    expect(files).toContain(KSB);
    expect(files.some((f) => /ohne Fachbereich/.test(f))).toBe(false);
    expect(ooxmlProblems(path.join(out, JOBCENTER), path.join(out, KSB))).toEqual([]);

    // M-018 names the Jobcenter by its Bezeichnung: check suggests A-06, and split sends it there.
    const check = await runCli(["check", file, "--json"]);
    const finding = (
      JSON.parse(check.out) as { findings: { rule: string; id: string; message: string }[] }
    ).findings.find((f) => f.rule === "A_FEDERFUEHRUNG_UNBEKANNT" && f.id === "M-018");
    expect(finding?.message).toContain("Gemeint ist vermutlich A-06 – Jobcenter Beispielkreis");
    expect(run.out).toContain(
      "Hinweis: Maßnahme M-018 „Ausbildungspaten“: Federführung „Jobcenter Beispielkreis“ ist keine Akteur-ID; verteilt an A-06 – Jobcenter Beispielkreis (bitte die ID eintragen).",
    );
    expect(run.out).toContain("Nicht verschickt, weil verworfen: M-019 „Ankunftshaus“.");
    expect(run.out).toContain(`  Jobcenter Beispielkreis (Akteur ohne Fachbereich): 4 Maßnahmen → ${JOBCENTER}`);

    const jobcenter = await loadWorkbook(path.join(out, JOBCENTER));
    expect(ids(sheet(jobcenter, "Maßnahmen"))).toEqual(["M-008", "M-010", "M-012", "M-018"]);
    const hints = hintsOf(jobcenter);
    expect(hints).toContain("Maßnahmen zur Rückmeldung – Jobcenter Beispielkreis");
    expect(hints).toContain("die 4 Maßnahmen, für die Sie federführend sind");
    expect(hints).not.toMatch(/Ihr(em)? Fachbereich/);
    const base = sheet(jobcenter, BASE_SHEET.sheet);
    expect([base.getCell("A3").text, base.getCell("B3").text]).toEqual(["Fachbereich", ""]);
    expect([base.getCell("A6").text, base.getCell("B6").text]).toEqual(["Akteur", "A-06"]);

    const ksb = await loadWorkbook(path.join(out, KSB));
    expect(ids(sheet(ksb, "Maßnahmen"))).toEqual(["M-013"]);
    // A partner outside the administration sees every Akteur for its list, but only its own contact.
    const contacts = (wb: ExcelJS.Workbook) => {
      const a = sheet(wb, "Akteure");
      return ids(a).map((id) => {
        const r = rowWhere(a, "ID", id);
        return [id, a.getCell(r, columnOf(a, "Ansprechperson")).text, a.getCell(r, columnOf(a, "E-Mail")).text];
      });
    };
    const partner = contacts(ksb);
    expect(partner.length).toBeGreaterThan(5);
    expect(partner.filter(([, person, mail]) => person || mail)).toEqual([
      ["A-08", "Lea Brandt", "info@ksb-beispielkreis.de"],
    ]);
    // Within the administration the contacts stay, as in the master.
    const jugend = contacts(await loadWorkbook(path.join(out, "konzept – Fachbereich 4 – Jugend.xlsx")));
    expect(jugend.filter(([, person]) => person).length).toBeGreaterThan(3);
    expect(hintsOf(ksb)).toContain("steht die Maßnahme, für die Sie federführend sind");
    // A Fachbereich's file is addressed to the Fachbereich, as before.
    expect(hintsOf(await loadWorkbook(path.join(out, "konzept – Fachbereich 4 – Jugend.xlsx")))).toContain(
      "für die Ihr Fachbereich federführend ist",
    );
    // Nobody receives M-019.
    for (const f of files)
      expect(ids(sheet(await loadWorkbook(path.join(out, f)), "Maßnahmen"))).not.toContain("M-019");
  });

  test("what cannot be assigned is named before any file is written and goes to nobody", async () => {
    const { dir, file } = await master((wb) => {
      setLead(wb, "M-003", "Stadtteilbüro Nord");
      setLead(wb, "M-004", null);
    });
    const out = path.join(dir, "verteilt");
    let stdout = "";
    let namedBeforeWriting: boolean | null = null;
    const code = await main(["split", file, "--ziel", out, "--quiet"], {
      out: (t) => {
        if (t.includes("niemandem zuordnen")) namedBeforeWriting = !fs.existsSync(out);
        stdout += t;
      },
      err: (t) => {
        throw new Error(`stderr: ${t}`);
      },
      today: () => TODAY,
      now: () => 0,
    });
    expect(code).toBe(0);
    expect(namedBeforeWriting).toBe(true);
    expect(stdout.split("\n").slice(0, 3)).toEqual([
      "Diese 2 Zeilen lassen sich niemandem zuordnen und werden nicht verschickt:",
      "  Maßnahme M-003 „Mehrsprachige Terminvergabe“: Federführung „Stadtteilbüro Nord“ ist kein Akteur; bitte einen Akteur aus der Liste wählen oder im Blatt „Akteure“ anlegen.",
      "  Maßnahme M-004 „Wohnraumvermittlung für Geflüchtete“: keine Federführung; bitte einen Akteur aus der Liste wählen.",
    ]);
    const files = fs.readdirSync(out);
    expect(files.some((f) => /ohne Fachbereich/.test(f))).toBe(false);
    for (const f of files) {
      const sent = ids(sheet(await loadWorkbook(path.join(out, f)), "Maßnahmen"));
      expect(sent).not.toContain("M-003");
      expect(sent).not.toContain("M-004");
    }
  });

  test("when no measure can be assigned: one sentence, exit 2, nothing written", async () => {
    const { dir, file } = await master((wb) => {
      const m = sheet(wb, "Maßnahmen");
      for (const id of ids(m)) setLead(wb, id, "Niemand");
    });
    const out = path.join(dir, "verteilt");
    const run = await runCli(["split", file, "--ziel", out, "--quiet"]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatch(
      /lässt sich keine Maßnahme einem Fachbereich oder Akteur zuordnen, es wurde nichts geschrieben/,
    );
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});

/** The example master and its split into `verteilt`. */
async function distributed(): Promise<{ dir: string; file: string; out: string }> {
  const { dir, file } = await master();
  const out = path.join(dir, "verteilt");
  expect((await runCli(["split", file, "--ziel", out, "--quiet"])).code).toBe(0);
  return { dir, file, out };
}

describe("merging the returns of an Akteur", () => {
  test("its changes are applied, its new measure added; a measure that now belongs to a Fachbereich is not taken", async () => {
    const { dir, file, out } = await distributed();
    const returned = path.join(out, JOBCENTER);
    await edit(returned, (wb) => {
      const m = sheet(wb, "Maßnahmen");
      m.getCell(rowWhere(m, "ID", "M-008"), columnOf(m, "Zielwert")).value = "350 bestandene B1-Prüfungen";
      m.getCell(rowWhere(m, "ID", "M-018"), columnOf(m, "Status")).value = "in Umsetzung";
      m.getCell(rowWhere(m, "ID", "M-012"), columnOf(m, "Bemerkung")).value = "Börse läuft über die IHK";
      const next = rowWhere(m, "ID", "M-018") + 1;
      m.getCell(next, columnOf(m, "Titel")).value = "Bewerbungscafé";
      m.getCell(next, columnOf(m, "Federführung")).value = "A-06";
    });
    // Meanwhile the Koordinierungsstelle gave M-012 to the Jugendamt (Fachbereich 4), writing with the
    // program's own writer (exceljs, the tests' editor, would leave a package the validator refuses).
    const m = sheet(await loadWorkbook(file), "Maßnahmen");
    const doc = await openWorkbook(file);
    doc.writeCells("Maßnahmen", [
      { row: rowWhere(m, "ID", "M-012"), column: columnOf(m, "Federführung"), value: "A-04" },
    ]);
    await saveWorkbookAtomically(doc, file);
    const merged = path.join(dir, "merged.xlsx");
    const run = await runCli(["merge", file, returned, "-o", merged, "--quiet"]);
    expect(run.err).toBe("");
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `${JOBCENTER}: 2 Werte übernommen, 1 Maßnahme neu (1 mit neuer ID), 1 Wert nicht übernommen.`,
    );
    const wb = await loadWorkbook(merged);
    expect(cell(wb, "M-008", "Zielwert")).toBe("350 bestandene B1-Prüfungen");
    expect(cell(wb, "M-018", "Status")).toBe("in Umsetzung");
    expect(cell(wb, "M-021", "Titel")).toBe("Bewerbungscafé");
    expect(cell(wb, "M-012", "Bemerkung")).not.toBe("Börse läuft über die IHK");
    const konflikte = sheet(wb, CONFLICT_SHEET.sheet);
    expect(konflikte.getCell("A2").text).toBe("M-012");
    expect(konflikte.getCell("F2").text).toBe(
      "Die Maßnahme gehört in der Gesamtdatei zu „Fachbereich 4 – Jugend“, nicht zu „A-06 – Jobcenter Beispielkreis“; Änderungen wurden nicht übernommen.",
    );
    expect(ooxmlProblems(merged)).toEqual([]);
  });

  test("a file of the old kind „ohne Fachbereich“ still merges into the rows without Fachbereich", async () => {
    const { dir, file, out } = await distributed();
    // What `split` wrote before: every measure without Fachbereich in one file, its base naming no Akteur.
    const old = path.join(out, JOBCENTER);
    await edit(old, (wb) => {
      const base = sheet(wb, BASE_SHEET.sheet);
      base.getCell("B3").value = "ohne Fachbereich";
      base.getCell("B6").value = null;
      const m = sheet(wb, "Maßnahmen");
      m.getCell(rowWhere(m, "ID", "M-010"), columnOf(m, "Zielgruppe")).value = "Zugewanderte mit Berufsabschluss";
    });
    const run = await runCli(["merge", file, old, "--quiet"]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(cell(await loadWorkbook(file), "M-010", "Zielgruppe")).toBe("Zugewanderte mit Berufsabschluss");
  });
});

describe("the status query to an Akteur", () => {
  test("is named as such, asks for its measures and the indicators it delivers, and merges back", async () => {
    const { dir, file } = await master();
    const out = path.join(dir, "abfrage");
    const run = await runCli(["split", file, "--ziel", out, "--sachstand", "2026-12-31", "--quiet"]);
    expect(run).toMatchObject({ code: 0, err: "" });
    const name = "konzept – Sachstandsabfrage 31.12.2026 – Jobcenter Beispielkreis.xlsx";
    expect(fs.readdirSync(out)).toContain(name);
    expect(fs.readdirSync(out).every((f) => f.startsWith("konzept – Sachstandsabfrage 31.12.2026 – "))).toBe(true);
    const query = path.join(out, name);
    const wb = await loadWorkbook(query);
    expect(ids(sheet(wb, "Sachstände"), "Maßnahme")).toEqual(["M-008", "M-010", "M-012", "M-018"]);
    expect(ids(sheet(wb, "Indikatorwerte"), "Indikator")).toEqual(["I-006"]);
    expect(hintsOf(wb)).toContain("Sachstandsabfrage – Jobcenter Beispielkreis");
    expect(hintsOf(wb)).toContain("deren Werte Sie liefern");

    await edit(query, (w) => {
      const s = sheet(w, "Sachstände");
      s.getCell(rowWhere(s, "Maßnahme", "M-008"), columnOf(s, "Sachstand")).value = "Zwei Kurse laufen.";
      const v = sheet(w, "Indikatorwerte");
      v.getCell(rowWhere(v, "Indikator", "I-006"), columnOf(v, "Wert")).value = 41;
    });
    const merge = await runCli(["merge", file, query, "--quiet"]);
    expect(merge.err).toBe("");
    expect(merge.out).toContain("1 Sachstand angefügt, 3 nicht gemeldet; 1 Indikatorwert angefügt, 0 nicht gemeldet");
  });
});
