/**
 * xl/styles.xml of a package, extended by the formats the program's sheets and cells need. Existing
 * entries are never changed or removed (a user's cells point at them by index); a format the program
 * needs is looked up among the entries it appended before (same XML text) and appended otherwise, so
 * regenerating a sheet ten times does not grow the styles.
 */
import { isDateFormatCode, isDateFormatId } from "./numberFormats";
import { attributes, element, elements, escapeXml, rootPrefix, setAttribute } from "./xml";

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  size?: number;
  wrap?: boolean;
  /** Aligned to the top of the cell (wrapped text is always). */
  top?: boolean;
  /** Aligned to the right of the cell (a header over numbers). */
  right?: boolean;
  /** Centred in the cell. */
  center?: boolean;
  /** Editable when the sheet is protected. */
  unlocked?: boolean;
  /** ARGB of a solid fill. */
  fill?: string;
  /** ARGB of the font colour. */
  color?: string;
}

export interface DifferentialStyle {
  fill: string;
  font?: string;
}

/** Excel's built-in number formats that the program uses (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "@": 49 };

/** The sections of styles.xml in schema order. */
const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"] as const;
type Section = (typeof SECTIONS)[number];
const CHILD: Record<Section, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
};

/** A styles part for a new package: Excel's defaults (Calibri 11, no fill, gray125, one border, Normal). */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Standard" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

export class StyleBook {
  private readonly prefix: string;
  /** Existing children of each section, as XML text (those appended by this book included). */
  private readonly children = new Map<Section, string[]>();
  private readonly added = new Map<Section, string[]>();
  private readonly cache = new Map<string, number>();
  private readonly baseFont: { size: string; name: string };
  private nextFormatId = 164;
  /** Whether each cell format shows a date, by index into cellXfs (filled as asked; entries never change). */
  private readonly dates: (boolean | undefined)[] = [];

