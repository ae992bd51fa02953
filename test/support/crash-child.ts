// A host in miniature for the crash-report test: the same logger and crash-report set-up as the
// hosts, then an error nobody catches. Mode `node` lets Node's fatal path stop it (the browser host,
// the hub); mode `exit` stops it through the exit callback the Electron main process passes.
// Run: node --import tsx test/support/crash-child.ts <dataDir> node|exit
import { crashReportsDirFor, keepCrashReports } from '../../host-support/crash-reports';
import { createHostLogger, logsDirFor } from '../../host-support/logger';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== 'node' && mode !== 'exit')) throw new Error('usage: crash-child.ts <dataDir> node|exit');

const logger = await createHostLogger({ logsDir: logsDirFor(dataDir, {}), baseName: 'linli', stdout: false });
keepCrashReports({
  dir: crashReportsDirFor(dataDir),
  log: logger.log,
  flush: logger.flush,
  ...(mode === 'exit' ? { exit: (code: number) => process.exit(code) } : {}),
});
logger.log.info('crash child started');
setTimeout(() => {
  throw new Error('the till fell over (test crash)');
}, 0);
