/**
 * taskpane.html loads office.js only inside an Office host. Outside Office, office.js would resolve
 * `onReady` with no host and then open Microsoft's telemetry frame; so the browser mode must not load it.
 * The page's own loader script runs here in jsdom with the signals Office passes (and without them).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { JSDOM } from "jsdom";

const TEMPLATE = fs
  .readFileSync(path.resolve(__dirname, "../../src/taskpane/taskpane.html"), "utf8")
  .replace("<%= officeJsUrl %>", "office-js/office.js");

/** The office.js script tags of the parsed page. */
function officeScripts(url: string, options: { name?: string; session?: Record<string, string> } = {}): string[] {
  const dom = new JSDOM(TEMPLATE, {
    url,
    runScripts: "dangerously",
    beforeParse(window) {
      if (options.name) window.name = options.name;
      for (const [k, v] of Object.entries(options.session ?? {})) window.sessionStorage.setItem(k, v);
    },
  });
  const found = [...dom.window.document.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")!);
  dom.window.close();
  return found;
}

describe("office.js in taskpane.html", () => {
  it("is not loaded in a plain browser", () => {
    expect(officeScripts("https://localhost:3000/taskpane.html")).toEqual([]);
    expect(officeScripts("https://localhost:3000/taskpane.html?x=1#y")).toEqual([]);
  });

  it("is loaded when Office names its host in the address, window.name or sessionStorage", () => {
    expect(officeScripts("https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$de-DE$$$$0")).toEqual(["office-js/office.js"]);
    expect(officeScripts("https://localhost:3000/taskpane.html?a=b&_host_Info=Excel|Web|16.00|de-DE|x|")).toEqual(["office-js/office.js"]);
    expect(officeScripts("https://localhost:3000/taskpane.html", { name: JSON.stringify({ hostInfo: "Excel|Mac|16.00" }) })).toEqual(["office-js/office.js"]);
    expect(officeScripts("https://localhost:3000/taskpane.html", { session: { hostInfoValue: "Excel$Win32$16.01$de-DE" } })).toEqual(["office-js/office.js"]);
  });
});
