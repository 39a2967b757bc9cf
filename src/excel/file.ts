/**
 * The bytes of the workbook open in Excel, through `Office.context.document.getFileAsync` (compressed, in
 * slices of 4 MB). The only place that asks Office for the file: `ExcelHost.file()`.
 */
import type { WorkbookFile } from "../workbook/host";

/** The open workbook's bytes; its name from its URL, or a neutral one when Excel does not say. */
export type OpenFile = WorkbookFile;

const SLICE_SIZE = 4 * 1024 * 1024;

function fileNameOf(url: string | undefined | null): string {
  const last = (url ?? "").split(/[\\/]/).pop()?.split(/[?#]/)[0] ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // keep it as it is
  }
  return /\.xls[xm]$/i.test(name) ? name.replace(/\.xlsm$/i, ".xlsx") : "Maßnahmenplan.xlsx";
}

/** Reads all slices of the open file and closes it again (also after an error). */
export function readOpenWorkbookFile(): Promise<OpenFile> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(
          new Error(
            `Excel hat die Arbeitsmappe nicht herausgegeben (${result.error?.message ?? "unbekannter Grund"}).`,
          ),
        );
        return;
      }
      const file = result.value;
      const slices: Uint8Array[] = [];
      const close = () => new Promise<void>((done) => file.closeAsync(() => done()));
      const next = (index: number) => {
        if (index >= file.sliceCount) {
          void close().then(() => {
            const total = slices.reduce((n, s) => n + s.length, 0);
            const bytes = new Uint8Array(total);
            let offset = 0;
            for (const s of slices) {
              bytes.set(s, offset);
              offset += s.length;
            }
            resolve({ data: bytes.buffer, name: fileNameOf(Office.context.document.url) });
          });
          return;
        }
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            void close().then(() =>
              reject(
                new Error(
                  `Excel hat einen Teil der Arbeitsmappe nicht herausgegeben (${slice.error?.message ?? "unbekannter Grund"}).`,
                ),
              ),
            );
            return;
          }
          slices.push(new Uint8Array(slice.value.data as ArrayLike<number>));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}
