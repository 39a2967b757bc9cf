/**
 * `npm run bench` is never run by the tests (its figures are printed, not asserted), so what it reads by path
 * must be checked here: the sources that name its cached workbook once pointed at a file the registry
 * refactoring had turned into a folder, and the bench stopped at its first measurement.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GENERATOR_INPUTS } from "../../bench/generate";

describe("the bench", () => {
  it("names only sources that exist as its generated workbook's inputs", () => {
    const root = path.join(__dirname, "..", "..");
    expect(GENERATOR_INPUTS.filter((f) => !fs.existsSync(path.join(root, f)))).toEqual([]);
  });
});
