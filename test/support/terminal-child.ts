// A counter terminal in a process of its own, for the tests that kill it: it opens the core on a
// data directory (demo store, a manager logged in, fast sync timing), serves one member's visit,
// prints what waits in its outbox as one JSON line, then registers with the hub by the code given,
// which starts the push. It then idles until it is killed (or stops cleanly on SIGTERM).
// Run: node --import tsx test/support/terminal-child.ts <dataDir> <hubUrl> <code>
import { openLoyaltyCore } from './loyalty';
import { memberVisit } from './member-traffic';
import { fastSync } from './sync-hub';

const [dataDir, hubUrl, code] = process.argv.slice(2);
if (!dataDir || !hubUrl || !code) throw new Error('usage: terminal-child.ts <dataDir> <hubUrl> <code>');

const l = await openLoyaltyCore(dataDir, 'manager', fastSync);
const memberId = await memberVisit(l, '林芳');
const pending = l.repos.outbox.pending().map((e) => e.id);
const balance = (await l.core.methods.getMemberLoyalty({ memberId })).balance;
process.stdout.write(`${JSON.stringify({ memberId, pending, balance })}\n`);
await l.core.methods.registerWithHub({ hubUrl, code, terminalName: '翠湖店 收银 1' });

const idle = setInterval(() => {}, 60_000);
process.once('SIGTERM', () => {
  clearInterval(idle);
  void l.close().then(() => process.exit(0));
});
