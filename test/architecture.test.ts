import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** Dependencies point inwards only: the domain is pure, the workbook contract is host-independent. */
function importsOf(dir: string): { file: string; spec: string }[] {
  const out: { file: string; spec: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:import|export)[^;]*?from\s+["']([^"']+)["']|require\(["']([^"']+)["']\)/g)) {
      out.push({ file: path.relative(process.cwd(), file), spec: (m[1] ?? m[2])! });
    }
  }
  return out;
}

/** A relative import that stays inside `dir` (its subfolders included). */
function inside(dir: string, i: { file: string; spec: string }): boolean {
  if (!i.spec.startsWith(".")) return false;
  const target = path.relative(path.resolve(dir), path.resolve(path.dirname(i.file), i.spec));
  return !target.startsWith("..") && !path.isAbsolute(target);
}

describe("architecture", () => {
  it("src/domain imports only itself", () => {
    const bad = importsOf("src/domain").filter((i) => !inside("src/domain", i));
    expect(bad).toEqual([]);
  });

  it("src/workbook imports only the domain, itself and zod (the schemas of the JSON files it reads)", () => {
    // Resolved, so that a folder such as src/workbook/import may reach ../contract and ../../domain.
    const inside = (i: { file: string; spec: string }, dir: string) =>
      i.spec.startsWith(".") && path.resolve(path.dirname(i.file), i.spec).startsWith(path.resolve(dir) + path.sep);
    const bad = importsOf("src/workbook").filter(
      (i) => !inside(i, "src/workbook") && !inside(i, "src/domain") && i.spec !== "zod",
    );
    expect(bad).toEqual([]);
  });

  it("no host or surface is imported by the core", () => {
    const core = [...importsOf("src/domain"), ...importsOf("src/workbook")];
    expect(core.filter((i) => /xlsx|docx|excel|taskpane|cli|react|office/i.test(i.spec))).toEqual([]);
  });

  it("src/docx (the report's Word output, a host beside src/xlsx) imports only the domain, itself, docx, resvg and fflate", () => {
    const allowed = (spec: string) =>
      spec.startsWith("./") ||
      spec.startsWith("../domain/") ||
      spec === "docx" ||
      spec === "@resvg/resvg-js" ||
      spec === "fflate" ||
      spec.startsWith("node:");
    expect(importsOf("src/docx").filter((i) => !allowed(i.spec))).toEqual([]);
  });

  it("the other hosts do not import src/docx", () => {
    const hosts = [...importsOf("src/xlsx"), ...importsOf("src/excel")];
    expect(hosts.filter((i) => /docx/.test(i.spec))).toEqual([]);
  });
});

// ——— import cycles, long functions and long files, over all of src/ ———

/** Every source file of src/. */
const SOURCES = fs
  .readdirSync("src", { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name))
  .sort();

/** The file a relative specifier names (`./x` → `x.ts`, `x.tsx` or `x/index.ts`); null for a package. */
function resolveImport(from: string, spec: string, files: Set<string>): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.join(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (files.has(c)) return c;
  }
  return null;
}

/**
 * The import graph of src/, read by the TypeScript compiler's own pre-processor: static imports and
 * re-exports, type-only ones included, `import()` and `require()`.
 */
function importGraph(): Map<string, string[]> {
  const files = new Set(SOURCES);
  const graph = new Map<string, string[]>();
  for (const file of SOURCES) {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = info.importedFiles.map((i) => resolveImport(file, i.fileName, files));
    graph.set(file, [...new Set(targets.filter((t): t is string => t !== null))]);
  }
  return graph;
}

/** The strongly connected components with more than one file (or a file importing itself): Tarjan's. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) out.push(component.sort());
  };
  for (const file of SOURCES) if (!index.has(file)) visit(file);
  return out;
}

/**
 * Files that are data, not code: the contract's tables, the example concepts and measured font widths.
 * They may run past 600 lines.
 */
const DATA_FILES = ["src/workbook/contract.ts", "src/domain/calibri-widths.ts", "src/domain/templates/beispiel.ts"];

const MAX_FILE_LINES = 600;
const MAX_FUNCTION_LINES = 150;

