// Pure parsing of the Electron shell's own switches (the data dir and demo switches are core's).

export interface ShellOptions {
  /** A normal window instead of kiosk fullscreen: `--windowed` or LINLI_WINDOWED=1. */
  windowed: boolean;
  /** `--install-autostart` was given. */
  installAutostart: boolean;
  /** Whether app.setLoginItemSettings exists on this platform (Windows and macOS only). */
  loginItemSupported: boolean;
}

const truthy = new Set(['1', 'true', 'yes', 'on']);

export function parseShellOptions(opts: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
}): ShellOptions {
  const flag = (name: string) => opts.argv.includes(name);
  const windowedEnv = (opts.env.LINLI_WINDOWED ?? '').trim().toLowerCase();
  return {
    windowed: flag('--windowed') || truthy.has(windowedEnv),
    installAutostart: flag('--install-autostart'),
    loginItemSupported: opts.platform === 'win32' || opts.platform === 'darwin',
  };
}
