#!/usr/bin/env node
// `npm start` launcher (runs after `npm run build`).
//   node scripts/start.mjs [--web] [--data-dir X] [--port N] [--no-demo] [--windowed] ...
// --web, or an Electron that cannot run here, starts the browser host (dist/node/host.js --open);
// otherwise the Electron shell runs the project (package.json "main": dist/node/electron-main.js).
// All other arguments are passed through. Expected failures print one line, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const web = args.includes('--web');
const forwarded = args.filter((a) => a !== '--web');

const dist = (...parts) => path.join(root, 'dist', ...parts);
const hostEntry = dist('node', 'host.js');

function fail(message) {
  console.error(message);
  process.exit(1);
}

function requireBuilt(files) {
  if (files.some((f) => !existsSync(f))) fail('Linli is not built yet. Run `npm run build` first.');
}

/** The Electron binary path, or a one-line reason why Electron cannot run here. */
function probeElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, why: 'there is no graphical display: DISPLAY and WAYLAND_DISPLAY are unset' };
  }
  // Requiring 'electron' returns the binary path, or tries to download it and throws when it cannot.
  // Do it in a child process so a failure (or a hang) cannot take this launcher down.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd: root,
    stdio: 'pipe',
    encoding: 'utf8',
    timeout: 120_000,
  });
  const binary = (probe.stdout ?? '').trim().split('\n').pop() ?? '';
  if (probe.error || probe.status !== 0 || !binary || !existsSync(binary)) {
    return { ok: false, why: 'its binary could not be downloaded' };
  }
  return { ok: true, binary };
}

/** Runs a child with inherited stdio, forwards termination signals, and exits with its status. */
function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (err) => fail(`Could not start ${path.basename(command)}: ${err.message}`));
  child.on('exit', (code, signal) => {
    if (signal) process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
    process.exit(code ?? 0);
  });
}

function startBrowserHost() {
  requireBuilt([hostEntry, dist('renderer', 'index.html')]);
  const hostArgs = forwarded.includes('--open') ? forwarded : [...forwarded, '--open'];
  run(process.execPath, [hostEntry, ...hostArgs]);
}

function startElectron(binary) {
  // ELECTRON_RUN_AS_NODE inherited from a parent would turn Electron into plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(binary, ['.', ...forwarded], env);
}

if (web) {
  startBrowserHost();
} else {
  requireBuilt([dist('node', 'electron-main.js'), dist('preload', 'preload.cjs'), dist('renderer', 'index.html')]);
  const electron = probeElectron();
  if (electron.ok) {
    startElectron(electron.binary);
  } else {
    console.log(`Electron is not available on this machine (${electron.why}); starting the browser host instead.`);
    startBrowserHost();
  }
}
