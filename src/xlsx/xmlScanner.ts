/**
 * A streaming XML tokenizer for the parts the reader reads (worksheets, shared strings): start tags, end
 * tags and character data, fed in pieces as they are inflated, so a worksheet is never held whole.
 *
 * Why hand-written and not saxes, sax or htmlparser2: measured with `bench/parsers.ts` on the 7.4 MB Maßnahmen
 * sheet of the bench's 5,000-measure workbook, every parser with the same handler (a record per cell), text
 * in 64 KB pieces, inflating left out; ms, two runs on this machine (shared, load 5–8), warm = median of 7
 * parses in one process, cold = the first parse in a fresh process (what a command pays):
 *
 *   parser                    warm        cold
 *   this scanner              82–122      189–307
 *   saxes 5.0.1               180–209     395–650
 *   htmlparser2 6.1 (xml)     167–194     215–223
 *   sax 1.6.1                 388–407     353–459
 *   the program's reader      80–99       139–250   (this scanner + sheetReader.ts, attributes read in place)
 *
 * `check` of 5,000 measures must stay within 1.5× of unzipping and SAX-parsing the same parts (JSZip +
 * saxes): with the rules themselves taking ~0.3 s in a fresh process, a reader built on saxes would use
 * most of that budget alone. htmlparser2 comes close cold but is an HTML parser first (its XML mode
 * tolerates what XML forbids). The scanner needs no runtime dependency (saxes came only with exceljs)
 * and adds a few KB to the browser chunk instead of ~40 KB. It does what SpreadsheetML needs and no more:
 * elements, attributes, character data and CDATA are reported, comments and processing instructions
 * skipped; a DOCTYPE or any other declaration is refused (entity expansion), end tags must match,
 * nesting is bounded. Namespaces are not resolved: callers compare local names (`x:c` is `c`), which is
 * how Excel's parts are read.
 */

/** What a part's XML is wrong with; the package turns it into its own error naming the part. */
export class XmlError extends Error {
  constructor(readonly reason: "doctype" | "corrupt") {
    super(reason);
  }
}

export interface XmlHandler {
  /** A start tag by local name; its attributes are `text.slice(from, to)` (see readAttributes). */
  open(local: string, text: string, from: number, to: number, empty: boolean): void;
  /** An end tag (also right after `open` of an empty element). */
  close(local: string): void;
  /** Character data between tags, raw (see decodeText); may arrive in several pieces. */
  text(text: string, from: number, to: number): void;
  /** The content of a CDATA section (already plain text). */
  cdata(text: string): void;
}

/** SpreadsheetML nests a few levels deep; a part nesting deeper than this is not a workbook. */
const MAX_DEPTH = 256;
const LT = 60;
const GT = 62;
const SLASH = 47;

export class XmlScanner {
  private pending = "";
  /** Open elements: qualified names (to match end tags) and local names (for the handler). */
  private readonly names: string[] = [];
  private readonly locals: string[] = [];
  /** Pieces held back while an unfinished token grows (see write). */
  private held: string[] = [];
  private heldLength = 0;
  private needed = 0;

  constructor(private readonly handler: XmlHandler) {}

  /**
   * One piece of the part's text. A token cut by the piece's end waits for the next piece; while one token
   * keeps growing (a huge attribute), pieces are held until the text has doubled, so scanning stays linear.
   */
  write(piece: string): void {
    if (this.needed > 0) {
      this.held.push(piece);
      this.heldLength += piece.length;
      if (this.heldLength < this.needed) return;
      piece = this.held.join("");
      this.held = [];
      this.heldLength = 0;
    }
    let text = piece;
    let from = 0;
    if (this.pending) {
      // Finish the token cut at the last piece's end on its own, so the piece is not copied to join it.
      const gt = piece.indexOf(">");
      const head = this.pending + (gt < 0 ? piece : piece.slice(0, gt + 1));
      const at = this.scan(head, 0, false);
      if (at === head.length && gt >= 0) from = gt + 1;
      else text = head.slice(at) + (gt < 0 ? "" : piece.slice(gt + 1));
    }
    const at = this.scan(text, from, false);
    this.pending = at < text.length ? text.slice(at) : "";
    this.needed = this.pending.length > 65536 ? this.pending.length : 0;
  }