  constructor(private readonly original: string) {
    this.prefix = rootPrefix(original, "styleSheet");
    for (const section of SECTIONS) {
      const el = element(original, this.q(section));
      this.children.set(
        section,
        el ? elements(el.inner, this.q(CHILD[section])).map((c) => this.plain(c.tag, c.inner, CHILD[section])) : [],
      );
      this.added.set(section, []);
    }
    for (const f of this.children.get("numFmts")!) {
      const id = Number(attributes(f).numFmtId);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    const font0 = this.children.get("fonts")![0] ?? "";
    this.baseFont = {
      size: /<sz val="([^"]+)"/.exec(font0)?.[1] ?? "11",
      name: /<name val="([^"]+)"/.exec(font0)?.[1] ?? "Calibri",
    };
  }

  /** Whether anything was appended (the part must then be written). */
  get changed(): boolean {
    return [...this.added.values()].some((a) => a.length > 0);
  }

  /** The index into cellXfs of a cell with this style (0 for the default). */
  cellStyle(style: CellStyle): number {
    const key = JSON.stringify(style);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (
      !style.numFmt &&
      !style.bold &&
      !style.size &&
      !style.wrap &&
      !style.top &&
      !style.right &&
      !style.center &&
      !style.unlocked &&
      !style.fill &&
      !style.color
    ) {
      this.cache.set(key, 0);
      return 0;
    }
    const numFmtId = style.numFmt ? this.numFmt(style.numFmt) : 0;
    const fontId = style.bold || style.size || style.color ? this.font(style) : 0;
    const fillId = style.fill ? this.index("fills", solidFill(style.fill)) : 0;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`;
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    const horizontal = style.right ? ' horizontal="right"' : style.center ? ' horizontal="center"' : "";
    const alignment = style.wrap
      ? `<alignment${horizontal} vertical="top" wrapText="1"/>`
      : style.top
        ? `<alignment${horizontal} vertical="top"/>`
        : horizontal
          ? `<alignment${horizontal}/>`
          : "";
    const protection = style.unlocked ? '<protection locked="0"/>' : "";
    if (alignment) xf += ' applyAlignment="1"';
    if (protection) xf += ' applyProtection="1"';
    xf += alignment || protection ? `>${alignment}${protection}</xf>` : "/>";
    const index = this.index("cellXfs", xf);
    this.cache.set(key, index);
    return index;
  }

  /** A copy of an existing cell format with another number format (a date written into a text-styled cell). */
  withNumFmt(xfIndex: number, numFmt: string): number {
    const base = this.children.get("cellXfs")![xfIndex];
    if (base === undefined) return this.cellStyle({ numFmt });
    const id = this.numFmt(numFmt);
    const [tag, rest] = splitTag(base);
    const changed = setAttribute(setAttribute(tag, "numFmtId", String(id)), "applyNumberFormat", "1") + rest;
    return this.index("cellXfs", changed);
  }

  /** The number format (code) of a cell format, for deciding whether a date needs another format. */
  formatCode(xfIndex: number): string {
    const xf = this.children.get("cellXfs")![xfIndex];
    const id = xf ? Number(attributes(splitTag(xf)[0]).numFmtId ?? 0) : 0;
    if (id >= 14 && id <= 22) return "dd.mm.yyyy";
    const custom = this.children.get("numFmts")!.find((f) => Number(attributes(f).numFmtId) === id);
    return custom ? (attributes(custom).formatCode ?? "") : "";
  }

  /**
   * Whether a cell format shows numbers as dates (a built-in date format or a format code with date
   * tokens). Format 0 never does: exceljs read a cell without a format of its own as a number.
   */
  isDateStyle(xfIndex: number): boolean {
    if (xfIndex <= 0) return false;
    let known = this.dates[xfIndex];
    if (known === undefined) {
      const xf = this.children.get("cellXfs")![xfIndex];
      const id = xf ? Number(attributes(splitTag(xf)[0]).numFmtId ?? 0) : 0;
      const custom = this.children.get("numFmts")!.find((f) => Number(attributes(f).numFmtId) === id);
      const code = custom ? attributes(custom).formatCode : undefined;
      known = code !== undefined ? isDateFormatCode(code) : isDateFormatId(id);
      this.dates[xfIndex] = known;
    }
    return known;
  }

  /** The index into dxfs of a conditional format's look. */
  differential(style: DifferentialStyle): number {
    const font = style.font ? `<font><color rgb="${style.font}"/></font>` : "";
    return this.index(
      "dxfs",
      `<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${style.fill}"/></patternFill></fill></dxf>`,
    );
  }

  /** styles.xml with the appended entries and updated counts; the original text where nothing was added. */
  toXml(): string {
    if (!this.changed) return this.original;
    let xml = this.original;
    for (const section of SECTIONS) {
      const added = this.added.get(section)!;
      if (added.length === 0) continue;
      const count = this.children.get(section)!.length;
      const q = this.q(section);
      const el = element(xml, q);
      const children = added.map((c) => this.prefixed(c)).join("");
      if (el) {
        const open = setAttribute(
          el.tag.endsWith("/>") ? el.tag.replace(/\s*\/>$/, ">") : el.tag,
          "count",
          String(count),
        );
        xml = xml.slice(0, el.start) + open + el.inner + children + `</${q}>` + xml.slice(el.end);
      } else {
        xml = this.insertSection(xml, section, `<${q} count="${count}">${children}</${q}>`);
      }
    }
    return xml;
  }

  private q(local: string): string {
    return this.prefix + local;
  }

  /** A child as unprefixed text, so entries compare equal whatever prefix the part uses. */
  private plain(tag: string, inner: string, local: string): string {
    const strip = (s: string) =>
      this.prefix ? s.split(`<${this.prefix}`).join("<").split(`</${this.prefix}`).join("</") : s;
    return tag.endsWith("/>") ? strip(tag) : strip(`${tag}${inner}</${this.prefix}${local}>`);
  }

  private prefixed(child: string): string {
    return this.prefix ? child.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${this.prefix}`) : child;
  }

  private index(section: Section, xml: string): number {
    const list = this.children.get(section)!;
    const found = list.indexOf(xml);
    if (found >= 0) return found;
    list.push(xml);
    this.added.get(section)!.push(xml);
    return list.length - 1;
  }

  private numFmt(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code]!;
    const existing = this.children.get("numFmts")!.find((f) => attributes(f).formatCode === code);
    if (existing) return Number(attributes(existing).numFmtId);
    const id = this.nextFormatId++;
    this.index("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private font(style: CellStyle): number {
    const color = style.color ? `<color rgb="${style.color}"/>` : '<color theme="1"/>';
    const xml = `<font>${style.bold ? "<b/>" : ""}<sz val="${style.size ?? this.baseFont.size}"/>${color}<name val="${this.baseFont.name}"/><family val="2"/></font>`;
    return this.index("fonts", xml);
  }

  private insertSection(xml: string, section: Section, text: string): string {
    // Before the first section that follows it in schema order, else before tableStyles/colors/extLst/end.
    const later = [...SECTIONS.slice(SECTIONS.indexOf(section) + 1), "tableStyles", "colors", "extLst"];
    for (const name of later) {
      const at = xml.search(new RegExp(`<${this.q(name)}[\\s/>]`));
      if (at >= 0) return xml.slice(0, at) + text + xml.slice(at);
    }
    const end = xml.lastIndexOf(`</${this.q("styleSheet")}>`);
    return xml.slice(0, end) + text + xml.slice(end);
  }
}

function solidFill(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function splitTag(xml: string): [string, string] {
  const end = xml.indexOf(">") + 1;
  return [xml.slice(0, end), xml.slice(end)];
}
