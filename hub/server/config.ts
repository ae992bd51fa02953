// The hub's configuration comes from the environment only (a container or a systemd unit sets it).
import { resolve } from 'node:path';

export interface HubConfig {
  host: string;
  port: number;
  adminToken: string;
  storage: { engine: 'postgres'; databaseUrl: string; schema?: string } | { engine: 'pglite'; dataDir: string };
  /**
   * The folder for the hub's logs/ and crash-reports/: LINLI_HUB_DATA_DIR (PGlite's folder by
   * default). A hub on PostgreSQL without it keeps no files: its stdout is the log (a container's).
   */
  filesDir: string | null;
}

export class HubConfigError extends Error {}

export function hubConfigFromEnv(env: NodeJS.ProcessEnv): HubConfig {
  const adminToken = env.LINLI_HUB_ADMIN_TOKEN?.trim() ?? '';
  if (adminToken.length < 16)
    throw new HubConfigError(
      'LINLI_HUB_ADMIN_TOKEN must be set to a secret of at least 16 characters (e.g. `openssl rand -hex 24`): it guards the admin API.',
    );
  const port = Number(env.LINLI_HUB_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HubConfigError(`LINLI_HUB_PORT must be a port number, not ${env.LINLI_HUB_PORT}`);
  const databaseUrl = env.DATABASE_URL?.trim();
  // A database shared with other software (or a test run) may keep the hub's tables in a schema of their own.
  const schema = env.LINLI_HUB_SCHEMA?.trim();
  const dataDir = env.LINLI_HUB_DATA_DIR?.trim();
  const pgliteDir = resolve(dataDir || 'linli-hub-data');
  return {
    host: env.LINLI_HUB_HOST?.trim() || '127.0.0.1',
    port,
    adminToken,
    storage: databaseUrl
      ? { engine: 'postgres', databaseUrl, ...(schema ? { schema } : {}) }
      : { engine: 'pglite', dataDir: pgliteDir },
    filesDir: dataDir ? resolve(dataDir) : databaseUrl ? null : pgliteDir,
  };
}
