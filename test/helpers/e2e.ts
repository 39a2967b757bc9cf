/**
 * The shared set-up of the end-to-end tests in headless Chromium: the production build of the pane
 * (built once when dist/ is missing or older than src/), served from a local server, opened in a browser
 * that may reach nothing but its own origin, and the keyboard and layout helpers every test uses — Tab to a
 * named control, switch views with the arrow keys (through „Mehr“ for the views that do not fit the row),
 * axe-core, and `fits` (320 and 350 px, no sideways scrolling, at most one primary action, axe clean, a
 * full-page screenshot each).
 *
 * Needs /usr/bin/chromium (Debian `chromium`). Without it the tests are skipped with a warning, in CI
 * (`CI` set) they fail. Screenshots go to a temporary folder, or to `E2E_SHOTS=<dir>` to keep them.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";

export const REPO = path.resolve(__dirname, "../..");
export const DIST = path.join(REPO, "dist");
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);

/** The task pane's width in Excel (350 px) and the narrowest it gets (320 px). */
export const WIDTHS = [320, 350];
export const PANE = { width: 350, height: 800 };

/** `describe` when Chromium is there; else skipped with a warning (in CI: one failing test that says why). */
export function e2eDescribe(): jest.Describe {
  if (!hasChromium) {
    if (process.env.CI) {
      test("chromium is installed", () => {
        throw new Error(`${CHROMIUM} fehlt: die End-to-End-Tests brauchen das Debian-Paket „chromium“.`);
      });
    } else {
      console.warn(`Übersprungen: ${CHROMIUM} fehlt (apt-get install chromium).`);
    }
  }
  return hasChromium ? describe : describe.skip;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist/ unless a local-office.js build newer than src/ is there. */
export function ensureBuild(): void {
  const html = path.join(DIST, "taskpane.html");
  const fresh =
    fs.existsSync(html) &&
    fs.existsSync(path.join(DIST, "office-js")) &&
    fs.statSync(html).mtimeMs >=
      Math.max(newestMtime(path.join(REPO, "src")), fs.statSync(path.join(REPO, "webpack.config.js")).mtimeMs);
  if (fresh) return;
  execFileSync(process.execPath, [path.join(REPO, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], {
    cwd: REPO,
    env: { ...process.env, OFFICE_JS: "local" },
    stdio: "ignore",
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").split("?")[0]!).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "taskpane.html");
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The pane open in Chromium, with what the tests do in it. */
export interface PaneE2E {
  browser: Browser;
  server: http.Server;
  page: Page;
  origin: string;
  /** Every request of the page and its frames, in order. */
  requests: string[];
  /** A temporary folder, removed by `close`. */
  tmp: string;
  /** Where `fits` puts its screenshots. */
  shots: string;
  /** Presses Tab (or `key`) until the focused element has this accessible name (at most `max` times). */
  tabTo(name: string | RegExp, max?: number, key?: string): Promise<void>;
  /** axe-core on the page: no serious or critical violation. */
  axe(view: string): Promise<void>;
  /** The state on screen fits 320 and 350 px, axe clean at both; returns to the pane's width. */
  fits(state: string): Promise<void>;
  /**
   * Chooses a view by keyboard: along the tab row with the arrow keys to its tab, or — when it does not fit
   * the row — to „Mehr“ and down its menu. Leaves the guard's question, if one comes, to the caller.
   */
  chooseView(name: string): Promise<void>;
  /** Chooses a view (see chooseView) and waits until it is shown. */
  tabView(name: string): Promise<void>;
  /** Every request so far went to the page's own origin. */
  onlyOwnOrigin(): void;
  close(): Promise<void>;
}

async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--lang=de-DE",
    ],
  });
}

/** Builds, serves and opens the pane; `views` are the tab list's labels in order. */
export async function startPane(views: readonly string[], prefix = "mnp-e2e-"): Promise<PaneE2E> {
  ensureBuild();
  const server = await serve(DIST);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const shots = process.env.E2E_SHOTS ? path.resolve(process.env.E2E_SHOTS) : path.join(tmp, "screenshots");
  fs.mkdirSync(shots, { recursive: true });
  const browser = await launch();
  const context = await browser.newContext({ viewport: PANE, locale: "de-DE", acceptDownloads: true });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const requests: string[] = [];
  // Every request of the page and its frames is recorded (and asserted by the tests); one that would leave
  // the machine is also aborted, so a failure cannot send anything either.
  context.on("request", (r) => requests.push(r.url()));
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  );
  // Chromium could write back into the opened file (File System Access API); here the pane takes the way
  // every other browser takes — a file input and a download — which the file chooser of the test can drive.
  // Writing back is tested on its own (test/e2e/pane.test.ts).
  await context.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`Seitenfehler: ${e.message}`));
  await page.goto(`${origin}/taskpane.html`);
  const e2e: PaneE2E = {
    browser,
    server,
    page,
    origin,
    requests,
    tmp,
    shots,
    tabTo: (name, max, key) => tabTo(page, name, max, key),
    axe: (view) => axe(page, view),
    fits: (state) => fits(page, shots, state),
    chooseView: (name) => chooseView(page, views, name),
    tabView: async (name) => {
      await chooseView(page, views, name);
      await page.getByRole("tab", { name: new RegExp(`^${name}`), selected: true }).waitFor();
    },
    onlyOwnOrigin: () =>
      expect(
        requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:")),
      ).toEqual([]),
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  return e2e;
}

