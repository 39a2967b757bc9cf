// jsdom lacks the text encoders that browsers and Node have; the .xlsx package reader uses them.
if (typeof globalThis.TextEncoder === "undefined" || typeof globalThis.TextDecoder === "undefined") {
  const util = require("node:util");
  globalThis.TextEncoder = util.TextEncoder;
  globalThis.TextDecoder = util.TextDecoder;
}

// findBy…/waitFor wait up to 10 s instead of 1 s: on a loaded CI machine (two cores, suites in parallel) a
// view can take longer than a second to settle, which is not what the pane tests are about.
if (typeof document !== "undefined") require("@testing-library/dom").configure({ asyncUtilTimeout: 10000 });
