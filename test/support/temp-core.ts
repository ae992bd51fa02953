import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLinli, type LinliCore } from '../../features/app';
import { demoStaff } from '../../features/demo/demo';
import type { ConsentChoices, EnrolInput } from '../../contract';

export function tempDir(prefix = 'linli-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTestCore(dataDir: string, now?: () => Date): LinliCore {
  return openLinli({ dataDir, demo: true, host: 'browser', ...(now ? { now } : {}) });
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
  return { name: '王小明', phone: '13812345678', consents: consents({ marketing_sms: true }), card: { mode: 'generate' }, ...overrides };
}
