import type { DeviceConfig, DeviceSettings } from '../../contract';
import type { Db } from '../open';
import type { DeviceConfigRepository } from '../store';

interface Raw {
  id: string;
  settings: string;
  enabled: number;
}

export function deviceConfigRepository(db: Db): DeviceConfigRepository {
  const all = db.prepare<[], Raw>('SELECT id, settings, enabled FROM device_config ORDER BY created_at, id');
  const upsert = db.prepare(
    `INSERT INTO device_config (id, kind, name, settings, enabled, created_at, updated_at) VALUES (@id, @kind, @name, @settings, @enabled, @at, @at)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, settings = excluded.settings, enabled = excluded.enabled, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM device_config WHERE id = ?');
  const toConfig = (raw: Raw): DeviceConfig => ({
    ...(JSON.parse(raw.settings) as DeviceSettings),
    id: raw.id,
    enabled: raw.enabled === 1,
  });
  return {
    all: (): DeviceConfig[] => all.all().map(toConfig),
    get: (id: string): DeviceConfig | null =>
      all
        .all()
        .map(toConfig)
        .find((c) => c.id === id) ?? null,
    save: (id: string, settings: DeviceSettings, enabled: boolean, at: string) =>
      void upsert.run({
        id,
        kind: settings.kind,
        name: settings.name,
        settings: JSON.stringify(settings),
        enabled: enabled ? 1 : 0,
        at,
      }),
    remove: (id: string): boolean => remove.run(id).changes === 1,
  };
}
