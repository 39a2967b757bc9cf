/* global Office */
import { useEffect, useState, type ReactElement } from "react";
import { Body1, FluentProvider, Title1, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";

/** Wo der Aufgabenbereich läuft (im Zustand steht `null`, solange office.js sich noch nicht gemeldet hat). */
export type Umgebung =
  | { art: "excel"; plattform: string | null }
  | { art: "anderer-host"; host: string }
  | { art: "browser" };

/** Status-Text für die Umgebung (rein, damit er ohne Office testbar ist). */
export function statusText(umgebung: Umgebung | null): string {
  if (umgebung === null) return "Verbindung zu Excel wird geprüft …";
  switch (umgebung.art) {
    case "excel":
      return umgebung.plattform
        ? `Excel-Modus: Der Maßnahmenplaner ist mit Excel verbunden (${umgebung.plattform}).`
        : "Excel-Modus: Der Maßnahmenplaner ist mit Excel verbunden.";
    case "anderer-host":
      return `Dieser Aufgabenbereich läuft in ${umgebung.host}, ist aber für Excel gedacht.`;
    case "browser":
      return "Browser-Modus: Diese Seite läuft ohne Excel.";
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

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  status: {
    color: tokens.colorNeutralForeground2,
  },
});

export function App(): ReactElement {
  const styles = useStyles();
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

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.main}>
        <Title1 as="h1">Maßnahmenplaner</Title1>
        <Body1 as="p">
          Mit dem Maßnahmenplaner planen Sie SMARTe Maßnahmen für kommunale Integrations- und Handlungskonzepte,
          prüfen sie auf vollständige und messbare Angaben und bewerten ihren Umsetzungsstand – direkt in Ihrer
          Excel-Arbeitsmappe.
        </Body1>
        <Body1 as="p" role="status" className={styles.status}>
          {statusText(umgebung)}
        </Body1>
      </main>
    </FluentProvider>
  );
}
