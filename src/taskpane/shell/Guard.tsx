/**
 * The one guard of the pane: before a way out would drop unsaved input (switching view or measure, opening
 * another workbook), it asks once, in one wording — „Speichern und weiter“, „Verwerfen“, „Weiter bearbeiten“.
 * What is unsaved may also be a preview of returns not yet merged or a workbook built but in no file yet; its
 * sentence then says what „Speichern und weiter“ does (merge, download).
 */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { type ReactElement, useCallback, useRef, useState } from "react";
import type { LeaveScope, PendingEdit } from "../session";

type Choice = "save" | "discard" | "keep";

interface Question {
  /** Sentences that say what would be lost. */
  lines: string[];
  answer(choice: Choice): void;
}

/** What the guard needs to know about the workbook on a way out of scope `workbook`. */
export interface WorkbookAtStake {
  /** A sentence when the workbook has changes no file has yet, else null. */
  unsaved(): string | null;
  save(): Promise<void>;
}

export interface Guard {
  leave(action: () => void | Promise<void>, scope?: LeaveScope): Promise<boolean>;
  setPendingEdit(key: string, edit: PendingEdit | null): void;
  /** True while a form holds unsaved input. */
  hasPendingEdits(): boolean;
  dialog: ReactElement;
}

const joined = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} und ${items[items.length - 1]}`;

/** The forms' input a way out of `scope` would drop. */
function atStake(edits: ReadonlyMap<string, PendingEdit>, scope: LeaveScope): PendingEdit[] {
  if (typeof scope !== "object") return [...edits.values()];
  if ("edit" in scope) return [edits.get(scope.edit)].filter((e): e is PendingEdit => !!e);
  return [...edits].filter(([key]) => key !== scope.opening).map(([, edit]) => edit);
}

export function useGuard(workbook: WorkbookAtStake): Guard {
  const edits = useRef(new Map<string, PendingEdit>());
  const [question, setQuestion] = useState<Question | null>(null);
  const latest = useRef(workbook);
  latest.current = workbook;

  const setPendingEdit = useCallback((key: string, edit: PendingEdit | null) => {
    if (edit) edits.current.set(key, edit);
    else edits.current.delete(key);
  }, []);

  const leave = useCallback(async (action: () => void | Promise<void>, scope: LeaveScope = "edits") => {
    const pending = atStake(edits.current, scope);
    const file =
      scope === "workbook" || (typeof scope === "object" && "opening" in scope) ? latest.current.unsaved() : null;
    if (pending.length === 0 && !file) {
      await action();
      return true;
    }
    const lines: string[] = [];
    const changes = pending.filter((p) => !p.sentence);
    if (changes.length) {
      lines.push(`Die Änderungen an ${joined(changes.map((p) => p.subject))} sind noch nicht gespeichert.`);
    }
    for (const p of pending) if (p.sentence) lines.push(p.sentence);
    if (file) lines.push(file);
    // Asked after the event that led here is over: a list that closes with it (the measure picker) would
    // otherwise take the focus back from the dialog.
    await new Promise((resolve) => setTimeout(resolve));
    const choice = await new Promise<Choice>((resolve) => setQuestion({ lines, answer: resolve }));
    setQuestion(null);
    if (choice === "keep") return false;
    if (choice === "save") {
      for (const p of pending) if (!(await p.save())) return false;
      if (file) await latest.current.save();
    } else {
      for (const p of pending) p.discard();
    }
    await action();
    return true;
  }, []);

  // A new dialog for each question (mounted only while it asks), so no state of an earlier one lingers.
  const dialog = question ? (
    <Dialog
      modalType="alert"
      open
      onOpenChange={(_, data) => {
        if (!data.open) question.answer("keep");
      }}
    >
      <DialogSurface aria-describedby="guard-text">
        <DialogBody>
          <DialogTitle>Nicht gespeicherte Änderungen</DialogTitle>
          <DialogContent id="guard-text">
            {question.lines.map((line) => (
              <Body1 as="p" block key={line}>
                {line}
              </Body1>
            ))}
          </DialogContent>
          <DialogActions fluid>
            <Button onClick={() => question.answer("keep")}>Weiter bearbeiten</Button>
            <Button onClick={() => question.answer("discard")}>Verwerfen</Button>
            <Button appearance="primary" onClick={() => question.answer("save")}>
              Speichern und weiter
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  ) : (
    <></>
  );

  return { leave, setPendingEdit, hasPendingEdits: () => edits.current.size > 0, dialog };
}
