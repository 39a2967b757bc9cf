/*
 * Funktionsdatei der Menüband-Befehle (manifest.xml: FunctionFile → commands.html).
 */

export {};

Office.onReady(() => {
  // Nichts vorzubereiten: die Befehle werden unten registriert.
});

/**
 * Menüband-Schaltfläche „Prüfen“ (ExecuteFunction `pruefen`): prüft die Arbeitsmappe mit denselben Regeln
 * wie der Aufgabenbereich und schreibt das Blatt „Prüfbericht“, ohne den Aufgabenbereich zu öffnen.
 * Host und Regeln werden erst beim Klick geladen, die Funktionsdatei selbst bleibt klein.
 */
async function pruefen(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const [{ createExcelHost }, { checkAndReport, todayIso }] = await Promise.all([
      import(/* webpackChunkName: "excel-host" */ "../taskpane/services/excelHost"),
      import(/* webpackChunkName: "operations" */ "../taskpane/services/operations"),
    ]);
    const host = await createExcelHost();
    const url = Office.context.document?.url ?? "";
    const file = url.split(/[\\/]/).pop() || "diese Arbeitsmappe";
    await checkAndReport(host, file, todayIso());
  } catch (error) {
    // Ohne Aufgabenbereich gibt es keine Fläche für Meldungen; die Konsole der Entwicklerwerkzeuge zeigt sie.
    console.error(`Prüfen war nicht möglich: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    event.completed();
  }
}

Office.actions.associate("pruefen", pruefen);
