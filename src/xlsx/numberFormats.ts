/**
 * Which number formats show a date or time: a cell holding a number in such a format is read as a Date,
 * as exceljs did (and as the user sees it in Excel).
 */

/**
 * Excel's built-in date and time formats (ECMA-376 §18.8.30): 14–22 and 45–47 in every locale, 27–36 and
 * 50–58 the East Asian ones. exceljs knew only the first group; Excel shows all of them as dates.
 */
export function isDateFormatId(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a format code shows a date or time: a d, m, y, h or s outside quoted text, brackets (colours,
 * conditions, locales, elapsed time), escaped characters (`\h`) and the characters after `_` and `*`.
 * `General`, `0.00`, `#,##0 "€"`, `[Red]0` are numbers; `dd.mm.yyyy`, `[$-407]mmmm yyyy`, `h:mm` are dates.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, "");
  return /[dmyhs]/i.test(bare);
}

/** An Excel serial as the Date exceljs gave (whole days at UTC midnight); the 1904 system counts from 1904. */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
