/**
 * The parts of the Sachstandsbericht as docx paragraphs (tables as placeholders, see ./tables.ts): title,
 * summary, one chapter per Handlungsfeld, the latest round and the annex. Values that `check` finds invalid
 * are shown as such (`Frist ungültig: 31.02.2027`), never as if they were right.
 */
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, TextRun } from "docx";
import type { Ampel } from "../domain/matrix";
import {
  type IndicatorAmpel,
  KEINE_DATEN,
  OHNE_FINANZIERUNG,
  OHNE_STATUS,
  type ReportField,
  type ReportFrist,
  type ReportIndicator,
  type ReportMeasure,
  type ReportModel,
  type ReportResources,
  type ReportRound,
  type UnreadableValue,
} from "../domain/report";
import { chartAltText, hasChart } from "./chart";
import { countOf } from "../domain/numbers";
import type { ChartImages } from "./document";
import { date, euro, fte, longDate, number, percent, score, valueInUnit } from "./format";
import type { CellSpec, Tables } from "./tables";

/** Shown size of a chart in px (96 per inch). */
export interface ChartSize {
  width: number;
  height: number;
}

const AMPEL_FILL: Record<IndicatorAmpel, string> = {
  grün: "C6EFCE",
  gelb: "FFEB9C",
  rot: "FFC7CE",
  [KEINE_DATEN]: "EDEDED",
};
const DASH = "–";

// ---- building blocks ------------------------------------------------------------------------------------

export const para = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 120 } });

export const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    keepNext: true,
  });

export const spacer = () => new Paragraph({ children: [], spacing: { after: 120 } });

const ampelCell = (ampel: IndicatorAmpel | Ampel | null): CellSpec =>
  ampel ? { text: ampel, fill: AMPEL_FILL[ampel] } : DASH;

const total = (text: string): CellSpec => ({ text, bold: true });

/** A Frist as `check` reads it: a date, or what is wrong with it. */
export function fristText(frist: ReportFrist): string {
  switch (frist.kind) {
    case "date":
      return date(frist.date!);
    case "empty":
      return "Frist fehlt";
    case "vague":
      return `Frist unbestimmt: ${frist.text}`;
    case "invalid":
      return `Frist ungültig: ${frist.text}`;
  }
}

/** A Status as `check` reads it. */
export function statusText(m: ReportMeasure): string {
  if (m.statusInvalid !== null) return `Status ungültig: ${m.statusInvalid}`;
  // A Status is one term: „in Umsetzung“ stays on one line.
  return m.status === OHNE_STATUS ? "Status fehlt" : m.status.replace(/ /g, "\u00a0");
}

// ---- title and summary ------------------------------------------------------------------------------------

/** One date on the cover, named: the Berichtsstichtag of the Sachstände, or without one the Stand. */
export function titleBlock(model: ReportModel): Paragraph[] {
  const { kommune, konzepttitel, stichtag, berichtsstichtag } = model.title;
  const blocks = [
    new Paragraph({ text: "Sachstandsbericht", heading: HeadingLevel.TITLE }),
    para(konzepttitel || "Handlungskonzept", { bold: true, size: 28 }),
  ];
  if (kommune) blocks.push(para(kommune, { size: 24 }));
  blocks.push(
    para(berichtsstichtag ? `Berichtsstichtag: ${longDate(berichtsstichtag)}` : `Stand: ${longDate(stichtag)}`),
  );
  const concept = konzepttitel ? `des Konzepts „${konzepttitel}“` : "des Handlungskonzepts";
  const what =
    "die Maßnahmen je Handlungsfeld mit Kosten und Finanzierung, die Entwicklung der Indikatoren gegenüber dem Soll " +
    "und, soweit vorhanden, das Ergebnis der letzten Bewertungsrunde";
  blocks.push(
    para(
      berichtsstichtag
        ? `Dieser Bericht gibt den Stand der Umsetzung ${concept} wieder: die Sachstände, die die federführenden Stellen ` +
            `zum Berichtsstichtag ${date(berichtsstichtag)} gemeldet haben, dazu ${what}, ausgewertet am ${date(stichtag)}. ` +
            "Grundlage sind die Angaben im Maßnahmenplan."
        : `Dieser Bericht gibt den Stand der Umsetzung ${concept} zum ${date(stichtag)} wieder: ${what}. ` +
            "Grundlage sind die Angaben der federführenden Stellen im Maßnahmenplan.",
    ),
  );
  return blocks;
}

