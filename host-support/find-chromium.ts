import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** LINLI_CHROMIUM (or CHROMIUM_PATH) first, then the usual system locations. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const path of [env.LINLI_CHROMIUM, env.CHROMIUM_PATH, ...candidates]) {
    if (path && existsSync(path)) return path;
  }
  return null;
}
