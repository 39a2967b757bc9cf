/**
 * The .eml writer (src/domain/mail.ts) against a real MIME parser (test/helpers/mime.ts): any subject, display
 * name, file name, text and attachment comes back as written — umlauts, quotes, `=?`, long lines, trailing
 * spaces and empty lines included — and every line stays within the limits of RFC 5322 and 2047.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type MailDraft, XLSX_MIME_TYPE, headerText, mailAddress, writeEml } from "../../src/domain/mail";
import { parseEml } from "../helpers/mime";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnp-eml-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes the drafts and parses them back in one run of the parser. */
function roundTrip(drafts: MailDraft[]) {
  const files = drafts.map((d, i) => {
    const file = path.join(dir, `${i}.eml`);
    fs.writeFileSync(file, writeEml(d), "ascii");
    return file;
  });
  return parseEml(files);
}

/** The text as the parser gives it back: lines joined by "\n", without the last line end. */
const asRead = (text: string) => text.replace(/\r\n?/g, "\n").replace(/\n$/, "");

/** Header lines beyond 78 characters: only a token that cannot be broken (the xlsx media type). */
function longHeaderLines(eml: string): string[] {
  const head = eml.slice(0, eml.indexOf("\r\n\r\n"));
  const parts = eml.split(/\r\n--/).map((p) => p.slice(0, p.indexOf("\r\n\r\n")));
  return [head, ...parts]
    .flatMap((h) => h.split("\r\n"))
    .filter((l) => l.length > 78 && l !== `Content-Type: ${XLSX_MIME_TYPE};`);
}

describe("writeEml", () => {
  test("any subject, names, file name, text and bytes come back as written", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 40 });
    const draft = fc.record({
      subject: fc.oneof(text, fc.string({ unit: "grapheme-ascii", maxLength: 200 })),
      // Names up to 45 bytes are one encoded-word; longer ones meet the parser's bug (see encodedWords).
      names: fc.array(
        text.filter((t) => new TextEncoder().encode(t).length <= 45),
        { maxLength: 3 },
      ),
      fileName: fc.oneof(text, fc.constant("Konzept – Fachbereich 4 – Jugend und Familie (Ämter 51, 52).xlsx")),
      body: fc.array(fc.oneof(text, fc.string({ unit: "grapheme-ascii", maxLength: 300 })), { maxLength: 8 }),
      data: fc.uint8Array({ maxLength: 400 }),
    });
    const samples = fc.sample(draft, { numRuns: 60, seed: 22 });
    const drafts: MailDraft[] = samples.map((s, i) => ({
      to: s.names.map((name, j) => ({ name, address: `person${i}.${j}@beispielkreis.de` })),
      subject: s.subject,
      text: s.body.join("\n"),
      attachments: [{ fileName: `${s.fileName.trim()}.xlsx`, contentType: XLSX_MIME_TYPE, data: s.data }],
      date: new Date(Date.UTC(2026, 10, 22, 9, 30)),
    }));
    const parsed = roundTrip(drafts);
    parsed.forEach((m, i) => {
      const d = drafts[i]!;
      const eml = writeEml(d);
      expect({ i, defects: m.defects, long: longHeaderLines(eml) }).toEqual({ i, defects: [], long: [] });
      expect(m.longestLine).toBeLessThanOrEqual(80);
      expect(m.crlf).toBe(true);
      expect(m.subject).toBe(headerText(d.subject));
      expect(m.to).toEqual(d.to.map((t) => ({ name: headerText(t.name), address: t.address })));
      expect(m.xUnsent).toBe("1");
      expect(m.text).toBe(asRead(d.text));
      const a = d.attachments[0]!;
      expect(m.attachments.map((x) => [x.fileName, x.nameParam, x.contentType])).toEqual([
        [a.fileName, a.fileName, XLSX_MIME_TYPE],
      ]);
      expect(m.attachments[0]!.data.equals(Buffer.from(a.data))).toBe(true);
      // Every encoded-word within RFC 2047's 75 characters.
      for (const word of eml.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
    });
  });

  test("the edges a hand-written builder gets wrong", () => {
    const drafts: MailDraft[] = [
      {
        to: [
          { name: 'Dr. "Anna" Sommer, VHS', address: "vhs@beispielkreis.de" },
          { name: "Murat Aydın", address: "auslaenderbehoerde@beispielkreis.de" },
          { name: "", address: "info@beispielkreis.de" },
        ],
        subject: "Sachstandsabfrage 31.12.2026 – Fachbereich 4 – Jugend – Rückmeldung bis 15.01.2027 =?x?=",
        text: "Zeile mit Leerzeichen am Ende   \nGleichheitszeichen = und =3D\n.\nFrom here\n\n\nÄÖÜäöüß€ – „Zitat“\n",
        attachments: [
          { fileName: 'Größe;Name="x".xlsx', contentType: XLSX_MIME_TYPE, data: new Uint8Array([0, 255, 61]) },
        ],
      },
      // A draft without To: and without Date.
      { to: [], subject: "", text: "", attachments: [] },
    ];
    const [first, empty] = roundTrip(drafts);
    expect(first!.to).toEqual([
      { name: 'Dr. "Anna" Sommer, VHS', address: "vhs@beispielkreis.de" },
      { name: "Murat Aydın", address: "auslaenderbehoerde@beispielkreis.de" },
      { name: "", address: "info@beispielkreis.de" },
    ]);
    expect(first!.subject).toBe(drafts[0]!.subject);
    expect(first!.text).toBe(asRead(drafts[0]!.text));
    expect(first!.attachments[0]!.fileName).toBe('Größe;Name="x".xlsx');
    expect(empty).toMatchObject({ to: [], subject: "", text: "", attachments: [], defects: [], xUnsent: "1" });
    expect(writeEml(drafts[1]!)).not.toMatch(/^(To|Date):/m);
  });
});

describe("mailAddress", () => {
  test.each([
    ["kita@beispielkreis.de", "kita@beispielkreis.de"],
    ["  mailto:Kita@Beispielkreis.DE ", "Kita@beispielkreis.de"],
    ["info@münchen.de", "info@xn--mnchen-3ya.de"],
    ["vhs(at)beispielkreis.de", null],
    ["müller@beispielkreis.de", null],
    ["a..b@beispielkreis.de", null],
    ["", null],
  ])("%s → %s", (cell, address) => {
    expect(mailAddress(cell)).toBe(address);
  });
});
