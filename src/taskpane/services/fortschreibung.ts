/**
 * Fortschreibung im Aufgabenbereich: die nächste Konzeptperiode als neue Datei aus den Bytes der offenen
 * Arbeitsmappe (`host.file()`, in Excel wie im Browser). Die offene Arbeitsmappe bleibt unverändert. Wird
 * erst geladen, wenn jemand die neue Arbeitsmappe erstellt (das Lesen und Zip-Patchen der Arbeitsmappe ist groß).
 */
import type { IsoDate } from "../../domain/dates";
import type { Laufzeit } from "../../domain/fortschreibung";
import type { WorkbookHost } from "../../workbook/host";
import { XlsxDocument } from "../../xlsx/document";
import { type FortschreibungOutcome, fortschreiben } from "../../xlsx/fortschreibung";

export interface FortgeschriebeneMappe {
  data: ArrayBuffer;
  fileName: string;
  outcome: FortschreibungOutcome;
}

/** `Maßnahmenplan.xlsx` → `Maßnahmenplan 2029-2032.xlsx`; the old period's years in the name are replaced. */
export function nextFileName(name: string, laufzeit: Laufzeit): string {
  const base = (name || "Maßnahmenplan.xlsx").replace(/\.xlsx$/i, "");
  const years = `${laufzeit.firstYear}-${laufzeit.lastYear}`;
  const renamed = base.replace(/\b(19|20)\d{2}\s*[-–—]\s*(19|20)\d{2}\b/, years);
  return `${renamed === base ? `${base} ${years}` : renamed}.xlsx`;
}

export async function fortschreibenOpenWorkbook(
  host: WorkbookHost,
  laufzeit: Laufzeit,
  today: IsoDate,
): Promise<FortgeschriebeneMappe> {
  const file = await host.file();
  // A copy: the document must not share memory with the bytes the host keeps for the open workbook.
  const doc = await XlsxDocument.open(new Uint8Array(file.data.slice(0)), file.name);
  const outcome = await fortschreiben(doc, { laufzeit, file: file.name, today });
  const bytes = doc.toBytes();
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { data, fileName: nextFileName(file.name, laufzeit), outcome };
}
