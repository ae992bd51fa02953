// build/electron-builder.yml, checked by electron-builder 26 itself (its own loader, schema
// validation and file matcher from app-builder-lib), without packaging: packaging downloads Electron,
// which cannot happen here. On top of "electron-builder accepts it": the facts an operator relies on
// (the deb's dependencies, the native modules outside the asar archive, the targets, the update feed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const configFile = join(root, 'build', 'electron-builder.yml');
const work = mkdtempSync(join(tmpdir(), 'linli-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The parts of app-builder-lib (electron-builder's engine) the test calls; it ships no typings for
// these internal paths that TypeScript could resolve here, so their shapes are written down.
type Config = Record<string, unknown> & {
  asarUnpack?: string[];
  publish?: { provider: string; url: string };
  linux?: { target: string[]; extraFiles?: { from: string; filter: string[] }[] };
  deb?: { depends: string[]; afterInstall: string };
  win?: { target: string[] };
  npmRebuild?: boolean;
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: unknown): Promise<void>;
};
const { getFileMatchers } = require('app-builder-lib/out/fileMatcher.js') as {
  getFileMatchers(
    config: Config,
    name: 'asarUnpack',
    destination: string,
    options: {
      macroExpander: (s: string) => string;
      customBuildOptions: object;
      globalOutDir: string;
      defaultSrc: string;
    },
  ): { createFilter(): (file: string, stat: ReturnType<typeof statSync>) => boolean }[] | null;
};
const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget.js') as { default: { prototype: object } }).default;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** The configuration the way `electron-builder -c build/electron-builder.yml` loads it. */
const load = (file = configFile) => getConfig(root, file, null);
const validate = (config: Config) => validateConfiguration(config, new DebugLogger(false));

/** Native production dependencies: what package-lock.json says npm builds (install scripts, binding.gyp). */
function nativeProductionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && entry.hasInstallScript)
    .map(([path]) => path);
}

function nodeFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.node'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's own configuration validation", async () => {
    await expect(validate(await load())).resolves.toBeUndefined();
  });

  it("a misspelled option fails with electron-builder's message, naming it", async () => {
    const broken = join(work, 'misspelled.yml');
    writeFileSync(broken, readFileSync(configFile, 'utf8').replace(/^asarUnpack:/m, 'asarUnpak:'));
    await expect(validate(await load(broken))).rejects.toThrow(
      /does not match the API schema[\s\S]*unknown property 'asarUnpak'/,
    );
  });

  it('a value of the wrong kind fails too (the check reads values, not just names)', async () => {
    const config = await load();
    await expect(validate({ ...config, asar: 'yes' })).rejects.toThrow(/does not match the API schema[\s\S]*asar/);
  });

  it("the deb depends on a CJK font and keeps electron-builder's own runtime dependencies", async () => {
    const { deb } = await load();
    expect(deb?.depends).toContain('fonts-noto-cjk');
    // A depends list replaces electron-builder's default one; without these, Electron does not start.
    const defaults = (FpmTarget.prototype as { getDefaultDepends(target: string): string[] }).getDefaultDepends('deb');
    expect(defaults.length).toBeGreaterThan(0);
    expect(deb?.depends).toEqual(expect.arrayContaining(defaults));
  });

  it('every native production dependency has its .node files unpacked from the asar archive', async () => {
    const config = await load();
    const matchers = getFileMatchers(config, 'asarUnpack', join(work, 'app'), {
      macroExpander: (s) => s,
      customBuildOptions: {},
      globalOutDir: join(root, 'release'),
      defaultSrc: root,
    });
    const unpacked = matchers![0]!.createFilter();
    const natives = nativeProductionPackages();
    expect(natives).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3',
        'node_modules/node-hid',
        'node_modules/@serialport/bindings-cpp',
      ]),
    );
    for (const pkg of natives) {
      const files = nodeFilesUnder(join(root, pkg));
      expect(files.length, `${pkg} has no .node file: is it built?`).toBeGreaterThan(0);
      for (const file of files) expect(unpacked(file, statSync(file)), file).toBe(true);
    }
    // Only the native parts: the rest of node_modules stays in the archive.
    const plain = join(root, 'node_modules', 'zod', 'package.json');
    expect(unpacked(plain, statSync(plain))).toBe(false);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, with native modules rebuilt for Electron', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.npmRebuild).toBe(true);
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.dist).toMatch(
      /^npm run build && electron-builder -c build\/electron-builder\.yml --linux AppImage deb/,
    );
    expect(scripts['dist:win']).toMatch(
      /^npm run build && electron-builder -c build\/electron-builder\.yml --win nsis/,
    );
  });

  it('writes the generic update feed for electron-updater at LINLI_UPDATE_URL, uploading nothing', async () => {
    const { publish } = await load();
    expect(publish).toEqual({ provider: 'generic', url: '${env.LINLI_UPDATE_URL}' });
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.dist).toContain('--publish never');
    expect(scripts['dist:win']).toContain('--publish never');
  });

  it('ships the units and the after-install script it names, and the script is valid sh', async () => {
    const { linux, deb } = await load();
    const extra = linux?.extraFiles?.[0];
    expect(extra?.from).toBe('build/linux');
    const shipped = readdirSync(join(root, 'build', 'linux'));
    for (const name of ['linli.service', 'linli-host.service', 'linli-kiosk.service', 'linli.desktop'])
      expect(shipped).toContain(name);

    const script = join(root, deb!.afterInstall);
    // electron-builder expands ${name} in the script and stops on a name it does not know.
    const macros = [...readFileSync(script, 'utf8').matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]);
    expect(new Set(macros)).toEqual(new Set(['executable', 'sanitizedProductName']));
    expect(spawnSync('sh', ['-n', script]).status).toBe(0);
  });
});
