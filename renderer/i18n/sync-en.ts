// Wording of the hub link in English; every key of syncZhCN must be here (checked by tsc).
import type { MessageShape } from './zh-CN';
import type { syncZhCN } from './sync-zh-CN';

export const syncEn: MessageShape<typeof syncZhCN> = {
  syncStatus: {
    none: 'No hub',
    online: 'Online',
    offline: 'Offline',
    never: 'Not synced yet',
    waiting: '{{count}} waiting',
    parked: '{{count}} refused',
  },
  sync: {
    nav: 'Sync',
    title: 'Sync with the brand’s hub',
    lead: 'Once registered, every change made here (members, sales, points…) goes up to the brand’s hub; what was recorded offline follows by itself when the hub is back.',
    register: {
      title: 'Register with the hub',
      hubUrl: 'Hub address',
      hubUrlHint: 'e.g. https://hub.brand.cn',
      code: 'Registration code',
      codeHint: 'Made at the hub by head office; it works once',
      terminalName: 'Terminal name',
      terminalNameHint: 'e.g. Cuihu till 1',
      submit: 'Register',
      working: 'Registering…',
      done: 'Registered with {{hub}}.',
    },
    status: {
      title: 'Status',
      hub: 'Hub',
      store: 'Store',
      terminal: 'Terminal id',
      connection: 'Connection',
      waiting: 'Waiting',
      parked: 'Refused events',
      lastSync: 'Last sync',
      lastError: 'Last problem',
      unknown: 'Not tried yet',
    },
    unregister: 'Unregister',
    unregistered: 'Unregistered. Events not sent yet stay on this terminal.',
    parked: {
      title: 'Events the hub refused',
      lead: 'These are not sent again by themselves: note the reason and tell head office.',
      empty: 'No refused events.',
      type: 'Type',
      createdAt: 'Made at',
      parkedAt: 'Refused at',
      reason: 'Reason',
    },
    reasons: {
      UNKNOWN_EVENT_TYPE: 'The hub does not know this kind of event',
      FUTURE_SCHEMA_VERSION: 'This terminal is newer than the hub',
      PAYLOAD_INVALID: 'Incomplete or wrong content',
      OTHER_STORE: 'Belongs to another store',
      CONFLICT: 'Conflicts with another store’s record',
      PAYLOAD_TOO_LARGE: 'Too large',
      other: 'Another reason ({{reason}})',
    },
  },
};
