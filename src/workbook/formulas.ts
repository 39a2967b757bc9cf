/**
 * Pieces of the formulas the generated sheets write over the user's tables (Übersicht, Kennzahlen): a sheet
 * name in a reference, a COUNTIFS/SUMIFS criterion that matches a text literally. Only what Office LTSC 2021
 * and LibreOffice both read.
 */

/** A sheet's name as a formula refers to it: `'Maßnahmen'`, an apostrophe doubled. */
export const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** A COUNTIFS/SUMIFS criterion that matches the text literally (`~` escapes Excel's wildcards). */
export const literalCriterion = (text: string) => `"${text.replace(/[~*?]/g, "~$&").replace(/"/g, '""')}"`;

/** The criterion of a dropdown entry `ID – Name` of an ID: the ID, a space, anything. */
export const labelledCriterion = (id: string) => `${literalCriterion(id).slice(0, -1)} *"`;
