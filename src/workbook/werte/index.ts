/**
 * `werte`: official statistics into Indikatorwerte (contract, „Bringing in official statistics“). A host
 * turns a file into grids (src/xlsx/statisticsSource.ts); `readStatisticsFile` reads them as statistics
 * tables (GENESIS, Open SDG, a plain table); `toIndicatorValues` maps one table to Indikatorwerte rows, new
 * Gebiete and the lines of Werteübernahme; messages.ts renders every code as German text.
 */
export type {
  StatisticsGrid,
  StatisticsTable,
  StatisticsFormat,
  ValueColumn,
  DimensionColumn,
  DataRecord,
  TimeRef,
} from "./table";
export { readStatisticsFile, readStatisticsTable, type ReadOutcome, type FileOutcome } from "./read";
export { toIndicatorValues, type WerteOptions, type WerteResult, type Indikatorwert } from "./map";
export { parseZuordnung, type Zuordnung } from "./zuordnung";
export { type GebietEintrag, type Ebene, areaId, ebeneOf } from "./areas";
export type { TakeoverLine } from "./ledger";
export { GRUPPE_SEPARATOR } from "./gruppe";
export {
  problemText,
  reasonText,
  type StatisticsProblem,
  type TakeoverReason,
  type TablePart,
  type ZuordnungDetail,
  type Outcome,
  outcomeText,
} from "./messages";
export {
  type Ergebnis,
  type UebernahmeLine,
  type WerteFile,
  type WertePlan,
  changesData,
  gebietEintraege,
  planWerte,
} from "./apply";
export { WERTEUEBERNAHME, planWerteuebernahmeSheet, werteSummary } from "../sheets/werteuebernahme";
