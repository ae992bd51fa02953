// What the browser host does when a manager leaves the kiosk (features/shell/kiosk-exit.ts).
// Electron simply quits; the browser host is not the window, so it closes the one it looks after.

export type KioskExitAction =
  /** `--open`: the host started the kiosk Chromium itself, and ends it. */
  | { kind: 'close-chromium' }
  /** Under systemd the kiosk Chromium is its own user unit (LINLI_KIOSK_UNIT): stop that unit. */
  | { kind: 'stop-unit'; command: string; args: string[] }
  /** A plain browser tab: nothing to close. */
  | { kind: 'none' };

// A unit name, never anything a shell or systemctl could read as an option.
const unitName = /^[A-Za-z0-9][A-Za-z0-9@._-]*\.service$/;

export function kioskExitAction(opts: { openedChromium: boolean; env: NodeJS.ProcessEnv }): KioskExitAction {
  if (opts.openedChromium) return { kind: 'close-chromium' };
  const unit = opts.env.LINLI_KIOSK_UNIT?.trim();
  // `stop`, not `kill`: a stopped unit is not restarted (Restart= acts on failures) until the next boot.
  // `--no-block`: systemctl still says at once when it cannot (no user manager, no such unit), but
  // does not hold the manager's request until Chromium has gone. LINLI_SYSTEMCTL as in autostart-run.
  if (unit && unitName.test(unit))
    return {
      kind: 'stop-unit',
      command: opts.env.LINLI_SYSTEMCTL || 'systemctl',
      args: ['--user', '--no-block', 'stop', unit],
    };
  return { kind: 'none' };
}

/** Extra Chromium flags for `--open` (LINLI_CHROMIUM_FLAGS, space-separated), e.g. a scale factor. */
export function extraChromiumFlags(env: NodeJS.ProcessEnv): string[] {
  return (env.LINLI_CHROMIUM_FLAGS ?? '').split(/\s+/).filter((flag) => flag.startsWith('--'));
}
