import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFileName, openLinli, type LinliCore } from '../../features/app';
import { openDatabase } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import type { DeviceTiming } from '../../features/devices/device-service';
import { demoStaff } from '../../features/demo/demo';
import type { ConsentChoices, EnrolInput } from '../../contract';

export function tempDir(prefix = 'linli-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Device timing for tests that drive real printers and scanners: fast retries and polls. */
export const fastDevices: DeviceTiming = { retryMs: 50, pollMs: 100, reconnectMs: 100, watchMs: 100 };

export function openTestCore(
  dataDir: string,
  now?: () => Date,
  options: { deviceTiming?: DeviceTiming } = {},
): LinliCore {
  return openLinli({ dataDir, demo: true, host: 'browser', ...(now ? { now } : {}), ...options });
}

export async function loginAs(core: LinliCore, role: 'cashier' | 'manager' = 'cashier') {
  const staff = (await core.methods.listStaff()).find((s) => s.role === role)!;
  const pin = demoStaff.find((s) => s.role === role)!.pin;
  return core.methods.login({ staffId: staff.id, pin });
}

export const consents = (overrides: Partial<ConsentChoices> = {}): ConsentChoices => ({
  marketing_sms: false,
  marketing_wechat: false,
  marketing_email: false,
  data_processing: true,
  ...overrides,
});

export function enrolment(overrides: Partial<EnrolInput> = {}): EnrolInput {
  return {
    name: '王小明',
    phone: '13812345678',
    consents: consents({ marketing_sms: true }),
    card: { mode: 'generate' },
    ...overrides,
  };
}

/** The brand's e-receipt and feedback address, as the hub will set it: receipts then carry its QR code. */
export const brandFeedbackUrl = 'https://crm.brand.test/r/';

/** Sets up a data directory (demo store) whose receipts carry the feedback QR, before a host opens it. */
export async function prepareStoreWithFeedbackUrl(dataDir: string): Promise<void> {
  await openTestCore(dataDir).close();
  const db = openDatabase(join(dataDir, databaseFileName));
  createRepositories(db).settings.set('receipt.feedback_url', brandFeedbackUrl);
  db.close();
}
