/**
 * The SMART template: a searchable measure picker, the SMART state, the form in collapsible sections (one
 * per letter, with Laatzen's definition) and a footer that keeps „Speichern“ in reach however long the form.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactElement, useEffect, useState } from "react";
import { type Finding, type SmartLetter, SMART_LETTERS } from "../../../domain/rules";
import type { ReadConcept } from "../../../workbook/read";
import { NoConcept, NoticeBar } from "../../components";
import { useSession } from "../../session";
import { FormField, fieldId } from "./FieldInput";
import { MeasurePicker } from "./MeasurePicker";
import { SMART_NAME, type Section, sections } from "./form";
import { type MeasureForm, NEW, useMeasureForm } from "./useMeasureForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  badges: { display: "flex", columnGap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  // The panel uses the pane's whole width (Fluent indents it by default).
  panelRoot: { marginLeft: 0, marginRight: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  headerText: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  open: { color: tokens.colorPaletteDarkOrangeForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  sectionFindings: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  // Always in reach: the actions stick to the bottom of the pane while the form scrolls beneath.
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
});

export default function MassnahmeView(): ReactElement {
  const session = useSession();
  const { concept } = session;
  if (!session.host || !concept) {
    return <NoConcept hasWorkbook={!!session.host} />;
  }
  // A new editor for each workbook opened (even one of the same name): nothing of the last one lingers.
  return <MeasureEditor key={hostKey(session.host)} concept={concept} />;
}

const hostKeys = new WeakMap<object, number>();
let hosts = 0;
const hostKey = (host: object): number => {
  if (!hostKeys.has(host)) hostKeys.set(host, ++hosts);
  return hostKeys.get(host)!;
};

function MeasureEditor({ concept }: { concept: ReadConcept }): ReactElement {
  const styles = useStyles();
  const m = useMeasureForm(concept);
  const open = useOpenSections(m);
  return (
    <div className={styles.root}>
      <MeasurePicker
        concept={concept}
        today={m.today}
        selected={m.selected}
        newId={m.newId}
        onChoose={(id) => m.open(id)}
      />
      <SmartState m={m} />
      <Accordion
        multiple
        collapsible
        openItems={open.items}
        onToggle={(_, data) => open.set(data.openItems as string[])}
      >
        {sections().map((s) => (
          <SectionItem key={s.key} section={s} concept={concept} m={m} />
        ))}
      </Accordion>
      <div className={styles.footer}>
        <NoticeBar notice={m.notice} />
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void m.save()} disabled={m.busy}>
            {m.selected === NEW ? `Als neue Maßnahme ${m.newId} speichern` : `Änderungen an ${m.id} speichern`}
          </Button>
          <Button onClick={() => m.open(NEW)} disabled={m.busy}>
            Neue Maßnahme
          </Button>
        </div>
      </div>
    </div>
  );
}

/**
 * Which sections are open: a new measure shows all; a stored one its Einordnung and the sections with
 * something to do (an open letter or a finding), so a complete measure reads as a short list. A navigation opens the section of its field
 * and focuses the field.
 */
function useOpenSections(m: MeasureForm) {
  const [items, set] = useState<string[]>(() => sections().map((s) => s.key));
  useEffect(() => {
    if (m.selected === NEW) return set(sections().map((s) => s.key));
    const todo = (s: Section) =>
      s.key === "einordnung" ||
      sectionFindings(m, s).length > 0 ||
      (s.key in m.check.letters && !m.check.letters[s.key as SmartLetter]);
    set(
      sections()
        .filter(todo)
        .map((s) => s.key),
    );
    // Decided once per loaded measure, not while the user edits.
  }, [m.loaded]);
  useEffect(() => {
    if (!m.focus) return;
    const section = sections().find((s) => s.columns.some((c) => c.field === m.focus!.field));
    if (section) set((open) => (open.includes(section.key) ? open : [...open, section.key]));
    // The field exists once its section is open: focus it after that render.
    const timer = setTimeout(() => {
      const el = document.getElementById(fieldId(m.focus!.field));
      el?.scrollIntoView?.({ block: "center" });
      el?.focus();
    });
    return () => clearTimeout(timer);
  }, [m.focus?.seq]);
  return { items, set };
}

const sectionFindings = (m: MeasureForm, s: Section): Finding[] =>
  Object.entries(m.check.byField).flatMap(([field, list]) =>
    field === "_"
      ? list.filter((f) => (f.smart ?? "einordnung") === s.key)
      : s.columns.some((c) => c.field === field)
        ? list
        : [],
  );

function SectionItem({
  section: s,
  concept,
  m,
}: {
  section: Section;
  concept: ReadConcept;
  m: MeasureForm;
}): ReactElement {
  const styles = useStyles();
  const letter = SMART_LETTERS.includes(s.key as SmartLetter) ? (s.key as SmartLetter) : null;
  const findings = m.touched === "alle" ? sectionFindings(m, s) : [];
  const general =
    m.touched === "alle" ? (m.check.byField._ ?? []).filter((f) => (f.smart ?? "einordnung") === s.key) : [];
  const state = letter
    ? m.check.letters[letter]
      ? { text: "erfüllt", className: styles.done }
      : { text: "noch offen", className: styles.open }
    : findings.length
      ? { text: `${findings.length} ${findings.length === 1 ? "Hinweis" : "Hinweise"}`, className: styles.open }
      : null;
  return (
    <AccordionItem value={s.key}>
      <AccordionHeader as="h2" size="large">
        <span className={styles.headerText}>
          <span>{s.title}</span>
          {state && <Caption1 className={state.className}>{state.text}</Caption1>}
        </span>
      </AccordionHeader>
      <AccordionPanel className={styles.panelRoot}>
        <div className={styles.panel}>
          <Caption1 as="p" block>
            {s.text}
          </Caption1>
          {general.length > 0 && (
            <ul className={styles.sectionFindings}>
              {general.map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
          )}
          {s.columns.map((c) => (
            <FormField key={c.field} column={c} concept={concept} m={m} />
          ))}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

function SmartState({ m }: { m: MeasureForm }): ReactElement {
  const styles = useStyles();
  const open = SMART_LETTERS.filter((l) => !m.check.letters[l]);
  return (
    <div className={styles.badges} role="group" aria-label="SMART-Stand">
      {SMART_LETTERS.map((l) => (
        <Badge
          key={l}
          size="large"
          shape="rounded"
          appearance={m.check.letters[l] ? "filled" : "outline"}
          color={m.check.rejected ? "informative" : m.check.letters[l] ? "success" : "danger"}
          role="img"
          aria-label={`${l} ${SMART_NAME[l]}: ${m.check.letters[l] ? "erfüllt" : "noch offen"}`}
          title={`${SMART_NAME[l]}: ${m.check.letters[l] ? "erfüllt" : "noch offen"}`}
        >
          {l}
        </Badge>
      ))}
      <Body1 role="status" aria-live="polite" id="smart-stand">
        {m.check.rejected
          ? "Verworfen: Diese Maßnahme wird nur auf Struktur geprüft."
          : open.length === 0
            ? "SMART-vollständig."
            : `Noch nicht SMART-vollständig: ${open.map((l) => `${l} (${SMART_NAME[l]})`).join(", ")}.`}
      </Body1>
    </div>
  );
}
