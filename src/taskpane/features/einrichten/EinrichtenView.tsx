import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Field,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import type { TemplateName } from "../../../domain/templates";
import { stepAppearance } from "../../components";
import { setUpWorkbook } from "../../services/operations";
import { errorText, useSession } from "../../session";
import FortschreibungSection from "./FortschreibungSection";
import ImportSection from "./ImportSection";

const TEMPLATES: { value: TemplateName; label: string; text: string }[] = [
  { value: "leer", label: "Leer", text: "Leere Tabellen mit Einstellungen und Bewertungskriterien." },
  {
    value: "laatzen",
    label: "Laatzen",
    text: "Die Handlungsfelder des Handlungskonzepts Integration der Stadt Laatzen.",
  },
  { value: "ilm-kreis", label: "Ilm-Kreis", text: "Die Handlungsfelder des Integrationskonzepts des Ilm-Kreises." },
  { value: "beispiel", label: "Beispiel", text: "Ein ausgefülltes Beispielkonzept mit 20 Maßnahmen zum Ausprobieren." },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

type Outcome = { intent: "success" | "error"; title: string; text: string };

/** The view's three tasks; the one the user works on holds the view's one primary action. */
type Task = "vorlage" | "import" | "fortschreibung";

export default function EinrichtenView(): ReactElement {
  const styles = useStyles();
  const session = useSession();
  const [template, setTemplate] = useState<TemplateName>("leer");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [task, setTask] = useState<Task | null>(null);
  // Until the user begins a task: the structure while there is none to work in, else no primary at all.
  const primary: Task | null = task ?? (session.concept ? null : "vorlage");

  const run = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      let host = session.host;
      if (!host && session.newWorkbook) host = await session.newWorkbook();
      if (!host) throw new Error("Es ist keine Arbeitsmappe geöffnet.");
      const result = await setUpWorkbook(host, template, session.today);
      await session.reload(host);
      setTask(null); // done here: the next step is in another view
      const parts = [];
      if (result.created.length) parts.push(`Angelegt: ${result.created.join(", ")}.`);
      if (result.existing.length) parts.push(`Schon vorhanden und nicht verändert: ${result.existing.join(", ")}.`);
      setOutcome({
        intent: "success",
        title: result.created.length ? "Struktur angelegt" : "Nichts zu tun",
        text: parts.join(" "),
      });
    } catch (error) {
      setOutcome({ intent: "error", title: "Nicht möglich", text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Body1 as="p" block>
        Legt die Blätter und Tabellen des Maßnahmenplans in der Arbeitsmappe an. Blätter, die es schon gibt, bleiben
        unverändert; es werden keine Daten überschrieben.
      </Body1>
      <Field label="Vorlage">
        <RadioGroup
          value={template}
          onChange={(_, data) => {
            setTemplate(data.value as TemplateName);
            setTask("vorlage");
          }}
        >
          {TEMPLATES.map((t) => (
            <Radio key={t.value} value={t.value} label={`${t.label} – ${t.text}`} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button appearance={stepAppearance(primary === "vorlage", true)} onClick={() => void run()} disabled={busy}>
          {session.host ? "Struktur anlegen" : "Neue Arbeitsmappe mit dieser Vorlage anlegen"}
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <ImportSection primary={primary === "import"} onStart={() => setTask("import")} />
      <FortschreibungSection primary={primary === "fortschreibung"} onStart={() => setTask("fortschreibung")} />
    </div>
  );
}
