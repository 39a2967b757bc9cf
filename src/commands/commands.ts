/*
 * Funktionsdatei der Menüband-Befehle (manifest.xml: FunctionFile → commands.html).
 */

export {};

Office.onReady(() => {
  // Nichts vorzubereiten: die Befehle werden unten registriert.
});

/** The sentence a user sees when the ribbon's „Prüfen“ could not run. */
export function pruefenFehlerText(error: unknown, noTable: boolean): string {
  if (noTable) {
    return "Diese Arbeitsmappe hat noch keine Tabelle „Maßnahmen“. Öffnen Sie den Maßnahmenplaner und legen Sie die Struktur unter „Einrichten“ an.";
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Prüfen war nicht möglich: ${message || "unbekannter Fehler."}`;
}

/**
 * Shows a message in an Office dialog (meldung.html) and resolves once the user has closed it. A function
 * command has no surface of its own; without the dialog an error would reach only the developer console.
 */
export function showMessage(title: string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL("meldung.html", window.location.href);
    url.search = new URLSearchParams({ titel: title, text }).toString();
    Office.context.ui.displayDialogAsync(url.href, { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        // Not even a dialog (e.g. blocked): the console is the last place left.
        console.error(`${title}: ${text}`);
        resolve();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      // Closed with the dialog's own ×.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/**
 * Menüband-Schaltfläche „Prüfen“ (ExecuteFunction `pruefen`): prüft die Arbeitsmappe mit denselben Regeln
 * wie der Aufgabenbereich, schreibt das Blatt „Prüfbericht“ und zeigt es. Geht das nicht, sagt ein Dialog
 * warum. Host und Regeln werden erst beim Klick geladen, die Funktionsdatei selbst bleibt klein.
 */
export async function pruefen(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const [{ createExcelHost }, { checkAndReport, todayIso, UnreadableWorkbookError }] = await Promise.all([
      import(/* webpackChunkName: "excel-host" */ "../taskpane/services/excelHost"),
      import(/* webpackChunkName: "operations" */ "../taskpane/services/operations"),
    ]);
    try {
      const host = await createExcelHost();
      const url = Office.context.document?.url ?? "";
      const file = url.split(/[\\/]/).pop() || "diese Arbeitsmappe";
      await checkAndReport(host, file, todayIso());
    } catch (error) {
      await showMessage("Prüfen", pruefenFehlerText(error, error instanceof UnreadableWorkbookError));
    }
  } catch (error) {
    await showMessage("Prüfen", pruefenFehlerText(error, false));
  } finally {
    event.completed();
  }
}

Office.actions.associate("pruefen", pruefen);
