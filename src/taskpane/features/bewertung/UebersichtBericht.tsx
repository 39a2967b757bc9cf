/**
 * „Übersicht und Bericht“: the sheet Übersicht (with native charts) written into the workbook, and the
 * Sachstandsbericht as a Word download. The report's code (docx, the browser rasteriser) is loaded only
 * when the user asks for a report, so the pane's first screen stays small.
 */
import { Body1, Button, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import type { ChartRasterizer } from "../../../docx/report";
import { OVERVIEW_SHEET } from "../../../workbook/sheets/uebersicht";
import type { MonitoringReader } from "../../../workbook/report-model";
import { type Notice, NoticeBar, stepAppearance } from "../../components";
import { download } from "../../services/download";
import { refreshOverview } from "../../services/overview";
import { errorText, useSession } from "../../session";
import IntegrationsberichtDownloads from "./IntegrationsberichtDownloads";
import { loadBrowserRasterizer, loadReport } from "./reportCode";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

type Work = "overview" | "report";

const PROGRESS: Record<Work, string> = {
  overview: `Das Blatt „${OVERVIEW_SHEET.sheet}“ wird erzeugt …`,
  report: "Der Sachstandsbericht wird gesetzt …",
};

const diagrams = (n: number) => (n === 1 ? "ein Diagramm" : `${n} Diagramme`);

export interface UebersichtBerichtProps {
  /** Draws the report's charts; defaults to the browser's canvas (injectable: jsdom has none). */
  rasterizer?: () => Promise<ChartRasterizer>;
  /**
   * The reader of Indikatorwerte and Sachstände for both outputs. None yet, as on the command line: the
   * indicators then read „keine Daten“ and have no chart.
   */
  monitoring?: MonitoringReader;
  /** Whether „Übersicht erzeugen“ is the view's one primary action (once the round's matrix exists). */
  primary?: boolean;
}

export default function UebersichtBericht({
  rasterizer = loadBrowserRasterizer,
  monitoring,
  primary = true,
}: UebersichtBerichtProps): ReactElement {
  const styles = useStyles();
  const { host, today } = useSession();
  const [work, setWork] = useState<Work | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const run = async (which: Work, job: () => Promise<string>) => {
    setWork(which);
    setNotice(null);
    try {
      setNotice({ intent: "success", text: await job() });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setWork(null);
    }
  };

  const overview = () =>
    run("overview", async () => {
      const outcome = await refreshOverview(host!, today, monitoring);
      await host!.selectCell(OVERVIEW_SHEET.sheet, "A1");
      const without = outcome.indicatorsWithoutValues;
      return (
        `Das Blatt „${OVERVIEW_SHEET.sheet}“ ist erzeugt: ${outcome.handlungsfelder} Handlungsfelder, ${diagrams(outcome.charts)}.` +
        (without === 1
          ? " Ein Indikator hat noch keine Werte."
          : without > 1
            ? ` ${without} Indikatoren haben noch keine Werte.`
            : "") +
        (outcome.kennzahlen
          ? ` Das Blatt „Kennzahlen“ zeigt ${outcome.kennzahlen === 1 ? "einen Basisindikator" : `${outcome.kennzahlen} Basisindikatoren`} nach Gebiet.`
          : "") +
        (outcome.kennzahlenBlocked
          ? " Ein eigenes Blatt „Kennzahlen“ bleibt unverändert; benennen Sie es um, damit die Kennzahlen der Basisindikatoren entstehen."
          : "")
      );
    });

  const report = () =>
    run("report", async () => {
      const [{ reportOf, DOCX_TYPE }, charts] = await Promise.all([loadReport(), rasterizer()]);
      const file = await reportOf(host!, today, charts, monitoring);
      download(new Uint8Array(file.data), file.name, DOCX_TYPE);
      return `Der Sachstandsbericht „${file.name}“ wird heruntergeladen.`;
    });

  return (
    <section className={styles.root} aria-labelledby="uebersicht-bericht">
      <Subtitle2 as="h2" id="uebersicht-bericht">
        Übersicht und Bericht
      </Subtitle2>
      <Body1 as="p" block>
        Das Blatt „{OVERVIEW_SHEET.sheet}“ zeigt je Handlungsfeld Maßnahmen, Kosten, Indikatoren und die letzte
        Bewertung, mit Diagrammen; es wird bei jedem Erzeugen ersetzt. Der Sachstandsbericht ist ein Word-Dokument für
        Ausschuss, Kreistag und Integrationsbeirat.
      </Body1>
      <div className={styles.buttons}>
        <Button
          appearance={stepAppearance(primary, true)}
          disabled={!host || work !== null}
          onClick={() => void overview()}
        >
          Übersicht erzeugen
        </Button>
        <Button disabled={!host || work !== null} onClick={() => void report()}>
          Sachstandsbericht herunterladen
        </Button>
      </div>
      {work && <Spinner size="tiny" labelPosition="after" label={PROGRESS[work]} />}
      <NoticeBar notice={notice} />
      <IntegrationsberichtDownloads rasterizer={rasterizer} />
    </section>
  );
}
