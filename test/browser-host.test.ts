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

/**
 * A raw request, so the test can send the Host and Origin headers an attacker's page would. `chunks`
 * are written one by one with chunked transfer encoding (no Content-Length); `headersOnly` sends
 * the headers and waits for the answer without sending the announced body. Settles on the
 * response's end; an error from the socket after that (the host closing on us) does not matter.
 */
function send(
  path: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    chunks?: string[];
    headersOnly?: boolean;
  } = {},
) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path,
          method: opts.method ?? 'GET',
          headers: opts.headers,
          timeout: 4_000,
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error(`no answer to ${path} within 4 s`)));
      if (opts.headersOnly) return void req.flushHeaders();
      for (const chunk of opts.chunks ?? []) req.write(chunk);
      req.end(opts.body);
    },
  );
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
    expect(
      (await send('/api/listStaff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }))
        .status,
    ).toBe(401);
    expect((await call('listStaff', null, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('listStaff', null, { host: `rebind.example:${host.port}` })).status).toBe(421);
  });

  it('refuses garbage: unknown methods, bad JSON', async () => {
    expect(JSON.parse((await call('dropAllTables', null)).body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const bad = await send('/api/listStaff', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
  });

  it('answers a 10 MB body with 413 and the envelope, not a connection reset', async () => {
    const huge = await send('/api/listStaff', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ input: 'x'.repeat(10 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.connection).toBe('close');
    expect(JSON.parse(huge.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call('listStaff', null)).status).toBe(200);
  });

  it('answers an oversized chunked body (no Content-Length) with 413 and the envelope', async () => {
    const chunk = 'x'.repeat(256 * 1024);
    const huge = await send('/api/listStaff', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${host.token}`,
        'transfer-encoding': 'chunked',
      },
      chunks: ['{"input":"', ...Array.from({ length: 40 }, () => chunk), '"}'],
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a Content-Length beyond what it would read before any byte of the body', async () => {
    const announced = await send('/api/listStaff', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${host.token}`,
        'content-length': String(1024 * 1024 * 1024),
      },
      headersOnly: true,
    });
    expect(announced.status).toBe(413);
    expect(JSON.parse(announced.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('still takes a body just under the limit', async () => {
    const res = await call('listStaff', 'x'.repeat(1024 * 1024 - 64));
    expect(res.status).toBe(200);
  });

  it('pushes events over the WebSocket only to holders of the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/events?token=wrong`);
    await expect(
      new Promise((resolve, reject) => {
        refused.on('open', resolve);
        refused.on('error', reject);
      }),
    ).rejects.toThrow();

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?token=${host.token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const frame = new Promise<{ event: string; payload: { staff: { name: string } } }>((resolve) =>
      ws.on('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const cashier = (await core.methods.listStaff()).find((s) => s.role === 'cashier')!;
    await call('login', { staffId: cashier.id, pin: '1234' });
    const received = await frame;
    expect(received.event).toBe('session');
    expect(received.payload.staff.name).toBe(cashier.name);
    ws.close();
  });
});
