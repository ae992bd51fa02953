import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authenticate,
  createRegistrationCode,
  createStore,
  HubError,
  listTerminals,
  registerTerminal,
  revokeTerminal,
} from '../../hub/features';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { storeCode } from './fixtures';

const refusal = (code: string, status: number) => expect.objectContaining({ code, status });

describe.each(await testEngines())('terminal registration on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
  });
  afterAll(() => dispose());

  it('registers a terminal once with a code; the same code again is refused', async () => {
    const code = storeCode();
    await createStore(storage, { code, name: '翠湖店' });
    const reg = await createRegistrationCode(storage, { storeCode: code, validMinutes: 60 });
    const t = await registerTerminal(storage, { code: reg.code.toLowerCase(), terminalName: '收银 1' });
    expect(t).toMatchObject({ storeCode: code, storeName: '翠湖店' });
    expect(await authenticate(storage, t.credential)).toEqual({
      terminalId: t.terminalId,
      storeId: t.storeId,
      storeCode: code,
    });
    await expect(registerTerminal(storage, { code: reg.code, terminalName: '收银 2' })).rejects.toEqual(
      refusal('CODE_USED', 409),
    );
    expect(await listTerminals(storage, { storeCode: code })).toHaveLength(1);
  });

  it('refuses an expired code and an unknown one, registering nothing', async () => {
    const code = storeCode();
    await createStore(storage, { code, name: '湖畔店' });
    const made = new Date('2026-01-01T00:00:00Z');
    const reg = await createRegistrationCode(storage, { storeCode: code, validMinutes: 10 }, made);
    const later = new Date(made.getTime() + 11 * 60_000);
    await expect(registerTerminal(storage, { code: reg.code, terminalName: 'x' }, later)).rejects.toEqual(
      refusal('CODE_EXPIRED', 410),
    );
    await expect(registerTerminal(storage, { code: 'AAAA-BBBB-CCCC', terminalName: 'x' })).rejects.toEqual(
      refusal('CODE_UNKNOWN', 404),
    );
    expect(await listTerminals(storage, { storeCode: code })).toEqual([]);
  });

  it('refuses a revoked terminal from its next request on', async () => {
    const code = storeCode();
    await createStore(storage, { code, name: '东门店' });
    const reg = await createRegistrationCode(storage, { storeCode: code, validMinutes: 60 });
    const t = await registerTerminal(storage, { code: reg.code, terminalName: '收银 1' });
    const revoked = await revokeTerminal(storage, t.terminalId);
    expect(revoked.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await authenticate(storage, t.credential)).toBeNull();
    expect(await authenticate(storage, 'lt_not-a-credential')).toBeNull();
  });

  it('refuses a second store with the same code and a code for a store that does not exist', async () => {
    const code = storeCode();
    await createStore(storage, { code, name: 'A' });
    await expect(createStore(storage, { code, name: 'B' })).rejects.toEqual(refusal('ALREADY_EXISTS', 409));
    await expect(createRegistrationCode(storage, { storeCode: 'NOPE99', validMinutes: 5 })).rejects.toBeInstanceOf(
      HubError,
    );
  });
});
