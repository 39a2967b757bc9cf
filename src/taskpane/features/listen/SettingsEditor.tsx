/** The Einstellungen the checks and the circulation need, one field per key, written by their Schlüssel. */
import { Button, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState, type ReactElement } from "react";
import type { ReadConcept } from "../../../workbook/read";
import { type Notice, NoticeBar, runWrite, useLayoutStyles } from "../../components";
import { DateField } from "../../fields/DateField";
import { useSession, useUnsavedEdit } from "../../session";
import { monitoringModel } from "../monitoring/model";
import { type FormValues, LIST_EDIT } from "./model";
import { validation } from "./RowForm";
import { SETTING_FIELDS, checkSettings, settingDue, settingWrites, settingsForm } from "./settings";
import { saveSettings } from "./writes";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS } });

export function SettingsEditor({ concept }: { concept: ReadConcept }): ReactElement {
  const session = useSession();
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [form, setForm] = useState<FormValues>(() => settingsForm(concept));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const writes = settingWrites(concept, form);
  const findings = useMemo(() => checkSettings(concept, form, session.today), [concept, form, session.today]);
  const berichtsstichtag = useMemo(
    () => monitoringModel(concept, session.today).berichtsstichtag,
    [concept, session.today],
  );

  const save = async (): Promise<boolean> => {
    if (!session.host) return false;
    if (writes.length === 0) {
      setNotice({ intent: "success", text: "Die Einstellungen sind unverändert." });
      return true;
    }
    const host = session.host;
    return runWrite(
      async () => {
        await saveSettings(host, concept, writes);
        const read = await session.reload();
        if (read) setForm(settingsForm(read));
        const keys = writes.map((w) => w.id);
        return `${keys.length === 1 ? "Die Einstellung" : "Die Einstellungen"} ${keys.map((k) => `„${k}“`).join(", ")} ${keys.length === 1 ? "ist" : "sind"} gespeichert.`;
      },
      { setNotice, setBusy },
    );
  };

  useUnsavedEdit(
    LIST_EDIT,
    writes.length > 0 ? { subject: "den Einstellungen", save, discard: () => setForm(settingsForm(concept)) } : null,
  );

  return (
    <form
      className={`${styles.form} ${layout.section}`}
      aria-label="Einstellungen"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h2">Einstellungen</Subtitle2>
      <NoticeBar notice={notice} />
      {SETTING_FIELDS.map((f) => (
        <Field
          key={f.key}
          label={f.key}
          hint={f.standard ? `${f.hint} Leer: ${f.standard}.` : f.hint}
          {...validation(findings[f.key])}
        >
          {f.type === "date" ? (
            <DateField
              value={form[f.key] ?? ""}
              onChange={(value) => setForm({ ...form, [f.key]: value })}
              dueDate={settingDue(f.key, form, session.today, berichtsstichtag)}
              label={f.key}
            />
          ) : (
            <Input
              value={form[f.key] ?? ""}
              inputMode={f.type === "number" ? "decimal" : undefined}
              autoComplete="off"
              onChange={(_, d) => setForm({ ...form, [f.key]: d.value })}
            />
          )}
        </Field>
      ))}
      <div className={layout.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Einstellungen speichern
        </Button>
      </div>
    </form>
  );
}
