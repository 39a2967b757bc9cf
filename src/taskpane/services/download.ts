/**
 * Browser downloads and files: the browser mode's open/save and the Verteilen view's downloads.
 *
 * Saving back to the file the user opened uses the File System Access API (`showOpenFilePicker`,
 * `FileSystemFileHandle.createWritable`), which Chromium-based browsers (Edge, Chrome) offer in a secure
 * context; it is feature-detected, and elsewhere the pane falls back to a file input and a download under
 * the file's own name (the browser may still add „(1)“ when the name exists in its download folder).
 */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Starts the download of one file (Blob + `<a download>`); an .xlsx file unless `type` says otherwise. */
export function download(data: ArrayBuffer | Uint8Array<ArrayBuffer>, fileName: string, type = XLSX_TYPE): void {
  const blob = new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function readFile(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** The part of a `FileSystemFileHandle` the pane uses (the DOM typings lack the picker and permissions). */
export interface WorkbookFileHandle {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: ArrayBuffer): Promise<void>; close(): Promise<void> }>;
  queryPermission?(descriptor: { mode: "readwrite" }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: "readwrite" }): Promise<PermissionState>;
}

type OpenFilePicker = (options: {
  types: { description: string; accept: Record<string, string[]> }[];
  multiple: boolean;
  excludeAcceptAllOption: boolean;
}) => Promise<WorkbookFileHandle[]>;

const picker = (): OpenFilePicker | undefined =>
  typeof window !== "undefined" && window.isSecureContext
    ? (window as unknown as { showOpenFilePicker?: OpenFilePicker }).showOpenFilePicker
    : undefined;

/** True where the browser can open a file for writing it back (Chromium-based, secure context). */
export function canSaveBack(): boolean {
  return typeof picker() === "function";
}

/** A file the user chose to open: its bytes, its name and, where the browser allows, its handle. */
export interface PickedFile {
  data: ArrayBuffer;
  name: string;
  handle: WorkbookFileHandle | null;
}

/** Lets the user choose a workbook with the system's dialog; null when they cancel. */
export async function pickWithHandle(): Promise<PickedFile | null> {
  const open = picker();
  if (!open) return null;
  let handles: WorkbookFileHandle[];
  try {
    handles = await open({
      types: [{ description: "Excel-Arbeitsmappe", accept: { [XLSX_TYPE]: [".xlsx"] } }],
      multiple: false,
      excludeAcceptAllOption: false,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") return null;
    throw error;
  }
  const handle = handles[0];
  if (!handle) return null;
  const file = await handle.getFile();
  return { data: await readFile(file), name: file.name || handle.name, handle };
}

/**
 * Writes the workbook back into the file it was opened from. False when the browser or the user refuses
 * write access (then the caller downloads instead).
 */
export async function writeBack(handle: WorkbookFileHandle, data: ArrayBuffer): Promise<boolean> {
  const mode = { mode: "readwrite" as const };
  let permission: PermissionState = (await handle.queryPermission?.(mode)) ?? "granted";
  if (permission === "prompt") permission = (await handle.requestPermission?.(mode)) ?? "denied";
  if (permission !== "granted") return false;
  const writable = await handle.createWritable();
  await writable.write(data);
  await writable.close();
  return true;
}
