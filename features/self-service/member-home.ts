// What a customer sees of their own account after a scan: masked identity, points, tier, coupons,
// offers and visits. Built from the same reads as the counter's member screen.
import { LinliError, type AttractSlide, type CustomerHome, type CustomerOffer, type HubCampaign } from '../../contract';
import { maskName, maskPhone } from '../../domain/mask';
import type { SomeHandlers } from '../handler';
import { getMemberLoyalty } from '../loyalty/loyalty-accounts';
import type { Ports } from '../ports';
import { cleanScanText, memberOfScan } from '../scan/scan';

const running = (c: HubCampaign, now: string) => c.startsAt <= now && now < c.endsAt;

/** Campaigns for everyone, or for this member's tier or one of their tags (interests). */
function offersFor(ports: Ports, tierCode: string, tags: string[]): CustomerOffer[] {
  const now = ports.clock.now().toISOString();
  return ports.store.campaigns
    .all()
    .filter((c) => running(c, now))
    .filter(
      (c) =>
        (c.targetTiers.length === 0 && c.targetTags.length === 0) ||
        c.targetTiers.includes(tierCode) ||
        c.targetTags.some((tag) => tags.includes(tag)),
    )
    .map((c) => ({
      id: c.id,
      title: c.title,
      body: c.body,
      endsAt: c.endsAt,
      imageUrl: c.slides[0]?.imageUrl ?? null,
    }));
}

export function customerHome(ports: Ports, memberId: string): CustomerHome {
  const member = ports.store.members.get(memberId);
  if (!member) throw new LinliError('CUSTOMER_SESSION_ENDED');
  const loyalty = getMemberLoyalty(ports, { memberId });
  // A visit is a purchase: its earn and redeem entries share the receipt.
  const visits = new Map<string, { at: string; receiptNo: string | null; points: number }>();
  for (const entry of loyalty.recent) {
    if (!entry.saleId) continue;
    const visit = visits.get(entry.saleId) ?? { at: entry.at, receiptNo: entry.receiptNo, points: 0 };
    visit.points += entry.points;
    visits.set(entry.saleId, visit);
  }
  return {
    memberId,
    maskedName: maskName(member.name),
    maskedPhone: maskPhone(member.phone),
    balance: loyalty.balance,
    tier: loyalty.tier,
    progress: loyalty.progress,
    expiring: loyalty.expiring,
    coupons: loyalty.coupons.filter((c) => !c.used),
    offers: offersFor(ports, loyalty.tier.code, member.interests),
    visits: [...visits.values()].slice(0, 5),
    referralCode: member.referralCode,
  };
}

export function attractSlides(ports: Ports): AttractSlide[] {
  const now = ports.clock.now().toISOString();
  return ports.store.campaigns
    .all()
    .filter((c) => running(c, now) && c.targetTiers.length === 0 && c.targetTags.length === 0)
    .flatMap((c) =>
      c.slides.length
        ? c.slides.map((s, i) => ({ id: `${c.id}:${i}`, ...s }))
        : [{ id: c.id, title: c.title, body: c.body, imageUrl: null }],
    );
}

export const memberHomeHandlers = {
  startCustomer(input, { ports }) {
    // A new scan replaces whoever was there: the previous customer is forgotten even if this one is refused.
    ports.customer.end();
    const scanned = memberOfScan(ports, cleanScanText(input.text));
    if (!scanned) throw new LinliError('SCAN_NOT_MEMBER');
    const session = ports.customer.start(scanned.member.id);
    return customerHome(ports, session.memberId);
  },
  customerHome: (_input, { ports, customer }) => customerHome(ports, customer.memberId),
  endCustomer(_input, { ports }) {
    ports.customer.end();
    return null;
  },
  attractSlides: (_input, { ports }) => attractSlides(ports),
} satisfies SomeHandlers;
