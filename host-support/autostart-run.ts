// Carries out an autostart plan (autostart-plan.ts). The guard comes first and covers the whole plan:
// this runs as root on CI machines and on shop machines set up by sudo, and a wrong HOME must not let
// it write into /etc or another user's files. Nothing is done unless every path is allowed.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { AutostartError, type AutostartStep } from './autostart-plan';

/** Runs `systemctl ARGS`; ok is its exit status 0, output what it printed (for the error message). */
export type SystemctlRunner = (args: string[]) => { ok: boolean; output: string };

/** The real one, or LINLI_SYSTEMCTL (another systemctl: a test's recording stand-in, an odd system). */
export function systemctlFromEnv(env: NodeJS.ProcessEnv): SystemctlRunner {
  const command = env.LINLI_SYSTEMCTL || 'systemctl';
  return (args) => {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    if (result.error) return { ok: false, output: `${command}: ${result.error.message}` };
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
  };
}

export interface RunOptions {
  home: string;
  /** `--system` was given and the process is root: files outside the home are allowed. */
  allowOutsideHome: boolean;
  systemctl: SystemctlRunner;
  log: (line: string) => void;
}

function inside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The plan as an operator reads it (`--dry-run` prints this, a real run logs it as it goes). */
export function describeStep(step: AutostartStep): string {
  switch (step.kind) {
    case 'write':
      return `write   ${step.path}`;
    case 'remove':
      return `remove  ${step.path} (if present)`;
    case 'systemctl':
      return `run     systemctl ${step.args.join(' ')}`;
    case 'tell':
      return `note    ${step.message}`;
  }
}

/** Refuses (AutostartError, nothing done) a plan that touches a path outside the home without --system as root. */
export function checkPlan(steps: readonly AutostartStep[], opts: Pick<RunOptions, 'home' | 'allowOutsideHome'>): void {
  if (!isAbsolute(opts.home)) throw new AutostartError(`the home directory must be an absolute path, not ${opts.home}`);
  for (const step of steps) {
    if (step.kind !== 'write' && step.kind !== 'remove') continue;
    if (inside(opts.home, step.path) || opts.allowOutsideHome) continue;
    throw new AutostartError(
      `refusing to touch ${step.path}: it is outside the home ${opts.home}, and only --system as root may do that`,
    );
  }
}

/** Written beside the target and renamed over it: a unit file is never half there. */
function writeAtomically(path: string, content: string, mode: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${Date.now().toString(36)}-${process.pid}.linli-tmp`);
  try {
    writeFileSync(temp, content, { mode });
    chmodSync(temp, mode); // the umask may have narrowed it
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function runAutostartPlan(steps: readonly AutostartStep[], opts: RunOptions): void {
  checkPlan(steps, opts);
  for (const step of steps) {
    opts.log(describeStep(step));
    if (step.kind === 'write') writeAtomically(step.path, step.content, step.mode);
    else if (step.kind === 'remove') rmSync(step.path, { force: true });
    else if (step.kind === 'systemctl') {
      const result = opts.systemctl(step.args);
      if (result.ok) continue;
      if (step.mayFail) opts.log(`        (systemctl: ${result.output || 'failed'}; carrying on)`);
      else
        throw new AutostartError(
          `systemctl ${step.args.join(' ')} failed${result.output ? `: ${result.output}` : ''}. ` +
            'Is this the kiosk user in a session with a systemd user manager (not a plain sudo or su shell)?',
        );
    }
  }
}
