// Registered terminals: registration with a one-time code, the credential check every request
// goes through, listing and revoking. A revoked terminal is refused from its next request on:
// authenticate reads the row each time instead of caching who is allowed.
import { randomUUID } from 'node:crypto';
import type { RegisterRequest, RegisterResponse, RegistrationCodeInfo, TerminalInfo } from '../../contract';
import type { HubStorage, Queryable } from '../storage';
import { HubError } from './errors';
import { newCredential, newRegistrationCode, normalizeRegistrationCode, sha256 } from './secrets';
import { iso } from './sql';
import { storeByCode } from './stores';

/** Who is pushing: every write of a push is made under this terminal's store, whatever the payload says. */
export interface AuthenticatedTerminal {
  terminalId: string;
  storeId: string;
  storeCode: string;
}

export async function createRegistrationCode(
  db: Queryable,
  input: { storeCode: string; validMinutes: number },
  now: Date = new Date(),
): Promise<RegistrationCodeInfo> {
  const store = await storeByCode(db, input.storeCode);
  const code = newRegistrationCode();
  const expiresAt = new Date(now.getTime() + input.validMinutes * 60_000).toISOString();
  await db.query('INSERT INTO registration_codes (code_hash, store_id, expires_at) VALUES ($1, $2, $3)', [
    sha256(normalizeRegistrationCode(code)),
    store.id,
    expiresAt,
  ]);
  return { code, storeCode: store.code, expiresAt };
}

export async function registerTerminal(
  storage: HubStorage,
  input: RegisterRequest,
  now: Date = new Date(),
): Promise<RegisterResponse> {
  const hash = sha256(normalizeRegistrationCode(input.code));
  return storage.transaction(async (tx) => {
    // FOR UPDATE: two terminals typing the same code at once are served one after the other,
    // and the second finds it used.
    const { rows } = await tx.query<{
      storeId: string;
      storeCode: string;
      storeName: string;
      used: boolean;
      expired: boolean;
    }>(
      `SELECT c.store_id AS "storeId", s.code AS "storeCode", s.name AS "storeName",
              c.used_at IS NOT NULL AS used, c.expires_at <= $2::timestamptz AS expired
         FROM registration_codes c JOIN stores s ON s.id = c.store_id
        WHERE c.code_hash = $1 FOR UPDATE OF c`,
      [hash, now.toISOString()],
    );
    const found = rows[0];
    if (!found) throw new HubError('CODE_UNKNOWN', 404, 'this registration code is not known to the hub: check it');
    if (found.used)
      throw new HubError('CODE_USED', 409, 'this registration code has been used already: ask for a new one');
    if (found.expired) throw new HubError('CODE_EXPIRED', 410, 'this registration code has expired: ask for a new one');
    const terminalId = randomUUID();
    const credential = newCredential();
    await tx.query(
      'INSERT INTO terminals (id, store_id, name, credential_hash, registered_at) VALUES ($1, $2, $3, $4, $5)',
      [terminalId, found.storeId, input.terminalName, sha256(credential), now.toISOString()],
    );
    await tx.query('UPDATE registration_codes SET used_at = $2, terminal_id = $3 WHERE code_hash = $1', [
      hash,
      now.toISOString(),
      terminalId,
    ]);
    return { terminalId, storeId: found.storeId, storeCode: found.storeCode, storeName: found.storeName, credential };
  });
}

/** The terminal a bearer credential belongs to, or null if unknown or revoked. */
export async function authenticate(db: Queryable, credential: string): Promise<AuthenticatedTerminal | null> {
  const { rows } = await db.query<AuthenticatedTerminal>(
    `SELECT t.id AS "terminalId", t.store_id AS "storeId", s.code AS "storeCode"
       FROM terminals t JOIN stores s ON s.id = t.store_id
      WHERE t.credential_hash = $1 AND t.revoked_at IS NULL`,
    [sha256(credential)],
  );
  return rows[0] ?? null;
}

/** Remembers when a terminal last talked to the hub, at most once a minute (a write per request would cost). */
export async function touchTerminal(db: Queryable, terminalId: string): Promise<void> {
  await db.query(
    `UPDATE terminals SET last_seen_at = now()
      WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`,
    [terminalId],
  );
}

const terminalColumns = `t.id, t.name, t.store_id AS "storeId", s.code AS "storeCode",
  ${iso('t.registered_at')} AS "registeredAt", ${iso('t.revoked_at')} AS "revokedAt", ${iso('t.last_seen_at')} AS "lastSeenAt"`;

export async function listTerminals(db: Queryable, filter: { storeCode?: string } = {}): Promise<TerminalInfo[]> {
  const { rows } = await db.query<TerminalInfo>(
    `SELECT ${terminalColumns} FROM terminals t JOIN stores s ON s.id = t.store_id
      WHERE $1::text IS NULL OR s.code = $1 ORDER BY s.code, t.registered_at, t.id`,
    [filter.storeCode ?? null],
  );
  return rows;
}

export async function revokeTerminal(db: Queryable, terminalId: string, now: Date = new Date()): Promise<TerminalInfo> {
  const { rowCount } = await db.query(
    'UPDATE terminals SET revoked_at = COALESCE(revoked_at, $2::timestamptz) WHERE id = $1',
    [terminalId, now.toISOString()],
  );
  if (!rowCount) throw new HubError('NOT_FOUND', 404, `no terminal has the id ${terminalId}`);
  const { rows } = await db.query<TerminalInfo>(
    `SELECT ${terminalColumns} FROM terminals t JOIN stores s ON s.id = t.store_id WHERE t.id = $1`,
    [terminalId],
  );
  return rows[0]!;
}
