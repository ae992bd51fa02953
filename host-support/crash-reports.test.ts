import { describe, expect, it } from 'vitest';
import { secretEnvNames } from './crash-reports';

describe('crash reports', () => {
  it('a dying process forgets the environment variables that hold secrets, and only those', () => {
    const env = {
      LINLI_HUB_ADMIN_TOKEN: 'x',
      DATABASE_URL: 'postgres://hub:pw@db/hub',
      LINLI_SMS_WEBHOOK: 'https://sms.example/send?key=1',
      AWS_SECRET_ACCESS_KEY: 'x',
      LINLI_DATA_DIR: '/data',
      PATH: '/usr/bin',
      LINLI_LOG_LEVEL: 'info',
    };
    expect(secretEnvNames(env).sort()).toEqual([
      'AWS_SECRET_ACCESS_KEY',
      'DATABASE_URL',
      'LINLI_HUB_ADMIN_TOKEN',
      'LINLI_SMS_WEBHOOK',
    ]);
  });
});
