import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinliCore } from '../features/app';
import { LinliError, type ScanOutcome } from '../contract';
import { createHidPosDecoder } from '../hardware/scanner/hid-pos';
import { createKeyboardReportDecoder } from '../hardware/scanner/hid-keyboard';
import { createLineFramer } from '../hardware/scanner/serial-framing';
import { recordEvents } from './support/device-events';
import { enrolment, loginAs, openTestCore, tempDir } from './support/temp-core';

// Line noise, a scanner in the wrong mode, a cable with a loose contact: none of it may crash the
// till or write anything, even with a member on file whose card a lucky byte string could hit.
const temp = tempDir('linli-fuzz-');
let core: LinliCore;
let scannerId: string;
let reader: Database.Database;

function tableCounts(): Record<string, number> {
  const tables = reader
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'member_names%'",
    )
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => [name, (reader.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}

async function scan(text: string): Promise<ScanOutcome | null> {
  try {
    return await core.methods.injectScan({ deviceId: scannerId, text });
  } catch (error) {
    // Refusals are LinliErrors with a code the UI can translate; anything else is a bug.
    expect(error).toBeInstanceOf(LinliError);
    return null;
  }
}

beforeAll(async () => {
  core = openTestCore(temp.dir);
  await loginAs(core, 'cashier');
  const created = await core.methods.enrolMember(enrolment());
  expect(created.created).toBe(true);
  // The store's QR secret exists before the counts are taken (a phone code scan would create it).
  if (created.created) await core.methods.getMemberQr({ memberId: created.member.id });
  scannerId = (await core.methods.listDevices()).find((d) => d.kind === 'scanner' && d.connection === 'simulator')!.id;
  reader = new Database(join(temp.dir, 'linli.sqlite'), { readonly: true });
});

afterAll(async () => {
  reader?.close();
  await core?.close();
  temp.remove();
});

describe('fuzzing the scan path', () => {
  it('random bytes through serial framing: refused, nothing recorded', async () => {
    const before = tableCounts();
    const events = recordEvents(core, 'scan');
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('CR' as const, 'LF' as const, 'CRLF' as const),
        async (bytes, framing) => {
          for (const text of createLineFramer(framing).push(bytes)) expect(await scan(text)).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
    expect(tableCounts()).toEqual(before);
    expect(events.every((e) => e.outcome === null && e.error !== null)).toBe(true);
  });

  it('random HID POS and keyboard reports: refused, nothing recorded', async () => {
    const before = tableCounts();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ minLength: 0, maxLength: 70 }), { maxLength: 30 }), async (reports) => {
        const pos = createHidPosDecoder();
        const keys = createKeyboardReportDecoder();
        for (const report of reports) {
          const a = pos.push(report);
          if (a) expect(await scan(a.text)).toBeNull();
          const b = keys.push(report);
          if (b) expect(await scan(b)).toBeNull();
        }
      }),
      { numRuns: 150 },
    );
    expect(tableCounts()).toEqual(before);
  });

  it('bursts of overlong, binary and control-character scans at once: all refused as SCAN_INVALID', async () => {
    const before = tableCounts();
    const nasty = fc.oneof(
      fc.string({ minLength: 257, maxLength: 2000 }),
      fc
        .string({ unit: fc.constantFrom('\u0000', '\u001b', '\u0007', 'a', '1'), minLength: 1, maxLength: 40 })
        .filter((s) => /[\u0000-\u001f]/.test(s)),
      fc.constant('\uFFFD8800'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(nasty, { minLength: 1, maxLength: 25 }), async (burst) => {
        const results = await Promise.allSettled(
          burst.map((text) => core.methods.injectScan({ deviceId: scannerId, text })),
        );
        for (const r of results) {
          expect(r.status).toBe('rejected');
          if (r.status === 'rejected') expect((r.reason as LinliError).code).toBe('SCAN_INVALID');
        }
      }),
      { numRuns: 60 },
    );
    expect(tableCounts()).toEqual(before);
  });
});
