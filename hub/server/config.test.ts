import { describe, expect, it } from 'vitest';
import { hubConfigFromEnv } from './config';

const token = 'a-secret-of-enough-length';

describe('hub configuration', () => {
  it('refuses to start without an admin token, saying which variable to set', () => {
    expect(() => hubConfigFromEnv({})).toThrow(/LINLI_HUB_ADMIN_TOKEN/);
  });
  it('defaults to loopback, port 8787 and the embedded database', () => {
    expect(hubConfigFromEnv({ LINLI_HUB_ADMIN_TOKEN: token })).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      storage: { engine: 'pglite' },
    });
  });
  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(hubConfigFromEnv({ LINLI_HUB_ADMIN_TOKEN: token, DATABASE_URL: 'postgres://h/db' }).storage).toEqual({
      engine: 'postgres',
      databaseUrl: 'postgres://h/db',
    });
    expect(
      hubConfigFromEnv({ LINLI_HUB_ADMIN_TOKEN: token, DATABASE_URL: 'postgres://h/db', LINLI_HUB_SCHEMA: 'linli' })
        .storage,
    ).toEqual({ engine: 'postgres', databaseUrl: 'postgres://h/db', schema: 'linli' });
  });
  it('keeps logs and crash reports in the data directory; on PostgreSQL only when one is named', () => {
    expect(hubConfigFromEnv({ LINLI_HUB_ADMIN_TOKEN: token, LINLI_HUB_DATA_DIR: '/srv/hub' }).filesDir).toBe(
      '/srv/hub',
    );
    const pg = { LINLI_HUB_ADMIN_TOKEN: token, DATABASE_URL: 'postgres://h/db' };
    expect(hubConfigFromEnv(pg).filesDir).toBeNull();
    expect(hubConfigFromEnv({ ...pg, LINLI_HUB_DATA_DIR: '/srv/hub' }).filesDir).toBe('/srv/hub');
  });
});
