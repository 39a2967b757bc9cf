/**
 * What falls due in a workbook, whatever the host: the concept and the Bewertung rounds it holds, handed to
 * the domain's collector (src/domain/anstehend.ts). The command line and the pane both use it, so they list
 * the same.
 */
import { type Anstehend, anstehend } from "../domain/anstehend";
import type { IsoDate } from "../domain/dates";
import { readSettings } from "../domain/settings";
import { type ReadConcept, readConcept } from "./read";
import { roundYears } from "./sheets/bewertung";
import type { WorkbookSource } from "./source";

export interface AnstehendOptions {
  /** The Stichtag given (`--stichtag`); else the Einstellungen's, else today (as the checks). */
  stichtag?: IsoDate;
  today: IsoDate;
  tage?: number;
}

/** What is overdue and due of the workbook; a workbook without Maßnahmen throws as readConcept does. */
export function anstehendOfWorkbook(
  source: WorkbookSource,
  options: AnstehendOptions,
): { concept: ReadConcept; result: Anstehend } {
  const concept = readConcept(source);
  const stichtag = options.stichtag ?? readSettings(concept).settings.stichtag ?? options.today;
  const result = anstehend({ data: concept, rounds: roundYears(source) }, { stichtag, tage: options.tage });
  return { concept, result };
}
