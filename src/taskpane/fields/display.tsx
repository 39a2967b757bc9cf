/** How the pane shows numbers and an Ampel, the same in every view. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, ErrorCircleFilled, QuestionCircleRegular, WarningFilled } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { formatGermanNumber } from "../../domain/numbers";

/** A number as German text with a real minus sign (U+2212), as typeset text has it: −30, 1.500,5. */
export function shownNumber(n: number, fractionDigits?: number): string {
  return formatGermanNumber(n, fractionDigits).replace(/^-/, "\u2212");
}

const useStyles = makeStyles({
  ampel: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXXS },
  grün: { color: tokens.colorPaletteGreenForeground1 },
  gelb: { color: tokens.colorPaletteMarigoldForeground1 },
  rot: { color: tokens.colorPaletteRedForeground1 },
  none: { color: tokens.colorNeutralForeground3 },
});

const ICONS = { grün: CheckmarkCircleFilled, gelb: WarningFilled, rot: ErrorCircleFilled };

/**
 * An Ampel as colour, icon and word (the coloured icon beside a word in the text colour, which stays
 * readable; the word carries it where colour does not: printouts, colour vision
 * deficiency, screen readers); anything else, such as „keine Daten“, as a neutral icon and its words.
 */
export function AmpelLabel({ value }: { value: string }): ReactElement {
  const styles = useStyles();
  const known = value === "grün" || value === "gelb" || value === "rot" ? value : null;
  const Icon = known ? ICONS[known] : QuestionCircleRegular;
  return (
    <span className={styles.ampel}>
      <Icon aria-hidden="true" className={known ? styles[known] : styles.none} />
      <span>{value}</span>
    </span>
  );
}
