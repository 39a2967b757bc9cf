/** The layout and number format the Monitoring view's sections share. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { shownNumber } from "../../fields/display";

export const useMonitoringStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  narrow: { minWidth: "8em", flexGrow: 1 },
  // A native select is as wide as its longest option; in the 320 px pane it takes the width it has.
  wide: { width: "100%", minWidth: 0, maxWidth: "100%" },
  table: { tableLayout: "auto" },
  // A long Gemeinde name breaks by syllable where the browser hyphenates German (Edge/WebView2 in Office),
  // and anywhere only where it cannot; the figures beside it never break.
  text: { overflowWrap: "anywhere", hyphens: "auto" },
  number: { textAlign: "right" },
  // A table of a Basisindikator by Gebiet: up to five Stichtage and the change beside the names, so its cells
  // keep little padding and a figure stays on one line; what gives is the name, which wraps.
  compact: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  figures: { whiteSpace: "nowrap" },
});

/** A figure to one decimal, German with a real minus sign, with its unit; `–` when there is none. */
export const figure = (n: number | null, unit = "") =>
  n === null ? "–" : `${shownNumber(Math.round(n * 10) / 10)}${unit}`;
