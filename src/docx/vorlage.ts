/**
 * The committee Vorlage as a Word document, in the form of a council's Mitteilung (Kommune; Mitteilung or
 * Beschlussvorlage, „– öffentlich –“; Drucksachen-Nr.; Beratungsfolge; Betreff; Beschlussvorschlag; Sachverhalt;
 * Ausblick auf die nächsten Schritte; Finanzielle Auswirkungen; Anlagen; „Im Auftrag“). Every sentence is
 * generated from the workbook and meant to be edited before the Vorlage goes into the council information
 * system; headings are real Word headings, the language de-DE, tables ruled as in ./tables.ts.
 */
import { type Document, HeadingLevel, Paragraph, TextRun } from "docx";
import type { Prozessschritt } from "../domain/prozessplan";
import { OHNE_FINANZIERUNG } from "../domain/report";
import type { VorlageModel } from "../domain/vorlage";
import { packDocument, wordDocument } from "./document";
import { countOf } from "../domain/numbers";
import { date, euro, fte, number } from "./format";
import { nounPhrase } from "./german";
import { heading, para, roundSentence } from "./sections";
import { type CellSpec, Tables } from "./tables";

const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 60 } });
const DASH = "–";

/** What a Gremium is asked to do, as the Vorlage puts it (`zur Beschlussfassung`). */
const ZWECK: Record<string, string> = {
  Information: "zur Kenntnis",
  Beratung: "zur Beratung",
  Empfehlung: "zur Beratung und Empfehlung",
  Beschluss: "zur Beschlussfassung",
};

/** `Integrationsbericht 2026 zum Integrationskonzept 2026–2030`, or the Gegenstand alone. */
function gegenstandText(v: VorlageModel): string {
  const gegenstand = v.schritt.gegenstand || v.konzepttitel || "das Konzept";
  if (!v.konzepttitel || gegenstand === v.konzepttitel) return gegenstand;
  return `${gegenstand} zum ${v.konzepttitel}`;
}

function titleBlock(v: VorlageModel): Paragraph[] {
  const drucksache = v.schritt.drucksache || "________";
  return [
    ...(v.kommune ? [para(v.kommune, { bold: true, size: 28 })] : []),
    new Paragraph({ text: v.art, heading: HeadingLevel.TITLE }),
    para("– öffentlich –"),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: "Drucksachen-Nr.: ", bold: true }), new TextRun(drucksache)],
    }),
  ];
}

function beratungsfolge(v: VorlageModel, t: Tables): Paragraph[] {
  const rows: CellSpec[][] = v.beratungsfolge.map((b) => {
    const mark = (text: string): CellSpec => (b.diese ? { text, bold: true, fill: "FFF2CC" } : text);
    return [
      mark(b.gremium),
      mark(b.termin ? date(b.termin) : "Termin offen"),
      b.diese
        ? { text: b.befassung ?? DASH, bold: true, fill: "FFF2CC", lines: ["diese Vorlage"] }
        : (b.befassung ?? DASH),
      mark(""),
    ];
  });
  return [heading("Beratungsfolge", 2), t.add(["Gremium", "Sitzung am", "Befassung", "TOP"], rows)];
}

/** Betreff: the concept, and under it the Gegenstand (as a council's Vorlage names the matter and then its part). */
function betreff(v: VorlageModel): Paragraph[] {
  const gegenstand = v.schritt.gegenstand || v.schritt.schritt;
  if (!v.konzepttitel || gegenstand === v.konzepttitel) return [heading(`Betreff: ${gegenstand}`, 1)];
  return [heading(`Betreff: ${v.konzepttitel}`, 1), para(`– ${gegenstand} –`, { bold: true })];
}

/** The sentence to edit: the Gremium decides, or recommends that the next one decides. */
export function beschlussvorschlag(v: VorlageModel): string | null {
  const gremium = nounPhrase(v.schritt.gremium, "Gremium");
  const gegenstand = nounPhrase(gegenstandText(v), "Gegenstand");
  if (v.schritt.befassung === "Beschluss") {
    return `${gremium.nominative(true)} beschließt ${gegenstand.accusative()} in der vorliegenden Fassung (Anlage 1).`;
  }
  if (v.schritt.befassung === "Empfehlung") {
    const to = v.beschlussGremium ? ` ${nounPhrase(v.beschlussGremium, "Gremium").dative()}` : "";
    return `${gremium.nominative(true)} empfiehlt${to}, ${gegenstand.accusative()} in der vorliegenden Fassung (Anlage 1) zu beschließen.`;
  }
  return null;
}

