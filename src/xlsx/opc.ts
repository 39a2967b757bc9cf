/**
 * The package (Open Packaging Conventions, ECMA-376 part 2) under the spreadsheet, as Apache POI keeps its
 * OPCPackage apart from XSSF: parts by name, their relationships and content types, nothing about sheets or
 * cells. A part the program does not write is kept as the zip stored it (see ./zip.ts) and inflated only
 * when something reads it; parts the program writes are held as text until the package is saved.
 */
import { escapeXml, attributes, elements, hasDoctype, rootPrefix, splice } from "./xml";
import { type XmlHandler, XmlError, XmlScanner } from "./xmlScanner";
import {
  type ZipCodec,
  type ZipEntry,
  ZipError,
  inflateEntry,
  inflateStream,
  newEntry,
  readZip,
  writeZip,
} from "./zip";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";

interface PartKindSpec {
  /** The relationship type that points at such a part. */
  rel: string;
  /** Its content type; null for a relationship that names no part of the package (a hyperlink). */
  contentType: string | null;
  /** Where a new part of this kind goes; `#` is a number free in the package. */
  name: string;
  /** Typed by its extension (`<Default>`) rather than by name (`<Override>`). */
  byExtension?: boolean;
}

/** Each kind of part the program reads or writes: relationship type, content type, default name in one entry. */
export const PART_KINDS = {
  officeDocument: { rel: `${REL}/officeDocument`, contentType: `${SML}.sheet.main+xml`, name: "xl/workbook.xml" },
  coreProperties: {
    rel: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    contentType: "application/vnd.openxmlformats-package.core-properties+xml",
    name: "docProps/core.xml",
  },
  customProperties: {
    rel: `${REL}/custom-properties`,
    contentType: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    name: "docProps/custom.xml",
  },
  worksheet: { rel: `${REL}/worksheet`, contentType: `${SML}.worksheet+xml`, name: "xl/worksheets/sheet#.xml" },
  styles: { rel: `${REL}/styles`, contentType: `${SML}.styles+xml`, name: "xl/styles.xml" },
  sharedStrings: { rel: `${REL}/sharedStrings`, contentType: `${SML}.sharedStrings+xml`, name: "xl/sharedStrings.xml" },
  calcChain: { rel: `${REL}/calcChain`, contentType: `${SML}.calcChain+xml`, name: "xl/calcChain.xml" },
  table: { rel: `${REL}/table`, contentType: `${SML}.table+xml`, name: "xl/tables/table#.xml" },
  comments: { rel: `${REL}/comments`, contentType: `${SML}.comments+xml`, name: "xl/comments#.xml" },
  vmlDrawing: {
    rel: `${REL}/vmlDrawing`,
    contentType: "application/vnd.openxmlformats-officedocument.vmlDrawing",
    name: "xl/drawings/vmlDrawing#.vml",
    byExtension: true,
  },
  threadedComments: {
    rel: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
    contentType: "application/vnd.ms-excel.threadedcomments+xml",
    name: "xl/threadedComments/threadedComment#.xml",
  },
  printerSettings: {
    rel: `${REL}/printerSettings`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings",
    name: "xl/printerSettings/printerSettings#.bin",
    byExtension: true,
  },
  drawing: {
    rel: `${REL}/drawing`,
    contentType: "application/vnd.openxmlformats-officedocument.drawing+xml",
    name: "xl/drawings/drawing#.xml",
  },
  chart: {
    rel: `${REL}/chart`,
    contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    name: "xl/charts/chart#.xml",
  },
  hyperlink: { rel: `${REL}/hyperlink`, contentType: null, name: "" },
} as const satisfies Record<string, PartKindSpec>;

export type PartKind = keyof typeof PART_KINDS;

const RELS_CONTENT_TYPE = "application/vnd.openxmlformats-package.relationships+xml";
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Why a package cannot be read or written as asked, as a code with its parameters (the part, the sheet);
 * the surface renders it as one German sentence naming the file (see ./document.ts).
 */
export type PackageErrorReason =
  ZipError["reason"] | "not-a-workbook" | "doctype" | "chart-sheet" | "foreign-part" | "no-sheet";

