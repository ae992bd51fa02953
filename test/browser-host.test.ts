import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../browser-host/server';
import type { LinliCore } from '../features/app';
import { openTestCore, tempDir } from './support/temp-core';
import { demoStaff } from '../features/demo/demo';

const temp = tempDir();
let core: LinliCore;
let host: BrowserHost;

beforeAll(async () => {
  const staticDir = join(temp.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Linli</title>');
  core = openTestCore(join(temp.dir, 'data'));
  host = await startBrowserHost({ core, port: 0, staticDir });
});
afterAll(async () => {
  await host.close();
  await core.close();
  temp.remove();
});

/** A raw request, so the test can send the Host and Origin headers an attacker's page would. */
function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...headers },
    body: JSON.stringify({ input }),
  });

describe('browser host', () => {
  it('binds to loopback and serves the renderer with a CSP', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Linli</title>');
    expect((await send('/../../etc/passwd')).status).toBe(404);
  });

  it('answers API calls with the token, as envelopes', async () => {
    const res = await call('listStaff', null);
    expect(res.status).toBe(200);
    const envelope = JSON.parse(res.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.value.map((s: { name: string }) => s.name)).toEqual(demoStaff.map((s) => s.name));
    const refused = JSON.parse((await call('searchMembers', { query: '5678' })).body);
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('refuses calls without the token, from other origins, or for another host name', async () => {
    expect((await call('listStaff', null, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await send('/api/listStaff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await call('listStaff', null, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('listStaff', null, { host: `rebind.example:${host.port}` })).status).toBe(421);
  });

  it('refuses garbage: unknown methods, bad JSON, huge bodies', async () => {
    expect(JSON.parse((await call('dropAllTables', null)).body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = await send('/api/listStaff', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` }, body: '{nope' });
    expect(bad.status).toBe(400);
    const huge = await send('/api/listStaff', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ input: 'x'.repeat(2 * 1024 * 1024) }),
    }).catch(() => ({ status: 413, body: '' }));
    expect(huge.status).toBe(413);
  });

  it('pushes events over the WebSocket only to holders of the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/events?token=wrong`);
    await expect(new Promise((resolve, reject) => { refused.on('open', resolve); refused.on('error', reject); })).rejects.toThrow();

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?token=${host.token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const frame = new Promise<{ event: string; payload: { staff: { name: string } } }>((resolve) => ws.on('message', (data) => resolve(JSON.parse(String(data)))));
    const cashier = (await core.methods.listStaff()).find((s) => s.role === 'cashier')!;
    await call('login', { staffId: cashier.id, pin: '1234' });
    const received = await frame;
    expect(received.event).toBe('session');
    expect(received.payload.staff.name).toBe(cashier.name);
    ws.close();
  });
});
