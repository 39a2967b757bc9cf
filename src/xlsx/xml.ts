/**
 * The little XML the package writer needs: escaping, attributes of one start tag, and finding elements in
 * the few parts it patches (content types, relationships, workbook.xml, styles, a table, a sheet's rows).
 *
 * These parts are small and regular (SpreadsheetML writes them as flat lists of empty elements), and the
 * writer changes a handful of elements in each while every other byte must stay as it was — a parse and
 * re-serialise (fast-xml-parser, saxes + writer) would normalise quoting, namespaces and white space of
 * the parts it touches for no gain. So the writer finds an element by its tag and splices text; the tag
 * prefix a producer chose (`x:row` from the Open XML SDK) is respected.
 */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Characters XML 1.0 cannot carry at all (control characters) are dropped from written text. */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    return String.fromCodePoint(k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

/** The attributes of one start tag (`<sheet name="A" r:id="rId1"/>`), unescaped, by qualified name. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]!] = unescapeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** Sets (or adds) one attribute in a start tag, leaving the rest of the tag as it is. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/** The namespace prefix (with colon, or "") of a part's root element, e.g. `x:` for `<x:worksheet …>`. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The prefix bound to a namespace URI in the root element (`r` for relationships), or null. */
export function prefixOf(xml: string, uri: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)="${uri.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`).exec(xml);
  return m ? m[1]! : null;
}

export interface Element {
  /** Offsets of the whole element in the text. */
  start: number;
  end: number;
  /** The start tag (or the empty-element tag). */
  tag: string;
  /** The text between start and end tag ("" for an empty element). */
  inner: string;
}

/**
 * All elements `<prefix+local …>` in `xml` from `from` to `to`, not nested in one another (the parts the
 * writer patches never nest an element in one of its own kind).
 */
export function elements(xml: string, qname: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const open = new RegExp(`<${qname}(?=[\\s/>])[^>]*>`, "g");
  open.lastIndex = from;
  const close = `</${qname}>`;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const tag = m[0];
    if (tag.endsWith("/>")) {
      out.push({ start: m.index, end: m.index + tag.length, tag, inner: "" });
      continue;
    }
    const endAt = xml.indexOf(close, open.lastIndex);
    if (endAt < 0) break;
    out.push({
      start: m.index,
      end: endAt + close.length,
      tag,
      inner: xml.slice(m.index + tag.length, endAt),
    });
    open.lastIndex = endAt + close.length;
  }
  return out;
}

/** The first element of that name, or undefined. */
export function element(xml: string, qname: string, from = 0): Element | undefined {
  return elements(xml, qname, from)[0];
}

/** Replaces text ranges (sorted or not, never overlapping) in one pass. */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** A DOCTYPE is never accepted (entity expansion attacks); the contract lists it as unusable input. */
export function hasDoctype(xml: string): boolean {
  // A DOCTYPE can only stand before the root element.
  const root = xml.search(/<[A-Za-z_]/);
  return /<!(DOCTYPE|ENTITY)/i.test(root < 0 ? xml : xml.slice(0, root));
}
