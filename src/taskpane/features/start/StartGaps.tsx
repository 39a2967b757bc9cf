/**
 * „Was noch fehlt“ on Start: what the concept still lacks (the same gaps as in Listen and after an import),
 * one line each with a link to the place that fixes it — „7 Maßnahmen ohne Handlungsfeld: Handlungsfelder
 * anlegen“. Compact, since Start shows the concept's figures and next steps as well; nothing when nothing lacks.
 */
import { Body1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactElement, useMemo } from "react";
import { checkConcept } from "../../../domain/rules";
import type { ReadConcept } from "../../../workbook/read";
import { useSession } from "../../session";
import { conceptGaps } from "../listen/gaps";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
});

export function StartGaps({ concept }: { concept: ReadConcept }): ReactElement | null {
  const styles = useStyles();
  const session = useSession();
  const gaps = useMemo(
    () => conceptGaps(concept, checkConcept(concept, { today: session.today }).findings),
    [concept, session.today],
  );
  if (gaps.length === 0) return null;
  return (
    <section aria-labelledby="start-fehlt">
      <Subtitle2 as="h2" id="start-fehlt">
        Was noch fehlt
      </Subtitle2>
      <ul className={styles.list} aria-labelledby="start-fehlt">
        {gaps.map((g) => (
          <li key={g.text}>
            <Body1>
              {g.text}:{" "}
              <Link inline onClick={() => session.navigate(g.target)} aria-label={`${g.text}: ${g.action}`}>
                {g.action}
              </Link>
            </Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}
