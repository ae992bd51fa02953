import { describe, expect, it } from 'vitest';
import { readCursor, startPosition, writeCursor } from './pull-cursor';

describe('pull cursors', () => {
  it('an empty cursor is the start of the stream', () => {
    expect(readCursor('')).toEqual(startPosition);
  });

  it('reads back what it wrote', () => {
    const p = { txid: '9007199254740993', seq: '42' };
    expect(readCursor(writeCursor(p))).toEqual(p);
  });

  it('refuses what the hub could not have answered', () => {
    for (const c of ['42', 'a.b', '1.2.3', '-1.2', '99999999999999999999.1', '9223372036854775808.1'])
      expect(readCursor(c)).toBeNull();
  });
});
