// Wording of a catch-up from the hub (sync screen's progress bar, header badge); spread into en.ts.
import type { MessageShape } from './zh-CN';
import type { syncProgressZhCN } from './sync-progress-zh-CN';

export const syncProgressEn: MessageShape<typeof syncProgressZhCN> = {
  syncProgress: {
    title: 'Catching up with the brand hub',
    detail: '{{applied}} changes in, about {{remaining}} to go',
    done: '{{applied}} changes received from the brand hub',
    badge: 'Syncing {{percent}}%',
  },
};
