// A member's link to a post or video, checked and brought to one form: the same post shared twice
// (another tracking tag, upper-case host, a trailing slash, a #fragment) is the same link, so it
// is refused as a duplicate. Pure: the terminal and the hub compare the same normal form.
import { platformOfHost, postUrlMaxLength, type PostPlatform } from '../contract/posts-types';

export { platformOfHost };

export type PostUrlProblem = 'POST_URL_REQUIRED' | 'POST_URL_INVALID' | 'POST_URL_TOO_LONG' | 'POST_URL_NOT_HTTPS';

export type PostUrlCheck =
  { ok: true; url: string; normalized: string; platform: PostPlatform } | { ok: false; code: PostUrlProblem };

/** Query parameters that say who shared a link and how, not which post it is. */
const trackingParams = new Set([
  'spm',
  'from',
  'source',
  'share_source',
  'share_medium',
  'share_from',
  'share_plat',
  'share_session_id',
  'share_tag',
  'share_token',
  'sharer',
  'shareredid',
  'share_id',
  'xhsshare',
  'xsec_source',
  'xsec_token',
  'apptime',
  'app_platform',
  'app_version',
  'author_share',
  'is_from_webapp',
  'sender_device',
  'vd_source',
  'timestamp',
  'unique_k',
  'bbid',
  'ts',
  'mid',
  'scene',
  'sessionid',
  'clicktime',
  'enterid',
  'fbclid',
  'gclid',
]);

const isTracking = (name: string) => {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || trackingParams.has(lower);
};

const hostPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export function checkPostUrl(raw: string): PostUrlCheck {
  const url = raw.trim();
  if (!url) return { ok: false, code: 'POST_URL_REQUIRED' };
  if (url.length > postUrlMaxLength) return { ok: false, code: 'POST_URL_TOO_LONG' };
  if (/\s/.test(url)) return { ok: false, code: 'POST_URL_INVALID' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, code: /^[a-z][a-z0-9+.-]*:/i.test(url) ? 'POST_URL_INVALID' : 'POST_URL_NOT_HTTPS' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, code: 'POST_URL_NOT_HTTPS' };
  // URL lower-cases the host and turns an IDN into punycode; a bare word or an address is not a post.
  const host = parsed.hostname.replace(/\.$/, '');
  if (!hostPattern.test(host) || /^[\d.]+$/.test(host)) return { ok: false, code: 'POST_URL_INVALID' };
  if (parsed.username || parsed.password) return { ok: false, code: 'POST_URL_INVALID' };
  const kept = [...parsed.searchParams.entries()]
    .filter(([name]) => !isTracking(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const normalized = `https://${host.replace(/^www\./, '')}${port}${path}${query}`;
  return { ok: true, url, normalized, platform: platformOfHost(host) };
}
