/**
 * Beside the Sachstandsbericht: the Integrationsbericht from the monitoring and the Gemeindeprofil of a
 * Gemeinde (chosen from the Gebiete inside the own area) as Word downloads — the same documents as
 * `integrationsbericht` and `integrationsbericht --gebiet` on the command line. The code is loaded only
 * when the user asks for one.
 */
import { Body1, Button, Field, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState, type ReactElement } from "react";
import { gemeindeprofilGebiete } from "../../../domain/integrationsbericht";
import type { ChartRasterizer } from "../../../docx/report";
import { type Notice, NoticeBar } from "../../components";
import { download } from "../../services/download";
import { errorText, useSession } from "../../session";
import { loadReport } from "./reportCode";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  select: { minWidth: "12rem", maxWidth: "100%" },
});

type Work = "bericht" | "profil";

const PROGRESS: Record<Work, string> = {
  bericht: "Der Integrationsbericht wird gesetzt …",
  profil: "Das Gemeindeprofil wird gesetzt …",
};

export default function IntegrationsberichtDownloads({
  rasterizer,
}: {
  /** Draws the charts (the browser's canvas, or a stub in jsdom). */
  rasterizer: () => Promise<ChartRasterizer>;
}): ReactElement {
  const styles = useStyles();
  const { host, today, concept } = useSession();
  const gemeinden = useMemo(() => (concept ? gemeindeprofilGebiete(concept) : []), [concept]);
  const [selected, setSelected] = useState("");
  const gebiet = gemeinden.some((g) => g.id === selected) ? selected : (gemeinden[0]?.id ?? "");
  const [work, setWork] = useState<Work | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const run = async (which: Work) => {
    setWork(which);
    setNotice(null);
    try {
      const [{ integrationsberichtOf, DOCX_TYPE }, charts] = await Promise.all([loadReport(), rasterizer()]);
      const file = await integrationsberichtOf(host!, today, charts, which === "profil" ? gebiet : undefined);
      download(new Uint8Array(file.data), file.name, DOCX_TYPE);
      setNotice({
        intent: "success",
        text: `${which === "profil" ? "Das Gemeindeprofil" : "Der Integrationsbericht"} „${file.name}“ wird heruntergeladen.`,
      });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setWork(null);
    }
  };

  return (
    <div className={styles.root} role="group" aria-label="Integrationsbericht und Gemeindeprofil">
      <Body1 as="p" block>
        Der Integrationsbericht zeigt die Basisindikatoren des Integrationsmonitorings nach Gebiet im Vergleich mit Land
        und Bund, dazu je Handlungsfeld die Zielindikatoren. Das Gemeindeprofil ist sein Auszug für eine Gemeinde.
      </Body1>
      <div className={styles.row}>
        <Button disabled={!host || work !== null} onClick={() => void run("bericht")}>
          Integrationsbericht herunterladen
        </Button>
      </div>
      {gemeinden.length > 0 ? (
        <div className={styles.row}>
          <Field label="Gemeinde für das Gemeindeprofil">
            <Select className={styles.select} value={gebiet} onChange={(_, d) => setSelected(d.value)}>
              {gemeinden.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name ? `${g.name} (${g.id})` : g.id}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={!host || work !== null} onClick={() => void run("profil")}>
            Gemeindeprofil herunterladen
          </Button>
        </div>
      ) : (
        <Body1 as="p" block>
          Ein Gemeindeprofil gibt es, sobald das Blatt „Gebiete“ Gemeinden oder Stadtteile des eigenen Gebiets nennt.
        </Body1>
      )}
      {work && <Spinner size="tiny" labelPosition="after" label={PROGRESS[work]} />}
      <NoticeBar notice={notice} />
    </div>
  );
}
