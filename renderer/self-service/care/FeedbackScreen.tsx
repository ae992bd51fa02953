// A short survey after a visit: big star buttons (1–5), a few quick tags, an optional comment typed
// on the terminal's keyboard (Chinese layout), then a thank-you.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { feedbackCommentMax, feedbackTags, type FeedbackTag } from '../../../contract';
import { KioskTextInput } from '../keyboard/KioskTextInput';
import { useSelfService } from '../self-service-context';
import './care.css';

const starPath = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';

function Star() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={starPath} />
    </svg>
  );
}

export function FeedbackScreen() {
  const { t } = useTranslation();
  const { api, showError, clearError, navigate } = useSelfService();
  const [rating, setRating] = useState(0);
  const [tags, setTags] = useState<FeedbackTag[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const toggle = (tag: FeedbackTag) => setTags((ts) => (ts.includes(tag) ? ts.filter((x) => x !== tag) : [...ts, tag]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.submitFeedback({ rating, tags, comment });
      clearError();
      setSent(true);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (sent)
    return (
      <section className="ss-card ss-thanks" data-testid="ss-feedback-thanks">
        <h1>{t('care.feedback.thanksTitle')}</h1>
        <p>{t('care.feedback.thanksBody')}</p>
        <button type="button" className="ss-button ss-button--primary" onClick={() => navigate({ name: 'home' })}>
          {t('care.feedback.backHome')}
        </button>
      </section>
    );

  return (
    <form className="ss-card ss-form" data-testid="ss-feedback" onSubmit={(e) => void submit(e)}>
      <h1>{t('care.feedback.title')}</h1>
      <h2>{t('care.feedback.question')}</h2>
      <div className="ss-stars" role="radiogroup" aria-label={t('care.feedback.question')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={rating === n}
            aria-label={t('care.feedback.starLabel', { n })}
            className={`ss-star${n <= rating ? ' ss-star--on' : ''}`}
            data-testid={`ss-star-${n}`}
            onClick={() => setRating(n)}
          >
            <Star />
          </button>
        ))}
      </div>
      <h2>{t('care.feedback.tagsTitle')}</h2>
      <div className="ss-choices">
        {feedbackTags.map((tag) => (
          <button
            key={tag}
            type="button"
            className="ss-button ss-choice"
            aria-pressed={tags.includes(tag)}
            data-testid={`ss-feedback-tag-${tag}`}
            onClick={() => toggle(tag)}
          >
            {t(`care.feedback.tags.${tag}`)}
          </button>
        ))}
      </div>
      <KioskTextInput
        value={comment}
        onChange={setComment}
        layout="chinese"
        multiline
        label={t('care.feedback.commentLabel')}
        testId="ss-feedback-comment"
        maxLength={feedbackCommentMax}
      />
      <button
        type="submit"
        className="ss-button ss-button--primary"
        disabled={busy || rating === 0}
        data-testid="ss-feedback-submit"
      >
        {t('care.feedback.submit')}
      </button>
    </form>
  );
}
