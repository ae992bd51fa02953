import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  baudRates,
  printerEncodings,
  serialFramings,
  type ApiErrorShape,
  type DeviceConfig,
  type DeviceStatus,
  type DiscoveredDevices,
  type KioskEvents,
} from '../../contract';
import { devicesSubScreens, useApp, useScanReceiver } from '../app-context';
import { CameraScanner } from '../components/CameraScanner';
import { StatusLine } from '../components/DeviceStatusLine';
import { Field } from '../components/kit/Field';
import { fieldErrorsOf, formLevelError } from '../components/kit/field-errors';
import { InlineError } from '../components/kit/InlineError';
import { useRevealInvalid } from '../components/kit/use-reveal-invalid';
import { useAction, type RunOptions } from '../components/use-action';
import { TerminalRolePanel } from '../components/TerminalRolePanel';
import { WedgeSettingsPanel } from '../components/WedgeSettingsPanel';
import { toErrorShape } from '../errors';
import {
  emptyPrinterForm,
  emptyScannerForm,
  hex4,
  printerSettings,
  scannerSettings,
  settingsOf,
  type PrinterForm,
  type ScannerForm,
} from './device-form';

type ScanLogEntry = KioskEvents['scan'] & { at: number };
type DeviceForm = 'printer' | 'scanner';
type DeviceNotice = 'saved' | 'testPrintQueued';

// The fields each form shows; an error naming another field belongs to the form as a whole.
const formFields: Record<DeviceForm, readonly string[]> = {
  printer: ['name', 'connection', 'host', 'port', 'path', 'baudRate', 'usbPath', 'paperWidth', 'encoding'],
  scanner: ['name', 'connection', 'path', 'baudRate', 'framing', 'vendorId', 'productId', 'mode'],
};

