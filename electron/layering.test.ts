import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// main.ts and preload.ts are the only files here that may load 'electron' at run time; the pure
// modules must stay loadable in plain Node so their tests run without the Electron binary.
const dir = path.dirname(fileURLToPath(import.meta.url));
// updater.ts loads electron-updater, which loads Electron: a shell file too, imported by main.ts only.
const shells = new Set(['main.ts', 'preload.ts', 'updater.ts']);
const runtimeElectronImport = /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m;
const requireElectron = /require\(\s*['"]electron['"]\s*\)/;

describe('electron/ layering', () => {
  const pure = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !shells.has(f));

  it('has pure modules to check', () => {
    expect(pure).toEqual(expect.arrayContaining(['security.ts', 'protocol-path.ts', 'recovery.ts']));
  });

  it.each(pure)('%s imports electron for types only', (file) => {
    const source = readFileSync(path.join(dir, file), 'utf8');
    expect(source).not.toMatch(runtimeElectronImport);
    expect(source).not.toMatch(requireElectron);
  });

  it('preload exposes exactly one global', () => {
    const source = readFileSync(path.join(dir, 'preload.ts'), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("exposeInMainWorld('linliBridge'");
  });
});
