/**
 * Hosting the pane on the Kreis's own server: `ADDIN_URL=https://… npm run build` writes dist/manifest.xml with
 * that address in every URL, valid against the Office schemas (offline, ../shared/tools/validate-manifest.sh);
 * an address that is not https is refused with one German sentence and exit 2 before anything is built; without
 * ADDIN_URL the manifest stays as it is (localhost). The manifest is taken through the very copy step of
 * webpack.config.js that the build runs.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const VALIDATE = path.resolve(ROOT, "../shared/tools/validate-manifest.sh");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"));
const { addinBase } = require("../../scripts/addin-url.js") as {
  addinBase(value: string): { base: string; origin: string } | { error: string };
};

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnp-manifest-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface CopyPattern {
  from: string;
  transform?: (content: Buffer, file: string) => string | Buffer;
}

/** dist/manifest.xml as webpack.config.js's copy step writes it with this environment. */
async function builtManifest(addinUrl?: string): Promise<string> {
  const saved = process.env.ADDIN_URL;
  if (addinUrl === undefined) delete process.env.ADDIN_URL;
  else process.env.ADDIN_URL = addinUrl;
  try {
    const config = (
      require("../../webpack.config.js") as (
        env: object,
        argv: object,
      ) => Promise<{
        plugins: { patterns?: CopyPattern[] }[];
      }>
    )({}, { mode: "production" });
    const patterns = (await config).plugins.flatMap((p) => p.patterns ?? []);
    const copy = patterns.find((p) => p.from === "manifest.xml")!;
    const out = copy.transform ? copy.transform(MANIFEST, path.join(ROOT, "manifest.xml")) : MANIFEST;
    return out.toString();
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}

/** Every URL the manifest names, namespaces aside: attribute values and element texts. */
function urlsOf(xml: string): string[] {
  return [...xml.matchAll(/(?:"|>)(https?:\/\/[^"<]*)/g)]
    .map((m) => m[1]!)
    .filter((u) => !/^http:\/\/schemas\.microsoft\.com|^http:\/\/www\.w3\.org/.test(u));
}

function validate(xml: string): { status: number | null; output: string } {
  const file = path.join(dir, `manifest-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, xml);
  const run = spawnSync("bash", [VALIDATE, file], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("ADDIN_URL", () => {
  test("every URL of the built manifest is the address, and the manifest is valid", async () => {
    const xml = await builtManifest("https://intranet.kreis.example/massnahmenplaner");
    const urls = urlsOf(xml);
    // Icons, SourceLocation, the images and URLs of the ribbon (taskpane.html, commands.html): each one moved.
    expect(urls).toHaveLength(MANIFEST.toString().split("https://localhost:3000").length - 1);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/intranet\.kreis\.example\/massnahmenplaner\/[\w./-]+$/);
    expect(xml).toContain(
      '<SourceLocation DefaultValue="https://intranet.kreis.example/massnahmenplaner/taskpane.html"/>',
    );
    expect(xml).toContain('"https://intranet.kreis.example/massnahmenplaner/commands.html"');
    expect(xml).toContain('"https://intranet.kreis.example/massnahmenplaner/assets/icon-64.png"');
    expect(xml).not.toContain("localhost");
    expect(validate(xml)).toEqual({ status: 0, output: expect.stringContaining("validates") });
  });

  test("a trailing slash changes nothing; a host without path serves from its root", async () => {
    expect(await builtManifest("https://intranet.kreis.example/massnahmenplaner/")).toBe(
      await builtManifest("https://intranet.kreis.example/massnahmenplaner"),
    );
    const root = await builtManifest("https://addin.kreis.example");
    expect(root).toContain('"https://addin.kreis.example/taskpane.html"');
    expect(validate(root).status).toBe(0);
  });

  test("without ADDIN_URL the manifest is copied as it is (the development server)", async () => {
    expect(await builtManifest()).toBe(MANIFEST.toString());
    expect(await builtManifest("  ")).toBe(MANIFEST.toString());
  });

  test.each([
    ["http://intranet.kreis.example/massnahmenplaner", /beginnt nicht mit https:\/\//],
    ["intranet.kreis.example", /ist keine Adresse/],
    ["https://user:geheim@intranet.kreis.example/", /weder Anmeldedaten noch/],
    ["https://intranet.kreis.example/?x=1", /weder Anmeldedaten noch/],
  ])("refuses %s with one sentence", (value, sentence) => {
    const result = addinBase(value);
    expect("error" in result && result.error).toMatch(sentence);
    const error = (result as { error: string }).error;
    expect(error).not.toContain("\n");
    expect(error).toMatch(/\.$/);
  });

  test("npm run build refuses a non-https address before building anything (exit 2, one sentence)", () => {
    const stamp = (p: string) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : null);
    const before = [stamp(path.join(ROOT, "dist")), stamp(path.join(ROOT, "build"))];
    const run = spawnSync("npm", ["run", "--silent", "build"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ADDIN_URL: "http://intranet.kreis.example/massnahmenplaner" },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      "ADDIN_URL „http://intranet.kreis.example/massnahmenplaner“ beginnt nicht mit https://, Office lädt Add-ins aber nur über HTTPS; es wurde nichts gebaut (z. B. ADDIN_URL=https://intranet.kreis.example/massnahmenplaner).",
    ]);
    expect([stamp(path.join(ROOT, "dist")), stamp(path.join(ROOT, "build"))]).toEqual(before);
  });
});
