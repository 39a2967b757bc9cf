/**
 * Makes docs/integrationsbericht-seite.png, the picture of the Integrationsbericht in the README: the report
 * of the test workbook (test/report/integrationsFixture.ts) made by the command, converted to PDF by
 * LibreOffice as a user would, page 4 (the chapter Bevölkerung und Zuwanderung) as PNG (pdftoppm).
 *   npx tsx scripts/integrationsbericht-seite.ts
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main as cli } from "../src/cli/main";
import { workbook } from "../test/report/integrationsFixture";

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "integrationsbericht-seite-"));
  const docx = path.join(dir, "integrationsbericht.docx");
  const io = { out: () => undefined, err: (t: string) => process.stderr.write(t), today: () => "2025-06-30" };
  if ((await cli(["integrationsbericht", await workbook(dir), "-o", docx], io)) !== 0) throw new Error("kein Bericht");
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${dir}/profil`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
    { stdio: "ignore" },
  );
  const target = path.resolve(__dirname, "../docs/integrationsbericht-seite");
  const pdf = path.join(dir, "integrationsbericht.pdf");
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "4", "-l", "4", "-singlefile", pdf, target]);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${target}.png`);
}

void main();
