// Picks the engine from what the operator configured: PostgreSQL when a URL is given, else PGlite
// in the data directory. Either way the schema is migrated before anything else touches it.
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { HubStorage } from './storage';

export type StorageConfig =
  { engine: 'postgres'; databaseUrl: string; schema?: string } | { engine: 'pglite'; dataDir?: string };

export async function openHubStorage(config: StorageConfig): Promise<HubStorage> {
  const storage =
    config.engine === 'postgres'
      ? openPostgres({ connectionString: config.databaseUrl, ...(config.schema ? { schema: config.schema } : {}) })
      : await openPglite(config.dataDir);
  try {
    await migrate(storage);
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
  return storage;
}
