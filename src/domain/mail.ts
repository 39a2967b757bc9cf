/**
 * A mail draft as an .eml file (RFC 5322 with MIME, RFC 2045–2047, 2231): headers, a German plain text and
 * attachments; `X-Unsent: 1` makes Outlook open the file as a draft ready to send. Nothing is sent. Pure: the
 * command line writes the text to a file, the task pane puts it into its ZIP archive.
 *
 * Why our own builder, not a package: none fits both the command line and the browser pane.
 * - nodemailer's MailComposer builds on Node streams, Buffer, fs and crypto; its author says Nodemailer is for
 *   server environments only, and webpack 5 would need polyfills for stream, fs and net.
 * - mimetext (browser and Node) throws without a From header (a draft has none: Outlook fills in the sender),
 *   writes an attachment's file name unencoded between quotes (umlauts as raw 8-bit), puts the subject in one
 *   encoded-word of any length (RFC 2047 allows 75 characters), does not wrap base64 at 76 characters, and its
 *   Node entry ends lines with os.EOL (LF on Linux).
 * - emailjs-mime-builder fits both, but its maintainer announced in 2019 that the library is no longer
 *   maintained; it brings four more packages.
 * What a draft needs is small: folded headers, encoded-words, RFC 2231 parameters, quoted-printable text and
 * base64. The tests parse every draft back with a real MIME parser.
 */
import { isEmailAddress } from "./values";

export interface Mailbox {
  /** The display name (the Ansprechperson); "" for the address alone. */
  name: string;
  address: string;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

export interface MailDraft {
  /** Empty: a draft without recipient, to be completed in the mail program. */
  to: Mailbox[];
  subject: string;
  /** Plain text; lines end with "\n". */
  text: string;
  attachments: MailAttachment[];
  /** The Date header; none when omitted. */
  date?: Date;
}

/**
 * The address of an E-Mail cell as a draft can carry it — `mailto:` removed, the domain of an umlaut address as
 * punycode (IDNA, as the URL standard writes host names) — or null when it is no usable address.
 */
export function mailAddress(text: string): string | null {
  const plain = text
    .trim()
    .replace(/^mailto:/i, "")
    .trim();
  if (!isEmailAddress(plain)) return null;
  const at = plain.lastIndexOf("@");
  const local = plain.slice(0, at);
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)) return null;
  try {
    return `${local}@${new URL(`http://${plain.slice(at + 1)}`).hostname}`;
  } catch {
    return null;
  }
}

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const CRLF = "\r\n";
/** Lines of headers, text and base64 stay within 76 characters (RFC 2045, 2047). */
const LINE = 76;
/**
 * "=_" occurs in neither base64 nor quoted-printable (which writes "=" as "=3D"), so the boundary can never
 * appear inside a part (the trick of RFC 2045 §6.7's note); constant, so equal drafts are equal files.
 */
const BOUNDARY = "----=_Massnahmenplaner_Teil";
const encoder = new TextEncoder();

/** The draft as the text of an .eml file: 7-bit ASCII, CRLF line ends. */
export function writeEml(draft: MailDraft): string {
  const headers = [
    ...(draft.to.length > 0 ? [foldHeader("To", addressTokens(draft.to))] : []),
    foldHeader("Subject", textTokens(headerText(draft.subject))),
    ...(draft.date ? [`Date: ${rfc5322Date(draft.date)}`] : []),
    "X-Unsent: 1",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
  ];
  const parts = [textPart(draft.text), ...draft.attachments.map(attachmentPart)];
  return [...headers, "", ...parts.flatMap((p) => [`--${BOUNDARY}`, ...p]), `--${BOUNDARY}--`, ""].join(CRLF);
}

function textPart(text: string): string[] {
  return [
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(text),
  ];
}

/**
 * As Thunderbird writes it, which Outlook reads: the name in Content-Type as RFC 2047 encoded-words, the
 * filename in Content-Disposition per RFC 2231 (UTF-8, percent-encoded, in numbered sections when long).
 */
function attachmentPart(a: MailAttachment): string[] {
  const fileName = withoutControls(a.fileName).trim();
  const name = isPlainAscii(fileName) ? [`name="${quoted(fileName)}"`] : quotedTokens("name", encodedWords(fileName));
  return [
    foldHeader("Content-Type", [`${a.contentType};`, ...name]),
    foldHeader("Content-Disposition", ["attachment;", ...rfc2231("filename", fileName)]),
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(a.data),
  ];
}

// ---------------------------------------------------------------------------------------------
// Headers

/**
 * A header of tokens joined by spaces, folded before a token that would carry the line past 76 characters
 * (RFC 5322 §2.2.3: the space becomes folding white space). A longer token stands on a line of its own.
 */
function foldHeader(name: string, tokens: string[]): string {
  let line = `${name}:`;
  const lines: string[] = [];
  for (const token of tokens) {
    if (line.length + 1 + token.length > LINE && line.trim() !== `${name}:`) {
      lines.push(line);
      line = "";
    }
    line += ` ${token}`;
  }
  return [...lines, line].join(CRLF);
}

