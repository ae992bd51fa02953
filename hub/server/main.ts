// `npm run hub`: the brand's hub. Reads its configuration from the environment, takes the data
// directory's lock when it runs embedded (PGlite is one process only), migrates, and serves.
//
// A refusal to start (configuration, the lock) is plain text on stderr for the operator. From then
// on the hub logs through the shared logger: JSON lines on stdout and, with a data directory, in
// <dataDir>/logs/hub.<day>.<n>.log; crash reports in <dataDir>/crash-reports/. The `listening on`
// line stays plain text: supervisors and tests read it.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { logBaseNames, logsDirName } from '../../contract';
import { crashReportsDirFor, keepCrashReports } from '../../host-support/crash-reports';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../../host-support/data-dir-lock';
import { createHostLogger, logLevelFromEnv, type HostLogger } from '../../host-support/logger';
import { openHubStorage } from '../features';
import { hubConfigFromEnv, HubConfigError } from './config';
import { createHubServer } from './server';

let logger: HostLogger | null = null;

async function main(): Promise<void> {
  const env = process.env;
  const config = hubConfigFromEnv(env);
  let level;
  try {
    level = logLevelFromEnv(env);
  } catch (error) {
    throw new HubConfigError((error as Error).message);
  }
  let lock: DataDirLock | null = null;
  if (config.storage.engine === 'pglite') lock = acquireDataDirLock(config.storage.dataDir);
  process.on('exit', () => lock?.release());

  const logsDir = env.LINLI_LOG_DIR?.trim() || (config.filesDir ? join(config.filesDir, logsDirName) : null);
  logger = await createHostLogger({ logsDir, baseName: logBaseNames.hub, level });
  const log = logger.log;
  if (config.filesDir) keepCrashReports({ dir: crashReportsDirFor(config.filesDir), log, flush: logger.flush });

  const storage = await openHubStorage(
    config.storage.engine === 'postgres'
      ? config.storage
      : { engine: 'pglite', dataDir: join(config.storage.dataDir, 'pgdata') },
  );
  const server = createHubServer({
    storage,
    adminToken: config.adminToken,
    onError: (error) => log.error({ err: error }, 'request failed'),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const where =
    config.storage.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.storage.dataDir}`;
  log.info({ host: config.host, port, engine: config.storage.engine, logsDir }, 'hub started');
  console.log(`Linli hub listening on http://${config.host}:${port} with ${where}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await storage.close().catch((error: unknown) => log.warn({ err: error }, 'closing the storage failed'));
    lock?.release();
    log.info('hub stopped');
    await logger?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof HubConfigError) console.error(`Linli hub: ${error.message}`);
  else if (error instanceof DataDirLockedError)
    console.error(
      `Linli hub: another hub is running with the data directory ${error.dataDir}${error.pid ? ` (process ${error.pid})` : ''}. Stop it first, or set LINLI_HUB_DATA_DIR to another directory.`,
    );
  else if (logger) logger.log.fatal({ err: error }, 'the hub could not start');
  else console.error('Linli hub could not start:', error);
  logger?.flush();
  process.exit(1);
});