  /** The end of the part: everything must be consumed and every element closed. */
  end(): void {
    const text = this.pending + this.held.join("");
    this.pending = "";
    this.held = [];
    if (this.scan(text, 0, true) < text.length || this.names.length > 0) throw new XmlError("corrupt");
  }

  private scan(s: string, from: number, final: boolean): number {
    const n = s.length;
    let i = from;
    while (i < n) {
      if (s.charCodeAt(i) !== LT) {
        const lt = s.indexOf("<", i);
        if (lt >= 0) {
          this.handler.text(s, i, lt);
          i = lt;
          continue;
        }
        const cut = final ? n : textCut(s, i, n);
        if (cut > i) this.handler.text(s, i, cut);
        return cut;
      }
      const next = s.charCodeAt(i + 1);
      const at =
        next === SLASH
          ? this.endTag(s, i)
          : next === 33 || next === 63
            ? this.markup(s, i, final)
            : this.startTag(s, i);
      if (at < 0) return i;
      i = at;
    }
    return n;
  }

  /** An end tag must name the element open last (compared in place, nothing sliced). */
  private endTag(s: string, i: number): number {
    const gt = s.indexOf(">", i + 2);
    if (gt < 0) return -1;
    const name = this.names.pop();
    const local = this.locals.pop();
    if (name === undefined || !s.startsWith(name, i + 2)) throw new XmlError("corrupt");
    for (let k = i + 2 + name.length; k < gt; k++) if (s.charCodeAt(k) > 32) throw new XmlError("corrupt");
    this.handler.close(local!);
    return gt + 1;
  }

  /** Comments, CDATA and processing instructions; any declaration (`<!DOCTYPE`, `<!ENTITY` …) is refused. */
  private markup(s: string, i: number, final: boolean): number {
    if (s.startsWith("<?", i)) {
      const end = s.indexOf("?>", i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (s.startsWith("<!--", i)) {
      const end = s.indexOf("-->", i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith("<![CDATA[", i)) {
      const end = s.indexOf("]]>", i + 9);
      if (end < 0) return -1;
      this.handler.cdata(s.slice(i + 9, end));
      return end + 3;
    }
    if (!final && s.length - i < 9) return -1;
    throw new XmlError("doctype");
  }

  private startTag(s: string, i: number): number {
    const n = s.length;
    let j = i + 1;
    // The tag ends at the first `>` outside a quoted attribute value.
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === GT) break;
      if (c === 34 || c === 39) {
        const q = s.indexOf(c === 34 ? '"' : "'", j + 1);
        if (q < 0) return -1;
        j = q;
      }
    }
    if (j >= n) return -1;
    const empty = s.charCodeAt(j - 1) === SLASH;
    const end = empty ? j - 1 : j;
    let k = i + 1;
    let colon = -1;
    for (; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c <= 32 || c === SLASH) break;
      if (c === 58) colon = k;
    }
    if (k === i + 1) throw new XmlError("corrupt");
    const local = colon < 0 ? nameAt(s, i + 1, k) : nameAt(s, colon + 1, k);
    this.handler.open(local, s, k, end, empty);
    if (empty) this.handler.close(local);
    else {
      if (this.names.length >= MAX_DEPTH) throw new XmlError("corrupt");
      this.names.push(colon < 0 ? local : s.slice(i + 1, k));
      this.locals.push(local);
    }
    return j + 1;
  }
}

