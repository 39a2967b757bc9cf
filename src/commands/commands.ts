/* global Office */
/*
 * Funktionsdatei der Menüband-Befehle (manifest.xml: FunctionFile → commands.html).
 */

export {};

Office.onReady(() => {
  // Nichts vorzubereiten: die Befehle werden unten registriert.
});

/**
 * Menüband-Schaltfläche „Prüfen“ (ExecuteFunction `pruefen`).
 *
 * PLATZHALTER: Die eigentliche Prüfung folgt in einem späteren Issue. Bis dahin liest und schreibt
 * diese Funktion NICHTS in der Arbeitsmappe – sie meldet Office nur, dass der Befehl fertig ist.
 */
function pruefen(event: Office.AddinCommands.Event): void {
  // TODO(späteres Issue): Maßnahmen aus der Arbeitsmappe lesen, SMART-Regeln prüfen, Ergebnis anzeigen.
  event.completed();
}

Office.actions.associate("pruefen", pruefen);
