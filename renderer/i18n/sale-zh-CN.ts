// Wording of the sale screens; spread into zh-CN.ts so every key is checked there.
export const saleZhCN = {
  sale: {
    nav: '销售',
    title: '销售',
    line: {
      list: '{{qty}} × 原价 {{price}}',
      memberPrice: '{{tier}}价 {{price}}',
      coupon: '优惠券分摊',
      points: '积分抵扣（{{points}} 分）',
      net: '本行应付',
    },
    totals: {
      tax: '税（{{rate}}%）',
    },
    void: {
      title: '作废本单？',
      body: '{{count}} 件商品，共 {{amount}}。作废后购物篮清空，不会记录任何销售。',
      confirm: '作废本单',
    },
    refund: {
      paid: '实付 {{amount}}',
      paidWithPoints: '实付 {{amount}} + {{points}} 分',
      preview: '本次将退还',
      choose: '请选择要退的商品和数量。',
      money: '退款（{{method}}）',
      pointsReturned: '退回积分',
      pointsReversed: '扣回积分',
      balanceAfter: '退货后积分余额',
      couponReturned: '退回优惠券',
      confirmTitle: '确认退货？',
      confirm: '确认退货',
      quantity: '{{name}} × {{qty}}',
    },
  },
} as const;
