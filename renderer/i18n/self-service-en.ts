import type { MessageShape } from './zh-CN';
import type { selfServiceZhCN } from './self-service-zh-CN';

export const selfServiceEn: MessageShape<typeof selfServiceZhCN> = {
  selfService: {
    staff: 'Staff',
    backToCustomers: 'Back to self-service',
    finish: "I'm done",
    largeText: 'Larger text',
    attract: {
      welcome: 'Welcome to the Linli experience shop',
      welcomeBody: 'Your points, rewards and community events, all here.',
      scan: 'Scan your member card or phone code to start',
      camera: 'Scan with the camera',
      cameraOff: 'Turn the camera off',
      join: 'Become a member',
      events: 'Community events',
    },
    home: {
      hello: 'Hello, {{name}}',
      points: 'points',
      expiring: '{{points}} points expire on {{date}}',
      actions: 'What you can do',
      coupons: 'My coupons',
      noCoupons: 'No coupons to use right now.',
      couponHint: 'Show the code to staff at checkout to use it.',
      validTo: 'Valid until {{date}}',
      offers: 'Offers for you',
      visits: 'Recent visits',
      noVisits: 'No visits yet.',
      visitPoints: 'Points {{points}}',
    },
    tiles: {
      rewards: 'Rewards',
      events: 'Events',
      contest: 'Contest',
      referrals: 'Invite friends',
      posts: 'My posts',
      feedback: 'Rate your visit',
      serviceRequest: 'Service request',
    },
    idle: {
      title: 'Closing in {{seconds}} s',
      hint: 'Touch the screen anywhere to carry on.',
    },
    role: {
      title: 'Terminal role',
      lead: 'A self-service terminal is used by customers on their own: no staff login; after a card scan a customer sees only their own account, with name and phone number masked.',
      counter: 'Counter',
      selfService: 'Self-service',
      idleSeconds: 'Close after no touch for (seconds)',
      save: 'Save',
      saved: 'Saved.',
    },
  },
  community: {
    nav: 'Community',
    title: 'Community life',
    tabs: {
      events: 'Events & check-in',
      rewards: 'Rewards',
      contests: 'Contests',
      posts: 'Posts to review',
      requests: 'Requests & feedback',
    },
  },
};
