// A terminal in a process of its own for the backup test that kills it: it opens the demo core,
// serves one member's visit, takes a complete backup, serves a second member, then starts a second
// backup and freezes half-way through it (one page per step, blocked in the progress callback) after
// printing its report as one JSON line, so the test can kill it mid-backup.
// Run: node --import tsx test/support/backup-child.ts <dataDir> <backupFolder>
import { join } from 'node:path';
import { databaseFileName } from '../../features/app';
import { takeBackup } from '../../features/backup/backup';
import { openLoyaltyCore } from './loyalty';
import { memberVisit } from './member-traffic';

const [dataDir, folder] = process.argv.slice(2);
if (!dataDir || !folder) throw new Error('usage: backup-child.ts <dataDir> <backupFolder>');

const l = await openLoyaltyCore(dataDir, 'manager');
const databaseFile = join(dataDir, databaseFileName);
const before = await memberVisit(l, '林芳');
const good = await takeBackup({ databaseFile, folder, keep: 5 });
if (!good.ok) throw new Error(good.message);
const after = await memberVisit(l, '王磊');

await takeBackup({
  databaseFile,
  folder,
  keep: 5,
  pagesPerStep: 1,
  onProgress: ({ totalPages, remainingPages }) => {
    if (remainingPages === 0 || remainingPages === totalPages) return;
    process.stdout.write(`${JSON.stringify({ before, after, good: good.file, totalPages, remainingPages })}\n`);
    // Frozen mid-copy until killed.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
process.stdout.write('{"error":"the second backup finished before it could be killed"}\n');
