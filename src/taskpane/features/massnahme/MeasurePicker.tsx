/**
 * The measure picker: a search over ID, title and Handlungsfeld, the results grouped by Handlungsfeld, each
 * measure with its SMART state — a Kreis has 80 to 300 measures.
 */
import { Caption1, Combobox, Field, Option, OptionGroup, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactElement, useMemo, useState } from "react";
import type { ReadConcept } from "../../../workbook/read";
import { measureGroups } from "./form";
import { NEW } from "./useMeasureForm";

const useStyles = makeStyles({
  option: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  state: { color: tokens.colorNeutralForeground3 },
  complete: { color: tokens.colorPaletteGreenForeground1 },
});

export function MeasurePicker({
  concept,
  today,
  selected,
  newId,
  onChoose,
}: {
  concept: ReadConcept;
  today: string;
  selected: string;
  newId: string;
  onChoose(id: string): void;
}): ReactElement {
  const styles = useStyles();
  const groups = useMemo(() => measureGroups(concept, today), [concept, today]);
  const [query, setQuery] = useState<string | null>(null);
  const newLabel = `Neue Maßnahme (${newId})`;
  const current =
    selected === NEW
      ? newLabel
      : (groups.flatMap((g) => g.measures).find((m) => m.value === selected)?.label ?? selected);
  const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const fits = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const shown = groups
    .map((g) => ({ ...g, measures: g.measures.filter((m) => fits(`${m.label} ${g.label}`)) }))
    .filter((g) => g.measures.length > 0);
  const count = shown.reduce((n, g) => n + g.measures.length, 0);
  return (
    <Field
      label="Maßnahme"
      hint={query ? `${count} ${count === 1 ? "Maßnahme passt" : "Maßnahmen passen"}.` : undefined}
    >
      <Combobox
        id="massnahme-auswahl"
        freeform
        placeholder="ID, Titel oder Handlungsfeld suchen"
        expandIcon={{ "aria-label": "Maßnahmen anzeigen" }}
        value={query ?? current}
        selectedOptions={[selected]}
        onChange={(e) => setQuery(e.target.value)}
        // A search starts empty: opening the list clears the field, focusing it selects what it shows.
        onFocus={(e) => (e.target as HTMLInputElement).select?.()}
        onOpenChange={(_, data) => setQuery((q) => (data.open ? (q ?? "") : null))}
        onOptionSelect={(_, data) => {
          // Typing clears the selection (no option value): the search goes on.
          if (!data.optionValue) return;
          setQuery(null);
          onChoose(data.optionValue);
        }}
      >
        {!query && (
          <Option key={NEW} value={NEW} text={newLabel}>
            {newLabel}
          </Option>
        )}
        {shown.map((g) => (
          <OptionGroup key={g.label} label={g.label}>
            {g.measures.map((m) => (
              <Option key={m.value} value={m.value} text={m.label}>
                <span className={styles.option}>
                  <span>{m.label}</span>
                  <Caption1 className={m.smart === "SMART-vollständig" ? styles.complete : styles.state}>
                    {m.smart}
                  </Caption1>
                </span>
              </Option>
            ))}
          </OptionGroup>
        ))}
        {count === 0 && (
          <Option key="" value="" text="" disabled>
            Keine Maßnahme passt zu „{query}“.
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
