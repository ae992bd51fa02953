import { describe, expect, it } from 'vitest';
import type { QueuedEvent } from '../../db/repositories/outbox';
import { normaliseHubUrl, planPushAnswer, readRegisterAnswer, registrationError } from './hub-wire';

const event = (seq: number): QueuedEvent => ({
  seq,
  id: `E${seq}`,
  type: 'sale.completed',
  aggregateId: `S${seq}`,
  payload: {},
  createdAt: '2026-06-15T04:00:00.000Z',
});
const batch = [event(1), event(2), event(3)];

describe('normaliseHubUrl', () => {
  it('keeps an http(s) address without its trailing slash', () => {
    expect(normaliseHubUrl(' https://hub.brand.cn/linli/ ')).toBe('https://hub.brand.cn/linli');
    expect(normaliseHubUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('reads a bare host and port as http', () => {
    expect(normaliseHubUrl('hub.local:8080')).toBe('http://hub.local:8080');
  });

  it('refuses what is not a hub address', () => {
    for (const typed of ['', 'ftp://hub.cn', 'http://user:pw@hub.cn', 'http://hub.cn/?a=1', 'hub cn', 'http://'])
      expect(normaliseHubUrl(typed)).toBeNull();
  });
});

describe('planPushAnswer', () => {
  it('acknowledges applied and duplicate, parks rejected with the reason', () => {
    const body = {
      results: [
        { id: 'E1', status: 'applied' },
        { id: 'E2', status: 'rejected', reason: 'CONFLICT', detail: 'coupon used at 翠湖店' },
        { id: 'E3', status: 'duplicate' },
      ],
    };
    expect(planPushAnswer(batch, body)).toEqual({
      acknowledged: [1, 3],
      parked: [{ seq: 2, reason: 'CONFLICT', detail: 'coupon used at 翠湖店' }],
      unanswered: 0,
    });
  });

  it('never drops an event the hub did not answer for, nor one with a status it does not know', () => {
    const body = {
      results: [
        { id: 'E1', status: 'applied' },
        { id: 'E2', status: 'queued' },
        { id: 'X9', status: 'applied' },
      ],
    };
    expect(planPushAnswer(batch, body)).toEqual({ acknowledged: [1], parked: [], unanswered: 2 });
  });

  it('answers null for a body that is no push answer', () => {
    for (const body of [null, 'OK', {}, { results: 'all good' }]) expect(planPushAnswer(batch, body)).toBeNull();
  });
});

describe('the registration answer', () => {
  it('tells a used code from an unknown one, and a foreign server from the hub', () => {
    expect(registrationError(409, { error: { code: 'CODE_USED', message: '' } })).toEqual({
      code: 'HUB_CODE_USED',
      field: 'code',
    });
    expect(registrationError(404, { error: { code: 'NOT_FOUND', message: '' } }).code).toBe('HUB_CODE_UNKNOWN');
    expect(registrationError(404, { error: { code: 'CODE_UNKNOWN', message: '' } }).code).toBe('HUB_CODE_UNKNOWN');
    expect(registrationError(410, { error: { code: 'CODE_EXPIRED', message: '' } }).code).toBe('HUB_CODE_UNKNOWN');
    expect(registrationError(404, '<html>Not Found</html>')).toEqual({ code: 'HUB_ANSWER_INVALID', field: 'hubUrl' });
    expect(registrationError(503, null).code).toBe('HUB_BUSY');
  });

  it('keeps an answer only with terminal id, credential and store', () => {
    expect(readRegisterAnswer({ terminalId: 'T1', credential: 'c', storeId: 'S1' })).toMatchObject({
      terminalId: 'T1',
      storeName: '',
    });
    expect(readRegisterAnswer({ terminalId: 'T1', storeId: 'S1' })).toBeNull();
  });
});
