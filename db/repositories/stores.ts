import type { StoreInfo } from '../../contract';
import type { Db } from '../open';
import type { StoresRepository } from '../store';

export function storesRepository(db: Db): StoresRepository {
  const insert = db.prepare(
    'INSERT INTO stores (id, code, name, currency, created_at) VALUES (@id, @code, @name, @currency, @createdAt)',
  );
  const byId = db.prepare<[string], StoreInfo>('SELECT id, code, name, currency FROM stores WHERE id = ?');
  return {
    insert: (store: StoreInfo & { createdAt: string }) => void insert.run(store),
    get: (id: string): StoreInfo | null => byId.get(id) ?? null,
  };
}
