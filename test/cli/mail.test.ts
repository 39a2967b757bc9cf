/**
 * `split --mail`: beside each file a mail draft (.eml) to the Ansprechpersonen of the recipient's Akteure, read
 * back with a real MIME parser (test/helpers/mime.ts): To, the decoded German subject, X-Unsent, the text that
 * says what the Hinweise sheet says, and the attached workbook byte for byte. A recipient without address gets a
 * draft without To:, and the run names it.
 */
import type ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { HINTS_SHEET } from "../../src/workbook/sheets/hinweise";
import { XLSX_MIME_TYPE } from "../../src/domain/mail";
import { columnOf, loadWorkbook, removeTempDirs, rowWhere, runCli, sheet, tempDir } from "../helpers/cli";
import { type ParsedMail, parseEml } from "../helpers/mime";
import { ooxmlProblems } from "../helpers/ooxml";

afterAll(removeTempDirs);

const FB4 = "Fachbereich 4 – Jugend";

async function master(change?: (wb: ExcelJS.Workbook) => void): Promise<{ dir: string; file: string }> {
  const dir = tempDir("mnp-mail-");
  const file = path.join(dir, "konzept.xlsx");
  expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
  if (change) {
    const wb = await loadWorkbook(file);
    change(wb);
    await wb.xlsx.writeFile(file);
  }
  return { dir, file };
}

/** Every draft of a folder, parsed, by the name of the file it carries. */
function drafts(dir: string): Map<string, ParsedMail> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => path.join(dir, f));
  return new Map(parseEml(files).map((m) => [path.basename(m.file, ".eml"), m]));
}

/** The Hinweise of a written file below its title, as the sheet shows them. */
async function hintsOf(file: string): Promise<string[]> {
  const wb = await loadWorkbook(file);
  const values = sheet(wb, HINTS_SHEET.sheet).getColumn(1).values as unknown[];
  return values.slice(4).filter((v): v is string => typeof v === "string" && v !== "");
}

