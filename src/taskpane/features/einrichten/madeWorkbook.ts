/**
 * A workbook the Einrichten view has built (an imported list, a Fortschreibung) lives only in the pane until
 * it is downloaded or opened here. Until then it is unsaved input like a form's: every way out asks (switching
 * view, reloading the page, opening another workbook), and the guard's „Speichern und weiter“ downloads it.
 */
import { useState } from "react";
import { download } from "../../services/download";
import { openMadeWorkbook, useSession, useUnsavedEdit } from "../../session";

export interface MadeFile {
  data: ArrayBuffer;
  fileName: string;
}

/**
 * Guards `built` under `key` until it is kept (downloaded, or opened in the pane); `drop` is the guard's
 * „Verwerfen“. Returns the two ways to keep it.
 */
export function useMadeWorkbook(
  key: string,
  built: MadeFile | null,
  drop: () => void,
): { download(): void; openHere(): Promise<string> } {
  const session = useSession();
  // The built workbook last downloaded or opened: a new one (built again) is at stake again.
  const [kept, setKept] = useState<MadeFile | null>(null);
  const save = () => {
    if (!built) return;
    download(built.data, built.fileName);
    setKept(built);
  };
  useUnsavedEdit(
    key,
    built && built !== kept
      ? {
          subject: `der neuen Arbeitsmappe „${built.fileName}“`,
          sentence: `Die neue Arbeitsmappe „${built.fileName}“ ist noch in keiner Datei: „Speichern und weiter“ lädt sie herunter.`,
          save: async () => {
            save();
            return true;
          },
          discard: drop,
        }
      : null,
  );
  return {
    download: save,
    openHere: async () => {
      if (!built) throw new Error("Es gibt keine neue Arbeitsmappe zum Öffnen.");
      const text = await openMadeWorkbook(session, built, key);
      setKept(built);
      return text;
    },
  };
}
