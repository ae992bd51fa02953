// The admin CLI end to end: a hub started as `npm run hub` starts it (PGlite, a free port), and the
// CLI run as a separate process, as an operator would.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-core';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const token = 'cli-test-admin-token-0123456789';

describe('hub admin CLI against a hub process', () => {
  const dir = tempDir('linli-hub-cli-');
  let hub: ChildProcess;
  let url: string;

  beforeAll(async () => {
    hub = spawn(process.execPath, ['--import', 'tsx', 'hub/server/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: '',
        LINLI_HUB_PORT: '0',
        LINLI_HUB_DATA_DIR: dir.dir,
        LINLI_HUB_ADMIN_TOKEN: token,
      },
    });
    let output = '';
    url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`the hub did not start in 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      };
      hub.stdout!.on('data', onData);
      hub.stderr!.on('data', onData);
      hub.once('exit', (code) => fail(new Error(`the hub exited (${code}):\n${output}`)));
    });
  }, 90_000);

  afterAll(async () => {
    if (hub.exitCode === null) {
      const exited = new Promise((r) => hub.once('exit', r));
      hub.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  });

  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'hub/server/cli.ts', ...args], {
        cwd: root,
        env: { ...process.env, LINLI_HUB_URL: url, LINLI_HUB_ADMIN_TOKEN: token },
        timeout: 30_000,
      });
      return { ok: true, out: stdout };
    } catch (error) {
      return { ok: false, out: (error as { stderr: string }).stderr };
    }
  };

  it('creates a store and a code, lists and revokes the terminal registered with it', async () => {
    expect(await cli('create-store', '--code', 'CUIHU', '--name', '翠湖店')).toEqual({
      ok: true,
      out: expect.stringMatching(/Store CUIHU "翠湖店" created/),
    });
    const made = await cli('create-code', '--store', 'CUIHU');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(made.out)?.[1];
    expect(code).toBeDefined();
    const reg = await fetch(`${url}/v1/terminals/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, terminalName: '翠湖 收银 1' }),
    });
    const { terminalId } = (await reg.json()) as { terminalId: string };
    const listed = await cli('list-terminals');
    expect(listed.out).toContain(terminalId);
    expect(listed.out).toContain('翠湖 收银 1');
    expect((await cli('revoke', '--terminal', terminalId)).out).toMatch(/revoked/);
    expect((await cli('list-terminals', '--store', 'CUIHU')).out).toMatch(/REVOKED/);
  }, 120_000);

  it('says clearly when the admin token is wrong or the store exists', async () => {
    expect(await cli('create-store', '--code', 'CUIHU', '--name', '翠湖店')).toEqual({
      ok: false,
      out: expect.stringMatching(/409 ALREADY_EXISTS/),
    });
    expect(await cli('list-terminals', '--token', 'wrong-token')).toEqual({
      ok: false,
      out: expect.stringMatching(/401 UNAUTHORIZED/),
    });
  }, 60_000);

  it('refuses a second hub on the same data directory', async () => {
    const second = await run(process.execPath, ['--import', 'tsx', 'hub/server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        LINLI_HUB_PORT: '0',
        LINLI_HUB_DATA_DIR: dir.dir,
        LINLI_HUB_ADMIN_TOKEN: token,
      },
      timeout: 30_000,
    }).catch((error: { stderr: string; code: number }) => error);
    expect(second).toMatchObject({ code: 1, stderr: expect.stringMatching(/another hub is running/) });
  }, 60_000);
});
