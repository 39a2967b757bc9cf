/**
 * Makes docs/bericht-seite.png, the picture of the Sachstandsbericht in the README: the report of the test
 * concept (test/report/fixture.ts) with its monitoring data, converted to PDF by LibreOffice as a user would,
 * page 2 as PNG (pdftoppm from poppler-utils).  npx tsx scripts/bericht-seite.ts
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { reportModelOf } from "../src/cli/bericht";
import { resvgRasterizer } from "../src/docx/raster";
import { renderReport } from "../src/docx/report";
import { monitoring, writeWorkbook } from "../test/report/fixture";

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bericht-seite-"));
  const model = await reportModelOf(writeWorkbook(dir), undefined, "2026-11-22", () => monitoring());
  const docx = path.join(dir, "bericht.docx");
  fs.writeFileSync(docx, await renderReport(model, { charts: resvgRasterizer() }));
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${dir}/profil`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
    { stdio: "ignore" },
  );
  const target = path.resolve(__dirname, "../docs/bericht-seite");
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    "2",
    "-l",
    "2",
    "-singlefile",
    path.join(dir, "bericht.pdf"),
    target,
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${target}.png`);
}

void main();
