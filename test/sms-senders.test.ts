// The two SMS senders on their own: the webhook fills the operator's body template and posts it
// to a real local HTTP receiver; the log sender (no gateway configured) prints the code, and a
// demo terminal shows it as a hint while a real gateway never does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLinli } from '../features/app';
import { logSmsSender, parseBodyTemplate, webhookSmsSender } from '../features/sms/sms-sender';
import { smsOptions } from '../host-support/sms-options';
import { loginAs, tempDir } from './support/temp-core';
import { startSmsReceiver, type SmsReceiver } from './sms-receiver';

let receiver: SmsReceiver;
beforeEach(async () => {
  receiver = await startSmsReceiver();
});
afterEach(async () => {
  await receiver.close();
  vi.restoreAllMocks();
});

const message = { phone: '+8613912345678', code: '042042', store: '邻里 "翠湖" 店' };

describe('SMS senders', () => {
  it('the webhook fills the template inside its strings, quotes and all', async () => {
    const sender = webhookSmsSender({
      webhookUrl: receiver.url,
      bodyTemplate: '{"to":"{{phone}}","text":"验证码 {{code}}（{{store}}）","tags":["linli","{{code}}"],"n":1}',
    });
    await sender.send(message);
    expect(receiver.received[0]!.body).toEqual({
      to: '+8613912345678',
      text: '验证码 042042（邻里 "翠湖" 店）',
      tags: ['linli', '042042'],
      n: 1,
    });
    expect(receiver.received[0]!.headers.authorization).toBeUndefined();
  });

  it('refuses a broken template or a non-http URL at start', () => {
    expect(() => parseBodyTemplate('{"phone":')).toThrow(/not valid JSON/);
    expect(() => parseBodyTemplate('{"phone":"{{phone}}"}')).toThrow(/no "\{\{code\}\}"/);
    expect(() => webhookSmsSender({ webhookUrl: 'ftp://127.0.0.1/sms' })).toThrow(/http/);
  });

  it('reads the operator configuration from flags and the environment; the token only from the environment', () => {
    expect(
      smsOptions(['--sms-webhook', 'http://127.0.0.1:9/sms'], { LINLI_SMS_TOKEN: 't0k', LINLI_SMS_TEMPLATE: '{}' }),
    ).toEqual({ webhookUrl: 'http://127.0.0.1:9/sms', token: 't0k', bodyTemplate: '{}' });
    expect(smsOptions([], {})).toEqual({ webhookUrl: null, token: null, bodyTemplate: null });
  });

  it('the log sender prints the code with a masked number', async () => {
    const lines: string[] = [];
    await logSmsSender((line) => lines.push(line)).send(message);
    expect(lines).toEqual(['Linli SMS (log sender, no gateway configured): code 042042 for 139****5678']);
  });

  it('a demo terminal without a gateway shows the code as a hint; with a gateway it never does', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    for (const withGateway of [false, true]) {
      const temp = tempDir();
      const core = openLinli({
        dataDir: temp.dir,
        demo: true,
        host: 'browser',
        ...(withGateway ? { sms: { webhookUrl: receiver.url } } : {}),
      });
      try {
        await loginAs(core, 'manager');
        await core.methods.setSelfServiceSettings({ role: 'self-service' });
        const sent = await core.methods.requestEnrolCode({ phone: '13912345678' });
        if (withGateway) expect(sent.demoCode).toBeNull();
        else {
          expect(sent.demoCode).toMatch(/^\d{6}$/);
          expect(log).toHaveBeenCalledWith(expect.stringContaining(`code ${sent.demoCode} for 139****5678`));
          expect(
            await core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: sent.demoCode! }),
          ).toEqual({ alreadyMember: false });
        }
      } finally {
        await core.close();
        temp.remove();
      }
    }
  });
});