export function roundSentence(round: ReportRound | null): string {
  if (!round) return "Eine Bewertungsrunde liegt noch nicht vor.";
  const of = countOf(round.rows.length, "Maßnahme", "Maßnahmen");
  if (round.scored === 0) return `In der Bewertungsrunde ${round.round} ist noch keine der ${of} bewertet.`;
  return (
    `In der Bewertungsrunde ${round.round} sind ${number(round.scored)} von ${of} bewertet` +
    (round.meanGesamt === null
      ? "."
      : `; die mittlere Gesamtbewertung beträgt ${score(round.meanGesamt)} auf der Skala von 0 bis 4.`)
  );
}

/** Sachkosten by Finanzierung per Handlungsfeld, and Personal: what a Kreistag asks about first. */
function moneySummary(model: ReportModel, t: Tables): Paragraph[] {
  const all = model.summary.resources;
  const groups = all.byFinanzierung.map((g) => g.finanzierung);
  const of = (r: ReportResources, f: string) =>
    r.byFinanzierung.find((g) => g.finanzierung === f)?.amounts.sachkosten ?? 0;
  const row = (label: CellSpec, r: ReportResources, strong = false): CellSpec[] => {
    const cell = (text: string): CellSpec => (strong ? total(text) : text);
    return [
      label,
      cell(euro(r.total.sachkosten)),
      ...groups.map((f) => cell(euro(of(r, f)))),
      cell(fte(r.total.personal)),
    ];
  };
  const fields = model.fields.filter((f) => f.measures.length > 0);
  const out: Paragraph[] = [heading("Sachkosten, Personal und Finanzierung", 3)];
  if (all.total.measures === 0)
    return [...out, para("Der Maßnahmenplan enthält keine Maßnahme mit Kosten (verworfene zählen nicht).")];
  const share = groups
    .filter((f) => of(all, f) > 0)
    .map((f) => `${euro(of(all, f))} ${f === OHNE_FINANZIERUNG ? "ohne Angabe zur Finanzierung" : f}`);
  const shares = share.length > 1 ? `${share.slice(0, -1).join(", ")} und ${share.at(-1)}` : share[0];
  out.push(
    para(
      `Die Maßnahmen (ohne verworfene) veranschlagen zusammen ${euro(all.total.sachkosten)} Sachkosten und ` +
        `${fte(all.total.personal)} VZÄ Personal.` +
        (shares ? ` Von den Sachkosten sind ${shares}.` : ""),
    ),
    t.add(
      [
        "Handlungsfeld",
        "Sachkosten",
        ...groups.map((f) => (f === OHNE_FINANZIERUNG ? "Finanzierung ohne Angabe" : f)),
        "Personal (VZÄ)",
      ],
      [
        ...fields.map((f) => row(f.id ? `${f.id} – ${f.name}` : f.name, f.resources)),
        row(total("Zusammen"), all, true),
      ],
      Array.from({ length: groups.length + 2 }, (_, i) => i + 1),
    ),
    ...unreadableNote(all.unreadable),
    spacer(),
  );
  return out;
}

export function summarySection(model: ReportModel, t: Tables): Paragraph[] {
  const s = model.summary;
  const fieldCount = model.fields.filter((f) => f.id !== "").length;
  const out: Paragraph[] = [heading("Zusammenfassung", 1)];
  out.push(
    para(
      `Der Maßnahmenplan umfasst ${countOf(s.measures, "Maßnahme", "Maßnahmen")} in ${countOf(fieldCount, "Handlungsfeld", "Handlungsfeldern")}. ` +
        `${number(s.smartComplete)} von ${number(s.active)} Maßnahmen (ohne verworfene) sind SMART-vollständig beschrieben. ` +
        (s.overdue === 0
          ? "Zum Stichtag ist keine Frist überschritten."
          : `Bei ${countOf(s.overdue, "Maßnahme", "Maßnahmen")} ist die Frist zum Stichtag überschritten, ohne dass sie umgesetzt ist (siehe Anhang).`),
    ),
  );
  out.push(heading("Maßnahmen nach Status", 3));
  out.push(
    t.add(
      ["Status", "Maßnahmen"],
      [...s.byStatus.map((b) => [b.status, number(b.count)]), [total("Zusammen"), total(number(s.measures))]],
      [1],
    ),
    spacer(),
  );
  out.push(...moneySummary(model, t));
  out.push(heading("Indikatoren nach Ampel", 3));
  out.push(
    para(
      model.monitoring
        ? "Die Ampel eines Indikators vergleicht seine Zielerreichung mit dem zeitlichen Soll: grün im Plan, gelb mit Rückstand, rot mit deutlichem Rückstand; keine Daten, wenn Ist-, Basis- oder Zielwert fehlt."
        : "Für diesen Bericht lagen keine Indikatorwerte vor; alle Indikatoren stehen daher auf „keine Daten“.",
    ),
    t.add(
      ["Ampel", "Indikatoren"],
      [
        ...s.indicatorsByAmpel.map((a) => [ampelCell(a.ampel), number(a.count)]),
        [total("Zusammen"), total(number(s.indicators))],
      ],
      [1],
    ),
    spacer(),
  );
  out.push(para(roundSentence(model.bewertung)));
  return out;
}

