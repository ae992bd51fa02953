// `npm run install-autostart -- [--electron|--browser-host] [--uninstall] [--dry-run] [--system]`, from a
// checkout (after `npm ci`; the browser host also needs `npm run build`). The work is in
// host-support/autostart-cli.ts, shared with `node dist/node/host.js install-autostart` and the packaged app.
import { join, resolve } from 'node:path';
import { runAutostartCli } from '../host-support/autostart-cli';

const root = resolve(import.meta.dirname, '..');
process.exitCode = runAutostartCli({
  args: process.argv.slice(2),
  env: process.env,
  defaultMode: 'browser-host',
  modes: ['electron', 'browser-host'],
  templatesDir: join(root, 'build', 'linux'),
  installDir: root,
  hostScript: join(root, 'dist', 'node', 'host.js'),
  node: process.execPath,
  isRoot: process.getuid?.() === 0,
  platform: process.platform,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
