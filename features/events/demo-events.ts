// The demo store's community events, so the attract loop and the events screens have something to
// show: made once, a few days ahead of the day the demo store first opens. Local to the demo
// terminal (no outbox events: the demo's hub, if any, has its own).
import type { Ports } from '../ports';

const demoEventsKey = 'demo.events_seeded';

const at = (base: Date, days: number, hourBeijing: number) => {
  const d = new Date(base.getTime() + days * 86_400_000);
  d.setUTCHours(hourBeijing - 8, 0, 0, 0);
  return d.toISOString();
};

export function seedDemoEvents(ports: Ports): void {
  const { store } = ports;
  if (store.settings.get('demo') !== '1' || store.settings.get(demoEventsKey)) return;
  const now = ports.clock.now();
  const updatedAt = now.toISOString();
  const events = [
    {
      title: { zh: '周末品茶会', en: 'Weekend tea tasting' },
      description: '店长带您品鉴六款当季新茶，现场冲泡讲解。',
      place: '二楼茶室',
      days: 3,
      hour: 14,
      capacity: 20,
      points: 50,
    },
    {
      title: { zh: '亲子茶艺课', en: 'Tea craft for kids and parents' },
      description: '小朋友和家长一起学泡茶、做茶点。',
      place: '社区活动室',
      days: 6,
      hour: 10,
      capacity: 12,
      points: 30,
    },
    {
      title: { zh: '社区插花沙龙', en: 'Community flower salon' },
      description: '邻里一起插花喝茶，作品可带回家。',
      place: '二楼茶室',
      days: 10,
      hour: 19,
      capacity: 15,
      points: 40,
    },
  ];
  store.transaction(() => {
    for (const e of events)
      store.events.saveEvent({
        id: ports.ids.newId(),
        title: e.title,
        description: e.description,
        place: e.place,
        startsAt: at(now, e.days, e.hour),
        endsAt: at(now, e.days, e.hour + 2),
        capacity: e.capacity,
        points: e.points,
        scope: 'shop',
        storeId: ports.config.storeId(),
        status: 'open',
        updatedAt,
      });
    store.settings.set(demoEventsKey, updatedAt);
  });
}
