/** Every .xlsx and .docx the program writes passes ../shared/tools/validate-ooxml.py (Excel's strictness, by proxy). */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const VALIDATE = path.resolve(__dirname, "../../../shared/tools/validate-ooxml.py");

/** The problems the validator finds in the files (one line each); empty when every file passes. */
export function ooxmlProblems(...files: string[]): string[] {
  const run = spawnSync("python3", [VALIDATE, ...files], { encoding: "utf8" });
  if (run.error) throw run.error;
  const lines = `${run.stdout}${run.stderr}`.split("\n").filter((l) => l.trim() !== "");
  const problems = lines.filter((l) => !/^ooxml: \d+ files/.test(l));
  if (run.status !== 0 && problems.length === 0) return [`validate-ooxml.py endete mit ${run.status}`];
  return problems;
}
