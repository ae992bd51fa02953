import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSummary } from '../../contract';
import { useApp } from '../app-context';

/** Traffic light for the receipt printer, always in the header; a tap opens the print queue. */
export function printerLight(summary: PrinterSummary | null): 'ok' | 'warn' | 'bad' | 'none' {
  if (!summary || !summary.configured) return 'none';
  if (summary.state === 'error') return 'bad';
  if (summary.health === 'paperNearEnd' || summary.state !== 'idle' || summary.queued > 0) return 'warn';
  return 'ok';
}

export function PrinterStatusBadge() {
  const { t } = useTranslation();
  const { api, navigate } = useApp();
  const [summary, setSummary] = useState<PrinterSummary | null>(null);

  useEffect(() => {
    let live = true;
    api
      .getPrinterSummary()
      .then((s) => live && setSummary(s))
      .catch(() => undefined);
    const off = api.on('printerStatus', (s) => setSummary(s));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const light = printerLight(summary);
  const status = !summary?.configured
    ? t('printerStatus.none')
    : t('printerStatus.label', {
        status: summary.problem
          ? t(`devices.problem.${summary.problem}`)
          : t(`devices.health.${summary.health ?? 'unknown'}`),
      });
  const waiting = summary && summary.queued > 0 ? t('printerStatus.waiting', { count: summary.queued }) : null;
  return (
    <button
      type="button"
      className={`printer-badge printer-badge--${light}`}
      data-testid="printer-status"
      data-light={light}
      title={waiting ? `${status} · ${waiting}` : status}
      onClick={() => navigate({ name: 'printQueue' })}
    >
      <span className="printer-badge__dot" aria-hidden="true" />
      <span className="printer-badge__text">{status}</span>
      {waiting && <span className="printer-badge__queued">{waiting}</span>}
    </button>
  );
}
