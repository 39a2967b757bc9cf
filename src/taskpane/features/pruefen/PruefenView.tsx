import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState, type ReactElement } from "react";
import { type Finding, RULES, type Severity, type SmartLetter, SMART_LETTERS } from "../../../domain/rules";
import { idKey, referenceLabel, textOf } from "../../../domain/values";
import { PRUEFBERICHT } from "../../../workbook/sheets/pruefbericht";
import { SEVERITY_PLURAL, severityCount } from "../../../workbook/report";
import { checkWorkbook, writeReport } from "../../services/operations";
import { type Notice, NoConcept, NoticeBar } from "../../components";
import { errorText, useSession } from "../../session";
import { fixOf } from "./fix";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  filters: { display: "flex", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  groupHead: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  title: { overflowWrap: "anywhere", minWidth: 0 },
  finding: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, alignItems: "flex-start" },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
});

type SmartFilter = SmartLetter | "alle" | "ohne";
type SeverityFilter = Severity | "alle";

interface Group {
  key: string;
  title: string;
  findings: Finding[];
}

export default function PruefenView(): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const { concept, host } = session;
  const [severity, setSeverity] = useState<SeverityFilter>("alle");
  const [smart, setSmart] = useState<SmartFilter>("alle");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const result = useMemo(() => (concept ? checkWorkbook(concept, session.today) : null), [concept, session.today]);

  const groups = useMemo((): Group[] => {
    if (!result || !concept) return [];
    const titles = new Map<string, string>();
    for (const r of concept.massnahmen.rows) {
      const id = textOf(r.values.id ?? null);
      if (id) titles.set(idKey(id), referenceLabel(id, textOf(r.values.titel ?? null)));
    }
    const map = new Map<string, Group>();
    for (const f of result.findings) {
      if (severity !== "alle" && f.severity !== severity) continue;
      if (smart === "ohne" ? f.smart !== null : smart !== "alle" && f.smart !== smart) continue;
      const isMeasure = f.sheet === concept.massnahmen.sheet || f.rule === "A_KONTAKT_FEHLT";
      const key = `${isMeasure ? "M" : f.sheet}|${f.id ? idKey(f.id) : ""}`;
      let group = map.get(key);
      if (!group) {
        const title = f.id
          ? isMeasure
            ? `Maßnahme ${titles.get(idKey(f.id)) ?? f.id}`
            : `${f.sheet}: ${f.id}`
          : `${f.sheet} (ohne ID)`;
        group = { key, title, findings: [] };
        map.set(key, group);
      }
      group.findings.push(f);
    }
    // Maßnahmen zuerst (in ihrer Reihenfolge im Blatt), dann die übrigen Blätter.
    const order = new Map(concept.massnahmen.rows.map((r, i) => [idKey(textOf(r.values.id ?? null)), i]));
    const rank = (g: Group) => (g.key.startsWith("M|") ? (order.get(g.key.slice(2)) ?? -1) : Number.MAX_SAFE_INTEGER);
    return [...map.values()].sort((a, b) => rank(a) - rank(b));
  }, [result, concept, severity, smart]);

  if (!host || !concept || !result) {
    return <NoConcept hasWorkbook={!!host} />;
  }

  const { summary } = result;
  const shown = groups.reduce((n, g) => n + g.findings.length, 0);

  const report = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await writeReport(host, result, session.fileName, concept);
      await host.selectCell(PRUEFBERICHT.sheet, "A1");
      await session.reload();
      setNotice({
        intent: "success",
        text: `Das Blatt „${PRUEFBERICHT.sheet}“ enthält jetzt ${result.findings.length} Befunde.`,
      });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const smartLabel = (s: SmartFilter) => (s === "alle" ? "alle" : s === "ohne" ? "ohne SMART-Bezug" : s);
  const severityLabel = (s: SeverityFilter) => (s === "alle" ? "alle" : SEVERITY_PLURAL[s]);

  return (
    <div className={styles.root}>
      <Body1 as="p" block role="status">
        {summary.measures} Maßnahmen, davon {summary.smartComplete} SMART-vollständig ·{" "}
        {(["error", "warning", "info"] as const).map((s) => severityCount(s, summary[`${s}s`])).join(" · ")}
      </Body1>
      <div className={styles.actions}>
        <Button onClick={() => void session.reload()} disabled={busy}>
          Erneut prüfen
        </Button>
        <Button appearance="primary" onClick={() => void report()} disabled={busy}>
          Prüfbericht als Blatt
        </Button>
      </div>
      <NoticeBar notice={notice} />
      <div className={styles.filters}>
        <Field label="Schwere">
          <Dropdown
            value={severityLabel(severity)}
            selectedOptions={[severity]}
            onOptionSelect={(_, d) => setSeverity(d.optionValue as SeverityFilter)}
          >
            {(["alle", ...SEVERITIES] as SeverityFilter[]).map((s) => (
              <Option key={s} value={s}>
                {severityLabel(s)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="SMART">
          <Dropdown
            value={smartLabel(smart)}
            selectedOptions={[smart]}
            onOptionSelect={(_, d) => setSmart(d.optionValue as SmartFilter)}
          >
            {(["alle", ...SMART_LETTERS, "ohne"] as SmartFilter[]).map((s) => (
              <Option key={s} value={s}>
                {smartLabel(s)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Caption1 as="p" block>
        {shown === result.findings.length ? `${shown} Befunde` : `${shown} von ${result.findings.length} Befunden`}
      </Caption1>
      {groups.length === 0 && (
        <Body1 as="p" block>
          Keine Befunde.
        </Body1>
      )}
      {groups.map((g) => (
        <section key={g.key} className={styles.group} aria-label={g.title}>
          <div className={styles.groupHead}>
            <Subtitle2 as="h3" className={styles.title}>
              {g.title}
            </Subtitle2>
          </div>
          {SEVERITIES.filter((s) => g.findings.some((f) => f.severity === s)).map((s) => (
            <div key={s}>
              <Caption1 className={styles[s]}>
                {SEVERITY_PLURAL[s]} ({g.findings.filter((f) => f.severity === s).length})
              </Caption1>
              <ul className={styles.list}>
                {g.findings
                  .filter((f) => f.severity === s)
                  .map((f, i) => (
                    <FindingItem key={i} finding={f} className={styles.finding} />
                  ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * One finding: its cell (selected on demand), rule and whole message, and the way to the place in the pane
 * that fixes it (none where only its cell can).
 */
function FindingItem({ finding: f, className }: { finding: Finding; className: string }): ReactElement {
  const session = useSession();
  const messageId = useId();
  const fix = fixOf(f);
  return (
    <li className={className}>
      <span>
        <Link as="button" onClick={() => void session.host?.selectCell(f.sheet, f.cell)}>
          {`${f.sheet}!${f.cell}`}
        </Link>{" "}
        <Caption1>
          {f.smart ? `${f.smart} · ` : ""}
          {RULES[f.rule].title}
        </Caption1>
      </span>
      <Body1 as="p" block id={messageId}>
        {f.message}
      </Body1>
      {fix && (
        <Button size="small" onClick={() => session.navigate(fix.target)} aria-describedby={messageId}>
          {fix.label}
        </Button>
      )}
    </li>
  );
}
