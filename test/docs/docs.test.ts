/**
 * The project describes itself in docs/: the rule list there is the rule catalogue of the code (every code,
 * with its severity and SMART letter), the rules for Bedarfe and Angebote among them, and
 * nothing in the repository points to a contract file a person who clones it does not have.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { COMMANDS } from "../../src/cli/main";
import { RULES, type RuleCode } from "../../src/domain/rules";
import { TABLES } from "../../src/workbook/contract";
import { SHEETS, SHEET_FAMILIES } from "../../src/workbook/sheets";
import { SEVERITY_LABEL } from "../../src/workbook/report";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** Rows of the markdown table that follows `heading`, as cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows.slice(2); // header and separator
}

describe("docs/pruefregeln.md", () => {
  const doc = read("docs/pruefregeln.md");
  const implemented = tableAfter(doc, "## Die Regeln");

  it("lists every rule code of the code, and no other, as implemented", () => {
    expect(implemented.map((r) => r[0]).sort()).toEqual(Object.keys(RULES).sort());
  });

  it("gives each rule the severity and SMART letter the check reports", () => {
    for (const [code, severity, smart] of implemented) {
      const rule = RULES[code as RuleCode];
      expect({ code, severity, smart }).toEqual({
        code,
        severity: SEVERITY_LABEL[rule.severity],
        smart: rule.smart ?? "–",
      });
    }
  });

  it("lists the contract's rules for Bedarfe and Angebote as implemented, none as planned any more", () => {
    expect(implemented.map((r) => r[0])).toEqual(
      expect.arrayContaining(["B_OHNE_MASSNAHME", "K_HANDLUNGSFELD_OHNE_BESTAND"]),
    );
    expect(doc).not.toContain("noch nicht umgesetzt");
  });

  it("every code written anywhere in the document is in the list", () => {
    const known = new Set(implemented.map((r) => r[0]));
    const mentioned = [...doc.matchAll(/\b[A-Z]+(?:_[A-Z]+)+\b/g)].map((m) => m[0]);
    expect(mentioned.filter((c) => !known.has(c))).toEqual([]);
  });
});

describe("docs/arbeitsmappe.md", () => {
  const doc = read("docs/arbeitsmappe.md");

  it("names every sheet, table and column of the contract", () => {
    for (const t of TABLES) {
      expect(doc).toContain(t.sheet);
      expect(doc).toContain(t.table);
      for (const c of t.columns) expect(doc).toContain(`| ${c.header}${c.required ? " *" : ""} |`);
    }
  });

  it("names every sheet the program writes (the registry of src/workbook/sheets), with its table", () => {
    for (const s of SHEETS) expect(doc).toContain(`| ${s.sheet} | ${s.table ?? "–"} |`);
    for (const f of SHEET_FAMILIES) expect(doc).toContain(`| ${f.sheet(0).replace(/0$/, "JJJJ")} |`);
  });
});

describe("docs/befehle.md", () => {
  const doc = read("docs/befehle.md");

  it("describes every command and each of its options", () => {
    for (const [name, { spec }] of Object.entries(COMMANDS)) {
      expect(doc).toContain(`## ${name}`);
      const section = doc.slice(doc.indexOf(`## ${name}`)).split("\n## ")[0]!;
      for (const option of Object.keys(spec.options)) expect(section).toContain(`--${option}`);
      expect(section).toContain("Exit-Code");
    }
    expect(doc).toContain("--version");
    expect(doc).toContain("--quiet");
  });
});

describe("pointers", () => {
  it("README and code point to docs/, not to a contract file outside the repository", () => {
    const files = ["README.md", ...listFiles("src"), ...listFiles("test"), ...listFiles("bench")];
    const offenders = files.filter((f) => f !== "test/docs/docs.test.ts" && /CONTRACT\.md/.test(read(f)));
    expect(offenders).toEqual([]);
    expect(read("README.md")).toContain("docs/arbeitsmappe.md");
    expect(read("README.md")).toContain("docs/pruefregeln.md");
    expect(read("README.md")).toContain("docs/befehle.md");
  });
});

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|md)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}
