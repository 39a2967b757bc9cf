/**
 * What the concept still lacks, each with the way to the place that fixes it. Shown in the Listen view and
 * after an import, so that a list imported without Handlungsfelder or Akteure leads on to them.
 */
import { Body1, Button, Subtitle2 } from "@fluentui/react-components";
import { useMemo, type ReactElement } from "react";
import type { ConceptData } from "../../../domain/model";
import { type Finding, checkConcept } from "../../../domain/rules";
import { useLayoutStyles } from "../../components";
import { useSession } from "../../session";
import { conceptGaps } from "./gaps";

export function Gaps({ concept, findings }: { concept: ConceptData; findings: Finding[] }): ReactElement | null {
  const session = useSession();
  const layout = useLayoutStyles();
  const gaps = conceptGaps(concept, findings);
  if (gaps.length === 0) return null;
  return (
    <section className={layout.section} aria-labelledby="listen-gaps">
      <Subtitle2 as="h2" id="listen-gaps">
        Was noch fehlt
      </Subtitle2>
      <ul className={layout.cards}>
        {gaps.map((g) => (
          <li key={g.text} className={layout.card}>
            <Body1>{g.text}</Body1>
            <div className={layout.actions}>
              <Button size="small" onClick={() => session.navigate(g.target)} aria-label={`${g.text}: ${g.action}`}>
                {g.action}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The gaps of the workbook open in the pane (after an import: what the list did not have). */
export function ConceptGaps(): ReactElement | null {
  const { concept, today } = useSession();
  const findings = useMemo(() => (concept ? checkConcept(concept, { today }).findings : []), [concept, today]);
  return concept ? <Gaps concept={concept} findings={findings} /> : null;
}
