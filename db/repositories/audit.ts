import type { Db } from '../open';
import type { AuditRepository } from '../store';

export type AuditAction =
  | 'terminal_setup'
  | 'login'
  | 'login_failed'
  | 'login_locked'
  | 'login_refused_locked'
  | 'logout'
  | 'kiosk_exit'
  | 'hub_registered'
  | 'hub_unregistered'
  | 'sync_parked_resent'
  | 'sync_parked_dropped';

export interface AuditEntry {
  id: string;
  at: string;
  staffId: string | null;
  action: AuditAction;
  detail: Record<string, unknown>;
}

export function auditRepository(db: Db): AuditRepository {
  const insert = db.prepare('INSERT INTO audit_log (id, at, staff_id, action, detail) VALUES (?, ?, ?, ?, ?)');
  const recent = db.prepare<
    [number],
    { id: string; at: string; staffId: string | null; action: AuditAction; detail: string }
  >('SELECT id, at, staff_id AS staffId, action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?');
  return {
    append: (e: AuditEntry) => void insert.run(e.id, e.at, e.staffId, e.action, JSON.stringify(e.detail)),
    recent: (limit: number): AuditEntry[] =>
      recent.all(limit).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })),
  };
}
