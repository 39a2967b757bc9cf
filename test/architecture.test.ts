import * as fs from "node:fs";
import * as path from "node:path";

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

  it("src/workbook imports only the domain and itself", () => {
    // Resolved, so that a folder such as src/workbook/import may reach ../contract and ../../domain.
    const inside = (i: { file: string; spec: string }, dir: string) =>
      i.spec.startsWith(".") && path.resolve(path.dirname(i.file), i.spec).startsWith(path.resolve(dir) + path.sep);
    const bad = importsOf("src/workbook").filter((i) => !inside(i, "src/workbook") && !inside(i, "src/domain"));
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
