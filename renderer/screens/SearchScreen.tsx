import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../contract';
import { useApp } from '../app-context';
import { useAction } from '../components/use-action';

export function SearchScreen() {
  const { t } = useTranslation();
  const { api, navigate, showError } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<SearchResult | null>(null);
  const action = useAction();

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    // Read the field itself: a key replayed by the scanner hook may not have re-rendered yet.
    const query = input.current?.value.trim() ?? '';
    await action.run(
      async () => {
        const found = await api.searchMembers({ query });
        const only = found.members.length === 1 ? found.members[0] : undefined;
        // A card or a full number names one person: skip the list.
        if (only && (found.by === 'card' || found.by === 'phone')) {
          navigate({ name: 'profile', memberId: only.id });
          return;
        }
        setResult(found);
      },
      {
        onError: (e) => {
          setResult(null);
          showError(e);
        },
      },
    );
  };

  return (
    <section className="screen search" aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <form className="search-form" role="search" onSubmit={(e) => void submit(e)}>
        <label className="field field--grow">
          <span className="field__label">{t('search.label')}</span>
          <input
            ref={input}
            className="input input--large"
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            placeholder={t('search.placeholder')}
            data-testid="search-input"
          />
        </label>
        <button type="submit" className="button button--primary" data-testid="search-submit" disabled={action.busy}>
          {t('search.submit')}
        </button>
      </form>
      <p className="hint" data-testid="search-hint">
        {t('search.hint')}
      </p>

      {result && result.members.length === 0 && (
        <div className="empty" data-testid="no-results">
          <p>{t('search.noResults')}</p>
          <button
            type="button"
            className="button"
            data-testid="no-results-enrol"
            onClick={() => navigate({ name: 'enrol' })}
          >
            {t('search.enrolInstead')}
          </button>
        </div>
      )}
      {result && result.members.length > 0 && (
        <>
          <p className="muted" data-testid="results-count">
            {t('search.resultsCount', { count: result.members.length })} · {t(`search.by.${result.by}`)}
          </p>
          <ul className="results">
            {result.members.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="result-row"
                  data-testid="result-row"
                  data-member-id={m.id}
                  onClick={() => navigate({ name: 'profile', memberId: m.id })}
                >
                  <span className="result-row__name">{m.name}</span>
                  <span className="result-row__phone">{m.phoneDisplay}</span>
                  <span className="result-row__community">{m.community ?? t('app.none')}</span>
                  <span className="result-row__card">{m.activeCard ?? t('search.noCard')}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
