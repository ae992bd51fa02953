// The SMS sender port: how a verification code reaches a phone. Pluggable: the operator's SMS
// gateway behind an HTTP webhook, or the host's log for a demo (docs/decisions/0028-sms-verification.md).
import { LinliError, type SmsSenderKind } from '../../contract';
import { maskPhone } from '../../domain/mask';

export interface SmsMessage {
  /** E.164, e.g. +8613800000000. */
  phone: string;
  code: string;
  /** The store's name, for the message text. */
  store: string;
}

export interface SmsSender {
  kind: SmsSenderKind;
  /** Resolves once the gateway took the message; rejects with SMS_SEND_FAILED otherwise. */
  send(message: SmsMessage): Promise<void>;
}

/** What an operator configures (host flags or environment, see host-support/sms-options.ts). */
export interface SmsConfig {
  /** The gateway's webhook; absent: the log sender. */
  webhookUrl?: string | null;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string | null;
  /** A JSON body in which "{{phone}}", "{{code}}" and "{{store}}" inside strings are filled in. */
  bodyTemplate?: string | null;
  timeoutMs?: number;
}

export const defaultBodyTemplate = '{"phone":"{{phone}}","code":"{{code}}","store":"{{store}}"}';

/** Fills the placeholders inside every string of the parsed template: values are never spliced into JSON text. */
function fill(template: unknown, message: SmsMessage): unknown {
  if (typeof template === 'string')
    return template.replace(/\{\{(phone|code|store)\}\}/g, (_, key: keyof SmsMessage) => message[key]);
  if (Array.isArray(template)) return template.map((item) => fill(item, message));
  if (template && typeof template === 'object')
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fill(value, message)]));
  return template;
}

/** Parses the template once, at start: a broken template stops the host instead of every code. */
export function parseBodyTemplate(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The SMS body template is not valid JSON.');
  }
  if (!JSON.stringify(parsed).includes('{{code}}')) throw new Error('The SMS body template has no "{{code}}".');
  return parsed;
}

export function webhookSmsSender(config: SmsConfig & { webhookUrl: string }): SmsSender {
  const url = new URL(config.webhookUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('The SMS webhook must be http(s).');
  const template = parseBodyTemplate(config.bodyTemplate || defaultBodyTemplate);
  const timeoutMs = config.timeoutMs ?? 10_000;
  return {
    kind: 'webhook',
    async send(message) {
      let ok: boolean;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
          },
          body: JSON.stringify(fill(template, message)),
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        ok = response.ok;
      } catch {
        ok = false;
      }
      if (!ok) throw new LinliError('SMS_SEND_FAILED');
    },
  };
}

/** The demo's sender: the code goes to the host's log (and, on a demo terminal, to the screen as a hint). */
export function logSmsSender(log: (line: string) => void = console.log): SmsSender {
  return {
    kind: 'log',
    send(message) {
      log(`Linli SMS (log sender, no gateway configured): code ${message.code} for ${maskPhone(message.phone)}`);
      return Promise.resolve();
    },
  };
}

export function createSmsSender(config: SmsConfig | undefined): SmsSender {
  return config?.webhookUrl ? webhookSmsSender({ ...config, webhookUrl: config.webhookUrl }) : logSmsSender();
}
