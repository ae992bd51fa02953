import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContestsTab } from './ContestsTab';
import { EventsTab } from './EventsTab';
import { PostsTab } from './PostsTab';
import { RequestsTab } from './RequestsTab';
import { RewardsTab } from './RewardsTab';

export const communityTabs = ['events', 'rewards', 'contests', 'posts', 'requests'] as const;
export type CommunityTab = (typeof communityTabs)[number];

/** Community life at the counter: events and check-in, rewards, contests, posts to review, requests. */
export function CommunityScreen({ tab: initial }: { tab?: CommunityTab | undefined }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<CommunityTab>(initial ?? 'events');
  return (
    <section className="screen community" aria-labelledby="community-title">
      <h1 id="community-title">{t('community.title')}</h1>
      <div className="tabs" role="tablist">
        {communityTabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`button nav-button${tab === name ? ' nav-button--current' : ''}`}
            data-testid={`community-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`community.tabs.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'events' && <EventsTab />}
      {tab === 'rewards' && <RewardsTab />}
      {tab === 'contests' && <ContestsTab />}
      {tab === 'posts' && <PostsTab />}
      {tab === 'requests' && <RequestsTab />}
    </section>
  );
}
