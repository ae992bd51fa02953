import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer table lives in eslint.config.js (`layers`). These tests prove that ESLint enforces it:
// fake files that break a row are reported, fake files that follow it are not, and the real tree has
// no violation. Only the layer rules run (boundaries/*), so other lint findings in code being edited
// elsewhere never make this test fail.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isLayerRule = (ruleId: string | null): boolean => ruleId?.startsWith('boundaries/') ?? false;
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => isLayerRule(ruleId) });

/** Lints `code` as if it were the file `file` (which need not exist) and returns the layer findings. */
async function layerFindings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => isLayerRule(m.ruleId)).map((m) => `${m.line}: ${m.message}`);
}

/** A relative import only resolves (and so is only checked) if its target exists: make sure it does. */
function expectTarget(file: string, specifier: string): void {
  if (!specifier.startsWith('.')) return;
  const base = path.resolve(root, path.dirname(file), specifier);
  const found = ['.ts', '.tsx', '/index.ts'].some((ext) => existsSync(base + ext));
  expect(found, `${specifier} from ${file} should name a real module (update this test if it moved)`).toBe(true);
}

// [file, import specifier, why it breaks the table]
const forbidden: [string, string, string][] = [
  ['renderer/screens/Bad.tsx', '../../db/open', 'renderer knows only the contract'],
  ['renderer/screens/Bad.tsx', '../../features/app', 'renderer knows only the contract'],
  ['renderer/Bad.tsx', 'node:fs', 'renderer runs in the browser: no Node builtins'],
  ['renderer/Bad.tsx', 'better-sqlite3', 'renderer never touches the database'],
  ['renderer/Bad.tsx', 'ws', 'renderer never opens the server socket'],
  ['renderer/Bad.tsx', 'electron', 'renderer never loads Electron'],
  ['db/x.ts', 'react', 'only the UI may import React'],
  ['db/x.ts', '../features/app', 'db sits below features'],
  ['db/x.ts', '../hardware/registry', 'db and hardware are side by side, not stacked'],
  ['hardware/x.ts', '../features/scan/scan', 'hardware sits below features'],
  ['hardware/x.ts', '../db/open', 'hardware and db are side by side, not stacked'],
  ['hardware/x.ts', '../test/support/temp-core', 'only tests may use test helpers'],
  ['domain/x.ts', 'node:fs', 'domain is pure: no Node builtins'],
  ['domain/x.ts', 'fs', 'domain is pure: no Node builtins, with or without node:'],
  ['domain/x.ts', '../db/open', 'domain sits below db'],
  ['contract/x.ts', '../domain/money', 'contract imports nothing of the project'],
  ['contract/x.ts', 'libphonenumber-js', 'contract may use zod only'],
  ['contract/x.ts', 'node:path', 'contract has no Node builtins'],
  ['features/x.ts', 'electron', 'features never load Electron'],
  ['features/x.ts', 'react', 'features never load React'],
  ['features/x.ts', '../renderer/App', 'features never reach into the UI'],
  ['features/x.ts', '../browser-host/server', 'features sit below the hosts'],
  ['host-support/x.ts', '../db/open', 'host-support never opens the database itself'],
  ['host-support/x.ts', 'ws', 'host-support has no server of its own'],
  ['browser-host/x.ts', '../db/open', 'hosts reach the store only through features'],
  ['browser-host/x.ts', 'electron', 'the browser host never loads Electron'],
  ['electron/x.ts', '../hardware/registry', 'hosts reach devices only through features'],
  ['electron/x.ts', 'ws', 'the Electron host has no WebSocket server'],
  ['hub/storage/x.ts', '../../features/app', "the hub's storage knows only contract and domain"],
  ['hub/server/x.ts', '../../domain/money', "the hub's server goes through hub/features"],
  ['hub/server/x.ts', '../../db/open', "the hub's server never opens the terminal's store"],
  ['console/x.tsx', '../db/open', 'the console knows only the contract'],
  ['console/x.tsx', 'node:fs', 'the console runs in the browser'],
  ['domain/x.test.ts', '../renderer/money', "a test beside domain/ still follows domain's row"],
];

