/**
 * The pane's one date input: typed as Germans write a date (TT.MM.JJJJ; what the contract reads as a
 * period, such as 12/2027 or Q4 2027, stays as typed), with an optional calendar that opens at the given
 * day or, while the field is empty, at the next due date the caller names — never simply at today.
 *
 * The calendar is the browser's own (`<input type="date">` opened by `showPicker()`, in Chromium-based
 * browsers and so in Excel's WebView2): it speaks the user's language, needs no further package, and is
 * feature-detected, so where it is missing the field is a plain text field.
 */
import { Button, Input, makeStyles } from "@fluentui/react-components";
import { CalendarLtrRegular } from "@fluentui/react-icons";
import { type ReactElement, useRef } from "react";
import { type IsoDate, dateFromIso, formatGermanDate, isoFromDate, parseGermanDate } from "../../domain/dates";

const useStyles = makeStyles({
  root: { position: "relative", display: "flex", minWidth: 0 },
  input: { flexGrow: 1, minWidth: 0 },
  // Rendered (showPicker needs that) but neither seen nor reachable: the button stands for it.
  native: {
    position: "absolute",
    right: 0,
    bottom: 0,
    width: "1px",
    height: "1px",
    opacity: 0,
    border: 0,
    padding: 0,
    pointerEvents: "none",
  },
});

/** The exact day a date text names, or null (a period, a note, or nothing). */
export function dayOf(text: string): IsoDate | null {
  const parsed = parseGermanDate(text);
  return parsed.kind === "date" && parsed.precision === "day" ? parsed.date : null;
}

/** Four weeks after `day`: where a return date's calendar opens (a usual time to answer a circulation). */
export function inFourWeeks(day: IsoDate): IsoDate {
  const date = dateFromIso(day);
  date.setUTCDate(date.getUTCDate() + 28);
  return isoFromDate(date);
}

const canPick = () => typeof HTMLInputElement !== "undefined" && "showPicker" in HTMLInputElement.prototype;

export interface DateFieldProps {
  id?: string;
  value: string;
  onChange(value: string): void;
  /** Where the calendar opens while the field holds no exact day: the next due date. */
  dueDate: IsoDate;
  /** Names the field for the calendar button („Kalender für Frist“). */
  label: string;
  required?: boolean;
}

export function DateField({ id, value, onChange, dueDate, label, required }: DateFieldProps): ReactElement {
  const styles = useStyles();
  const native = useRef<HTMLInputElement>(null);
  const open = () => {
    const input = native.current;
    if (!input) return;
    input.value = dayOf(value) ?? dueDate;
    try {
      input.showPicker();
    } catch {
      // e.g. no user activation: the typed entry still works
    }
  };
  return (
    <div className={styles.root}>
      <Input
        id={id}
        className={styles.input}
        placeholder="TT.MM.JJJJ"
        autoComplete="off"
        required={required}
        value={value}
        onChange={(_, data) => onChange(data.value)}
        contentAfter={
          canPick() ? (
            <Button
              size="small"
              appearance="transparent"
              icon={<CalendarLtrRegular />}
              aria-label={`Kalender für ${label}`}
              onClick={open}
            />
          ) : undefined
        }
      />
      {canPick() && (
        <input
          ref={native}
          type="date"
          className={styles.native}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            if (e.target.value) onChange(formatGermanDate(e.target.value));
          }}
        />
      )}
    </div>
  );
}
