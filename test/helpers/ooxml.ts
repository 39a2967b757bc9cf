/** Runs ../shared/tools/validate-ooxml.py (the Excel-strictness proxy beside the repo) over written files. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const VALIDATE = path.resolve(__dirname, "../../../shared/tools/validate-ooxml.py");

/** The problems validate-ooxml.py finds in the files (one line each); empty when they are clean. */
export function ooxmlProblems(files: string[]): string[] {
  const run = spawnSync("python3", [VALIDATE, ...files], { encoding: "utf8", timeout: 180_000 });
  if (run.error) throw run.error;
  const lines = `${run.stdout}${run.stderr}`.split("\n").filter((l) => l.trim() !== "");
  const summary = lines.find((l) => l.startsWith("ooxml:"));
  if (!summary) throw new Error(`validate-ooxml.py gab keine Zusammenfassung aus: ${lines.join("\n")}`);
  return run.status === 0 ? [] : lines.filter((l) => l !== summary);
}