describe("split --mail", () => {
  test("writes a draft per file to the Ansprechpersonen, with the Hinweise as text and the very workbook attached", async () => {
    const { dir, file } = await master();
    const out = path.join(dir, "verteilung");
    const run = await runCli(["split", file, "--ziel", out, "--mail"]);
    expect(run).toMatchObject({ code: 0, err: "" });
    const xlsx = fs.readdirSync(out).filter((f) => f.endsWith(".xlsx"));
    const mails = drafts(out);
    expect([...mails.keys()].sort()).toEqual(xlsx.map((f) => f.replace(/\.xlsx$/, "")).sort());
    for (const [stem, mail] of mails) {
      expect(mail.defects).toEqual([]);
      expect(mail.xUnsent).toBe("1");
      expect(mail.from).toBeNull();
      expect(mail.contentType).toBe("multipart/mixed");
      expect(mail.crlf).toBe(true);
      expect(mail.longestLine).toBeLessThanOrEqual(998);
      expect(mail.attachments).toHaveLength(1);
      const [attachment] = mail.attachments;
      expect(attachment!.fileName).toBe(`${stem}.xlsx`);
      expect(attachment!.nameParam).toBe(`${stem}.xlsx`);
      expect(attachment!.contentType).toBe(XLSX_MIME_TYPE);
      expect(attachment!.data.equals(fs.readFileSync(path.join(out, `${stem}.xlsx`)))).toBe(true);
      // The same facts as the Hinweise sheet: what to do, by when, to whom.
      for (const line of await hintsOf(path.join(out, `${stem}.xlsx`)))
        expect(mail.text).toContain(
          line.replace("Bitte senden Sie diese Datei", "Bitte senden Sie die angehängte Datei"),
        );
    }
    const fb4 = mails.get(`konzept – ${FB4}`)!;
    // Jugendamt's Ansprechperson; the Kreisvolkshochschule's „vhs(at)…“ is no address and is named.
    expect(fb4.to).toEqual([{ name: "Jan Wichmann", address: "kita@beispielkreis.de" }]);
    expect(fb4.subject).toBe(`Maßnahmen zur Rückmeldung – ${FB4}`);
    expect(fb4.text).toMatch(
      /^Guten Tag,\n\nanbei erhalten Sie die Maßnahmen zur Rückmeldung für „Integrationskonzept/,
    );
    expect(fb4.text).toContain(
      "Bitte senden Sie die angehängte Datei als Excel-Datei (.xlsx) zurück an: Koordinierungsstelle",
    );
    expect(mails.get("konzept – Fachbereich 3 – Ordnung")!.to).toEqual([
      { name: "Murat Aydın", address: "auslaenderbehoerde@beispielkreis.de" },
    ]);
    // An external Akteur: its own address.
    expect(mails.get("konzept – Kreissportbund Beispielkreis e. V")!.to).toEqual([
      { name: "Lea Brandt", address: "info@ksb-beispielkreis.de" },
    ]);
    // The Jobcenter has no E-Mail: a draft without To, and the run says so.
    expect(mails.get("konzept – Jobcenter Beispielkreis")!.to).toEqual([]);
    expect(run.out).toContain(
      "Hinweis: Der Mail-Entwurf „konzept – Jobcenter Beispielkreis.eml“ an Jobcenter Beispielkreis hat keinen Empfänger, weil der Akteur im Blatt „Akteure“ keine gültige E-Mail hat; bitte die Adresse im Entwurf eintragen.",
    );
    expect(run.out).toContain(
      `Hinweis: Die E-Mail „vhs(at)beispielkreis.de“ von A-05 – Kreisvolkshochschule ist keine gültige Adresse und fehlt im Mail-Entwurf „konzept – ${FB4}.eml“.`,
    );
    expect(run.out).toContain(`${FB4}: 4 Maßnahmen → konzept – ${FB4}.xlsx, konzept – ${FB4}.eml an 1 Empfänger`);
    expect(run.out).toContain("Gesendet wurde nichts");
    expect(ooxmlProblems(path.join(out, `konzept – ${FB4}.xlsx`))).toEqual([]);
  });

  test("a Sachstandsabfrage with Erfassungsbogen is worded as such, with the Rücklauf date, to every Akteur of the Fachbereich", async () => {
    const { dir, file } = await master((wb) => {
      const e = sheet(wb, "Einstellungen");
      e.getCell(rowWhere(e, "Schlüssel", "Rücklauf bis"), columnOf(e, "Wert")).value = new Date("2027-01-15T00:00:00Z");
      const a = sheet(wb, "Akteure");
      // Two addresses in one cell, one of them also the Jugendamt's: each address once.
      a.getCell(rowWhere(a, "ID", "A-05"), columnOf(a, "E-Mail")).value = "vhs@beispielkreis.de; kita@beispielkreis.de";
    });
    const out = path.join(dir, "abfrage");
    const run = await runCli(["split", file, "--ziel", out, "--sachstand", "2026-12-31", "--angebote", "--mail"]);
    expect(run.code).toBe(0);
    const label = "Sachstandsabfrage 31.12.2026 und Erfassungsbogen Angebote";
    const fb4 = drafts(out).get(`konzept – ${label} – ${FB4}`)!;
    expect(fb4.subject).toBe(`${label} – ${FB4} – Rückmeldung bis 15.01.2027`);
    expect(fb4.to).toEqual([
      { name: "Jan Wichmann", address: "kita@beispielkreis.de" },
      { name: "Dr. Anna Sommer", address: "vhs@beispielkreis.de" },
    ]);
    expect(fb4.text).toContain(
      "anbei erhalten Sie die Sachstandsabfrage zum Berichtsstichtag 31.12.2026 und den Erfassungsbogen der bestehenden Angebote für",
    );
    expect(fb4.text).toContain(
      "Sachstandsabfrage\nIm Blatt „Sachstände“ steht je Maßnahme eine Zeile zum Berichtsstichtag 31.12.2026.",
    );
    expect(fb4.text).toContain("Erfassungsbogen: bestehende Angebote\nIm Blatt „Angebote“ stehen die 2 Angebote");
    expect(fb4.text).toContain("Bis wann?\nBitte bis zum 15.01.2027 zurücksenden.");
    expect(run.out).not.toContain("vhs(at)");
  });

  test("without --mail no draft is written; an existing draft in the folder stops the run before anything is written", async () => {
    const { dir, file } = await master();
    const plain = path.join(dir, "ohne");
    expect((await runCli(["split", file, "--ziel", plain])).code).toBe(0);
    expect(fs.readdirSync(plain).filter((f) => f.endsWith(".eml"))).toEqual([]);

    const out = path.join(dir, "belegt");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, `konzept – ${FB4}.eml`), "alt");
    const run = await runCli(["split", file, "--ziel", out, "--mail"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`Im Ordner „${out}“ liegt schon „konzept – ${FB4}.eml“`);
    expect(fs.readdirSync(out)).toEqual([`konzept – ${FB4}.eml`]);
  });
});
