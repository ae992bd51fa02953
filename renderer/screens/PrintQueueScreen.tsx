import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobInfo } from '../../contract';
import { useApp } from '../app-context';
import { formatDateTime } from '../format';

const statusBadge: Record<PrintJobInfo['status'], string> = {
  queued: 'badge badge--warn',
  printing: 'badge badge--warn',
  done: 'badge badge--ok',
  failed: 'badge badge--bad',
};

/** Every printout, newest first, live: staff see what waits for the printer and can print any again. */
export function PrintQueueScreen() {
  const { t, i18n } = useTranslation();
  const { api, showError, clearError } = useApp();
  const [jobs, setJobs] = useState<PrintJobInfo[]>([]);
  const [preview, setPreview] = useState<{ job: PrintJobInfo; lines: string[] } | null>(null);

  const load = useCallback(() => {
    api.listPrintJobs({ limit: 50 }).then(setJobs).catch(showError);
  }, [api, showError]);

  useEffect(() => {
    load();
    return api.on('printJob', (job) =>
      setJobs((list) =>
        list.some((j) => j.id === job.id) ? list.map((j) => (j.id === job.id ? job : j)) : [job, ...list].slice(0, 50),
      ),
    );
  }, [api, load]);

  const reprint = async (id: string) => {
    try {
      await api.reprintJob({ jobId: id });
      clearError();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section className="screen print-queue" aria-labelledby="queue-title">
      <h1 id="queue-title">{t('printQueue.title')}</h1>
      {jobs.length === 0 && <p className="muted">{t('printQueue.empty')}</p>}
      <div className={preview ? 'profile__grid' : ''}>
        <div className="panel">
          <ul className="rows">
            {jobs.map((job) => (
              <li key={job.id} className="row" data-testid="print-job" data-status={job.status} data-kind={job.kind}>
                <div className="row__main">
                  <span className="row__title">
                    {job.title} {job.reprintOf && <span className="badge">{t('printQueue.copy')}</span>}
                  </span>
                  <span className="muted row__detail">
                    {t(`printQueue.kinds.${job.kind}`)} ·{' '}
                    {formatDateTime(job.printedAt ?? job.createdAt, i18n.language)}
                    {job.attempts > 1 && ` · ${t('printQueue.attempts', { count: job.attempts })}`}
                  </span>
                  <span className={statusBadge[job.status]} data-testid="print-job-status">
                    {t(`printQueue.status.${job.status}`)}
                  </span>
                  {job.status !== 'done' && job.lastError && <span className="muted row__detail">{job.lastError}</span>}
                </div>
                <div className="row__actions">
                  <button
                    type="button"
                    className="button"
                    data-testid="print-job-preview"
                    onClick={() => void api.getPrintJobPreview({ jobId: job.id }).then(setPreview).catch(showError)}
                  >
                    {t('printQueue.preview')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    data-testid="print-job-reprint"
                    onClick={() => void reprint(job.id)}
                  >
                    {t('printQueue.reprint')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
        {preview && (
          <div className="panel">
            <div className="panel__head">
              <h2>{preview.job.title}</h2>
              <button type="button" className="button button--ghost" onClick={() => setPreview(null)}>
                {t('printQueue.closePreview')}
              </button>
            </div>
            <pre className="receipt-preview" data-testid="receipt-preview">
              {preview.lines.join('\n')}
            </pre>
          </div>
        )}
      </div>
    </section>
  );
}
