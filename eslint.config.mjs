// office-addin-lint picks this file up instead of its default. The Office.js rules (load before read,
// sync before read …) apply where Office.js is used; the core, the exceljs host and the CLI get the same
// TypeScript and prettier rules with Node globals instead.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const officeJs = ["src/excel/**", "src/taskpane/**", "src/commands/**"];
const [, , base] = officeAddins.configs.recommended;

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  // The plugin's recommended block lists no .tsx files; give them the same parser and rules.
  { ...base, files: ["**/*.tsx"] },
  // The plugin's own parser reference resolves to nothing under ESM; name it (as office-addin-lint's default does).
  // no-undef is the compiler's job in TypeScript (it does not know type-only globals such as NodeJS).
  { files: ["**/*.{ts,tsx}"], languageOptions: { parser: tsParser, ecmaVersion: 2022 }, rules: { "no-undef": "off" } },
  { settings: { react: { version: "19" } }, rules: { "react/react-in-jsx-scope": "off", "react/prop-types": "off" } },
  {
    files: officeJs,
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" } },
  },
  {
    ignores: officeJs,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
];
