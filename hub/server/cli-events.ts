// The admin CLI's community-event commands (decision 0024): the brand publishes a chain-wide event
// and lists the chain's events with the seats taken across every shop.
import type { HubEventListResponse, PulledEvent } from '../../contract';
import { CliError } from './cli-error';

export const eventOptions = {
  'title-zh': { type: 'string' },
  'title-en': { type: 'string' },
  starts: { type: 'string' },
  ends: { type: 'string' },
  capacity: { type: 'string' },
  points: { type: 'string' },
  place: { type: 'string' },
  description: { type: 'string' },
  id: { type: 'string' },
  cancel: { type: 'boolean' },
} as const;

type Values = {
  [K in keyof typeof eventOptions]?: (typeof eventOptions)[K]['type'] extends 'boolean' ? boolean : string;
};
type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

function need(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`${flag} is required (npm run hub:admin -- --help)`);
  return value;
}

function whole(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`${flag} "${text}" is not a whole number`);
  return Number(text);
}

const line = (e: PulledEvent) =>
  `${e.id}  ${e.startsAt} – ${e.endsAt}  ${e.scope === 'chain' ? 'chain' : `shop ${e.storeId}`}  ${e.status}  ${e.taken}/${e.capacity} seats  +${e.points} points  ${e.title.zh}${e.title.en ? ` / ${e.title.en}` : ''}`;

/** The answer of an event command, or null when the command is none of them. */
export async function runEventCommand(command: string, values: Values, call: Call): Promise<string | null> {
  switch (command) {
    case 'create-event': {
      const { event } = await call<{ event: PulledEvent }>('POST', '/v1/admin/events', {
        ...(values.id ? { id: values.id } : {}),
        title: { zh: need(values['title-zh'], '--title-zh'), en: values['title-en'] ?? '' },
        description: values.description ?? '',
        place: values.place ?? '',
        startsAt: need(values.starts, '--starts'),
        endsAt: need(values.ends, '--ends'),
        capacity: whole(need(values.capacity, '--capacity'), '--capacity'),
        points: values.points ? whole(values.points, '--points') : 0,
        status: values.cancel ? 'cancelled' : 'open',
      });
      return `Event ${event.id} ${event.status === 'cancelled' ? 'cancelled' : 'published'}: ${line(event)}\nEvery terminal shows it after its next pull.`;
    }
    case 'list-events': {
      const { events } = await call<HubEventListResponse>('GET', '/v1/admin/events');
      return events.length ? events.map(line).join('\n') : 'No events.';
    }
    default:
      return null;
  }
}
