// `npm run hub`: the brand's hub. Reads its configuration from the environment, takes the data
// directory's lock when it runs embedded (PGlite is one process only), migrates, and serves.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../../host-support/data-dir-lock';
import { openHubStorage } from '../features';
import { hubConfigFromEnv, HubConfigError } from './config';
import { createHubServer } from './server';

async function main(): Promise<void> {
  const config = hubConfigFromEnv(process.env);
  let lock: DataDirLock | null = null;
  if (config.storage.engine === 'pglite') lock = acquireDataDirLock(config.storage.dataDir);
  const storage = await openHubStorage(
    config.storage.engine === 'postgres'
      ? config.storage
      : { engine: 'pglite', dataDir: join(config.storage.dataDir, 'pgdata') },
  );
  const server = createHubServer({ storage, adminToken: config.adminToken });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const where =
    config.storage.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.storage.dataDir}`;
  console.log(`Linli hub listening on http://${config.host}:${port} with ${where}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await storage.close().catch(() => {});
    lock?.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('exit', () => lock?.release());
}

main().catch((error: unknown) => {
  if (error instanceof HubConfigError) console.error(`Linli hub: ${error.message}`);
  else if (error instanceof DataDirLockedError)
    console.error(
      `Linli hub: another hub is running with the data directory ${error.dataDir}${error.pid ? ` (process ${error.pid})` : ''}. Stop it first, or set LINLI_HUB_DATA_DIR to another directory.`,
    );
  else console.error('Linli hub could not start:', error);
  process.exit(1);
});
