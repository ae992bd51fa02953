// The self-service shell at the core: who may call what (a counter terminal refuses customer
// methods, a customer method needs a scan, only a manager sets the role), the server-side expiry of
// a customer nobody touched, masked identity, and the offers member home shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinliError, type HubCampaign } from '../contract';
import { demoMember, openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { tempDir } from './support/temp-core';

let temp: ReturnType<typeof tempDir>;
let l: LoyaltyCore;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (e instanceof LinliError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
}

const name = (zh: string, en = zh) => ({ zh, en });

function campaign(id: string, over: Partial<HubCampaign> = {}): HubCampaign {
  return {
    id,
    title: name(`活动 ${id}`, `Campaign ${id}`),
    body: name('内容', 'Body'),
    targetTiers: [],
    targetTags: [],
    startsAt: '2026-06-01T00:00:00.000Z',
    endsAt: '2026-07-01T00:00:00.000Z',
    slides: [],
    updatedAt: '2026-06-01T00:00:00.000Z',
    ...over,
  };
}

describe('self-service access', () => {
  beforeEach(async () => {
    temp = tempDir('linli-ss-shell-');
    l = await openLoyaltyCore(temp.dir, 'manager');
  });
  afterEach(async () => {
    await l.close();
    temp.remove();
  });

  it('refuses kiosk and customer methods at a counter terminal', async () => {
    expect(await codeOf(l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' }))).toBe(
      'SELF_SERVICE_ONLY',
    );
    expect(await codeOf(l.core.methods.attractSlides())).toBe('SELF_SERVICE_ONLY');
    expect(await codeOf(l.core.methods.customerHome())).toBe('SELF_SERVICE_ONLY');
  });

  it('refuses a customer method before any scan, and after "done"', async () => {
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    expect(await codeOf(l.core.methods.customerHome())).toBe('CUSTOMER_SESSION_ENDED');
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    expect((await l.core.methods.customerHome()).balance).toBe(5000);
    await l.core.methods.endCustomer();
    expect(await codeOf(l.core.methods.customerHome())).toBe('CUSTOMER_SESSION_ENDED');
  });

  it('forgets the customer on its own after the idle time and its grace, not before', async () => {
    await l.core.methods.setSelfServiceSettings({ role: 'self-service', idleSeconds: 45 });
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    // Each call is a touch: 50 s after the last one is still within 45 s + grace.
    l.clock.now = new Date(l.clock.now.getTime() + 50_000);
    expect((await l.core.methods.customerHome()).maskedName).toBe('陈*卡');
    l.clock.now = new Date(l.clock.now.getTime() + 61_000);
    expect(await codeOf(l.core.methods.customerHome())).toBe('CUSTOMER_SESSION_ENDED');
    // Still gone: it does not come back with the next call.
    expect(await codeOf(l.core.methods.customerHome())).toBe('CUSTOMER_SESSION_ENDED');
  });

  it('lets only a manager set the role, and only a sensible idle time', async () => {
    expect(await codeOf(l.core.methods.setSelfServiceSettings({ role: 'self-service', idleSeconds: 5 }))).toBe(
      'IDLE_SECONDS_INVALID',
    );
    expect(await codeOf(l.core.methods.setSelfServiceSettings({ role: 'self-service', idleSeconds: 601 }))).toBe(
      'IDLE_SECONDS_INVALID',
    );
    expect(await codeOf(l.core.methods.setSelfServiceSettings({ role: 'self-service', idleSeconds: 30.5 }))).toBe(
      'IDLE_SECONDS_INVALID',
    );
    // Nothing was written by the refusals.
    expect(await l.core.methods.getSelfServiceSettings()).toEqual({ role: 'counter', idleSeconds: 45 });

    const cashierTemp = tempDir('linli-ss-cashier-');
    const cashier = await openLoyaltyCore(cashierTemp.dir, 'cashier');
    try {
      expect(await codeOf(cashier.core.methods.setSelfServiceSettings({ role: 'self-service' }))).toBe('FORBIDDEN');
      expect(await cashier.core.methods.getSelfServiceSettings()).toEqual({ role: 'counter', idleSeconds: 45 });
    } finally {
      await cashier.close();
      cashierTemp.remove();
    }
  });

  it('forgets the customer when the terminal turns back into a counter', async () => {
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    await l.core.methods.setSelfServiceSettings({ role: 'counter' });
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    expect(await codeOf(l.core.methods.customerHome())).toBe('CUSTOMER_SESSION_ENDED');
  });

  it('refuses a blocked card, an unknown card and a product barcode, and forgets the previous customer', async () => {
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    expect(await codeOf(l.core.methods.startCustomer({ text: '6901234567892', source: 'wedge' }))).toBe(
      'SCAN_NOT_MEMBER',
    );
    expect(await codeOf(l.core.methods.customerHome())).toBe('CUSTOMER_SESSION_ENDED');
    expect(await codeOf(l.core.methods.startCustomer({ text: '8800000000000013', source: 'wedge' }))).toBe(
      'CARD_UNKNOWN',
    );
    await l.core.methods.blockCard({ memberId: l.goldMemberId, number: demoMember.card, reason: 'lost' });
    expect(await codeOf(l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' }))).toBe('CARD_BLOCKED');
    expect(await codeOf(l.core.methods.customerHome())).toBe('CUSTOMER_SESSION_ENDED');
  });
});

describe('member home', () => {
  beforeEach(async () => {
    temp = tempDir('linli-ss-home-');
    l = await openLoyaltyCore(temp.dir, 'manager');
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  });
  afterEach(async () => {
    await l.close();
    temp.remove();
  });

  it('shows the member masked: no whole name or number anywhere in what the core sends', async () => {
    const home = await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    expect(home.maskedName).toBe('陈*卡');
    expect(home.maskedPhone).toBe('137****0888');
    const sent = JSON.stringify(home);
    expect(sent).not.toContain(demoMember.name);
    expect(sent).not.toContain('13700000888');
  });

  it("offers the campaigns for everyone, the member's tier or tags, running now; slides only the open ones", async () => {
    const home = await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const tier = home.tier.code;
    l.repos.campaigns.save(
      campaign('all', { slides: [{ title: name('春茶'), body: name('新茶上市'), imageUrl: null }] }),
    );
    l.repos.campaigns.save(campaign('tier', { targetTiers: [tier] }));
    l.repos.campaigns.save(campaign('other-tier', { targetTiers: ['no-such-tier'] }));
    l.repos.campaigns.save(campaign('tea-lovers', { targetTags: ['茶'] }));
    l.repos.campaigns.save(campaign('coffee-lovers', { targetTags: ['咖啡'] }));
    l.repos.campaigns.save(campaign('over', { endsAt: '2026-06-10T00:00:00.000Z' }));
    l.repos.campaigns.save(campaign('later', { startsAt: '2026-06-20T00:00:00.000Z' }));

    const offers = (await l.core.methods.customerHome()).offers.map((o) => o.id).sort();
    expect(offers).toEqual(['all', 'tea-lovers', 'tier']);
    // The attract screen is for everyone: targeted campaigns stay off it.
    const slides = await l.core.methods.attractSlides();
    expect(slides.map((s) => s.title.zh)).toEqual(['春茶']);
  });

  it('lists a purchase as a recent visit with its points', async () => {
    await l.core.methods.checkout({
      requestId: 'ss-visit-1',
      memberId: l.goldMemberId,
      lines: [{ productId: l.products['TEA-001']!.id, quantity: 1 }],
      couponCodes: [],
      pointsToRedeem: 0,
      tenders: [{ method: 'cash', amountMinor: 20_000 }],
    });
    const home = await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    expect(home.visits).toHaveLength(1);
    expect(home.visits[0]!.points).toBeGreaterThan(0);
    expect(home.balance).toBe(5000 + home.visits[0]!.points);
  });
});