// ---- Handlungsfelder ----------------------------------------------------------------------------------------

const withYear = (wert: number | null, jahr: number | null, einheit: string) =>
  wert === null ? DASH : `${valueInUnit(wert, einheit)}${jahr === null ? "" : ` (${jahr})`}`;

function indicatorRow(i: ReportIndicator): CellSpec[] {
  return [
    { text: `${i.id} ${i.name}`, lines: i.einheit ? [`Einheit: ${i.einheit}`] : [] },
    withYear(i.basis.wert, i.basis.jahr, i.einheit),
    i.ist ? `${valueInUnit(i.ist.wert, i.einheit)} (${date(i.ist.stichtag)})` : DASH,
    withYear(i.ziel.wert, i.ziel.jahr, i.einheit),
    i.zielerreichung === null ? DASH : percent(i.zielerreichung),
    i.soll === null ? DASH : percent(i.soll),
    ampelCell(i.ampel),
  ];
}

/** A chart as a centred picture kept with its caption below; `title` names it, `description` is its alt text. */
export function figureParagraphs(
  png: Uint8Array,
  size: ChartSize,
  text: { id: string; title: string; description: string; caption: string },
): Paragraph[] {
  return [
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: size,
          altText: { name: `Diagramm ${text.id}`, title: text.title, description: text.description },
        }),
      ],
    }),
    new Paragraph({
      style: "Caption",
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: text.caption })],
    }),
  ];
}

function chartBlock(i: ReportIndicator, png: Uint8Array, figure: number, size: ChartSize): Paragraph[] {
  return figureParagraphs(png, size, {
    id: i.id,
    title: `${i.id} ${i.name}`,
    description: chartAltText(i),
    caption: `Abbildung ${figure}: ${i.id} ${i.name} – Ist-Werte und Soll-Pfad`,
  });
}

function measureRow(m: ReportMeasure): CellSpec[] {
  const sachstand: CellSpec = m.sachstand
    ? {
        text: m.sachstand.text,
        lines: [
          `Stand ${date(m.sachstand.berichtsstichtag)}${m.sachstand.ampel ? `, Ampel ${m.sachstand.ampel}` : ""}`,
        ],
      }
    : "";
  return [
    m.id,
    { text: m.titel, lines: [m.federfuehrung ? `Federführung: ${m.federfuehrung}` : "Federführung fehlt"] },
    fristText(m.frist),
    statusText(m),
    m.umsetzung === null ? "" : `${number(m.umsetzung)}\u00a0%`,
    sachstand,
  ];
}

const MEASURE_HEADERS = ["ID", "Maßnahme", "Frist", "Status", "Umsetzung", "Sachstand"];

/** `Nicht mitgezählt …`: the amounts left out of a sum because `check` finds them invalid. */
function unreadableNote(values: UnreadableValue[]): Paragraph[] {
  if (values.length === 0) return [];
  const list = values.map((v) => `${v.id} ${v.field} „${v.text}“`).join("; ");
  return [para(`Nicht mitgezählt, weil der Wert ungültig ist: ${list}.`, { italics: true })];
}

function fieldResources(field: ReportField, t: Tables): Paragraph[] {
  const r = field.resources;
  const out: Paragraph[] = [heading("Sachkosten, Personal und Finanzierung", 3)];
  if (r.total.measures === 0)
    return [...out, para("Keine Maßnahme dieses Handlungsfelds ist veranschlagt (verworfene zählen nicht).")];
  const row = (label: CellSpec, a: ReportResources["total"], strong = false): CellSpec[] =>
    [label, number(a.measures), euro(a.sachkosten), fte(a.personal)].map((c, i) =>
      strong && i > 0 && typeof c === "string" ? total(c) : c,
    );
  out.push(
    t.add(
      ["Finanzierung", "Maßnahmen", "Sachkosten", "Personal (VZÄ)"],
      [
        ...r.byFinanzierung.filter((g) => g.amounts.measures > 0).map((g) => row(g.finanzierung, g.amounts)),
        row(total("Zusammen"), r.total, true),
      ],
      [1, 2, 3],
    ),
    ...unreadableNote(r.unreadable),
  );
  return out;
}

