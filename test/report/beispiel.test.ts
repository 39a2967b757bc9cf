/**
 * The Sachstandsbericht of the example concept (`init --vorlage beispiel`, then `bericht`) printed to PDF by
 * LibreOffice, as the README suggests: every measure in its own Handlungsfeld's chapter (LibreOffice 7.4 once
 * printed the table of „HF-03 – Bildung und Sprache“ as its header alone), every title and Federführung with
 * no word broken across lines, the money per Handlungsfeld, invalid values marked, one date on the cover.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { reportModelOf } from "../../src/cli/bericht";
import type { ReportModel } from "../../src/domain/report";
import { TODAY, removeTempDirs, runCli, tempDir } from "../helpers/cli";
import { convertWithLibreOffice, describeWithLibreOffice, hasPdfToText } from "../helpers/libreoffice";
import { ooxmlProblems } from "../helpers/ooxml";

afterAll(removeTempDirs);

const describePdf = hasPdfToText() || process.env.CI ? describeWithLibreOffice : describe.skip;

/** The words of a text as printed, without the punctuation around them. */
const words = (text: string) =>
  text
    .replace(/\u00a0/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[„“"(]+|[.,;:!?“")]+$/g, ""))
    .filter(Boolean);

describePdf("the example's Sachstandsbericht printed by LibreOffice", () => {
  let model: ReportModel;
  let text: string;
  let docx: string;

  beforeAll(async () => {
    const dir = tempDir("mnp-bericht-beispiel-");
    const file = path.join(dir, "beispiel.xlsx");
    docx = path.join(dir, "bericht.docx");
    expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
    const run = await runCli(["bericht", file, "-o", docx]);
    expect(run.err).toBe("");
    model = await reportModelOf(file, undefined, TODAY);
    const pdf = convertWithLibreOffice(docx, "pdf");
    text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  }, 180_000);

  it("is a clean package", () => {
    expect(ooxmlProblems(docx)).toEqual([]);
  });

  /** The text of each Handlungsfeld's chapter: from its heading to the next one (the last to the annex). */
  function chapters(): Map<string, string> {
    const body = text.slice(text.indexOf("Stand nach Handlungsfeldern"));
    const fields = model.fields.filter((f) => f.measures.length > 0);
    const starts = fields.map((f) => {
      const at = body.indexOf(`\n${f.id ? `${f.id} – ${f.name}` : f.name}\n`);
      expect({ field: f.id, found: at >= 0 }).toEqual({ field: f.id, found: true });
      return at;
    });
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const end = body.indexOf("\nAnhang\n");
    return new Map(fields.map((f, i) => [f.id, body.slice(starts[i], starts[i + 1] ?? end)]));
  }

  it("prints every measure of a Handlungsfeld in its own chapter, and no other", () => {
    const byChapter = chapters();
    expect(byChapter.size).toBe(7);
    for (const field of model.fields.filter((f) => f.measures.length > 0)) {
      const printed = [...new Set(byChapter.get(field.id)!.match(/\bM-\d{3}\b/g))].sort();
      expect({ field: field.id, printed }).toEqual({
        field: field.id,
        printed: field.measures.map((m) => m.id).sort(),
      });
    }
  });

  it("prints every title and Federführung whole: no word broken across lines", () => {
    const byChapter = chapters();
    for (const field of model.fields.filter((f) => f.measures.length > 0)) {
      const printed = new Set(words(byChapter.get(field.id)!));
      for (const m of field.measures) {
        const broken = words(`${m.titel} ${m.federfuehrung}`).filter((w) => !printed.has(w));
        expect({ measure: m.id, broken }).toEqual({ measure: m.id, broken: [] });
      }
    }
    // The words the first print broke: „Willkommensvera|nstaltung“, „Koordinierun|gsstelle“, „Kreisvolksho|chschule“.
    const all = new Set(words(text));
    for (const w of ["Willkommensveranstaltung", "Koordinierungsstelle", "Kreisvolkshochschule", "Sprachcafés"]) {
      expect(all.has(w)).toBe(true);
    }
  });

  it("shows the Frist that check finds invalid as invalid", () => {
    expect(text.replace(/\s+/g, " ")).toContain("Frist ungültig: 31.02.2027");
    expect(text.replace(/\s+/g, " ")).toContain("Frist unbestimmt: fortlaufend");
  });

  it("names one date on the cover, the Berichtsstichtag", () => {
    // From the title to the first paragraph (the page header above it names the Stand, as it should).
    const cover = text.slice(text.search(/^Sachstandsbericht$/m), text.indexOf("Dieser Bericht"));
    expect(cover.match(/\d{1,2}\. \w+ \d{4}|\d\d\.\d\d\.\d{4}/g)).toEqual(["30. Juni 2026"]);
    expect(cover).toContain("Berichtsstichtag: 30. Juni 2026");
  });

  it("states Sachkosten, Personal and Finanzierung in the summary and in each chapter", () => {
    const flat = text.replace(/\s+/g, " ");
    const all = model.summary.resources.total;
    expect(all.sachkosten).toBeGreaterThan(0);
    expect(flat).toMatch(/Die Maßnahmen \(ohne verworfene\) veranschlagen zusammen [\d.]+ € Sachkosten und [\d,]+ VZÄ/);
    for (const [, chapter] of chapters()) expect(chapter).toContain("Sachkosten, Personal und Finanzierung");
  });
});
