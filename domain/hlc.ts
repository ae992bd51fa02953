// Hybrid logical clock (decision 0022): the order of member profile, tier and consent edits made at
// different terminals. A timestamp is the greatest wall time its writer has seen (its own clock or
// any timestamp it received), a counter for events within the same millisecond, and the writer's
// node id. A terminal whose clock runs hours behind still stamps after everything it has seen, so
// an edit made after pulling another shop's edit wins over it, whatever the two clocks said.
//
// Written as text that sorts like the clock: `WWWWWWWWWWWWWWW-CCCCC-node`, 15 zero-padded digits
// of wall milliseconds, 5 of counter, then the node. Text comparison is the whole order, and equal
// wall and counter are broken by the node id, so two writers never tie.

export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const wallDigits = 15;
const counterDigits = 5;
const counterMax = 10 ** counterDigits - 1;
const pattern = /^(\d{15})-(\d{5})-(.+)$/;

/** Below every real timestamp: what a record written before clocks existed compares as. */
export const hlcZero = '';

export function formatHlc(h: Hlc): string {
  return `${String(h.wallMs).padStart(wallDigits, '0')}-${String(h.counter).padStart(counterDigits, '0')}-${h.node}`;
}

/** The parts of a timestamp, or null when the text is none (empty, or not of this format). */
export function parseHlc(text: string | null | undefined): Hlc | null {
  const m = text ? pattern.exec(text) : null;
  return m ? { wallMs: Number(m[1]), counter: Number(m[2]), node: m[3]! } : null;
}

/** Whether a is later than b; an empty or unreadable timestamp is earlier than any real one. */
export function hlcAfter(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '') > (b ?? '');
}

export function hlcMax(a: string | null | undefined, b: string | null | undefined): string {
  return hlcAfter(a, b) ? a! : (b ?? '');
}

// A counter that would overflow moves the wall on by a millisecond: the order is kept, the wall
// drifts by at most one millisecond per 100,000 events in one millisecond.
function settle(wallMs: number, counter: number, node: string): string {
  return counter > counterMax
    ? formatHlc({ wallMs: wallMs + 1, counter: 0, node })
    : formatHlc({ wallMs, counter, node });
}

const wallOf = (nowMs: number) => Math.max(0, Math.floor(nowMs));

/** The timestamp of a local event: after `last` (this node's previous one), at `nowMs` when the clock is ahead. */
export function tick(last: string | null | undefined, nowMs: number, node: string): string {
  const prev = parseHlc(last);
  const now = wallOf(nowMs);
  if (!prev || now > prev.wallMs) return formatHlc({ wallMs: now, counter: 0, node });
  return settle(prev.wallMs, prev.counter + 1, node);
}

/**
 * This node's clock after seeing `remote` (another writer's timestamp): after both `last` and
 * `remote`, so the next local event is stamped after what was seen. An unreadable remote counts as unseen.
 */
export function receive(
  last: string | null | undefined,
  remote: string | null | undefined,
  nowMs: number,
  node: string,
): string {
  const prev = parseHlc(last);
  const seen = parseHlc(remote);
  if (!seen) return tick(last, nowMs, node);
  const now = wallOf(nowMs);
  const prevWall = prev?.wallMs ?? -1;
  const wall = Math.max(prevWall, seen.wallMs, now);
  if (wall === now && wall > prevWall && wall > seen.wallMs) return formatHlc({ wallMs: wall, counter: 0, node });
  const counter = Math.max(wall === prevWall ? prev!.counter : -1, wall === seen.wallMs ? seen.counter : -1) + 1;
  return settle(wall, counter, node);
}

/**
 * A timestamp for a record sent before terminals kept a clock (an older terminal's event): its wall
 * time and writer, counter 0. It orders by its own clock, as everything did before.
 */
export function hlcOfWallTime(at: string, node: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? hlcZero : formatHlc({ wallMs: wallOf(ms), counter: 0, node });
}