/** The names of cells and their parts, taken as constants rather than sliced from the text every time. */
function nameAt(s: string, from: number, to: number): string {
  const length = to - from;
  const c = s.charCodeAt(from);
  if (length === 1) {
    if (c === 99) return "c";
    if (c === 118) return "v";
    if (c === 102) return "f";
    if (c === 116) return "t";
    if (c === 114) return "r";
  } else if (length === 2 && s.charCodeAt(from + 1) === 115) {
    if (c === 105) return "is";
    if (c === 115) return "si";
  } else if (length === 3 && c === 114 && s.charCodeAt(from + 1) === 111 && s.charCodeAt(from + 2) === 119)
    return "row";
  return s.slice(from, to);
}

/** Where character data at the end of a piece can be cut: not inside an entity, not between CR and LF. */
function textCut(s: string, from: number, to: number): number {
  let cut = to;
  const amp = s.lastIndexOf("&", to - 1);
  if (amp >= from && s.indexOf(";", amp) < 0) cut = amp;
  if (cut > from && s.charCodeAt(cut - 1) === 13) cut--;
  return cut;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function codePoint(n: number): string {
  if (!(
    n === 9 ||
    n === 10 ||
    n === 13 ||
    (n >= 32 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0x10ffff && n !== 0xfffe && n !== 0xffff)
  ))
    throw new XmlError("corrupt");
  return String.fromCodePoint(n);
}

/** Character data as text: the five entities and character references, line ends as `\n` (XML 1.0 §2.11). */
export function decodeText(raw: string): string {
  let text = raw;
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  if (!text.includes("&")) return text;
  const decoded = text.replace(
    ENTITY,
    (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name ? NAMED[name]! : codePoint(dec ? parseInt(dec, 10) : parseInt(hex!, 16)),
  );
  // A bare `&` or an entity without a definition (there is no DTD) makes the part not well-formed.
  if (decoded.includes("&") && /&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-fA-F]+;)/.test(text))
    throw new XmlError("corrupt");
  return decoded;
}

/**
 * Where the attributes of a start tag are, without slicing: [name start, name end, value start, value end, …]
 * into `out` (reused between calls). Returns the number of entries written (four per attribute).
 */
export function attributeOffsets(s: string, from: number, to: number, out: number[]): number {
  let count = 0;
  let i = from;
  while (i < to) {
    let c = s.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && (c = s.charCodeAt(i)) !== 61 && c > 32) i++;
    const nameEnd = i;
    while (i < to && s.charCodeAt(i) <= 32) i++;
    if (s.charCodeAt(i) !== 61) throw new XmlError("corrupt");
    i++;
    while (i < to && s.charCodeAt(i) <= 32) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) throw new XmlError("corrupt");
    const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= to) throw new XmlError("corrupt");
    out[count++] = nameStart;
    out[count++] = nameEnd;
    out[count++] = i + 1;
    out[count++] = close;
    i = close + 1;
  }
  return count;
}

/**
 * The attributes of a start tag as [qualified name, value, …] into `out` (reused between calls); values
 * are decoded. Returns the number of entries written (twice the number of attributes).
 */
export function readAttributes(s: string, from: number, to: number, out: string[]): number {
  const offsets: number[] = [];
  const found = attributeOffsets(s, from, to, offsets);
  let count = 0;
  for (let k = 0; k < found; k += 4) {
    const raw = s.slice(offsets[k + 2]!, offsets[k + 3]!);
    out[count++] = s.slice(offsets[k]!, offsets[k + 1]!);
    out[count++] = raw.includes("&") ? decodeText(raw) : raw;
  }
  return count;
}

/** The value of one attribute (by local name, so `r:id` is found as `id` only when asked for `r:id`). */
export function attributeOf(s: string, from: number, to: number, name: string): string | undefined {
  const out: string[] = [];
  const count = readAttributes(s, from, to, out);
  for (let k = 0; k < count; k += 2) if (out[k] === name) return out[k + 1];
  return undefined;
}

/** `_x000D_` and the other escapes SpreadsheetML uses in text for characters XML cannot carry (ECMA-376 ST_Xstring). */
export function unescapeXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
