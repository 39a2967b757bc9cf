/*
 * Der Dialog der Menüband-Befehle (meldung.html): zeigt Titel und Text aus der Adresse und schließt sich
 * auf „Schließen“. Die Texte werden als Text gesetzt, nie als HTML.
 */

export {};

const params = new URLSearchParams(window.location.search);
const byId = (id: string) => document.getElementById(id)!;
byId("titel").textContent = params.get("titel") || "Maßnahmenplaner";
byId("text").textContent = params.get("text") || "";
const button = byId("schliessen") as HTMLButtonElement;
button.addEventListener("click", () => {
  try {
    Office.context.ui.messageParent("schliessen");
  } catch {
    window.close();
  }
});
button.focus();
