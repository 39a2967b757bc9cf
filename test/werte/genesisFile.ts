/**
 * GENESIS exports built from a description, as the Regionaldatenbank writes them: title lines padded with
 * `;`, header lines with empty prefix cells, data rows `[Zeit;]AGS;  indented name;[dimension;]values`,
 * a footer from `__________` with quoted multi-line notes, the copyright and `Stand`. Used by the variant
 * tests, the completeness property and bench/werte.ts.
 */

export interface GenesisArea {
  key: string;
  name: string;
  /** Indentation level: the name is written after 2 × depth spaces. */
  depth: number;
}

export interface GenesisSpec {
  /** `12411-01-01-4` for the first line `GENESIS-Tabelle: …`; absent: the export of a Landesamt without it. */
  code?: string;
  /** Lines after the first: title, `- Stichtag 31.12. -`, the unit `Bevölkerungsstand (Anzahl)`, a date line. */
  titleLines: string[];
  /** Header lines × value columns. */
  header: string[][];
  /** Values of the time column; rows repeat per time. No time column when absent. */
  times?: string[];
  /** Values of a dimension column (`unter 3 Jahre` …); rows repeat per value. */
  dims?: string[];
  areas: GenesisArea[];
  /** The text of a value cell: time t, area a, dimension value d, column c. */
  cell: (t: number, a: number, d: number, c: number) => string;
  /** Written unless false. */
  footer?: boolean;
}

export const FOOTER = [
  "__________",
  '"zu ""gesamter Tabelle"":',
  "ab dem Berichtsjahr 2011: nach dem Zensus 2011;",
  'Stand; 31.12.2020"',
  '"© Statistische Ämter des Bundes und der Länder, Deutschland, 2024.',
  "Dieses Werk ist lizenziert unter der Datenlizenz Deutschland",
  '- Namensnennung - Version 2.0."',
  "Stand: 14.12.2024 / 15:51:18",
];

export function prefixWidth(spec: GenesisSpec): number {
  return (spec.times ? 1 : 0) + 2 + (spec.dims ? 1 : 0);
}

/** 1-based grid row of the first data row. */
export function firstDataRow(spec: GenesisSpec): number {
  return (spec.code ? 1 : 0) + spec.titleLines.length + spec.header.length + 1;
}

export function genesisCsv(spec: GenesisSpec): string {
  const prefix = prefixWidth(spec);
  const columns = spec.header[0]?.length ?? 0;
  const pad = ";".repeat(prefix + columns - 1);
  const lines: string[] = [];
  if (spec.code) lines.push(`GENESIS-Tabelle: ${spec.code}`);
  for (const t of spec.titleLines) lines.push(t + pad);
  for (const h of spec.header) lines.push(";".repeat(prefix) + h.join(";"));
  const times = spec.times ?? [null];
  const dims = spec.dims ?? [null];
  times.forEach((time, t) => {
    spec.areas.forEach((area, a) => {
      dims.forEach((dim, d) => {
        const cells = Array.from({ length: columns }, (_, c) => spec.cell(t, a, d, c));
        const lead = [...(time === null ? [] : [time]), area.key, " ".repeat(2 * area.depth) + area.name];
        lines.push([...lead, ...(dim === null ? [] : [dim]), ...cells].join(";"));
      });
    });
  });
  if (spec.footer !== false) lines.push(...FOOTER);
  return lines.join("\n") + "\n";
}

/** Windows-1252 bytes of a text without characters outside Latin-1 (what the Regionaldatenbank writes). */
export function windows1252(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
