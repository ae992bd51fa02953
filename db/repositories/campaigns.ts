import type { HubCampaign } from '../../contract';
import type { Db } from '../open';
import type { CampaignsRepository } from '../store';

interface CampaignRaw {
  id: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  targetTiers: string;
  targetTags: string;
  startsAt: string;
  endsAt: string;
  slides: string;
  updatedAt: string;
}

const columns = `id, title_zh AS titleZh, title_en AS titleEn, body_zh AS bodyZh, body_en AS bodyEn,
  target_tiers AS targetTiers, target_tags AS targetTags, starts_at AS startsAt, ends_at AS endsAt, slides,
  updated_at AS updatedAt`;

const toCampaign = (r: CampaignRaw): HubCampaign => ({
  id: r.id,
  title: { zh: r.titleZh, en: r.titleEn },
  body: { zh: r.bodyZh, en: r.bodyEn },
  targetTiers: JSON.parse(r.targetTiers) as string[],
  targetTags: JSON.parse(r.targetTags) as string[],
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  slides: JSON.parse(r.slides) as HubCampaign['slides'],
  updatedAt: r.updatedAt,
});

/** The brand's campaigns as the hub sent them. */
export function campaignsRepository(db: Db): CampaignsRepository {
  const save = db.prepare(`INSERT INTO campaigns
      (id, title_zh, title_en, body_zh, body_en, target_tiers, target_tags, starts_at, ends_at, slides, updated_at)
    VALUES (@id, @titleZh, @titleEn, @bodyZh, @bodyEn, @targetTiers, @targetTags, @startsAt, @endsAt, @slides, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en, body_zh = excluded.body_zh,
      body_en = excluded.body_en, target_tiers = excluded.target_tiers, target_tags = excluded.target_tags,
      starts_at = excluded.starts_at, ends_at = excluded.ends_at, slides = excluded.slides, updated_at = excluded.updated_at`);
  const all = db.prepare<[], CampaignRaw>(`SELECT ${columns} FROM campaigns ORDER BY starts_at, id`);
  return {
    save: (c: HubCampaign) =>
      void save.run({
        id: c.id,
        titleZh: c.title.zh,
        titleEn: c.title.en,
        bodyZh: c.body.zh,
        bodyEn: c.body.en,
        targetTiers: JSON.stringify(c.targetTiers),
        targetTags: JSON.stringify(c.targetTags),
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        slides: JSON.stringify(c.slides),
        updatedAt: c.updatedAt,
      }),
    all: (): HubCampaign[] => all.all().map(toCampaign),
  };
}
