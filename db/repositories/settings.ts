import type { Db } from '../open';
import type { SettingsRepository } from '../store';

export function settingsRepository(db: Db): SettingsRepository {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (key: string): string | null => get.get(key)?.value ?? null,
    set: (key: string, value: string): void => void set.run(key, value),
  };
}
