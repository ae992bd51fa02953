import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../contract';
import { syncLight } from './sync-light';

const status = (over: Partial<SyncStatus>): SyncStatus => ({
  registered: true,
  hubUrl: 'http://hub',
  hubTerminalId: 'T1',
  hubStoreName: '翠湖店',
  online: true,
  waiting: 0,
  parked: 0,
  lastSyncAt: null,
  lastError: null,
  ...over,
});

describe('syncLight', () => {
  it('shows nothing until a hub is registered', () => {
    expect(syncLight(null)).toBe('none');
    expect(syncLight(status({ registered: false, online: null }))).toBe('none');
  });

  it('is red when the hub was not reached, whatever waits', () => {
    expect(syncLight(status({ online: false, lastError: 'HUB_UNREACHABLE' }))).toBe('bad');
  });

  it('is amber while events wait or some were refused, green when all is up', () => {
    expect(syncLight(status({ waiting: 3 }))).toBe('warn');
    expect(syncLight(status({ parked: 1 }))).toBe('warn');
    expect(syncLight(status({}))).toBe('ok');
  });
});
