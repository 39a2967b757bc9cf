/**
 * One form per reference: how many reference cells are not the dropdown's `ID – Name` (or IDs joined by
 * `; `), and one action that rewrites them all. Nothing else changes: the check reads both forms alike.
 */
import { Body1, Button, Subtitle2 } from "@fluentui/react-components";
import { useMemo, useState, type ReactElement } from "react";
import type { EntityKind } from "../../../domain/model";
import { tableSpec } from "../../../workbook/contract";
import type { ReadConcept } from "../../../workbook/read";
import { uniformPlan } from "../../../workbook/references";
import { type Notice, NoticeBar, useLayoutStyles } from "../../components";
import { errorText, useSession } from "../../session";
import { makeUniform } from "./writes";

export function Uniform({ concept }: { concept: ReadConcept }): ReactElement | null {
  const session = useSession();
  const layout = useLayoutStyles();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const plan = useMemo(() => uniformPlan(concept), [concept]);
  if (plan.cells === 0 && !notice) return null;

  const run = async () => {
    if (!session.host) return;
    setBusy(true);
    try {
      const cells = await makeUniform(session.host, concept);
      await session.reload();
      const what = cells === 1 ? "Ein Verweis steht" : `${cells} Verweise stehen`;
      setNotice({ intent: "success", text: `${what} jetzt in der Form „ID – Name“.` });
    } catch (error) {
      setNotice({ intent: "error", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const where = (Object.entries(plan.byKind) as [EntityKind, number][])
    .map(([kind, n]) => `${tableSpec(kind).sheet} ${n}`)
    .join(", ");
  return (
    <section className={layout.section} aria-labelledby="listen-uniform">
      <Subtitle2 as="h2" id="listen-uniform">
        Verweise vereinheitlichen
      </Subtitle2>
      <NoticeBar notice={notice} />
      {plan.cells > 0 && (
        <>
          <Body1 as="p" block>
            {plan.cells === 1 ? "Ein Verweis steht" : `${plan.cells} Verweise stehen`} nicht in der Form der
            Auswahllisten („HF-03 – Bildung und Sprache“; mehrere IDs mit „; “ getrennt): {where}. Einheitliche Einträge
            lassen sich in Excel filtern und auswerten.
          </Body1>
          <div className={layout.actions}>
            <Button onClick={() => void run()} disabled={busy}>
              {plan.cells === 1 ? "Verweis vereinheitlichen" : `${plan.cells} Verweise vereinheitlichen`}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
