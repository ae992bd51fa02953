// Wording of the catalogue screens; spread into zh-CN.ts so every key is checked there.
export const catalogueZhCN = {
  catalogue: {
    nav: '商品与等级',
    title: '商品与会员等级',
  },
} as const;