/** The indicators' table (Basis, IST, Ziel, Zielerreichung, Soll, Ampel) and their charts, under `title`. */
export function indicatorPart(
  field: Pick<ReportField, "indicators">,
  t: Tables,
  charts: FieldCharts,
  title = heading("Indikatoren", 3),
): Paragraph[] {
  const out: Paragraph[] = [title];
  if (field.indicators.length === 0) return [...out, para("Diesem Handlungsfeld ist kein Indikator zugeordnet.")];
  out.push(
    t.add(
      ["Indikator", "Basis", "Ist", "Ziel", "Zielerreichung", "Soll", "Ampel"],
      field.indicators.map(indicatorRow),
      [1, 2, 3, 4, 5],
    ),
    spacer(),
  );
  for (const i of field.indicators) {
    const png = charts.images.get(i.id);
    if (png) out.push(...chartBlock(i, png, ++charts.figures.n, charts.size));
  }
  const withoutValues = field.indicators.filter((i) => !hasChart(i)).map((i) => i.id);
  if (withoutValues.length) {
    out.push(para(`Ohne Werte bis zum Stichtag (kein Diagramm): ${withoutValues.join(", ")}.`, { italics: true }));
  }
  return out;
}

/** The charts of the report and the running number of its figures. */
export interface FieldCharts {
  images: ChartImages;
  size: ChartSize;
  figures: { n: number };
}

export function fieldSection(field: ReportField, t: Tables, charts: FieldCharts): Paragraph[] {
  const out: Paragraph[] = [heading(field.id ? `${field.id} – ${field.name}` : field.name, 2)];
  if (field.leitziel) {
    out.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: "Leitziel: ", bold: true }), new TextRun(field.leitziel)],
      }),
    );
  }
  out.push(...indicatorPart(field, t, charts));
  out.push(heading("Maßnahmen", 3));
  out.push(
    field.measures.length === 0
      ? para("Diesem Handlungsfeld ist keine Maßnahme zugeordnet.")
      : t.add(MEASURE_HEADERS, field.measures.map(measureRow), [4]),
  );
  out.push(...fieldResources(field, t));
  return out;
}

// ---- round and annex ----------------------------------------------------------------------------------------

/** The latest round: its scored measures; one sentence for those not scored yet (or for a round not begun). */
export function roundSection(round: ReportRound, t: Tables): Paragraph[] {
  const out = [heading(`Bewertung ${round.round}`, 1)];
  if (round.scored === 0) return [...out, para(roundSentence(round))];
  out.push(
    para(
      `Das Bewertungsteam hat ${number(round.scored)} von ${countOf(round.rows.length, "Maßnahme", "Maßnahmen")} bewertet. ` +
        "Die Gesamtbewertung ist der gewichtete Mittelwert der Kriterien auf der Skala von 0 (nicht erfüllt) bis 4 (vollständig).",
    ),
    t.add(
      ["ID", "Maßnahme", "Handlungsfeld", "Gesamt", "Ampel", "Empfehlung"],
      round.rows
        .filter((r) => r.gesamt !== null)
        .map((r) => [r.id, r.titel, r.handlungsfeld, score(r.gesamt!), ampelCell(r.ampel), r.empfehlung]),
      [3],
    ),
  );
  const open = round.rows.filter((r) => r.gesamt === null).map((r) => r.id);
  if (open.length) out.push(para(`Noch nicht bewertet (${number(open.length)}): ${open.join(", ")}.`));
  return out;
}

export function annexSection(model: ReportModel, t: Tables): Paragraph[] {
  const out: Paragraph[] = [heading("Anhang", 1), heading("Überfällige Maßnahmen", 2)];
  const { overdue, missingSachstaende } = model.annex;
  out.push(
    overdue.length === 0
      ? para("Zum Stichtag ist bei keiner Maßnahme die Frist überschritten.")
      : t.add(
          ["ID", "Maßnahme", "Federführung", "Frist", "Status"],
          overdue.map((m) => [m.id, m.titel, m.federfuehrung, fristText(m.frist), statusText(m)]),
        ),
  );
  out.push(heading("Fehlende Sachstände", 2));
  if (missingSachstaende === null) {
    out.push(
      para(
        model.monitoring
          ? "Es ist kein Berichtsstichtag festgelegt; fehlende Sachstände lassen sich daher nicht feststellen."
          : "Für diesen Bericht lagen keine Sachstände vor (keine Daten).",
      ),
    );
  } else if (missingSachstaende.length === 0) {
    out.push(
      para(`Zum Berichtsstichtag ${date(model.title.berichtsstichtag!)} liegen alle erwarteten Sachstände vor.`),
    );
  } else {
    out.push(
      para(`Für den Berichtsstichtag ${date(model.title.berichtsstichtag!)} fehlt der Sachstand dieser Maßnahmen:`),
      t.add(
        ["ID", "Maßnahme", "Federführung", "Status"],
        missingSachstaende.map((m) => [m.id, m.titel, m.federfuehrung, statusText(m)]),
      ),
    );
  }
  return out;
}
