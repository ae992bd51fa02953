import type { MessageShape } from './zh-CN';
import type { enrolZhCN } from './enrol-zh-CN';

export const enrolEn: MessageShape<typeof enrolZhCN> = {
  selfEnrol: {
    title: 'Become a member',
    steps: 'Step {{step}} of 3',
    phone: 'Mobile number',
    phoneHint: 'We will send a text message with a code to this number.',
    sendCode: 'Send me a code',
    sending: 'Sending…',
    code: 'Code (6 digits)',
    codeSent: 'We sent a code to {{phone}}. It is valid for 5 minutes.',
    demoCode: 'Demo mode: the code is {{code}}',
    verify: 'Confirm',
    resend: 'Send a new code',
    changePhone: 'Use another number',
    alreadyTitle: 'You are already a member',
    alreadyBody:
      'This number is already registered. Scan your member card or code to start; without your card, ask at the counter.',
    backToStart: 'Back to start',
    name: 'Name',
    nameHint: 'For Chinese, tap “中文”, type the pinyin and tap a character.',
    consents: 'Your consent',
    dataProcessing:
      'I agree that the shop processes my name and mobile number for my membership (points, coupons, purchases). (required)',
    marketingSms: 'I would like offers and event news by text message. (optional)',
    marketingWechat: 'I would like offers and event news on WeChat. (optional)',
    marketingEmail: 'I would like offers and event news by email. (optional)',
    consentOn: 'Yes',
    consentOff: 'No',
    referral: 'Referral code of the member who brought you (optional)',
    join: 'Join',
    joining: 'Joining…',
    welcomeTitle: 'Welcome, {{name}}!',
    welcomeBody:
      'Your membership is ready. Collect your member card at the counter; until then, give your mobile number at checkout.',
    toHome: 'Go to my account',
  },
};
