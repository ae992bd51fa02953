import { describe, expect, it } from 'vitest';
import { parseShellOptions } from './launch-options';

describe('parseShellOptions', () => {
  const parse = (argv: string[], env: Record<string, string> = {}, platform = 'linux') =>
    parseShellOptions({ argv: ['/opt/Linli/linli', ...argv], env, platform });

  it('defaults to kiosk mode without autostart', () => {
    expect(parse([])).toEqual({ windowed: false, installAutostart: false, loginItemSupported: false });
  });

  it('is windowed with --windowed or LINLI_WINDOWED=1', () => {
    expect(parse(['--windowed']).windowed).toBe(true);
    expect(parse([], { LINLI_WINDOWED: '1' }).windowed).toBe(true);
    expect(parse([], { LINLI_WINDOWED: 'true' }).windowed).toBe(true);
    expect(parse([], { LINLI_WINDOWED: '0' }).windowed).toBe(false);
    expect(parse([], { LINLI_WINDOWED: '' }).windowed).toBe(false);
    expect(parse(['--windowed=no']).windowed).toBe(false);
  });

  it('only offers login items on Windows and macOS', () => {
    expect(parse(['--install-autostart'], {}, 'win32')).toMatchObject({
      installAutostart: true,
      loginItemSupported: true,
    });
    expect(parse([], {}, 'darwin').loginItemSupported).toBe(true);
    expect(parse(['--install-autostart'], {}, 'linux')).toMatchObject({
      installAutostart: true,
      loginItemSupported: false,
    });
  });
});
