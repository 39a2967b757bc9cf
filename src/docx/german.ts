/**
 * The article of a Gremium or a Gegenstand in a generated sentence (`Der Kreistag beschließt den
 * Integrationsbericht …`). Its gender is read from the ending of the name's first word, the head noun of the
 * names councils use (`Ausschuss für …`, `Rat der Stadt …`, `Integrationsbericht 2026`); a name it does not know
 * is wrapped in a noun whose gender is known (`das Gremium „Runder Tisch“`). The sentence is meant to be edited.
 */
type Gender = "m" | "f" | "n";

const ENDINGS: [RegExp, Gender][] = [
  [/(rat|tag|ausschuss|bericht|plan|vorstand|senat|konvent|kreis|beschluss)$/, "m"],
  [/(gruppe|konferenz|versammlung|schaft|kommission|runde|ung|vertretung|^ag)$/, "f"],
  [/(konzept|gremium|parlament|programm|papier|forum|leitbild|netzwerk|vorhaben)$/, "n"],
];

const ARTICLES: Record<Gender, { nominative: string; accusative: string; dative: string }> = {
  m: { nominative: "der", accusative: "den", dative: "dem" },
  f: { nominative: "die", accusative: "die", dative: "der" },
  n: { nominative: "das", accusative: "das", dative: "dem" },
};

/** The gender of a name by its first word; null when the ending is not one of the known ones. */
export function genderOf(name: string): Gender | null {
  const head = (name.trim().split(/[\s,]+/)[0] ?? "").toLowerCase();
  return ENDINGS.find(([ending]) => ending.test(head))?.[1] ?? null;
}

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A name with its article in three cases; `fallback` (`Gremium`, `Gegenstand`) carries a name of unknown gender. */
export function nounPhrase(name: string, fallback: "Gremium" | "Gegenstand") {
  const gender = genderOf(name);
  const [phrase, g]: [string, Gender] = gender
    ? [name, gender]
    : [`${fallback} „${name}“`, fallback === "Gremium" ? "n" : "m"];
  const a = ARTICLES[g];
  return {
    nominative: (capital = false) => `${capital ? upper(a.nominative) : a.nominative} ${phrase}`,
    accusative: () => `${a.accusative} ${phrase}`,
    dative: () => `${a.dative} ${phrase}`,
  };
}
