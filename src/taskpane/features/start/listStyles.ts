/** The start view's lists of dated lines (Prozessplan, Anstehend): one line per item, the overdue in red. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useDatedListStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  line: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  late: { color: tokens.colorPaletteRedForeground1 },
});
