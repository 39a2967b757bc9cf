/**
 * A measure's Sachstände, newest last, one card each: the date, Status, Umsetzung and Ampel on one line
 * that wraps, the Sachstand beneath — readable at 320 px whatever the text's length.
 */
import { Body1, Caption1 } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { formatGermanDate } from "../../../domain/dates";
import type { Sachstand } from "../../../domain/monitoring";
import { useLayoutStyles } from "../../components";
import { AmpelLabel, shownNumber } from "../../fields/display";

export function SachstandHistory({ id, history }: { id: string; history: Sachstand[] }): ReactElement {
  const layout = useLayoutStyles();
  if (history.length === 0) return <Body1>Für {id} ist noch kein Sachstand gemeldet.</Body1>;
  return (
    <ul className={layout.cards} aria-label={`Bisherige Sachstände von ${id}`}>
      {history.map((h) => (
        <li key={h.row} className={layout.card}>
          <Caption1>
            <strong>{formatGermanDate(h.berichtsstichtag)}</strong>
            {h.status ? ` · ${h.status}` : ""}
            {h.umsetzung === null ? "" : ` · ${shownNumber(Math.round(h.umsetzung * 10) / 10)} % umgesetzt`}
            {h.ampel && (
              <>
                {" · Ampel "}
                <AmpelLabel value={h.ampel} />
              </>
            )}
          </Caption1>
          <Body1>{h.sachstand}</Body1>
        </li>
      ))}
    </ul>
  );
}
