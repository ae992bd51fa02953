import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLinli } from '../features/app';
import { defaultDataDir, portOption, resolveDataDir, wantsDemo } from '../host-support/data-dir';
import { findChromium } from '../host-support/find-chromium';
import { startBrowserHost } from './server';

// `node dist/node/host.js [--data-dir DIR] [--port N] [--no-demo] [--open]`
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = process.env;
  const staticDir = env.LINLI_STATIC_DIR ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`Linli: the renderer is not built (${staticDir} has no index.html). Run \`npm run build\` first.`);
    process.exit(1);
  }
  const dataDir = resolveDataDir({ argv, env, defaultDir: defaultDataDir(env) });
  let port: number;
  try {
    port = portOption(argv, env, 5174);
  } catch (error) {
    console.error(`Linli: ${(error as Error).message}`);
    process.exit(2);
  }

  const core = openLinli({ dataDir, demo: wantsDemo({ argv, env }), host: 'browser' });
  let host;
  try {
    host = await startBrowserHost({ core, port, staticDir });
  } catch (error) {
    await core.close();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Linli: port ${port} is in use. Is Linli already running? Use --port N for another port.` : `Linli: could not start the browser host: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`Linli data: ${dataDir}`);
  console.log(`Linli browser host: ${host.url}`);

  if (argv.includes('--open')) {
    const chromium = findChromium(env);
    if (chromium && (env.DISPLAY || env.WAYLAND_DISPLAY)) {
      const profile = join(dataDir, 'chromium-profile');
      const child = spawn(chromium, [`--user-data-dir=${profile}`, '--kiosk', `--app=${host.url}`, '--no-first-run', '--disable-background-networking'], {
        stdio: 'ignore',
        detached: false,
      });
      child.on('error', () => console.log('Linli: could not open Chromium; open the URL above in a browser.'));
    } else {
      console.log('Linli: open the URL above in Chromium (for a kiosk: chromium --kiosk --app=URL).');
    }
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main();