// [file, import specifier] that the table allows
const allowed: [string, string][] = [
  ['renderer/screens/Good.tsx', '../../contract'],
  ['renderer/screens/Good.tsx', '../App'],
  ['renderer/Good.tsx', 'react'],
  ['renderer/Good.tsx', '@hookform/resolvers/zod'],
  ['features/x.ts', '../db/open'],
  ['features/x.ts', '../hardware/registry'],
  ['features/x.ts', '../domain/money'],
  ['features/x.ts', 'node:crypto'],
  ['db/x.ts', 'better-sqlite3'],
  ['db/x.ts', '../domain/money'],
  ['hardware/x.ts', 'serialport'],
  ['hardware/x.ts', 'node:net'],
  ['domain/x.ts', '../contract'],
  ['domain/x.ts', 'libphonenumber-js/max'],
  ['contract/x.ts', 'zod'],
  ['browser-host/x.ts', 'ws'],
  ['browser-host/x.ts', '../features/app'],
  ['browser-host/x.ts', '../host-support/data-dir'],
  ['electron/x.ts', 'electron'],
  ['electron/x.ts', '../host-support/data-dir'],
  ['hub/server/x.ts', '../../host-support/data-dir'],
  ['hub/storage/x.ts', '../../domain/money'],
  ['console/x.tsx', 'react'],
  ['domain/x.test.ts', 'vitest'],
  ['domain/x.test.ts', 'fast-check'],
  ['domain/x.test.ts', '../test/support/temp-core'],
  ['renderer/x.test.ts', 'node:fs'],
  ['test/x.test.ts', '../renderer/App'],
  ['test/x.test.ts', 'playwright-core'],
  ['bench/x.ts', '../db/open'],
  ['scripts/x.mjs', 'node:child_process'],
];

// The first lint loads the config and its plugins: seconds on a busy machine, so allow for it.
describe('the layer table (eslint.config.js)', { timeout: 60_000 }, () => {
  it('has a row for every layer, including the ones still to come', async () => {
    const config = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as {
      layers: Record<string, { files: string }>;
    };
    expect(Object.keys(config.layers)).toEqual(
      expect.arrayContaining([
        'contract',
        'domain',
        'db',
        'hardware',
        'features',
        'browser-host',
        'host-support',
        'electron',
        'renderer',
        'hub/storage',
        'hub/features',
        'hub/server',
        'console',
        'test',
      ]),
    );
  });

  it.each(forbidden)('reports %s importing %s (%s)', async (file, specifier) => {
    expectTarget(file, specifier);
    expect(await layerFindings(file, `import '${specifier}';\n`)).toEqual([expect.stringContaining(specifier)]);
  });

  it.each(allowed)('allows %s importing %s', async (file, specifier) => {
    expectTarget(file, specifier);
    expect(await layerFindings(file, `import '${specifier}';\n`)).toEqual([]);
  });

  it('counts type-only imports, re-exports, dynamic imports and require', async () => {
    const code = [
      "import type { Database } from '../../db/open';",
      "export * from '../../features/app';",
      "const later = () => import('../../hardware/registry');",
      "const fs = require('node:fs');",
      'export { later, fs };',
      '',
    ].join('\n');
    const findings = await layerFindings('renderer/screens/Bad.tsx', code);
    expect(findings.map((f) => f.split(':')[0])).toEqual(['1', '2', '3', '4']);
  });

  it('reports a file in a folder that has no row', async () => {
    expect(await layerFindings('newthing/x.ts', 'export const x = 1;\n')).toEqual([
      expect.stringContaining('does not belong to any known element'),
    ]);
  });
});

describe('the real tree', () => {
  it('follows the layer table', { timeout: 300_000 }, async () => {
    const results = await eslint.lintFiles(['.']);
    const violations = results.flatMap((r) =>
      r.messages
        .filter((m) => isLayerRule(m.ruleId))
        .map((m) => `${path.relative(root, r.filePath)}:${m.line}: ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(100);
    expect(violations, `layer violations:\n${violations.join('\n')}`).toEqual([]);
  });
});
