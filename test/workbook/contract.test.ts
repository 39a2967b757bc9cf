import { TABLES, tableSpec } from "../../src/workbook/contract";
import { normalizeLabel } from "../../src/domain/values";

describe("the workbook contract", () => {
  it("names the tables, sheets and required columns of docs/arbeitsmappe.md", () => {
    const summary = Object.fromEntries(
      TABLES.map((t) => [
        t.table,
        `${t.sheet}: ${t.columns.map((c) => c.header + (c.required ? "*" : "")).join(", ")}`,
      ]),
    );
    expect(summary).toEqual({
      tblEinstellungen: "Einstellungen: Schlüssel*, Wert*",
      tblHandlungsfelder: "Handlungsfelder: ID*, Handlungsfeld*, Leitziel, Beschreibung",
      tblZiele: "Ziele: ID*, Handlungsfeld*, Ziel*, Zielgruppe",
      tblIndikatoren:
        "Indikatoren: ID*, Ziel*, Indikator*, Einheit, Basiswert, Basisjahr, Zielwert, Zieljahr, Datenquelle, Erhebungsturnus, Zuständig, Art, Handlungsfeld, Definition, Berechnung, Nächste Veröffentlichung",
      tblAkteure: "Akteure: ID*, Bezeichnung*, Fachbereich, Ansprechperson, E-Mail, Art",
      tblMassnahmen:
        "Maßnahmen: ID*, Handlungsfeld*, Ziel*, Titel*, Beschreibung*, Zielgruppe, Indikatoren*, Zielwert*, Federführung*, Beteiligte, Personal (VZÄ), Sachkosten (EUR), Finanzierung, Beginn, Frist*, Status*, Priorität, Bemerkung, Bedarfe",
      tblKriterien: "Bewertungskriterien: Kriterium*, Gewicht*, Beschreibung",
      tblIndikatorwerte:
        "Indikatorwerte: Indikator*, Stichtag*, Wert*, Quelle, Bemerkung, Gebiet, Gruppe, Kennzeichen, Abgerufen am",
      tblSachstaende:
        "Sachstände: Maßnahme*, Berichtsstichtag*, Status*, Umsetzung (%), Ampel, Sachstand*, Nächste Schritte, Hindernisse, Gemeldet von, Gemeldet am",
      tblAngebote:
        "Angebote: ID*, Angebot*, Träger*, Handlungsfeld*, Zielgruppe, Sozialraum, Teilnehmende pro Jahr, Finanzierung, Kontakt, Stand",
      tblBedarfe: "Bedarfe: ID*, Bedarf*, Handlungsfeld*, Quelle*, Zielgruppe, Priorität, Begründung",
      tblProzessplan:
        "Prozessplan: ID*, Phase, Schritt*, Beginn, Termin, Verantwortlich, Beteiligte, Format, Gremium, Befassung, Gegenstand, Drucksache, Status*, Ergebnis",
      tblGebiete: "Gebiete: ID*, Gebiet*, Ebene*, Übergeordnet, Vergleich",
    });
  });

  it("keeps input messages within Excel's limits (title 32, text 255 characters)", () => {
    for (const t of TABLES) {
      for (const c of t.columns) {
        expect([t.table, c.header, c.prompt.title.length <= 32, c.prompt.text.length <= 255]).toEqual([
          t.table,
          c.header,
          true,
          true,
        ]);
      }
    }
  });

  it("explains the SMART letter in the input message of every SMART column of Maßnahmen", () => {
    for (const c of tableSpec("massnahmen").columns.filter((c) => c.smart)) {
      expect(c.prompt.title).toContain(`${c.smart}`);
    }
  });

  it("has no header synonym that two columns of one table share", () => {
    for (const t of TABLES) {
      const labels = t.columns.flatMap((c) => [c.header, ...(c.synonyms ?? [])].map(normalizeLabel));
      expect(labels.length).toBe(new Set(labels).size);
    }
  });
});