/** Manager screen: what is plugged in, what is configured and how it is doing, test print, test scan. */
export function DeviceSetup() {
  const { t } = useTranslation();
  const { api, showError, navigate } = useApp();
  const [devices, setDevices] = useState<DeviceStatus[]>([]);
  const [configs, setConfigs] = useState<DeviceConfig[]>([]);
  const [found, setFound] = useState<DiscoveredDevices | null>(null);
  const [printer, setPrinter] = useState<PrinterForm>(emptyPrinterForm);
  const [scanner, setScanner] = useState<ScannerForm>(emptyScannerForm);
  // The last refused save, by form: its fields are marked, the rest goes beside its Save button.
  const [refused, setRefused] = useState<{ form: DeviceForm; error: ApiErrorShape } | null>(null);
  // A key, not words: the notice follows a language switch.
  const [notice, setNotice] = useState<DeviceNotice | null>(null);
  // Errors of a device row's buttons (test print, drawer, switch off, remove) go under the list.
  const [rowError, setRowError] = useState<ApiErrorShape | null>(null);
  const [scans, setScans] = useState<ScanLogEntry[]>([]);
  const [inject, setInject] = useState({ deviceId: '', text: '' });
  const { busy, run: runAction } = useAction();

  const reload = useCallback(async () => {
    const [d, c] = await Promise.all([api.listDevices(), api.listDeviceConfigs()]);
    // Status events and this reply race on two channels: keep whichever status is newer.
    setDevices((seen) =>
      d.map((fresh) => {
        const live = seen.find((x) => x.id === fresh.id);
        return live && live.since > fresh.since ? live : fresh;
      }),
    );
    setConfigs(c);
  }, [api]);

  const discover = useCallback(() => {
    api.discoverDevices().then(setFound).catch(showError);
  }, [api, showError]);

  useEffect(() => {
    reload().catch(showError);
    discover();
    const offStatus = api.on('deviceStatus', (status) =>
      setDevices((list) =>
        list.some((d) => d.id === status.id) ? list.map((d) => (d.id === status.id ? status : d)) : [...list, status],
      ),
    );
    const offScan = api.on('scan', (event) => setScans((list) => [{ ...event, at: Date.now() }, ...list].slice(0, 8)));
    return () => {
      offStatus();
      offScan();
    };
  }, [api, reload, discover, showError]);

  // A wedge scanner's scan is a test scan here: shown, routed, but it does not leave this screen.
  useScanReceiver((text, source) => {
    // Hardware scans were routed by the core already; only wedge keystrokes need routing here.
    if (!source) api.handleScan({ text, source: 'wedge' }).catch(() => undefined);
  });

  /** One call, then the lists again; the buttons stay disabled until both are done. */
  const run = (action: () => Promise<unknown>, done?: DeviceNotice, options?: RunOptions) =>
    runAction(
      async () => {
        setNotice(null);
        await action();
        setRefused(null);
        setRowError(null);
        if (done) setNotice(done);
        await reload();
      },
      options ?? { onError: (e) => setRowError(toErrorShape(e)) },
    );

  const save = (event: FormEvent, form: DeviceForm) => {
    event.preventDefault();
    const settings = form === 'printer' ? printerSettings(printer) : scannerSettings(scanner);
    return run(
      async () => {
        await api.saveDevice({ settings });
        if (form === 'printer') setPrinter(emptyPrinterForm);
        else setScanner(emptyScannerForm);
      },
      'saved',
      { onError: (e) => setRefused({ form, error: toErrorShape(e) }) },
    );
  };

  const errorsOf = (form: DeviceForm) => (refused?.form === form ? fieldErrorsOf(refused.error) : {});
  const formErrorOf = (form: DeviceForm) =>
    refused?.form === form ? formLevelError(refused.error, formFields[form]) : null;
  const printerForm = useRef<HTMLFormElement>(null);
  const scannerForm = useRef<HTMLFormElement>(null);
  useRevealInvalid(refused?.form === 'printer' ? printerForm : scannerForm, refused);
  const printerErrors = errorsOf('printer');
  const scannerErrors = errorsOf('scanner');
  const receiptPrinterId = devices.find((d) => d.kind === 'printer' && d.enabled)?.id;
  const simulatedScanners = configs.filter(
    (c) => c.kind === 'scanner' && c.connection.type === 'simulator' && c.enabled,
  );
  const injectDevice = inject.deviceId || simulatedScanners[0]?.id || '';

  return (
    <section className="screen devices" aria-labelledby="devices-title">
      <div className="profile__head">
        <h1 id="devices-title">{t('devices.title')}</h1>
        {devicesSubScreens.map((screen) => (
          <button
            key={screen.route}
            type="button"
            className="button button--ghost"
            data-testid={screen.testId}
            onClick={() => navigate({ name: screen.route })}
          >
            {t(screen.label)}
          </button>
        ))}
      </div>
      {notice && (
        <p className="notice" data-testid="devices-notice">
          {t(`devices.${notice}`)}
        </p>
      )}

      <div className="panel">
        <h2>{t('devices.configured')}</h2>
        {devices.length === 0 && <p className="muted">{t('devices.none')}</p>}
        <ul className="rows">
          {devices.map((d) => {
            const config = configs.find((c) => c.id === d.id);
            return (
              <li
                key={d.id}
                className="row"
                data-testid="device-row"
                data-device-name={d.name}
                data-state={d.state}
                data-health={d.health ?? ''}
              >
                <div className="row__main">
                  <span className="row__title">
                    {d.name} <span className="badge">{t(`devices.kind.${d.kind}`)}</span>
                    {d.id === receiptPrinterId && (
                      <span className="badge badge--ok">{t('devices.receiptPrinter')}</span>
                    )}
                  </span>
                  <span className="muted row__detail mono">{d.connection}</span>
                  <StatusLine status={d} />
                  {d.detail && d.state === 'error' && <span className="muted row__detail">{d.detail}</span>}
                </div>
                <div className="row__actions">
                  {d.kind === 'printer' && d.enabled && (
                    <button
                      type="button"
                      className="button"
                      data-testid="device-test-print"
                      disabled={busy}
                      onClick={() => void run(() => api.testPrint({ printerId: d.id }), 'testPrintQueued')}
                    >
                      {t('devices.testPrint')}
                    </button>
                  )}
                  {d.capabilities.drawer && d.enabled && (
                    <button
                      type="button"
                      className="button"
                      data-testid="device-open-drawer"
                      disabled={busy}
                      onClick={() => void run(() => api.openDrawer())}
                    >
                      {t('devices.openDrawer')}
                    </button>
                  )}
                  {config && (
                    <button
                      type="button"
                      className="button"
                      data-testid="device-toggle"
                      disabled={busy}
                      onClick={() =>
                        void run(() =>
                          api.saveDevice({ id: config.id, enabled: !config.enabled, settings: settingsOf(config) }),
                        )
                      }
                    >
                      {config.enabled ? t('devices.disable') : t('devices.enable')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--ghost"
                    data-testid="device-remove"
                    disabled={busy}
                    onClick={() => void run(() => api.removeDevice({ id: d.id }))}
                  >
                    {t('devices.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        <InlineError error={rowError} testId="devices-row-error" />
      </div>

      <div className="profile__grid">
        <form
          ref={printerForm}
          className="panel form"
          onSubmit={(e) => void save(e, 'printer')}
          data-testid="printer-form"
        >
          <h2>{t('devices.addPrinter')}</h2>
          <Field label={t('devices.name')} field="name" error={printerErrors.name}>
            <input
              className="input"
              value={printer.name}
              data-testid="printer-name"
              onChange={(e) => setPrinter({ ...printer, name: e.target.value })}
            />
          </Field>
          <Field label={t('devices.connection')} field="connection" error={printerErrors.connection}>
            <select
              className="input"
              value={printer.connection}
              data-testid="printer-connection"
              onChange={(e) => setPrinter({ ...printer, connection: e.target.value as PrinterForm['connection'] })}
            >
              {(['tcp', 'serial', 'usb-file', 'simulator'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`devices.connectionTypes.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          {printer.connection === 'tcp' && (
            <div className="form__grid">
              <Field label={t('devices.host')} field="host" error={printerErrors.host}>
                <input
                  className="input"
                  value={printer.host}
                  inputMode="url"
                  data-testid="printer-host"
                  onChange={(e) => setPrinter({ ...printer, host: e.target.value })}
                />
              </Field>
              <Field label={t('devices.port')} field="port" error={printerErrors.port}>
                <input
                  className="input"
                  value={printer.port}
                  inputMode="numeric"
                  data-testid="printer-port"
                  onChange={(e) => setPrinter({ ...printer, port: e.target.value })}
                />
              </Field>
            </div>
          )}
          {printer.connection === 'serial' && (
            <div className="form__grid">
              <Field label={t('devices.path')} field="path" error={printerErrors.path}>
                <input
                  className="input"
                  value={printer.path}
                  placeholder={t('devices.pathHint')}
                  data-testid="printer-path"
                  list="serial-ports"
                  onChange={(e) => setPrinter({ ...printer, path: e.target.value })}
                />
              </Field>
              <Field label={t('devices.baudRate')} field="baudRate" error={printerErrors.baudRate}>
                <select
                  className="input"
                  value={printer.baudRate}
                  data-testid="printer-baud"
                  onChange={(e) => setPrinter({ ...printer, baudRate: e.target.value })}
                >
                  {baudRates.map((b) => (
                    <option key={b}>{b}</option>
                  ))}
                </select>
              </Field>
            </div>
          )}
          {printer.connection === 'usb-file' && (
            <Field label={t('devices.usbPath')} field="usbPath" error={printerErrors.usbPath}>
              <input
                className="input"
                value={printer.usbPath}
                data-testid="printer-usb-path"
                onChange={(e) => setPrinter({ ...printer, usbPath: e.target.value })}
              />
            </Field>
          )}
          <div className="form__grid">
            <Field label={t('devices.paperWidth')} field="paperWidth" error={printerErrors.paperWidth}>
              <div className="radio-row">
                {(['58', '80'] as const).map((w) => (
                  <label key={w} className="check">
                    <input
                      type="radio"
                      name="paper"
                      checked={printer.paperWidth === w}
                      data-testid={`printer-paper-${w}`}
                      onChange={() => setPrinter({ ...printer, paperWidth: w })}
                    />
                    {w} mm
                  </label>
                ))}
              </div>
            </Field>
            <Field label={t('devices.encoding')} field="encoding" error={printerErrors.encoding}>
              <select
                className="input"
                value={printer.encoding}
                data-testid="printer-encoding"
                onChange={(e) => setPrinter({ ...printer, encoding: e.target.value as PrinterForm['encoding'] })}
              >
                {printerEncodings.map((enc) => (
                  <option key={enc} value={enc}>
                    {t(`devices.encodings.${enc}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={printer.drawer}
              data-testid="printer-drawer"
              onChange={(e) => setPrinter({ ...printer, drawer: e.target.checked })}
            />
            {t('devices.drawer')}
          </label>
          <InlineError error={formErrorOf('printer')} testId="printer-form-error" />
          <button type="submit" className="button button--primary" data-testid="printer-save" disabled={busy}>
            {t('devices.save')}
          </button>
        </form>

        <form
          ref={scannerForm}
          className="panel form"
          onSubmit={(e) => void save(e, 'scanner')}
          data-testid="scanner-form"
        >
          <h2>{t('devices.addScanner')}</h2>
          <Field label={t('devices.name')} field="name" error={scannerErrors.name}>
            <input
              className="input"
              value={scanner.name}
              data-testid="scanner-name"
              onChange={(e) => setScanner({ ...scanner, name: e.target.value })}
            />
          </Field>
          <Field label={t('devices.connection')} field="connection" error={scannerErrors.connection}>
            <select
              className="input"
              value={scanner.connection}
              data-testid="scanner-connection"
              onChange={(e) => setScanner({ ...scanner, connection: e.target.value as ScannerForm['connection'] })}
            >
              {(['serial', 'hid', 'simulator'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`devices.connectionTypes.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          {scanner.connection === 'serial' && (
            <>
              <Field label={t('devices.path')} field="path" error={scannerErrors.path}>
                <input
                  className="input"
                  value={scanner.path}
                  placeholder={t('devices.pathHint')}
                  data-testid="scanner-path"
                  list="serial-ports"
                  onChange={(e) => setScanner({ ...scanner, path: e.target.value })}
                />
              </Field>
              <div className="form__grid">
                <Field label={t('devices.baudRate')} field="baudRate" error={scannerErrors.baudRate}>
                  <select
                    className="input"
                    value={scanner.baudRate}
                    data-testid="scanner-baud"
                    onChange={(e) => setScanner({ ...scanner, baudRate: e.target.value })}
                  >
                    {baudRates.map((b) => (
                      <option key={b}>{b}</option>
                    ))}
                  </select>
                </Field>
                <Field label={t('devices.framing')} field="framing" error={scannerErrors.framing}>
                  <select
                    className="input"
                    value={scanner.framing}
                    data-testid="scanner-framing"
                    onChange={(e) => setScanner({ ...scanner, framing: e.target.value as ScannerForm['framing'] })}
                  >
                    {serialFramings.map((f) => (
                      <option key={f} value={f}>
                        {f === 'CRLF' ? 'CR LF' : f}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
            </>
          )}
          {scanner.connection === 'hid' && (
            <>
              {found && found.hid.length > 0 && (
                <Field label={t('devices.hidDevice')} field="hidDevice" error={scannerErrors.hidDevice}>
                  <select
                    className="input"
                    data-testid="scanner-hid-device"
                    value=""
                    onChange={(e) => {
                      const d = found.hid[Number(e.target.value)];
                      if (d)
                        setScanner({
                          ...scanner,
                          vendorId: hex4(d.vendorId),
                          productId: hex4(d.productId),
                          mode: d.usagePage === 0x8c ? 'pos' : 'keyboard',
                          name: scanner.name || (d.product ?? ''),
                        });
                    }}
                  >
                    <option value="">—</option>
                    {found.hid.map((d, i) => (
                      <option key={d.path} value={i}>
                        {`${hex4(d.vendorId)}:${hex4(d.productId)} ${d.manufacturer ?? ''} ${d.product ?? ''}`}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <div className="form__grid">
                <Field label={t('devices.vendorId')} field="vendorId" error={scannerErrors.vendorId}>
                  <input
                    className="input"
                    value={scanner.vendorId}
                    data-testid="scanner-vendor"
                    onChange={(e) => setScanner({ ...scanner, vendorId: e.target.value })}
                  />
                </Field>
                <Field label={t('devices.productId')} field="productId" error={scannerErrors.productId}>
                  <input
                    className="input"
                    value={scanner.productId}
                    data-testid="scanner-product"
                    onChange={(e) => setScanner({ ...scanner, productId: e.target.value })}
                  />
                </Field>
              </div>
              <Field label={t('devices.hidMode')} field="mode" error={scannerErrors.mode}>
                <select
                  className="input"
                  value={scanner.mode}
                  data-testid="scanner-mode"
                  onChange={(e) => setScanner({ ...scanner, mode: e.target.value as ScannerForm['mode'] })}
                >
                  <option value="pos">{t('devices.hidModes.pos')}</option>
                  <option value="keyboard">{t('devices.hidModes.keyboard')}</option>
                </select>
              </Field>
            </>
          )}
          <InlineError error={formErrorOf('scanner')} testId="scanner-form-error" />
          <button type="submit" className="button button--primary" data-testid="scanner-save" disabled={busy}>
            {t('devices.save')}
          </button>
        </form>
      </div>

      <WedgeSettingsPanel />

      <TerminalRolePanel />

      <datalist id="serial-ports">
        {found?.serialPorts.map((p) => (
          <option key={p.path} value={p.path} />
        ))}
      </datalist>

      <div className="profile__grid">
        <div className="panel" data-testid="test-scan">
          <h2>{t('devices.testScan')}</h2>
          <p className="muted">{t('devices.testScanHint')}</p>
          {simulatedScanners.length > 0 && (
            <form
              className="search-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!inject.text.trim()) return;
                void api
                  .injectScan({ deviceId: injectDevice, text: inject.text.trim() })
                  .then(() => setInject({ ...inject, text: '' }))
                  .catch(() => setInject({ ...inject, text: '' }));
              }}
            >
              <Field label={t('devices.inject')} field="inject">
                <input
                  className="input"
                  value={inject.text}
                  placeholder={t('devices.injectPlaceholder')}
                  data-testid="inject-text"
                  onChange={(e) => setInject({ deviceId: injectDevice, text: e.target.value })}
                />
              </Field>
              <button type="submit" className="button" data-testid="inject-send">
                {t('devices.send')}
              </button>
            </form>
          )}
          {scans.length === 0 && <p className="muted">{t('devices.noScans')}</p>}
          <ul className="rows" data-testid="scan-log">
            {scans.map((s, i) => (
              <li
                key={`${s.at}-${i}`}
                className="row"
                data-testid="scan-entry"
                data-source={s.input.source}
                data-ok={String(!s.error)}
              >
                <div className="row__main">
                  <span className="row__title mono">{s.input.text}</span>
                  {/* A scan without a source is a wedge scan: the contract's scanInput default. */}
                  <span className="badge">{t(`devices.sources.${s.input.source ?? 'wedge'}`)}</span>
                  {s.input.symbology && <span className="badge">{s.input.symbology}</span>}
                  <span className={s.error ? 'badge badge--bad' : 'badge badge--ok'}>
                    {s.error
                      ? t(`errors.${s.error.code}`)
                      : `${t('devices.scanRecognised')}${s.outcome?.kind === 'member' ? ` · ${s.outcome.member.name}` : ''}`}
                  </span>
                </div>
              </li>
            ))}
          </ul>
          <h2>{t('devices.camera')}</h2>
          <CameraScanner
            onCode={(text, format) =>
              void api
                .handleScan({ text, source: 'camera', ...(format ? { symbology: format } : {}) })
                .catch(() => undefined)
            }
          />
        </div>

        <div className="panel" data-testid="discovered">
          <div className="panel__head">
            <h2>{t('devices.discovered')}</h2>
            <button type="button" className="button" data-testid="discover-refresh" onClick={discover}>
              {t('devices.refresh')}
            </button>
          </div>
          <h3>{t('devices.serialPorts')}</h3>
          {found && found.serialPorts.length === 0 && <p className="muted">{t('devices.noSerial')}</p>}
          <ul className="rows">
            {found?.serialPorts.map((p) => (
              <li key={p.path} className="row" data-testid="serial-port">
                <div className="row__main">
                  <span className="row__title mono">{p.path}</span>
                  <span className="muted row__detail">
                    {[p.manufacturer, p.vendorId && `${p.vendorId}:${p.productId}`].filter(Boolean).join(' · ')}
                  </span>
                </div>
                <button
                  type="button"
                  className="button"
                  onClick={() => setScanner({ ...scanner, connection: 'serial', path: p.path })}
                >
                  {t('devices.use')}
                </button>
              </li>
            ))}
          </ul>
          <h3>{t('devices.hidDevices')}</h3>
          {found?.hidProblem && (
            <p className="notice" data-testid="hid-problem">
              {t('devices.hidProblem', { detail: found.hidProblem })}
            </p>
          )}
          {found && !found.hidProblem && found.hid.length === 0 && <p className="muted">{t('devices.noHid')}</p>}
          <ul className="rows">
            {found?.hid.map((d) => (
              <li key={d.path} className="row" data-testid="hid-device">
                <div className="row__main">
                  <span className="row__title">{`${d.manufacturer ?? ''} ${d.product ?? ''}`.trim() || d.path}</span>
                  <span className="muted row__detail mono">
                    {hex4(d.vendorId)}:{hex4(d.productId)} {d.usagePage === 0x8c ? 'HID POS' : ''}
                  </span>
                </div>
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    setScanner({
                      ...scanner,
                      connection: 'hid',
                      vendorId: hex4(d.vendorId),
                      productId: hex4(d.productId),
                      mode: d.usagePage === 0x8c ? 'pos' : 'keyboard',
                    })
                  }
                >
                  {t('devices.use')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
