import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostics, DiagnosticsExport, DiagnosticsTarget } from '../../contract';
import { useApp } from '../app-context';
import { StatusLine } from '../components/DeviceStatusLine';
import { InlineError } from '../components/kit/InlineError';
import { useAction } from '../components/use-action';
import { translateError } from '../errors';
import { formatDateTime } from '../format';
import { browserVersion, formatBytes, usedFraction } from './diagnostics-view';
import '../styles/diagnostics.css';

/**
 * Managers: the terminal's health at a glance, for the phone call with support (disk, devices,
 * sync, versions, the last logged errors), and one zip of it with the logs to a folder or a USB drive.
 */
export function DiagnosticsScreen() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const lng = i18n.language;
  const [diag, setDiag] = useState<Diagnostics | null>(null);
  const [targets, setTargets] = useState<DiagnosticsTarget[]>([]);
  const [targetId, setTargetId] = useState('exports');
  const [written, setWritten] = useState<DiagnosticsExport | null>(null);
  const load = useAction();
  // `load` is a new object every render; its `run` is stable. Depending on `load` itself reloaded
  // the screen after every load, for ever.
  const loadRun = load.run;
  const exporting = useAction({ inline: true });

  const listTargets = useCallback(
    () =>
      api.diagnosticsTargets().then((list) => {
        setTargets(list);
        // A drive chosen before and pulled out since: back to the exports folder.
        setTargetId((id) => (list.some((x) => x.id === id) ? id : 'exports'));
      }),
    [api],
  );
  const refresh = useCallback(
    () =>
      loadRun(async () => {
        const [d] = await Promise.all([api.diagnostics(), listTargets()]);
        setDiag(d);
      }),
    [api, loadRun, listTargets],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const runExport = () =>
    void exporting.run(async () => {
      setWritten(null);
      setWritten(await api.exportDiagnostics({ targetId }));
      // The export read everything again: show what went into the zip.
      setDiag(await api.diagnostics());
    });

  const drives = targets.filter((x) => x.kind === 'removable');
  const browser = diag?.versions.host === 'browser' ? browserVersion(navigator.userAgent) : null;

  return (
    <section className="screen diagnostics" aria-labelledby="diagnostics-title">
      <div className="diagnostics__head">
        <h1 id="diagnostics-title">{t('diagnostics.title')}</h1>
        <button
          type="button"
          className="button button--ghost"
          data-testid="diagnostics-refresh"
          disabled={load.busy}
          onClick={() => void refresh()}
        >
          {t('diagnostics.refresh')}
        </button>
      </div>
      <p className="lead muted">{t('diagnostics.lead')}</p>
      {!diag && <p className="muted">{t('diagnostics.loading')}</p>}

      {diag && (
        <div className="diagnostics__grid">
          <div className="panel diagnostics__panel" data-testid="diagnostics-disk">
            <h2>{t('diagnostics.disk.title')}</h2>
            <div
              className={`diagnostics__bar diagnostics__bar--${diag.disk.state}`}
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(usedFraction(diag.disk) * 100)}
              aria-label={t('diagnostics.disk.title')}
              data-testid="diagnostics-disk-bar"
              data-state={diag.disk.state}
            >
              <span style={{ width: `${usedFraction(diag.disk) * 100}%` }} />
            </div>
            <p className="diagnostics__fact">
              {t('diagnostics.disk.usage', {
                free: formatBytes(diag.disk.freeBytes, lng),
                total: formatBytes(diag.disk.totalBytes, lng),
              })}
            </p>
            <p className={`diagnostics__state diagnostics__state--${diag.disk.state}`}>
              {t(`diagnostics.disk.state.${diag.disk.state}`)}
            </p>
            <h3>{t('diagnostics.backups.title')}</h3>
            <dl className="diagnostics__facts">
              <dt>{t('diagnostics.backups.last')}</dt>
              <dd data-testid="diagnostics-last-backup">
                {diag.backups.last
                  ? `${formatDateTime(diag.backups.last.at, lng)} · ${formatBytes(diag.backups.last.sizeBytes, lng)}`
                  : t('diagnostics.backups.none')}
              </dd>
              <dt>{t('diagnostics.backups.folder')}</dt>
              <dd className="diagnostics__path">{diag.backups.folder}</dd>
            </dl>
          </div>

          <div className="panel diagnostics__panel" data-testid="diagnostics-devices">
            <h2>{t('diagnostics.devices.title')}</h2>
            {diag.devices.length === 0 && <p className="muted">{t('diagnostics.devices.none')}</p>}
            <ul className="diagnostics__list">
              {diag.devices.map((d) => (
                <li key={d.id} data-testid="diagnostics-device">
                  <span className="diagnostics__device-name">{d.name}</span>
                  <StatusLine status={d} />
                </li>
              ))}
            </ul>
          </div>

          <div className="panel diagnostics__panel" data-testid="diagnostics-sync">
            <h2>{t('diagnostics.sync.title')}</h2>
            {!diag.sync.registered && <p className="muted">{t('diagnostics.sync.notRegistered')}</p>}
            <dl className="diagnostics__facts">
              {diag.sync.registered && (
                <>
                  <dt>{t('diagnostics.sync.connection')}</dt>
                  <dd>
                    {diag.sync.online === null
                      ? t('sync.status.unknown')
                      : diag.sync.online
                        ? t('syncStatus.online')
                        : t('syncStatus.offline')}
                  </dd>
                </>
              )}
              <dt>{t('diagnostics.sync.waiting')}</dt>
              <dd data-testid="diagnostics-sync-waiting">{diag.sync.waiting}</dd>
              <dt>{t('diagnostics.sync.parked')}</dt>
              <dd>{diag.sync.parked}</dd>
              <dt>{t('diagnostics.sync.lastSync')}</dt>
              <dd>{diag.sync.lastSyncAt ? formatDateTime(diag.sync.lastSyncAt, lng) : t('syncStatus.never')}</dd>
              {diag.sync.lastError && (
                <>
                  <dt>{t('diagnostics.sync.lastError')}</dt>
                  <dd className="diagnostics__bad">{translateError(t, { code: diag.sync.lastError })}</dd>
                </>
              )}
            </dl>
          </div>

          <div className="panel diagnostics__panel" data-testid="diagnostics-versions">
            <h2>{t('diagnostics.versions.title')}</h2>
            <table className="diagnostics__table">
              <tbody>
                <tr>
                  <th scope="row">{t('diagnostics.versions.app')}</th>
                  <td data-testid="diagnostics-version-app">{diag.versions.app}</td>
                </tr>
                <tr>
                  <th scope="row">{t('diagnostics.versions.schema')}</th>
                  <td>{diag.versions.schema}</td>
                </tr>
                <tr>
                  <th scope="row">{t('diagnostics.versions.node')}</th>
                  <td>{diag.versions.node}</td>
                </tr>
                {diag.versions.electron && (
                  <tr>
                    <th scope="row">{t('diagnostics.versions.electron')}</th>
                    <td>{diag.versions.electron}</td>
                  </tr>
                )}
                {diag.versions.chrome && (
                  <tr>
                    <th scope="row">{t('diagnostics.versions.chrome')}</th>
                    <td>{diag.versions.chrome}</td>
                  </tr>
                )}
                {browser && (
                  <tr>
                    <th scope="row">{t('diagnostics.versions.browser')}</th>
                    <td>{browser}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{t('diagnostics.versions.host')}</th>
                  <td>
                    {diag.versions.host === 'electron'
                      ? t('diagnostics.versions.hostElectron')
                      : t('diagnostics.versions.hostBrowser')}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('diagnostics.versions.terminal')}</th>
                  <td className="diagnostics__path">{diag.terminal.terminalId}</td>
                </tr>
                <tr>
                  <th scope="row">{t('diagnostics.versions.store')}</th>
                  <td>{[diag.terminal.storeName, diag.terminal.storeId].filter(Boolean).join(' · ') || '—'}</td>
                </tr>
              </tbody>
            </table>
          </div>

          <div className="panel diagnostics__panel diagnostics__panel--wide" data-testid="diagnostics-errors">
            <h2>{t('diagnostics.errors.title')}</h2>
            <p className="muted" data-testid="diagnostics-crash-reports">
              {t('diagnostics.errors.crashReports', { count: diag.crashReports.count })}
              {diag.crashReports.newestAt &&
                ` · ${t('diagnostics.errors.crashNewest', { time: formatDateTime(diag.crashReports.newestAt, lng) })}`}
            </p>
            {diag.lastErrors.length === 0 ? (
              <p className="muted">{t('diagnostics.errors.none')}</p>
            ) : (
              <div className="diagnostics__scroll">
                <table className="diagnostics__table diagnostics__table--lines">
                  <thead>
                    <tr>
                      <th scope="col">{t('diagnostics.errors.time')}</th>
                      <th scope="col">{t('diagnostics.errors.level')}</th>
                      <th scope="col">{t('diagnostics.errors.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {diag.lastErrors.map((e, i) => (
                      <tr key={`${e.time}-${i}`} data-testid="diagnostics-error" data-level={e.level}>
                        <td className="diagnostics__time">{formatDateTime(e.time, lng)}</td>
                        <td>
                          <span className={`diagnostics__level diagnostics__level--${e.level}`}>
                            {t(`diagnostics.errors.levels.${e.level}`)}
                          </span>
                        </td>
                        <td className="diagnostics__message">{e.msg}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>

          <div className="panel diagnostics__panel diagnostics__panel--wide" data-testid="diagnostics-export">
            <h2>{t('diagnostics.export.title')}</h2>
            <p className="muted">{t('diagnostics.export.lead')}</p>
            <div className="radio-row">
              {targets.map((target) => (
                <label key={target.id} className="check">
                  <input
                    type="radio"
                    name="diagnostics-target"
                    checked={targetId === target.id}
                    data-testid={target.kind === 'exports' ? 'diagnostics-target-exports' : 'diagnostics-target-drive'}
                    onChange={() => {
                      setTargetId(target.id);
                      exporting.resetError();
                    }}
                  />
                  {target.kind === 'exports'
                    ? t('diagnostics.export.exportsFolder')
                    : t('diagnostics.export.drive', { label: target.label })}
                </label>
              ))}
            </div>
            {drives.length === 0 && <p className="muted">{t('diagnostics.export.noDrives')}</p>}
            <div className="diagnostics__actions">
              <button
                type="button"
                className="button button--primary"
                data-testid="diagnostics-export-start"
                disabled={exporting.busy}
                onClick={runExport}
              >
                {t('diagnostics.export.start')}
              </button>
              <button
                type="button"
                className="button button--ghost"
                data-testid="diagnostics-find-drives"
                disabled={exporting.busy}
                onClick={() => void loadRun(listTargets)}
              >
                {t('diagnostics.export.findDrives')}
              </button>
            </div>
            {exporting.busy && (
              <p className="muted" role="status" data-testid="diagnostics-export-writing">
                {t('diagnostics.export.writing')}
              </p>
            )}
            <InlineError error={exporting.error} testId="diagnostics-export-error" />
            {written && !exporting.busy && (
              <p className="notice" role="status" data-testid="diagnostics-export-result" data-path={written.path}>
                {t('diagnostics.export.done', { path: written.path, size: formatBytes(written.sizeBytes, lng) })}
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
