/**
 * Makes docs/uebersicht.png, the picture of the sheet Übersicht in the README: `init --vorlage beispiel`,
 * then `uebersicht`, printed to PDF by LibreOffice (German locale) as a user would, the Übersicht's first page
 * (the figures per Handlungsfeld) as PNG (pdftoppm from poppler-utils).  npx tsx scripts/uebersicht-bild.ts
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";

const GERMAN_LOCALE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>de-DE</value></prop></item>
</oor:items>
`;

const io = { out: () => undefined, err: (t: string) => process.stderr.write(t), today: () => "2026-11-26" };

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uebersicht-bild-"));
  const file = path.join(dir, "beispiel.xlsx");
  for (const args of [
    ["init", file, "--vorlage", "beispiel"],
    ["uebersicht", file],
  ]) {
    if ((await main(args, io)) !== 0) throw new Error(`${args[0]} fehlgeschlagen`);
  }
  // A LibreOffice profile with the German locale of the users: 20.500,00 €, not 20,500.00 €.
  fs.mkdirSync(path.join(dir, "profil", "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "profil", "user", "registrymodifications.xcu"), GERMAN_LOCALE);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${dir}/profil`, "--headless", "--convert-to", "pdf", "--outdir", dir, file],
    { stdio: "ignore" },
  );
  const pdf = path.join(dir, "beispiel.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  let page = 0;
  for (let p = 1; p <= pages && !page; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    if (text.includes("Übersicht –")) page = p;
  }
  if (!page) throw new Error("Die Übersicht steht auf keiner Seite des PDF.");
  const target = path.resolve(__dirname, "../docs/uebersicht");
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", pdf, target]);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${target}.png`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
