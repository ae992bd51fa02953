import { randomUUID } from 'node:crypto';
import type { CreateStoreRequest, HubStoreInfo } from '../../contract';
import type { Queryable } from '../storage';
import { HubError, isUniqueViolation } from './errors';
import { iso } from './sql';

const storeColumns = `id, code, name, ${iso('created_at')} AS "createdAt"`;

export async function createStore(db: Queryable, { code, name }: CreateStoreRequest): Promise<HubStoreInfo> {
  try {
    const { rows } = await db.query<HubStoreInfo>(
      `INSERT INTO stores (id, code, name) VALUES ($1, $2, $3) RETURNING ${storeColumns}`,
      [randomUUID(), code, name],
    );
    return rows[0]!;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new HubError('ALREADY_EXISTS', 409, `a store with the code ${code} exists already`);
    throw error;
  }
}

export async function storeByCode(db: Queryable, code: string): Promise<HubStoreInfo> {
  const { rows } = await db.query<HubStoreInfo>(`SELECT ${storeColumns} FROM stores WHERE code = $1`, [code]);
  if (!rows[0]) throw new HubError('NOT_FOUND', 404, `no store has the code ${code}`);
  return rows[0];
}

export async function listStores(db: Queryable): Promise<HubStoreInfo[]> {
  return (await db.query<HubStoreInfo>(`SELECT ${storeColumns} FROM stores ORDER BY code`)).rows;
}
