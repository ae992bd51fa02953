// How an event reads on the self-service screens and at the counter, in the reader's language.
import type { CommunityEvent } from '../../../contract';
import { formatDateTime } from '../../format';

export const eventTitle = (e: Pick<CommunityEvent, 'title'>, lng: string): string =>
  lng === 'en' && e.title.en ? e.title.en : e.title.zh;

/** Start and end in the store's time zone. */
export const eventWhen = (e: Pick<CommunityEvent, 'startsAt' | 'endsAt'>, lng: string): string =>
  `${formatDateTime(e.startsAt, lng)} – ${formatDateTime(e.endsAt, lng)}`;
