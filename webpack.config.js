/* eslint-disable no-undef */
// Webpack-Konfiguration des Excel-Add-ins (Aufgabenbereich + Funktionsdatei der Menüband-Befehle).
//
//   npx webpack --mode production            → dist/ mit office.js vom Microsoft-CDN
//   OFFICE_JS=local npx webpack --mode production → dist/ mit lokaler office.js-Kopie (dist/office-js/)
//   npx webpack serve --mode development     → Entwicklungsserver auf Port 3000 (https, sonst http)
//   DEV_SERVER_HTTP=1 npx webpack serve ...  → erzwingt http (Tests, Linux ohne Zertifikate)
//   ADDIN_URL=https://intranet.kreis.example/massnahmenplaner npx webpack --mode production
//                                            → dist/manifest.xml mit dieser Adresse statt https://localhost:3000
"use strict";

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { addinFromEnv, manifestFor } = require("./scripts/addin-url");

const PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

/** https-Optionen für den Entwicklungsserver oder `null` für http. */
async function devServerHttpsOptions() {
  if (process.env.DEV_SERVER_HTTP === "1") return null;
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch (err) {
    const grund = err && err.message ? err.message.split("\n")[0] : String(err);
    process.stderr.write(
      `Hinweis: Keine Entwicklungszertifikate für https://localhost verfügbar (${grund}) – der Entwicklungsserver läuft daher über http.\n`,
    );
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOfficeJs = dev || process.env.OFFICE_JS === "local";
  const officeJsUrl = localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;

  // Where the IT hosts dist/ (scripts/addin-url.js); an address that is not https ends the build here.
  const addin = addinFromEnv();
  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      ...(addin ? { transform: (content) => manifestFor(content.toString("utf8"), addin) } : {}),
    },
  ];
  if (localOfficeJs) {
    // `minimized: true`: die Bibliothek ist schon minimiert – Terser soll die ~80 MB nicht noch einmal anfassen.
    copyPatterns.push({ from: "node_modules/@microsoft/office-js/dist", to: "office-js", info: { minimized: true } });
  }

  const httpsOptions = serving ? await devServerHttpsOptions() : null;

  return {
    mode: dev ? "development" : "production",
    context: __dirname,
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      meldung: "./src/commands/meldung.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              transpileOnly: true,
              compilerOptions: {
                module: "esnext",
                moduleResolution: "bundler",
                noEmit: false,
                sourceMap: dev,
              },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React, Fluent UI und ihre Abhängigkeiten ändern sich selten → eigener, lange cachebarer Chunk.
          // Nur für den Aufgabenbereich: die Funktionsdatei (commands) bleibt klein und eigenständig.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.name === "taskpane",
            enforce: true,
          },
          // Das Paket (.xlsx lesen und schreiben) mit fflate: ein Chunk, geladen erst beim Öffnen oder Anlegen
          // einer Arbeitsmappe im Browser-Modus (und von Import, Verteilen, Fortschreibung), nie mit dem
          // ersten Bildschirm. bench/bundle.ts misst ihn gegen das frühere exceljs.
          reader: {
            test: /[\\/](src[\\/]xlsx|node_modules[\\/]fflate)[\\/]/,
            name: "reader",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "meldung.html",
        template: "./src/commands/meldung.html",
        chunks: ["meldung"],
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    performance: {
      // Nur die eigenen Bundles bewerten, nicht die kopierte office.js-Bibliothek.
      assetFilter: (name) => name.endsWith(".js") && !name.startsWith("office-js/"),
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      // Only this computer: the dev server serves the add-in to the local Excel, not to the network.
      host: "localhost",
      port: PORT,
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "http" },
    },
  };
};
