/**
 * The mail draft beside each file of a distribution (`split --mail`, the pane's „Mail-Entwürfe beilegen“): to
 * the Ansprechpersonen of the recipient's Akteure, with a German subject and the text of the file's Hinweise
 * (what to do, by when, to whom), the workbook attached. The .eml itself: domain/mail.ts.
 */
import { formatGermanDate } from "../domain/dates";
import { type Mailbox, XLSX_MIME_TYPE, mailAddress, writeEml } from "../domain/mail";
import { type Recipient, akteurLabel, sameFachbereich } from "../domain/recipients";
import { idKey, normalizeLabel, textOf } from "../domain/values";
import type { ReadConcept } from "./read";
import { type HintsInput, conceptName, hintsLines } from "./sheets/hinweise";
import { distributionLabel } from "./split";

/** An E-Mail in the Akteure that is no usable address: left out of the draft, and said so. */
export interface UnusableAddress {
  /** The Akteur as `A-05 – Kreisvolkshochschule`. */
  akteur: string;
  email: string;
}

/** What a recipient's draft says, before the workbook's bytes are attached. */
export interface SplitMail {
  to: Mailbox[];
  unusable: UnusableAddress[];
  subject: string;
  text: string;
}

type AkteurRow = NonNullable<ReadConcept["akteure"]>["rows"][number];

const field = (row: AkteurRow, name: keyof AkteurRow["values"]) => textOf(row.values[name] ?? null).trim();

/** The Akteure a draft goes to: every Akteur of the Fachbereich, or the Akteur without Fachbereich itself. */
function akteureOf(concept: Pick<ReadConcept, "akteure">, recipient: Recipient): AkteurRow[] {
  const rows = concept.akteure?.rows ?? [];
  const own = recipient.akteur;
  if (!own)
    return rows.filter((r) => field(r, "fachbereich") && sameFachbereich(field(r, "fachbereich"), recipient.name));
  return rows.filter((r) =>
    own.id
      ? idKey(field(r, "id")) === idKey(own.id)
      : !field(r, "id") && normalizeLabel(field(r, "bezeichnung")) === normalizeLabel(own.bezeichnung),
  );
}

/**
 * The Ansprechpersonen with their E-Mail (several addresses in one cell, split at `;` or `,`), each address once;
 * addresses that cannot be used are listed apart.
 */
export function draftRecipients(
  concept: Pick<ReadConcept, "akteure">,
  recipient: Recipient,
): { to: Mailbox[]; unusable: UnusableAddress[] } {
  const to: Mailbox[] = [];
  const unusable: UnusableAddress[] = [];
  const seen = new Set<string>();
  for (const row of akteureOf(concept, recipient)) {
    const akteur = { id: field(row, "id"), bezeichnung: field(row, "bezeichnung"), fachbereich: "" };
    for (const email of field(row, "email")
      .split(/[;,\s]+/)
      .filter(Boolean)) {
      const address = mailAddress(email);
      if (!address) {
        unusable.push({ akteur: akteurLabel(akteur), email });
        continue;
      }
      if (seen.has(address.toLowerCase())) continue;
      seen.add(address.toLowerCase());
      to.push({ name: field(row, "ansprechperson") || akteur.bezeichnung, address });
    }
  }
  return { to, unusable };
}

/** What the distribution is, in the words of a mail: „die Sachstandsabfrage zum Berichtsstichtag …“. */
function whatIsSent(hints: HintsInput): string {
  const parts = [
    ...(hints.sachstand ? [`die Sachstandsabfrage zum Berichtsstichtag ${formatGermanDate(hints.sachstand)}`] : []),
    ...(hints.angebote !== undefined ? ["den Erfassungsbogen der bestehenden Angebote"] : []),
  ];
  return parts.length > 0 ? parts.join(" und ") : "die Maßnahmen zur Rückmeldung";
}

/** The subject: the kind of distribution, the recipient and the deadline. */
export function draftSubject(hints: HintsInput): string {
  const label = distributionLabel({ sachstand: hints.sachstand, angebote: hints.angebote !== undefined });
  const due = hints.settings.ruecklaufBis ? ` – Rückmeldung bis ${formatGermanDate(hints.settings.ruecklaufBis)}` : "";
  return `${label || "Maßnahmen zur Rückmeldung"} – ${hints.recipient.name}${due}`;
}

/** The draft of one file: recipients, subject and the text of its Hinweise. */
export function splitMail(concept: Pick<ReadConcept, "akteure">, hints: HintsInput, fileName: string): SplitMail {
  const body = hintsLines(hints, "mail").map((l) => l.text);
  const text = [
    "Guten Tag,",
    "",
    `anbei erhalten Sie ${whatIsSent(hints)} für „${conceptName(hints.settings)}“ als Arbeitsmappe „${fileName}“. Was zu tun ist, steht hier und im ersten Blatt der Datei („Hinweise“).`,
    "",
    ...body,
    "",
    "Mit freundlichen Grüßen",
    hints.address,
    "",
  ].join("\n");
  return { ...draftRecipients(concept, hints.recipient), subject: draftSubject(hints), text };
}

/** `<Master> – <Empfänger>.eml` beside `<Master> – <Empfänger>.xlsx`. */
export function draftFileName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, "")}.eml`;
}

/** The .eml of a file's draft with the workbook's bytes attached (the same bytes that are written). */
export function draftEml(mail: SplitMail, fileName: string, bytes: Uint8Array, date?: Date): string {
  return writeEml({
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    attachments: [{ fileName, contentType: XLSX_MIME_TYPE, data: bytes }],
    ...(date ? { date } : {}),
  });
}

/** What a run with drafts says: the drafts without recipient, and addresses left out. */
export function draftNotes(files: { fileName: string; recipient: Recipient; mail: SplitMail }[]): string[] {
  const notes: string[] = [];
  for (const f of files) {
    for (const u of f.mail.unusable)
      notes.push(
        `Die E-Mail „${u.email}“ von ${u.akteur} ist keine gültige Adresse und fehlt im Mail-Entwurf „${draftFileName(f.fileName)}“.`,
      );
    if (f.mail.to.length === 0)
      notes.push(
        `Der Mail-Entwurf „${draftFileName(f.fileName)}“ an ${f.recipient.name} hat keinen Empfänger, weil ${f.recipient.akteur ? "der Akteur im Blatt „Akteure“ keine" : "kein Akteur des Fachbereichs im Blatt „Akteure“ eine"} gültige E-Mail hat; bitte die Adresse im Entwurf eintragen.`,
      );
  }
  return notes;
}
