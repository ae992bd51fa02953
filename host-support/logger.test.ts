import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLogFile, parseLogFileName } from '../contract/log-files';
import { tempDir } from '../test/support/temp-core';
import { createHostLogger, lineLogger, logLevelFromEnv, logsDirFor, scrubSecrets } from './logger';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const scratch = () => {
  const t = tempDir('linli-logger-');
  cleanups.push(t.remove);
  return t.dir;
};

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const logFiles = (dir: string) => readdirSync(dir).filter((name) => isLogFile(name, 'linli'));

describe('the host logger', () => {
  it('writes pino JSON lines into <dataDir>/logs/linli.<day>.<n>.log, making the folder', async () => {
    const dataDir = scratch();
    const logsDir = logsDirFor(dataDir, {});
    const logger = await createHostLogger({ logsDir, baseName: 'linli', stdout: false });
    logger.log.info({ port: 5174 }, 'browser host started');
    logger.log.error({ err: new Error('printer on fire') }, 'print queue failed');
    logger.log.debug('not at the default level');
    await logger.close();

    const [name, ...others] = logFiles(logsDir);
    expect(others).toEqual([]);
    expect(parseLogFileName(name!)).toMatchObject({ base: 'linli', number: 1 });
    const [started, failed, ...rest] = lines(join(logsDir, name!));
    expect(rest).toEqual([]);
    expect(started).toMatchObject({ level: 30, msg: 'browser host started', port: 5174 });
    expect(typeof started!.time).toBe('number');
    expect(Math.abs((started!.time as number) - Date.now())).toBeLessThan(60 * 60_000);
    expect(failed).toMatchObject({ level: 50, msg: 'print queue failed', err: { message: 'printer on fire' } });
  });

  it('never writes a token, PIN, password or authorization, in fields or in text', async () => {
    const logsDir = join(scratch(), 'logs');
    const logger = await createHostLogger({ logsDir, baseName: 'linli', stdout: false });
    const secret = 'tok_4f9a2c7e1b3d5f60';
    logger.log.info(
      { token: secret, staff: { pin: '1234' }, req: { headers: { authorization: `Bearer ${secret}` } } },
      'x',
    );
    logger.log.warn(`opened http://127.0.0.1:5174/?token=${secret} with Bearer ${secret}`);
    logger.log.error({ err: new Error(`hub refused Bearer ${secret}`) }, 'sync failed');
    await logger.close();

    const file = join(logsDir, logFiles(logsDir)[0]!);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('1234');
    const [fields, message] = lines(file);
    expect(fields).toMatchObject({ token: '[Redacted]', staff: { pin: '[Redacted]' } });
    expect(message!.msg).toBe('opened http://127.0.0.1:5174/?token=[Redacted] with Bearer [Redacted]');
  });

  it('starts a new file at the size limit, and keeps only the newest `keep` files', async () => {
    const logsDir = join(scratch(), 'logs');
    const rotation = { sizeBytes: 2048, keep: 3 };
    const logger = await createHostLogger({ logsDir, baseName: 'linli', stdout: false, rotation });
    const filler = 'x'.repeat(200);
    // Rotation happens between writes (pino-roll waits for the stream to drain): yield now and then.
    for (let i = 0; i < 200; i++) {
      logger.log.info({ i, filler }, 'filling the log');
      if (i % 5 === 4) await new Promise((r) => setImmediate(r));
    }
    await logger.close();

    const names = logFiles(logsDir);
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThanOrEqual(rotation.keep);
    // The newest survive: the last line written is in one of the files that stayed.
    const all = names.flatMap((name) => lines(join(logsDir, name)));
    expect(all.some((line) => line.i === 199)).toBe(true);
    expect(all.some((line) => line.i === 0)).toBe(false);
  });

  it('a restart goes on in the same day’s file and applies the limit to files of earlier runs too', async () => {
    const logsDir = join(scratch(), 'logs');
    const first = await createHostLogger({ logsDir, baseName: 'linli', stdout: false });
    first.log.info('first run');
    await first.close();
    const second = await createHostLogger({ logsDir, baseName: 'linli', stdout: false, rotation: { keep: 1 } });
    second.log.info('second run');
    await second.close();
    const names = logFiles(logsDir);
    expect(names).toHaveLength(1);
    expect(lines(join(logsDir, names[0]!)).map((l) => l.msg)).toEqual(['first run', 'second run']);
  });

  it('reads the level from LINLI_LOG_LEVEL and refuses a typo with the choices', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LINLI_LOG_LEVEL: 'Debug' })).toBe('debug');
    expect(() => logLevelFromEnv({ LINLI_LOG_LEVEL: 'verbose' })).toThrow(/LINLI_LOG_LEVEL must be one of .*debug/);
    expect(logsDirFor('/data', { LINLI_LOG_DIR: '/var/log/linli' })).toBe('/var/log/linli');
  });

  it('scrubs secrets in text without breaking the JSON line', () => {
    const line = JSON.stringify({ msg: 'GET /?token=abc.DEF-123&x=1 Authorization: bearer abc/def=' });
    const scrubbed = scrubSecrets(line);
    expect(JSON.parse(scrubbed)).toEqual({ msg: 'GET /?token=[Redacted]&x=1 Authorization: bearer [Redacted]' });
  });

  it('logs the lines of text as warnings when they say something failed', async () => {
    const logsDir = join(scratch(), 'logs');
    const logger = await createHostLogger({ logsDir, baseName: 'linli', stdout: false });
    const backup = lineLogger(logger.log, 'backup');
    backup('backup written: linli-ST01-20261202T030405006Z-s12.sqlite (1 old one(s) rotated out)');
    backup('backup failed: ENOSPC');
    backup('WARNING: low disk space in /media/usb (low)');
    await logger.close();
    const written = lines(join(logsDir, logFiles(logsDir)[0]!)).map((l) => [l.level, l.component]);
    expect(written).toEqual([
      [30, 'backup'],
      [40, 'backup'],
      [40, 'backup'],
    ]);
  });
});
