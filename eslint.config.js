import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * THE LAYER TABLE: the one place that says who may import whom.
 *
 * One row per layer: a top-level folder, or a rung inside one (hub/storage). A row says
 *   files     the folder the layer owns, from the repository root
 *   imports   the layers its files may import (its own name included; files inside one layer never need it)
 *   packages  the npm packages it may import; 'pkg' also allows 'pkg/sub/path', '@scope/*' allows a scope
 *   node      true if it may import Node builtins (node:fs, path, ...)
 *   anything  true for tooling (tests, benchmarks, scripts, configs): no limits at all
 * Every import that its row does not allow is reported by `boundaries/dependencies`, and `npm test`
 * fails on it (test/lint-layers.test.ts). Type-only imports count too: a layer that may not import a
 * module may not lean on its types either. A row may name a folder that does not exist yet (hub/,
 * console/): the rule is written down before the code arrives. Folders must not overlap, except a
 * rung inside a folder that has no row of its own (hub/*) or tooling (test/support inside test/):
 * list the narrower row first, the first row whose folder holds a file decides its layer.
 *
 * To change the architecture, change this table (and say why in the commit); nothing else in this
 * file needs to be touched.
 */
/** @typedef {{ files: string, imports?: string[], packages?: string[], node?: boolean, anything?: boolean }} Layer */
/** @type {Record<string, Layer>} */
export const layers = {
  // Floor. The API contract every side agrees on: zod schemas, types, error codes. Imports nothing of ours.
  contract: { files: 'contract', imports: ['contract'], packages: ['zod'], node: false },
  // Floor. The pure rules (money, points, tiers, barcodes, phone numbers): no I/O.
  domain: { files: 'domain', imports: ['contract', 'domain'], packages: ['zod', 'libphonenumber-js'], node: false },

  // Middle. The SQLite store: migrations and repositories over better-sqlite3.
  db: { files: 'db', imports: ['contract', 'domain', 'db'], packages: ['zod', 'better-sqlite3'], node: true },
  // Middle. Devices: printers (ESC/POS), scanners, serial and HID transports, simulators.
  hardware: {
    files: 'hardware',
    imports: ['contract', 'domain', 'hardware'],
    packages: ['zod', 'serialport', '@serialport/*', 'node-hid', 'iconv-lite'],
    node: true,
  },

  // Roof. The terminal's use cases, one folder per feature, and openLinli (features/app.ts). Never React or Electron.
  features: {
    files: 'features',
    imports: ['contract', 'domain', 'db', 'hardware', 'features'],
    // fflate: the diagnostics export's zip (features/diagnostics).
    packages: ['zod', 'libphonenumber-js', 'ulid', 'fflate'],
    node: true,
  },

  // Host. The browser host: HTTP + WebSocket server that serves the renderer to a plain browser.
  'browser-host': {
    files: 'browser-host',
    imports: ['contract', 'features', 'host-support', 'browser-host'],
    packages: ['zod', 'ws'],
    node: true,
  },
  // Host. Node helpers both hosts share: the data dir, static files, finding Chromium, the process
  // logger (pino with pino-roll's rotating files, for the kiosk hosts and the hub alike).
  'host-support': {
    files: 'host-support',
    imports: ['contract', 'features', 'host-support'],
    packages: ['pino', 'pino-roll'],
    node: true,
  },
  // Host. The Electron shell. Only electron/main.ts and electron/preload.ts may load 'electron' at run time
  // (electron/layering.test.ts checks that part).
  electron: {
    files: 'electron',
    imports: ['contract', 'features', 'host-support', 'electron'],
    packages: ['zod', 'electron', 'electron-updater'],
    node: true,
  },

  // UI. The React terminal UI. Talks to the rest only through the contract (the API it is handed).
  renderer: {
    files: 'renderer',
    imports: ['contract', 'renderer'],
    packages: [
      'react',
      'react-dom',
      'react-i18next',
      'i18next',
      'react-hook-form',
      '@hookform/*',
      'zod',
      'zxing-wasm',
      'simple-keyboard',
      'simple-keyboard-layouts',
    ],
    node: false,
  },

  // Future. The brand's server, in rungs: storage, then features over it, then the server on top.
  'hub/storage': {
    files: 'hub/storage',
    imports: ['contract', 'domain', 'hub/storage'],
    packages: ['zod', 'pg', '@electric-sql/pglite'],
    node: true,
  },
  'hub/features': {
    files: 'hub/features',
    imports: ['contract', 'domain', 'hub/storage', 'hub/features'],
    packages: ['zod'],
    node: true,
  },
  'hub/server': {
    files: 'hub/server',
    imports: ['contract', 'hub/features', 'host-support', 'hub/server'],
    packages: ['zod'],
    node: true,
  },
  // Future. The brand's web app: like the renderer, it knows only the contract.
  console: {
    files: 'console',
    imports: ['contract', 'console'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', 'react-hook-form', '@hookform/*', 'zod'],
    node: false,
  },

  // Tooling. Helpers for tests (temporary cores, host processes, Chromium); tests beside the source may use them.
  'test/support': { files: 'test/support', anything: true },
  // Tooling. Cross-layer and end-to-end tests, benchmarks, scripts, build and lint configs: anything goes.
  test: { files: 'test', anything: true },
  bench: { files: 'bench', anything: true },
  scripts: { files: 'scripts', anything: true },
  'eslint-rules': { files: 'eslint-rules', anything: true },
  configs: { files: '*.config.{ts,js,mjs}', anything: true }, // the root's vite, vitest and eslint configs
};

// Tests beside the source (x.test.ts next to x.ts) may import, on top of their own layer's row,
// the test helpers and the test tools. They never ship, and they run in Node even in renderer/ and domain/.
export const besideTests = {
  files: '**/*.test.{ts,tsx}',
  imports: ['test/support'],
  packages: ['vitest', 'fast-check', 'typescript'], // typescript: tests that parse the source (renderer/i18n)
  node: true,
};

// ---------------------------------------------------------------------------------------------------
// Everything below is derived from the table above.

/** @param {Layer} row */
const allowedTargets = (row) => [
  ...(row.imports?.length ? [{ element: { type: row.imports } }] : []),
  ...(row.packages?.length ? [{ module: { origin: 'external', source: row.packages } }] : []),
  ...(row.node ? [{ module: { origin: 'core' } }] : []),
];

const rows = Object.entries(layers).map(([type, row]) => ({ type, ...row }));
for (const row of [...rows, { type: 'besideTests', ...besideTests }]) {
  const unknown = (row.imports ?? []).filter((name) => !(name in layers));
  if (unknown.length)
    throw new Error(`eslint.config.js: layer ${row.type} imports unknown layer(s) ${unknown.join(', ')}`);
}
// A row for files in the root (a glob, not a folder) is a file category rather than a folder element.
const isRootFiles = (/** @type {Layer} */ row) => row.files.includes('*');
const folders = rows.filter((row) => !isRootFiles(row));
const rootFiles = rows.filter(isRootFiles);
/** @param {Layer & { type: string }} row */
const source = (row) => (isRootFiles(row) ? { file: { categories: row.type } } : { element: { type: row.type } });

const layering = {
  name: 'linli/layers',
  files: ['**/*.{ts,tsx,js,mjs,cjs}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { project: `${import.meta.dirname}/tsconfig.json` } },
    'boundaries/root-path': import.meta.dirname,
    'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export', 'require'],
    'boundaries/legacy-templates': false,
    'boundaries/elements': folders.map(({ type, files }) => ({ type, pattern: files, partialMatch: false })),
    'boundaries/files': [
      ...rootFiles.map(({ type, files }) => ({ category: type, pattern: files })),
      { category: 'beside-test', pattern: besideTests.files },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        checkAllOrigins: true,
        message:
          '{{from.type}} may not import "{{dependency.source}}": its row in the layer table (eslint.config.js) does not allow it.',
        policies: [
          ...rows.map((row) => ({
            from: source(row),
            allow: { to: row.anything ? { module: { origin: '*' } } : allowedTargets(row) },
          })),
          { from: { file: { categories: 'beside-test' } }, allow: { to: allowedTargets(besideTests) } },
        ],
      },
    ],
    // A file in no layer is a folder the table forgot.
    'boundaries/no-unknown-files': 'error',
  },
};

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'release/', 'out/', 'coverage/', 'test-results/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'linli/base',
    languageOptions: { globals: globals.node },
    rules: {
      // Scanners and printers speak in control characters: matching them is the point, not a slip.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'linli/browser',
    files: ['renderer/**', 'console/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  layering,
);
