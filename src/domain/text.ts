/**
 * Text from the bytes of a file that an office program wrote: a CSV saved by Excel as „CSV (Trennzeichen-
 * getrennt)“ (Windows-1252 on a German Windows), „CSV UTF-8“ (with BOM), „Unicode-Text“ (UTF-16 with BOM), or
 * a statistics office's export. One decoder for the command line and the pane (and whatever else reads such
 * files), pure: bytes in, text out.
 */

/**
 * The characters of the Windows-1252 bytes 0x80–0x9F, from the WHATWG Encoding Standard's index
 * (index-windows-1252.txt); the five bytes it leaves undefined map to the control character of the same
 * number, as browsers decode them. Every other byte is the Unicode code point of the same number.
 *
 * Why a table of our own: Node's `TextDecoder("windows-1252")` (Node 20 on this machine, and every Node that
 * decodes the label through its Latin-1 fast path) returns U+0080 for 0x80 instead of `€`, so `12.000 €`
 * became `12.000 \u0080` on the command line while the browser read it right. The rest of the decoding stays
 * with `TextDecoder`; only these 32 code points are put right. A library (iconv-lite) would add a runtime
 * dependency and, in the browser, a Buffer polyfill for 32 characters.
 */
export const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Windows-1252 bytes as text, the same in Node and in the browser. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

export type TextEncoding = "UTF-8 (BOM)" | "UTF-16" | "UTF-8" | "Windows-1252";

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The text of a file and the encoding it was read in: a BOM decides (UTF-8, UTF-16 LE or BE); else UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 (BOM)" };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  try {
    // Windows-1252 text with umlauts is never valid UTF-8 (a lone byte ≥ 0x80), so the strict decoder tells them apart.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}
