// Wording of the managers' diagnostics screen; spread into en.ts.
import type { MessageShape } from './zh-CN';
import type { diagnosticsZhCN } from './diagnostics-zh-CN';

export const diagnosticsEn: MessageShape<typeof diagnosticsZhCN> = {
  diagnostics: {
    nav: 'Diagnostics',
    title: 'Diagnostics',
    lead: 'What support asks for on the phone: versions, devices, sync, disk space and the last errors. Export it all with the logs as one zip file.',
    refresh: 'Refresh',
    loading: 'Reading…',
    disk: {
      title: 'Disk space',
      usage: '{{free}} free of {{total}}',
      state: {
        ok: 'Enough space',
        low: 'Space is running low: free some up or use a bigger disk',
        critical: 'Almost full: backups have stopped',
      },
    },
    devices: { title: 'Devices', none: 'No devices are set up.' },
    sync: {
      title: 'Sync',
      notRegistered: 'Not connected to a brand hub.',
      connection: 'Connection',
      waiting: 'Waiting to send',
      parked: 'Refused',
      lastSync: 'Last sync',
      lastError: 'Last error',
    },
    versions: {
      title: 'Versions',
      app: 'Linli',
      schema: 'Database schema',
      node: 'Node.js',
      electron: 'Electron',
      chrome: 'Chromium',
      browser: 'Browser',
      host: 'Runs as',
      hostElectron: 'Electron app',
      hostBrowser: 'Browser',
      terminal: 'Terminal id',
      store: 'Store',
    },
    backups: { title: 'Backups', last: 'Last backup', none: 'No backup yet.', folder: 'Backup folder' },
    errors: {
      title: 'Last errors',
      none: 'No warnings or errors in the logs.',
      time: 'Time',
      level: 'Level',
      message: 'Message',
      levels: { warn: 'Warning', error: 'Error', fatal: 'Fatal' },
      crashReports: 'Crash reports: {{count}}',
      crashNewest: 'newest: {{time}}',
    },
    export: {
      title: 'Export diagnostics',
      lead: 'Writes one zip file (diagnostics, logs and crash reports). Never the database, PINs or keys.',
      exportsFolder: "This terminal's exports folder",
      drive: 'USB drive: {{label}}',
      findDrives: 'Look for USB drives',
      noDrives: 'No USB drive found. Plug one in, then look again.',
      start: 'Export',
      writing: 'Writing…',
      done: 'Written to {{path}} ({{size}})',
    },
  },
};