describe("size and cycles", () => {
  it("no import cycle in src/, type-only imports included", () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  it(`no source file over ${MAX_FILE_LINES} lines, except data`, () => {
    const long = SOURCES.filter((f) => !DATA_FILES.includes(f))
      .map((f) => ({ file: f, lines: fs.readFileSync(f, "utf8").split("\n").length }))
      .filter((f) => f.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: { file: string; line: number; lines: number }[] = [];
    for (const file of SOURCES) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
          const last = source.getLineAndCharacterOfPosition(node.end).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) long.push({ file, line: first + 1, lines: last - first + 1 });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});

// ——— sheet names: written in their registry entry only ———

/**
 * A sheet the program writes is named in its entry of the registry (src/workbook/sheets/) and a table of the
 * contract in src/workbook/contract.ts, nowhere else: everywhere else the name comes from the entry. The
 * test reads every source file of src/ outside those two places and flags a string literal (or a template
 * without substitutions) whose text is exactly a registered sheet's name or table name, or a contract
 * table's Excel table name, and the round family's `Bewertung ${…}` and `tblBewertung${…}` (or such a name
 * written out). A name inside a sentence is not flagged (messages and help say „im Blatt „Konflikte““), nor
 * words of the UI that happen to be a sheet's name: JSX text, `label` and `title` properties, and the noun
 * forms passed to `plural`/`count`. The homonyms left are listed below with their reason.
 */
const HOMONYMS: { file: string; text: string; why: string }[] = [
  { file: "src/workbook/report.ts", text: "Hinweise", why: "the plural of the severity Hinweis" },
  { file: "src/workbook/import/synonyms.ts", text: "Hinweise", why: "a header of a city's list meaning Bemerkung" },
  {
    file: "src/workbook/import/synonyms.ts",
    text: "Kennzahlen",
    why: "a header of a city's list meaning its Indikatoren",
  },
  {
    file: "src/taskpane/features/massnahme/MassnahmeView.tsx",
    text: "Hinweise",
    why: "a count of findings (1 Hinweis, 2 Hinweise)",
  },
  {
    file: "src/docx/sections.ts",
    text: "Bewertung ${}",
    why: "the report's heading names the round; the Word host may not import src/workbook",
  },
];

function registeredNames(): { exact: Set<string>; family: RegExp } {
  // Required here, not imported at the top: the rest of this file reads sources only.
  const { SHEETS } = require("../src/workbook/sheets") as typeof import("../src/workbook/sheets");
  const { TABLES } = require("../src/workbook/contract") as typeof import("../src/workbook/contract");
  const exact = new Set([
    ...SHEETS.flatMap((s) => [s.sheet, ...(s.table ? [s.table] : [])]),
    ...TABLES.map((t) => t.table),
  ]);
  return { exact, family: /^(Bewertung |tblBewertung)(\d{4}|\$\{\})$/ };
}

/** Words of the UI: JSX text, a `label`/`title` property, a noun form given to `plural` or `count`. */
function isUiWord(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node)
    return ["label", "title"].includes(parent.name.getText());
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression))
    return ["plural", "count"].includes(parent.expression.getText());
  return false;
}

describe("sheet names", () => {
  it("no sheet or table name is written outside its registry entry", () => {
    const { exact, family } = registeredNames();
    const found: string[] = [];
    for (const file of SOURCES) {
      if (file.startsWith("src/workbook/sheets/") || file === "src/workbook/contract.ts") continue;
      const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, kind);
      const visit = (node: ts.Node) => {
        let text: string | null = null;
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
        else if (ts.isTemplateExpression(node))
          text = node.head.text + node.templateSpans.map((s) => "${}" + s.literal.text).join("");
        if (
          text !== null &&
          (exact.has(text) || family.test(text)) &&
          !isUiWord(node) &&
          !HOMONYMS.some((h) => h.file === file && h.text === text)
        ) {
          found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });

  it("no two entries, and no entry and contract table, name the same sheet or table", () => {
    const { SHEETS } = require("../src/workbook/sheets") as typeof import("../src/workbook/sheets");
    const { TABLES } = require("../src/workbook/contract") as typeof import("../src/workbook/contract");
    const sheets = [...SHEETS.map((s) => s.sheet), ...TABLES.flatMap((t) => [t.sheet, ...(t.sheetSynonyms ?? [])])];
    const tables = [...SHEETS.flatMap((s) => (s.table ? [s.table] : [])), ...TABLES.map((t) => t.table)];
    const doubled = (names: string[]) =>
      names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
    expect([...doubled(sheets), ...doubled(tables)]).toEqual([]);
  });
});
