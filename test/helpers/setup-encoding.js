// jsdom lacks the text encoders that browsers and Node have; the .xlsx package reader uses them.
if (typeof globalThis.TextEncoder === "undefined" || typeof globalThis.TextDecoder === "undefined") {
  const util = require("node:util");
  globalThis.TextEncoder = util.TextEncoder;
  globalThis.TextDecoder = util.TextDecoder;
}
