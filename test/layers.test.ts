import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The process boundaries of DESIGN.md, checked on every `npm test`:
// renderer → the API contract only; core, db, hardware → never React or Electron; the contract and
// the domain rules → no I/O at all.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const layers = ['core', 'db', 'hardware', 'renderer', 'electron'] as const;
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const uiPackages = /^(react|react-dom|react-i18next|react-hook-form|@hookform\/.*|i18next)(\/|$)/;

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specs.push(match[1]!);
  return specs;
}

/** Where an import points: a project folder path like "core/contract/api", or a package name. */
function target(file: string, spec: string): { kind: 'project'; path: string } | { kind: 'package'; name: string } {
  if (spec.startsWith('.')) return { kind: 'project', path: relative(root, resolve(dirname(file), spec)).replaceAll('\\', '/') };
  return { kind: 'package', name: spec };
}

function violations(layer: (typeof layers)[number], file: string, spec: string): string | null {
  const t = target(file, spec);
  const from = relative(root, file).replaceAll('\\', '/');
  if (t.kind === 'package') {
    if (t.name === 'electron' && layer !== 'electron') return 'only electron/ may import Electron';
    if (uiPackages.test(t.name) && layer !== 'renderer') return 'only renderer/ may import UI packages';
    if (layer === 'renderer' && (nodeBuiltins.has(t.name) || t.name === 'better-sqlite3' || t.name === 'ws')) return 'the renderer runs without Node';
    if ((from.startsWith('core/contract/') || from.startsWith('core/domain/')) && nodeBuiltins.has(t.name)) return 'contract and domain rules stay free of I/O';
    return null;
  }
  const top = t.path.split('/')[0]!;
  if (layer === 'renderer') return top === 'renderer' || t.path.startsWith('core/contract') ? null : 'the renderer may import only the API contract';
  if (top === 'renderer') return 'nothing imports the renderer';
  if (top === 'electron' && layer !== 'electron') return 'nothing imports the Electron shell';
  if (from.startsWith('core/contract/') && !t.path.startsWith('core/contract')) return 'the contract imports nothing of the project';
  if (from.startsWith('core/domain/') && !(t.path.startsWith('core/contract') || t.path.startsWith('core/domain'))) return 'domain rules import only the contract';
  if ((layer === 'db' || layer === 'hardware') && top === 'core' && !(t.path.startsWith('core/contract') || t.path.startsWith('core/domain'))) {
    return `${layer}/ may use the contract and domain rules, not the use cases or hosts`;
  }
  return null;
}

describe('layer boundaries', () => {
  const files = layers.flatMap((layer) => {
    try {
      return sourceFiles(join(root, layer)).map((file) => ({ layer, file }));
    } catch {
      return [];
    }
  });

  it('finds the source to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no file imports a layer it should not', () => {
    const found: string[] = [];
    for (const { layer, file } of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const why = violations(layer, file, spec);
        if (why) found.push(`${relative(root, file)} imports ${spec}: ${why}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('catches a renderer file reaching into the database (the check itself works)', () => {
    const fake = join(root, 'renderer/screens/Bad.tsx');
    expect(violations('renderer', fake, '../../db/open')).toMatch(/only the API contract/);
    expect(violations('renderer', fake, 'node:fs')).toMatch(/without Node/);
    expect(violations('db', join(root, 'db/open.ts'), 'react')).toMatch(/UI packages/);
    expect(violations('core', join(root, 'core/app.ts'), 'electron')).toMatch(/Electron/);
    expect(violations('hardware', join(root, 'hardware/x.ts'), '../core/services/scan')).toMatch(/not the use cases/);
    expect(violations('core', join(root, 'core/domain/phone.ts'), 'node:fs')).toMatch(/free of I\/O/);
    expect(violations('renderer', fake, '../../core/contract')).toBeNull();
  });
});
