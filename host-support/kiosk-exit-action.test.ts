import { describe, expect, it } from 'vitest';
import { extraChromiumFlags, kioskExitAction } from './kiosk-exit-action';

describe('kioskExitAction', () => {
  it('closes the Chromium the host opened itself', () => {
    expect(kioskExitAction({ openedChromium: true, env: { LINLI_KIOSK_UNIT: 'linli-kiosk.service' } })).toEqual({
      kind: 'close-chromium',
    });
  });

  it('stops the kiosk unit under systemd', () => {
    expect(kioskExitAction({ openedChromium: false, env: { LINLI_KIOSK_UNIT: 'linli-kiosk.service' } })).toEqual({
      kind: 'stop-unit',
      command: 'systemctl',
      args: ['--user', '--no-block', 'stop', 'linli-kiosk.service'],
    });
  });

  it('uses LINLI_SYSTEMCTL when set, as install-autostart does', () => {
    expect(
      kioskExitAction({
        openedChromium: false,
        env: { LINLI_KIOSK_UNIT: 'linli-kiosk.service', LINLI_SYSTEMCTL: '/opt/bin/systemctl' },
      }),
    ).toMatchObject({ kind: 'stop-unit', command: '/opt/bin/systemctl' });
  });

  it('refuses a unit name that is not one (no option, no path, no other kind of unit)', () => {
    for (const unit of ['--all', '../x.service', 'a b.service', 'linli.target', '']) {
      expect(kioskExitAction({ openedChromium: false, env: { LINLI_KIOSK_UNIT: unit } })).toEqual({ kind: 'none' });
    }
  });

  it('has nothing to close in a plain browser tab', () => {
    expect(kioskExitAction({ openedChromium: false, env: {} })).toEqual({ kind: 'none' });
  });
});

describe('extraChromiumFlags', () => {
  it('takes flags and drops anything else', () => {
    expect(extraChromiumFlags({ LINLI_CHROMIUM_FLAGS: ' --force-device-scale-factor=1.5  x --touch-events ' })).toEqual(
      ['--force-device-scale-factor=1.5', '--touch-events'],
    );
    expect(extraChromiumFlags({})).toEqual([]);
  });
});
