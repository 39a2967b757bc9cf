/**
 * The contract's default Bewertungskriterien: every template writes them, and a round uses them where
 * tblKriterien is missing or empty. Apart from the templates' content, which reading a round never needs.
 */
/** Default criteria of the contract, used when tblKriterien is empty or missing. */
export const DEFAULT_KRITERIEN = [
  { kriterium: "Umsetzungsstand", gewicht: 25, beschreibung: "Ist die Maßnahme wie geplant umgesetzt?" },
  { kriterium: "Zielerreichung", gewicht: 30, beschreibung: "Ist der Zielwert der Indikatoren erreicht?" },
  { kriterium: "Erreichung der Zielgruppe", gewicht: 20, beschreibung: "Kommt die Maßnahme bei der Zielgruppe an?" },
  {
    kriterium: "Ressourceneinsatz",
    gewicht: 15,
    beschreibung: "Stehen Aufwand und Ergebnis in einem guten Verhältnis?",
  },
  { kriterium: "Nachhaltigkeit", gewicht: 10, beschreibung: "Wirkt die Maßnahme über die Laufzeit hinaus?" },
] as const;
