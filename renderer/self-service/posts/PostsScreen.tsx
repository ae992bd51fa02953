// Ambassador posts at the self-service terminal: the member submits a link to a post or video about
// the shop (typed on the terminal's own keyboard, URL layout), sees the platform it is on, and the
// status of every post they submitted (waiting, approved with its points, rejected with the reason).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { platformOfHost, postUrlMaxLength, type MyPosts, type PostInfo, type PostPlatform } from '../../../contract';
import { formatDateTime } from '../../format';
import { KioskTextInput } from '../keyboard/KioskTextInput';
import { useSelfService } from '../self-service-context';
import '../care/care.css';

/** The platform of what is typed so far, when it reads as a link. */
function typedPlatform(text: string): PostPlatform | null {
  try {
    const url = new URL(text.trim());
    return url.hostname ? platformOfHost(url.hostname) : null;
  } catch {
    return null;
  }
}

export function PostStatus({ post }: { post: PostInfo }) {
  const { t } = useTranslation();
  const text =
    post.status === 'approved'
      ? t('posts.status.approved', { points: post.points })
      : post.status === 'rejected'
        ? t('posts.status.rejected', { reason: post.rejectReason ?? '' })
        : t('posts.status.pending');
  return (
    <span className={`ss-status--${post.status}`} data-testid="ss-post-status" data-status={post.status}>
      {text}
    </span>
  );
}

export function PostsScreen() {
  const { t, i18n } = useTranslation();
  const { api, showError, clearError } = useSelfService();
  const [mine, setMine] = useState<MyPosts | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const load = useCallback(() => api.myPosts().then(setMine, showError), [api, showError]);
  useEffect(() => void load(), [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.submitPost({ url });
      clearError();
      setUrl('');
      setDone(true);
      await load();
    } catch (e) {
      setDone(false);
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const platform = typedPlatform(url);
  return (
    <div className="ss-posts" data-testid="ss-posts">
      <form className="ss-card ss-form" onSubmit={(e) => void submit(e)}>
        <h1>{t('posts.title')}</h1>
        {mine && <p>{t('posts.lead', { points: mine.points })}</p>}
        <KioskTextInput
          value={url}
          onChange={(v) => {
            setUrl(v);
            setDone(false);
          }}
          layout="url"
          label={t('posts.urlLabel')}
          testId="ss-post-url"
          maxLength={postUrlMaxLength}
        />
        {platform && (
          <p>
            <span className="ss-chip" data-testid="ss-post-platform">
              {t(`posts.platform.${platform}`)}
            </span>
          </p>
        )}
        <button
          type="submit"
          className="ss-button ss-button--primary"
          disabled={busy || !url.trim()}
          data-testid="ss-post-submit"
        >
          {t('posts.submit')}
        </button>
        {done && (
          <p className="notice" role="status" data-testid="ss-post-submitted">
            {t('posts.submitted')}
          </p>
        )}
      </form>

      <section className="ss-card" data-testid="ss-my-posts">
        <h2>{t('posts.mine')}</h2>
        {mine?.posts.length === 0 && <p className="muted">{t('posts.none')}</p>}
        <ul className="ss-list">
          {mine?.posts.map((p) => (
            <li key={p.id} className="ss-status" data-testid="ss-post">
              <span className="ss-chip">{t(`posts.platform.${p.platform}`)}</span>
              <span className="ss-url">{p.url}</span>
              <span className="muted">{formatDateTime(p.submittedAt, i18n.language)}</span>
              <PostStatus post={p} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
