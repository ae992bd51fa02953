// Electronegativity (Doyensec's Electron security scanner) on the Electron shell's source and on the
// built main process + preload, offline, with zero findings. The two waivers are in the scanned files
// themselves, each with its reason: PRELOAD_JS_CHECK (electron/main.ts, and the build's banner in
// vite.node.config.ts) and CSP_GLOBAL_CHECK (renderer/index.html; the policy is evaluated below instead).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../host-support/static-path';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = (require('electron/package.json') as { version: string }).version;
const scanner = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const work = mkdtempSync(path.join(tmpdir(), 'linli-eng-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Finding {
  check: string;
  file: string;
  location: string;
  sample: string;
}

/** Runs the scanner on one folder and returns its findings (the CSV report, one row per finding). */
async function scan(input: string): Promise<Finding[]> {
  const report = path.join(work, `${path.basename(input)}.csv`);
  await run(
    process.execPath,
    [
      scanner,
      '--input',
      input,
      '--electron-version',
      electronVersion,
      // The one check that needs the network (it fetches the list of Electron releases).
      '--exclude-checks',
      'AvailableSecurityFixesGlobalCheck',
      '--relative',
      '--verbose',
      'false',
      '--output',
      report,
    ],
    { cwd: root, timeout: 90_000 },
  );
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [check = '', , , file = '', location = '', sample = ''] = row.split(',');
    return { check, file, location: location.replaceAll('"', ''), sample };
  });
}

/** Copies files into a fresh folder under the scan's work dir: the scanner takes one input folder. */
function stage(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [to, from] of Object.entries(files)) {
    const source = path.join(root, from);
    if (!existsSync(source)) throw new Error(`${from} is missing: run npm run build first (npm test does)`);
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    cpSync(source, path.join(dir, to), { recursive: true });
  }
  return dir;
}

describe('Electronegativity', () => {
  it('finds nothing in the Electron shell source (with the page it loads)', async () => {
    const input = stage('source', { electron: 'electron', 'renderer/index.html': 'renderer/index.html' });
    expect(await scan(input)).toEqual([]);
  }, 120_000);

  it('finds nothing in the built main process, preload and page', async () => {
    const input = stage('built', {
      'node/electron-main.js': 'dist/node/electron-main.js',
      'node/assets': 'dist/node/assets',
      'preload/preload.cjs': 'dist/preload/preload.cjs',
      'renderer/index.html': 'dist/renderer/index.html',
    });
    expect(await scan(input)).toEqual([]);
  }, 120_000);

  it('sees a weakened window: the scan is not blind', async () => {
    const main = readFileSync(path.join(root, 'electron/main.ts'), 'utf8').replace('sandbox: true,', 'sandbox: false,');
    const dir = path.join(work, 'weakened');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'main.ts');
    writeFileSync(file, main);
    const findings = await scan(dir);
    expect(findings.map((f) => f.check)).toContain('SANDBOX_JS_CHECK');
  }, 120_000);
});

describe('the renderer CSP under the scanner’s evaluator', () => {
  it('has no weakness but the one waived remark (script-src self)', () => {
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (text: string) => { csp: unknown };
      CspEvaluator: new (
        csp: unknown,
        version: unknown,
      ) => { evaluate(): { severity: number; directive: string; value?: string }[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const findings = new csp.CspEvaluator(new csp.CspParser(contentSecurityPolicy).csp, csp.Version.CSP3).evaluate();
    const { SYNTAX, INFO, NONE } = csp.severities;
    const weaknesses = findings
      // SYNTAX: this evaluator predates 'wasm-unsafe-eval' (CSP3, needed by the camera QR reader).
      .filter((f) => f.severity !== SYNTAX && f.severity !== INFO && f.severity !== NONE)
      .map((f) => `${f.directive} ${f.value ?? ''}`.trim());
    expect(weaknesses).toEqual(["script-src 'self'"]);
  });
});
