/* eslint-disable no-undef */
// Die Adresse, unter der die IT das Add-in bereitstellt: `ADDIN_URL=https://intranet.kreis.example/massnahmenplaner
// npm run build` schreibt dist/manifest.xml mit dieser Adresse in jeder URL statt https://localhost:3000.
// Ohne ADDIN_URL bleibt es beim Entwicklungsserver. `node scripts/addin-url.js` prüft die Adresse, bevor
// `npm run build` etwas baut; webpack.config.js schreibt damit das Manifest.
"use strict";

/**
 * The address without a trailing slash (`https://host/pfad`), or `{ error }` with one German sentence. Only
 * https: Office loads an add-in's pages over HTTPS only.
 */
function addinBase(value) {
  const example = "z. B. ADDIN_URL=https://intranet.kreis.example/massnahmenplaner";
  let url;
  try {
    url = new URL(value);
  } catch {
    return { error: `ADDIN_URL „${value}“ ist keine Adresse; bitte eine https-Adresse angeben, ${example}.` };
  }
  if (url.protocol !== "https:")
    return {
      error: `ADDIN_URL „${value}“ beginnt nicht mit https://, Office lädt Add-ins aber nur über HTTPS; es wurde nichts gebaut (${example}).`,
    };
  if (url.username || url.password || url.search || url.hash)
    return {
      error: `ADDIN_URL „${value}“ darf weder Anmeldedaten noch „?“ oder „#“ enthalten; bitte nur den Ordner angeben, in dem dist/ liegt (${example}).`,
    };
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, origin: url.origin };
}

const xmlEscape = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);

/**
 * The manifest with every URL of the development server moved to `base` (`https://host/pfad` +
 * `/taskpane.html`); an AppDomain, which names a host, gets the origin alone.
 */
function manifestFor(xml, { base, origin }) {
  const out = xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${xmlEscape(origin)}</AppDomain>`)
    .replace(/https:\/\/localhost:3000(\/[^"<\s]*)?/g, (_, rest = "") => `${xmlEscape(base)}${rest}`);
  if (out.includes("localhost"))
    throw new Error("manifest.xml nennt localhost noch an einer Stelle, die ADDIN_URL nicht ersetzt.");
  return out;
}

/** ADDIN_URL from the environment: null when unset; an invalid one ends the process with its sentence (exit 2). */
function addinFromEnv(env = process.env) {
  const value = (env.ADDIN_URL || "").trim();
  if (!value) return null;
  const result = addinBase(value);
  if (result.error) {
    process.stderr.write(`${result.error}\n`);
    process.exit(2);
  }
  return result;
}

module.exports = { addinBase, manifestFor, addinFromEnv };

if (require.main === module) addinFromEnv();
