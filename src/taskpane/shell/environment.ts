/** Where the pane runs: in Excel, in another Office host, or in a plain browser (the browser mode). */
import { useEffect, useState } from "react";

/** Wo der Aufgabenbereich läuft (im Zustand steht `null`, solange office.js sich noch nicht gemeldet hat). */
export type Umgebung =
  { art: "excel"; plattform: string | null } | { art: "anderer-host"; host: string } | { art: "browser" };

/**
 * Status-Text für die Umgebung (rein, damit er ohne Office testbar ist). Im Browser-Modus erklärt er das
 * Vorgehen nur, solange keine Arbeitsmappe offen ist: danach zählt im schmalen Bereich jede Zeile.
 */
export function statusText(umgebung: Umgebung | null, geoeffnet = false): string {
  if (umgebung === null) return "Verbindung zu Excel wird geprüft …";
  switch (umgebung.art) {
    case "excel":
      return umgebung.plattform
        ? `Excel-Modus: Der Maßnahmenplaner ist mit Excel verbunden (${umgebung.plattform}).`
        : "Excel-Modus: Der Maßnahmenplaner ist mit Excel verbunden.";
    case "anderer-host":
      return `Dieser Aufgabenbereich läuft in ${umgebung.host}, ist aber für Excel gedacht.`;
    case "browser":
      return geoeffnet
        ? "Browser-Modus (ohne Excel)."
        : "Browser-Modus: Diese Seite läuft ohne Excel. Öffnen Sie eine Arbeitsmappe (.xlsx) und laden Sie sie danach wieder herunter.";
  }
}

/**
 * Ordnet das Ergebnis von `Office.onReady` einer Umgebung zu. Die Typen deklarieren `HostType` als
 * Zahlen-Enum, zur Laufzeit sind es aber Zeichenketten ("Excel", "Word", …) bzw. `null` ohne Office.
 */
export function umgebungAus(info: { host?: unknown; platform?: unknown } | null | undefined): Umgebung {
  if (!info || info.host === null || info.host === undefined) return { art: "browser" };
  const host = String(info.host);
  if (host === "Excel") {
    return { art: "excel", plattform: info.platform == null ? null : String(info.platform) };
  }
  return { art: "anderer-host", host };
}

/** The environment once office.js has answered (null until then). */
export function useUmgebung(): Umgebung | null {
  const [umgebung, setUmgebung] = useState<Umgebung | null>(null);
  useEffect(() => {
    let aktiv = true;
    // Ohne geladenes office.js (z. B. CDN nicht erreichbar) gibt es das globale `Office` gar nicht.
    if (typeof Office === "undefined") {
      setUmgebung({ art: "browser" });
      return;
    }
    // Außerhalb von Office löst office.js `onReady` mit `info.host === null` auf.
    Office.onReady()
      .then((info) => {
        if (aktiv) setUmgebung(umgebungAus(info));
      })
      .catch(() => {
        if (aktiv) setUmgebung({ art: "browser" });
      });
    return () => {
      aktiv = false;
    };
  }, []);
  return umgebung;
}
