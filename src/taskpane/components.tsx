/** Small pieces every view of the pane shows the same way. */
import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { errorText } from "./session";

export const NO_MASSNAHMEN_TEXT =
  "Diese Arbeitsmappe hat noch keine Tabelle „Maßnahmen“. Legen Sie die Struktur unter „Einrichten“ an.";

/** What a view says while there is no workbook, or one without Maßnahmen. */
export function NoConcept({
  hasWorkbook,
  noWorkbookText = "Öffnen Sie zuerst eine Arbeitsmappe oder legen Sie unter „Einrichten“ eine neue an.",
}: {
  hasWorkbook: boolean;
  noWorkbookText?: string;
}): ReactElement {
  return (
    <Body1 as="p" block>
      {hasWorkbook ? NO_MASSNAHMEN_TEXT : noWorkbookText}
    </Body1>
  );
}

/**
 * One primary action per view (Fluent 2: the primary button marks the one most important action on a
 * surface): a view whose sections each have a next step says which section holds its primary, and that
 * section gives it to its current step; every other button is secondary.
 */
export const stepAppearance = (holdsPrimary: boolean, current: boolean): "primary" | "secondary" =>
  holdsPrimary && current ? "primary" : "secondary";

/** A section of a view that may hold the view's primary action; `onStart`: the user began its task. */
export interface SectionProps {
  primary: boolean;
  onStart(): void;
}

export interface Notice {
  intent: "success" | "warning" | "error";
  text: string;
}

/**
 * Runs a write of a view: `busy` while it runs, then its outcome as the notice — the sentence `work`
 * returns, or the error's German sentence. True when it succeeded (the guard's „Speichern und weiter“ goes
 * on only then).
 */
export async function runWrite(
  work: () => Promise<string>,
  view: { setNotice(notice: Notice | null): void; setBusy?(busy: boolean): void },
): Promise<boolean> {
  view.setBusy?.(true);
  view.setNotice(null);
  try {
    view.setNotice({ intent: "success", text: await work() });
    return true;
  } catch (error) {
    view.setNotice({ intent: "error", text: errorText(error) });
    return false;
  } finally {
    view.setBusy?.(false);
  }
}

/** The outcome of an action: announced politely, errors as alerts. */
export function NoticeBar({ notice }: { notice: Notice | null }): ReactElement | null {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * The layout the views share: a section under a rule, a row of buttons that wraps, and entries that read
 * top-down, one card each, so they fit 320 px whatever their content (a list and its items).
 */
export const useLayoutStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
});
