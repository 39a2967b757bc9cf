/** @type {import('jest').Config} */
module.exports = {
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testEnvironment: "node",
  setupFiles: ["<rootDir>/test/helpers/setup-encoding.js"],
  testTimeout: 120000,
};