function statusSentence(v: VorlageModel): string {
  const s = v.summary;
  const parts = s.byStatus.filter((b) => b.count > 0).map((b) => `${number(b.count)} ${b.status}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} und ${parts.at(-1)}` : (parts[0] ?? "");
  return (
    `Der Maßnahmenplan umfasst ${countOf(s.measures, "Maßnahme", "Maßnahmen")}` +
    (list ? ` (${list})` : "") +
    `. ${number(s.smartComplete)} von ${number(s.active)} Maßnahmen (ohne verworfene) sind SMART-vollständig beschrieben: ` +
    "spezifisch, messbar, aktivierend, realistisch und terminiert. " +
    (s.overdue === 0
      ? `Zum ${date(v.stichtag)} ist keine Frist überschritten.`
      : `Bei ${countOf(s.overdue, "Maßnahme", "Maßnahmen")} ist die Frist zum ${date(v.stichtag)} überschritten, ohne dass sie umgesetzt ist.`)
  );
}

function indicatorSentence(v: VorlageModel): string {
  const s = v.summary;
  if (s.indicators === 0) return "Dem Konzept ist noch kein Indikator zugeordnet.";
  const by = s.indicatorsByAmpel.filter((a) => a.count > 0).map((a) => `${number(a.count)} ${a.ampel}`);
  const list = by.length > 1 ? `${by.slice(0, -1).join(", ")} und ${by.at(-1)}` : by[0]!;
  return `Von den ${countOf(s.indicators, "Indikator", "Indikatoren")} der Zielerreichung stehen nach Ampel: ${list}.`;
}

/** `18.12.2025 – Maßnahmenkonzept im Kreistag beschließen (Kreistag: Mit großer Mehrheit beschlossen.)` */
function stepLine(s: Prozessschritt): string {
  const when = s.termin ? date(s.termin) : "Termin offen";
  const gremium = [s.gremium, s.befassung].filter(Boolean).join(", ");
  const ergebnis = s.ergebnis ? `: ${s.ergebnis.replace(/\.$/, "")}` : "";
  return `${when} – ${s.schritt}${gremium || ergebnis ? ` (${gremium}${gremium ? ergebnis : ergebnis.slice(2)})` : ""}`;
}

function sachverhalt(v: VorlageModel): Paragraph[] {
  const gremium = nounPhrase(v.schritt.gremium, "Gremium");
  const zweck = ZWECK[v.schritt.befassung ?? "Information"]!;
  const out: Paragraph[] = [
    heading("Sachverhalt", 2),
    para(
      `Die Verwaltung legt ${gremium.dative()} ${nounPhrase(gegenstandText(v), "Gegenstand").accusative()} ${zweck} vor` +
        (v.schritt.termin ? ` (Sitzung am ${date(v.schritt.termin)})` : "") +
        ". Grundlage ist der Maßnahmenplan mit dem Stand vom " +
        `${date(v.stichtag)}.`,
    ),
  ];
  if (v.handlungsfelder.length > 0) {
    out.push(
      para(`Das Konzept gliedert sich in ${countOf(v.handlungsfelder.length, "Handlungsfeld", "Handlungsfelder")}:`),
    );
    out.push(...v.handlungsfelder.map(bullet));
  }
  // Room between the list above and the figures.
  out.push(
    new Paragraph({ children: [new TextRun(statusSentence(v))], spacing: { before: 120, after: 120 } }),
    para(roundSentence(v.bewertung)),
    para(indicatorSentence(v)),
  );
  out.push(heading("Bisheriger Verlauf", 3));
  out.push(
    ...(v.erledigt.length
      ? v.erledigt.map((s) => bullet(stepLine(s)))
      : [para("Im Prozessplan ist noch kein Schritt als erledigt eingetragen.")]),
  );
  return out;
}

function ausblick(v: VorlageModel): Paragraph[] {
  const out = [heading("Ausblick auf die nächsten Schritte", 2)];
  const { schritte, weitere, ueberfaellig } = v.ausblick;
  if (schritte.length === 0) return [...out, para("Im Prozessplan steht kein weiterer offener Schritt.")];
  out.push(
    ...schritte.map((s) => bullet(stepLine(s) + (ueberfaellig.includes(s.id) ? " – Termin überschritten" : ""))),
  );
  if (weitere > 0)
    out.push(para(`Dazu kommen ${countOf(weitere, "weiterer Schritt", "weitere Schritte")} im Prozessplan.`));
  return out;
}

function finanzen(v: VorlageModel, t: Tables): Paragraph[] {
  const r = v.resources;
  const out = [heading("Finanzielle Auswirkungen", 2)];
  if (r.total.measures === 0)
    return [...out, para("Der Maßnahmenplan veranschlagt keine Kosten (verworfene Maßnahmen zählen nicht).")];
  out.push(
    para(
      `Die Maßnahmen (ohne verworfene) veranschlagen zusammen ${euro(r.total.sachkosten)} Sachkosten und ` +
        `${fte(r.total.personal)} Vollzeitäquivalente (VZÄ) Personal. Nach Finanzierung:`,
    ),
    t.add(
      ["Finanzierung", "Maßnahmen", "Sachkosten", "Personal (VZÄ)"],
      [
        ...r.byFinanzierung.map((g) => [
          g.finanzierung === OHNE_FINANZIERUNG ? "ohne Angabe" : g.finanzierung,
          number(g.amounts.measures),
          euro(g.amounts.sachkosten),
          fte(g.amounts.personal),
        ]),
        [
          { text: "Zusammen", bold: true },
          { text: number(r.total.measures), bold: true },
          { text: euro(r.total.sachkosten), bold: true },
          { text: fte(r.total.personal), bold: true },
        ],
      ],
      [1, 2, 3],
    ),
  );
  return out;
}

function anlagen(v: VorlageModel): Paragraph[] {
  const gegenstand = v.schritt.gegenstand || v.konzepttitel || "Konzept";
  const list = [
    v.art === "Beschlussvorlage" ? `${gegenstand} (Entwurf zur Beschlussfassung)` : gegenstand,
    `Sachstandsbericht zum ${date(v.stichtag)}`,
    "Zeitplan des Prozesses",
  ];
  return [heading("Anlagen", 2), ...list.map((text, i) => para(`Anlage ${i + 1}: ${text}`))];
}

function signature(v: VorlageModel): Paragraph[] {
  const who = v.verantwortlich;
  return [
    new Paragraph({ spacing: { before: 480, after: 480 }, children: [new TextRun("Im Auftrag")] }),
    para(who?.ansprechperson || "(Name)"),
    ...(who?.bezeichnung ? [para(who.bezeichnung)] : []),
  ];
}

function vorlageDocument(v: VorlageModel, t: Tables): Document {
  const vorschlag = beschlussvorschlag(v);
  const children: Paragraph[] = [
    ...titleBlock(v),
    ...beratungsfolge(v, t),
    ...betreff(v),
    ...(vorschlag ? [heading("Beschlussvorschlag", 2), para(vorschlag)] : []),
    ...sachverhalt(v),
    ...ausblick(v),
    ...finanzen(v, t),
    ...anlagen(v),
    ...signature(v),
  ];
  const author = v.kommune || "Maßnahmenplaner";
  const title = `${v.art}: ${v.schritt.gegenstand || v.schritt.schritt}`;
  return wordDocument({
    title,
    subject: v.art,
    author,
    description: `Erstellt mit dem Maßnahmenplaner aus dem Prozessplan (${v.schritt.id}), Stand ${date(v.stichtag)}.`,
    header: `${v.art}${v.schritt.drucksache ? ` · Drucksachen-Nr. ${v.schritt.drucksache}` : ""}`,
    children,
  });
}

/** The Vorlage as .docx bytes. */
export async function renderVorlage(v: VorlageModel): Promise<Uint8Array> {
  const tables = new Tables();
  return packDocument(vorlageDocument(v, tables), tables);
}
