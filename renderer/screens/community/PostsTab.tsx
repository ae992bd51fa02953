// Ambassador posts waiting for review: staff open the link, then approve (the configured points,
// once per post) or reject with a required reason. Managers set the points an approved post earns.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postStatuses, type ApiErrorShape, type PostStatus, type StaffPostInfo } from '../../../contract';
import { useApp } from '../../app-context';
import { InlineError } from '../../components/kit/InlineError';
import { toErrorShape } from '../../errors';
import { formatDateTime } from '../../format';

type Filter = PostStatus | 'all';
const filters: Filter[] = [...postStatuses, 'all'];

const badgeOf: Record<PostStatus, string> = { pending: 'badge--warn', approved: 'badge--ok', rejected: 'badge--bad' };

function PostPoints() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [points, setPoints] = useState('');
  const [refused, setRefused] = useState<ApiErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.getPostRules().then((r) => setPoints(String(r.points)), setRefused);
  }, [api]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.setPostRules({ points: /^\d+$/.test(points) ? Number(points) : NaN });
      setRefused(null);
      setSaved(true);
    } catch (e) {
      setRefused(toErrorShape(e));
      setSaved(false);
    }
  };
  return (
    <form className="form row" onSubmit={(e) => void save(e)} data-testid="post-points-form">
      <label className="row__main">
        {t('posts.review.pointsLabel')}
        <input
          className="input"
          inputMode="numeric"
          value={points}
          data-testid="post-points"
          onChange={(e) => {
            setPoints(e.target.value);
            setSaved(false);
          }}
        />
      </label>
      <button type="submit" className="button" data-testid="post-points-save">
        {t('posts.review.savePoints')}
      </button>
      {saved && <span className="notice">{t('posts.review.pointsSaved')}</span>}
      <InlineError error={refused} testId="post-points-error" />
    </form>
  );
}

function PostRow({ post, onReviewed }: { post: StaffPostInfo; onReviewed: (p: StaffPostInfo) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<ApiErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const review = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    try {
      const done = await api.reviewPost({ postId: post.id, decision, ...(decision === 'reject' ? { reason } : {}) });
      setRefused(null);
      onReviewed(done);
    } catch (e) {
      setRefused(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="row" data-testid="post-row" data-post-id={post.id} data-status={post.status}>
      <div className="row__main">
        <span className={`badge ${badgeOf[post.status]}`}>{t(`posts.review.filter.${post.status}`)}</span>
        <strong>{t(`posts.platform.${post.platform}`)}</strong>
        <span>
          {t('posts.review.member')}: {post.memberName} · {post.maskedPhone}
        </span>
        <a href={post.url} target="_blank" rel="noopener noreferrer" className="ss-url" data-testid="post-link">
          {post.url}
        </a>
        <span className="muted">{formatDateTime(post.submittedAt, i18n.language)}</span>
        {post.status === 'approved' && <span>{t('posts.status.approved', { points: post.points })}</span>}
        {post.status === 'rejected' && <span>{t('posts.status.rejected', { reason: post.rejectReason ?? '' })}</span>}
        {post.reviewedBy && <span className="muted">{t('posts.review.reviewedBy', { name: post.reviewedBy })}</span>}
      </div>
      {post.status === 'pending' && (
        <div className="actions">
          {rejecting ? (
            <>
              <input
                className="input"
                aria-label={t('posts.review.reasonLabel')}
                placeholder={t('posts.review.reasonLabel')}
                value={reason}
                maxLength={200}
                data-testid="post-reason"
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                data-testid="post-reject-confirm"
                onClick={() => void review('reject')}
              >
                {t('posts.review.confirmReject')}
              </button>
              <button type="button" className="button button--ghost" onClick={() => setRejecting(false)}>
                {t('posts.review.cancel')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                data-testid="post-approve"
                onClick={() => void review('approve')}
              >
                {t('posts.review.approve')}
              </button>
              <button type="button" className="button" data-testid="post-reject" onClick={() => setRejecting(true)}>
                {t('posts.review.reject')}
              </button>
            </>
          )}
        </div>
      )}
      <InlineError error={refused} testId="post-error" />
    </li>
  );
}

export function PostsTab() {
  const { t } = useTranslation();
  const { api, session, showError } = useApp();
  const [filter, setFilter] = useState<Filter>('pending');
  const [posts, setPosts] = useState<StaffPostInfo[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => api.listPosts({ status: filter }).then(setPosts, showError), [api, filter, showError]);
  useEffect(() => void load(), [load]);

  const reviewed = (p: StaffPostInfo) => {
    setNotice(
      p.status === 'approved'
        ? t('posts.review.approved', { name: p.memberName, points: p.points })
        : t('posts.review.rejectedDone'),
    );
    void load();
  };

  return (
    <section className="panel" data-testid="posts-tab">
      <h2>{t('posts.review.title')}</h2>
      <p className="muted">{t('posts.review.lead')}</p>
      {session?.staff?.role === 'manager' && <PostPoints />}
      <div className="tabs" role="tablist">
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={filter === f}
            className={`button nav-button${filter === f ? ' nav-button--current' : ''}`}
            data-testid={`posts-filter-${f}`}
            onClick={() => setFilter(f)}
          >
            {t(`posts.review.filter.${f}`)}
          </button>
        ))}
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="posts-notice">
          {notice}
        </p>
      )}
      {posts?.length === 0 && <p className="muted">{t('posts.review.none')}</p>}
      <ul className="rows">
        {posts?.map((p) => (
          <PostRow key={p.id} post={p} onReviewed={reviewed} />
        ))}
      </ul>
    </section>
  );
}
