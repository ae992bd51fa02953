// Wording of the sale screens in English; every key of saleZhCN must be here (checked by tsc).
import type { MessageShape } from './zh-CN';
import type { saleZhCN } from './sale-zh-CN';

export const saleEn: MessageShape<typeof saleZhCN> = {
  sale: {
    nav: 'Sale',
    title: 'Sale',
    line: {
      list: '{{qty}} × list {{price}}',
      memberPrice: '{{tier}} price {{price}}',
      coupon: 'Coupon share',
      points: 'Points ({{points}} pts)',
      net: 'Line to pay',
    },
    totals: {
      tax: 'Tax ({{rate}}%)',
    },
    void: {
      title: 'Void this sale?',
      body: '{{count}} items, {{amount}}. The basket is emptied; no sale is recorded.',
      confirm: 'Void',
    },
    refund: {
      paid: 'Paid {{amount}}',
      paidWithPoints: 'Paid {{amount}} + {{points}} pts',
      preview: 'This refund gives back',
      choose: 'Choose the items and quantities to refund.',
      money: 'Money back ({{method}})',
      pointsReturned: 'Points returned',
      pointsReversed: 'Points taken back',
      balanceAfter: 'Points balance after',
      couponReturned: 'Coupon returned',
      confirmTitle: 'Refund now?',
      confirm: 'Refund',
      quantity: '{{name}} × {{qty}}',
    },
  },
};
