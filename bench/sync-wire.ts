// The plumbing of bench:sync: a hub child process on a schema of its own, plain node:http requests
// (fetch costs too much per request for a thousand sockets), and simulated terminals registered the
// way a manager registers one: an admin makes a one-time code, the terminal trades it for its credential.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { resolve } from 'node:path';
import pg from 'pg';
import type { RegisterResponse, RegistrationCodeInfo } from '../contract';

const root = resolve(import.meta.dirname, '..');
export const databaseUrl = process.env.LINLI_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const adminToken = 'bench-sync-admin-token-0123456789';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Keep-alive for the pushing terminals; the long-polls get a socket each. */
export const keepAlive = new Agent({ keepAlive: true, maxSockets: 512 });

type CallOptions = { method?: 'GET' | 'POST'; token?: string; body?: unknown; agent?: Agent; localAddress?: string };

/**
 * One request. A kept-alive socket the hub closed while idle (its keep-alive timeout) fails at once
 * on reuse: that request is sent again on a fresh socket, as Node's documentation advises.
 */
export async function call(url: string, options: CallOptions = {}): Promise<Answer> {
  try {
    return await callOnce(url, options);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket) return callOnce(url, options);
    throw error;
  }
}

function callOnce(url: string, options: CallOptions): Promise<Answer> {
  const text = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((ok, fail) => {
    const req = request(
      url,
      {
        method: options.method ?? (text ? 'POST' : 'GET'),
        agent: options.agent ?? keepAlive,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        headers: {
          accept: 'application/json',
          ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          ok({ status: res.statusCode ?? 0, headers: res.headers, body: raw ? (JSON.parse(raw) as unknown) : null });
        });
        res.on('error', fail);
      },
    );
    req.on('error', (error) => fail(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(text);
  });
}

export interface BenchHub {
  url: string;
  pid: number;
  schema: string;
  /** A client on the hub's schema, for seeding and counting. */
  sql: pg.Client;
  /** The hub process's resident memory now, MB (VmRSS), and its peak (VmHWM). */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/** The built hub (`vite build -c vite.node.config.ts`) when there is one, as an operator runs it; else via tsx. */
function hubCommand(): string[] {
  const built = resolve(root, 'dist/node/hub.js');
  return existsSync(built) ? [built] : ['--import', 'tsx', 'hub/server/main.ts'];
}

export async function startBenchHub(label: string): Promise<BenchHub> {
  const schema = `bench_sync_${label}_${randomBytes(4).toString('hex')}`;
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  await sql.query(`CREATE SCHEMA ${schema}`);
  await sql.query(`SET search_path = ${schema}`);
  const child: ChildProcess = spawn(process.execPath, hubCommand(), {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LINLI_HUB_SCHEMA: schema,
      LINLI_HUB_PORT: '0',
      LINLI_HUB_ADMIN_TOKEN: adminToken,
    },
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the hub did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the hub exited (${code}):\n${output}`)));
  });
  // Failures after the start (a 500's stack) are worth seeing while the bench runs.
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(`hub: ${c.toString()}`));
  const status = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return {
    url,
    pid: child.pid!,
    schema,
    sql,
    memory: () => ({ rssMb: status('VmRSS'), peakMb: status('VmHWM') }),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await sql.query(`DROP SCHEMA ${schema} CASCADE`);
      await sql.end();
    },
  };
}

export async function admin<T>(hub: BenchHub, path: string, body: unknown): Promise<T> {
  const answer = await call(`${hub.url}${path}`, { token: adminToken, body });
  if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

export interface SimTerminal {
  terminalId: string;
  storeId: string;
  credential: string;
}

let stores = 0;
/** Groups of ten registered so far: each group's loopback address. */
let registrations = 0;

export async function createStore(hub: BenchHub): Promise<string> {
  const code = `BENCH${++stores}`;
  await admin(hub, '/v1/admin/stores', { code, name: `压测店 ${stores}` });
  return code;
}

export const registrationCode = async (hub: BenchHub, storeCode: string) =>
  (await admin<RegistrationCodeInfo>(hub, '/v1/admin/registration-codes', { storeCode })).code;

/**
 * `count` terminals, `perStore` to a store. The hub allows ten registrations at once per address
 * (guessing codes must cost), so each ten come from their own loopback address (127.0.x.y).
 */
export async function registerTerminals(hub: BenchHub, count: number, perStore = 4): Promise<SimTerminal[]> {
  const storeCodes: string[] = [];
  for (let i = 0; i < Math.ceil(count / perStore); i++) storeCodes.push(await createStore(hub));
  const one = async (i: number, localAddress: string): Promise<SimTerminal> => {
    const code = await registrationCode(hub, storeCodes[Math.floor(i / perStore)]!);
    const answer = await call(`${hub.url}/v1/terminals/register`, {
      body: { code, terminalName: `压测 ${i}` },
      agent: new Agent({ keepAlive: false }),
      localAddress,
    });
    if (answer.status !== 201) throw new Error(`register: ${answer.status} ${JSON.stringify(answer.body)}`);
    const r = answer.body as RegisterResponse;
    return { terminalId: r.terminalId, storeId: r.storeId, credential: r.credential };
  };
  const out: SimTerminal[] = [];
  for (let i = 0; i < count; i += 10) {
    const n = registrations++;
    const address = `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    const group = Array.from({ length: Math.min(10, count - i) }, (_, k) => one(i + k, address));
    out.push(...(await Promise.all(group)));
  }
  return out;
}

/** The cursor just after the last change in the log: where a terminal that has everything stands. */
export async function endCursor(hub: BenchHub): Promise<string> {
  const { rows } = await hub.sql.query<{ c: string | null }>(
    `SELECT txid || '.' || seq AS c FROM changes ORDER BY txid DESC, seq DESC LIMIT 1`,
  );
  return rows[0]?.c ?? '';
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
