// A stand-in for an operator's SMS gateway: a real HTTP server on 127.0.0.1 that records every
// request the webhook sender makes (enrolment tests read the code from it, as a phone would).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface SmsReceiver {
  url: string;
  received: ReceivedSms[];
  /** The code in the last message to this phone (E.164), or null. */
  lastCode(phone: string): string | null;
  /** Answer every request with this status from now on (a gateway that refuses). */
  answerWith(status: number): void;
  close(): Promise<void>;
}

export async function startSmsReceiver(): Promise<SmsReceiver> {
  const received: ReceivedSms[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      received.push({ body: JSON.parse(text) as Record<string, unknown>, headers: req.headers });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    lastCode: (phone) => {
      const last = received.filter((r) => r.body.phone === phone).at(-1);
      return last ? String(last.body.code) : null;
    },
    answerWith: (next) => void (status = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