async function tabTo(page: Page, name: string | RegExp, max = 120, key = "Tab"): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const byIds = (ids: string | null) =>
        (ids ?? "")
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ")
          .trim();
      return (
        el.getAttribute("aria-label") ||
        byIds(el.getAttribute("aria-labelledby")) ||
        (el as HTMLInputElement).labels?.[0]?.textContent ||
        el.textContent ||
        ""
      ).trim();
    });
    if (typeof name === "string" ? label === name : name.test(label)) return;
  }
  throw new Error(`Mit ${key} nicht erreichbar: ${String(name)}`);
}

async function axe(page: Page, view: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: path.join(REPO, "node_modules/axe-core/axe.min.js") });
  }
  const violations = await page.evaluate(async () => {
    // Tabster (Fluent's focus management) adds aria-hidden focus guards `<i data-tabster-dummy>` that pass
    // focus on at once; they are not content, so axe leaves them out.
    const result = await (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect({ view, violations }).toEqual({ view, violations: [] });
}

async function fits(page: Page, shots: string, state: string): Promise<void> {
  const file = state.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: PANE.height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // A dialog or message that fades in is measured (and its contrast checked) once it stands.
    await settled(page);
    const layout = await page.evaluate(() => {
      const root = document.documentElement;
      // What sticks out on the right, for the failure message.
      const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} „${(el.textContent ?? "").trim().slice(0, 40)}“`,
        );
      // The primary buttons on the surface in front (a dialog, else the page): filled with Fluent's brand
      // colour (#0f6cbd, hovered #115ea3), as the user sees them.
      const surface = document.querySelector("[role=alertdialog], [role=dialog]") ?? document.body;
      const primaries = [...surface.querySelectorAll("button")]
        .filter((b) => b.getClientRects().length > 0)
        .filter((b) => ["rgb(15, 108, 189)", "rgb(17, 94, 163)"].includes(getComputedStyle(b).backgroundColor))
        .map((b) => (b.textContent ?? "").trim());
      // How far the page scrolls sideways. While a modal dialog is open the page's scrollbar goes away and
      // Chromium reports the width laid out before (scrollWidth below clientWidth): that is no overflow.
      return { sideways: Math.max(0, root.scrollWidth - root.clientWidth), wide, primaries };
    });
    await page.screenshot({ path: path.join(shots, `${file}-${width}.png`), fullPage: true });
    // Nothing sticks out, and there is one primary action at most (Fluent 2: one per view).
    expect({ state, width, ...layout }).toEqual({
      state,
      width,
      sideways: 0,
      wide: [],
      primaries: layout.primaries.slice(0, 1),
    });
    await axe(page, `${state} (${width} px)`);
  }
  await page.setViewportSize(PANE);
}

/** Until the running animations and transitions are over (spinners, which turn for ever, are left alone). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
}

/** The focused element's text (a tab renders its label twice: once to reserve the bold width). */
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? "").trim());

async function chooseView(page: Page, views: readonly string[], name: string): Promise<void> {
  await page.getByRole("tab", { selected: true }).focus();
  await page.keyboard.press("Home");
  const inRow = await page.getByRole("tab", { name: new RegExp(`^${name}`) }).isVisible();
  for (let i = 0; i <= views.length; i++) {
    const text = await focusedText(page);
    if (
      inRow
        ? text.startsWith(name)
        : text === "" &&
          (await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).startsWith("Mehr")
    )
      break;
    await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("Enter");
  if (inRow) return;
  await page.getByRole("menu").waitFor();
  for (let i = 0; i < views.length && (await focusedText(page)) !== name; i++) await page.keyboard.press("ArrowDown");
  expect(await focusedText(page)).toBe(name);
  await page.keyboard.press("Enter");
}
