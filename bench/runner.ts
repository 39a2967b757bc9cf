/** Running one measured operation in a fresh process (bench/child.ts), shared by the benchmarks. */
import { spawn } from "node:child_process";
import * as path from "node:path";
import type { ChildResult, Op } from "./child";
import { REPO_ROOT } from "./generate";
import { readConcept } from "../src/workbook/read";
import { openWorkbook } from "../src/xlsx/file";

export interface Run extends ChildResult {
  /** Wall time of the whole child process, tsx start-up and module loading included. */
  processMs: number;
}

const CHILD = path.join(__dirname, "child.ts");

/** The parts `check` reads of a file (what the read limit parses): the program's reader tells. */
export async function partsCheckReads(file: string): Promise<string[]> {
  const doc = await openWorkbook(file);
  readConcept(await doc.source());
  return doc.pkg.inflatedParts();
}

/** `node --import tsx bench/child.ts <op> <file> [args …]` in a fresh process (args: the parts of `limit`, the CSV of `werte`). */
export function runChild(op: Op, file: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, op, file, ...args], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const processMs = performance.now() - start;
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`${op} ${path.basename(file)}: Kindprozess endete mit ${signal ?? code}\n${stderr.trim()}`));
        return;
      }
      resolve({ ...(JSON.parse(line) as ChildResult), processMs });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * `node --import tsx <script> --child <args …>` in a fresh process: a benchmark that measures in its own
 * child mode (bench/bericht.ts, bench/integrationsbericht.ts); resolves with the JSON of its last line.
 */
export function runScriptChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", script, "--child", ...args], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    proc.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    proc.on("error", reject);
    proc.on("close", (code) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{"))
        reject(new Error(`${args[0]}: Kindprozess endete mit ${code}\n${stderr.trim()}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}
