import { afterEach, describe, expect, it } from 'vitest';
import type { LinliCore } from '../features/app';
import { enrolment, loginAs, openTestCore, tempDir } from './support/temp-core';

// The member's phone code at the counter: scanned by any scanner, it is the member.
let core: LinliCore;
let temp: ReturnType<typeof tempDir>;
let clock = new Date('2026-03-01T10:00:05Z');

afterEach(async () => {
  await core.close();
  temp.remove();
});

async function setup() {
  temp = tempDir();
  clock = new Date('2026-03-01T10:00:05Z');
  core = openTestCore(temp.dir, () => clock);
  await loginAs(core, 'cashier');
  const result = await core.methods.enrolMember(enrolment({ card: null }));
  if (!result.created) throw new Error('not created');
  const scanner = (await core.methods.listDevices()).find((d) => d.kind === 'scanner')!;
  return { member: result.member, scannerId: scanner.id };
}

describe('member phone QR code at the counter', () => {
  it('identifies the member from any scanner, even one without a card', async () => {
    const { member, scannerId } = await setup();
    const code = await core.methods.getMemberQr({ memberId: member.id });
    expect(code.refreshAt).toBe('2026-03-01T10:01:00.000Z');
    const viaScanner = await core.methods.injectScan({ deviceId: scannerId, text: code.token, symbology: 'QRCode' });
    expect(viaScanner).toMatchObject({
      kind: 'member',
      via: 'qr',
      cardNumber: null,
      member: { id: member.id, name: '王小明' },
    });
    const viaWedge = await core.methods.handleScan({ text: code.token, source: 'wedge' });
    expect(viaWedge.kind === 'member' && viaWedge.member.id).toBe(member.id);
  });

  it('changes every minute; a screenshot is refused after two minutes; a forgery is refused', async () => {
    const { member } = await setup();
    const old = await core.methods.getMemberQr({ memberId: member.id });
    clock = new Date('2026-03-01T10:01:30Z');
    const fresh = await core.methods.getMemberQr({ memberId: member.id });
    expect(fresh.token).not.toBe(old.token);
    expect((await core.methods.handleScan({ text: old.token, source: 'camera' })).kind).toBe('member');
    clock = new Date('2026-03-01T10:02:01Z');
    await expect(core.methods.handleScan({ text: old.token, source: 'camera' })).rejects.toMatchObject({
      code: 'MEMBER_QR_EXPIRED',
    });
    const forged = fresh.token.slice(0, -1) + (fresh.token.endsWith('A') ? 'B' : 'A');
    await expect(core.methods.handleScan({ text: forged, source: 'camera' })).rejects.toMatchObject({
      code: 'MEMBER_QR_INVALID',
    });
    await expect(core.methods.handleScan({ text: 'LQ1.garbage', source: 'camera' })).rejects.toMatchObject({
      code: 'MEMBER_QR_INVALID',
    });
  });

  it('a code made by another store (another secret) is refused', async () => {
    const { member } = await setup();
    const code = await core.methods.getMemberQr({ memberId: member.id });
    const otherTemp = tempDir();
    const other = openTestCore(otherTemp.dir, () => clock);
    try {
      await loginAs(other, 'cashier');
      await expect(other.methods.handleScan({ text: code.token, source: 'wedge' })).rejects.toMatchObject({
        code: 'MEMBER_QR_INVALID',
      });
    } finally {
      await other.close();
      otherTemp.remove();
    }
  });
});
