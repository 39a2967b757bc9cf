/**
 * Errors of the Office.js host, each one German sentence the pane can show as it is. Office errors carry
 * a `code` (OfficeExtension.Error); everything else is wrapped so no stack trace reaches the user.
 */

/** Any failure of the Office.js host, with a message meant for the user. */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ExcelHostError";
  }
}

export const EDIT_MODE_MESSAGE =
  "Excel ist gerade im Bearbeitungsmodus: Bitte schließen Sie die Eingabe in der Zelle ab (Eingabetaste oder Esc) und versuchen Sie es erneut.";

/** A cell is being edited: Excel refuses every API call until the user leaves the cell. */
export class HostBusyError extends ExcelHostError {
  constructor(options?: { cause?: unknown }) {
    super(EDIT_MODE_MESSAGE, "InvalidOperationInCellEditMode", options);
    this.name = "HostBusyError";
  }
}

const KNOWN: Record<string, string> = {
  AccessDenied:
    "Excel hat den Zugriff verweigert: Das Blatt oder die Arbeitsmappe ist geschützt oder schreibgeschützt geöffnet; bitte heben Sie den Schutz auf oder öffnen Sie die Datei zum Bearbeiten.",
  ItemNotFound:
    "Excel hat ein Blatt oder eine Tabelle nicht gefunden: Bitte prüfen Sie, ob es umbenannt oder gelöscht wurde, und versuchen Sie es erneut.",
  ItemAlreadyExists:
    "In der Arbeitsmappe gibt es bereits ein Blatt oder eine Tabelle mit diesem Namen: Bitte benennen Sie es um und versuchen Sie es erneut.",
  RequestPayloadSizeLimitExceeded:
    "Die Datenmenge war für einen Schritt zu groß für Excel: Bitte versuchen Sie es erneut; hilft das nicht, teilen Sie die Arbeitsmappe auf.",
  ResponsePayloadSizeLimitExceeded:
    "Die Arbeitsmappe ist zu groß, um sie in Excel im Web auf einmal zu lesen: Bitte verwenden Sie Excel für den Desktop oder teilen Sie die Arbeitsmappe auf.",
  ApiNotFound:
    "Diese Excel-Version unterstützt eine benötigte Funktion nicht: Bitte aktualisieren Sie Excel oder verwenden Sie Excel im Web.",
  Conflict: "Jemand anderes hat die Arbeitsmappe gleichzeitig geändert: Bitte versuchen Sie es erneut.",
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string") return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return undefined;
}

/** One German sentence for whatever Excel threw. */
export function toHostError(error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const code = codeOf(error);
  if (code === "InvalidOperationInCellEditMode") return new HostBusyError({ cause: error });
  const known = code ? KNOWN[code] : undefined;
  if (known) return new ExcelHostError(known, code, { cause: error });
  return new ExcelHostError(
    `Excel konnte den Vorgang nicht ausführen${code ? ` (Fehlercode ${code})` : ""}: Bitte versuchen Sie es erneut; hilft das nicht, speichern Sie die Arbeitsmappe und öffnen Sie sie neu.`,
    code,
    { cause: error },
  );
}
