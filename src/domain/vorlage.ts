/**
 * The committee Vorlage of a Prozessplan step (docs/befehle.md › vorlage) as plain data: a Mitteilung for a
 * Befassung `Information`, a Beschlussvorlage for Beratung, Empfehlung and Beschluss; the Beratungsfolge of its
 * Gegenstand; the Sachverhalt from the same figures as the Sachstandsbericht (./report.ts); the steps done and
 * the next ones; the resources. Pure; a renderer turns it into a document.
 */
import type { IsoDate } from "./dates";
import type { ConceptData } from "./model";
import {
  type Befassung,
  type Prozessschritt,
  beratungsfolge,
  byTermin,
  erledigteSchritte,
  istUeberfaellig,
  offeneSchritte,
  prozessschritte,
} from "./prozessplan";
import type { ReportModel, ReportResources, ReportRound, ReportSummary } from "./report";
import { idKey, referenceId, textOf } from "./values";

export type VorlageArt = "Mitteilung" | "Beschlussvorlage";

/** The Vorlage of a Befassung: Information is a Mitteilung, everything a Gremium is to weigh a Beschlussvorlage. */
export const artOf = (befassung: Befassung | null): VorlageArt =>
  befassung === "Information" || befassung === null ? "Mitteilung" : "Beschlussvorlage";

/** How many next steps the Ausblick names; the rest are counted. */
export const AUSBLICK_MAX = 8;

export interface Beratung {
  id: string;
  gremium: string;
  termin: IsoDate | null;
  befassung: Befassung | null;
  /** The step this Vorlage is for. */
  diese: boolean;
}

export interface VorlageModel {
  kommune: string;
  konzepttitel: string;
  stichtag: IsoDate;
  art: VorlageArt;
  schritt: Prozessschritt;
  /** The Beratungsfolge of the Gegenstand (or the step alone when it has none), in date order. */
  beratungsfolge: Beratung[];
  /** The Gremium that decides after this step (an Empfehlung's addressee); null when none is planned. */
  beschlussGremium: string | null;
  /** Names of the Handlungsfelder, in order. */
  handlungsfelder: string[];
  summary: ReportSummary;
  bewertung: ReportRound | null;
  erledigt: Prozessschritt[];
  /** The open steps after this one, in date order, at most AUSBLICK_MAX; `weitere` counts the rest. */
  ausblick: { schritte: Prozessschritt[]; weitere: number; ueberfaellig: string[] };
  resources: ReportResources;
  /** The Verantwortlich as an Akteur: its Bezeichnung and Ansprechperson; null when it is none. */
  verantwortlich: { bezeichnung: string; ansprechperson: string } | null;
}

/**
 * Why there is no Vorlage: no Prozessplan, no such step, a step without Gremium — codes of the Prozessplan's
 * message table (src/workbook/prozessplanMessages.ts) with their facts.
 */
export type VorlageProblem =
  | { code: "VORLAGE_OHNE_PROZESSPLAN" }
  | { code: "SCHRITT_UNBEKANNT"; id: string; vorhanden: string[] }
  | { code: "SCHRITT_OHNE_GREMIUM"; id: string; schritt: string };

function verantwortlichOf(concept: ConceptData, step: Prozessschritt): VorlageModel["verantwortlich"] {
  const id = idKey(referenceId(step.verantwortlich));
  const akteur = concept.akteure?.rows.find((a) => idKey(textOf(a.values.id ?? null)) === id);
  if (!akteur) return null;
  return {
    bezeichnung: textOf(akteur.values.bezeichnung ?? null),
    ansprechperson: textOf(akteur.values.ansprechperson ?? null),
  };
}

/**
 * The Ausblick: the open steps after this one (dated later, or not dated), and those overdue at the Stichtag
 * (still to be done), in date order; those between the Stichtag and this session are done by then.
 */
function ausblickOf(steps: Prozessschritt[], step: Prozessschritt, stichtag: IsoDate): VorlageModel["ausblick"] {
  const ueberfaellig = (s: Prozessschritt) => istUeberfaellig(s, stichtag);
  const offen = offeneSchritte(steps).filter(
    (s) => s !== step && (!step.termin || !s.termin || s.termin > step.termin || ueberfaellig(s)),
  );
  return {
    schritte: offen.slice(0, AUSBLICK_MAX),
    weitere: Math.max(0, offen.length - AUSBLICK_MAX),
    ueberfaellig: offen.filter(ueberfaellig).map((s) => s.id),
  };
}

/** The Vorlage of the step `id`, from the concept and its report model (the Sachstandsbericht's figures). */
export function buildVorlage(
  concept: ConceptData,
  report: ReportModel,
  id: string,
): { vorlage: VorlageModel } | { problem: VorlageProblem } {
  if (!concept.prozessplan) return { problem: { code: "VORLAGE_OHNE_PROZESSPLAN" } };
  const steps = prozessschritte(concept.prozessplan);
  const step = steps.find((s) => idKey(s.id) === idKey(id));
  if (!step) return { problem: { code: "SCHRITT_UNBEKANNT", id, vorhanden: steps.map((s) => s.id) } };
  if (step.gremium === "") return { problem: { code: "SCHRITT_OHNE_GREMIUM", id: step.id, schritt: step.schritt } };
  const folge = step.gegenstand ? beratungsfolge(steps, step) : [step];
  const later = folge.filter((s) => byTermin(s, step) > 0 && s.befassung === "Beschluss");
  const stichtag = report.title.stichtag;
  return {
    vorlage: {
      kommune: report.title.kommune,
      konzepttitel: report.title.konzepttitel,
      stichtag,
      art: artOf(step.befassung),
      schritt: step,
      beratungsfolge: folge.map((s) => ({
        id: s.id,
        gremium: s.gremium,
        termin: s.termin,
        befassung: s.befassung,
        diese: s === step,
      })),
      beschlussGremium: later[0]?.gremium ?? null,
      handlungsfelder: report.fields.filter((f) => f.id !== "").map((f) => f.name),
      summary: report.summary,
      bewertung: report.bewertung,
      erledigt: erledigteSchritte(steps),
      ausblick: ausblickOf(steps, step, stichtag),
      resources: report.summary.resources,
      verantwortlich: verantwortlichOf(concept, step),
    },
  };
}