export class PackageError extends Error {
  constructor(
    readonly reason: PackageErrorReason,
    readonly part?: string,
    readonly sheet?: string,
  ) {
    super(reason);
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Whether a relationship is of a kind. */
export function isKind(rel: Relationship, kind: PartKind): boolean {
  return rel.type === PART_KINDS[kind].rel;
}

/** The part a relationship target names, relative to the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== ".") base.push(seg);
  }
  return base.join("/");
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export function relativeTarget(fromPart: string, part: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function relsXml(rels: Relationship[]): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS_PACKAGE_RELS}">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
      )
      .join("") +
    "</Relationships>"
  );
}

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

function packageError(error: unknown, part: string): unknown {
  if (error instanceof ZipError) return new PackageError(error.reason, error.part ?? part);
  if (error instanceof XmlError) return new PackageError(error.reason, part);
  return error;
}

export class OpcPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly order: string[] = [];
  /** Parts the program wrote (text), by name; they replace or add entries when saved. */
  private readonly written = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly texts = new Map<string, string>();
  /** How often each part changed (readers cache what they built from a part by it). */
  private readonly changes = new Map<string, number>();
  /** Parts inflated so far (a part never read is never inflated: tests and the bench look). */
  private readonly inflated = new Set<string>();

  private constructor(
    entries: ZipEntry[],
    /** What inflates and deflates parts (see ZipCodec): fflate unless the host passes its own. */
    readonly codec: ZipCodec,
  ) {
    for (const e of entries) {
      // A name twice is a broken or hostile zip: the last one would win in one reader and the first in another.
      if (this.entries.has(e.name)) throw new PackageError("corrupt", e.name);
      this.entries.set(e.name, e);
      this.order.push(e.name);
    }
  }

  /** Reads the zip's directory; throws PackageError (limits, broken zip). Nothing is inflated yet. */
  static fromZip(bytes: Uint8Array, codec: ZipCodec = {}): OpcPackage {
    try {
      return new OpcPackage(readZip(bytes), codec);
    } catch (error) {
      throw packageError(error, "");
    }
  }

  static empty(codec: ZipCodec = {}): OpcPackage {
    return new OpcPackage([], codec);
  }

  has(part: string): boolean {
    return !this.removed.has(part) && (this.written.has(part) || this.entries.has(part));
  }

  /** Part names in package order (written parts included, removed ones not). */
  partNames(): string[] {
    const names = this.order.filter((n) => !this.removed.has(n));
    for (const n of this.written.keys()) if (!this.entries.has(n) && !this.removed.has(n)) names.push(n);
    return names;
  }

  /** The parts inflated so far, in the order they were. */
  inflatedParts(): string[] {
    return [...this.inflated];
  }

  /** A counter that changes whenever the part is written or removed. */
  generation(part: string): number {
    return this.changes.get(part) ?? 0;
  }

  /** The text of an XML part (kept for the writer that patches it), inflated within the limits; DOCTYPEs are refused. */
  text(part: string): string | undefined {
    if (this.removed.has(part)) return undefined;
    const written = this.written.get(part);
    if (written !== undefined) return written;
    let text = this.texts.get(part);
    if (text !== undefined) return text;
    const entry = this.entries.get(part);
    if (!entry) return undefined;
    this.inflated.add(part);
    try {
      text = decode(inflateEntry(entry, this.codec));
    } catch (error) {
      throw packageError(error, part);
    }
    if (hasDoctype(text)) throw new PackageError("doctype", part);
    this.texts.set(part, text);
    return text;
  }

  /**
   * Streams a part through the XML scanner into `handler` as it is inflated, without keeping its text;
   * false where the part does not exist. Throws PackageError (limits, not well-formed, DOCTYPE).
   */
  read(part: string, handler: XmlHandler): boolean {
    if (this.removed.has(part)) return false;
    const scanner = new XmlScanner(handler);
    const known = this.written.get(part) ?? this.texts.get(part);
    const entry = this.entries.get(part);
    if (known === undefined && !entry) return false;
    try {
      if (known !== undefined) scanner.write(known);
      else {
        this.inflated.add(part);
        const decoder = new TextDecoder("utf-8");
        inflateStream(entry!, (chunk) => scanner.write(decoder.decode(chunk, { stream: true })), this.codec);
        scanner.write(decoder.decode());
      }
      scanner.end();
    } catch (error) {
      throw packageError(error, part);
    }
    return true;
  }

  put(part: string, text: string): void {
    this.written.set(part, text);
    this.removed.delete(part);
    this.texts.delete(part);
    this.changes.set(part, this.generation(part) + 1);
  }

  remove(part: string): void {
    this.written.delete(part);
    this.texts.delete(part);
    this.removed.add(part);
    this.changes.set(part, this.generation(part) + 1);
  }

  /** Takes a part from another package as the zip stored it (never inflated), unless this one has it. */
  adopt(from: OpcPackage, part: string): boolean {
    const entry = from.entries.get(part);
    if (!entry || from.written.has(part) || from.removed.has(part) || this.has(part)) return false;
    this.entries.set(part, entry);
    this.order.push(part);
    return true;
  }

  // ——— relationships ———

  /** Relationships of a part ("" for the package's own `_rels/.rels`). */
  relationships(part: string): Relationship[] {
    const xml = this.text(part === "" ? "_rels/.rels" : relsPartOf(part));
    if (!xml) return [];
    const prefix = rootPrefix(xml, "Relationships");
    return elements(xml, `${prefix}Relationship`).map((e) => {
      const a = attributes(e.tag);
      return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" };
    });
  }

  /** The parts a part relates to by a kind, resolved (external targets left out). */
  related(part: string, kind: PartKind): string[] {
    return this.relationships(part)
      .filter((r) => isKind(r, kind) && !r.external)
      .map((r) => resolveTarget(part, r.target));
  }

  /** Adds a relationship from `part` to `targetPart`; returns its id. */
  addRelationship(part: string, kind: PartKind, targetPart: string): string {
    const type = PART_KINDS[kind].rel;
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    const rels = this.relationships(part);
    const ids = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(part, targetPart);
    const xml = this.text(relsPart);
    if (!xml) {
      this.put(relsPart, relsXml([{ id, type, target, external: false }]));
      return id;
    }
    const prefix = rootPrefix(xml, "Relationships");
    const tag = `<${prefix}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    const end = xml.lastIndexOf(`</${prefix}Relationships>`);
    this.put(
      relsPart,
      end >= 0 ? xml.slice(0, end) + tag + xml.slice(end) : xml.replace(/\/>\s*$/, `>${tag}</${prefix}Relationships>`),
    );
    return id;
  }

  removeRelationship(part: string, id: string): void {
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    const xml = this.text(relsPart);
    if (!xml) return;
    const prefix = rootPrefix(xml, "Relationships");
    const drop = elements(xml, `${prefix}Relationship`).filter((e) => attributes(e.tag).Id === id);
    if (drop.length)
      this.put(
        relsPart,
        splice(
          xml,
          drop.map((e) => ({ start: e.start, end: e.end, text: "" })),
        ),
      );
  }

  // ——— parts of a kind ———

  /** A name for a new part of a kind that no part of the package has (case-insensitively). */
  freeName(kind: PartKind): string {
    const pattern = PART_KINDS[kind].name;
    if (!pattern.includes("#")) return pattern;
    const taken = new Set([...this.entries.keys(), ...this.written.keys()].map((n) => n.toLowerCase()));
    const [stem, ext] = pattern.split("#") as [string, string];
    for (let i = 1; ; i++) if (!taken.has(`${stem}${i}${ext}`.toLowerCase())) return `${stem}${i}${ext}`;
  }

  /** Writes a new part of a kind with its content type; the caller relates it (see addRelationship). */
  addPart(kind: PartKind, text: string): string {
    const part = this.freeName(kind);
    this.put(part, text);
    this.declareType(part, kind);
    return part;
  }

  /** Declares the content type of a part of a kind (an `<Override>`, or a `<Default>` for its extension). */
  declareType(part: string, kind: PartKind): void {
    const spec: PartKindSpec = PART_KINDS[kind];
    if (!spec.contentType) return;
    const contentType = spec.contentType;
    if (spec.byExtension) {
      const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
      this.editContentTypes((xml, p) => {
        if (elements(xml, `${p}Default`).some((e) => attributes(e.tag).Extension?.toLowerCase() === extension))
          return xml;
        const end = xml.lastIndexOf(`</${p}Types>`);
        return (
          xml.slice(0, end) + `<${p}Default Extension="${extension}" ContentType="${contentType}"/>` + xml.slice(end)
        );
      });
      return;
    }
    const name = `/${part}`;
    this.editContentTypes((xml, p) => {
      const existing = elements(xml, `${p}Override`).find(
        (e) => attributes(e.tag).PartName?.toLowerCase() === name.toLowerCase(),
      );
      const tag = `<${p}Override PartName="${escapeXml(name)}" ContentType="${contentType}"/>`;
      if (existing) return splice(xml, [{ start: existing.start, end: existing.end, text: tag }]);
      const end = xml.lastIndexOf(`</${p}Types>`);
      return xml.slice(0, end) + tag + xml.slice(end);
    });
  }

  /** Removes a part and its `<Override>`. */
  removePart(part: string): void {
    this.remove(part);
    const name = `/${part}`.toLowerCase();
    this.editContentTypes((xml, p) => {
      const drop = elements(xml, `${p}Override`).filter((e) => attributes(e.tag).PartName?.toLowerCase() === name);
      return splice(
        xml,
        drop.map((e) => ({ start: e.start, end: e.end, text: "" })),
      );
    });
  }

  private editContentTypes(edit: (xml: string, p: string) => string): void {
    const xml = this.text("[Content_Types].xml")!;
    const out = edit(xml, rootPrefix(xml, "Types"));
    if (out !== xml) this.put("[Content_Types].xml", out);
  }

  /** The package as .xlsx bytes: untouched parts copied compressed, written parts deflated. */
  toBytes(now = new Date(), codec: ZipCodec = this.codec): Uint8Array {
    const out: ZipEntry[] = [];
    for (const name of this.partNames()) {
      const text = this.written.get(name);
      out.push(text !== undefined ? newEntry(name, encode(text), now, codec) : this.entries.get(name)!);
    }
    return writeZip(out);
  }
}

/** `[Content_Types].xml` of a new package: relationships and XML by extension, the given parts by name. */
export function contentTypesXml(parts: { part: string; kind: PartKind }[]): string {
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Default Extension="rels" ContentType="${RELS_CONTENT_TYPE}"/><Default Extension="xml" ContentType="application/xml"/>` +
    parts
      .map(({ part, kind }) => `<Override PartName="/${part}" ContentType="${PART_KINDS[kind].contentType}"/>`)
      .join("") +
    "</Types>"
  );
}