// eslint-disable-next-line no-control-regex -- control characters (a line break above all) end a header
const withoutControls = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, " ");

/** Text for a header (subject, display name): one line, single spaces, trimmed. */
export const headerText = (text: string) => withoutControls(text).replace(/ {2,}/g, " ").trim();

/** Printable ASCII with single spaces between words and no "=?": needs no encoding. */
function isPlainAscii(text: string): boolean {
  return /^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(text) && !text.includes("=?");
}

/** Unstructured text (Subject): its words, or RFC 2047 encoded-words when it is not plain ASCII. */
function textTokens(text: string): string[] {
  if (text === "") return [];
  return isPlainAscii(text) ? text.split(" ") : encodedWords(text);
}

/**
 * RFC 2047 B-encoded words of UTF-8, never splitting a character: the first of at most `first` bytes (36: 60
 * characters, which fit beside "Subject: " in 76), the others of at most 45 bytes (72 characters; RFC 2047
 * allows 75). Spaces stay inside the words, since a decoder drops the white space between two encoded-words. A
 * name of up to 45 bytes stays one word: some parsers wrongly insert a space between the encoded-words of a
 * display name (Python's email package until its fix of CPython issue 128110, for one).
 */
function encodedWords(text: string, first = 36): string[] {
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of text) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > (words.length === 0 ? first : 45)) {
      words.push(encodedWord(chunk));
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(encodedWord(chunk));
  return words;
}

const encodedWord = (bytes: number[]) => `=?UTF-8?B?${base64(Uint8Array.from(bytes))}?=`;

/** `"Name" <address>` or `=?UTF-8?B?…?= <address>`, separated by commas (RFC 5322 §3.4). */
function addressTokens(list: Mailbox[]): string[] {
  return list.flatMap((m, i) => {
    const comma = i < list.length - 1 ? "," : "";
    const name = headerText(m.name);
    const phrase = name === "" ? [] : isPlainAscii(name) ? [`"${quoted(name)}"`] : encodedWords(name, 45);
    return [...phrase, `${phrase.length > 0 ? `<${m.address}>` : m.address}${comma}`];
  });
}

const quoted = (text: string) => text.replace(/[\\"]/g, (c) => `\\${c}`);

/** A parameter whose encoded-words stand between quotes: `name="=?UTF-8?B?…?= =?UTF-8?B?…?="`. */
function quotedTokens(param: string, words: string[]): string[] {
  return words.map((w, i) => `${i === 0 ? `${param}="` : ""}${w}${i === words.length - 1 ? '"' : ""}`);
}

/**
 * An RFC 2231 parameter: `filename*=UTF-8''…` or, when longer, numbered sections `filename*0*=UTF-8''…;
 * filename*1*=…`, none splitting a percent-encoded character.
 */
function rfc2231(param: string, value: string): string[] {
  const escaped = [...value].map(percentEncoded);
  const single = `${param}*=UTF-8''${escaped.join("")}`;
  if (single.length <= LINE - 1) return [single];
  const sections: string[] = [];
  let current = "";
  for (const piece of escaped) {
    if (current.length + piece.length > 48) {
      sections.push(current);
      current = "";
    }
    current += piece;
  }
  sections.push(current);
  return sections.map((s, i) => `${param}*${i}*=${i === 0 ? "UTF-8''" : ""}${s}${i < sections.length - 1 ? ";" : ""}`);
}

/** A character as RFC 2231 attribute-chars: letters, digits and `-._` as they are, everything else as %XX. */
function percentEncoded(char: string): string {
  if (/^[A-Za-z0-9._-]$/.test(char)) return char;
  return [...encoder.encode(char)].map((b) => `%${hex(b)}`).join("");
}

const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, "0");

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Sun, 22 Nov 2026 09:30:00 +0000` (RFC 5322 §3.3), in UTC. */
function rfc5322Date(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;
}

// ---------------------------------------------------------------------------------------------
// Bodies

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text with CRLF line ends: printable ASCII as it is, "=" and every
 * other byte as =XX, a space or tab at a line's end encoded, lines soft-broken ("=") at 76 characters.
 */
export function quotedPrintable(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => {
      const bytes = encoder.encode(line);
      const out: string[] = [];
      let current = "";
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const piece =
          (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last) ? String.fromCharCode(b) : `=${hex(b)}`;
        if (current.length + piece.length > LINE - 1) {
          out.push(`${current}=`);
          current = "";
        }
        current += piece;
      });
      return [...out, current].join(CRLF);
    })
    .join(CRLF);
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 (RFC 4648) of bytes, in one line. */
export function base64(data: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < data.length; i += 3) {
    const a = data[i]!;
    const b = data[i + 1];
    const c = data[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(
      BASE64[(n >> 18) & 63]! +
        BASE64[(n >> 12) & 63]! +
        (b === undefined ? "=" : BASE64[(n >> 6) & 63]!) +
        (c === undefined ? "=" : BASE64[n & 63]!),
    );
  }
  return out.join("");
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8). */
function base64Lines(data: Uint8Array): string {
  const text = base64(data);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += LINE) lines.push(text.slice(i, i + LINE));
  return lines.join(CRLF);
}
