import { migration001 } from './001-initial';
import { migration002 } from './002-changes';
import { migration003 } from './003-conflicts';
import { migration004 } from './004-catalogue';
import { migration005 } from './005-coupons';
import { migration007 } from './007-member-clocks';
import { migration009 } from './009-events';
import { migration010 } from './010-contests';
import { migration011 } from './011-posts-care';
import type { Migration } from './migration';

/** Every migration, in order. A new one is a new file added at the end; a shipped one never changes. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration007,
  migration009,
  migration010,
  migration011,
];
